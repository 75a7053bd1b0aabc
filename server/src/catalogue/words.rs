//! Maps coded values written as words ("Vĩnh viễn", "Công khai", "Tiếng Việt") or as loose codes
//! ("1") to the codes of the TT05 code lists, case- and accent-insensitively.

use super::model::Mode;
use app::codes::{self, CodeList};
use std::fmt;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds text for comparison: no diacritics, `đ` = `d`, lowercase, dashes unified, single spaces.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            '–' | '—' | '‐' | '‑' | '‒' | '−' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// The comparison key of a word: folded, without any spaces.
fn key(s: &str) -> String {
    fold(s).replace(' ', "")
}

/// A coded value that matches no code of its list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeError {
    /// The TT05 tag.
    pub field: String,
    /// The value as given.
    pub value: String,
    /// The accepted codes with their names, ready to print.
    pub accepted: String,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "giá trị không hợp lệ cho {}: \"{}\" — dùng một mã hoặc tên trong danh mục: {}",
            self.field, self.value, self.accepted
        )
    }
}

/// Extra words accepted for a code, beyond the list's Vietnamese and English names.
fn synonyms(field: &str) -> &'static [(&'static str, &'static str)] {
    match field {
        "mode" => &[
            ("01", "public"),
            ("01", "open"),
            ("01", "sử dụng rộng rãi"),
            ("01", "không hạn chế"),
            ("01", "unrestricted"),
            ("01", "không mật"),
            ("02", "có điều kiện"),
            ("02", "hạn chế"),
            ("02", "hạn chế sử dụng"),
            ("02", "conditional"),
            ("02", "restricted"),
            ("03", "tối mật"),
            ("03", "tuyệt mật"),
            ("03", "top secret"),
            ("03", "confidential"),
            ("03", "classified"),
        ],
        "language" => &[
            ("01", "vi"),
            ("01", "vie"),
            ("01", "việt"),
            ("02", "en"),
            ("02", "eng"),
            ("02", "anh"),
            ("03", "fr"),
            ("03", "fre"),
            ("03", "fra"),
            ("03", "pháp"),
            ("04", "ru"),
            ("04", "rus"),
            ("04", "nga"),
            ("05", "zh"),
            ("05", "zho"),
            ("05", "chi"),
            ("05", "trung"),
            ("05", "tiếng trung quốc"),
            ("06", "tiếng việt - tiếng anh"),
            ("07", "tiếng việt - tiếng nga"),
            ("08", "tiếng việt - tiếng pháp"),
            ("10", "tiếng việt - tiếng trung"),
            ("09", "chữ hán nôm"),
        ],
        // "70 năm" / "70 years" are matched by their number.
        "maintenance" => &[
            ("02", "70"),
            ("03", "50"),
            ("04", "30"),
            ("05", "20"),
            ("06", "10"),
        ],
        "confidenceLevel" => &[
            ("01", "bản gốc điện tử"),
            ("02", "digitized"),
            ("02", "bản số hóa"),
        ],
        "format" => &[
            ("01", "good"),
            ("02", "normal"),
            ("02", "trung bình"),
            ("03", "hư hỏng"),
            ("03", "bad"),
        ],
        "riskRecoveryStatus" => &[
            ("01", "đã"),
            ("01", "done"),
            ("02", "chưa"),
            ("02", "not yet"),
        ],
        "status" => &[("01", "đang mở"), ("02", "đã đóng")],
        "riskRecovery" | "process" => &[("0", "no"), ("0", "false"), ("1", "yes"), ("1", "true")],
        _ => &[],
    }
}

/// Whether `field` takes its values from a code list.
pub fn is_coded(field: &str) -> bool {
    codes::list_for_field(field).is_some()
}

/// The accepted codes of a list, as `01 Vĩnh viễn, 02 70 năm, …`.
pub fn accepted(list: CodeList) -> String {
    list.iter()
        .map(|(c, vi, _)| format!("{c} {vi}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Maps one word or code of `field` to its code.
fn one(field: &str, list: CodeList, value: &str) -> Option<&'static str> {
    let v = value.trim();
    if v.chars().all(|c| c.is_ascii_digit()) && !v.is_empty() {
        let n: u32 = v.parse().ok()?;
        return list
            .iter()
            .map(|(c, _, _)| *c)
            .find(|c| c.parse::<u32>().ok() == Some(n));
    }
    let k = key(v);
    // "70 năm" / "70 years": the number alone decides.
    let k = if field == "maintenance" {
        k.trim_end_matches("nam")
            .trim_end_matches("years")
            .to_string()
    } else {
        k
    };
    if let Some((c, _, _)) = list.iter().find(|(_, vi, en)| key(vi) == k || key(en) == k) {
        return Some(c);
    }
    if let Some((c, _)) = synonyms(field).iter().find(|(_, w)| key(w) == k) {
        return list.iter().map(|(code, _, _)| *code).find(|code| code == c);
    }
    None
}

/// Maps a value of a coded `field` to its code; `language` takes a list separated by `,` or `;`
/// and gives the codes joined by `,`. An empty value stays empty (it clears the field).
pub fn code(field: &str, value: &str) -> Result<String, CodeError> {
    let Some(list) = codes::list_for_field(field) else {
        return Ok(value.trim().to_string());
    };
    let value = value.trim();
    if value.is_empty() {
        return Ok(String::new());
    }
    let err = || CodeError {
        field: field.to_string(),
        value: value.to_string(),
        accepted: accepted(list),
    };
    if field == "mode" {
        return mode(value).map(|m| m.code().to_string());
    }
    if field != "language" {
        return one(field, list, value).map(str::to_string).ok_or_else(err);
    }
    let mut out: Vec<&str> = Vec::new();
    for part in value
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let c = one(field, list, part).ok_or_else(err)?;
        if !out.contains(&c) {
            out.push(c);
        }
    }
    if out.is_empty() {
        return Err(err());
    }
    Ok(out.join(","))
}

/// Reads a `mode` (Chế độ sử dụng) given as a code or a word. Any word meaning secret — also
/// inside a longer phrase ("Tài liệu mật") — gives `Secret`, so a doubtful value is never published.
pub fn mode(value: &str) -> Result<Mode, CodeError> {
    if let Some(c) = one("mode", codes::MODE, value) {
        return Mode::from_code(c).ok_or_else(|| mode_error(value));
    }
    let folded = fold(value);
    let secret = folded
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "mat" | "secret" | "confidential" | "classified"));
    if secret {
        return Ok(Mode::Secret);
    }
    Err(mode_error(value))
}

fn mode_error(value: &str) -> CodeError {
    CodeError {
        field: "mode".to_string(),
        value: value.trim().to_string(),
        accepted: format!("{} (hoặc \"Hạn chế sử dụng\" = 02)", accepted(codes::MODE)),
    }
}

#[cfg(test)]
mod tests;
