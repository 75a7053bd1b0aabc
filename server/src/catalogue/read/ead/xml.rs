//! XML plumbing for the EAD reader: a line-counting reader, element and attribute helpers, and
//! which element's text goes to which field.

use quick_xml::events::BytesStart;
use std::io::{self, BufRead, Read};

/// Counts the lines of the bytes the XML parser has consumed.
pub(super) struct Lines<R> {
    pub(super) inner: R,
    pub(super) newlines: u64,
}

impl<R: BufRead> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.newlines += buf[..n].iter().filter(|b| **b == b'\n').count() as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Lines<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        if let Ok(buf) = self.inner.fill_buf() {
            self.newlines += buf[..amt.min(buf.len())]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64;
        }
        self.inner.consume(amt);
    }
}

/// Where text inside a component goes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    UnitId,
    UnitTitle,
    UnitDate,
    Origination,
    Lang,
    Extent,
    Access,
    Scope,
    Bio,
}

pub(super) fn target(path: &[String]) -> Option<Target> {
    let p: Vec<&str> = path.iter().map(String::as_str).collect();
    if p.get(1) == Some(&"head") {
        return None;
    }
    Some(match p.as_slice() {
        ["did", "unitid", ..] => Target::UnitId,
        ["did", "unittitle", ..] => Target::UnitTitle,
        ["did", "unitdate", ..] => Target::UnitDate,
        ["did", "origination", ..] => Target::Origination,
        ["did", "langmaterial", ..] => Target::Lang,
        ["did", "physdesc", ..] | ["did", "physdescstructured", ..] => Target::Extent,
        ["accessrestrict", ..] => Target::Access,
        ["scopecontent", ..]
        | ["note", ..]
        | ["odd", ..]
        | ["did", "note", ..]
        | ["abstract", ..] => Target::Scope,
        ["did", "abstract", ..] => Target::Scope,
        ["bioghist", ..] => Target::Bio,
        _ => return None,
    })
}

pub(super) fn is_component(name: &str) -> bool {
    name == "c"
        || (name.len() == 3
            && name.starts_with('c')
            && name[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)))
}

/// The local name of an element (`ead:unitid` → `unitid`).
pub(in crate::catalogue::read) fn local(e: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(e.local_name().as_ref()).to_string()
}

/// Attributes by local name (`xlink:href` → `href`).
pub(in crate::catalogue::read) fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name.as_bytes())
        .and_then(|a| a.unescape_value().ok().map(|v| v.trim().to_string()))
}
