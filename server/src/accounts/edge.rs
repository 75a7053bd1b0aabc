//! Request rules around sessions, applied to every request: a state-changing request from
//! another site is refused before any handler runs (defence in depth beside the per-form CSRF
//! token, and the guard of server functions), personal pages are never cached, and HSTS is sent
//! when the portal runs under HTTPS.

use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// Whether the request comes from another site, by `Sec-Fetch-Site` or by an `Origin` that is
/// neither this host nor the configured public origin (`base`, e.g. `https://portal.vn`: behind a
/// reverse proxy the `Host` may be the proxy's).
pub fn cross_site(request: &Request, base: &str) -> bool {
    let headers = request.headers();
    if headers
        .get("sec-fetch-site")
        .is_some_and(|v| v.as_bytes() == b"cross-site" || v.as_bytes() == b"same-site")
    {
        return true;
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let origin_host = origin.split("://").nth(1).unwrap_or("");
    let base = base.trim_end_matches('/');
    origin == "null"
        || !(origin_host.eq_ignore_ascii_case(host) || origin.eq_ignore_ascii_case(base))
}

/// Paths whose answers depend on who is signed in.
fn personal(path: &str) -> bool {
    ["/account", "/staff", "/admin", "/sfn"].iter().any(|p| {
        path.strip_prefix(p)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

/// The middleware.
pub async fn guard_request(request: Request, next: Next, base: Arc<str>, hsts: bool) -> Response {
    let unsafe_method = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let path = request.uri().path().to_string();
    // The feed API authenticates with a bearer token, which a browser never adds by itself.
    if unsafe_method && !path.starts_with("/api/v1/catalogue/") && cross_site(&request, &base) {
        tracing::info!(target: "security", path, "cross-site state-changing request refused");
        return (
            StatusCode::FORBIDDEN,
            "Yêu cầu từ trang khác bị từ chối (cross-site request refused)",
        )
            .into_response();
    }
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if personal(&path) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if hsts {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(headers: &[(&str, &str)]) -> Request {
        let mut b = Request::builder()
            .method(Method::POST)
            .uri("/account/sign-in");
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(axum::body::Body::empty()).expect("request")
    }

    #[test]
    fn cross_site_requests_are_recognised() {
        assert!(!cross_site(&req(&[("host", "portal.vn")]), ""));
        assert!(!cross_site(
            &req(&[("host", "portal.vn"), ("origin", "https://portal.vn")]),
            ""
        ));
        assert!(!cross_site(&req(&[("sec-fetch-site", "same-origin")]), ""));
        assert!(cross_site(
            &req(&[("host", "portal.vn"), ("origin", "https://evil.example")]),
            ""
        ));
        assert!(cross_site(
            &req(&[("host", "portal.vn"), ("origin", "null")]),
            ""
        ));
        assert!(cross_site(&req(&[("sec-fetch-site", "cross-site")]), ""));
        // Behind a proxy the Host is the proxy's; the configured public origin is this site.
        assert!(!cross_site(
            &req(&[("host", "127.0.0.1:3000"), ("origin", "https://portal.vn")]),
            "https://portal.vn/"
        ));
        assert!(personal("/account"));
        assert!(personal("/account/sign-in"));
        assert!(personal("/sfn/viewer"));
        assert!(!personal("/accounts-of-x"));
        assert!(!personal("/records/X"));
    }
}
