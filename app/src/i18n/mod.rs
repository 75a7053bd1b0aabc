//! Interface language: the [`Lang`] of a request, the typed string table and locale formatting.
//!
//! Every visible string of the pages goes through [`t`] (or a formatter here), Vietnamese first.

pub mod dates;
mod detect;
mod fields;
mod format;
mod strings;

pub use detect::{
    lang_from_cookie_header, lang_from_query, provide_lang, set_cookie_value, use_lang,
};
pub use fields::{field_label, field_rank, is_quantity_field};
pub use format::{
    count_of, format_number, format_years, found_on_page, level_name, page_of, page_of_pattern,
    results_count, results_found, suggestions_status,
};
pub use strings::Key;

/// The two interface languages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Vietnamese, the default.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 code used in `<html lang>`, `?lang=` and the `lang` cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Parses `vi` or `en` (case-insensitive, surrounding spaces ignored).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("vi") {
            Some(Lang::Vi)
        } else if s.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The other language: the target of the language switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }

    /// Whether English names are wanted (the flag [`crate::codes`] takes).
    pub fn is_english(self) -> bool {
        self == Lang::En
    }

    /// Picks the Vietnamese or the English text.
    pub fn pick<T>(self, vi: T, en: T) -> T {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// The text of `key` in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    let (vi, en) = key.texts();
    lang.pick(vi, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_language_codes() {
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse(" VI "), Some(Lang::Vi));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
        assert_eq!(Lang::default(), Lang::Vi);
        assert_eq!(Lang::Vi.other(), Lang::En);
        assert_eq!(Lang::En.code(), "en");
    }

    #[test]
    fn t_picks_the_language() {
        assert_eq!(t(Lang::Vi, Key::SkipLink), "Bỏ qua, đến nội dung chính");
        assert_eq!(
            t(Lang::Vi, Key::ConditionalNotice),
            "Sử dụng có điều kiện — gửi yêu cầu"
        );
        assert_eq!(
            t(Lang::En, Key::ConditionalNotice),
            "Conditional access — submit a request"
        );
    }
}
