//! Makes the row of one EAD component from what was gathered for it and what its ancestors give
//! it (fonds code, catalogue number, file code, language, secrecy).

use super::{EadRows, Frame};
use crate::catalogue::derive::series_code;
use crate::catalogue::model::{Level, Mode, SourceRow, Warning};
use crate::catalogue::read::ead_map::iso_text;
use crate::catalogue::read::ead_map::{
    Kind, access_mode, catalog_no, clean_lines, extent, normal_dates, title_parts,
};
use crate::catalogue::validate::normalise;
use crate::catalogue::{dates, words};
use std::io::BufRead;

/// The start and end dates a component gives, as `DD/MM/YYYY` (or as precise as given).
fn dates_of(f: &Frame) -> Option<(String, String)> {
    if let Some(d) = f.normal.as_deref().and_then(normal_dates) {
        return Some(d);
    }
    if let (Some(a), b) = (
        f.from_to.0.as_deref().and_then(iso_text),
        f.from_to.1.as_deref().and_then(iso_text),
    ) {
        let b = b.unwrap_or_else(|| a.clone());
        return Some((a, b));
    }
    let text = clean_lines(&f.unitdate).join(" ");
    if text.is_empty() {
        return None;
    }
    match dates::parse_range(&text) {
        Ok((a, b)) => Some((a.text(), b.text())),
        // Left as written: validation rejects it with a message naming the value.
        Err(_) => Some((text.clone(), text)),
    }
}

/// Language codes from `langcode`s (unknown ISO codes are 11 Khác) or the language text.
fn language_of(f: &Frame) -> Option<String> {
    if !f.langcodes.is_empty() {
        let mut codes: Vec<String> = Vec::new();
        for c in &f.langcodes {
            let code = words::code("language", c).unwrap_or_else(|_| "11".to_string());
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        return Some(codes.join(","));
    }
    let text = clean_lines(&f.langtext).join(", ");
    if text.is_empty() {
        return None;
    }
    Some(words::code("language", &text).unwrap_or(text))
}

impl<R: BufRead> EadRows<R> {
    /// Makes the row of `stack[i]`, once, and queues it.
    pub(super) fn emit(&mut self, i: usize) {
        if self.stack.get(i).is_none_or(|f| f.emitted) {
            return;
        }
        let (ancestors, rest) = self.stack.split_at_mut(i);
        let Some(frame) = rest.first_mut() else {
            return;
        };
        frame.emitted = true;
        let nearest = |k: Kind| ancestors.iter().rev().find(|a| a.kind == Some(k));
        let fonds = nearest(Kind::Fonds).map(|a| a.code.clone());
        let series_no = nearest(Kind::Series).and_then(|a| a.catalog_no.clone());
        let file = nearest(Kind::File).map(|a| a.code.clone());
        let inherited_language = ancestors.iter().rev().find_map(|a| a.language.clone());
        let parent_secret = ancestors.iter().any(|a| a.secret);
        let unitid = normalise(&clean_lines(&frame.unitid).join(" "));
        let kind = frame
            .kind
            .unwrap_or(match ancestors.last().and_then(|a| a.kind) {
                None => Kind::Fonds,
                Some(Kind::Fonds) if unitid.contains(char::is_whitespace) || unitid.is_empty() => {
                    Kind::Series
                }
                Some(Kind::Fonds | Kind::Series) => Kind::File,
                Some(Kind::File | Kind::Item) => Kind::Item,
            });
        frame.kind = Some(kind);
        let position = match kind {
            Kind::Series => ancestors
                .iter_mut()
                .rev()
                .find(|a| a.kind == Some(Kind::Fonds))
                .map(|a| {
                    a.series_seen += 1;
                    a.series_seen
                }),
            Kind::Item => ancestors
                .iter_mut()
                .rev()
                .find(|a| a.kind == Some(Kind::File))
                .map(|a| {
                    a.children += 1;
                    a.children
                }),
            _ => None,
        };

        let mode = if frame.internal || parent_secret {
            Mode::Secret
        } else if frame.has_access {
            let said = clean_lines(&frame.access_text).join(" ");
            access_mode(frame.access_type.as_deref(), &said).unwrap_or_else(|| {
                self.warnings.push(Warning {
                    source: self.name.clone(),
                    line: Some(frame.line),
                    field: "mode".into(),
                    reason: "không hiểu chế độ sử dụng ghi trong <accessrestrict>, coi là 02 Sử dụng có điều kiện \
                             — ghi type=\"conditional\", \"secret\" hoặc nội dung \"Công khai\"/\"Sử dụng có điều kiện\"/\"Mật\""
                        .into(),
                });
                Mode::Conditional
            })
        } else {
            Mode::Public
        };
        frame.secret = mode == Mode::Secret;
        let own_language = language_of(frame);
        frame.language = own_language.or(inherited_language);

        let title = normalise(&clean_lines(&frame.unittitle).join(" "));
        let description = normalise(&clean_lines(&frame.scope).join("\n"));
        let digital = frame.daos.join(";");
        let mut cells: Vec<(&'static str, String)> = Vec::new();
        let mut defaults: Vec<(&'static str, String)> = Vec::new();
        let mut put = |tag: &'static str, v: String| {
            if !v.is_empty() {
                cells.push((tag, v));
            }
        };
        let level = match kind {
            Kind::Fonds => {
                frame.code = unitid.clone();
                put("fondsCode", unitid);
                put(
                    "archiveCode",
                    frame.repository_code.clone().unwrap_or_default(),
                );
                put("fondsName", title);
                let time = match dates_of(frame) {
                    Some((a, b)) if a == b => a,
                    Some((a, b)) => format!("{a}-{b}"),
                    None => String::new(),
                };
                put("archivesTime", time);
                put(
                    "fondsHistory",
                    normalise(&clean_lines(&frame.bioghist).join("\n")),
                );
                put("language", frame.language.clone().unwrap_or_default());
                put("mode", mode.code().into());
                put("description", description);
                Level::Fonds
            }
            Kind::Series => {
                let no = catalog_no(&unitid, &title, position.unwrap_or(1));
                frame.code = series_code(fonds.as_deref().unwrap_or(""), &no);
                frame.catalog_no = Some(no.clone());
                put("fondsCode", fonds.unwrap_or_default());
                put("catalogNo", no);
                put("title", title);
                put("mode", mode.code().into());
                put("description", description);
                Level::Series
            }
            Kind::File => {
                frame.code = unitid.clone();
                put("fondsCode", fonds.unwrap_or_default());
                put("catalogNo", series_no.unwrap_or_default());
                put("fileCode", unitid);
                put("title", title);
                defaults.push(("maintenance", "07".to_string()));
                self.maintenance_defaulted += 1;
                put("mode", mode.code().into());
                put("language", frame.language.clone().unwrap_or_default());
                if let Some((a, b)) = dates_of(frame) {
                    put("startDate", a);
                    put("endDate", b);
                }
                for (tag, n) in extent(&frame.extent) {
                    put(tag, n);
                }
                put("description", description);
                put("digitalFiles", digital);
                Level::File
            }
            Kind::Item => {
                frame.code = unitid.clone();
                let parts = title_parts(&title);
                put("fileCode", file.unwrap_or_default());
                put(
                    "docOrdinal",
                    position.map(|p| p.to_string()).unwrap_or_default(),
                );
                put("docId", unitid);
                if parts.type_code.is_none() {
                    self.type_defaulted += 1;
                }
                put("typeName", parts.type_code.unwrap_or("32").into());
                put("codeNumber", parts.number.unwrap_or_default());
                put("codeNotation", parts.notation.unwrap_or_default());
                put("subject", parts.subject);
                put(
                    "issuedDate",
                    dates_of(frame).map(|(a, _)| a).unwrap_or_default(),
                );
                put(
                    "organName",
                    normalise(&clean_lines(&frame.origination).join("; ")),
                );
                put("language", frame.language.clone().unwrap_or_default());
                for (tag, n) in extent(&frame.extent) {
                    if tag == "numberOfPage" {
                        put(tag, n);
                    }
                }
                put("mode", mode.code().into());
                put("description", description);
                put("digitalFiles", digital);
                Level::Item
            }
        };
        self.queue.push_back(SourceRow {
            source: self.name.clone(),
            line: frame.line,
            level,
            cells,
            defaults,
        });
    }

    /// The warnings that concern the whole document, once, at its end.
    pub(super) fn document_warnings(&mut self) {
        if self.maintenance_defaulted > 0 {
            self.warnings.push(Warning {
                source: self.name.clone(),
                line: None,
                field: "maintenance".into(),
                reason: format!(
                    "EAD không có Thời hạn lưu trữ: {} hồ sơ được ghi 07 (Khác) — nhập bảng hồ sơ có cột \
                     maintenance để ghi đúng thời hạn",
                    self.maintenance_defaulted
                ),
            });
        }
        if self.type_defaulted > 0 {
            self.warnings.push(Warning {
                source: self.name.clone(),
                line: None,
                field: "typeName".into(),
                reason: format!(
                    "{} tài liệu không có tên loại ở đầu tiêu đề, được ghi 32 (Khác) — nhập bảng tài liệu có cột \
                     typeName để ghi đúng tên loại",
                    self.type_defaulted
                ),
            });
        }
        self.maintenance_defaulted = 0;
        self.type_defaulted = 0;
    }
}
