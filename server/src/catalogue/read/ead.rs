//! EAD 2002 and EAD3 finding aids: streams `archdesc` and its nested components (`c`, `c01`…`c12`)
//! as rows of the right level, parents before children. Line = the line of the component's start tag.

use super::ead_map::{Kind, kind_of};
use super::{ReadError, Rows};
use crate::catalogue::model::{SourceRow, Warning};
use quick_xml::events::{BytesStart, Event};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::sync::Arc;
use xml::{Lines, Target, attr, is_component, local, target};

/// Text and attributes gathered for one component, before its row is made.
#[derive(Default)]
struct Frame {
    kind: Option<Kind>,
    line: u64,
    /// Element names below the component, to know where text belongs.
    path: Vec<String>,
    internal: bool,
    unitid: String,
    unittitle: String,
    unitdate: String,
    normal: Option<String>,
    from_to: (Option<String>, Option<String>),
    origination: String,
    langcodes: Vec<String>,
    langtext: String,
    extent: String,
    access_type: Option<String>,
    access_text: String,
    has_access: bool,
    daos: Vec<String>,
    scope: String,
    bioghist: String,
    repository_code: Option<String>,
    emitted: bool,
    // Known once the row is made, for the children:
    code: String,
    catalog_no: Option<String>,
    language: Option<String>,
    secret: bool,
    children: u32,
    series_seen: u32,
}

/// The streaming reader of one EAD document.
pub(super) struct EadRows<R: BufRead> {
    xml: quick_xml::Reader<Lines<R>>,
    buf: Vec<u8>,
    name: Arc<str>,
    stack: Vec<Frame>,
    queue: VecDeque<SourceRow>,
    root_seen: bool,
    done: bool,
    /// Files given maintenance 07 and items given typeName 32, for the document's warnings.
    maintenance_defaulted: u64,
    type_defaulted: u64,
    pub(super) warnings: Vec<Warning>,
}

impl<R: BufRead> EadRows<R> {
    pub(super) fn new(inner: R, name: Arc<str>) -> Self {
        EadRows {
            xml: quick_xml::Reader::from_reader(Lines { inner, newlines: 0 }),
            buf: Vec::new(),
            name,
            stack: Vec::new(),
            queue: VecDeque::new(),
            root_seen: false,
            done: false,
            maintenance_defaulted: 0,
            type_defaulted: 0,
            warnings: Vec::new(),
        }
    }

    fn line(&self) -> u64 {
        self.xml.get_ref().newlines + 1
    }

    /// Reads events until a row is ready or the document ends.
    fn advance(&mut self) -> Result<(), ReadError> {
        while self.queue.is_empty() && !self.done {
            let line = self.line();
            let file = self.name.clone();
            let xml_error = |e: &dyn std::fmt::Display| ReadError::Xml {
                file: file.clone(),
                line,
                message: e.to_string(),
            };
            self.buf.clear();
            let event = self
                .xml
                .read_event_into(&mut self.buf)
                .map_err(|e| xml_error(&e))?;
            match event {
                Event::Start(e) => {
                    let e = e.into_owned();
                    self.start(&e, line, false)?;
                }
                Event::Empty(e) => {
                    let e = e.into_owned();
                    self.start(&e, line, true)?;
                }
                Event::End(e) => {
                    let name = String::from_utf8_lossy(e.local_name().as_ref()).to_string();
                    self.end(&name);
                }
                Event::Text(t) => {
                    let text = t.xml_content().map_err(|e| xml_error(&e))?.to_string();
                    self.text(&text);
                }
                Event::CData(t) => {
                    let text = String::from_utf8_lossy(&t).to_string();
                    self.text(&text);
                }
                Event::GeneralRef(r) => {
                    let text = match r.resolve_char_ref().map_err(|e| xml_error(&e))? {
                        Some(c) => c.to_string(),
                        None => {
                            let name = r.decode().map_err(|e| xml_error(&e))?;
                            quick_xml::escape::resolve_predefined_entity(&name)
                                .unwrap_or("")
                                .to_string()
                        }
                    };
                    self.text(&text);
                }
                Event::Eof => {
                    if !self.root_seen {
                        return Err(ReadError::NotEad {
                            file: self.name.clone(),
                            root: String::new(),
                        });
                    }
                    self.done = true;
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn start(&mut self, e: &BytesStart<'_>, line: u64, empty: bool) -> Result<(), ReadError> {
        let name = local(e);
        if !self.root_seen {
            if name != "ead" {
                return Err(ReadError::NotEad {
                    file: self.name.clone(),
                    root: name,
                });
            }
            self.root_seen = true;
            return Ok(());
        }
        let opens_unit = name == "archdesc" || (is_component(&name) && !self.stack.is_empty());
        if opens_unit {
            if let Some(parent) = self.stack.len().checked_sub(1) {
                self.emit(parent);
            }
            let mut frame = Frame {
                line,
                internal: attr(e, "audience").is_some_and(|a| a.eq_ignore_ascii_case("internal")),
                ..Frame::default()
            };
            frame.kind = if name == "archdesc" {
                Some(Kind::Fonds)
            } else {
                kind_of(
                    attr(e, "level").as_deref(),
                    attr(e, "otherlevel").as_deref(),
                )
            };
            if empty {
                self.stack.push(frame);
                self.end(&name);
            } else {
                self.stack.push(frame);
            }
            return Ok(());
        }
        let Some(frame) = self.stack.last_mut() else {
            return Ok(());
        };
        let mut path = frame.path.clone();
        path.push(name.clone());
        let parent = frame.path.as_slice();
        match (
            parent
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .as_slice(),
            name.as_str(),
        ) {
            (["did"], "unitid") => {
                frame.repository_code = frame
                    .repository_code
                    .take()
                    .or_else(|| attr(e, "repositorycode"));
            }
            (["did"], "unitdate")
                if frame.normal.is_none() && attr(e, "type").as_deref() != Some("bulk") =>
            {
                frame.normal = attr(e, "normal");
            }
            (["did", "langmaterial", ..], "language") => {
                if let Some(c) = attr(e, "langcode") {
                    frame.langcodes.push(c);
                }
            }
            ([], "accessrestrict") => {
                frame.has_access = true;
                frame.access_type = frame
                    .access_type
                    .take()
                    .or_else(|| attr(e, "type"))
                    .or_else(|| attr(e, "localtype"));
            }
            (["did", "unitdatestructured", ..], "datesingle" | "fromdate") => {
                frame.from_to.0 = frame.from_to.0.take().or_else(|| attr(e, "standarddate"));
            }
            (["did", "unitdatestructured", ..], "todate") => {
                frame.from_to.1 = frame.from_to.1.take().or_else(|| attr(e, "standarddate"));
            }
            _ => {}
        }
        if matches!(name.as_str(), "dao" | "daoloc")
            && let Some(href) = attr(e, "href").filter(|h| !h.is_empty())
        {
            frame.daos.push(href);
        }
        if !empty {
            frame.path = path;
        } else if matches!(name.as_str(), "lb") {
            self.text("\n");
        }
        Ok(())
    }

    fn text(&mut self, text: &str) {
        let Some(frame) = self.stack.last_mut() else {
            return;
        };
        let Some(t) = target(&frame.path) else { return };
        let buf = match t {
            Target::UnitId => &mut frame.unitid,
            Target::UnitTitle => &mut frame.unittitle,
            Target::UnitDate => &mut frame.unitdate,
            Target::Origination => &mut frame.origination,
            Target::Lang => &mut frame.langtext,
            Target::Extent => &mut frame.extent,
            Target::Access => &mut frame.access_text,
            Target::Scope => &mut frame.scope,
            Target::Bio => &mut frame.bioghist,
        };
        buf.push_str(text);
    }

    fn end(&mut self, name: &str) {
        let Some(frame) = self.stack.last_mut() else {
            return;
        };
        if frame.path.is_empty() {
            // The component itself ends.
            let i = self.stack.len() - 1;
            self.emit(i);
            self.stack.pop();
            return;
        }
        frame.path.pop();
        // Block ends separate lines of text (paragraphs, several originations or languages).
        if matches!(
            name,
            "p" | "origination" | "language" | "extent" | "item" | "head" | "unitdate"
        ) {
            self.text("\n");
        } else if matches!(name, "quantity") {
            self.text(" ");
        }
    }
}

impl<R: BufRead> Iterator for EadRows<R> {
    type Item = Result<SourceRow, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Err(e) = self.advance() {
            self.done = true;
            self.queue.clear();
            return Some(Err(e));
        }
        if let Some(row) = self.queue.pop_front() {
            return Some(Ok(row));
        }
        if self.done && (self.maintenance_defaulted > 0 || self.type_defaulted > 0) {
            self.document_warnings();
        }
        None
    }
}

/// First pass: parses the whole document, counting its rows and collecting its warnings.
pub(super) fn scan(path: &Path, name: &Arc<str>) -> Result<(u64, Vec<Warning>), ReadError> {
    let file = File::open(path).map_err(|e| ReadError::io(name, e))?;
    let mut rows = EadRows::new(BufReader::new(file), name.clone());
    let mut count = 0;
    for row in rows.by_ref() {
        row?;
        count += 1;
    }
    Ok((count, std::mem::take(&mut rows.warnings)))
}

/// Second pass: streams the rows.
pub(super) fn rows(path: &Path, name: Arc<str>) -> Rows {
    match File::open(path) {
        Ok(file) => Box::new(EadRows::new(BufReader::new(file), name)),
        Err(e) => Box::new(std::iter::once(Err(ReadError::io(&name, e)))),
    }
}

mod emit;
pub(super) mod xml;

#[cfg(test)]
mod tests;
