//! Public read surfaces built from the access policy's view: the catalogue service behind the
//! pages' server functions, and the JSON API (`/api/v1/records/…`).

mod catalogue;
mod http;
mod openapi;

pub use catalogue::PublicCatalogue;
pub(crate) use http::{error_response, router};
pub(crate) use openapi::PATHS as API_PATHS;
