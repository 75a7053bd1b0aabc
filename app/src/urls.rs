//! The links the pages build: record addresses, cursor paging, searches and the language switch.
//! All are plain `href`s so every page works without JavaScript.

use crate::i18n::Lang;
use crate::search::SearchParams;

/// Percent-encodes everything but RFC 3986 unreserved characters, for a path segment or a
/// query value.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for byte in s.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The address of a record page: `/records/{code}`.
pub fn record_href(code: &str) -> String {
    format!("/records/{}", percent_encode(code))
}

/// Which page of a cursor-paged list a link leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageLink<'a> {
    /// The first page: no cursor.
    First,
    /// The page after a cursor (`?after=`).
    After(&'a str),
    /// The page before a cursor (`?before=`).
    Before(&'a str),
}

/// The address of one page of the list at `path`.
pub fn page_href(path: &str, link: PageLink<'_>) -> String {
    match link {
        PageLink::First => path.to_string(),
        PageLink::After(cursor) => format!("{path}?after={}", percent_encode(cursor)),
        PageLink::Before(cursor) => format!("{path}?before={}", percent_encode(cursor)),
    }
}

/// The address of a search: `/search` with every parameter that is set, in a stable order.
pub fn search_href(params: &SearchParams) -> String {
    let query: Vec<String> = params
        .pairs()
        .into_iter()
        .map(|(name, value)| format!("{name}={}", percent_encode(value.trim())))
        .collect();
    if query.is_empty() {
        "/search".to_string()
    } else {
        format!("/search?{}", query.join("&"))
    }
}

/// The address a search form's fields lead to: the parameters of a search in their usual order,
/// empty fields and names that are not search parameters left out.
pub fn search_href_from_fields<'a>(fields: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut params = SearchParams::default();
    for (name, value) in fields {
        params.set(name, Some(value.to_string()));
    }
    search_href(&params)
}

/// The current address (`path` and raw query `search`, without `?`) switched to `lang`:
/// any `lang` parameter naming an interface language is replaced, every other parameter is kept
/// as it was (on `/search`, `lang=01` is the documents' language, a filter).
pub fn lang_switch_href(path: &str, search: &str, lang: Lang) -> String {
    let mut query: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| {
            !pair.is_empty()
                && match pair.split_once('=') {
                    Some(("lang", value)) => Lang::parse(value).is_none(),
                    None => *pair != "lang",
                    Some(_) => true,
                }
        })
        .collect();
    let lang_pair = format!("lang={}", lang.code());
    query.push(&lang_pair);
    let path = if path.is_empty() { "/" } else { path };
    format!("{path}?{}", query.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_reserved_and_non_ascii_characters() {
        assert_eq!(percent_encode("H34.10.1996.01.045"), "H34.10.1996.01.045");
        assert_eq!(
            percent_encode("a b/c?d&e=f+g%"),
            "a%20b%2Fc%3Fd%26e%3Df%2Bg%25"
        );
        assert_eq!(percent_encode("Đ"), "%C4%90");
        assert_eq!(record_href("H34.10"), "/records/H34.10");
    }

    #[test]
    fn builds_cursor_links() {
        assert_eq!(page_href("/fonds", PageLink::First), "/fonds");
        assert_eq!(
            page_href("/fonds", PageLink::After("eyJwIjo1MH0=")),
            "/fonds?after=eyJwIjo1MH0%3D"
        );
        assert_eq!(
            page_href("/records/H34.10", PageLink::Before("a+b/c")),
            "/records/H34.10?before=a%2Bb%2Fc"
        );
    }

    #[test]
    fn language_switch_keeps_other_parameters() {
        assert_eq!(lang_switch_href("/", "", Lang::En), "/?lang=en");
        assert_eq!(lang_switch_href("", "", Lang::En), "/?lang=en");
        assert_eq!(
            lang_switch_href("/fonds", "after=abc%3D", Lang::En),
            "/fonds?after=abc%3D&lang=en"
        );
        assert_eq!(
            lang_switch_href("/fonds", "?lang=en&after=x", Lang::Vi),
            "/fonds?after=x&lang=vi"
        );
        assert_eq!(
            lang_switch_href("/records/A", "lang=en&lang=vi&slang=1", Lang::En),
            "/records/A?slang=1&lang=en"
        );
        // The documents' language filter of a search stays.
        assert_eq!(
            lang_switch_href("/search", "q=x&lang=01&lang=vi", Lang::En),
            "/search?q=x&lang=01&lang=en"
        );
    }

    #[test]
    fn search_addresses_hold_every_parameter_set() {
        assert_eq!(search_href(&SearchParams::default()), "/search");
        let params = SearchParams {
            q: Some(" quyết định ".into()),
            doc_type: Some("02".into()),
            from: Some("1990".into()),
            page: Some("".into()),
            ..Default::default()
        };
        assert_eq!(
            search_href(&params),
            "/search?q=quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh&type=02&from=1990"
        );
        assert_eq!(
            search_href_from_fields([
                ("from", ""),
                ("q", "a b"),
                ("to", "1999"),
                ("", ""),
                ("x", "1")
            ]),
            "/search?q=a%20b&to=1999"
        );
    }
}
