//! The IIIF routes (interfaces.md §5): Image API 3.0, Presentation 3.0 manifests and fonds
//! collections, the Authorization Flow 2.0 services, and the whole-record PDF.

use super::auth::{self, Decision, STAFF_COOKIE, Viewer};
use super::serve::{LIMITS, Refusal, with_headers};
use crate::catalogue::store as units;
use crate::http::AppState;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::Deserialize;

/// The routes, merged into the application's router.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/iiif/3/{id}", get(redirect_info))
        .route("/iiif/3/{id}/info.json", get(info))
        .route(
            "/iiif/3/{id}/{region}/{size}/{rotation}/{quality}",
            get(image),
        )
        .route("/iiif/3/manifests/{code}", get(manifest))
        .route("/iiif/3/collections/{code}", get(collection))
        .route("/iiif/auth/probe/{kind}/{target}", get(probe))
        .route("/iiif/auth/access", get(access_form).post(access_submit))
        .route("/iiif/auth/token", get(token))
        .route("/iiif/auth/logout", get(logout))
        .route(crate::feeds::API_PATHS[4], get(super::record_pdf::handler))
}

/// The absolute base URL for ids: the configured one, else this request's host.
pub fn base_url(state: &AppState, headers: &HeaderMap) -> String {
    if let Some(b) = state.config.base_url.as_deref().filter(|b| !b.is_empty()) {
        return b.trim_end_matches('/').to_string();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    format!("http://{host}")
}

/// The session of a request, when the session layer put one there.
pub type MaybeSession = Option<axum::Extension<tower_sessions::Session>>;

/// Staff by the feed token (bearer), the access service's cookie, or a signed-in account with a
/// staff-side role (reading-room staff, approver, admin); otherwise the public.
pub async fn viewer(state: &AppState, headers: &HeaderMap, session: &MaybeSession) -> Viewer {
    if credential_viewer(state, headers) == Viewer::Staff {
        return Viewer::Staff;
    }
    // Image requests come by the thousand: look at the session only when a session cookie came.
    let has_cookie = headers.get_all(header::COOKIE).iter().any(|v| {
        let name = crate::accounts::sessions::COOKIE.as_bytes();
        v.as_bytes()
            .windows(name.len() + 1)
            .any(|w| w.starts_with(name) && w[name.len()] == b'=')
    });
    if has_cookie
        && let Some(axum::Extension(session)) = session
        && let Ok(Some(account)) = crate::accounts::guard::current(&state.accounts, session).await
        && (crate::accounts::guard::may_verify(&account)
            || crate::accounts::guard::may(&account, crate::accounts::Role::Admin))
    {
        return Viewer::Staff;
    }
    Viewer::Public
}

/// Staff by the feed token (bearer) or the access service's cookie; otherwise the public.
fn credential_viewer(state: &AppState, headers: &HeaderMap) -> Viewer {
    let token = state.config.feed_token.as_deref();
    if let Some(bearer) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    {
        let bearer = bearer.trim();
        // The feed token itself, or the access token the token service hands out (its digest).
        if auth::is_staff_credential(token, &auth::staff_credential(bearer))
            || auth::is_staff_credential(token, bearer)
        {
            return Viewer::Staff;
        }
    }
    if let Some(c) = cookie(headers, STAFF_COOKIE)
        && auth::is_staff_credential(token, &c)
    {
        return Viewer::Staff;
    }
    Viewer::Public
}

fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

async fn redirect_info(Path(id): Path<String>) -> Response {
    let mut r = Redirect::to(&format!("/iiif/3/{id}/info.json")).into_response();
    *r.status_mut() = StatusCode::SEE_OTHER;
    r.headers_mut().insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    r
}

async fn info(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    session: MaybeSession,
) -> Response {
    let viewer = viewer(&state, &headers, &session).await;
    let (entry, decision) = match state.images.entry(&id, &viewer).await {
        Ok(x) => x,
        Err(e) => return e.into_response(),
    };
    let base = base_url(&state, &headers);
    let services = (decision != Decision::Full { public: true })
        .then(|| auth::services(&base, &format!("image/{id}")));
    let json = super::info::info_json(
        &format!("{base}/iiif/3/{id}"),
        &entry.layout,
        LIMITS,
        services,
    );
    let ld = headers
        .get(header::ACCEPT)
        .and_then(|a| a.to_str().ok())
        .is_some_and(|a| a.contains("application/ld+json"));
    let content_type = if ld {
        "application/ld+json;profile=\"http://iiif.io/api/image/3/context.json\""
    } else {
        "application/json"
    };
    let etag = format!("\"info-{id}-{}\"", entry.layout.width);
    let response = ([(header::CONTENT_TYPE, content_type)], json.to_string()).into_response();
    with_headers(response, decision, &etag)
}

async fn image(
    State(state): State<AppState>,
    Path((id, region, size, rotation, quality)): Path<(String, String, String, String, String)>,
    headers: HeaderMap,
    session: MaybeSession,
) -> Response {
    let viewer = viewer(&state, &headers, &session).await;
    match state
        .images
        .image(
            &id,
            [&region, &size, &rotation, &quality],
            &viewer,
            &headers,
        )
        .await
    {
        Ok(r) => r,
        Err(e) => e.into_response(),
    }
}

async fn manifest(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    session: MaybeSession,
) -> Response {
    let viewer = viewer(&state, &headers, &session).await;
    let base = base_url(&state, &headers);
    match super::present::manifest_for(&state, &base, &code, &viewer).await {
        Ok(json) => json_response(json, &viewer),
        Err(e) => e.into_response(),
    }
}

async fn collection(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Response {
    let base = base_url(&state, &headers);
    match super::present::collection_for(&state, &base, &code).await {
        Ok(json) => json_response(json, &Viewer::Public),
        Err(e) => e.into_response(),
    }
}

fn json_response(json: serde_json::Value, viewer: &Viewer) -> Response {
    let cache = if *viewer == Viewer::Public {
        "public, max-age=300"
    } else {
        "private, no-store"
    };
    (
        [
            (
                header::CONTENT_TYPE,
                "application/ld+json;profile=\"http://iiif.io/api/presentation/3/context.json\"",
            ),
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
            (header::CACHE_CONTROL, cache),
        ],
        json.to_string(),
    )
        .into_response()
}

/// Authorization Flow 2.0 probe: 200 when the bearer of the access token may see the resource.
async fn probe(
    State(state): State<AppState>,
    Path((kind, target)): Path<(String, String)>,
    headers: HeaderMap,
    session: MaybeSession,
) -> Response {
    let viewer = viewer(&state, &headers, &session).await;
    let allowed = match kind.as_str() {
        "image" => state.images.entry(&target, &viewer).await.is_ok(),
        "record" => super::present::record_visible(&state, &target, &viewer).await,
        _ => false,
    };
    let body = if allowed {
        serde_json::json!({
            "@context": "http://iiif.io/api/auth/2/context.json",
            "type": "AuthProbeResult2",
            "status": 200
        })
    } else {
        serde_json::json!({
            "@context": "http://iiif.io/api/auth/2/context.json",
            "type": "AuthProbeResult2",
            "status": 401,
            "heading": {"vi": ["Tài liệu sử dụng có điều kiện"], "en": ["Conditional-use record"]},
            "note": {"vi": [super::serve::DENIED], "en": [super::serve::DENIED]}
        })
    };
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body.to_string(),
    )
        .into_response()
}

/// The access service's query (`origin` is the client's; the page itself needs nothing from it).
#[derive(Deserialize)]
struct AccessQuery {
    #[serde(rename = "origin")]
    _origin: Option<String>,
}

const ACCESS_PAGE: &str = r#"<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đăng nhập cán bộ lưu trữ</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
label{display:block;font-weight:600;margin:.5rem 0}input{font:inherit;padding:.5rem;width:100%;box-sizing:border-box}
button{font:inherit;margin-top:1rem;padding:.6rem 1.2rem;min-height:44px}.msg{color:#8a1c1c}</style></head><body>
<h1>Đăng nhập cán bộ lưu trữ <span lang="en">(archive staff)</span></h1>
<p>Trang của tài liệu sử dụng có điều kiện chỉ được xem khi yêu cầu khai thác được phê duyệt. Cán bộ lưu trữ nhập mã truy cập để xem.</p>
{MESSAGE}
<form method="post" action="/iiif/auth/access"><label for="token">Mã truy cập (staff token)</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">Đăng nhập</button></form></body></html>"#;

async fn access_form(Query(_q): Query<AccessQuery>) -> Response {
    Html(ACCESS_PAGE.replace("{MESSAGE}", "")).into_response()
}

#[derive(Deserialize)]
struct AccessForm {
    token: String,
}

async fn access_submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::Form(form): axum::Form<AccessForm>,
) -> Response {
    let token = state.config.feed_token.as_deref().filter(|t| !t.is_empty());
    // Compared through the credential digest, so the time taken says nothing about the token.
    let Some(token) = token
        .filter(|t| auth::is_staff_credential(Some(t), &auth::staff_credential(form.token.trim())))
    else {
        let page = ACCESS_PAGE.replace(
            "{MESSAGE}",
            r#"<p class="msg" role="alert">Mã truy cập không đúng. (Wrong token.)</p>"#,
        );
        return (StatusCode::UNAUTHORIZED, Html(page)).into_response();
    };
    let secure = base_url(&state, &headers).starts_with("https://");
    let cookie = format!(
        "{STAFF_COOKIE}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age=28800{}",
        auth::staff_credential(token),
        if secure { "; Secure" } else { "" }
    );
    (
        [(header::SET_COOKIE, cookie)],
        Html(
            "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Đã đăng nhập</title></head>\
             <body><p>Đã đăng nhập. Cửa sổ này sẽ tự đóng. (Signed in; this window closes itself.)</p>\
             <script>window.close()</script></body></html>",
        ),
    )
        .into_response()
}

#[derive(Deserialize)]
struct TokenQuery {
    #[serde(rename = "messageId")]
    message_id: Option<String>,
    origin: Option<String>,
}

/// The access token service: a page for an iframe that posts the token (or an error) to the
/// client's origin.
async fn token(
    State(state): State<AppState>,
    Query(q): Query<TokenQuery>,
    headers: HeaderMap,
    session: MaybeSession,
) -> Response {
    let message_id = q.message_id.unwrap_or_default();
    let body = match viewer(&state, &headers, &session).await {
        Viewer::Staff => serde_json::json!({
            "@context": "http://iiif.io/api/auth/2/context.json",
            "type": "AuthAccessToken2",
            "accessToken": state.config.feed_token.as_deref().map(auth::staff_credential),
            "expiresIn": 28800,
            "messageId": message_id,
        }),
        _ => serde_json::json!({
            "@context": "http://iiif.io/api/auth/2/context.json",
            "type": "AuthAccessTokenError2",
            "profile": "missingAspect",
            "messageId": message_id,
            "heading": {"vi": ["Chưa đăng nhập"], "en": ["Not signed in"]},
        }),
    };
    let origin = serde_json::to_string(q.origin.as_deref().unwrap_or("*")).unwrap_or_default();
    let html = format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>token</title></head><body><script>\
         window.parent.postMessage({body}, {origin});</script></body></html>"
    );
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
            // Loaded in a viewer's iframe, wherever the viewer is.
            (
                header::CONTENT_SECURITY_POLICY,
                "frame-ancestors *; default-src 'none'; script-src 'unsafe-inline'",
            ),
            (header::X_FRAME_OPTIONS, "ALLOWALL"),
        ],
        html,
    )
        .into_response()
}

async fn logout() -> Response {
    (
        [(
            header::SET_COOKIE,
            format!("{STAFF_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"),
        )],
        Html("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Đã đăng xuất</title></head><body><p>Đã đăng xuất. (Signed out.)</p></body></html>"),
    )
        .into_response()
}

/// 404 for anything the public may not know exists.
pub fn not_found() -> Refusal {
    Refusal::NotFound
}

/// The stored unit and its ancestors.
pub async fn unit(
    state: &AppState,
    code: &str,
) -> Result<(units::StoredUnit, Vec<units::StoredUnit>), Refusal> {
    units::unit_with_ancestors(&state.db, code)
        .await
        .map_err(|e| Refusal::Internal(e.to_string()))?
        .ok_or(Refusal::NotFound)
}
