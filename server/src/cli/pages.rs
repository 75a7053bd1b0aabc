//! The CLI side of digitised pages: running the queued ingest jobs with a progress bar and
//! reporting per-file failures, `portal rebuild-derivatives`, and `portal add-image`.

use super::progress::Bar;
use crate::db::Db;
use crate::iiif::ingest;
use crate::iiif::store::Store;

/// Runs the queued ingest jobs to the end on every core; prints failures. Returns whether any
/// file failed.
pub async fn ingest(db: &Db, store: &Store) -> anyhow::Result<bool> {
    let bar = Bar::new(0, "Tạo trang số hóa");
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let done = std::sync::atomic::AtomicU64::new(0);
    let failed = ingest::work_until_idle(db, store, workers, &|d, total| {
        done.store(d, std::sync::atomic::Ordering::Relaxed);
        bar.set_total(total);
        bar.set_position(d);
    })
    .await?;
    bar.finish();
    eprintln!(
        "Trang số hóa (digitised pages): {} hồ sơ/tài liệu xong, {} tệp lỗi",
        done.load(std::sync::atomic::Ordering::Relaxed),
        failed.len()
    );
    for (code, f) in &failed {
        eprintln!("  {code}: {}: {}", f.file, f.reason);
    }
    Ok(!failed.is_empty())
}

/// `portal rebuild-derivatives [--all]`.
pub async fn rebuild(db: &Db, store: &Store, all: bool) -> anyhow::Result<bool> {
    let bar = Bar::new(0, "Tạo lại ảnh xem");
    let (rebuilt, failures) = ingest::rebuild_derivatives(db, store, all, &|done, total| {
        bar.set_total(total);
        bar.set_position(done);
    })
    .await?;
    bar.finish();
    eprintln!(
        "Đã tạo lại {rebuilt} ảnh (derivatives rebuilt), {} lỗi",
        failures.len()
    );
    for f in &failures {
        eprintln!("  {}: {}", f.file, f.reason);
    }
    Ok(failures.is_empty())
}
