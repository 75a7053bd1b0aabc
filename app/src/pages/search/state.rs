//! The search page's state is its URL: reading the parameters from the query and building the
//! address of every change (a facet, a removed filter, a hint, another page). Pure functions, so
//! every link is a plain `href` that works without JavaScript.

use crate::i18n::Lang;
use crate::search::{MAX_RESULT_WINDOW, SearchParams};
use crate::urls::search_href;
use leptos_router::params::ParamsMap;

pub use crate::search::NAMES;
/// The search the query of the current address holds. `lang=vi` and `lang=en` are the language
/// switch, not the documents' language filter (whose values are codes such as `01`).
pub fn params_from_query(query: &ParamsMap) -> SearchParams {
    params_from_values(|name| query.get_all(name).unwrap_or_default())
}

/// [`params_from_query`] over a function giving every value of a name, in order.
fn params_from_values(values_of: impl Fn(&str) -> Vec<String>) -> SearchParams {
    let mut params = SearchParams::default();
    for name in NAMES {
        let values = values_of(name);
        let value = if name == "lang" {
            values.into_iter().find(|v| Lang::parse(v).is_none())
        } else {
            values.into_iter().next_back()
        };
        params.set(name, value);
    }
    params
}

/// The address of `params` with `changes` applied (`None` removes a parameter), back on page 1.
pub fn href_with(params: &SearchParams, changes: &[(&str, Option<&str>)]) -> String {
    let mut next = params.clone();
    for (name, value) in changes {
        next.set(name, value.map(str::to_string));
    }
    next.page = None;
    search_href(&next)
}

/// The facets a search is narrowed by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    Fonds,
    Level,
    Type,
    /// By decade; the value is the decade's first year and sets `from` and `to`.
    Year,
    Lang,
    Digitized,
    Access,
}

impl Facet {
    /// Every facet, in the order the page lists them.
    pub const ALL: [Facet; 7] = [
        Facet::Fonds,
        Facet::Level,
        Facet::Type,
        Facet::Year,
        Facet::Lang,
        Facet::Digitized,
        Facet::Access,
    ];

    /// The parameter a value of this facet sets (`from` for the decades, which also set `to`).
    pub fn param(self) -> &'static str {
        match self {
            Facet::Fonds => "fonds",
            Facet::Level => "level",
            Facet::Type => "type",
            Facet::Year => "from",
            Facet::Lang => "lang",
            Facet::Digitized => "digitized",
            Facet::Access => "access",
        }
    }
}

/// The last year of the decade starting at `value`.
fn decade_end(value: &str) -> Option<String> {
    value
        .trim()
        .parse::<i32>()
        .ok()
        .map(|d| (d + 9).to_string())
}

/// Whether `value` of `facet` is what the search is filtered by.
pub fn is_selected(params: &SearchParams, facet: Facet, value: &str) -> bool {
    match facet {
        Facet::Year => {
            params.get("from") == Some(value)
                && params.get("to").map(str::to_string) == decade_end(value)
        }
        _ => params.get(facet.param()) == Some(value),
    }
}

/// The address that selects `value` of `facet`, or unselects it when it is selected; every other
/// parameter is kept and paging starts again.
pub fn facet_href(params: &SearchParams, facet: Facet, value: &str) -> String {
    let selected = is_selected(params, facet, value);
    match facet {
        Facet::Year => {
            let end = decade_end(value);
            if selected {
                href_with(params, &[("from", None), ("to", None)])
            } else {
                href_with(params, &[("from", Some(value)), ("to", end.as_deref())])
            }
        }
        _ => href_with(params, &[(facet.param(), (!selected).then_some(value))]),
    }
}

/// A filter that is set, shown as a removable chip.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chip {
    /// One parameter and its value.
    Param(&'static str, String),
    /// The date range (`from` and `to` together).
    Dates(Option<String>, Option<String>),
}

impl Chip {
    /// The parameters removing the chip clears.
    pub fn params(&self) -> Vec<&'static str> {
        match self {
            Chip::Param(name, _) => vec![name],
            Chip::Dates(..) => vec!["from", "to"],
        }
    }
}

/// The filters that are set, in URL order, the two dates as one chip.
pub fn chips(params: &SearchParams) -> Vec<Chip> {
    let mut chips = Vec::new();
    for (name, value) in params.filters() {
        match name {
            "from" => chips.push(Chip::Dates(
                Some(value.to_string()),
                params.get("to").map(str::to_string),
            )),
            "to" if params.get("from").is_some() => {}
            "to" => chips.push(Chip::Dates(None, Some(value.to_string()))),
            _ => chips.push(Chip::Param(name, value.to_string())),
        }
    }
    chips
}

/// The address without the parameters `names` (removing a chip or a filter), on page 1.
pub fn href_without(params: &SearchParams, names: &[&str]) -> String {
    let changes: Vec<(&str, Option<&str>)> = names.iter().map(|n| (*n, None)).collect();
    href_with(params, &changes)
}

/// The same search with no filter at all (words and order kept).
pub fn href_without_filters(params: &SearchParams) -> String {
    href_without(params, crate::search::FILTERS)
}

/// The parameters a form must carry as hidden inputs: every one that is set except those the
/// form's own fields set and the page (a new submission starts again on page 1).
pub fn hidden_pairs(params: &SearchParams, except: &[&str]) -> Vec<(&'static str, String)> {
    params
        .pairs()
        .into_iter()
        .filter(|(name, _)| *name != "page" && !except.contains(name))
        .map(|(name, value)| (name, value.to_string()))
        .collect()
}

/// The number of the last page that can be shown (at least 1; deep pages are capped by the
/// result window).
pub fn last_page(total: u64, per_page: u32) -> u32 {
    let per_page = u64::from(per_page.max(1));
    let pages = total.div_ceil(per_page);
    let reachable = u64::from(MAX_RESULT_WINDOW) / per_page;
    u32::try_from(pages.min(reachable).max(1)).unwrap_or(u32::MAX)
}

/// The page numbers to link: the first, the last and two either side of the current one, with
/// `None` where numbers are left out.
pub fn page_numbers(current: u32, last: u32) -> Vec<Option<u32>> {
    let mut out = Vec::new();
    let mut previous = 0;
    for n in 1..=last {
        let near = n.abs_diff(current) <= 2;
        if n == 1 || n == last || near {
            if n > previous + 1 {
                out.push(None);
            }
            out.push(Some(n));
            previous = n;
        }
    }
    out
}

/// The address of page `page` of the same search (page 1 has no `page` parameter).
pub fn page_href(params: &SearchParams, page: u32) -> String {
    let mut next = params.clone();
    next.page = (page > 1).then(|| page.to_string());
    search_href(&next)
}

/// The typed text without `word` (a hint says leaving it out finds something). The word comes
/// lowercased from the server; the typed form of the first token that matches it is removed.
pub fn drop_word(q: &str, word: &str) -> String {
    let word = word.to_lowercase();
    let tokens: Vec<&str> = q.split_whitespace().collect();
    let bare = |t: &str| {
        t.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    if let Some(i) = tokens.iter().position(|t| bare(t) == word) {
        let mut kept = tokens;
        kept.remove(i);
        return kept.join(" ");
    }
    // The word was part of a longer token (`xây-dựng`): leave every token that holds it.
    tokens
        .into_iter()
        .filter(|t| !t.to_lowercase().contains(&word))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    // A `ParamsMap` cannot be built outside a browser without the `ssr` feature (it decodes
    // values with JavaScript), so the tests give the values directly.
    fn params(pairs: &[(&str, &str)]) -> SearchParams {
        params_from_values(|name| {
            pairs
                .iter()
                .filter(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
                .collect()
        })
    }

    #[test]
    fn reads_every_parameter_and_leaves_the_language_switch() {
        let p = params(&[
            ("q", "xây dựng"),
            ("type", "02"),
            ("lang", "en"),
            ("lang", "01"),
            ("page", "3"),
            ("after", "x"),
            ("level", ""),
        ]);
        assert_eq!(p.q.as_deref(), Some("xây dựng"));
        assert_eq!(p.doc_type.as_deref(), Some("02"));
        assert_eq!(p.lang.as_deref(), Some("01"));
        assert_eq!(p.page.as_deref(), Some("3"));
        assert_eq!(p.level, None);
        assert_eq!(params(&[("lang", "vi")]).lang, None);
        for name in NAMES {
            let p = params(&[(name, "v1")]);
            assert_eq!(p.get(name), Some("v1"), "{name}");
        }
    }

    #[test]
    fn facet_links_keep_the_state_and_reset_the_page() {
        let p = params(&[
            ("q", "trường"),
            ("level", "item"),
            ("page", "4"),
            ("sort", "-date"),
        ]);
        assert_eq!(
            facet_href(&p, Facet::Type, "02"),
            "/search?q=tr%C6%B0%E1%BB%9Dng&level=item&type=02&sort=-date"
        );
        // A selected value unselects.
        assert!(is_selected(&p, Facet::Level, "item"));
        assert_eq!(
            facet_href(&p, Facet::Level, "item"),
            "/search?q=tr%C6%B0%E1%BB%9Dng&sort=-date"
        );
        // Another value of the same facet replaces it.
        assert_eq!(
            facet_href(&p, Facet::Level, "file"),
            "/search?q=tr%C6%B0%E1%BB%9Dng&level=file&sort=-date"
        );
    }

    #[test]
    fn a_decade_sets_both_years() {
        let p = params(&[("q", "a")]);
        assert_eq!(
            facet_href(&p, Facet::Year, "1990"),
            "/search?q=a&from=1990&to=1999"
        );
        let p = params(&[("q", "a"), ("from", "1990"), ("to", "1999")]);
        assert!(is_selected(&p, Facet::Year, "1990"));
        assert!(!is_selected(&p, Facet::Year, "1980"));
        assert_eq!(facet_href(&p, Facet::Year, "1990"), "/search?q=a");
        assert!(!is_selected(
            &params(&[("from", "1990")]),
            Facet::Year,
            "1990"
        ));
    }

    #[test]
    fn chips_list_the_filters_and_remove_one() {
        let p = params(&[
            ("q", "a"),
            ("fonds", "H34"),
            ("from", "1990"),
            ("to", "1999"),
            ("within", "H34.10"),
            ("sort", "code"),
            ("page", "2"),
        ]);
        let chips = chips(&p);
        assert_eq!(
            chips,
            vec![
                Chip::Param("fonds", "H34".into()),
                Chip::Dates(Some("1990".into()), Some("1999".into())),
                Chip::Param("within", "H34.10".into()),
            ]
        );
        assert_eq!(
            href_without(&p, &chips[1].params()),
            "/search?q=a&fonds=H34&within=H34.10&sort=code"
        );
        assert_eq!(href_without_filters(&p), "/search?q=a&sort=code");
        assert_eq!(
            super::chips(&params(&[("to", "2000")])),
            vec![Chip::Dates(None, Some("2000".into()))]
        );
    }

    #[test]
    fn forms_carry_the_rest_of_the_state() {
        let p = params(&[("q", "a"), ("type", "02"), ("sort", "date"), ("page", "2")]);
        assert_eq!(
            hidden_pairs(&p, &["sort"]),
            vec![("q", "a".to_string()), ("type", "02".to_string())]
        );
        assert_eq!(
            hidden_pairs(&p, &["q"]),
            vec![("type", "02".to_string()), ("sort", "date".to_string())]
        );
    }

    #[test]
    fn paging() {
        assert_eq!(last_page(0, 20), 1);
        assert_eq!(last_page(20, 20), 1);
        assert_eq!(last_page(21, 20), 2);
        assert_eq!(last_page(1_000_000, 20), 500);
        assert_eq!(last_page(1_000_000, 100), 100);
        assert_eq!(page_numbers(1, 1), vec![Some(1)]);
        assert_eq!(
            page_numbers(1, 10),
            vec![Some(1), Some(2), Some(3), None, Some(10)]
        );
        assert_eq!(
            page_numbers(6, 10),
            vec![
                Some(1),
                None,
                Some(4),
                Some(5),
                Some(6),
                Some(7),
                Some(8),
                None,
                Some(10)
            ]
        );
        assert_eq!(
            page_numbers(4, 6),
            vec![Some(1), Some(2), Some(3), Some(4), Some(5), Some(6)]
        );
        let p = params(&[("q", "a"), ("page", "3")]);
        assert_eq!(page_href(&p, 1), "/search?q=a");
        assert_eq!(page_href(&p, 2), "/search?q=a&page=2");
    }

    #[test]
    fn dropping_a_word_keeps_the_others_as_typed() {
        assert_eq!(drop_word("Quyết định xây dựng", "quyết"), "định xây dựng");
        assert_eq!(drop_word("Quyết định, trường", "trường"), "Quyết định,");
        assert_eq!(drop_word("ký xây-dựng trường", "dựng"), "ký trường");
        assert_eq!(drop_word("a b", "c"), "a b");
    }
}
