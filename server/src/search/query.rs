//! From the parameters of a search URL to a [`Query`] both engines run: strict checks of the
//! filters (a bad one is a 400 naming the parameter) and a lenient parse of the typed text,
//! which never fails and reports what it left out.
//!
//! The text language: words match with or without diacritics and with small typos; `"…"`
//! quotes a phrase; a token holding a digit and `.`, `/` or `-` (`H34.10.1996.01.045`,
//! `3016/KH-UBND`) is an identifier and matches reference codes, number/symbols and notations
//! exactly.

use super::fold;
use crate::access::Access;
use crate::catalogue::model::Level;
use app::search::{DEFAULT_PER_PAGE, MAX_PER_PAGE, MAX_RESULT_WINDOW, SearchParams};
use unicode_normalization::UnicodeNormalization;

/// Longest query text accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 500;
/// Words and identifiers beyond this many are left out (and reported).
pub const MAX_TERMS: usize = 16;

/// A typed word in its two forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Lowercase with its diacritics (`quyết`).
    pub exact: String,
    /// Lowercase without them (`quyet`).
    pub folded: String,
}

impl Word {
    /// Both forms of a word as typed.
    pub fn new(typed: &str) -> Word {
        Word {
            exact: fold::exact(typed),
            folded: fold::fold(typed),
        }
    }
}

/// The text part of a query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    /// Every word outside quotes, in order; each must match.
    pub words: Vec<Word>,
    /// Quoted phrases; each must match as a phrase.
    pub phrases: Vec<Vec<Word>>,
    /// Identifier forms ([`fold::ident`]); each must match exactly.
    pub idents: Vec<String>,
    /// The text as typed (NFC, trimmed), for engines that parse it themselves.
    pub raw: String,
}

impl Text {
    /// Whether there is nothing to match (every unit matches).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty() && self.idents.is_empty()
    }

    /// Every word, from phrases too, in order of appearance within each group.
    pub fn all_words(&self) -> impl Iterator<Item = &Word> {
        self.words.iter().chain(self.phrases.iter().flatten())
    }
}

/// What narrows the results.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub fonds: Option<String>,
    pub level: Option<Level>,
    pub doc_type: Option<String>,
    pub lang: Option<String>,
    /// `yyyymmdd` bounds; a unit matches when its dates overlap `[from, to]`.
    pub from: Option<i64>,
    pub to: Option<i64>,
    pub digitized: Option<bool>,
    pub access: Option<Access>,
    /// Only units below this code.
    pub within: Option<String>,
}

/// Result order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Relevance,
    /// Oldest first (by first day covered).
    DateAsc,
    /// Newest first.
    DateDesc,
    /// By reference code, numbers by value.
    Code,
}

/// A query as both engines take it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub text: Text,
    pub filters: Filters,
    pub sort: Sort,
    pub offset: u32,
    pub limit: u32,
    /// Whether to count facets.
    pub facets: bool,
    /// Whether the last word may be the start of a longer word (completions while typing).
    pub prefix: bool,
}

/// A parameter that cannot be used, named, with the reason and fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadParam {
    pub parameter: &'static str,
    pub reason: String,
}

/// A parsed search and what its lenient text parse left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub query: Query,
    pub page: u32,
    pub per_page: u32,
    pub ignored: Vec<String>,
}

/// Checks every parameter and parses the text.
pub fn parse(p: &SearchParams) -> Result<Parsed, BadParam> {
    let get = |name: &str| p.get(name).map(str::trim).filter(|v| !v.is_empty());
    let q = get("q").unwrap_or("");
    if q.chars().count() > MAX_QUERY_CHARS {
        return Err(bad(
            "q",
            format!(
                "từ khóa quá dài: tối đa {MAX_QUERY_CHARS} ký tự (query too long: at most {MAX_QUERY_CHARS} characters)"
            ),
        ));
    }
    let (text, ignored) = parse_text(q);
    let page = number(get("page"), "page", 1, u32::MAX)?.unwrap_or(1);
    let per_page =
        number(get("per_page"), "per_page", 1, MAX_PER_PAGE)?.unwrap_or(DEFAULT_PER_PAGE);
    let reach = u64::from(page) * u64::from(per_page);
    if reach > u64::from(MAX_RESULT_WINDOW) {
        return Err(bad(
            "page",
            format!(
                "chỉ xem được {MAX_RESULT_WINDOW} kết quả đầu tiên; hãy thu hẹp tìm kiếm bằng bộ lọc (only the first {MAX_RESULT_WINDOW} results can be paged: narrow the search with filters)"
            ),
        ));
    }
    let from = get("from")
        .map(|v| date_bound(v, "from", false))
        .transpose()?;
    let to = get("to").map(|v| date_bound(v, "to", true)).transpose()?;
    if let (Some(a), Some(b)) = (from, to)
        && a > b
    {
        return Err(bad(
            "to",
            "ngày kết thúc trước ngày bắt đầu (to is before from): đổi chỗ hai giá trị".into(),
        ));
    }
    let filters = Filters {
        fonds: get("fonds").map(|v| code_param(v, "fonds")).transpose()?,
        level: get("level")
            .map(|v| {
                Level::parse(v).ok_or_else(|| {
                    bad("level", format!("cấp không hợp lệ \"{v}\": dùng fonds, series, file hoặc item (unknown level)"))
                })
            })
            .transpose()?,
        doc_type: get("type").map(|v| list_code(v, "type")).transpose()?,
        lang: get("lang").map(|v| list_code(v, "lang")).transpose()?,
        from,
        to,
        digitized: get("digitized")
            .map(|v| match v.to_ascii_lowercase().as_str() {
                "yes" | "true" | "1" | "co" | "có" => Ok(true),
                "no" | "false" | "0" | "khong" | "không" => Ok(false),
                _ => Err(bad("digitized", format!("giá trị không hợp lệ \"{v}\": dùng yes hoặc no"))),
            })
            .transpose()?,
        access: get("access")
            .map(|v| match v {
                "public" => Ok(Access::Public),
                "conditional" => Ok(Access::Conditional),
                _ => Err(bad("access", format!("giá trị không hợp lệ \"{v}\": dùng public hoặc conditional"))),
            })
            .transpose()?,
        within: get("within").map(|v| code_param(v, "within")).transpose()?,
    };
    let sort = match get("sort").unwrap_or("relevance") {
        "relevance" => Sort::Relevance,
        "date" => Sort::DateAsc,
        "-date" => Sort::DateDesc,
        "code" => Sort::Code,
        other => {
            return Err(bad(
                "sort",
                format!(
                    "cách sắp xếp không hợp lệ \"{other}\": dùng relevance, date, -date hoặc code"
                ),
            ));
        }
    };
    Ok(Parsed {
        query: Query {
            text,
            filters,
            sort,
            offset: (page - 1) * per_page,
            limit: per_page,
            facets: true,
            prefix: false,
        },
        page,
        per_page,
        ignored,
    })
}

/// Parses typed text leniently: never fails; what it cannot use is reported in Vietnamese.
pub fn parse_text(q: &str) -> (Text, Vec<String>) {
    let raw: String = q.nfc().collect::<String>().trim().to_string();
    let mut text = Text {
        raw: raw.clone(),
        ..Text::default()
    };
    let mut ignored = Vec::new();
    let mut segments: Vec<(bool, &str)> = Vec::new();
    let mut rest = raw.as_str();
    while let Some(open) = rest.find('"') {
        segments.push((false, &rest[..open]));
        let after = &rest[open + 1..];
        match after.find('"') {
            Some(close) => {
                segments.push((true, &after[..close]));
                rest = &after[close + 1..];
            }
            None => {
                ignored.push(
                    "dấu ngoặc kép chưa đóng: các từ sau nó được tìm riêng lẻ (unclosed quote)"
                        .into(),
                );
                segments.push((false, after));
                rest = "";
            }
        }
    }
    segments.push((false, rest));
    let mut terms = 0usize;
    let mut dropped = Vec::new();
    for (quoted, seg) in segments {
        if quoted {
            let phrase: Vec<Word> = fold::words(seg).map(|(_, w)| Word::new(w)).collect();
            match phrase.len() {
                0 => {}
                1 => push_limited(
                    &mut text.words,
                    phrase.into_iter().next(),
                    &mut terms,
                    &mut dropped,
                    seg,
                ),
                _ if terms < MAX_TERMS => {
                    terms += phrase.len();
                    text.phrases.push(phrase);
                }
                _ => dropped.push(seg.to_string()),
            }
            continue;
        }
        for token in seg.split_whitespace() {
            let trimmed = token.trim_matches(|c: char| !c.is_alphanumeric());
            if fold::looks_like_ident(trimmed) {
                if terms < MAX_TERMS {
                    terms += 1;
                    text.idents.push(fold::ident(trimmed));
                } else {
                    dropped.push(trimmed.to_string());
                }
                continue;
            }
            for (_, w) in fold::words(token) {
                push_limited(
                    &mut text.words,
                    Some(Word::new(w)),
                    &mut terms,
                    &mut dropped,
                    w,
                );
            }
        }
    }
    if !dropped.is_empty() {
        ignored.push(format!(
            "chỉ dùng {MAX_TERMS} từ đầu tiên; bỏ qua: {} (only the first {MAX_TERMS} terms are used)",
            dropped.join(" ")
        ));
    }
    (text, ignored)
}

fn push_limited(
    words: &mut Vec<Word>,
    word: Option<Word>,
    terms: &mut usize,
    dropped: &mut Vec<String>,
    typed: &str,
) {
    let Some(word) = word else { return };
    if *terms < MAX_TERMS {
        *terms += 1;
        words.push(word);
    } else {
        dropped.push(typed.to_string());
    }
}

fn bad(parameter: &'static str, reason: String) -> BadParam {
    BadParam { parameter, reason }
}

fn number(
    v: Option<&str>,
    name: &'static str,
    min: u32,
    max: u32,
) -> Result<Option<u32>, BadParam> {
    let Some(v) = v else { return Ok(None) };
    match v.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
        _ if max == u32::MAX => Err(bad(
            name,
            format!("\"{v}\" không phải số nguyên ≥ {min} (must be a whole number ≥ {min})"),
        )),
        _ => Err(bad(
            name,
            format!(
                "\"{v}\" phải là số nguyên từ {min} đến {max} (must be a whole number {min}–{max})"
            ),
        )),
    }
}

/// A year, `YYYY-MM` or `YYYY-MM-DD` as a `yyyymmdd` bound: the first day for `from`, the last
/// for `to` (day 31 stands for any month's end: the bound is only compared).
fn date_bound(v: &str, name: &'static str, end: bool) -> Result<i64, BadParam> {
    let err = || {
        bad(
            name,
            format!(
                "ngày không hợp lệ \"{v}\": dùng năm (1996) hoặc ngày ISO (1996-04-30) (use a year or an ISO date)"
            ),
        )
    };
    let parts: Vec<&str> = v.split('-').collect();
    let num = |s: &str, len: usize| {
        (s.len() == len && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<i64>().ok())
            .flatten()
    };
    let (y, m, d) = match parts.as_slice() {
        [y] => (
            num(y, 4).ok_or_else(err)?,
            if end { 12 } else { 1 },
            if end { 31 } else { 1 },
        ),
        [y, m] => (
            num(y, 4).ok_or_else(err)?,
            num(m, 2).ok_or_else(err)?,
            if end { 31 } else { 1 },
        ),
        [y, m, d] => (
            num(y, 4).ok_or_else(err)?,
            num(m, 2).ok_or_else(err)?,
            num(d, 2).ok_or_else(err)?,
        ),
        _ => return Err(err()),
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(err());
    }
    Ok(y * 10_000 + m * 100 + d)
}

fn code_param(v: &str, name: &'static str) -> Result<String, BadParam> {
    if v.len() > 100 || v.chars().any(char::is_control) {
        return Err(bad(name, "mã không hợp lệ (invalid code)".into()));
    }
    Ok(v.to_string())
}

fn list_code(v: &str, name: &'static str) -> Result<String, BadParam> {
    if v.len() > 10 || !v.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(bad(
            name,
            format!(
                "mã không hợp lệ \"{v}\": dùng mã trong danh mục (a code from the list, e.g. 01)"
            ),
        ));
    }
    Ok(v.to_string())
}

#[cfg(test)]
mod tests;
