//! XML plumbing shared by the METS and simpledc parsers of a package: a reader over a document held
//! in memory (package XML files are small) that gives the line of each event, element and attribute
//! helpers by local name (`xlink:href` → `href`), and text decoding.

use quick_xml::Reader;
use quick_xml::events::Event;

/// A malformed document: the line and what the parser said.
pub(super) type XmlError = (u64, String);

/// Events of one document with their lines.
pub(super) struct Doc<'a> {
    bytes: &'a [u8],
    reader: Reader<&'a [u8]>,
    /// Bytes already searched for line ends, and the line at that point.
    counted: usize,
    line: u64,
    /// Open elements, to report one left open at the end.
    open: Vec<(String, u64)>,
}

impl<'a> Doc<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Doc {
            bytes,
            reader: Reader::from_reader(bytes),
            counted: 0,
            line: 1,
            open: Vec::new(),
        }
    }

    fn line_at(&mut self, pos: u64) -> u64 {
        let pos = usize::try_from(pos)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        if pos < self.counted {
            return 1 + newlines(&self.bytes[..pos]);
        }
        self.line += newlines(&self.bytes[self.counted..pos]);
        self.counted = pos;
        self.line
    }

    /// The next event and the line where it starts. `Event::Eof` ends the document; an element
    /// still open then is an error.
    pub(super) fn next(&mut self) -> Result<(Event<'a>, u64), XmlError> {
        let line = self.line_at(self.reader.buffer_position());
        match self.reader.read_event() {
            Ok(event) => {
                match &event {
                    Event::Start(e) => self.open.push((local(e), line)),
                    Event::End(_) => {
                        self.open.pop();
                    }
                    Event::Eof => {
                        if let Some((name, at)) = self.open.last() {
                            return Err((
                                line,
                                format!("thẻ <{name}> mở ở dòng {at} chưa được đóng"),
                            ));
                        }
                    }
                    _ => {}
                }
                Ok((event, line))
            }
            Err(e) => {
                let at = self.line_at(self.reader.error_position());
                Err((at, e.to_string()))
            }
        }
    }
}

fn newlines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|b| **b == b'\n').count() as u64
}

pub(super) use super::super::ead::xml::{attr, local};

/// The character data an event carries (text, CDATA, a character or predefined entity).
pub(super) fn text_of(event: &Event<'_>) -> Result<Option<String>, String> {
    Ok(match event {
        Event::Text(t) => Some(t.xml_content().map_err(|e| e.to_string())?.into_owned()),
        Event::CData(t) => Some(String::from_utf8_lossy(t).into_owned()),
        Event::GeneralRef(r) => Some(match r.resolve_char_ref().map_err(|e| e.to_string())? {
            Some(c) => c.to_string(),
            None => {
                let name = r.decode().map_err(|e| e.to_string())?;
                quick_xml::escape::resolve_predefined_entity(&name)
                    .ok_or_else(|| format!("thực thể &{name}; không xác định"))?
                    .to_string()
            }
        }),
        _ => None,
    })
}
