//! The importer: validated rows in, database out. It keeps secret rows out (counting them and
//! purging units that became secret), rejects duplicates within one input and items of unknown
//! or secret files, and writes the rest in batches, each in its own transaction — so an import
//! killed at any point leaves the database consistent and running it again completes it.
//! A dry run does the same inside one transaction that is rolled back.

use super::model::{FieldProblem, Level, Rejection, UnitRecord, Validated};
use super::report::{ImportReport, SecretEntry};
use super::write::Writer;
use crate::db::{Db, now_text};
use sqlx::{Acquire, AnyConnection};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Rows per transaction: large enough for throughput, small enough to lose little on a crash.
pub const BATCH_SIZE: usize = 2000;

/// Receives validated rows in input order and writes them.
pub struct Importer {
    writer: Writer,
    report: ImportReport,
    batch: Vec<UnitRecord>,
    batch_codes: HashSet<String>,
    purge: Vec<String>,
    /// Codes skipped as secret in this import: their descendants are secret too.
    secret: HashSet<String>,
    /// Codes of parents (fonds, series, files) accepted in this import.
    accepted: HashSet<String>,
    /// Codes seen in the current source, with the line where each first appeared.
    seen: HashMap<String, u64>,
    current_source: Option<Arc<str>>,
    /// Accepted units that list digitised files, for the image pipeline after the import.
    attachments: Vec<crate::iiif::attach::Attachment>,
}

impl Importer {
    /// A new importer; `dry_run` is recorded in the report.
    pub fn new(dry_run: bool) -> Importer {
        Importer {
            writer: Writer::new(now_text()),
            report: ImportReport {
                dry_run,
                ..ImportReport::default()
            },
            batch: Vec::new(),
            batch_codes: HashSet::new(),
            purge: Vec::new(),
            secret: HashSet::new(),
            accepted: HashSet::new(),
            seen: HashMap::new(),
            current_source: None,
            attachments: Vec::new(),
        }
    }

    /// Records a warning about the input (ignored columns, defaults).
    pub fn warn(&mut self, w: super::model::Warning) {
        self.report.warn(w);
    }

    /// Records a whole input that could not be read.
    pub fn reject_input(&mut self, rejection: Rejection) {
        self.report.reject(rejection);
    }

    /// Takes one validated row; writes a batch through `conn` when one is full.
    pub async fn accept(
        &mut self,
        conn: &mut AnyConnection,
        row: Validated,
    ) -> Result<(), sqlx::Error> {
        match row {
            Validated::Rejected(mut r) => {
                // A rejected row whose parent is unknown too: say so first (an orphan row).
                if let Some((field, parent)) = r.parent.clone()
                    && !self.accepted.contains(&parent)
                    && !self.secret.contains(&parent)
                    && !self.writer.knows(conn, &parent).await?
                {
                    r.problems.insert(0, FieldProblem {
                        field: field.to_string(),
                        reason: format!("không tìm thấy {parent}: không có trong dữ liệu nhập lẫn cơ sở dữ liệu; nhập nó trước"),
                    });
                }
                self.report.reject(r);
            }
            Validated::Secret {
                code,
                level,
                source,
                line,
            } => {
                self.skip_secret(
                    code,
                    level,
                    &source,
                    line,
                    "chế độ sử dụng 03 (mật): không lưu trên cổng",
                );
            }
            Validated::Unit(rec, warnings) => {
                if self.current_source.as_deref() != Some(&*rec.source) {
                    self.current_source = Some(rec.source.clone());
                    self.seen.clear();
                }
                if let Some(parent) = &rec.parent_code
                    && self.secret.contains(parent)
                {
                    let reason = format!("thuộc {parent} (mật): không lưu trên cổng");
                    self.skip_secret(rec.code, rec.level, &rec.source, rec.line, &reason);
                    return Ok(());
                }
                if let Some(first) = self.seen.get(&rec.code) {
                    self.report.reject(Rejection {
                        source: rec.source.clone(),
                        line: rec.line,
                        problems: vec![FieldProblem {
                            field: code_field(rec.level).to_string(),
                            reason: format!("trùng mã {} với dòng {first}: mỗi mã chỉ xuất hiện một lần; xóa hoặc sửa dòng này", rec.code),
                        }],
                        code: Some(rec.code),
                        parent: None,
                    });
                    return Ok(());
                }
                self.seen.insert(rec.code.clone(), rec.line);
                if rec.level != Level::Item {
                    self.accepted.insert(rec.code.clone());
                }
                for w in warnings {
                    self.report.warn(w);
                }
                if self.batch_codes.contains(&rec.code) {
                    // The same code from an earlier input of this import: write that one first.
                    self.flush(conn).await?;
                }
                self.batch_codes.insert(rec.code.clone());
                if let Some((_, files)) = rec.fields.iter().find(|(f, _)| *f == "digitalFiles") {
                    self.attachments.push(crate::iiif::attach::Attachment {
                        source: rec.source.clone(),
                        line: rec.line,
                        code: rec.code.clone(),
                        files: files.clone(),
                    });
                }
                self.batch.push(rec);
                if self.batch.len() >= BATCH_SIZE {
                    self.flush(conn).await?;
                }
            }
        }
        Ok(())
    }

    fn skip_secret(&mut self, code: String, _level: Level, source: &str, line: u64, reason: &str) {
        self.report.skipped_secret += 1;
        self.report.secret.push(SecretEntry {
            source: source.to_string(),
            line,
            code: code.clone(),
            reason: reason.to_string(),
        });
        self.purge.push(code.clone());
        self.secret.insert(code);
    }

    /// Writes the pending batch in one transaction (a savepoint inside a dry run).
    pub async fn flush(&mut self, conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
        if self.batch.is_empty() && self.purge.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.batch);
        let purge = std::mem::take(&mut self.purge);
        self.batch_codes.clear();
        let mut tx = conn.begin().await?;
        self.writer
            .write(&mut tx, batch, purge, &mut self.report)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The accepted units that list digitised files (taken once).
    pub fn take_attachments(&mut self) -> Vec<crate::iiif::attach::Attachment> {
        std::mem::take(&mut self.attachments)
    }

    /// Writes what is pending and returns the report.
    pub async fn finish(mut self, conn: &mut AnyConnection) -> Result<ImportReport, sqlx::Error> {
        self.flush(conn).await?;
        // Rejections found while writing come after those found while reading: list by place.
        self.report
            .rejected
            .sort_by(|a, b| (&a.source, a.line).cmp(&(&b.source, b.line)));
        Ok(self.report)
    }
}

fn code_field(level: Level) -> &'static str {
    match level {
        Level::Fonds => "fondsCode",
        Level::Series => "catalogNo",
        Level::File => "fileCode",
        Level::Item => "docId",
    }
}

/// Records an import run and its outcome.
pub async fn record_run(db: &Db, inputs: &str, report: &ImportReport) -> Result<(), sqlx::Error> {
    let now = now_text();
    sqlx::query(
        "insert into imports (inputs, dry_run, status, report, created_at, updated_at) values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(inputs)
    .bind(i64::from(report.dry_run))
    .bind("done")
    .bind(serde_json::to_string(report).unwrap_or_default())
    .bind(now.clone())
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(())
}
