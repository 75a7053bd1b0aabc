//! The import pipeline: open every input, check each can be read whole (counting rows for the
//! progress bar), then stream rows through validation on a blocking thread into the importer on
//! the async side, so parsing and writing overlap on two cores.

use super::import::{Importer, record_run};
use super::model::{FieldProblem, Rejection, Validated, Warning};
use super::read::{self, Input, ReadError};
use super::report::ImportReport;
use super::validate::validate;
use crate::db::Db;
use crate::iiif::attach::{self, ReadFile};
use crate::iiif::store::Store;
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, Transaction};
use std::path::PathBuf;
use std::sync::Arc;

/// Why nothing at all could be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// No input could be read; the message names the file, the line and the fix.
    #[error("{0}")]
    Unreadable(String),
    #[error("lỗi cơ sở dữ liệu (database error): {0}")]
    Database(#[from] sqlx::Error),
    #[error("lỗi nội bộ khi nhập (internal error): {0}")]
    Internal(String),
}

/// Rows validated per message between the reader thread and the writer.
const CHUNK: usize = 1000;

/// Where the importer writes.
enum Target {
    Commit(PoolConnection<Any>),
    Rollback(Transaction<'static, Any>),
}

impl Target {
    fn conn(&mut self) -> &mut AnyConnection {
        match self {
            Target::Commit(c) => c,
            Target::Rollback(t) => t,
        }
    }
}

enum Msg {
    Rows(Vec<Validated>),
    Unreadable(Rejection),
}

/// Imports `paths` (files or folders); `progress(total, advanced)` is called as rows are done.
/// Digitised files the accepted rows list are stored in `store` and their units' ingest jobs
/// queued (a dry run only checks the catalogue).
pub async fn import_paths(
    db: &Db,
    store: &Store,
    paths: &[PathBuf],
    dry_run: bool,
    progress: &(dyn Fn(u64, u64) + Sync),
) -> Result<ImportReport, ImportError> {
    // Open and scan every input first: a file that cannot be read is rejected whole, and the
    // row count drives the progress bar.
    let owned: Vec<PathBuf> = paths.to_vec();
    let input = tokio::task::spawn_blocking(move || open_all(&owned))
        .await
        .map_err(|e| ImportError::Internal(e.to_string()))?;
    if input.sources.is_empty() {
        let reason = input
            .failed
            .first()
            .map(ToString::to_string)
            .unwrap_or_else(|| "không có dữ liệu nhập nào (no catalogue input found: expected CSV, XLSX or EAD XML)".into());
        return Err(ImportError::Unreadable(reason));
    }
    let total = input.total_rows();
    progress(total, 0);
    let warnings: Vec<Warning> = input.warnings().cloned().collect();
    let unreadable: Vec<Rejection> = input.failed.iter().map(rejection_of).collect();

    let sources = input.sources.clone();
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Msg>(8);
    let reader = tokio::task::spawn_blocking(move || {
        for r in unreadable {
            if tx.blocking_send(Msg::Unreadable(r)).is_err() {
                return;
            }
        }
        let mut chunk = Vec::with_capacity(CHUNK);
        for row in input.rows() {
            let v = match row {
                Ok(row) => validate(row),
                Err(e) => Validated::Rejected(rejection_of(&e)),
            };
            chunk.push(v);
            if chunk.len() == CHUNK
                && tx
                    .blocking_send(Msg::Rows(std::mem::replace(
                        &mut chunk,
                        Vec::with_capacity(CHUNK),
                    )))
                    .is_err()
            {
                return;
            }
        }
        if !chunk.is_empty() {
            let _ = tx.blocking_send(Msg::Rows(chunk));
        }
    });

    // A dry run writes into one transaction that is rolled back at the end; a real run gives
    // the importer a plain connection, on which each batch opens its own transaction.
    let mut target = if dry_run {
        Target::Rollback(db.pool.begin().await?)
    } else {
        Target::Commit(db.pool.acquire().await?)
    };
    let mut importer = Importer::new(dry_run);
    for w in warnings {
        importer.warn(w);
    }
    while let Some(msg) = rx.recv().await {
        match msg {
            Msg::Unreadable(r) => importer.reject_input(r),
            Msg::Rows(rows) => {
                let n = rows.len() as u64;
                for v in rows {
                    importer.accept(target.conn(), v).await?;
                }
                progress(total, n);
            }
        }
    }
    reader
        .await
        .map_err(|e| ImportError::Internal(e.to_string()))?;
    let attachments = importer.take_attachments();
    let mut report = importer.finish(target.conn()).await?;
    if let Target::Rollback(tx) = target {
        tx.rollback().await?;
    }
    if !dry_run {
        attach::attach(db, store, attachments, reader_of(sources), &mut report)
            .await
            .map_err(|e| ImportError::Internal(e.to_string()))?;
        if report.purged > 0 {
            // Pages, images and masters of units that became secret go with them.
            store
                .collect(db, None)
                .await
                .map_err(|e| ImportError::Internal(e.to_string()))?;
        }
        if report.purged > 0 {
            db.checkpoint()
                .await
                .map_err(|e| ImportError::Internal(e.to_string()))?;
        }
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        record_run(db, &names.join(", "), &report).await?;
    }
    Ok(report)
}

/// Reads a file named by a row of one of `sources` (relative to that source).
fn reader_of(sources: Vec<read::Source>) -> Arc<ReadFile> {
    Arc::new(move |source: &str, rel: &str| {
        let s = sources
            .iter()
            .find(|s| &*s.name == source)
            .ok_or_else(|| format!("không tìm thấy nguồn {source}"))?;
        s.read_attachment(rel).map_err(|e| e.to_string())
    })
}

/// Opens every path; a path that cannot be used at all counts as a failed input.
fn open_all(paths: &[PathBuf]) -> Input {
    let mut all = Input::default();
    for p in paths {
        match read::open(p) {
            Ok(input) => {
                all.sources.extend(input.sources);
                all.failed.extend(input.failed);
            }
            Err(e) => all.failed.push(e),
        }
    }
    all
}

/// A whole input rejected (unreadable file), for the report.
fn rejection_of(e: &ReadError) -> Rejection {
    Rejection {
        source: Arc::from(e.file()),
        line: e.line().unwrap_or(0),
        code: None,
        parent: None,
        problems: vec![FieldProblem {
            field: "(tệp)".into(),
            reason: e.to_string(),
        }],
    }
}
