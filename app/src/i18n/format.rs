//! Locale formatting: numbers, year ranges, level names and counted nouns.

use super::{Key, Lang, t};
use crate::model::Level;

/// A whole number with the locale's grouping: `1.234.567` in Vietnamese, `1,234,567` in English.
pub fn format_number(lang: Lang, n: i64) -> String {
    let sep = lang.pick('.', ',');
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// A year range as `1983` or `1983–1990` (years are never grouped).
pub fn format_years(years: (i32, i32)) -> String {
    let (from, to) = years;
    if from == to {
        from.to_string()
    } else {
        format!("{from}–{to}")
    }
}

/// The name of a level, capitalised: Phông, Mục lục, Hồ sơ, Tài liệu.
pub fn level_name(lang: Lang, level: Level) -> &'static str {
    t(
        lang,
        match level {
            Level::Fonds => Key::LevelFonds,
            Level::Series => Key::LevelSeries,
            Level::File => Key::LevelFile,
            Level::Item => Key::LevelItem,
        },
    )
}

/// `n` units of `level` (`12 hồ sơ`, `1 file`, `1.234 tài liệu`); with no level, a neutral
/// noun (`5 thành phần`, `5 components`) for lists whose level is not known in advance.
pub fn count_of(lang: Lang, level: Option<Level>, n: i64) -> String {
    let (vi, en_one, en_many) = match level {
        Some(Level::Fonds) => ("phông", "fonds", "fonds"),
        Some(Level::Series) => ("mục lục", "series", "series"),
        Some(Level::File) => ("hồ sơ", "file", "files"),
        Some(Level::Item) => ("tài liệu", "item", "items"),
        None => ("thành phần", "component", "components"),
    };
    let noun = lang.pick(vi, if n == 1 { en_one } else { en_many });
    format!("{} {noun}", format_number(lang, n))
}

/// `n kết quả` / `n results`.
pub fn results_count(lang: Lang, n: u64) -> String {
    let number = format_number(lang, i64::try_from(n).unwrap_or(i64::MAX));
    let noun = lang.pick("kết quả", if n == 1 { "result" } else { "results" });
    format!("{number} {noun}")
}

/// The total of a search: `Tìm thấy 1.234 kết quả` / `Found 1,234 results`.
pub fn results_found(lang: Lang, n: u64) -> String {
    format!(
        "{} {}",
        lang.pick("Tìm thấy", "Found"),
        results_count(lang, n)
    )
}

/// What a screen reader hears when completions appear under the search box.
pub fn suggestions_status(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (_, 0) => String::new(),
        (Lang::Vi, n) => format!("{n} gợi ý. Nhấn Tab hoặc mũi tên xuống để chọn, Esc để đóng."),
        (Lang::En, 1) => {
            "1 suggestion. Press Tab or the down arrow to choose it, Escape to close.".to_string()
        }
        (Lang::En, n) => {
            format!("{n} suggestions. Press Tab or the down arrow to choose, Escape to close.")
        }
    }
}

/// The pattern of [`page_of`] with `{n}` and `{m}` left in, for the browser viewer to fill.
pub fn page_of_pattern(lang: Lang) -> &'static str {
    lang.pick("Trang {n} / {m}", "Page {n} of {m}")
}

/// `Trang 3 / 12` / `Page 3 of 12`: where a page is in a record's digitised pages.
pub fn page_of(lang: Lang, n: u32, m: u32) -> String {
    page_of_pattern(lang)
        .replace("{n}", &n.to_string())
        .replace("{m}", &m.to_string())
}

/// `Tìm thấy trong trang 3` / `Found on page 3`: a search hit inside a scanned page's text.
pub fn found_on_page(lang: Lang, n: u32) -> String {
    format!("{} {n}", lang.pick("Tìm thấy trong trang", "Found on page"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_by_locale() {
        assert_eq!(format_number(Lang::Vi, 1_234_567), "1.234.567");
        assert_eq!(format_number(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(format_number(Lang::Vi, 999), "999");
        assert_eq!(format_number(Lang::Vi, 1000), "1.000");
        assert_eq!(format_number(Lang::En, 100_000), "100,000");
        assert_eq!(format_number(Lang::En, 0), "0");
        assert_eq!(format_number(Lang::Vi, -12_345), "-12.345");
        assert_eq!(
            format_number(Lang::En, i64::MIN),
            "-9,223,372,036,854,775,808"
        );
    }

    #[test]
    fn years_and_counts() {
        assert_eq!(format_years((1996, 1996)), "1996");
        assert_eq!(format_years((1983, 1990)), "1983–1990");
        assert_eq!(count_of(Lang::Vi, Some(Level::File), 1200), "1.200 hồ sơ");
        assert_eq!(count_of(Lang::Vi, Some(Level::Item), 3), "3 tài liệu");
        assert_eq!(count_of(Lang::En, Some(Level::File), 1), "1 file");
        assert_eq!(count_of(Lang::En, Some(Level::Item), 1200), "1,200 items");
        assert_eq!(count_of(Lang::En, None, 2), "2 components");
        assert_eq!(level_name(Lang::Vi, Level::Series), "Mục lục");
        assert_eq!(level_name(Lang::En, Level::Item), "Item");
    }

    #[test]
    fn search_totals() {
        assert_eq!(results_found(Lang::Vi, 1234), "Tìm thấy 1.234 kết quả");
        assert_eq!(results_found(Lang::En, 1234), "Found 1,234 results");
        assert_eq!(results_found(Lang::En, 1), "Found 1 result");
        assert_eq!(results_count(Lang::Vi, 0), "0 kết quả");
        assert_eq!(suggestions_status(Lang::Vi, 0), "");
        assert!(suggestions_status(Lang::Vi, 3).starts_with("3 gợi ý."));
        assert!(suggestions_status(Lang::En, 1).starts_with("1 suggestion."));
    }

    #[test]
    fn pages_of_a_record() {
        assert_eq!(page_of(Lang::Vi, 3, 12), "Trang 3 / 12");
        assert_eq!(page_of(Lang::En, 1, 2), "Page 1 of 2");
        assert_eq!(found_on_page(Lang::Vi, 7), "Tìm thấy trong trang 7");
        assert_eq!(found_on_page(Lang::En, 7), "Found on page 7");
    }
}
