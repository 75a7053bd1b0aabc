//! Which language a request wants: `?lang=` first, then the `lang` cookie, else Vietnamese.
//!
//! On the server the request comes from the `http::request::Parts` leptos_axum puts in context,
//! and `?lang=` also sets the cookie. In the browser the language is read back from
//! `<html lang>`, which the server wrote, so hydration renders the same strings.

use super::Lang;
use leptos::prelude::*;

/// Name of the cookie that remembers the language.
pub const COOKIE_NAME: &str = "lang";

/// The `lang` parameter of a raw query string (`after=x&lang=en`), if valid.
pub fn lang_from_query(query: &str) -> Option<Lang> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .filter(|(key, _)| *key == COOKIE_NAME)
        .filter_map(|(_, value)| Lang::parse(value))
        .next_back()
}

/// The language remembered in a `Cookie` header value (`a=1; lang=en`), if valid.
pub fn lang_from_cookie_header(header: &str) -> Option<Lang> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .filter(|(name, _)| *name == COOKIE_NAME)
        .find_map(|(_, value)| Lang::parse(value.trim_matches('"')))
}

/// The `Set-Cookie` value that remembers `lang` for a year on the whole site.
pub fn set_cookie_value(lang: Lang) -> String {
    format!(
        "{COOKIE_NAME}={}; Max-Age=31536000; Path=/; SameSite=Lax",
        lang.code()
    )
}

/// Works out the request's language, puts it in context and returns it.
pub fn provide_lang() -> Lang {
    let lang = detect();
    provide_context(lang);
    lang
}

/// The language in context (Vietnamese if none was provided).
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

#[cfg(feature = "ssr")]
fn detect() -> Lang {
    use http::header::{COOKIE, HeaderValue, SET_COOKIE};

    let Some(parts) = use_context::<http::request::Parts>() else {
        return Lang::default();
    };
    if let Some(lang) = parts.uri.query().and_then(lang_from_query) {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
            && let Ok(value) = HeaderValue::from_str(&set_cookie_value(lang))
        {
            response.append_header(SET_COOKIE, value);
        }
        return lang;
    }
    parts
        .headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(lang_from_cookie_header)
        .unwrap_or_default()
}

#[cfg(not(feature = "ssr"))]
fn detect() -> Lang {
    document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|code| Lang::parse(&code))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_query_parameter() {
        assert_eq!(lang_from_query("lang=en"), Some(Lang::En));
        assert_eq!(lang_from_query("after=abc&lang=vi"), Some(Lang::Vi));
        assert_eq!(lang_from_query("lang=vi&lang=en"), Some(Lang::En));
        assert_eq!(lang_from_query("lang=de"), None);
        assert_eq!(lang_from_query("slang=en"), None);
        assert_eq!(lang_from_query(""), None);
    }

    #[test]
    fn reads_the_cookie() {
        assert_eq!(lang_from_cookie_header("lang=en"), Some(Lang::En));
        assert_eq!(
            lang_from_cookie_header("session=x; lang=vi; theme=dark"),
            Some(Lang::Vi)
        );
        assert_eq!(lang_from_cookie_header("xlang=en"), None);
        assert_eq!(lang_from_cookie_header("lang=zz"), None);
        assert_eq!(lang_from_cookie_header(""), None);
    }

    #[test]
    fn cookie_lasts_a_year_on_the_whole_site() {
        assert_eq!(
            set_cookie_value(Lang::En),
            "lang=en; Max-Age=31536000; Path=/; SameSite=Lax"
        );
    }
}
