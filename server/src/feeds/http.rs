//! The public JSON API over the catalogue (interfaces.md §3): records and their children, with
//! 404 for what the caller may not see and 400 naming a malformed parameter.

use crate::http::AppState;
use app::model::{PageRequest, RecordView};
use app::service::ServiceError;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

/// Routes of the public JSON API.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route(super::openapi::PATHS[0], get(record))
        .route(super::openapi::PATHS[1], get(children))
        .route(
            "/api/v1/openapi.json",
            get(|| async { Json(super::openapi::document()) }),
        )
}

/// Query string of paged lists; every value is text so that errors can name the parameter.
#[derive(Debug, Default, Deserialize)]
struct PageQuery {
    after: Option<String>,
    before: Option<String>,
    limit: Option<String>,
}

impl PageQuery {
    fn into_request(self) -> Result<PageRequest, ServiceError> {
        let limit = match self.limit.as_deref().filter(|s| !s.is_empty()) {
            None => None,
            Some(s) => Some(s.parse::<u32>().map_err(|_| ServiceError::BadRequest {
                parameter: "limit".into(),
                reason: format!("limit phải là số nguyên dương, nhận được {s:?} (limit must be a positive integer)"),
            })?),
        };
        Ok(PageRequest {
            after: self.after,
            before: self.before,
            limit,
        })
    }
}

/// A record in the JSON API: the record view plus its digitised pages.
#[derive(Serialize)]
struct RecordJson {
    #[serde(flatten)]
    record: RecordView,
    pages: Vec<String>,
}

async fn record(State(state): State<AppState>, Path(code): Path<String>) -> Response {
    match state.catalogue.record(&code).await {
        Ok(record) => Json(RecordJson {
            record,
            pages: Vec::new(),
        })
        .into_response(),
        Err(e) => error_response(e),
    }
}

async fn children(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<PageQuery>,
) -> Response {
    let result = async {
        state
            .catalogue
            .children_page(&code, q.into_request()?)
            .await
    }
    .await;
    match result {
        Ok(page) => Json(page).into_response(),
        Err(e) => error_response(e),
    }
}

/// The JSON error body of the API.
#[derive(Serialize)]
struct ErrorBody {
    error: &'static str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    parameter: Option<String>,
}

/// Turns a service error into a JSON response with the right status.
pub(crate) fn error_response(e: ServiceError) -> Response {
    let (status, body) = match e {
        ServiceError::NotFound => (
            StatusCode::NOT_FOUND,
            ErrorBody {
                error: "not_found",
                message: "Không tìm thấy tài liệu (record not found)".into(),
                parameter: None,
            },
        ),
        ServiceError::BadRequest { parameter, reason } => (
            StatusCode::BAD_REQUEST,
            ErrorBody {
                error: "bad_request",
                message: reason,
                parameter: Some(parameter),
            },
        ),
        ServiceError::Unauthorized => (
            StatusCode::UNAUTHORIZED,
            ErrorBody {
                error: "unauthorized",
                message: "Cần đăng nhập (sign-in required)".into(),
                parameter: None,
            },
        ),
        ServiceError::Forbidden => (
            StatusCode::FORBIDDEN,
            ErrorBody {
                error: "forbidden",
                message: "Không có quyền (forbidden)".into(),
                parameter: None,
            },
        ),
        ServiceError::Internal => (
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorBody {
                error: "internal",
                message: "Lỗi máy chủ; vui lòng thử lại (server error)".into(),
                parameter: None,
            },
        ),
    };
    (status, Json(body)).into_response()
}
