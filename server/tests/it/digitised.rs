//! Digitised records: packages and scans in, IIIF out, conditional pages kept in.

pub(crate) mod fixture;
mod leaks;
mod packages;
mod serving;
