//! Serving images: the Image API routes' work once the request is parsed — who may see the
//! image, the stored tile or size when one answers, else a rendering from the nearest level
//! cached on disk, with IIIF's headers (CORS, profile `Link`, ETag, cache lifetime).

use super::auth::{self, Decision, PageOf, Viewer};
use super::pyramid::Layout;
use super::request::{ImageRequest, Limits, RequestError, Resolved};
use super::store::{self, ImageRow, Store, write_atomic};
use super::watermark::Watermark;
use crate::db::Db;
use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::time::{Duration, Instant};

/// The limits advertised in every `info.json`.
pub const LIMITS: Limits = Limits {
    max_width: 12_000,
    max_height: 12_000,
    max_area: 100_000_000,
};

/// The profile `Link` header of every Image API response.
pub const PROFILE_LINK: &str = "<http://iiif.io/api/image/3/level2.json>;rel=\"profile\"";

/// Images kept in the access cache at most (a few hundred bytes each).
const MAX_ENTRIES: usize = 50_000;

/// How often the access cache checks the catalogue for changes (rule 4: within seconds).
const RECHECK: Duration = Duration::from_millis(250);

/// An image ready to serve: its row, the units it is a page of, its pyramid.
pub struct Entry {
    pub row: ImageRow,
    pub units: Vec<PageOf>,
    pub layout: Layout,
    pub dir: PathBuf,
}

/// Images served recently, dropped whenever the catalogue changes (a unit restricted, pages
/// replaced), so that access decisions are never older than [`RECHECK`].
pub struct Images {
    pub db: Db,
    pub store: Store,
    entries: RwLock<HashMap<String, Arc<Entry>>>,
    seen: Mutex<(Instant, i64)>,
    watermark: OnceLock<Result<Arc<Watermark>, String>>,
    watermark_text: String,
    watermark_font: PathBuf,
    rebuilding: tokio::sync::Mutex<()>,
}

/// Why an image request fails; becomes the HTTP answer.
#[derive(Debug)]
pub enum Refusal {
    NotFound,
    Denied,
    Bad(RequestError),
    Internal(String),
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let (status, message) = match self {
            Refusal::NotFound => (
                StatusCode::NOT_FOUND,
                "Không có ảnh này (no such image).".to_string(),
            ),
            Refusal::Denied => (StatusCode::FORBIDDEN, DENIED.to_string()),
            Refusal::Bad(e) => (StatusCode::BAD_REQUEST, e.to_string()),
            Refusal::Internal(e) => {
                tracing::warn!("image error: {e}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Lỗi khi tạo ảnh (image error).".to_string(),
                )
            }
        };
        (
            status,
            [
                (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
                (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            message,
        )
            .into_response()
    }
}

/// The message of every refusal of a conditional page: the same for all, naming nothing.
pub const DENIED: &str = "Trang này thuộc tài liệu sử dụng có điều kiện: chỉ xem được khi yêu cầu khai thác được phê duyệt. \
(This page belongs to a conditional-use record: it can be viewed only once a request to use it is approved.)";

impl Images {
    /// The image service over a database and stores; the watermark font is loaded on first use.
    pub fn new(db: Db, store: Store, archive_name: &str, font: PathBuf) -> Images {
        Images {
            db,
            store,
            entries: RwLock::new(HashMap::new()),
            seen: Mutex::new((Instant::now() - RECHECK * 2, -1)),
            watermark: OnceLock::new(),
            watermark_text: archive_name.to_string(),
            watermark_font: font,
            rebuilding: tokio::sync::Mutex::new(()),
        }
    }

    /// The image and what `viewer` may get of it.
    pub async fn entry(
        &self,
        image_id: &str,
        viewer: &Viewer,
    ) -> Result<(Arc<Entry>, Decision), Refusal> {
        self.recheck().await;
        let cached = self
            .entries
            .read()
            .ok()
            .and_then(|m| m.get(image_id).cloned());
        let entry = match cached {
            Some(e) => e,
            None => {
                let e = Arc::new(self.load(image_id).await?);
                if let Ok(mut m) = self.entries.write() {
                    // A bound on memory: start over rather than grow without end.
                    if m.len() >= MAX_ENTRIES {
                        m.clear();
                    }
                    m.insert(image_id.to_string(), e.clone());
                }
                e
            }
        };
        match auth::decide(viewer, entry.row.standalone, &entry.units) {
            Decision::Denied => Err(Refusal::Denied),
            d => Ok((entry, d)),
        }
    }

    /// Empties the cache when the catalogue's change counter moved.
    async fn recheck(&self) {
        let due = self
            .seen
            .lock()
            .map(|s| s.0.elapsed() >= RECHECK)
            .unwrap_or(true);
        if !due {
            return;
        }
        let value: i64 =
            sqlx::query_scalar("select value from change_counter where change_counter_id = 1")
                .fetch_one(&self.db.pool)
                .await
                .unwrap_or(-2);
        if let Ok(mut s) = self.seen.lock() {
            if s.1 != value
                && let Ok(mut m) = self.entries.write()
            {
                m.clear();
            }
            *s = (Instant::now(), value);
        }
    }

    /// Drops every cached entry (after an image is added or rebuilt).
    pub fn forget(&self) {
        if let Ok(mut m) = self.entries.write() {
            m.clear();
        }
    }

    async fn load(&self, image_id: &str) -> Result<Entry, Refusal> {
        if image_id.is_empty() || image_id.len() > 200 || image_id.contains(['/', '\\', '.']) {
            return Err(Refusal::NotFound);
        }
        let row = store::image(&self.db, image_id)
            .await
            .map_err(|e| Refusal::Internal(e.to_string()))?
            .filter(|r| r.state == "ready")
            .ok_or(Refusal::NotFound)?;
        let units = auth::units_of(&self.db, image_id)
            .await
            .map_err(|e| Refusal::Internal(e.to_string()))?;
        if units.is_empty() && !row.standalone {
            return Err(Refusal::NotFound);
        }
        let dir = self.store.derivative_dir(image_id);
        let layout = match Layout::load(&dir) {
            Ok(l) => l,
            // The derivative folder was deleted: write it again from the master.
            Err(_) => self.rebuild(&row).await?,
        };
        Ok(Entry {
            row,
            units,
            layout,
            dir,
        })
    }

    async fn rebuild(&self, row: &ImageRow) -> Result<Layout, Refusal> {
        // One rebuild at a time: concurrent requests for the same image wait for the first.
        let _turn = self.rebuilding.lock().await;
        if let Ok(layout) = Layout::load(&self.store.derivative_dir(&row.image_id)) {
            return Ok(layout);
        }
        super::ingest::rebuild_one(&self.db, &self.store, row)
            .await
            .map_err(Refusal::Internal)
    }

    fn watermark(&self) -> Result<Arc<Watermark>, Refusal> {
        self.watermark
            .get_or_init(|| {
                Watermark::new(&self.watermark_text, &self.watermark_font)
                    .map(Arc::new)
                    .map_err(|e| format!("watermark font {}: {e}", self.watermark_font.display()))
            })
            .clone()
            .map_err(Refusal::Internal)
    }

    /// Answers one Image API request.
    pub async fn image(
        &self,
        image_id: &str,
        params: [&str; 4],
        viewer: &Viewer,
        headers: &HeaderMap,
    ) -> Result<Response, Refusal> {
        let request = ImageRequest::parse(params[0], params[1], params[2], params[3])
            .map_err(Refusal::Bad)?;
        let (entry, decision) = self.entry(image_id, viewer).await?;
        let resolved = request
            .resolve(entry.layout.width, entry.layout.height, LIMITS)
            .map_err(Refusal::Bad)?;
        let watermarked = decision == Decision::Watermarked;
        let key = cache_key(&resolved, watermarked);
        let etag = format!(
            "\"{}\"",
            &hex::encode(Sha256::digest(format!("{image_id}/{key}")))[..32]
        );
        if headers
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(',').any(|t| t.trim() == etag))
        {
            return Ok(with_headers(
                StatusCode::NOT_MODIFIED.into_response(),
                decision,
                &etag,
            ));
        }
        let stored = (!watermarked && !entry.row.standalone)
            .then(|| entry.layout.stored(&resolved))
            .flatten();
        let bytes = match stored {
            Some(rel) => tokio::fs::read(entry.dir.join(rel))
                .await
                .map_err(|e| Refusal::Internal(e.to_string()))?,
            None => self.rendered(&entry, &resolved, &key, watermarked).await?,
        };
        let response = (
            [(header::CONTENT_TYPE, resolved.format.media_type())],
            Body::from(bytes),
        )
            .into_response();
        Ok(with_headers(response, decision, &etag))
    }

    /// A rendering from the pyramid (or, for standalone images, the lossless master), cached.
    async fn rendered(
        &self,
        entry: &Arc<Entry>,
        r: &Resolved,
        key: &str,
        watermarked: bool,
    ) -> Result<Vec<u8>, Refusal> {
        let ext = match r.format {
            super::request::Format::Jpg => "jpg",
            super::request::Format::Png => "png",
            super::request::Format::Webp => "webp",
        };
        let digest = hex::encode(Sha256::digest(key.as_bytes()));
        let path = entry
            .dir
            .join("cache")
            .join(format!("{}.{ext}", &digest[..32]));
        if let Ok(bytes) = tokio::fs::read(&path).await {
            return Ok(bytes);
        }
        let watermark = if watermarked {
            Some(self.watermark()?)
        } else {
            None
        };
        let master = if entry.row.standalone {
            Some(
                self.store
                    .read_master(&entry.row.master)
                    .map_err(|e| Refusal::Internal(e.to_string()))?,
            )
        } else {
            None
        };
        let (entry, r) = (entry.clone(), r.clone());
        tokio::task::spawn_blocking(move || {
            let bytes = match master {
                Some(m) => {
                    let media = super::decode::MediaType::sniff(&m)
                        .ok_or_else(|| Refusal::Internal("unknown master".into()))?;
                    let page = super::decode::decode_page(&m, media, entry.row.master_page)
                        .map_err(|e| Refusal::Internal(e.to_string()))?;
                    super::render::render_image(&page.image, 1, &r, watermark.as_deref())
                }
                None => super::render::render(&entry.dir, &entry.layout, &r, watermark.as_deref()),
            }
            .map_err(|e| Refusal::Internal(e.to_string()))?;
            // A failed cache write only costs a later rendering.
            let _ = write_atomic(&path, &bytes);
            Ok(bytes)
        })
        .await
        .map_err(|e| Refusal::Internal(e.to_string()))?
    }
}

/// The canonical form of a resolved request, naming its cached rendering.
fn cache_key(r: &Resolved, watermarked: bool) -> String {
    format!(
        "{},{},{},{}/{},{}/{}{}/{:?}.{:?}{}",
        r.x,
        r.y,
        r.w,
        r.h,
        r.out_w,
        r.out_h,
        if r.mirror { "!" } else { "" },
        r.degrees,
        r.quality,
        r.format,
        if watermarked { "/wm" } else { "" }
    )
}

/// CORS, the profile link, the ETag and the cache lifetime the decision allows.
pub fn with_headers(mut response: Response, decision: Decision, etag: &str) -> Response {
    let h = response.headers_mut();
    h.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    h.insert(header::LINK, HeaderValue::from_static(PROFILE_LINK));
    if let Ok(v) = HeaderValue::from_str(etag) {
        h.insert(header::ETAG, v);
    }
    let cache = match decision {
        Decision::Full { public: true } => "public, max-age=86400",
        _ => "private, no-store",
    };
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}
