//! The integration suite: one test binary (every extra binary costs a link on two cores).
//! Each test runs against a fresh SQLite file, or a fresh PostgreSQL database when
//! `TEST_DATABASE_URL` points to a server (scripts/test runs the suite both ways).

mod support;

mod accounts;
mod api;
mod digitised;
mod import;
mod interrupted;
mod leaks;
mod modes;
mod sample;
mod search;
mod tidy;
