//! What the importer derives from a unit's merged TT05 fields: the title shown in lists, the
//! dates as given and the interval they cover, and the codes of series made from catalogue numbers.

use super::model::Level;

/// The title and dates of a unit, derived from its fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Derived {
    pub title: Option<String>,
    /// The dates as the catalogue gives them (`01/04/1983 – 14/10/1983`).
    pub date_text: Option<String>,
    /// ISO first and last day of the interval covered.
    pub start: Option<String>,
    pub end: Option<String>,
}

/// The reference code of the series "Mục lục số `catalog_no`" of a fonds.
pub fn series_code(fonds_code: &str, catalog_no: &str) -> String {
    let no = catalog_no.trim();
    let no = match no.parse::<u64>() {
        Ok(n) => n.to_string(),
        Err(_) => no.to_string(),
    };
    format!("{fonds_code}-ML{no}")
}

/// A text document is cited as "{type} số {number}/{notation} {subject}" (Quyết định số
/// 2218/QĐ-UBND về việc …); photographs and recordings by their own titles.
fn item_title<'a>(get: &impl Fn(&str) -> Option<&'a str>) -> Option<String> {
    let subject = get("subject")
        .or_else(|| get("imageTitle"))
        .or_else(|| get("movieTitle"))
        .or_else(|| get("title"))?;
    let kind = get("typeName").and_then(|c| app::codes::name_of(app::codes::TYPE_NAME, c, false));
    let Some(kind) = kind.filter(|_| get("subject").is_some()) else {
        return Some(subject.to_string());
    };
    let number = match (get("codeNumber"), get("codeNotation")) {
        (Some(n), Some(s)) => format!(" số {n}/{s}"),
        (Some(n), None) => format!(" số {n}"),
        (None, Some(s)) => format!(" {s}"),
        (None, None) => String::new(),
    };
    Some(format!("{kind}{number} {subject}"))
}

/// Title and dates from the merged fields of a unit of `level`.
pub fn derive(level: Level, fields: &std::collections::BTreeMap<String, String>) -> Derived {
    let get = |k: &str| fields.get(k).map(|v| v.trim()).filter(|v| !v.is_empty());
    let title = match level {
        Level::Fonds => get("fondsName"),
        Level::Series => get("title"),
        Level::File => get("title"),
        Level::Item => None,
    }
    .map(str::to_string)
    .or_else(|| {
        (level == Level::Series).then(|| format!("Mục lục số {}", get("catalogNo").unwrap_or("?")))
    })
    .or_else(|| {
        if level == Level::Item {
            item_title(&get)
        } else {
            None
        }
    });

    let (text, first, last) = match level {
        Level::Fonds => (
            get("archivesTime").map(str::to_string),
            get("archivesTime"),
            get("archivesTime"),
        ),
        Level::Series => (None, None, None),
        Level::File => {
            let (s, e) = (get("startDate"), get("endDate"));
            let text = match (s, e) {
                (Some(s), Some(e)) if s == e => Some(s.to_string()),
                (Some(s), Some(e)) => Some(format!("{s} – {e}")),
                (Some(d), None) | (None, Some(d)) => Some(d.to_string()),
                (None, None) => None,
            };
            (text, s.or(e), e.or(s))
        }
        Level::Item => {
            let d = get("issuedDate")
                .or_else(|| get("photoTime"))
                .or_else(|| get("recordDate"));
            (d.map(str::to_string), d, d)
        }
    };
    let iso = |d: time::Date| format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day());
    let start = first.and_then(super::dates::interval).map(|(a, _)| iso(a));
    let end = last.and_then(super::dates::interval).map(|(_, b)| iso(b));
    Derived {
        title,
        date_text: text,
        start,
        end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn fields(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn series_codes_ignore_leading_zeros() {
        assert_eq!(series_code("H34.10", "01"), "H34.10-ML1");
        assert_eq!(series_code("H34.10", "1"), "H34.10-ML1");
        assert_eq!(series_code("H34.10", "2a"), "H34.10-ML2a");
    }

    #[test]
    fn file_dates_keep_the_text_and_cover_the_interval() {
        let d = derive(
            Level::File,
            &fields(&[
                ("title", "Tập công văn"),
                ("startDate", "04/1983"),
                ("endDate", "1984"),
            ]),
        );
        assert_eq!(d.title.as_deref(), Some("Tập công văn"));
        assert_eq!(d.date_text.as_deref(), Some("04/1983 – 1984"));
        assert_eq!(d.start.as_deref(), Some("1983-04-01"));
        assert_eq!(d.end.as_deref(), Some("1984-12-31"));
    }

    #[test]
    fn item_title_is_the_subject_and_fonds_dates_are_a_range() {
        let d = derive(
            Level::Item,
            &fields(&[("subject", "về việc số hóa"), ("issuedDate", "20/05/1983")]),
        );
        assert_eq!(
            (d.title.as_deref(), d.start.as_deref(), d.end.as_deref()),
            (
                Some("về việc số hóa"),
                Some("1983-05-20"),
                Some("1983-05-20")
            )
        );
        let cited = derive(
            Level::Item,
            &fields(&[
                ("subject", "về việc số hóa"),
                ("typeName", "02"),
                ("codeNumber", "2218"),
                ("codeNotation", "QĐ-UBND"),
            ]),
        );
        assert_eq!(
            cited.title.as_deref(),
            Some("Quyết định số 2218/QĐ-UBND về việc số hóa")
        );
        let f = derive(
            Level::Fonds,
            &fields(&[("fondsName", "UBND tỉnh"), ("archivesTime", "1991-2010")]),
        );
        assert_eq!(
            (f.start.as_deref(), f.end.as_deref()),
            (Some("1991-01-01"), Some("2010-12-31"))
        );
        let s = derive(Level::Series, &fields(&[("catalogNo", "1")]));
        assert_eq!(s.title.as_deref(), Some("Mục lục số 1"));
    }
}
