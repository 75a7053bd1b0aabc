//! The ingest job: a unit's masters (already stored by the import) become its ordered pages —
//! each master page decoded once, its pyramid written, its text layer kept — and the unit is
//! stamped so that the search indexes pick up the pages' text.
//!
//! One job per unit, queued by the import ([`queue`]); workers ([`work_until_idle`],
//! [`spawn_workers`]) run on every core. A file that cannot be decoded is reported in the job's
//! failures with the reason, and the unit keeps the pages of the other files.

use super::decode::{self, MediaType};
use super::pyramid::{self, Layout};
use super::store::{self, ImageRow, Store};
use crate::db::{Db, now_text};
use crate::jobs::{self, Failure, Job};
use serde::{Deserialize, Serialize};
use sqlx::Acquire;
use std::sync::Arc;
use std::time::Duration;

/// The job kind.
pub const KIND: &str = "ingest";

/// What an ingest job is given: the unit and its masters in page order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payload {
    pub code: String,
    pub files: Vec<MasterRef>,
}

/// A stored master as the input named it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MasterRef {
    /// The path as written in the input (`../scans/x/001.jpg`, `representations/rep1/data/a.pdf`).
    pub name: String,
    pub sha: String,
    pub media: String,
}

/// Queues the ingest of `payload` unless the same masters were already queued or ingested for
/// the unit. Returns whether a job was queued.
pub async fn queue(db: &Db, payload: &Payload) -> sqlx::Result<bool> {
    let json = serde_json::to_string(payload).unwrap_or_default();
    if jobs::latest_payload(db, KIND, &payload.code)
        .await?
        .as_deref()
        == Some(json.as_str())
    {
        return Ok(false);
    }
    jobs::enqueue(db, KIND, &payload.code, &json).await?;
    Ok(true)
}

/// One page made ready.
struct ReadyPage {
    image_id: String,
    text: Option<String>,
}

/// Runs one claimed job to its end; returns the files that failed.
pub async fn run(db: &Db, store: &Store, job: &Job) -> anyhow::Result<Vec<Failure>> {
    let payload: Payload = match serde_json::from_str(&job.payload) {
        Ok(p) => p,
        Err(e) => {
            let reason = format!("nội dung công việc không đọc được: {e}");
            jobs::fail(db, job.id, &reason).await?;
            return Ok(vec![Failure {
                file: String::new(),
                reason,
            }]);
        }
    };
    let mut failures = Vec::new();
    let mut pages = Vec::new();
    let total = payload.files.len() as i64;
    for (n, file) in payload.files.iter().enumerate() {
        match ingest_master(db, store, file).await {
            Ok(mut ready) => pages.append(&mut ready),
            Err(reason) => failures.push(Failure {
                file: file.name.clone(),
                reason,
            }),
        }
        jobs::progress(db, job.id, n as i64 + 1, total).await?;
    }
    replace_pages(db, &payload.code, &pages).await?;
    // The unit's previous pages (or, if it was purged meanwhile, these) may be orphans now.
    store.collect(db, Some(job.id)).await?;
    jobs::finish(db, job.id, &failures).await?;
    Ok(failures)
}

/// Every page of one master, decoding and writing pyramids only for pages not done before.
async fn ingest_master(db: &Db, store: &Store, file: &MasterRef) -> Result<Vec<ReadyPage>, String> {
    let media = MediaType::parse(&file.media)
        .ok_or_else(|| format!("loại tệp {} không được hỗ trợ", file.media))?;
    let bytes = Arc::new(
        store
            .read_master(&file.sha)
            .map_err(|e| format!("không đọc được bản gốc đã lưu: {e}"))?,
    );
    let count = {
        let bytes = bytes.clone();
        tokio::task::spawn_blocking(move || decode::page_count(&bytes, media))
            .await
            .map_err(|e| e.to_string())?
            .map_err(|e| e.to_string())?
    };
    let mut out = Vec::with_capacity(count as usize);
    for page in 0..count {
        let image_id = store::image_id(&file.sha, page);
        let dir = store.derivative_dir(&image_id);
        let known = store::image(db, &image_id)
            .await
            .map_err(|e| e.to_string())?;
        if let Some(row) = known.filter(|r| r.state == "ready")
            && Layout::load(&dir).is_ok()
        {
            let text = known_text(db, &row.image_id).await;
            out.push(ReadyPage { image_id, text });
            continue;
        }
        let bytes = bytes.clone();
        let (layout, text) = tokio::task::spawn_blocking(move || {
            let decoded = decode::decode_page(&bytes, media, page)
                .map_err(|e| format!("trang {}: {e}", page + 1))?;
            let layout = pyramid::write(&dir, &decoded.image)
                .map_err(|e| format!("trang {}: không ghi được ảnh xem: {e}", page + 1))?;
            Ok::<_, String>((layout, decoded.text))
        })
        .await
        .map_err(|e| e.to_string())??;
        store::record_image(
            db,
            &ImageRow {
                image_id: image_id.clone(),
                master: file.sha.clone(),
                master_page: page,
                width: layout.width,
                height: layout.height,
                state: "ready".into(),
                standalone: false,
            },
        )
        .await
        .map_err(|e| e.to_string())?;
        out.push(ReadyPage { image_id, text });
    }
    Ok(out)
}

/// The text a page of this image was given before (the same master in another unit).
async fn known_text(db: &Db, image_id: &str) -> Option<String> {
    sqlx::query_scalar::<_, Option<String>>(
        "select text from pages where image_id = $1 and text is not null limit 1",
    )
    .bind(image_id)
    .fetch_optional(&db.pool)
    .await
    .ok()
    .flatten()
    .flatten()
}

/// Replaces the unit's pages in one transaction and stamps the unit (and its parent, whose
/// viewer shows the pages of its items) for the indexes. A unit purged meanwhile is left alone.
async fn replace_pages(db: &Db, code: &str, pages: &[ReadyPage]) -> sqlx::Result<()> {
    let mut conn = db.pool.acquire().await?;
    let mut tx = conn.begin().await?;
    // Write first: on SQLite a transaction that reads before it writes cannot take the write
    // lock once another writer has committed meanwhile.
    let now = now_text();
    let seq = crate::catalogue::store::next_change_seq(&mut tx, &now).await?;
    let unit: Option<(i64, Option<i64>)> =
        sqlx::query_as("select unit_id, parent_id from units where code = $1")
            .bind(code)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((unit_id, parent_id)) = unit else {
        return tx.commit().await;
    };
    sqlx::query("delete from pages where unit_id = $1")
        .bind(unit_id)
        .execute(&mut *tx)
        .await?;
    for (n, page) in pages.iter().enumerate() {
        sqlx::query(
            "insert into pages (unit_id, seq, image_id, text, created_at, updated_at) \
             values ($1, $2, $3, $4, $5, $5)",
        )
        .bind(unit_id)
        .bind(n as i64 + 1)
        .bind(&page.image_id)
        .bind(&page.text)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query("update units set change_seq = $1 where unit_id = $2 or unit_id = $3")
        .bind(seq)
        .bind(unit_id)
        .bind(parent_id.unwrap_or(unit_id))
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// Claims and runs ingest jobs until none is queued; `progress(done, total)` after each job.
/// Returns the files that failed, with the unit code.
pub async fn work_until_idle(
    db: &Db,
    store: &Store,
    workers: usize,
    progress: &(dyn Fn(u64, u64) + Sync),
) -> anyhow::Result<Vec<(String, Failure)>> {
    let total = jobs::pending(db, KIND).await? as u64;
    progress(0, total);
    let done = std::sync::atomic::AtomicU64::new(0);
    let worker = |n: usize| {
        let done = &done;
        async move {
            let name = jobs::worker_name(n);
            let mut failed = Vec::new();
            while let Some(job) = jobs::claim(db, &name, &[KIND]).await? {
                for f in run(db, store, &job).await? {
                    failed.push((job.subject.clone(), f));
                }
                let d = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                progress(d, total.max(d));
            }
            Ok::<_, anyhow::Error>(failed)
        }
    };
    let results = futures::future::join_all((0..workers.max(1)).map(worker)).await;
    let mut failed = Vec::new();
    for r in results {
        failed.extend(r?);
    }
    Ok(failed)
}

/// Starts `workers` background workers that poll for ingest jobs for as long as the process runs.
pub fn spawn_workers(db: Db, store: Store, workers: usize) {
    for n in 0..workers.max(1) {
        let db = db.clone();
        let store = store.clone();
        tokio::spawn(async move {
            let name = jobs::worker_name(n);
            loop {
                match jobs::claim(&db, &name, &[KIND]).await {
                    Ok(Some(job)) => {
                        if let Err(e) = run(&db, &store, &job).await {
                            tracing::warn!(job = job.id, "ingest job failed: {e}");
                            let _ = jobs::fail(&db, job.id, &e.to_string()).await;
                        }
                    }
                    Ok(None) => tokio::time::sleep(Duration::from_millis(500)).await,
                    Err(e) => {
                        tracing::warn!("claiming ingest jobs: {e}");
                        tokio::time::sleep(Duration::from_secs(2)).await;
                    }
                }
            }
        });
    }
}

/// Writes again the pyramid of every image whose derivative folder is missing (or of every image
/// when `all`), from its master. Returns (rebuilt, failures).
pub async fn rebuild_derivatives(
    db: &Db,
    store: &Store,
    all: bool,
    progress: &(dyn Fn(u64, u64) + Sync),
) -> anyhow::Result<(u64, Vec<Failure>)> {
    let images = store::all_images(db).await?;
    let total = images.len() as u64;
    progress(0, total);
    let mut rebuilt = 0;
    let mut failures = Vec::new();
    for (n, image) in images.iter().enumerate() {
        let dir = store.derivative_dir(&image.image_id);
        if all || Layout::load(&dir).is_err() {
            match rebuild_one(db, store, image).await {
                Ok(_) => rebuilt += 1,
                Err(reason) => failures.push(Failure {
                    file: image.image_id.clone(),
                    reason,
                }),
            }
        }
        progress(n as u64 + 1, total);
    }
    Ok((rebuilt, failures))
}

/// Writes one image's pyramid again from its master (its folder emptied first).
pub async fn rebuild_one(db: &Db, store: &Store, image: &ImageRow) -> Result<Layout, String> {
    let media: String = sqlx::query_scalar("select media_type from masters where sha256 = $1")
        .bind(&image.master)
        .fetch_one(&db.pool)
        .await
        .map_err(|e| e.to_string())?;
    let media = MediaType::parse(&media).ok_or("unknown media type")?;
    let bytes = store
        .read_master(&image.master)
        .map_err(|e| format!("bản gốc {} không đọc được: {e}", image.master))?;
    let dir = store.derivative_dir(&image.image_id);
    let page = image.master_page;
    tokio::task::spawn_blocking(move || {
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| e.to_string())?;
        }
        let decoded = decode::decode_page(&bytes, media, page).map_err(|e| e.to_string())?;
        pyramid::write(&dir, &decoded.image).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| e.to_string())?
}

/// Adds one standalone public image under a chosen identifier (e.g. the IIIF validator's test
/// image), decoded from `bytes`.
pub async fn add_standalone(
    db: &Db,
    store: &Store,
    image_id: &str,
    bytes: Vec<u8>,
) -> anyhow::Result<Layout> {
    let media = MediaType::sniff(&bytes)
        .ok_or_else(|| anyhow::anyhow!("không nhận ra loại ảnh (JPEG, PNG, TIFF hoặc PDF)"))?;
    let sha = store.put_master(&bytes)?;
    store::record_master(db, &sha, bytes.len() as u64, media.as_str()).await?;
    let dir = store.derivative_dir(image_id);
    let layout = tokio::task::spawn_blocking(move || {
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        let decoded = decode::decode_page(&bytes, media, 0).map_err(std::io::Error::other)?;
        pyramid::write(&dir, &decoded.image)
    })
    .await??;
    store::record_image(
        db,
        &ImageRow {
            image_id: image_id.to_string(),
            master: sha,
            master_page: 0,
            width: layout.width,
            height: layout.height,
            state: "ready".into(),
            standalone: true,
        },
    )
    .await?;
    Ok(layout)
}
