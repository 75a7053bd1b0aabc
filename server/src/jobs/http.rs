//! The progress view of background work for staff: `/admin/status` (HTML that refreshes itself,
//! works without JavaScript) and `GET /api/v1/jobs` (JSON). Staff are recognised as on the IIIF
//! routes (the feed token as bearer, or the access service's cookie) until accounts exist.

use super::{Status, status};
use crate::http::AppState;
use crate::iiif::auth::Viewer;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;

/// The routes.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/status", get(page))
        .route(crate::feeds::API_PATHS[5], get(json))
}

async fn staff(
    state: &AppState,
    headers: &HeaderMap,
    session: &crate::iiif::http::MaybeSession,
) -> bool {
    crate::iiif::http::viewer(state, headers, session).await == Viewer::Staff
}

async fn json(
    State(state): State<AppState>,
    headers: HeaderMap,
    session: crate::iiif::http::MaybeSession,
) -> Response {
    if !staff(&state, &headers, &session).await {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
        )
            .into_response();
    }
    match status(&state.db, crate::iiif::ingest::KIND).await {
        Ok(s) => axum::Json(serde_json::json!({ "ingest": s })).into_response(),
        Err(e) => {
            tracing::warn!("job status: {e}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

async fn page(
    State(state): State<AppState>,
    headers: HeaderMap,
    session: crate::iiif::http::MaybeSession,
) -> Response {
    if !staff(&state, &headers, &session).await {
        let body = "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Cần đăng nhập</title></head>\
            <body><h1>Cần đăng nhập cán bộ</h1><p><a href=\"/account/sign-in?next=/admin/status\">Đăng nhập cán bộ lưu trữ</a> \
            rồi mở lại trang này. (Staff sign-in required.)</p></body></html>";
        return (StatusCode::UNAUTHORIZED, Html(body)).into_response();
    }
    match status(&state.db, crate::iiif::ingest::KIND).await {
        Ok(s) => Html(render(&s)).into_response(),
        Err(e) => {
            tracing::warn!("job status: {e}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page: counts, a progress bar per running job, the latest failures.
pub fn render(s: &Status) -> String {
    let mut running = String::new();
    for (subject, done, total) in &s.current {
        running.push_str(&format!(
            "<li><span class=\"code\">{}</span> <progress max=\"{}\" value=\"{}\" aria-label=\"Tiến độ {}\">{done}/{total}</progress> {done}/{total} tệp</li>",
            escape(subject),
            total.max(&1),
            done,
            escape(subject),
        ));
    }
    if running.is_empty() {
        running.push_str("<li>Không có công việc đang chạy. (Nothing running.)</li>");
    }
    let mut failures = String::new();
    for (subject, list) in &s.failures {
        for f in list {
            failures.push_str(&format!(
                "<tr><td class=\"code\">{}</td><td>{}</td><td>{}</td></tr>",
                escape(subject),
                escape(&f.file),
                escape(&f.reason)
            ));
        }
    }
    let failures = if failures.is_empty() {
        "<p>Không có lỗi. (No failures.)</p>".to_string()
    } else {
        format!(
            "<table><thead><tr><th scope=\"col\">Hồ sơ/tài liệu</th><th scope=\"col\">Tệp</th><th scope=\"col\">Lý do</th></tr></thead><tbody>{failures}</tbody></table>"
        )
    };
    format!(
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta http-equiv=\"refresh\" content=\"5\"><title>Tiến độ xử lý bản số hóa</title>\
         <style>body{{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;color:#1a1a1a}}\
         .code{{font-family:ui-monospace,monospace}}progress{{width:12rem}}table{{border-collapse:collapse;width:100%}}\
         td,th{{border-bottom:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}}</style></head><body>\
         <h1>Tiến độ xử lý bản số hóa <span lang=\"en\">(digitised pages)</span></h1>\
         <p>Trang tự làm mới sau 5 giây.</p>\
         <dl><dt>Đang chờ</dt><dd>{}</dd><dt>Đang chạy</dt><dd>{}</dd><dt>Xong</dt><dd>{}</dd><dt>Thất bại</dt><dd>{}</dd></dl>\
         <h2>Đang chạy</h2><ul>{running}</ul><h2>Tệp lỗi gần đây</h2>{failures}</body></html>",
        s.queued, s.running, s.done, s.failed
    )
}
