//! Validates one input row against domain.md §2 (secret rows first, then lengths, required fields,
//! code lists, numbers, dates, cross-field rules) and turns it into a `UnitRecord`.

use super::dates;
use super::derive::series_code;
use super::headers::label;
use super::model::{
    FieldProblem, Level, Mode, Rejection, SourceRow, UnitRecord, Validated, Warning,
};
use super::words;
use rules::{is_code, is_date, max_digits, max_len, required};
use unicode_normalization::{UnicodeNormalization, is_nfc};

mod rules;
pub use rules::missing_required;

/// Trimmed, NFC, line ends as `\n`.
pub fn normalise(value: &str) -> String {
    let v = value.trim();
    let v = if v.contains('\r') {
        v.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        v.to_string()
    };
    if is_nfc(&v) { v } else { v.nfc().collect() }
}

/// The trailing run of digits of a code (`H34.10.1996.01.045` → 45).
fn trailing_number(s: &str) -> Option<i64> {
    let digits: String = s.chars().rev().take_while(char::is_ascii_digit).collect();
    digits
        .chars()
        .rev()
        .collect::<String>()
        .parse()
        .ok()
        .filter(|_| !digits.is_empty())
}

/// The docId a TT02 DocCode stands for: `fileCode.0000003` → `fileCode.3`, anything else as is.
fn code_from_doc_code(doc_code: &str) -> String {
    match doc_code.rsplit_once('.') {
        Some((file, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            let n = n.trim_start_matches('0');
            format!("{file}.{}", if n.is_empty() { "0" } else { n })
        }
        _ => doc_code.to_string(),
    }
}

/// The reference code of a row, from its identifying columns only (safe to show for secret rows).
///
/// Items: `docId`; without it the TT02 `DocCode` (a 7-digit ordinal loses its zeros so it equals
/// the TT05 docId); without both, `fileCode.docOrdinal`. Series: `{fondsCode}-ML{catalogNo}`.
pub fn code_of(row: &SourceRow) -> Option<String> {
    let get = |t: &str| row.get(t).map(str::trim).filter(|v| !v.is_empty());
    let code = match row.level {
        Level::Fonds => get("fondsCode")?.to_string(),
        Level::Series => series_code(get("fondsCode")?, get("catalogNo")?),
        Level::File => get("fileCode")?.to_string(),
        Level::Item => match (
            get("docId"),
            get("docCode"),
            get("fileCode"),
            get("docOrdinal"),
        ) {
            (Some(id), _, _, _) => id.to_string(),
            (None, Some(code), _, _) => code_from_doc_code(code),
            (None, None, Some(file), Some(n)) => format!("{file}.{}", n.trim_start_matches('0')),
            _ => return None,
        },
    };
    Some(normalise(&code))
}

/// The identifying columns a level needs, for the message when none is given.
fn identifier_hint(level: Level) -> (&'static str, &'static str) {
    match level {
        Level::Fonds => (
            "fondsCode",
            "thiếu Mã phông (fondsCode): mỗi dòng phải có mã phông",
        ),
        Level::Series => ("catalogNo", "thiếu mã phông hoặc số mục lục của mục lục"),
        Level::File => (
            "fileCode",
            "thiếu Mã hồ sơ (fileCode): mỗi dòng phải có mã hồ sơ",
        ),
        Level::Item => (
            "docId",
            "thiếu mã tài liệu: điền docId (Mã định danh tài liệu), hoặc docCode, hoặc fileCode và docOrdinal",
        ),
    }
}

/// Validates one row. A secret row (mode 03 or a word meaning secret) is recognised before any
/// other check and returns only its code and level, so none of its text reaches a message.
pub fn validate(row: SourceRow) -> Validated {
    let mut problems = Vec::new();
    let mode = match row.get("mode").map(words::mode) {
        Some(Ok(Mode::Secret)) => {
            return Validated::Secret {
                code: code_of(&row).unwrap_or_default(),
                level: row.level,
                source: row.source.clone(),
                line: row.line,
            };
        }
        Some(Ok(m)) => Some(m),
        Some(Err(e)) if !row.get("mode").is_some_and(|v| v.trim().is_empty()) => {
            problems.push(problem("mode", e.to_string()));
            None
        }
        _ => None,
    };
    let level = row.level;
    let code = code_of(&row);
    let present = |t: &str| row.get(t).is_some_and(|v| !v.trim().is_empty());
    let required = required(level, &present);
    let mut warnings = Vec::new();
    let mut fields: Vec<(&'static str, String)> = Vec::with_capacity(row.cells.len());
    for (tag, raw) in &row.cells {
        let value = normalise(raw);
        if *tag == "mode" && !value.is_empty() {
            // Already read above: its code, or its one problem.
            if let Some(m) = mode {
                fields.push((tag, m.code().to_string()));
            }
            continue;
        }
        match check(level, tag, &value, &required) {
            Ok(v) => fields.push((tag, v)),
            Err(reason) => problems.push(problem(tag, reason)),
        }
    }
    if code.is_none() {
        let (field, reason) = identifier_hint(level);
        if !problems.iter().any(|p| p.field == field) {
            problems.push(problem(field, reason.to_string()));
        }
    }
    cross_checks(&row, &fields, &mut problems, &mut warnings);
    let field = |t: &str| lookup(&fields, t).map(str::to_string);
    let code = code.unwrap_or_default();
    if !problems.is_empty() {
        return Validated::Rejected(Rejection {
            source: row.source.clone(),
            line: row.line,
            code: (!code.is_empty()).then_some(code),
            parent: parent_of(&row),
            problems,
        });
    }
    let parent_code = match level {
        Level::Fonds => None,
        Level::Series | Level::File => field("fondsCode"),
        Level::Item => {
            field("fileCode").or_else(|| code.rsplit_once('.').map(|(f, _)| f.to_string()))
        }
    };
    let catalog_no = matches!(level, Level::File | Level::Series)
        .then(|| field("catalogNo"))
        .flatten();
    let position = match level {
        Level::Fonds => None,
        Level::Series => catalog_no.as_deref().and_then(trailing_number),
        Level::File => field("fileNotation")
            .as_deref()
            .and_then(trailing_number)
            .or_else(|| trailing_number(&code)),
        Level::Item => field("docOrdinal")
            .and_then(|n| n.parse().ok())
            .or_else(|| trailing_number(&code)),
    };
    Validated::Unit(
        UnitRecord {
            source: row.source.clone(),
            line: row.line,
            level,
            code,
            parent_code,
            catalog_no,
            position,
            // Without a mode column the stored mode must be kept; `Conditional` is only a safe
            // placeholder and `fields` has no `mode` then.
            mode: mode.unwrap_or(Mode::Conditional),
            fields,
            defaults: row.defaults.clone(),
        },
        warnings,
    )
}

/// The parent a row names, for the importer's unknown-parent check of rejected rows.
fn parent_of(row: &SourceRow) -> Option<(&'static str, String)> {
    let field = match row.level {
        Level::Item => "fileCode",
        Level::File | Level::Series => "fondsCode",
        Level::Fonds => return None,
    };
    row.get(field)
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| (field, v.to_string()))
}

/// The non-empty value of a field.
fn lookup<'a>(fields: &'a [(&'static str, String)], tag: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(f, _)| *f == tag)
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.is_empty())
}

fn problem(field: &str, reason: String) -> FieldProblem {
    FieldProblem {
        field: field.to_string(),
        reason,
    }
}

/// Checks and normalises one non-secret value.
fn check(level: Level, tag: &str, value: &str, required: &[&str]) -> Result<String, String> {
    if value.is_empty() {
        if required.contains(&tag) {
            return Err(format!(
                "{} ({tag}) là trường bắt buộc nhưng ô đang trống — điền giá trị",
                label(tag)
            ));
        }
        return Ok(String::new());
    }
    let value = if words::is_coded(tag) {
        match words::code(tag, value) {
            Ok(c) => c,
            // An item's physical state may also be free text (string 50).
            Err(_) if level == Level::Item && tag == "format" => value.to_string(),
            Err(e) => return Err(e.to_string()),
        }
    } else if let Some(digits) = max_digits(level, tag) {
        number(tag, value, digits)?
    } else if is_date(tag) {
        dates::parse(value).map_err(|e| e.to_string())?.text()
    } else if tag == "archivesTime" {
        dates::parse_range(value).map_err(|e| e.to_string())?;
        value.to_string()
    } else {
        value.to_string()
    };
    if is_code(tag)
        && value
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '/' | '\\' | '?' | '#'))
    {
        return Err(format!(
            "{} ({tag}) \"{value}\" không được chứa khoảng trắng hoặc ký tự / \\ ? # — mã là một phần của địa chỉ trang",
            label(tag)
        ));
    }
    if let Some(max) = max_len(level, tag) {
        let n = value.chars().count();
        if n > max {
            return Err(format!(
                "{} ({tag}) dài {n} ký tự, tối đa {max} ký tự — rút gọn nội dung (hệ thống không tự cắt bớt)",
                label(tag)
            ));
        }
    }
    Ok(value)
}

/// A non-negative integer of at most `digits` digits, without leading zeros.
fn number(tag: &str, value: &str, digits: usize) -> Result<String, String> {
    let ok = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
    let trimmed = value.trim_start_matches('0');
    let trimmed = if trimmed.is_empty() && ok {
        "0"
    } else {
        trimmed
    };
    if !ok || trimmed.len() > digits {
        return Err(format!(
            "{} ({tag}) phải là số nguyên không âm, tối đa {digits} chữ số, nhưng là \"{value}\" — chỉ ghi chữ số",
            label(tag)
        ));
    }
    Ok(trimmed.to_string())
}

/// Rules between fields: date order, backup status, docId/docCode shape, paper file code.
fn cross_checks(
    row: &SourceRow,
    fields: &[(&'static str, String)],
    problems: &mut Vec<FieldProblem>,
    warnings: &mut Vec<Warning>,
) {
    let field = |t: &str| lookup(fields, t);
    let failed = |t: &str, problems: &Vec<FieldProblem>| problems.iter().any(|p| p.field == t);
    if let (Some(s), Some(e)) = (field("startDate"), field("endDate"))
        && let (Ok(a), Ok(b)) = (dates::parse(s), dates::parse(e))
        && a.first > b.last
    {
        problems.push(problem(
            "endDate",
            format!(
                "thời gian bắt đầu {s} sau thời gian kết thúc {e} — sửa startDate hoặc endDate"
            ),
        ));
    }
    if field("riskRecovery") == Some("1")
        && field("riskRecoveryStatus").is_none()
        && !failed("riskRecoveryStatus", problems)
    {
        problems.push(problem(
            "riskRecoveryStatus",
            "có chế độ dự phòng (riskRecovery = 1) thì phải ghi Tình trạng dự phòng (riskRecoveryStatus): \
             01 Đã dự phòng hoặc 02 Chưa dự phòng"
                .to_string(),
        ));
    }
    let warn = |warnings: &mut Vec<Warning>, f: &str, reason: String| {
        warnings.push(Warning {
            source: row.source.clone(),
            line: Some(row.line),
            field: f.to_string(),
            reason,
        });
    };
    if row.level == Level::File
        && field("confidenceLevel") == Some("02")
        && field("paperFileCode").is_none()
    {
        warn(
            warnings,
            "paperFileCode",
            "hồ sơ số hóa (confidenceLevel = 02) nên có Mã hồ sơ gốc giấy (paperFileCode) dạng \
             [mã lưu trữ].[kho/giá/hộp].[số hồ sơ giấy]"
                .to_string(),
        );
    }
    if row.level != Level::Item {
        return;
    }
    let Some(file) = field("fileCode") else {
        return;
    };
    let prefix = format!("{file}.");
    let has_doc_id = row.get("docId").is_some_and(|v| !v.trim().is_empty());
    let ordinal = field("docOrdinal").unwrap_or("1");
    if let Some(id) = field("docId")
        && !(id.starts_with(&prefix) && id.len() > prefix.len())
    {
        problems.push(problem(
            "docId",
            format!(
                "Mã định danh tài liệu (docId) {id} phải là mã hồ sơ {file}, dấu chấm và số thứ tự \
                 (ví dụ {file}.{ordinal}) — sửa docId hoặc fileCode"
            ),
        ));
    }
    if let Some(dc) = field("docCode") {
        let rest = dc.strip_prefix(&prefix);
        if !has_doc_id && rest.is_none_or(str::is_empty) {
            problems.push(problem(
                "docCode",
                format!(
                    "Mã tài liệu (docCode) {dc} phải là mã hồ sơ {file}, dấu chấm và số thứ tự \
                     (ví dụ {file}.{ordinal:0>7}) — sửa docCode hoặc fileCode"
                ),
            ));
        } else if has_doc_id
            && !rest.is_some_and(|r| r.len() == 7 && r.bytes().all(|b| b.is_ascii_digit()))
        {
            warn(
                warnings,
                "docCode",
                format!(
                    "Mã lưu trữ tài liệu (docCode) nên là mã hồ sơ, dấu chấm và 7 chữ số (ví dụ {file}.{ordinal:0>7})"
                ),
            );
        }
    }
}

#[cfg(test)]
mod field_tests;
#[cfg(test)]
mod tests;
