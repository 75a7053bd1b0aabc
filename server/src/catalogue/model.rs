//! The catalogue's domain types: rows as read from an input, validated unit records, access modes
//! and the problems an import reports. Shared by the readers, validation and the importer.

use std::sync::Arc;

pub use app::model::Level;

/// Chế độ sử dụng: the access mode a unit is given in the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mode {
    /// 01 Công khai.
    Public,
    /// 02 Sử dụng có điều kiện.
    Conditional,
    /// 03 Mật: never stored.
    Secret,
}

impl Mode {
    /// The TT05 code.
    pub fn code(self) -> &'static str {
        match self {
            Mode::Public => "01",
            Mode::Conditional => "02",
            Mode::Secret => "03",
        }
    }

    /// Parses a TT05 code (`01`, `02`, `03`, also `1`, `2`, `3`).
    pub fn from_code(code: &str) -> Option<Mode> {
        match code.trim() {
            "01" | "1" => Some(Mode::Public),
            "02" | "2" => Some(Mode::Conditional),
            "03" | "3" => Some(Mode::Secret),
            _ => None,
        }
    }

    /// The most restrictive of two modes (the effective mode of a child under a parent).
    pub fn stricter(self, other: Mode) -> Mode {
        self.max(other)
    }
}

/// Which table a CSV file or spreadsheet holds, recognised by its headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Table {
    Fonds,
    Files,
    Documents,
}

/// One row of input with its columns mapped to canonical TT05 tags (`fileCode`, `title`, ...).
///
/// Only the columns the input has are present; an empty value means "clear this field".
/// Values are trimmed and NFC-normalised, otherwise exactly as given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRow {
    /// File name (or `file.xml#path`) for the report.
    pub source: Arc<str>,
    /// 1-based line (CSV/XLSX row; the header is line 1) or XML line.
    pub line: u64,
    pub level: Level,
    pub cells: Vec<(&'static str, String)>,
    /// Values the input format supplies when it has no such field (EAD has no `maintenance`):
    /// used only when the unit is new, never over a stored value.
    pub defaults: Vec<(&'static str, String)>,
}

impl SourceRow {
    /// The value of a column, if the input has it.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.cells
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, v)| v.as_str())
    }
}

/// A problem with one field of one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    /// The canonical TT05 tag (`issuedDate`), or the column as written when it has none.
    pub field: String,
    /// What is wrong and how to fix it, in Vietnamese, naming the bad value when it is not secret.
    pub reason: String,
}

/// A row that was not imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    pub source: Arc<str>,
    pub line: u64,
    /// The row's code when it has one.
    pub code: Option<String>,
    /// The parent the row names (`fileCode` of an item, `fondsCode` of a file), so the importer
    /// can also say when that parent is unknown.
    pub parent: Option<(&'static str, String)>,
    /// At least one problem.
    pub problems: Vec<FieldProblem>,
}

/// A row that was imported but deserves the archivist's attention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub source: Arc<str>,
    pub line: Option<u64>,
    pub field: String,
    pub reason: String,
}

/// A validated unit ready to be stored: never secret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitRecord {
    pub source: Arc<str>,
    pub line: u64,
    pub level: Level,
    /// fondsCode, the series code, fileCode or docId.
    pub code: String,
    /// The parent's code: the fonds of a file or series, the file of an item; `None` for a fonds.
    pub parent_code: Option<String>,
    /// Mục lục số: for a file, the series of its fonds it belongs to (created when missing).
    pub catalog_no: Option<String>,
    /// Position among siblings when the input says (docOrdinal, catalogue number, file number).
    pub position: Option<i64>,
    /// Own mode: `Public` or `Conditional`.
    pub mode: Mode,
    /// Every column present in the input, canonical tag → normalised value (codes as codes);
    /// an empty value clears the field. Parent columns (`fondsCode`, `fileCode`) are included.
    pub fields: Vec<(&'static str, String)>,
    /// Values used only when the unit is new (see `SourceRow::defaults`).
    pub defaults: Vec<(&'static str, String)>,
}

/// What validating one row gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Validated {
    /// A good row, possibly with warnings.
    Unit(UnitRecord, Vec<Warning>),
    /// A secret (03) row: counted, never stored, its text dropped at once.
    Secret {
        code: String,
        level: Level,
        source: Arc<str>,
        line: u64,
    },
    /// A row with at least one error.
    Rejected(Rejection),
}
