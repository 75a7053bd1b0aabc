//! The EAD-to-TT05 mapping rules that need more than copying text: component levels, access
//! restrictions, normalised dates, extents, catalogue numbers and what a document title says
//! about its type, number and notation.

use crate::catalogue::dates;
use crate::catalogue::model::Mode;
use crate::catalogue::words::{self, fold};
use app::codes::TYPE_NAME;

/// The level of an EAD component.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Fonds,
    Series,
    File,
    Item,
}

/// The level named by `@level` (and `@otherlevel`), if it is one we know.
pub(super) fn kind_of(level: Option<&str>, otherlevel: Option<&str>) -> Option<Kind> {
    let level = fold(level.unwrap_or(""));
    Some(match level.as_str() {
        "series" | "subseries" => Kind::Series,
        "file" => Kind::File,
        "item" => Kind::Item,
        "otherlevel" => {
            let other = fold(otherlevel.unwrap_or(""));
            let has = |w: &[&str]| w.iter().any(|w| other.contains(w));
            if has(&["muc luc", "series", "catalog"]) {
                Kind::Series
            } else if has(&["ho so", "file", "dossier"]) {
                Kind::File
            } else if has(&[
                "tai lieu", "van ban", "item", "document", "anh", "photo", "phim", "ghi am",
            ]) {
                Kind::Item
            } else {
                return None;
            }
        }
        _ => return None,
    })
}

/// The mode an `<accessrestrict>` states by its `@type`/`@localtype` or its text; `None` when
/// neither says anything we recognise.
pub(super) fn access_mode(type_attr: Option<&str>, text: &str) -> Option<Mode> {
    for said in type_attr.into_iter().chain(std::iter::once(text)) {
        if said.trim().is_empty() {
            continue;
        }
        if let Ok(m) = words::mode(said) {
            return Some(m);
        }
        let f = fold(said);
        let has = |w: &[&str]| w.iter().any(|w| f.contains(w));
        if has(&["secret", "classified", "tuyet mat", "toi mat"]) {
            return Some(Mode::Secret);
        }
        if has(&["conditional", "restricted", "han che", "dieu kien"]) {
            return Some(Mode::Conditional);
        }
        if has(&["public", "unrestricted", "cong khai", "open"]) {
            return Some(Mode::Public);
        }
    }
    None
}

/// `DD/MM/YYYY`, `MM/YYYY` or `YYYY` for an ISO date of `@normal`/`@standarddate`
/// (`1996-02-05`, `1996-02`, `1996`, `19960205`).
pub(super) fn iso_text(iso: &str) -> Option<String> {
    let t = iso.trim();
    let t = if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        format!("{}-{}-{}", &t[..4], &t[4..6], &t[6..])
    } else {
        t.to_string()
    };
    if !t
        .get(..4)
        .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    dates::parse(&t).ok().map(|d| d.text())
}

/// The first and last date of a `@normal` such as `1996-01-16/1996-09-19` or `1996-02-05`.
pub(super) fn normal_dates(normal: &str) -> Option<(String, String)> {
    match normal.split_once('/') {
        Some((a, b)) => Some((iso_text(a)?, iso_text(b)?)),
        None => iso_text(normal).map(|d| (d.clone(), d)),
    }
}

/// Counts stated by an extent: `25 trang` → numberOfPage, `12 tờ` → numberOfPaper,
/// `8 văn bản` → totalDoc.
pub(super) fn extent(text: &str) -> Vec<(&'static str, String)> {
    let folded = fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    for pair in words.windows(2) {
        let [n, unit] = pair else { continue };
        if !n.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let tag = match *unit {
            u if u.starts_with("trang") || u.starts_with("tr.") || u.starts_with("page") => {
                "numberOfPage"
            }
            u if u.starts_with("to") || u.starts_with("sheet") || u.starts_with("lea") => {
                "numberOfPaper"
            }
            u if u.starts_with("van")
                || u.starts_with("tai")
                || u.starts_with("item")
                || u.starts_with("doc") =>
            {
                "totalDoc"
            }
            _ => continue,
        };
        if !out.iter().any(|(t, _)| *t == tag) {
            out.push((tag, (*n).to_string()));
        }
    }
    out
}

/// The catalogue number of a series: the trailing number of its unitid or title
/// ("Mục lục số 1" → "1"), else its position among the fonds' series.
pub(super) fn catalog_no(unitid: &str, title: &str, position: u32) -> String {
    for s in [unitid, title] {
        let digits: String = s
            .trim()
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect();
        if !digits.is_empty() {
            let n: String = digits.chars().rev().collect();
            let n = n.trim_start_matches('0');
            return if n.is_empty() { "0".into() } else { n.into() };
        }
    }
    position.to_string()
}

/// What a document title such as "Quyết định số 1925/QĐ-UBND về …" says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct TitleParts {
    /// typeName from the leading words; `None` when no type name starts the title.
    pub type_code: Option<&'static str>,
    pub number: Option<String>,
    pub notation: Option<String>,
    /// The title without "type số N/NOTATION" when those were found, else the whole title.
    pub subject: String,
}

/// Splits a document title into type, number, notation and abstract.
pub(super) fn title_parts(title: &str) -> TitleParts {
    let whole = TitleParts {
        type_code: None,
        number: None,
        notation: None,
        subject: title.trim().to_string(),
    };
    // Words of the title with their byte ranges.
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in title
        .char_indices()
        .chain(std::iter::once((title.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    let folded: Vec<String> = spans.iter().map(|&(a, b)| fold(&title[a..b])).collect();
    let mut best: Option<(&'static str, usize)> = None;
    for (code, vi, _) in TYPE_NAME {
        let name: Vec<String> = fold(vi).split(' ').map(str::to_string).collect();
        if folded.len() >= name.len()
            && folded[..name.len()] == name[..]
            && best.is_none_or(|(_, n)| name.len() > n)
        {
            best = Some((code, name.len()));
        }
    }
    let Some((code, mut i)) = best else {
        return whole;
    };
    let typed = TitleParts {
        type_code: Some(code),
        ..whole.clone()
    };
    if folded.get(i).is_some_and(|w| w == "so" || w == "so:") {
        i += 1;
    }
    let Some(&(a, b)) = spans.get(i) else {
        return typed;
    };
    let token = title[a..b].trim_end_matches([',', ':', ';']);
    let Some((number, notation)) = token.split_once('/') else {
        return typed;
    };
    if number.is_empty() || notation.is_empty() || !number.starts_with(|c: char| c.is_ascii_digit())
    {
        return typed;
    }
    let rest = title[b..]
        .trim_start_matches([' ', ',', ':', ';', '-'])
        .trim();
    TitleParts {
        type_code: Some(code),
        number: Some(number.to_string()),
        notation: Some(notation.to_string()),
        subject: if rest.is_empty() {
            title.trim().to_string()
        } else {
            rest.to_string()
        },
    }
}

/// Text gathered from mixed content: lines trimmed, inner whitespace collapsed, blank lines dropped.
pub(super) fn clean_lines(raw: &str) -> Vec<String> {
    raw.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_give_type_number_notation_and_abstract() {
        let t = title_parts("Quyết định số 1925/QĐ-UBND về việc số hóa tài liệu");
        assert_eq!(t.type_code, Some("02"));
        assert_eq!(
            (t.number.as_deref(), t.notation.as_deref()),
            (Some("1925"), Some("QĐ-UBND"))
        );
        assert_eq!(t.subject, "về việc số hóa tài liệu");
        let t = title_parts("Tờ trình 995/TTr-UBND, về việc sắp xếp");
        assert_eq!(
            (t.type_code, t.number.as_deref(), t.subject.as_str()),
            (Some("15"), Some("995"), "về việc sắp xếp")
        );
        let t = title_parts("Giấy giới thiệu cán bộ đi công tác");
        assert_eq!(
            (t.type_code, t.number, t.subject.as_str()),
            (Some("27"), None, "Giấy giới thiệu cán bộ đi công tác")
        );
        let t = title_parts("QUYẾT ĐỊNH số 5/QĐ");
        assert_eq!(
            (t.type_code, t.number.as_deref(), t.subject.as_str()),
            (Some("02"), Some("5"), "QUYẾT ĐỊNH số 5/QĐ")
        );
        let t = title_parts("Hồ sơ về đất đai");
        assert_eq!(
            (t.type_code, t.subject.as_str()),
            (None, "Hồ sơ về đất đai")
        );
        assert_eq!(title_parts("Bản đồ hành chính tỉnh").type_code, Some("30"));
        assert_eq!(title_parts("Bản ghi nhớ hợp tác").type_code, Some("24"));
    }

    #[test]
    fn access_restrictions_by_type_or_text() {
        assert_eq!(
            access_mode(Some("conditional"), ""),
            Some(Mode::Conditional)
        );
        assert_eq!(
            access_mode(Some("secret"), "Sử dụng có điều kiện"),
            Some(Mode::Secret)
        );
        assert_eq!(
            access_mode(None, "Sử dụng có điều kiện"),
            Some(Mode::Conditional)
        );
        assert_eq!(
            access_mode(None, "Hạn chế sử dụng"),
            Some(Mode::Conditional)
        );
        assert_eq!(
            access_mode(None, "Tài liệu có điều kiện khai thác"),
            Some(Mode::Conditional)
        );
        assert_eq!(access_mode(None, "Mật"), Some(Mode::Secret));
        assert_eq!(access_mode(Some("restricted"), ""), Some(Mode::Conditional));
        assert_eq!(access_mode(None, "Công khai"), Some(Mode::Public));
        assert_eq!(access_mode(None, "xem ghi chú"), None);
    }

    #[test]
    fn normal_dates_render_as_precise_as_given() {
        assert_eq!(
            normal_dates("1996-01-16/1996-09-19"),
            Some(("16/01/1996".into(), "19/09/1996".into()))
        );
        assert_eq!(
            normal_dates("1996-02-05"),
            Some(("05/02/1996".into(), "05/02/1996".into()))
        );
        assert_eq!(normal_dates("1996"), Some(("1996".into(), "1996".into())));
        assert_eq!(
            normal_dates("1996-02"),
            Some(("02/1996".into(), "02/1996".into()))
        );
        assert_eq!(
            normal_dates("19960205"),
            Some(("05/02/1996".into(), "05/02/1996".into()))
        );
        assert_eq!(
            normal_dates("1976/2015"),
            Some(("1976".into(), "2015".into()))
        );
        assert_eq!(normal_dates("05/02/1996"), None);
    }

    #[test]
    fn extents_and_catalogue_numbers() {
        assert_eq!(extent("25 trang"), vec![("numberOfPage", "25".to_string())]);
        assert_eq!(
            extent("12 tờ, 25 trang; 8 văn bản"),
            vec![
                ("numberOfPaper", "12".into()),
                ("numberOfPage", "25".into()),
                ("totalDoc", "8".into())
            ]
        );
        assert!(extent("1 hộp").is_empty());
        assert_eq!(catalog_no("Mục lục số 1", "", 5), "1");
        assert_eq!(catalog_no("", "Mục lục số 02", 5), "2");
        assert_eq!(catalog_no("ML", "Mục lục hồ sơ", 3), "3");
    }

    #[test]
    fn levels_and_other_levels() {
        assert_eq!(kind_of(Some("series"), None), Some(Kind::Series));
        assert_eq!(kind_of(Some("File"), None), Some(Kind::File));
        assert_eq!(
            kind_of(Some("otherlevel"), Some("Mục lục")),
            Some(Kind::Series)
        );
        assert_eq!(kind_of(Some("otherlevel"), Some("hồ sơ")), Some(Kind::File));
        assert_eq!(
            kind_of(Some("otherlevel"), Some("tài liệu")),
            Some(Kind::Item)
        );
        assert_eq!(kind_of(None, None), None);
    }
}
