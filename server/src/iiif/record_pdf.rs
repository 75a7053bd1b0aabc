//! `GET /api/v1/records/{code}/pdf`: a public record's pages as one PDF, made from the largest
//! stored size of each page and cached (keyed by the pages, so new pages make a new PDF).
//! Conditional records never get one, not even as a reading copy (domain.md §3 rule 3).

use super::auth::Viewer;
use super::present;
use super::pyramid::Layout;
use super::serve::Refusal;
use super::store::write_atomic;
use crate::http::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

/// The handler.
pub async fn handler(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Response {
    let _ = &headers;
    match pdf(&state, &code).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{}.pdf\"", code.replace('"', "")),
                ),
                (header::CACHE_CONTROL, "public, max-age=3600".to_string()),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => e.into_response(),
    }
}

async fn pdf(state: &AppState, code: &str) -> Result<Vec<u8>, Refusal> {
    let internal = |e: String| Refusal::Internal(e);
    let (unit, chain) = super::http::unit(state, code).await?;
    let view = present::public_chain(&unit, &chain, state.config.conditional_visibility)
        .ok_or(Refusal::NotFound)?;
    let (pages, locked) = present::record_pages(&state.db, &unit, &Viewer::Public)
        .await
        .map_err(|e| internal(e.to_string()))?;
    if locked {
        return Err(Refusal::Denied);
    }
    if pages.is_empty() {
        return Err(Refusal::NotFound);
    }
    if !present::downloadable(&pages) {
        return Err(Refusal::Denied);
    }
    let key = pages
        .iter()
        .map(|p| p.image_id.as_str())
        .collect::<Vec<_>>()
        .join(",");
    let digest = hex::encode(Sha256::digest(format!("{code}|{key}")));
    let path = state
        .images
        .store
        .derivatives_root()
        .join("pdf")
        .join(format!("{}.pdf", &digest[..32]));
    if let Ok(bytes) = tokio::fs::read(&path).await {
        return Ok(bytes);
    }
    let store = state.images.store.clone();
    let title = view.title().unwrap_or(view.code()).to_string();
    let ids: Vec<String> = pages.iter().map(|p| p.image_id.clone()).collect();
    tokio::task::spawn_blocking(move || {
        let mut out = Vec::with_capacity(ids.len());
        for id in &ids {
            let dir = store.derivative_dir(id);
            let layout = Layout::load(&dir).map_err(|e| internal(format!("{id}: {e}")))?;
            let &(w, h) = layout
                .sizes
                .last()
                .ok_or_else(|| internal(format!("{id}: no stored size")))?;
            let jpeg = std::fs::read(dir.join("sizes").join(format!("{w}x{h}.jpg")))
                .map_err(|e| internal(format!("{id}: {e}")))?;
            out.push(super::pdf::PdfPage {
                jpeg,
                width: w,
                height: h,
                text: None,
            });
        }
        // A4 portrait is 8.27 in wide: the stored size prints at about that width.
        let dpi = out
            .first()
            .map_or(150.0, |p| (p.width.min(p.height) as f32 / 8.27).max(36.0));
        let bytes = super::pdf::write_pdf(&out, &title, dpi, None).map_err(internal)?;
        let _ = write_atomic(&path, &bytes);
        Ok(bytes)
    })
    .await
    .map_err(|e| internal(e.to_string()))?
}
