//! The public pages of the catalogue, one module per route plus the error page.

pub mod account;
pub mod admin;
mod fonds;
mod home;
mod not_found;
mod record;
mod search;
pub mod staff;

pub use fonds::FondsPage;
pub use home::HomePage;
pub use not_found::{ErrorPage, NotFound};
pub use record::RecordPage;
pub use search::SearchPage;

use crate::model::PageRequest;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The cursor of the current address (`?after=` or `?before=`), for paged lists.
fn page_request() -> Memo<PageRequest> {
    let query = use_query_map();
    Memo::new(move |_| {
        let query = query.read();
        PageRequest {
            after: query.get("after"),
            before: query.get("before"),
            limit: None,
        }
    })
}
