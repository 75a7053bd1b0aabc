//! Server functions of the account pages. On the server they call the
//! [`crate::service::AccountService`] bound to the request's session; in the browser they are
//! HTTP calls (read-only: every change is a CSRF-checked form POST).

use super::{
    AccountView, AuditPage, FormState, OutboxMessage, OutboxRow, QueueEntry, ReaderDetail,
    TotpSetup, UserRow, Viewer,
};
use crate::service::ServiceError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn accounts() -> Result<crate::service::Accounts, ServiceError> {
    use_context::<crate::service::Accounts>().ok_or(ServiceError::Internal)
}

#[cfg(feature = "ssr")]
use crate::api::answered_pub as answered;

/// Who is signed in, and the session's CSRF token.
#[server(prefix = "/sfn", endpoint = "viewer")]
pub async fn get_viewer() -> Result<Viewer, ServiceError> {
    accounts()?.viewer().await
}

/// A form's state (what was typed and the messages, after an invalid submission).
#[server(prefix = "/sfn", endpoint = "form-state")]
pub async fn get_form_state(form: String) -> Result<FormState, ServiceError> {
    accounts()?.form_state(form).await
}

/// The signed-in user's own account.
#[server(prefix = "/sfn", endpoint = "account")]
pub async fn get_account() -> Result<AccountView, ServiceError> {
    answered(accounts()?.account().await)
}

/// A TOTP secret to enrol.
#[server(prefix = "/sfn", endpoint = "totp-setup")]
pub async fn get_totp_setup() -> Result<TotpSetup, ServiceError> {
    answered(accounts()?.totp_setup().await)
}

/// The recovery codes made at enrolment (once).
#[server(prefix = "/sfn", endpoint = "recovery-codes")]
pub async fn get_recovery_codes() -> Result<Vec<String>, ServiceError> {
    answered(accounts()?.recovery_codes().await)
}

/// Staff: the verification queue.
#[server(prefix = "/sfn", endpoint = "reader-queue")]
pub async fn get_reader_queue() -> Result<Vec<QueueEntry>, ServiceError> {
    answered(accounts()?.reader_queue().await)
}

/// Staff: one reader.
#[server(prefix = "/sfn", endpoint = "reader")]
pub async fn get_reader(id: i64) -> Result<ReaderDetail, ServiceError> {
    answered(accounts()?.reader(id).await)
}

/// Admin: every account.
#[server(prefix = "/sfn", endpoint = "users")]
pub async fn get_users() -> Result<Vec<UserRow>, ServiceError> {
    answered(accounts()?.users().await)
}

/// Admin: a page of the audit log.
#[server(prefix = "/sfn", endpoint = "audit")]
pub async fn get_audit(before: Option<i64>) -> Result<AuditPage, ServiceError> {
    answered(accounts()?.audit(before).await)
}

/// Admin, demo mode: the outbox.
#[server(prefix = "/sfn", endpoint = "outbox")]
pub async fn get_outbox() -> Result<Vec<OutboxRow>, ServiceError> {
    answered(accounts()?.outbox().await)
}

/// Admin, demo mode: one message.
#[server(prefix = "/sfn", endpoint = "outbox-message")]
pub async fn get_outbox_message(file: String) -> Result<OutboxMessage, ServiceError> {
    answered(accounts()?.outbox_message(file).await)
}
