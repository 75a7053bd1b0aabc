//! XLSX input: the first sheet, read cell by cell (never the whole sheet in memory), with numbers
//! and dates turned back into the text an archivist typed. Line = sheet row number.

use super::{ReadError, Rows, cells};
use crate::catalogue::headers::{HeaderError, HeaderMap, level_of, recognise};
use crate::catalogue::model::SourceRow;
use calamine::{DataRef, Reader, Xlsx, open_workbook};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::sync_channel;

/// How many leading rows may hold a title above the header row.
const HEADER_SEARCH_ROWS: usize = 10;

/// The text of a cell as typed: whole numbers without `.0`, dates as `DD/MM/YYYY`, durations
/// as `H:MM:SS`.
pub(super) fn cell_text(v: &DataRef<'_>) -> String {
    match v {
        DataRef::Empty => String::new(),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => float_text(*f),
        DataRef::Bool(b) => if *b { "1" } else { "0" }.to_string(),
        DataRef::DateTime(dt) if dt.is_duration() => {
            let secs = (dt.as_f64() * 86_400.0).round();
            if !secs.is_finite() || secs < 0.0 {
                return float_text(dt.as_f64());
            }
            let secs = secs as u64;
            format!("{}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
        }
        DataRef::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{d:02}/{m:02}/{y:04}")
        }
        DataRef::DateTimeIso(s) => {
            let day = s.get(..10).unwrap_or(s);
            crate::catalogue::dates::parse(day)
                .map(|d| d.text())
                .unwrap_or_else(|_| s.clone())
        }
        DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => e.to_string(),
    }
}

fn float_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

/// Calls `each(line, cells)` for every non-empty row of the first sheet, in order; stops when it
/// returns `false`.
fn each_row(
    path: &Path,
    name: &Arc<str>,
    mut each: impl FnMut(u64, Vec<String>) -> Result<bool, ReadError>,
) -> Result<(), ReadError> {
    let xlsx_err = |e: calamine::XlsxError| ReadError::Xlsx {
        file: name.clone(),
        message: e.to_string(),
    };
    let mut book: Xlsx<_> = open_workbook(path).map_err(xlsx_err)?;
    let Some(sheet) = book.sheet_names().into_iter().next() else {
        return Err(ReadError::Empty { file: name.clone() });
    };
    let mut cells = book.worksheet_cells_reader(&sheet).map_err(xlsx_err)?;
    let mut row: Option<u32> = None;
    let mut values: Vec<String> = Vec::new();
    let flush =
        |row: Option<u32>,
         values: &mut Vec<String>,
         each: &mut dyn FnMut(u64, Vec<String>) -> Result<bool, ReadError>| {
            match row {
                Some(r) if values.iter().any(|v| !v.trim().is_empty()) => {
                    each(u64::from(r) + 1, std::mem::take(values))
                }
                _ => {
                    values.clear();
                    Ok(true)
                }
            }
        };
    while let Some(cell) = cells.next_cell().map_err(xlsx_err)? {
        let (r, c) = cell.get_position();
        if row != Some(r) {
            if !flush(row, &mut values, &mut each)? {
                return Ok(());
            }
            row = Some(r);
        }
        let c = c as usize;
        if values.len() <= c {
            values.resize(c + 1, String::new());
        }
        values[c] = cell_text(cell.get_value());
    }
    flush(row, &mut values, &mut each)?;
    Ok(())
}

/// First pass: finds the header row (the first of the leading rows that names a table) and counts
/// the rows below it.
pub(super) fn scan(path: &Path, name: &Arc<str>) -> Result<(HeaderMap, u64, u64), ReadError> {
    let mut header: Option<(HeaderMap, u64)> = None;
    let mut first_error: Option<(u64, HeaderError)> = None;
    let mut seen = 0usize;
    let mut rows = 0u64;
    each_row(path, name, |line, values| {
        if let Some((map, _)) = &header {
            let width = map.columns.len();
            rows += u64::from(values.iter().take(width).any(|v| !v.trim().is_empty()));
            return Ok(true);
        }
        seen += 1;
        match recognise(&values) {
            Ok(map) => header = Some((map, line)),
            Err(e) => {
                first_error.get_or_insert((line, e));
            }
        }
        Ok(seen < HEADER_SEARCH_ROWS || header.is_some())
    })?;
    match (header, first_error) {
        (Some((map, line)), _) => Ok((map, line, rows)),
        (None, Some((line, e))) => Err(ReadError::Header {
            file: name.clone(),
            line,
            reason: e.to_string(),
        }),
        (None, None) => Err(ReadError::Empty { file: name.clone() }),
    }
}

/// Second pass: streams the rows below the header from a reader thread (the workbook stays
/// with the thread; at most a few hundred rows wait in the channel).
pub(super) fn rows(path: &Path, name: Arc<str>, map: HeaderMap, header_line: u64) -> Rows {
    let (tx, rx) = sync_channel::<Result<SourceRow, ReadError>>(256);
    let path: PathBuf = path.to_path_buf();
    let level = level_of(map.table);
    let shown = name.clone();
    let spawned = std::thread::Builder::new()
        .name("xlsx-reader".into())
        .spawn(move || {
            let result = each_row(&path, &name, |line, values| {
                if line <= header_line {
                    return Ok(true);
                }
                let Some(cells) = cells(
                    &map.columns,
                    values
                        .iter()
                        .map(String::as_str)
                        .chain(std::iter::repeat("")),
                ) else {
                    return Ok(true);
                };
                Ok(tx
                    .send(Ok(SourceRow {
                        source: name.clone(),
                        line,
                        level,
                        cells,
                        defaults: Vec::new(),
                    }))
                    .is_ok())
            });
            if let Err(e) = result {
                let _ = tx.send(Err(e));
            }
        });
    match spawned {
        Ok(_) => Box::new(rx.into_iter()),
        Err(e) => Box::new(std::iter::once(Err(ReadError::Io {
            file: shown,
            message: e.to_string(),
        }))),
    }
}

#[cfg(test)]
mod tests;
