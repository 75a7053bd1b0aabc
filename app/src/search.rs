//! Wire types of search: the parameters a search URL holds and the page of results with facets.
//!
//! Parameters travel as the raw strings of the URL (`?q=…&fonds=…`): the server validates them and
//! answers a bad one with `ServiceError::BadRequest` naming it, so the page, the server function
//! and `GET /api/v1/search` share one set of rules.

use crate::model::{Access, Level};
use serde::{Deserialize, Serialize};

/// Default and maximum number of hits on one page of results.
pub const DEFAULT_PER_PAGE: u32 = 20;
pub const MAX_PER_PAGE: u32 = 100;
/// How deep results can be paged (`page × per_page`); narrower queries reach the rest.
pub const MAX_RESULT_WINDOW: u32 = 10_000;

/// A search as the URL holds it; every field is optional and empty means "not set".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchParams {
    /// The words, codes and numbers typed in the box.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    /// A fonds code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fonds: Option<String>,
    /// `fonds`, `series`, `file` or `item`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// A document type code (`typeName`, e.g. `02` Quyết định).
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "type")]
    pub doc_type: Option<String>,
    /// A language code (`01` Tiếng Việt …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Start of the date range: a year or an ISO date; matches units whose dates overlap it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// End of the date range: a year or an ISO date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// `yes` or `no` (also `true`/`false`, `1`/`0`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digitized: Option<String>,
    /// `public` or `conditional`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access: Option<String>,
    /// Only units below this code (search within a fonds or a file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<String>,
    /// `relevance` (default), `date`, `-date` or `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<String>,
    /// 1-based page number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// Hits per page, 1 to [`MAX_PER_PAGE`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<String>,
}

impl SearchParams {
    /// Every parameter with a non-empty value, in a stable order, as `(name, value)` pairs.
    pub fn pairs(&self) -> Vec<(&'static str, &str)> {
        let values: [&Option<String>; 13] = [
            &self.q,
            &self.fonds,
            &self.level,
            &self.doc_type,
            &self.lang,
            &self.from,
            &self.to,
            &self.digitized,
            &self.access,
            &self.within,
            &self.sort,
            &self.page,
            &self.per_page,
        ];
        NAMES
            .into_iter()
            .zip(values)
            .filter_map(|(k, v)| {
                v.as_deref()
                    .filter(|v| !v.trim().is_empty())
                    .map(|v| (k, v))
            })
            .collect()
    }

    /// Sets a parameter by its URL name; unknown names are ignored. An empty value clears it.
    pub fn set(&mut self, name: &str, value: Option<String>) {
        let value = value.filter(|v| !v.trim().is_empty());
        let slot = match name {
            "q" => &mut self.q,
            "fonds" => &mut self.fonds,
            "level" => &mut self.level,
            "type" => &mut self.doc_type,
            "lang" => &mut self.lang,
            "from" => &mut self.from,
            "to" => &mut self.to,
            "digitized" => &mut self.digitized,
            "access" => &mut self.access,
            "within" => &mut self.within,
            "sort" => &mut self.sort,
            "page" => &mut self.page,
            "per_page" => &mut self.per_page,
            _ => return,
        };
        *slot = value;
    }

    /// The value of a parameter by its URL name.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs()
            .into_iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v)
    }

    /// The filter parameters that are set (everything that narrows results except `q`).
    pub fn filters(&self) -> Vec<(&'static str, &str)> {
        self.pairs()
            .into_iter()
            .filter(|(k, _)| FILTERS.contains(k))
            .collect()
    }
}

/// Every parameter name of a search URL, in the order links write them.
pub const NAMES: [&str; 13] = [
    "q",
    "fonds",
    "level",
    "type",
    "lang",
    "from",
    "to",
    "digitized",
    "access",
    "within",
    "sort",
    "page",
    "per_page",
];

/// The parameters that narrow the results (removing one is a zero-result hint).
pub const FILTERS: &[&str] = &[
    "fonds",
    "level",
    "type",
    "lang",
    "from",
    "to",
    "digitized",
    "access",
    "within",
];

/// An ancestor in a hit's breadcrumb.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Crumb {
    pub code: String,
    pub level: Level,
    /// `None` when the viewer may not read it (a conditional stub).
    pub title: Option<String>,
}

/// One result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub code: String,
    pub level: Level,
    /// `None` for a conditional stub.
    pub title: Option<String>,
    /// The dates as given; `None` for a stub.
    pub date: Option<String>,
    /// First and last year covered.
    pub years: Option<(i32, i32)>,
    /// The fonds code.
    pub fonds: String,
    /// The fonds name when the viewer may read it.
    pub fonds_name: Option<String>,
    /// Ancestors from the fonds down to the parent.
    pub parents: Vec<Crumb>,
    /// A passage around the matched words; the text is HTML-escaped and matches are wrapped in
    /// `<mark>…</mark>`. `None` when nothing textual matched or the viewer may not read it.
    pub snippet: Option<String>,
    pub digitized: bool,
    pub access: Access,
    /// The page (1-based) whose text matched, when the words were found inside a scanned page.
    #[serde(default)]
    pub page: Option<u32>,
    /// URL path of a small stored image (longer side ≤ 256 px) of the matched page, else of the
    /// first page, when the viewer may see the pages.
    #[serde(default)]
    pub thumbnail: Option<String>,
}

/// One value of a facet with the number of results it would leave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValue {
    /// The parameter value that selects it (`H34`, `item`, `02`, `1990`, `yes`).
    pub value: String,
    /// A readable name in Vietnamese (a fonds name, a code's name, a decade `1990–1999`).
    pub label: String,
    pub count: u64,
}

/// Counts of the current results by facet (computed over the results as filtered).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    pub fonds: Vec<FacetValue>,
    pub level: Vec<FacetValue>,
    #[serde(rename = "type")]
    pub doc_type: Vec<FacetValue>,
    /// By decade: the value is the decade's first year; selecting it sets `from`/`to`.
    pub year: Vec<FacetValue>,
    pub lang: Vec<FacetValue>,
    pub digitized: Vec<FacetValue>,
    pub access: Vec<FacetValue>,
}

/// What to change when a search finds nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Hint {
    /// Removing this filter parameter would give `total` results.
    RemoveFilter { parameter: String, total: u64 },
    /// Leaving out this word would give `total` results.
    DropWord { word: String, total: u64 },
    /// A close spelling that finds something.
    Spelling { query: String, total: u64 },
}

/// One page of results.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchPage {
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub hits: Vec<Hit>,
    pub facets: Facets,
    /// Suggestions when nothing was found.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hints: Vec<Hint>,
    /// Parts of the query the lenient parser left out (an unclosed quote …), to show the reader.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignored: Vec<String>,
}

/// A completion offered while typing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub code: String,
    pub title: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_skip_empty_values_and_set_clears() {
        let mut p = SearchParams::default();
        p.set("q", Some("quyết định".into()));
        p.set("type", Some("02".into()));
        p.set("fonds", Some("  ".into()));
        p.set("nonsense", Some("x".into()));
        assert_eq!(p.pairs(), vec![("q", "quyết định"), ("type", "02")]);
        assert_eq!(p.filters(), vec![("type", "02")]);
        assert_eq!(p.get("type"), Some("02"));
        p.set("type", None);
        assert_eq!(p.get("type"), None);
    }

    #[test]
    fn json_uses_the_url_names() {
        let p = SearchParams {
            doc_type: Some("02".into()),
            ..Default::default()
        };
        assert_eq!(serde_json::to_string(&p).unwrap(), r#"{"type":"02"}"#);
    }
}
