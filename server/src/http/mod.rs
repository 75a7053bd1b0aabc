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
    ) -> AppState {
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
        AppState {
            db,
            config: Arc::new(config),
            catalogue,
            search,
            leptos,
            images,
        }
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
        Ok(AppState::new(db, config, leptos, search))
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

/// The whole application: pages, server functions, JSON API, health check and static files.
pub fn app(state: AppState) -> Router {
    let catalogue: Catalogue = Arc::new(state.catalogue.clone());
    let context = move || provide_context(catalogue.clone());
    let routes = route_list();
    let shell_options = state.leptos.clone();
    let sf_context = context.clone();

    Router::new()
        .route("/healthz", get(healthz))
        .route(
            "/sfn/{*fn_name}",
            get(move |req| handle_server_fns_with_context(sf_context.clone(), req))
                .post(move |req| handle_server_fns_with_context(context.clone(), req)),
        )
        .merge(crate::feeds::router())
        .merge(crate::search::router())
        .merge(crate::iiif::http::router())
        .merge(crate::jobs::http::router())
        .leptos_routes_with_context(&state, routes, {
            let catalogue: Catalogue = Arc::new(state.catalogue.clone());
            move || provide_context(catalogue.clone())
        }, move || app::shell(shell_options.clone()))
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            {
                let catalogue: Catalogue = Arc::new(state.catalogue.clone());
                move || provide_context(catalogue.clone())
            },
            app::shell,
        ))
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
        .layer(RequestBodyLimitLayer::new(2 * 1024 * 1024))
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
    axum::serve(listener, app(state))
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
