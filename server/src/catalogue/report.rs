//! The import report (interfaces.md §1): what was inserted, updated, unchanged, skipped as
//! secret, rejected (with source, line, field and reason) and warned about.

use super::model::{Level, Rejection, Warning};
use serde::Serialize;

/// Counts per level.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LevelCounts {
    pub fonds: u64,
    pub series: u64,
    pub files: u64,
    pub items: u64,
}

impl LevelCounts {
    /// Adds one unit of `level`.
    pub fn add(&mut self, level: Level) {
        match level {
            Level::Fonds => self.fonds += 1,
            Level::Series => self.series += 1,
            Level::File => self.files += 1,
            Level::Item => self.items += 1,
        }
    }

    /// All levels together.
    pub fn total(&self) -> u64 {
        self.fonds + self.series + self.files + self.items
    }
}

/// One rejected row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RejectedRow {
    pub source: String,
    pub line: u64,
    pub code: Option<String>,
    /// The first field at fault.
    pub field: String,
    /// The first problem's reason.
    pub reason: String,
    /// Every problem of the row (the first one repeated).
    pub problems: Vec<ProblemEntry>,
}

/// One field problem.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProblemEntry {
    pub field: String,
    pub reason: String,
}

/// One warning.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WarningEntry {
    pub source: String,
    pub line: Option<u64>,
    pub field: String,
    pub reason: String,
}

/// A secret row: only its code and where it was; no text (domain.md §3).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SecretEntry {
    pub source: String,
    pub line: u64,
    pub code: String,
    pub reason: String,
}

/// Digitised files attached by the import (their pages are made by background ingest jobs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PageCounts {
    /// Files (scans, PDFs) read and stored as masters.
    pub added: u64,
    /// Files that could not be read or are not an accepted format (each one also a warning).
    pub failed: u64,
    /// Units whose pages are (re)made by an ingest job.
    pub queued: u64,
}

/// The whole report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub inserted: LevelCounts,
    pub updated: LevelCounts,
    pub unchanged: LevelCounts,
    /// Units purged because a re-import made them secret (with their descendants).
    pub purged: u64,
    pub skipped_secret: u64,
    pub secret: Vec<SecretEntry>,
    pub rejected: Vec<RejectedRow>,
    pub warnings: Vec<WarningEntry>,
    pub pages: PageCounts,
    pub dry_run: bool,
}

impl ImportReport {
    /// Records a rejected row.
    pub fn reject(&mut self, r: Rejection) {
        let problems: Vec<ProblemEntry> = r
            .problems
            .into_iter()
            .map(|p| ProblemEntry {
                field: p.field,
                reason: p.reason,
            })
            .collect();
        let (field, reason) = problems
            .first()
            .map(|p| (p.field.clone(), p.reason.clone()))
            .unwrap_or_default();
        self.rejected.push(RejectedRow {
            source: r.source.to_string(),
            line: r.line,
            code: r.code,
            field,
            reason,
            problems,
        });
    }

    /// Records a warning.
    pub fn warn(&mut self, w: Warning) {
        self.warnings.push(WarningEntry {
            source: w.source.to_string(),
            line: w.line,
            field: w.field,
            reason: w.reason,
        });
    }

    /// Exit code of `portal import`: 0 all accepted, 3 some rejected.
    pub fn exit_code(&self) -> i32 {
        if self.rejected.is_empty() { 0 } else { 3 }
    }

    /// A one-paragraph human summary for the terminal.
    pub fn summary(&self) -> String {
        let c = |l: &LevelCounts| {
            format!(
                "{} phông, {} mục lục, {} hồ sơ, {} tài liệu",
                l.fonds, l.series, l.files, l.items
            )
        };
        let mut s = format!(
            "{}Thêm mới: {}\nCập nhật: {}\nKhông đổi: {}\nBỏ qua (mật, không lưu): {}\nTừ chối: {} dòng\nCảnh báo: {}",
            if self.dry_run {
                "[chạy thử — không ghi gì] "
            } else {
                ""
            },
            c(&self.inserted),
            c(&self.updated),
            c(&self.unchanged),
            self.skipped_secret,
            self.rejected.len(),
            self.warnings.len()
        );
        if self.purged > 0 {
            s.push_str(&format!("\nĐã xóa vì chuyển sang mật: {}", self.purged));
        }
        if self.pages.added + self.pages.failed > 0 {
            s.push_str(&format!(
                "\nTệp số hóa: {} đã nhận, {} lỗi; {} hồ sơ/tài liệu chờ tạo trang",
                self.pages.added, self.pages.failed, self.pages.queued
            ));
        }
        for r in self.rejected.iter().take(20) {
            if r.line == 0 {
                // A whole file: its reason already names the file (and the line, if any).
                s.push_str(&format!("\n  {}", r.reason));
                continue;
            }
            s.push_str(&format!(
                "\n  {}:{}: {}{}: {}",
                r.source,
                r.line,
                r.code
                    .as_deref()
                    .map(|c| format!("{c} "))
                    .unwrap_or_default(),
                r.field,
                r.reason
            ));
        }
        if self.rejected.len() > 20 {
            s.push_str(&format!(
                "\n  … và {} dòng khác (xem --report)",
                self.rejected.len() - 20
            ));
        }
        s
    }
}
