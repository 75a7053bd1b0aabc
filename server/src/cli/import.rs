//! `portal import`: runs the import pipeline with a progress bar, prints a summary, writes the
//! JSON report, and exits 0 (all accepted), 3 (some rejected) or 1 (nothing importable).

use super::progress::Bar;
use crate::catalogue::pipeline::{self, ImportError};
use crate::config::Config;
use crate::iiif::store::Store;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Imports `paths` and reports.
pub async fn run(
    config: &Config,
    paths: &[PathBuf],
    dry_run: bool,
    report_file: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    for p in paths {
        if !p.exists() {
            eprintln!("{}: không tồn tại (no such file or folder)", p.display());
            return Ok(ExitCode::from(1));
        }
    }
    let db = super::open_db(config).await?;
    let bar = Bar::new(0, if dry_run { "Kiểm tra" } else { "Nhập" });
    let progress = |total, n| {
        bar.set_total(total);
        bar.inc(n);
    };
    let store = Store::new(&config.data_dir);
    let import = pipeline::import_paths(&db, &store, paths, dry_run, &progress);
    let result = if dry_run {
        import.await
    } else {
        super::index::alongside(config, &db, import).await
    };
    bar.finish();
    let report = match result {
        Ok(r) => r,
        Err(ImportError::Unreadable(reason)) => {
            eprintln!("{reason}");
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e.into()),
    };
    eprintln!("{}", report.summary());
    if let Some(file) = report_file {
        let json = serde_json::to_string_pretty(&report)?;
        std::fs::write(file, json)
            .map_err(|e| anyhow::anyhow!("--report {}: không ghi được ({e})", file.display()))?;
    }
    if !dry_run {
        // The import is committed; an index that cannot be updated now catches up later.
        let indexed = super::index::update(config, &db, false).await;
        if let Err(e) = &indexed {
            eprintln!("{e}");
        }
        if !matches!(indexed, Ok(code) if code == ExitCode::SUCCESS) {
            eprintln!(
                "Chỉ mục tìm kiếm chưa được cập nhật; máy chủ sẽ cập nhật khi chạy, hoặc chạy `portal reindex` (search indexes not updated yet)"
            );
        }
    }
    let mut code = report.exit_code();
    if !dry_run && crate::jobs::pending(&db, crate::iiif::ingest::KIND).await? > 0 {
        // Pages are made by background jobs; run them here, on every core, so that the import
        // ends with its pages ready. A server running meanwhile shares the work.
        if super::pages::ingest(&db, &store).await? && code == 0 {
            code = 3;
        }
    }
    Ok(ExitCode::from(u8::try_from(code).unwrap_or(1)))
}
