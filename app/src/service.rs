//! The service interface that server functions call; the `portal` server provides it through
//! Leptos context (`Arc<dyn CatalogueService>`), so `app` needs no database code.

use crate::account::{
    AccountView, AuditPage, FormState, OutboxMessage, OutboxRow, QueueEntry, ReaderDetail,
    TotpSetup, UserRow, Viewer,
};
use crate::model::{ChildrenPage, HomeData, PageRequest, RecordPage, SiteInfo};
use crate::search::{SearchPage, SearchParams, Suggestion};
use futures::future::BoxFuture;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Why a request could not be answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ServiceError {
    /// No such unit for this viewer (unknown, secret, hidden or withdrawn: indistinguishable).
    NotFound,
    /// A malformed parameter, named.
    BadRequest { parameter: String, reason: String },
    /// The page needs a signed-in user (401).
    Unauthorized,
    /// The signed-in user lacks the role (403).
    Forbidden,
    /// Something failed on the server; details are in the server log, never here.
    Internal,
}

impl std::fmt::Display for ServiceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServiceError::NotFound => write!(f, "not found"),
            ServiceError::BadRequest { parameter, reason } => {
                write!(f, "bad parameter {parameter}: {reason}")
            }
            ServiceError::Unauthorized => write!(f, "sign-in required"),
            ServiceError::Forbidden => write!(f, "forbidden"),
            ServiceError::Internal => write!(f, "internal error"),
        }
    }
}

/// What the catalogue pages need from the server, always as seen by an anonymous visitor
/// (accounts arrive with a later issue and will add the viewer as an argument).
pub trait CatalogueService: Send + Sync + 'static {
    /// The archive's name, published counts and the first page of fonds.
    fn home(&self) -> BoxFuture<'static, Result<HomeData, ServiceError>>;
    /// One page of fonds.
    fn fonds(&self, page: PageRequest) -> BoxFuture<'static, Result<ChildrenPage, ServiceError>>;
    /// A unit with one page of its children.
    fn record(
        &self,
        code: String,
        page: PageRequest,
    ) -> BoxFuture<'static, Result<RecordPage, ServiceError>>;
    /// One page of search results with facets, as the public may see them.
    fn search(&self, params: SearchParams) -> BoxFuture<'static, Result<SearchPage, ServiceError>>;
    /// Completions for what has been typed so far (titles of the best matches).
    fn suggest(&self, q: String) -> BoxFuture<'static, Result<Vec<Suggestion>, ServiceError>>;
    /// What every page shows about the portal (the archive's name). The default takes it from
    /// [`CatalogueService::home`]; implementations should answer it without counting anything.
    fn site(&self) -> BoxFuture<'static, Result<SiteInfo, ServiceError>> {
        let home = self.home();
        Box::pin(async move {
            home.await.map(|home| SiteInfo {
                archive_name: home.archive_name,
            })
        })
    }
}

/// The handle placed in Leptos context.
pub type Catalogue = Arc<dyn CatalogueService>;

/// Accounts as the current request's session sees them. The server builds one per request
/// (bound to its session) and places it in Leptos context as [`Accounts`]. Every staff and admin
/// method checks the role itself and answers [`ServiceError::Unauthorized`] or
/// [`ServiceError::Forbidden`]. Everything that changes state is a form POST handled by the
/// server outside these methods (CSRF-checked there).
pub trait AccountService: Send + Sync + 'static {
    /// Who is signed in, and the session's CSRF token (creating the session when needed).
    fn viewer(&self) -> BoxFuture<'static, Result<Viewer, ServiceError>>;
    /// The state of the form `form` (its name, e.g. `register`): what was typed and the field
    /// messages when the page is shown again after an invalid submission; the CSRF token always.
    fn form_state(&self, form: String) -> BoxFuture<'static, Result<FormState, ServiceError>>;
    /// The signed-in user's own account.
    fn account(&self) -> BoxFuture<'static, Result<AccountView, ServiceError>>;
    /// A fresh TOTP secret for the enrolment page (kept in the session until confirmed).
    fn totp_setup(&self) -> BoxFuture<'static, Result<TotpSetup, ServiceError>>;
    /// The recovery codes made at enrolment, shown once (then forgotten by the session).
    fn recovery_codes(&self) -> BoxFuture<'static, Result<Vec<String>, ServiceError>>;
    /// Staff: the verification queue, oldest first.
    fn reader_queue(&self) -> BoxFuture<'static, Result<Vec<QueueEntry>, ServiceError>>;
    /// Staff: one reader's details and history.
    fn reader(&self, id: i64) -> BoxFuture<'static, Result<ReaderDetail, ServiceError>>;
    /// Admin: every account.
    fn users(&self) -> BoxFuture<'static, Result<Vec<UserRow>, ServiceError>>;
    /// Admin: the audit log, newest first, 100 lines a page.
    fn audit(&self, before: Option<i64>) -> BoxFuture<'static, Result<AuditPage, ServiceError>>;
    /// Admin in demo mode: the outbox.
    fn outbox(&self) -> BoxFuture<'static, Result<Vec<OutboxRow>, ServiceError>>;
    /// Admin in demo mode: one message.
    fn outbox_message(
        &self,
        file: String,
    ) -> BoxFuture<'static, Result<OutboxMessage, ServiceError>>;
}

/// The handle placed in Leptos context, bound to the request's session.
pub type Accounts = Arc<dyn AccountService>;
