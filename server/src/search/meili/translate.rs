//! Pure translation between the portal's search types and Meilisearch's: the document sent for a
//! unit, the `q` text, the filter expression, paging, sorting, facet counts, snippets and the
//! applied marker kept in the database. Nothing here talks to a server, so all of it is tested
//! without one.

use crate::search::document::IndexDoc;
use crate::search::fold;
use crate::search::query::{Filters, Sort, Text};
use crate::search::{Applied, RawFacets};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

/// Attributes searched, most important first (the `attribute` ranking rule follows this order).
/// The unit's own code comes first so that a typed code ranks its unit above the units below it.
pub const SEARCHABLE: &[&str] = &[
    "code",
    "idents",
    "ancestors",
    "issuer",
    "title",
    "body",
    EXACT_ATTRIBUTE,
];
/// Attributes a query of words and phrases only searches (identifiers are matched only by what
/// is typed as an identifier, as in the embedded engine).
pub const TEXT_ATTRIBUTES: &[&str] = &["issuer", "title", "body", EXACT_ATTRIBUTE];
/// The attributes that hold words as written (a spelling is looked for there).
pub const WORD_ATTRIBUTES: &[&str] = &["issuer", "title", "body"];
/// Words of text around a match when looking for a spelling.
pub const SPELLING_CROP: &[(&str, Option<usize>)] = &[("body", Some(8)), ("title", Some(8))];
/// The language of every text (ISO 639-3), so Meilisearch never guesses it.
pub const LOCALES: &[&str] = &["vie"];
/// Attributes searched without typos (identifiers match exactly).
pub const NO_TYPO: &[&str] = &["code", "idents", "ancestors", EXACT_ATTRIBUTE];
/// The attribute holding the exact forms ([`exact_key`]) of the words written with diacritics.
pub const EXACT_ATTRIBUTE: &str = "exact";
pub const FILTERABLE: &[&str] = &[
    "fonds",
    "level",
    "type",
    "langs",
    "decades",
    "digitized",
    "access",
    "ancestors",
    "start",
    "end",
];
pub const SORTABLE: &[&str] = &["start", "end", "code_key"];
/// `sort` first: a chosen order is strict (as in the embedded engine); without one the rule is
/// skipped and relevance decides.
pub const RANKING_RULES: &[&str] = &[
    "sort",
    "words",
    "typo",
    "proximity",
    "attribute",
    "exactness",
];
/// Facets counted, as Meilisearch names them.
pub const FACETS: &[&str] = &[
    "fonds",
    "level",
    "type",
    "langs",
    "decades",
    "digitized",
    "access",
];
/// Only the id is read back; snippets come from `_formatted`.
pub const RETRIEVE: &[&str] = &["id"];
pub const HIGHLIGHT: &[&str] = &["title", "body"];
/// Words of a snippet taken from the text.
pub const CROP_WORDS: usize = 24;
pub const CROP: &[(&str, Option<usize>)] = &[("body", None), ("title", Some(40))];
/// Highlight tags: private-use characters no catalogue text holds (they are stripped from
/// documents), turned into `<mark>` once the text around them is escaped.
pub const PRE: char = '\u{E000}';
pub const POST: char = '\u{E001}';
pub const PRE_TAG: &str = "\u{E000}";
pub const POST_TAG: &str = "\u{E001}";
/// Documents and bytes (roughly) per document request.
const BATCH_DOCS: usize = 10_000;
const BATCH_BYTES: usize = 32 * 1024 * 1024;

/// One unit as Meilisearch holds it (primary key `id`). Absent dates are left out, so date
/// filters exclude the unit and date sorts put it last.
#[derive(Debug, Serialize)]
pub struct MeiliDoc<'a> {
    pub id: i64,
    pub code: &'a str,
    pub code_key: &'a str,
    pub level: &'static str,
    pub fonds: &'a str,
    /// Ancestor codes in [`fold::ident`] form (as `within` is matched).
    pub ancestors: Vec<String>,
    pub title: Cow<'a, str>,
    pub body: Cow<'a, str>,
    pub issuer: Cow<'a, str>,
    pub idents: &'a [String],
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub doc_type: Option<&'a str>,
    pub langs: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<i64>,
    pub decades: &'a [i32],
    pub digitized: &'static str,
    pub access: &'static str,
    /// [`exact_key`]s of the words written with diacritics, once each.
    pub exact: String,
}

/// The Meilisearch document of an index document.
pub fn document(d: &IndexDoc) -> MeiliDoc<'_> {
    MeiliDoc {
        id: d.unit_id,
        code: &d.code,
        code_key: &d.code_key,
        level: d.level.as_str(),
        fonds: &d.fonds,
        ancestors: d.ancestors.iter().map(|a| fold::ident(a)).collect(),
        title: without_tags(&d.title),
        body: without_tags(&d.body),
        issuer: without_tags(&d.issuer),
        idents: &d.idents,
        doc_type: d.doc_type.as_deref(),
        langs: &d.langs,
        start: d.start,
        end: d.end,
        decades: &d.decades,
        digitized: if d.digitized { "yes" } else { "no" },
        access: d.access.as_str(),
        exact: exact_entries(d)
            .into_iter()
            .map(|(k, _)| k)
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// Exact forms: Meilisearch folds diacritics away, so `thuê` (rent) and `thuế` (tax) are one
/// word to it. Each word written with diacritics is also indexed as a key that keeps them
/// (`qz` + the word with every non-ASCII letter as `x{hex}x`, `x` as `xx`: one ASCII token no
/// text holds). A typed word with diacritics is sent as its key, which an index synonym maps to
/// the folded word: every unit the folded word finds still matches, and those holding the
/// exact form win Meilisearch's `exactness` rule (exact diacritics break ties, as in the
/// embedded engine). Only syllable-like words get a key, which bounds the synonyms.
pub fn exact_key(exact: &str) -> Option<String> {
    let chars = exact.chars().count();
    let marked = exact.chars().filter(|c| !c.is_ascii()).count();
    if !(1..=3).contains(&marked)
        || !(1..=8).contains(&chars)
        || !exact
            .chars()
            .all(|c| c.is_alphabetic() && !c.is_uppercase())
    {
        return None;
    }
    let mut key = String::with_capacity(exact.len() + 8);
    key.push_str("qz");
    for c in exact.chars() {
        match c {
            'x' => key.push_str("xx"),
            c if c.is_ascii_alphanumeric() => key.push(c),
            c => key.push_str(&format!("x{:x}x", u32::from(c))),
        }
    }
    Some(key)
}

/// The exact keys of a document's words with their folded forms (the synonym of each key), in
/// order of first appearance.
pub fn exact_entries(d: &IndexDoc) -> Vec<(String, String)> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for text in [&d.title, &d.issuer, &d.body] {
        for (_, w) in fold::words(&without_tags(text)) {
            if w.is_ascii() {
                continue;
            }
            let exact = fold::exact(w);
            if let Some(key) = exact_key(&exact)
                && seen.insert(key.clone())
            {
                out.push((key, fold::fold(&exact)));
            }
        }
    }
    out
}

fn without_tags(text: &str) -> Cow<'_, str> {
    if text.contains([PRE, POST]) {
        Cow::Owned(text.replace([PRE, POST], ""))
    } else {
        Cow::Borrowed(text)
    }
}

/// Consecutive ranges of `docs` sent in one request each.
pub fn batches(docs: &[IndexDoc]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0usize, 0usize);
    for (i, d) in docs.iter().enumerate() {
        let size = approx_size(d);
        if i > start && (i - start >= BATCH_DOCS || bytes + size > BATCH_BYTES) {
            out.push(start..i);
            start = i;
            bytes = 0;
        }
        bytes += size;
    }
    if start < docs.len() {
        out.push(start..docs.len());
    }
    out
}

fn approx_size(d: &IndexDoc) -> usize {
    let list = |v: &[String]| v.iter().map(|s| s.len() + 4).sum::<usize>();
    300 + 2 * d.code.len()
        + d.title.len()
        + d.body.len()
        + d.issuer.len()
        + list(&d.idents)
        + list(&d.ancestors)
        + list(&d.langs)
        + 8 * d.decades.len()
        + d.title.len()
        + d.body.len() / 2
}

/// The `q` of a query: words (lowercased as typed: Meilisearch folds diacritics and `đ` itself;
/// a word with diacritics whose exact key the index knows, `known`, is sent as that key, see
/// [`exact_key`]), quoted phrases, and each identifier as a phrase of its parts, which matches
/// the identifier (its parts in sequence) in the code, the identifiers or the ancestors' codes,
/// and a mention of it in the text. Meilisearch takes the last word as a prefix unless the
/// query ends with a separator, so a space is appended when `prefix` is off (and the last word
/// is then sent as typed). `None`: match everything.
pub fn query_text(text: &Text, prefix: bool, known: &dyn Fn(&str) -> bool) -> Option<String> {
    let last = text.words.len().saturating_sub(1);
    let mut parts: Vec<String> = text
        .words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let completing =
                prefix && i == last && text.phrases.is_empty() && text.idents.is_empty();
            match exact_key(&w.exact) {
                Some(key) if !completing && known(&key) => key,
                _ => w.exact.clone(),
            }
        })
        .collect();
    for phrase in &text.phrases {
        let words: Vec<&str> = phrase.iter().map(|w| w.exact.as_str()).collect();
        parts.extend(quoted_words(&words));
    }
    for ident in &text.idents {
        let words: Vec<&str> = fold::words(ident).map(|(_, w)| w).collect();
        parts.extend(quoted_words(&words));
    }
    if parts.is_empty() {
        return None;
    }
    let mut q = parts.join(" ");
    if !prefix {
        q.push(' ');
    }
    Some(q)
}

fn quoted_words(words: &[&str]) -> Option<String> {
    // Words are runs of letters and digits ([`fold::words`]): nothing to escape.
    let words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !w.is_empty() && !w.contains('"'))
        .collect();
    (!words.is_empty()).then(|| format!("\"{}\"", words.join(" ")))
}

/// The filter expression of a query's filters; `None` when there are none.
pub fn filter(f: &Filters) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut eq =
        |attribute: &str, value: &str| parts.push(format!("{attribute} = {}", quote(value)));
    if let Some(v) = &f.fonds {
        eq("fonds", v);
    }
    if let Some(v) = f.level {
        eq("level", v.as_str());
    }
    if let Some(v) = &f.doc_type {
        eq("type", v);
    }
    if let Some(v) = &f.lang {
        eq("langs", v);
    }
    if let Some(v) = f.digitized {
        eq("digitized", if v { "yes" } else { "no" });
    }
    if let Some(v) = f.access {
        eq("access", v.as_str());
    }
    if let Some(v) = &f.within {
        eq("ancestors", &fold::ident(v));
    }
    // Overlap: the unit starts before the range ends and ends after it starts (undated units,
    // which have neither attribute, never match).
    if let Some(to) = f.to {
        parts.push(format!("start <= {to}"));
    }
    if let Some(from) = f.from {
        parts.push(format!("end >= {from}"));
    }
    (!parts.is_empty()).then(|| parts.join(" AND "))
}

/// A string value for a filter: double-quoted, with `\` and `"` escaped.
pub fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The `sort` parameter of an order; `None` for relevance.
pub fn sort(sort: Sort) -> Option<&'static [&'static str]> {
    match sort {
        Sort::Relevance => None,
        Sort::DateAsc => Some(&["start:asc"]),
        Sort::DateDesc => Some(&["start:desc"]),
        Sort::Code => Some(&["code_key:asc"]),
    }
}

/// How `offset`/`limit` are asked with `page`/`hitsPerPage` (the mode in which Meilisearch
/// counts every match exactly): the page, its size, and hits to drop from its start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    pub page: usize,
    pub per_page: usize,
    pub skip: usize,
}

/// Paging for `offset`/`limit`; a limit of 0 counts only.
pub fn paging(offset: u32, limit: u32) -> Paging {
    let (offset, limit) = (offset as usize, limit as usize);
    if limit == 0 {
        Paging {
            page: 1,
            per_page: 0,
            skip: 0,
        }
    } else if offset % limit == 0 {
        Paging {
            page: offset / limit + 1,
            per_page: limit,
            skip: 0,
        }
    } else {
        Paging {
            page: 1,
            per_page: offset + limit,
            skip: offset,
        }
    }
}

/// Facet counts from Meilisearch's `facetDistribution`, each list by count (highest first),
/// then value.
pub fn facets(distribution: &HashMap<String, HashMap<String, usize>>) -> RawFacets {
    let list = |name: &str| -> Vec<(String, u64)> {
        let mut out: Vec<(String, u64)> = distribution
            .get(name)
            .map(|m| {
                m.iter()
                    .filter(|(_, n)| **n > 0)
                    .map(|(v, n)| (v.clone(), *n as u64))
                    .collect()
            })
            .unwrap_or_default();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out
    };
    let mut decade: Vec<(i32, u64)> = distribution
        .get("decades")
        .map(|m| {
            m.iter()
                .filter(|(_, n)| **n > 0)
                .filter_map(|(v, n)| Some((whole_number(v)?, *n as u64)))
                .collect()
        })
        .unwrap_or_default();
    decade.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    RawFacets {
        fonds: list("fonds"),
        level: list("level"),
        doc_type: list("type"),
        decade,
        lang: list("langs"),
        digitized: list("digitized"),
        access: list("access"),
    }
}

/// A numeric facet value (`1990`, or `1990.0` should a server print it so).
fn whole_number(v: &str) -> Option<i32> {
    let v = v.trim();
    let int = match v.split_once('.') {
        Some((int, frac)) if frac.chars().all(|c| c == '0') => int,
        Some(_) => return None,
        None => v,
    };
    int.parse().ok()
}

/// Words to ask Meilisearch about when looking for a close spelling of `word` (folded): the word
/// itself (Meilisearch finds indexed words one typo away from words of five letters or more)
/// and, for a distance of two, the word with one letter left out (a typo away from those).
pub fn spelling_probes(word: &str, max: usize) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = vec![word.to_string()];
    if max >= 2 || chars.len() < 5 {
        for i in 0..chars.len() {
            let v: String = chars
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, c)| *c)
                .collect();
            if v.chars().count() >= 3 && !out.contains(&v) {
                out.push(v);
            }
        }
    }
    out
}

/// The words Meilisearch marked in a hit's `_formatted` fields, folded.
pub fn marked_words(formatted: &Map<String, Value>) -> Vec<String> {
    let mut out = Vec::new();
    for field in HIGHLIGHT {
        let Some(text) = formatted.get(*field).and_then(Value::as_str) else {
            continue;
        };
        let mut rest = text;
        while let Some(start) = rest.find(PRE) {
            let after = &rest[start + PRE.len_utf8()..];
            let end = after.find(POST).unwrap_or(after.len());
            for (_, w) in fold::words(&after[..end]) {
                out.push(fold::fold(w));
            }
            rest = &after[end..];
        }
    }
    out
}

/// Levenshtein distance between `a` and `b` when at most `max` (as the embedded engine counts).
pub fn distance_within(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        if cur.iter().min().is_some_and(|m| *m > max) {
            return None;
        }
        prev = cur;
    }
    prev.last().copied().filter(|d| *d <= max)
}

/// The id of a hit (nothing else is retrieved).
#[derive(Debug, Deserialize)]
pub struct HitId {
    pub id: i64,
}

/// The snippet of a hit from its `_formatted` fields: the cropped text if a match is marked in
/// it, else the title if one is, else none.
pub fn snippet(formatted: &Map<String, Value>) -> Option<String> {
    ["body", "title"].iter().find_map(|f| {
        formatted
            .get(*f)
            .and_then(Value::as_str)
            .and_then(marked_html)
    })
}

/// HTML-escaped text with `<mark>…</mark>` where Meilisearch put its highlight tags; `None`
/// when nothing is marked.
pub fn marked_html(text: &str) -> Option<String> {
    if !text.contains(PRE) {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 32);
    for c in text.chars() {
        match c {
            PRE => out.push_str("<mark>"),
            POST => out.push_str("</mark>"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Some(out)
}

/// What is kept in `search_state.settings`: the indexer's settings and the creation time of the
/// Meilisearch index they were applied to (an index deleted and recreated since, by anyone,
/// holds other documents: it is rebuilt).
pub fn encode_marker(settings: &str, created: i128) -> String {
    format!("{settings}{CREATED}{created}")
}

const CREATED: &str = "\nmeilisearch-index-created=";

/// The settings and index creation time of a stored marker.
pub fn decode_marker(stored: &str) -> Option<(String, i128)> {
    let (settings, created) = stored.rsplit_once(CREATED)?;
    Some((settings.to_string(), created.parse().ok()?))
}

/// The marker as the indexer sees it, when it belongs to the index created at `created`.
pub fn applied_from(seq: i64, stored: &str, created: i128) -> Option<Applied> {
    let (settings, at) = decode_marker(stored)?;
    (at == created).then_some(Applied { seq, settings })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::Access;
    use crate::catalogue::model::Level;
    use crate::search::query::{Word, parse_text};

    fn doc() -> IndexDoc {
        IndexDoc {
            unit_id: 7,
            code: "H34.10.1996.01.045".into(),
            code_key: fold::natural_key("H34.10.1996.01.045"),
            level: Level::Item,
            fonds: "H34".into(),
            ancestors: vec!["H34".into(), "H34.10".into(), "H34.10.1996.01".into()],
            title: "Quyết định <số> 458/QĐ-TTg".into(),
            body: "Ủy ban\u{E000}nhân dân\n".into(),
            issuer: "Ủy ban".into(),
            idents: vec!["458/qd-ttg".into(), "h34.10.1996.01.045".into()],
            doc_type: Some("01".into()),
            langs: vec!["01".into()],
            start: Some(19_960_430),
            end: Some(19_960_430),
            decades: vec![1990],
            digitized: true,
            access: Access::Public,
        }
    }

    #[test]
    fn documents_carry_every_attribute_and_leave_out_missing_dates() {
        let d = doc();
        let json = serde_json::to_value(document(&d)).expect("json");
        assert_eq!(json["id"], 7);
        assert_eq!(json["level"], "item");
        assert_eq!(json["type"], "01");
        assert_eq!(json["digitized"], "yes");
        assert_eq!(json["access"], "public");
        assert_eq!(json["start"], 19_960_430);
        assert_eq!(json["decades"], serde_json::json!([1990]));
        assert_eq!(
            json["ancestors"],
            serde_json::json!(["h34", "h34.10", "h34.10.1996.01"])
        );
        assert_eq!(
            json["body"], "Ủy bannhân dân\n",
            "highlight tags are stripped"
        );
        let undated = IndexDoc {
            start: None,
            end: None,
            doc_type: None,
            ..doc()
        };
        let json = serde_json::to_value(document(&undated)).expect("json");
        let obj = json.as_object().expect("object");
        assert!(
            !obj.contains_key("start") && !obj.contains_key("end") && !obj.contains_key("type")
        );
    }

    #[test]
    fn batches_cover_every_document_once() {
        let docs: Vec<IndexDoc> = (0..25_001)
            .map(|i| IndexDoc {
                unit_id: i,
                ..doc()
            })
            .collect();
        let b = batches(&docs);
        assert_eq!(b, vec![0..10_000, 10_000..20_000, 20_000..25_001]);
        assert!(batches(&[]).is_empty());
        let big = IndexDoc {
            body: "x".repeat(20 * 1024 * 1024),
            ..doc()
        };
        assert_eq!(
            batches(&[big.clone(), big.clone(), doc()]),
            vec![0..1, 1..3]
        );
    }

    #[test]
    fn query_text_has_words_phrases_and_identifier_phrases() {
        let none = |_: &str| false;
        let (text, _) = parse_text(r#"Quyết định "xây dựng trường" 3016/KH-UBND"#);
        assert_eq!(
            query_text(&text, false, &none).as_deref(),
            Some(r#"quyết định "xây dựng trường" "3016 kh ubnd" "#)
        );
        let (text, _) = parse_text("H34.10.1996.01.045 458/QĐ-TTg");
        assert_eq!(
            query_text(&text, false, &none).as_deref(),
            Some(r#""h34 10 1996 01 045" "458 qd ttg" "#)
        );
        // Completions: no trailing space, so the last word is a prefix.
        let (text, _) = parse_text("quyet di");
        assert_eq!(query_text(&text, true, &none).as_deref(), Some("quyet di"));
        assert_eq!(
            query_text(&text, false, &none).as_deref(),
            Some("quyet di ")
        );
        assert_eq!(query_text(&Text::default(), false, &none), None);
        let odd = Text {
            phrases: vec![vec![Word::new("")]],
            ..Text::default()
        };
        assert_eq!(query_text(&odd, false, &none), None);
    }

    #[test]
    fn known_exact_keys_replace_words_typed_with_diacritics() {
        let known = |k: &str| k == "qzthux1ebfx" || k == "qzx111xx1ea5xt";
        let (text, _) = parse_text("tiền thuế đất Plei");
        assert_eq!(
            query_text(&text, false, &known).as_deref(),
            Some("tiền qzthux1ebfx qzx111xx1ea5xt plei ")
        );
        // While completing, the last word stays as typed (a key is no prefix of a longer one).
        let (text, _) = parse_text("thuế đất");
        assert_eq!(
            query_text(&text, true, &known).as_deref(),
            Some("qzthux1ebfx đất")
        );
        // Phrases keep the words (synonyms do not apply inside a phrase).
        let (text, _) = parse_text("\"thuế đất\"");
        assert_eq!(
            query_text(&text, false, &known).as_deref(),
            Some("\"thuế đất\" ")
        );
    }

    #[test]
    fn exact_keys_keep_diacritics_apart_and_are_one_token() {
        let k = |w: &str| exact_key(&fold::exact(w));
        assert_eq!(k("thuế").as_deref(), Some("qzthux1ebfx"));
        assert_eq!(k("thuê").as_deref(), Some("qzthuxeax"));
        assert_ne!(k("thuế"), k("thuê"));
        assert_ne!(
            k("thủy"),
            k("thuỷ"),
            "old-style tone placement is another spelling"
        );
        assert_eq!(k("xã").as_deref(), Some("qzxxxe3x"));
        assert_eq!(k("thue"), None, "no diacritics: the word itself");
        assert_eq!(k("nghiêngg1"), None);
        assert_eq!(k("Đường").as_deref(), Some("qzx111xx1b0xx1eddxng"));
        assert_eq!(k("thànhphố").as_deref(), Some("qzthxe0xnhphx1ed1x"));
        assert_eq!(k("độcđáođặcsắc"), None, "too long for a syllable");
        for key in ["thuế", "Đường", "xã"].iter().filter_map(|w| k(w)) {
            assert!(key.chars().all(|c| c.is_ascii_alphanumeric()), "{key}");
        }
        let d = IndexDoc {
            title: "Thuế thuế THUẾ đất".into(),
            issuer: String::new(),
            body: "đất mới".into(),
            ..doc()
        };
        assert_eq!(
            exact_entries(&d),
            vec![
                ("qzthux1ebfx".to_string(), "thue".to_string()),
                ("qzx111xx1ea5xt".to_string(), "dat".to_string()),
                ("qzmx1edbxi".to_string(), "moi".to_string()),
            ]
        );
    }

    #[test]
    fn spelling_helpers() {
        assert_eq!(spelling_probes("khoang", 2).len(), 7);
        assert_eq!(spelling_probes("khoaanng", 2)[0], "khoaanng");
        assert!(spelling_probes("khoaanng", 2).contains(&"khoanng".to_string()));
        assert_eq!(
            spelling_probes("thue", 1),
            vec!["thue", "hue", "tue", "the", "thu"]
        );
        assert_eq!(spelling_probes("truong", 2).len(), 7);
        assert_eq!(spelling_probes("khong", 1), vec!["khong"]);
        assert_eq!(distance_within("khoaanng", "khoang", 2), Some(2));
        assert_eq!(distance_within("khoaanng", "khoang", 1), None);
        assert_eq!(
            distance_within("truogn", "truong", 2),
            Some(2),
            "no transpositions"
        );
        assert_eq!(distance_within("abc", "abc", 0), Some(0));
        assert_eq!(distance_within("abc", "abcdef", 2), None);
        let mut f = Map::new();
        f.insert(
            "title".into(),
            Value::from("…giấy phép \u{E000}khoáng\u{E001} sản"),
        );
        f.insert(
            "body".into(),
            Value::from("\u{E000}Khoảng\u{E001} và \u{E000}khoang"),
        );
        assert_eq!(marked_words(&f), vec!["khoang", "khoang", "khoang"]);
    }

    #[test]
    fn filters_are_joined_and_values_escaped() {
        assert_eq!(filter(&Filters::default()), None);
        let f = Filters {
            fonds: Some("H34".into()),
            level: Some(Level::File),
            doc_type: Some("01".into()),
            lang: Some("02".into()),
            from: Some(19_900_101),
            to: Some(19_991_231),
            digitized: Some(false),
            access: Some(Access::Conditional),
            within: Some("H34.10 ".into()),
        };
        assert_eq!(
            filter(&f).as_deref(),
            Some(
                "fonds = \"H34\" AND level = \"file\" AND type = \"01\" AND langs = \"02\" \
                 AND digitized = \"no\" AND access = \"conditional\" AND ancestors = \"h34.10\" \
                 AND start <= 19991231 AND end >= 19900101"
            )
        );
        let only_from = Filters {
            from: Some(19_900_101),
            ..Filters::default()
        };
        assert_eq!(filter(&only_from).as_deref(), Some("end >= 19900101"));
        assert_eq!(quote(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(quote(r#"x\"#), r#""x\\""#);
        let tricky = Filters {
            fonds: Some(r#"F" OR fonds = "G"#.into()),
            ..Filters::default()
        };
        assert_eq!(
            filter(&tricky).as_deref(),
            Some(r#"fonds = "F\" OR fonds = \"G""#)
        );
    }

    #[test]
    fn sorts_and_paging() {
        assert_eq!(sort(Sort::Relevance), None);
        assert_eq!(sort(Sort::DateAsc), Some(&["start:asc"][..]));
        assert_eq!(sort(Sort::DateDesc), Some(&["start:desc"][..]));
        assert_eq!(sort(Sort::Code), Some(&["code_key:asc"][..]));
        let p = |page, per_page, skip| Paging {
            page,
            per_page,
            skip,
        };
        assert_eq!(paging(0, 20), p(1, 20, 0));
        assert_eq!(paging(40, 20), p(3, 20, 0));
        assert_eq!(paging(0, 0), p(1, 0, 0));
        assert_eq!(paging(5, 0), p(1, 0, 0));
        assert_eq!(paging(5, 10), p(1, 15, 5));
    }

    #[test]
    fn facets_are_parsed_and_ordered_by_count_then_value() {
        let mut d: HashMap<String, HashMap<String, usize>> = HashMap::new();
        let m = |pairs: &[(&str, usize)]| -> HashMap<String, usize> {
            pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
        };
        d.insert(
            "fonds".into(),
            m(&[("H34", 3), ("A01", 3), ("Z9", 7), ("E", 0)]),
        );
        d.insert("level".into(), m(&[("item", 2)]));
        d.insert("type".into(), m(&[("01", 1)]));
        d.insert("langs".into(), m(&[("01", 4), ("02", 1)]));
        d.insert(
            "decades".into(),
            m(&[("1990", 2), ("1980.0", 2), ("2000", 5), ("x", 1)]),
        );
        d.insert("digitized".into(), m(&[("no", 1), ("yes", 1)]));
        d.insert("access".into(), m(&[("public", 9)]));
        let f = facets(&d);
        let s = |v: &[(&str, u64)]| -> Vec<(String, u64)> {
            v.iter().map(|(k, n)| (k.to_string(), *n)).collect()
        };
        assert_eq!(f.fonds, s(&[("Z9", 7), ("A01", 3), ("H34", 3)]));
        assert_eq!(f.level, s(&[("item", 2)]));
        assert_eq!(f.doc_type, s(&[("01", 1)]));
        assert_eq!(f.lang, s(&[("01", 4), ("02", 1)]));
        assert_eq!(f.decade, vec![(2000, 5), (1980, 2), (1990, 2)]);
        assert_eq!(f.digitized, s(&[("no", 1), ("yes", 1)]));
        assert_eq!(f.access, s(&[("public", 9)]));
        assert_eq!(facets(&HashMap::new()), RawFacets::default());
    }

    #[test]
    fn snippets_are_escaped_with_only_mark_tags() {
        let mut formatted = Map::new();
        formatted.insert(
            "title".into(),
            Value::from("<b>Quyết</b> \u{E000}định\u{E001}"),
        );
        formatted.insert(
            "body".into(),
            Value::from("…a & b < \"\u{E000}c\u{E001}\" 'd' >…"),
        );
        assert_eq!(
            snippet(&formatted).as_deref(),
            Some("…a &amp; b &lt; &quot;<mark>c</mark>&quot; &#39;d&#39; &gt;…")
        );
        formatted.insert("body".into(), Value::from("no match <here>"));
        assert_eq!(
            snippet(&formatted).as_deref(),
            Some("&lt;b&gt;Quyết&lt;/b&gt; <mark>định</mark>")
        );
        formatted.insert("title".into(), Value::from("plain"));
        assert_eq!(snippet(&formatted), None);
        assert_eq!(snippet(&Map::new()), None);
        assert_eq!(marked_html("<mark>x</mark>"), None, "literal tags are text");
    }

    #[test]
    fn markers_round_trip_and_belong_to_one_index() {
        let stored = encode_marker("v1;public;visibility=stub", -1_700_000_000_123_456_789);
        assert_eq!(
            decode_marker(&stored),
            Some((
                "v1;public;visibility=stub".to_string(),
                -1_700_000_000_123_456_789
            ))
        );
        assert_eq!(decode_marker("v1;staff"), None);
        assert_eq!(
            applied_from(42, &stored, -1_700_000_000_123_456_789),
            Some(Applied {
                seq: 42,
                settings: "v1;public;visibility=stub".into()
            })
        );
        assert_eq!(applied_from(42, &stored, 5), None);
    }
}
