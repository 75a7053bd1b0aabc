//! Reads the descriptive metadata of a package: `EAD.xml` (the file's 18 TT05 fields) and each
//! `EAD_DOC_*.xml` (an item's 21 fields), a root element (`<simpledc>`) whose children are fields
//! in any order. Element names map to canonical tags like column headers do (TT05 tags, Circular
//! 02/2019 and AIP names such as `arcFileCode`, case-insensitively); others are left for warnings.

use super::xml::{Doc, XmlError, local, text_of};
use crate::catalogue::headers::{canonical, tags_of};
use crate::catalogue::model::Level;
use crate::catalogue::validate::normalise;
use quick_xml::events::Event;

/// The fields of one metadata document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Record {
    /// The line of the root element.
    pub line: u64,
    /// Canonical tag → value (trimmed, NFC; empty for an empty element), in document order.
    pub cells: Vec<(&'static str, String)>,
    /// Elements that are not fields of the level (name, line, why), for warnings.
    pub ignored: Vec<(String, u64, String)>,
}

/// Parses one metadata document for a row of `level`.
pub(super) fn parse(bytes: &[u8], level: Level) -> Result<Record, XmlError> {
    let allowed = tags_of(level);
    let mut doc = Doc::new(bytes);
    let mut rec = Record::default();
    let mut depth = 0usize;
    // The field being read: its tag (None when ignored) and text so far.
    let mut field: Option<(Option<&'static str>, String)> = None;
    loop {
        let (event, line) = doc.next()?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                if depth == 0 && rec.line == 0 {
                    rec.line = line;
                } else if depth == 1 {
                    let name = local(e);
                    let tag = match canonical(&name) {
                        Some(tag) if !allowed.contains(&tag) => {
                            rec.ignored.push((
                                name,
                                line,
                                format!("trường {tag} không thuộc {}", level_vi(level)),
                            ));
                            None
                        }
                        Some(tag) if rec.cells.iter().any(|(t, _)| *t == tag) => {
                            rec.ignored.push((
                                name,
                                line,
                                format!("trường {tag} lặp lại, chỉ lấy giá trị đầu tiên"),
                            ));
                            None
                        }
                        Some(tag) => Some(tag),
                        None => {
                            rec.ignored.push((
                                name,
                                line,
                                "không phải trường TT05 — xem docs/import-formats.md".to_string(),
                            ));
                            None
                        }
                    };
                    if empty {
                        if let Some(tag) = tag {
                            rec.cells.push((tag, String::new()));
                        }
                    } else {
                        field = Some((tag, String::new()));
                    }
                }
                if !empty {
                    depth += 1;
                }
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 1
                    && let Some((tag, text)) = field.take()
                    && let Some(tag) = tag
                {
                    rec.cells.push((tag, normalise(&text)));
                }
            }
            Event::Eof => break,
            other => {
                if let Some(t) = text_of(other).map_err(|m| (line, m))?
                    && let Some((_, text)) = &mut field
                {
                    text.push_str(&t);
                }
            }
        }
    }
    if rec.line == 0 {
        return Err((1, "tệp trống, không có phần tử gốc <simpledc>".to_string()));
    }
    Ok(rec)
}

fn level_vi(level: Level) -> &'static str {
    match level {
        Level::Item => "tài liệu",
        Level::File => "hồ sơ",
        Level::Series => "mục lục",
        Level::Fonds => "phông",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_in_any_order_with_aliases_and_empty_elements() {
        let xml = "<?xml version=\"1.0\"?>\n<simpledc>\n<arcDocCode>F.0000001</arcDocCode>\
                   <arcFileCode>F</arcFileCode><docOrdinal>1</docOrdinal><subject>A &amp; <b>B</b></subject>\
                   <autograph/><colourx>?</colourx><title>x</title><subject>again</subject></simpledc>";
        let r = parse(xml.as_bytes(), Level::Item).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(r.line, 2);
        assert_eq!(
            r.cells,
            vec![
                ("docCode", "F.0000001".to_string()),
                ("fileCode", "F".into()),
                ("docOrdinal", "1".into()),
                ("subject", "A & B".into()),
                ("autograph", String::new()),
            ]
        );
        let ignored: Vec<&str> = r.ignored.iter().map(|i| i.0.as_str()).collect();
        assert_eq!(ignored, vec!["colourx", "title", "subject"]);
    }

    #[test]
    fn broken_xml_names_its_line() {
        let xml = b"<simpledc>\n<title>a</title>\n<mode>01</modee>\n</simpledc>";
        assert_eq!(parse(xml, Level::File).map_err(|e| e.0), Err(3));
        let xml = b"<simpledc>\n<title>a</title>\n";
        assert!(parse(xml, Level::File).is_err());
    }
}
