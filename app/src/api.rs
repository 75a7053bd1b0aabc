//! Server functions: the pages' only way to the backend. On the server they call the
//! [`crate::service::CatalogueService`] found in context; in the browser they are HTTP calls.

use crate::model::{ChildrenPage, HomeData, PageRequest, RecordPage, SiteInfo};
use crate::service::ServiceError;
use leptos::prelude::*;
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

impl FromServerFnError for ServiceError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(_value: ServerFnErrorErr) -> Self {
        ServiceError::Internal
    }
}

/// Gives a failed call the HTTP status it deserves (server functions answer 500 otherwise): an
/// unknown or hidden record is 404, a malformed parameter 400.
#[cfg(feature = "ssr")]
fn answered<T>(result: Result<T, ServiceError>) -> Result<T, ServiceError> {
    if let Err(e) = &result
        && let Some(response) = use_context::<leptos_axum::ResponseOptions>()
    {
        match e {
            ServiceError::NotFound => response.set_status(http::StatusCode::NOT_FOUND),
            ServiceError::BadRequest { .. } => response.set_status(http::StatusCode::BAD_REQUEST),
            ServiceError::Unauthorized => response.set_status(http::StatusCode::UNAUTHORIZED),
            ServiceError::Forbidden => response.set_status(http::StatusCode::FORBIDDEN),
            ServiceError::Internal => {}
        }
    }
    result
}

#[cfg(feature = "ssr")]
pub(crate) fn answered_pub<T>(result: Result<T, ServiceError>) -> Result<T, ServiceError> {
    answered(result)
}

#[cfg(feature = "ssr")]
fn catalogue() -> Result<crate::service::Catalogue, ServiceError> {
    use_context::<crate::service::Catalogue>().ok_or(ServiceError::Internal)
}

/// What every page shows about the portal (header, footer, titles).
#[server(prefix = "/sfn", endpoint = "site")]
pub async fn get_site() -> Result<SiteInfo, ServiceError> {
    catalogue()?.site().await
}

/// The home page's data.
#[server(prefix = "/sfn", endpoint = "home")]
pub async fn get_home() -> Result<HomeData, ServiceError> {
    answered(catalogue()?.home().await)
}

// The paged functions take JSON: URL encoding drops a `PageRequest` whose fields are all
// `None` (the first page), and the server then fails to deserialize the missing argument.

/// One page of the fonds list.
#[server(prefix = "/sfn", endpoint = "fonds", input = server_fn::codec::Json)]
pub async fn get_fonds(page: PageRequest) -> Result<ChildrenPage, ServiceError> {
    answered(catalogue()?.fonds(page).await)
}

/// A record with one page of its children.
#[server(prefix = "/sfn", endpoint = "record", input = server_fn::codec::Json)]
pub async fn get_record(code: String, page: PageRequest) -> Result<RecordPage, ServiceError> {
    answered(catalogue()?.record(code, page).await)
}

/// One page of search results (the `/search` page).
#[server(prefix = "/sfn", endpoint = "search", input = server_fn::codec::Json)]
pub async fn search(
    params: crate::search::SearchParams,
) -> Result<crate::search::SearchPage, ServiceError> {
    answered(catalogue()?.search(params).await)
}

/// Completions for the search box.
#[server(prefix = "/sfn", endpoint = "suggest")]
pub async fn suggest(q: String) -> Result<Vec<crate::search::Suggestion>, ServiceError> {
    answered(catalogue()?.suggest(q).await)
}
