//! Where digitised content lives: masters on disk under their SHA-256 (stored once, whatever
//! unit or import refers to them), one derivative folder per image, and the database rows that
//! tie images to units as ordered pages.
//!
//! ```text
//! $PORTAL_DATA_DIR/masters/2b/8e/2b8eed53…            the file as received
//! $PORTAL_DATA_DIR/derivatives/2b/2b8eed53…-1/        pyramid of page 1 of that master
//!                                      …/cache/       other requests, computed once
//! ```
//!
//! Derivatives can be deleted at any time: `portal rebuild-derivatives` writes them again from
//! the masters. Masters of a unit that becomes secret are deleted with it ([`Store::collect`]).

use crate::db::{Db, now_text};
use sha2::{Digest, Sha256};
use sqlx::Row;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The on-disk stores under the data directory.
#[derive(Clone, Debug)]
pub struct Store {
    masters: PathBuf,
    derivatives: PathBuf,
}

/// An image's identity and size, as the IIIF routes and manifests need them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageRow {
    pub image_id: String,
    pub master: String,
    pub master_page: u32,
    pub width: u32,
    pub height: u32,
    pub state: String,
    pub standalone: bool,
}

/// One page of a unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageRow {
    pub unit_id: i64,
    pub seq: u32,
    pub image_id: String,
    pub width: u32,
    pub height: u32,
    pub has_text: bool,
}

impl Store {
    /// The stores of a data directory.
    pub fn new(data_dir: &Path) -> Store {
        Store {
            masters: data_dir.join("masters"),
            derivatives: data_dir.join("derivatives"),
        }
    }

    /// The root of every derivative folder (deleting it loses nothing).
    pub fn derivatives_root(&self) -> &Path {
        &self.derivatives
    }

    /// Where the master with this SHA-256 (lowercase hex) is kept.
    pub fn master_path(&self, sha: &str) -> PathBuf {
        self.masters.join(&sha[..2]).join(&sha[2..4]).join(sha)
    }

    /// The derivative folder of an image.
    pub fn derivative_dir(&self, image_id: &str) -> PathBuf {
        let shard: String = image_id.chars().take(2).collect();
        self.derivatives.join(shard).join(image_id)
    }

    /// Stores `bytes` as a master unless it is already there; returns its SHA-256.
    pub fn put_master(&self, bytes: &[u8]) -> std::io::Result<String> {
        let sha = hex::encode(Sha256::digest(bytes));
        let path = self.master_path(&sha);
        if !path.exists() {
            write_atomic(&path, bytes)?;
        }
        Ok(sha)
    }

    /// Reads a master back.
    pub fn read_master(&self, sha: &str) -> std::io::Result<Vec<u8>> {
        std::fs::read(self.master_path(sha))
    }

    /// Deletes images no page refers to (and that are not standalone), their derivative folders,
    /// and masters no image refers to any more. Run after a purge, so that nothing derived from
    /// a unit that became secret stays on disk (domain.md §3 rule 1). Returns images removed.
    ///
    /// Images of masters that a pending ingest job (other than `running_job`, the caller's own)
    /// is about to page are left alone: they have no page yet because their job has not finished.
    pub async fn collect(&self, db: &Db, running_job: Option<i64>) -> anyhow::Result<u64> {
        let pending: Vec<(i64, String)> = sqlx::query_as(
            "select job_id, payload from jobs where kind = 'ingest' and state in ('queued', 'running')",
        )
        .fetch_all(&db.pool)
        .await?;
        let busy: std::collections::HashSet<String> = pending
            .iter()
            .filter(|(id, _)| Some(*id) != running_job)
            .filter_map(|(_, p)| serde_json::from_str::<super::ingest::Payload>(p).ok())
            .flat_map(|p| p.files.into_iter().map(|f| f.sha))
            .collect();
        let orphans: Vec<(String, String)> = sqlx::query(
            "select image_id, master from images i where standalone = 0 \
             and not exists (select 1 from pages p where p.image_id = i.image_id)",
        )
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| (r.get::<String, _>(0), r.get::<String, _>(1)))
        .filter(|(_, master)| !busy.contains(master))
        .collect();
        for (image_id, _) in &orphans {
            sqlx::query("delete from images where image_id = $1")
                .bind(image_id)
                .execute(&db.pool)
                .await?;
            let dir = self.derivative_dir(image_id);
            if dir.exists() {
                std::fs::remove_dir_all(&dir)?;
            }
        }
        // Only the masters of the images just removed: a master stored by an import whose
        // ingest job has not run yet has no image either, and must stay.
        let mut masters: Vec<String> = orphans.iter().map(|(_, m)| m.clone()).collect();
        masters.sort();
        masters.dedup();
        for sha in masters {
            let used: i64 = sqlx::query_scalar("select count(*) from images where master = $1")
                .bind(&sha)
                .fetch_one(&db.pool)
                .await?;
            if used > 0 {
                continue;
            }
            sqlx::query("delete from masters where sha256 = $1")
                .bind(&sha)
                .execute(&db.pool)
                .await?;
            let path = self.master_path(&sha);
            if path.exists() {
                std::fs::remove_file(&path)?;
            }
        }
        Ok(orphans.len() as u64)
    }
}

/// Writes `bytes` to `path` through a temporary file and a rename, so readers never see half.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile_in(dir)?;
    tmp.1.write_all(bytes)?;
    tmp.1.sync_all()?;
    drop(tmp.1);
    std::fs::rename(&tmp.0, path)
}

fn tempfile_in(dir: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let name = format!(
        ".tmp-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    );
    let path = dir.join(name);
    let file = std::fs::File::create(&path)?;
    Ok((path, file))
}

/// The IIIF identifier of page `page` (0-based) of a master: stable, content-derived, and
/// saying nothing about the unit.
pub fn image_id(sha: &str, page: u32) -> String {
    format!("{}-{}", &sha[..32], page + 1)
}

/// Records a master (idempotent).
pub async fn record_master(db: &Db, sha: &str, size: u64, media: &str) -> sqlx::Result<()> {
    let now = now_text();
    sqlx::query(
        "insert into masters (sha256, size, media_type, created_at, updated_at) \
         values ($1, $2, $3, $4, $4) on conflict (sha256) do nothing",
    )
    .bind(sha)
    .bind(size as i64)
    .bind(media)
    .bind(&now)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Records an image once its pyramid is written (or updates it after a rebuild).
pub async fn record_image(db: &Db, image: &ImageRow) -> sqlx::Result<()> {
    let now = now_text();
    sqlx::query(
        "insert into images (image_id, master, master_page, width, height, state, standalone, created_at, updated_at) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $8) on conflict (image_id) do update set \
         width = excluded.width, height = excluded.height, state = excluded.state, \
         standalone = case when excluded.standalone = 1 then 1 else images.standalone end, \
         updated_at = excluded.updated_at",
    )
    .bind(&image.image_id)
    .bind(&image.master)
    .bind(i64::from(image.master_page))
    .bind(i64::from(image.width))
    .bind(i64::from(image.height))
    .bind(&image.state)
    .bind(i64::from(image.standalone))
    .bind(&now)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// An image by identifier.
pub async fn image(db: &Db, image_id: &str) -> sqlx::Result<Option<ImageRow>> {
    let row = sqlx::query(
        "select image_id, master, master_page, width, height, state, standalone from images where image_id = $1",
    )
    .bind(image_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|r| image_of(&r)))
}

/// Every image, for rebuilding derivatives.
pub async fn all_images(db: &Db) -> sqlx::Result<Vec<ImageRow>> {
    let rows = sqlx::query(
        "select image_id, master, master_page, width, height, state, standalone from images order by image_id",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.iter().map(image_of).collect())
}

fn image_of(r: &sqlx::any::AnyRow) -> ImageRow {
    ImageRow {
        image_id: r.get(0),
        master: r.get(1),
        master_page: r.get::<i64, _>(2) as u32,
        width: r.get::<i64, _>(3) as u32,
        height: r.get::<i64, _>(4) as u32,
        state: r.get(5),
        standalone: r.get::<i64, _>(6) != 0,
    }
}

/// The pages of the given units, ordered by unit (in the order given) then page.
pub async fn pages_of(db: &Db, unit_ids: &[i64]) -> sqlx::Result<Vec<PageRow>> {
    let mut out = Vec::new();
    for &unit_id in unit_ids {
        let rows = sqlx::query(
            "select p.unit_id, p.seq, p.image_id, i.width, i.height, \
             case when p.text is null or p.text = '' then 0 else 1 end \
             from pages p join images i on i.image_id = p.image_id \
             where p.unit_id = $1 and i.state = 'ready' order by p.seq",
        )
        .bind(unit_id)
        .fetch_all(&db.pool)
        .await?;
        out.extend(rows.iter().map(|r| PageRow {
            unit_id: r.get(0),
            seq: r.get::<i64, _>(1) as u32,
            image_id: r.get(2),
            width: r.get::<i64, _>(3) as u32,
            height: r.get::<i64, _>(4) as u32,
            has_text: r.get::<i64, _>(5) != 0,
        }));
    }
    Ok(out)
}

/// The text layer of each page of a unit, by page seq (pages without text are left out).
pub async fn page_texts(db: &Db, unit_id: i64) -> sqlx::Result<Vec<(u32, String)>> {
    let rows = sqlx::query(
        "select seq, text from pages where unit_id = $1 and text is not null and text <> '' order by seq",
    )
    .bind(unit_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .iter()
        .map(|r| (r.get::<i64, _>(0) as u32, r.get(1)))
        .collect())
}

/// The text layer of the pages of each unit among `unit_ids` that has any, pages in order
/// separated by blank lines (for the search indexes).
pub async fn texts_of(
    db: &Db,
    unit_ids: &[i64],
) -> sqlx::Result<std::collections::HashMap<i64, String>> {
    let mut out: std::collections::HashMap<i64, String> = std::collections::HashMap::new();
    for chunk in unit_ids.chunks(500) {
        let list = chunk
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let rows = sqlx::query(&format!(
            "select unit_id, text from pages where unit_id in ({list}) \
             and text is not null and text <> '' order by unit_id, seq"
        ))
        .fetch_all(&db.pool)
        .await?;
        for r in rows {
            let text: String = r.get(1);
            let entry = out.entry(r.get(0)).or_default();
            if !entry.is_empty() {
                entry.push_str("\n\n");
            }
            entry.push_str(&text);
        }
    }
    Ok(out)
}

/// Whether any page has text (lets the indexer skip the page lookup on catalogues without).
pub async fn any_text(db: &Db) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "select count(*) from (select 1 from pages where text is not null and text <> '' limit 1) t",
    )
    .fetch_one(&db.pool)
    .await?;
    Ok(n > 0)
}

/// The URL path of a thumbnail of an image: the largest stored size whose longer side is at
/// most 256 pixels, served straight from disk.
pub fn thumbnail_path(image_id: &str, width: u32, height: u32) -> String {
    let mut sf = 1u32;
    while width.div_ceil(sf) > 256 || height.div_ceil(sf) > 256 {
        sf *= 2;
    }
    format!(
        "/iiif/3/{image_id}/full/{},{}/0/default.jpg",
        width.div_ceil(sf),
        height.div_ceil(sf)
    )
}
