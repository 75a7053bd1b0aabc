//! Accounts (reader-services.md §1): the flows a reader, staff and admins go through, and the
//! attacks they must withstand, against a real server on both databases.

mod admin;
mod attacks;
mod cli;
mod client;
mod evidence;
mod flows;
mod images;
mod mail;
mod renewal;
mod staff;
mod steps;
