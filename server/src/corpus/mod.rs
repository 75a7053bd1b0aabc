//! Synthetic catalogue generator (`portal gen-corpus`): writes `fonds.csv`, `files.csv` and
//! `documents.csv` in the TT05 CSV import format, with realistic Vietnamese descriptions, for
//! benchmarks and tests.
//!
//! The corpus is deterministic for a given [`CorpusSpec`]. Its first fonds is big (80 % of the
//! files by default, all in catalogue 01) so that a million items give a fonds with 100,000 files.
//! About 90 % of files are public, 8 % conditional (02) and 2 % secret (03), a few items carry their
//! own 02/03, and every mode appears even in a corpus of 50 items. With `invalid_rows`, that many
//! rows of `documents.csv` are broken on purpose; the summary lists each one.

mod dates;
mod draw;
mod generator;
mod items;
mod organs;
mod patterns;
mod plan;
mod render;
pub mod scans;
mod topics;
mod words;

#[cfg(test)]
mod tests;

use std::path::Path;

use anyhow::Result;
use serde::Serialize;

pub use words::{ARCHIVE_CODE, ARCHIVE_NAME, PROVINCE};

/// The seed used when none is given.
pub const DEFAULT_SEED: u64 = 2025;

/// What to generate.
#[derive(Clone, Debug, PartialEq)]
pub struct CorpusSpec {
    /// Number of items (rows of `documents.csv`), broken ones included.
    pub items: u64,
    pub seed: u64,
    /// Rows of `documents.csv` to break on purpose (0 = none).
    pub invalid_rows: u64,
    /// Number of fonds; `None` picks 2 to 14 by size (at most 87).
    pub fonds_count: Option<u32>,
    /// Share of the files that the first fonds holds.
    pub big_fonds_share: f64,
}

impl CorpusSpec {
    /// A clean corpus of `items` items with the default seed, fonds count and big-fonds share (0.8).
    pub fn new(items: u64) -> Self {
        CorpusSpec {
            items,
            seed: DEFAULT_SEED,
            invalid_rows: 0,
            fonds_count: None,
            big_fonds_share: 0.8,
        }
    }
}

/// Rows per mode.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ModeCounts {
    pub public: u64,
    pub conditional: u64,
    pub secret: u64,
}

/// Rows per mode at each level.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LevelModes {
    pub fonds: ModeCounts,
    pub files: ModeCounts,
    pub items: ModeCounts,
}

/// How a deliberately invalid row is broken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InvalidKind {
    /// `issuedDate` is 31/02/YYYY.
    ImpossibleDate,
    /// `typeName` is 99.
    UnknownType,
    /// `subject` is empty.
    MissingSubject,
    /// `subject` is longer than 500 characters.
    SubjectTooLong,
    /// `mode` is 05.
    BadMode,
    /// `fileCode` names a file that exists nowhere (catalogue 99); docId and docCode follow it.
    UnknownFile,
    /// `docId` repeats the docId of an earlier valid row (and so differs from fileCode.docOrdinal).
    DuplicateDocId,
}

impl InvalidKind {
    /// The kinds in the order they are used, cycling.
    pub const ALL: [InvalidKind; 7] = [
        InvalidKind::ImpossibleDate,
        InvalidKind::UnknownType,
        InvalidKind::MissingSubject,
        InvalidKind::SubjectTooLong,
        InvalidKind::BadMode,
        InvalidKind::UnknownFile,
        InvalidKind::DuplicateDocId,
    ];

    /// The field an importer should name when it rejects the row.
    pub fn field(self) -> &'static str {
        match self {
            InvalidKind::ImpossibleDate => "issuedDate",
            InvalidKind::UnknownType => "typeName",
            InvalidKind::MissingSubject | InvalidKind::SubjectTooLong => "subject",
            InvalidKind::BadMode => "mode",
            InvalidKind::UnknownFile => "fileCode",
            InvalidKind::DuplicateDocId => "docId",
        }
    }
}

/// One deliberately broken row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InvalidRow {
    /// Always `documents.csv`: broken rows never hide other rows' problems.
    pub source: &'static str,
    /// 1-based line; the header is line 1 (no field holds a line break).
    pub line: u64,
    /// The row's `docId` as written.
    pub code: String,
    /// The field the rejection should name.
    pub field: &'static str,
    pub kind: InvalidKind,
}

/// What was generated.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CorpusSummary {
    pub seed: u64,
    pub archive_code: String,
    /// The first fonds, holding `big_fonds_files` files in its catalogue 01.
    pub big_fonds_code: String,
    pub big_fonds_files: u64,
    /// Rows of `fonds.csv`.
    pub fonds: u64,
    /// Catalogues (mục lục) over all fonds; each has a public first file.
    pub series: u64,
    /// Rows of `files.csv`.
    pub files: u64,
    /// Rows of `documents.csv`, broken ones included.
    pub items: u64,
    /// Valid rows by the mode they carry.
    pub own_modes: LevelModes,
    /// Valid rows by effective mode (the strictest of their own and their ancestors').
    pub effective_modes: LevelModes,
    /// The broken rows, in file order.
    pub invalid: Vec<InvalidRow>,
}

impl CorpusSummary {
    /// How many rows an import should report as `skipped_secret`: every valid row whose
    /// effective mode is 03 (secret files with all their items, secret items of other files).
    pub fn expected_skipped_secret(&self) -> u64 {
        let e = &self.effective_modes;
        e.fonds.secret + e.files.secret + e.items.secret
    }

    /// How many (fonds, files, items) an import should store: valid rows not effectively secret.
    pub fn expected_stored(&self) -> (u64, u64, u64) {
        let e = &self.effective_modes;
        let stored = |m: &ModeCounts| m.public + m.conditional;
        (stored(&e.fonds), stored(&e.files), stored(&e.items))
    }
}

/// Writes `fonds.csv`, `files.csv` and `documents.csv` into `out` (created if missing), calling
/// `progress` with the number of items written so far every few thousand items and at the end.
pub fn generate(spec: &CorpusSpec, out: &Path, progress: &dyn Fn(u64)) -> Result<CorpusSummary> {
    generator::run(spec, out, progress)
}
