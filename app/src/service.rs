//! The service interface that server functions call; the `portal` server provides it through
//! Leptos context (`Arc<dyn CatalogueService>`), so `app` needs no database code.

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
