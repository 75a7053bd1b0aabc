//! Bringing the search indexes up to date from the command line: after `portal import`, and
//! `portal reindex` (rebuild from the database), with a progress bar.

use super::progress::Bar;
use crate::config::Config;
use crate::db::Db;
use crate::search::sync::{Indexer, SyncError};
use crate::search::{self, SearchError};
use std::process::ExitCode;

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
