//! `GET /api/v1/search` (interfaces.md §3) and `GET /api/v1/suggest`. Anonymous callers search
//! the public index; a caller presenting the feed token (`Authorization: Bearer …`) searches
//! the staff index, until staff accounts exist.

use super::Audience;
use crate::feeds::error_response;
use crate::http::AppState;
use app::search::SearchParams;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

/// Routes of the search API.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route(crate::feeds::API_PATHS[2], get(search))
        .route(crate::feeds::API_PATHS[3], get(suggest))
}

async fn search(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(params): Query<SearchParams>,
) -> Response {
    let Some(audience) = audience(&state, &headers) else {
        return unauthorized();
    };
    match state.search.search(&params, audience).await {
        Ok(page) => Json(page).into_response(),
        Err(e) => error_response(e),
    }
}

#[derive(Deserialize)]
struct SuggestQuery {
    q: Option<String>,
}

#[derive(Serialize)]
struct Suggestions {
    suggestions: Vec<app::search::Suggestion>,
}

async fn suggest(State(state): State<AppState>, Query(q): Query<SuggestQuery>) -> Response {
    match state.search.suggest(q.q.as_deref().unwrap_or("")).await {
        Ok(suggestions) => Json(Suggestions { suggestions }).into_response(),
        Err(e) => error_response(e),
    }
}

/// Public without credentials; staff with the feed token; `None` for any other credentials.
fn audience(state: &AppState, headers: &HeaderMap) -> Option<Audience> {
    let Some(given) = headers.get(header::AUTHORIZATION) else {
        return Some(Audience::Public);
    };
    let token = state.config.feed_token.as_deref().filter(|t| !t.is_empty());
    let presented = given.to_str().ok().and_then(|v| v.strip_prefix("Bearer "));
    match (token, presented) {
        (Some(t), Some(p)) if constant_time_eq(t.as_bytes(), p.trim().as_bytes()) => {
            Some(Audience::Staff)
        }
        _ => None,
    }
}

fn unauthorized() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        [(header::WWW_AUTHENTICATE, "Bearer")],
        Json(serde_json::json!({
            "error": "unauthorized",
            "message": "mã truy cập không đúng (invalid bearer token): bỏ tiêu đề Authorization để tìm trong chỉ mục công khai",
        })),
    )
        .into_response()
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    use sha2::{Digest, Sha256};
    // Comparing digests keeps the time independent of where the inputs differ.
    let (x, y) = (Sha256::digest(a), Sha256::digest(b));
    x.iter()
        .zip(y.iter())
        .fold(0u8, |acc, (p, q)| acc | (p ^ q))
        == 0
}
