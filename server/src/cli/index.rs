//! Bringing the search indexes up to date from the command line: after `portal import`, and
//! `portal reindex` (rebuild from the database), with a progress bar.

use super::progress::Bar;
use crate::config::Config;
use crate::db::Db;
use crate::search::sync::{Indexer, SyncError};
use crate::search::{self, SearchError};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// Updates (or with `rebuild`, rebuilds) both indexes. When a running server holds the
/// embedded index, an update is left to it (it follows every change within a second) and a
/// rebuild fails with a message saying what to do.
pub async fn update(config: &Config, db: &Db, rebuild: bool) -> anyhow::Result<ExitCode> {
    let indexes = search::open_bulk(config, db).await?;
    let indexer = Indexer::new(db.clone(), indexes, config.conditional_visibility);
    let bar = Bar::new(0, "Lập chỉ mục");
    let progress = |total, n| {
        bar.set_total(total);
        bar.inc(n);
    };
    let result = if rebuild {
        indexer.rebuild(&progress).await
    } else {
        indexer.catch_up(&progress).await
    };
    bar.finish();
    match result {
        Ok(done) => {
            indexer.finish().await?;
            eprintln!(
                "Chỉ mục tìm kiếm: {} đơn vị cập nhật, {} gỡ bỏ (search indexes: {} updated, {} removed)",
                done.indexed, done.removed, done.indexed, done.removed
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(SyncError::Search(SearchError::Busy)) if !rebuild => {
            eprintln!(
                "Máy chủ portal đang chạy sẽ tự cập nhật chỉ mục tìm kiếm (a running portal server updates the search indexes)"
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("{e}");
            Ok(ExitCode::from(1))
        }
    }
}

/// Runs `work` (an import) while indexing what it has committed so far, on the CPU the import
/// leaves idle, when this process can write the indexes; the final catch-up is [`update`]'s.
pub async fn alongside<T>(config: &Config, db: &Db, work: impl Future<Output = T>) -> T {
    let Ok(indexes) = search::open_bulk(config, db).await else {
        return work.await;
    };
    let indexer = Indexer::new(db.clone(), indexes, config.conditional_visibility);
    let stop = Arc::new(tokio::sync::Notify::new());
    let task = tokio::spawn({
        let stop = stop.clone();
        async move {
            loop {
                if let Err(e) = indexer.catch_up(&|_, _| {}).await {
                    // A running server holds the index, or something failed: the final update
                    // reports it.
                    tracing::debug!(error = %e, "indexing during the import stopped");
                    return;
                }
                // Between passes, but no longer than the import lasts.
                tokio::select! {
                    () = tokio::time::sleep(Duration::from_secs(2)) => {}
                    () = stop.notified() => return,
                }
            }
        }
    });
    let out = work.await;
    // `notify_one` keeps a permit if the task is busy indexing, so it stops after that pass.
    stop.notify_one();
    let _ = task.await;
    out
}
