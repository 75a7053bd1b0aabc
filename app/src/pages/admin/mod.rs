//! Administration pages under `/admin/…`: accounts, the audit log, the demo outbox.

mod audit;
mod outbox;
mod user_add;
mod users;

pub use audit::AuditLogPage;
pub use outbox::{OutboxMessagePage, OutboxPage};
pub use users::UsersPage;
