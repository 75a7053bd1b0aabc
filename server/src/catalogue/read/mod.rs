//! Turns catalogue input (a CSV, XLSX or EAD file, or a folder of them) into `SourceRow`s: a first
//! pass checks every file and counts its rows, a second pass streams the rows in import order.
//!
//! ```text
//! let input = read::open(path)?;          // scans: counts rows, finds unreadable files
//! for e in &input.failed { /* whole-file rejections */ }
//! let total = input.total_rows();          // for the progress bar
//! for row in input.rows() { let row = row?; /* validate::validate(row) … */ }
//! ```

mod csv;
mod ead;
mod ead_map;
mod package;
mod xlsx;

use super::model::{SourceRow, Table, Warning};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Why a file (or the path given) cannot be read at all; nothing from it may be imported.
/// `Display` is one Vietnamese line naming the file, the line and the fix.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("{file}: không đọc được ({message}) — kiểm tra đường dẫn và quyền đọc tệp")]
    Io { file: Arc<str>, message: String },
    #[error(
        "{file}: không hỗ trợ loại tệp này — dùng CSV (UTF-8), XLSX, EAD XML hoặc gói TT05 (.zip)"
    )]
    Unsupported { file: Arc<str> },
    #[error(
        "{file}: thư mục không có tệp CSV, XLSX, XML hay gói TT05 (.zip) nào để nhập (thư mục con không được đọc, trừ thư mục gói có METS.xml)"
    )]
    EmptyFolder { file: Arc<str> },
    #[error("{file}: tệp trống — dòng 1 phải là dòng tiêu đề cột")]
    Empty { file: Arc<str> },
    #[error(
        "{file}, dòng {line}: tệp không phải UTF-8 — lưu lại với mã hóa UTF-8 (trong Excel: \"CSV UTF-8 (Comma delimited)\")"
    )]
    NotUtf8 { file: Arc<str>, line: u64 },
    #[error(
        "{file}, dòng 1: tệp mã hóa UTF-16 — lưu lại với mã hóa UTF-8 (trong Excel: \"CSV UTF-8 (Comma delimited)\")"
    )]
    Utf16 { file: Arc<str> },
    #[error(
        "{file}, dòng {line}: dấu ngoặc kép \" mở mà không đóng — thêm dấu \" đóng ô; dấu \" trong nội dung phải viết thành \"\""
    )]
    Unterminated { file: Arc<str>, line: u64 },
    #[error(
        "{file}, dòng {line}: dấu ngoặc kép \" đặt sai chỗ — bao cả ô trong \"…\" và viết dấu \" trong nội dung thành \"\""
    )]
    StrayQuote { file: Arc<str>, line: u64 },
    #[error(
        "{file}, dòng {line}: dòng có {found} cột nhưng dòng tiêu đề có {expected} — ô có dấu phẩy phải được bao trong \"…\""
    )]
    FieldCount {
        file: Arc<str>,
        line: u64,
        expected: usize,
        found: usize,
    },
    #[error("{file}, dòng {line}: {reason}")]
    Header {
        file: Arc<str>,
        line: u64,
        reason: String,
    },
    #[error(
        "{file}: không đọc được bảng tính XLSX ({message}) — mở bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx"
    )]
    Xlsx { file: Arc<str>, message: String },
    #[error("{file}, dòng {line}: XML không hợp lệ ({message}) — sửa cú pháp XML của tệp EAD")]
    Xml {
        file: Arc<str>,
        line: u64,
        message: String,
    },
    #[error(
        "{file}: không phải tài liệu EAD (phần tử gốc <{root}>) — cần <ead> theo EAD 2002 hoặc EAD3"
    )]
    NotEad { file: Arc<str>, root: String },
    #[error("{file}: tệp đã thay đổi sau lần kiểm tra — chạy lại lệnh nhập")]
    Changed { file: Arc<str> },
    #[error("{file}: không đọc được gói ({message}) — tải lại tệp .zip đầy đủ hoặc nén lại gói")]
    Zip { file: Arc<str>, message: String },
    #[error(
        "{file}: thiếu tệp {inner} mà {mets} khai báo — lấy lại gói đầy đủ từ hệ thống lưu trữ"
    )]
    PackageMissing {
        file: Arc<str>,
        inner: String,
        mets: String,
    },
    #[error(
        "{file}: tệp {inner} có {found} byte, khác với SIZE=\"{declared}\" mà {mets} khai báo (tệp bị cắt, thay đổi hoặc hỏng) — lấy lại gói từ hệ thống lưu trữ"
    )]
    PackageSize {
        file: Arc<str>,
        inner: String,
        mets: String,
        declared: u64,
        found: u64,
    },
    #[error(
        "{file}: tệp {inner} có {kind} khác với {mets} khai báo (tệp bị thay đổi hoặc hỏng) — lấy lại gói từ hệ thống lưu trữ"
    )]
    PackageChecksum {
        file: Arc<str>,
        inner: String,
        mets: String,
        kind: String,
    },
    #[error(
        "{file}: tệp {inner} có trong gói nhưng không METS.xml nào khai báo — xóa tệp thừa, hoặc đóng gói lại để METS.xml khai báo tệp này"
    )]
    PackageExtra { file: Arc<str>, inner: String },
    /// A package whose structure is wrong: no METS.xml, a broken reference, malformed XML ….
    #[error("{file}: {}", package_place(.inner, .line, .reason))]
    Package {
        file: Arc<str>,
        inner: String,
        line: Option<u64>,
        reason: String,
    },
    #[error(
        "{file}: không đọc được tệp số hóa {inner} ({message}) — kiểm tra đường dẫn trong digitalFiles (Tệp số hóa) và tệp có nằm đúng chỗ không"
    )]
    Attachment {
        file: Arc<str>,
        inner: String,
        message: String,
    },
}

/// `METS.xml, dòng 12: reason` — where inside a package a problem is.
fn package_place(inner: &str, line: &Option<u64>, reason: &str) -> String {
    match line {
        Some(line) => format!("{inner}, dòng {line}: {reason}"),
        None => format!("{inner}: {reason}"),
    }
}

impl ReadError {
    /// The file (or path) at fault, as named in reports.
    pub fn file(&self) -> &str {
        match self {
            ReadError::Io { file, .. }
            | ReadError::Unsupported { file }
            | ReadError::EmptyFolder { file }
            | ReadError::Empty { file }
            | ReadError::NotUtf8 { file, .. }
            | ReadError::Utf16 { file }
            | ReadError::Unterminated { file, .. }
            | ReadError::StrayQuote { file, .. }
            | ReadError::FieldCount { file, .. }
            | ReadError::Header { file, .. }
            | ReadError::Xlsx { file, .. }
            | ReadError::Xml { file, .. }
            | ReadError::NotEad { file, .. }
            | ReadError::Changed { file }
            | ReadError::Zip { file, .. }
            | ReadError::PackageMissing { file, .. }
            | ReadError::PackageSize { file, .. }
            | ReadError::PackageChecksum { file, .. }
            | ReadError::PackageExtra { file, .. }
            | ReadError::Package { file, .. }
            | ReadError::Attachment { file, .. } => file,
        }
    }

    /// The 1-based line where reading failed, when there is one.
    pub fn line(&self) -> Option<u64> {
        match self {
            ReadError::NotUtf8 { line, .. }
            | ReadError::Unterminated { line, .. }
            | ReadError::StrayQuote { line, .. }
            | ReadError::FieldCount { line, .. }
            | ReadError::Header { line, .. }
            | ReadError::Xml { line, .. } => Some(*line),
            ReadError::Utf16 { .. } => Some(1),
            ReadError::Package { line, .. } => *line,
            _ => None,
        }
    }

    fn io(file: &Arc<str>, e: impl std::fmt::Display) -> ReadError {
        ReadError::Io {
            file: file.clone(),
            message: e.to_string(),
        }
    }
}

/// The kind of an input file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
    Ead,
    /// A TT05 SIP/AIP package: a zip, or a folder holding `METS.xml`.
    Package,
}

/// How the second pass reads a file (found by the first).
#[derive(Clone, Debug)]
enum Layout {
    Table(super::headers::HeaderMap),
    /// XLSX: the header map and the sheet row (1-based) of the header.
    Sheet(super::headers::HeaderMap, u64),
    Ead,
    Package(Arc<package::Plan>),
}

/// One readable input file, checked by the first pass.
#[derive(Clone, Debug)]
pub struct Source {
    pub path: PathBuf,
    /// The file name, as `SourceRow::source` and the report name it.
    pub name: Arc<str>,
    pub format: Format,
    /// The table of a CSV or XLSX file; `None` for EAD, which holds every level.
    pub table: Option<Table>,
    /// How many rows the second pass yields (blank rows are skipped by both).
    pub rows: u64,
    /// Ignored columns, EAD defaults and the like, for the import report.
    pub warnings: Vec<Warning>,
    layout: Layout,
}

/// The rows of a source or an input, in order; an `Err` ends the stream.
pub type Rows = Box<dyn Iterator<Item = Result<SourceRow, ReadError>> + Send>;

impl Source {
    /// Streams this file's rows (second pass).
    pub fn rows(&self) -> Rows {
        match &self.layout {
            Layout::Table(map) => csv::rows(&self.path, self.name.clone(), map.clone()),
            Layout::Sheet(map, header_line) => {
                xlsx::rows(&self.path, self.name.clone(), map.clone(), *header_line)
            }
            Layout::Ead => ead::rows(&self.path, self.name.clone()),
            Layout::Package(plan) => package::rows(&self.path, self.name.clone(), plan.clone()),
        }
    }

    /// Reads a digitised file a row lists in `digitalFiles`. For a package, `rel` is relative to
    /// the package root and read from the zip or folder; otherwise it is relative to the folder of
    /// the source file (`../scans/x/001.jpg` is allowed).
    pub fn read_attachment(&self, rel: &str) -> Result<Vec<u8>, ReadError> {
        if self.format == Format::Package {
            return package::read_attachment(&self.path, &self.name, rel);
        }
        let rel_path = rel.trim().replace('\\', "/");
        let base = self.path.parent().unwrap_or(Path::new("."));
        std::fs::read(base.join(&rel_path)).map_err(|e| ReadError::Attachment {
            file: self.name.clone(),
            inner: rel.to_string(),
            message: e.to_string(),
        })
    }

    /// Import order inside a folder: EAD (self-contained) first, then fonds, files, documents.
    fn rank(&self) -> u8 {
        if self.format == Format::Package {
            // A package holds a file and its items, and needs its fonds: after fonds tables.
            return 2;
        }
        match self.table {
            None => 0,
            Some(Table::Fonds) => 1,
            Some(Table::Files) => 2,
            Some(Table::Documents) => 3,
        }
    }
}

/// A checked input: the files that can be read, in import order, and those that cannot.
#[derive(Clone, Debug, Default)]
pub struct Input {
    pub sources: Vec<Source>,
    /// Files rejected whole (unreadable, broken quoting, unknown table …): they yield no rows.
    pub failed: Vec<ReadError>,
}

impl Input {
    /// Rows the second pass will yield, for a progress bar.
    pub fn total_rows(&self) -> u64 {
        self.sources.iter().map(|s| s.rows).sum()
    }

    /// Every warning of the first pass.
    pub fn warnings(&self) -> impl Iterator<Item = &Warning> {
        self.sources.iter().flat_map(|s| s.warnings.iter())
    }

    /// Streams the rows of every readable source in import order (second pass).
    pub fn rows(&self) -> Rows {
        let sources = self.sources.clone();
        Box::new(sources.into_iter().flat_map(|s| s.rows()))
    }
}

/// Opens a CSV, XLSX or EAD file, a TT05 package (zip, or a folder holding `METS.xml`), or a
/// folder (every such file directly inside it, and every package folder), and runs the first pass
/// on each. Fails only when the path itself cannot be used; unreadable files are
/// listed in `Input::failed`.
pub fn open(path: &Path) -> Result<Input, ReadError> {
    let shown: Arc<str> = Arc::from(path.display().to_string());
    let meta = std::fs::metadata(path).map_err(|e| ReadError::io(&shown, e))?;
    let mut input = Input::default();
    if meta.is_dir() && package::is_package_dir(path) {
        match scan(path, Format::Package) {
            Ok(s) => input.sources.push(s),
            Err(e) => input.failed.push(e),
        }
        return Ok(input);
    }
    if !meta.is_dir() {
        let format = format_of(path).ok_or(ReadError::Unsupported { file: shown })?;
        match scan(path, format) {
            Ok(s) => input.sources.push(s),
            Err(e) => input.failed.push(e),
        }
        return Ok(input);
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).map_err(|e| ReadError::io(&shown, e))? {
        let entry = entry.map_err(|e| ReadError::io(&shown, e))?;
        let p = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        if p.is_dir() {
            if package::is_package_dir(&p) {
                files.push((name, p, Format::Package));
            }
            continue;
        }
        if !p.is_file() {
            continue;
        }
        if let Some(format) = extension_format(&p) {
            files.push((name, p, format));
        }
    }
    if files.is_empty() {
        return Err(ReadError::EmptyFolder { file: shown });
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    for (_, p, format) in files {
        match scan(&p, format) {
            Ok(s) => input.sources.push(s),
            Err(e) => input.failed.push(e),
        }
    }
    input
        .sources
        .sort_by(|a, b| (a.rank(), &a.name).cmp(&(b.rank(), &b.name)));
    Ok(input)
}

fn extension_format(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    match ext.as_str() {
        "csv" => Some(Format::Csv),
        "xlsx" => Some(Format::Xlsx),
        "xml" => Some(Format::Ead),
        "zip" => Some(Format::Package),
        _ => None,
    }
}

/// By extension, else by the first bytes (a zip holding `METS.xml` is a package, another zip is
/// taken for XLSX, `<` for XML, text for CSV).
fn format_of(path: &Path) -> Option<Format> {
    if path.extension().is_some() {
        return extension_format(path);
    }
    let mut head = [0u8; 8];
    let n = std::io::Read::read(&mut std::fs::File::open(path).ok()?, &mut head).ok()?;
    let head = &head[..n];
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    if head.starts_with(b"PK\x03\x04") {
        Some(if package::is_package_zip(path) {
            Format::Package
        } else {
            Format::Xlsx
        })
    } else if text.trim_ascii_start().starts_with(b"<") {
        Some(Format::Ead)
    } else {
        Some(Format::Csv)
    }
}

/// The file name shown in reports.
fn name_of(path: &Path) -> Arc<str> {
    Arc::from(path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().to_string(),
    ))
}

/// First pass over one file.
fn scan(path: &Path, format: Format) -> Result<Source, ReadError> {
    let name = name_of(path);
    let (table, rows, warnings, layout) = match format {
        Format::Csv => {
            let (map, rows) = csv::scan(path, &name)?;
            let warnings = ignored_warnings(&name, 1, &map);
            (Some(map.table), rows, warnings, Layout::Table(map))
        }
        Format::Xlsx => {
            let (map, header_line, rows) = xlsx::scan(path, &name)?;
            let warnings = ignored_warnings(&name, header_line, &map);
            (
                Some(map.table),
                rows,
                warnings,
                Layout::Sheet(map, header_line),
            )
        }
        Format::Ead => {
            let (rows, warnings) = ead::scan(path, &name)?;
            (None, rows, warnings, Layout::Ead)
        }
        Format::Package => {
            let (rows, warnings, plan) = package::scan(path, &name)?;
            (None, rows, warnings, Layout::Package(Arc::new(plan)))
        }
    };
    Ok(Source {
        path: path.to_path_buf(),
        name,
        format,
        table,
        rows,
        warnings,
        layout,
    })
}

fn ignored_warnings(name: &Arc<str>, line: u64, map: &super::headers::HeaderMap) -> Vec<Warning> {
    map.ignored
        .iter()
        .map(|(column, reason)| Warning {
            source: name.clone(),
            line: Some(line),
            field: column.clone(),
            reason: reason.clone(),
        })
        .collect()
}

/// Columns of one row as canonical cells, trimmed and NFC; `None` when every cell is empty.
fn cells<'a>(
    columns: &[Option<&'static str>],
    values: impl Iterator<Item = &'a str>,
) -> Option<Vec<(&'static str, String)>> {
    let mut out = Vec::with_capacity(columns.len());
    let mut any = false;
    for (tag, value) in columns.iter().zip(values) {
        let value = super::validate::normalise(value);
        any |= !value.is_empty();
        if let Some(tag) = tag {
            out.push((*tag, value));
        }
    }
    any.then_some(out)
}

#[cfg(test)]
mod sample_tests;
#[cfg(test)]
mod tests;
