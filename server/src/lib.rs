//! The `portal` service: everything behind the Leptos boundary, one module per capability.
#![recursion_limit = "256"]

pub mod access;
pub mod accounts;
pub mod catalogue;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod db;
pub mod feeds;
pub mod http;
pub mod iiif;
pub mod jobs;
pub mod readers;
pub mod search;
