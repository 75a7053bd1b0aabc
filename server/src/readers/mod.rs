//! Reader accounts (reader-services.md §1): the pure building blocks that the registration,
//! sign-in and staff pages use. Nothing here touches HTTP or the database.
//!
//! - [`validate`]: the registration form, field by field, with Vietnamese messages beside each field;
//! - [`password`]: the password policy and argon2id hashing;
//! - [`deadline`]: working days and the staff deadline "within one working day" (Circular 05/2025
//!   art. 35), with the archive's holiday calendar;
//! - [`mail`]: the account e-mails (verification, password reset, activation, refusal, expiry),
//!   sent through SMTP or written to the outbox folder.

pub mod deadline;
pub mod mail;
pub mod password;
pub mod validate;
