//! The HTTP edge: application state, the router that merges every capability's routes with the
//! Leptos pages, the layers in one place, and serving with graceful shutdown.

use crate::config::Config;
use crate::db::Db;
use crate::feeds::PublicCatalogue;
use app::service::Catalogue;
use axum::Router;
use axum::extract::{FromRef, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list, handle_server_fns_with_context};
use std::sync::Arc;
use std::time::Duration;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// Everything a handler may need; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub catalogue: PublicCatalogue,
    pub search: crate::search::Search,
    pub leptos: LeptosOptions,
    /// Page images: access decisions, pyramids, renderings.
    pub images: Arc<crate::iiif::serve::Images>,
    /// Reader and staff accounts.
    pub accounts: crate::accounts::Accounts,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}

impl AppState {
    /// State over an open database and search service.
    pub fn new(
        db: Db,
        config: Config,
        leptos: LeptosOptions,
        search: crate::search::Search,
    ) -> anyhow::Result<AppState> {
        let catalogue = PublicCatalogue::new(
            db.clone(),
            config.conditional_visibility,
            config.archive_name(),
            search.clone(),
        );
        let images = Arc::new(crate::iiif::serve::Images::new(
            db.clone(),
            crate::iiif::store::Store::new(&config.data_dir),
            &config.archive_name(),
            config.watermark_font.clone(),
        ));
        let base_url = config
            .base_url
            .clone()
            .filter(|b| !b.trim().is_empty())
            .unwrap_or_else(|| format!("http://{}", leptos.site_addr));
        let accounts = crate::accounts::Accounts::from_config(db.clone(), &config, &base_url)?;
        Ok(AppState {
            db,
            config: Arc::new(config),
            catalogue,
            search,
            leptos,
            images,
            accounts,
        })
    }

    /// Opens the configured search indexes and starts their indexer in the background (it
    /// catches up at once, then follows every change, including other processes' imports).
    pub async fn open(db: Db, config: Config, leptos: LeptosOptions) -> anyhow::Result<AppState> {
        let indexes = crate::search::open(&config, &db).await?;
        let search = crate::search::Search::new(db.clone(), indexes, config.conditional_visibility);
        search.indexer().spawn(crate::search::sync::POLL);
        let workers = config.ingest_workers.unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get)
        });
        crate::iiif::ingest::spawn_workers(
            db.clone(),
            crate::iiif::store::Store::new(&config.data_dir),
            workers,
        );
        let state = AppState::new(db, config, leptos, search)?;
        state.accounts.spawn_housekeeping();
        Ok(state)
    }
}

/// Leptos options from the environment cargo-leptos sets (`LEPTOS_SITE_ROOT`, …), with defaults.
pub fn leptos_options(bind: &str) -> LeptosOptions {
    let env = |k: &str, d: &str| {
        std::env::var(k)
            .ok()
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| d.to_string())
    };
    let addr = bind
        .parse()
        .unwrap_or(std::net::SocketAddr::from(([127, 0, 0, 1], 3000)));
    LeptosOptions::builder()
        .output_name(env("LEPTOS_OUTPUT_NAME", "portal"))
        .site_root(env("LEPTOS_SITE_ROOT", "target/site"))
        .site_pkg_dir(env("LEPTOS_SITE_PKG_DIR", "pkg"))
        .site_addr(addr)
        .build()
}

/// What every page and server function finds in Leptos context: the public catalogue, and the
/// accounts seen through the request's session (with a form's echo after an invalid
/// submission). Leptos has put the request's parts in context when this runs.
fn page_context(state: &AppState) -> impl Fn() + Clone + Send + Sync + 'static {
    let catalogue: Catalogue = Arc::new(state.catalogue.clone());
    let accounts = state.accounts.clone();
    move || {
        provide_context(catalogue.clone());
        let parts = use_context::<axum::http::request::Parts>();
        let session = parts
            .as_ref()
            .and_then(|p| p.extensions.get::<tower_sessions::Session>().cloned());
        let echo = parts.as_ref().and_then(|p| {
            p.extensions
                .get::<crate::accounts::service::FormEcho>()
                .cloned()
        });
        let service: app::service::Accounts = Arc::new(crate::accounts::service::SessionAccounts {
            accounts: accounts.clone(),
            session,
            echo,
        });
        provide_context(service);
    }
}

/// Renders the page at `uri` for the request `parts` came from, with a form's echo (an
/// invalid submission shown again).
pub async fn render_page(
    state: &AppState,
    parts: &axum::http::request::Parts,
    uri: &str,
    echo: crate::accounts::service::FormEcho,
) -> axum::response::Response {
    let mut builder = axum::http::Request::builder()
        .method(axum::http::Method::GET)
        .uri(uri);
    for (name, value) in &parts.headers {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            builder = builder.header(name, value);
        }
    }
    let Ok(mut request) = builder.body(axum::body::Body::empty()) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    *request.extensions_mut() = parts.extensions.clone();
    request.extensions_mut().insert(echo);
    let options = state.leptos.clone();
    let render = leptos_axum::render_app_async_with_context(page_context(state), move || {
        app::shell(options.clone())
    });
    let response = render(request).await;
    let (mut parts, body) = response.into_parts();
    parts
        .headers
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    parts.headers.remove(header::CONTENT_LENGTH);
    // The browser's address is the form's action (`/account/password`), which may be no page
    // at all: put the page's own address back before the client router hydrates, so it finds
    // its route (and a reload shows the page instead of posting again).
    let html = match axum::body::to_bytes(body, 8 * 1024 * 1024).await {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    axum::response::Response::from_parts(parts, axum::body::Body::from(with_address(&html, uri)))
}

/// `html` with a script at the start of its `<head>` that sets the browser's address to `uri`.
fn with_address(html: &str, uri: &str) -> String {
    let address = serde_json::to_string(uri)
        .unwrap_or_else(|_| "\"/\"".into())
        .replace('<', "\\u003c");
    let script = format!("<script>history.replaceState(null,\"\",{address})</script>");
    match html.find("<head>") {
        Some(at) => format!("{}{script}{}", &html[..at + 6], &html[at + 6..]),
        None => html.to_string(),
    }
}

/// The whole application: pages, server functions, JSON API, health check and static files.
pub fn app(state: AppState) -> Router {
    let context = page_context(&state);
    let routes = route_list();
    let shell_options = state.leptos.clone();
    let sf_context = context.clone();
    let sessions = crate::accounts::sessions::layer(state.db.clone(), state.accounts.secure());
    let hsts = state.accounts.secure();
    let base: Arc<str> = Arc::from(state.accounts.base_url.as_str());

    Router::new()
        .route("/healthz", get(healthz))
        .route(
            "/sfn/{*fn_name}",
            get({
                let c = sf_context.clone();
                move |req| handle_server_fns_with_context(c.clone(), req)
            })
            .post(move |req| handle_server_fns_with_context(sf_context.clone(), req)),
        )
        .merge(crate::feeds::router())
        .merge(crate::search::router())
        .merge(crate::iiif::http::router())
        .merge(crate::jobs::http::router())
        .merge(crate::accounts::http::router())
        .leptos_routes_with_context(&state, routes, context.clone(), move || app::shell(shell_options.clone()))
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            context,
            app::shell,
        ))
        .layer(axum::middleware::from_fn(move |req, next| {
            crate::accounts::edge::guard_request(req, next, base.clone(), hsts)
        }))
        .layer(sessions)
        // Layers, innermost first as written bottom-up by axum: security headers on every
        // response, then compression, a body limit (uploads get their own), a request timeout,
        // and tracing outermost so it sees the final status.
        .layer(SetResponseHeaderLayer::if_not_present(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            // Leptos hydration needs its inline bootstrap script and WebAssembly compilation.
            HeaderValue::from_static(
                "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; \
                 img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
            ),
        ))
        .layer(CompressionLayer::new())
        // Registration evidence may be 10 MB; every extractor keeps axum's 2 MB default, and the
        // form handlers read at most 2 MB themselves.
        .layer(RequestBodyLimitLayer::new(
            crate::accounts::flows::EVIDENCE_MAX + 1024 * 1024,
        ))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, Duration::from_secs(30)))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// The application's routes, generated once per process. Generating them sets a process-wide
/// flag in Leptos that suspends any resource first polled meanwhile, forever (leptos-rs/leptos
/// #4773): a second generation while pages render (several apps in one process, as in the
/// tests) would hang those pages.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(app::App)).clone()
}

/// `/healthz`: 200 `ok` when the database and the search index answer.
async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    if !state.db.ping().await {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    } else if !state.search.ping().await {
        (StatusCode::SERVICE_UNAVAILABLE, "search index unavailable")
    } else {
        (StatusCode::OK, "ok")
    }
}

/// Serves `state` on `bind` until SIGINT or SIGTERM.
pub async fn serve(state: AppState, bind: &str) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(bind).await.map_err(|e| {
        anyhow::anyhow!(
            "PORTAL_BIND={bind}: không mở được cổng ({e}); chọn địa chỉ khác, ví dụ 127.0.0.1:3001"
        )
    })?;
    let addr = listener.local_addr()?;
    tracing::info!("serving on http://{addr}");
    eprintln!(
        "Cổng thông tin đang chạy tại http://{addr} (the portal is serving at http://{addr})"
    );
    axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

#[cfg(test)]
mod tests {
    use super::with_address;

    #[test]
    fn a_page_shown_again_puts_its_own_address_back() {
        let html = with_address(
            "<html><head><title>x</title></head></html>",
            "/account/reset?token=ab",
        );
        assert_eq!(
            html,
            "<html><head><script>history.replaceState(null,\"\",\"/account/reset?token=ab\")</script>\
             <title>x</title></head></html>"
        );
        let hostile = with_address("<head></head>", "/a</script><script>alert(1)");
        assert!(!hostile.contains("</script><script>alert"), "{hostile}");
    }
}
