//! Reads one METS document of a package (the root `METS.xml` or a representation's): the files it
//! declares (`dmdSec/mdRef` and `fileSec/file/FLocat`) with their `SIZE` and `CHECKSUM`, the fonds
//! code of its header (`metsHdr/agent/note[@NOTETYPE="IDENTIFICATIONCODE"]`), and its structMap:
//! every `DMDID`/`FILEID` it uses and the `MetadataLink/File` divs that tie items to data files.

use super::store::clean;
use super::xml::{Doc, XmlError, attr, local, text_of};
use quick_xml::events::Event;

/// A file a METS declares, with the path resolved against the package root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Declared {
    /// The `dmdSec` or `file` ID.
    pub id: String,
    pub path: String,
    pub size: Option<u64>,
    pub checksum: Option<String>,
    pub checksum_type: Option<String>,
    pub line: u64,
}

/// A structMap div labelled `MetadataLink/File`: items (dmdSec IDs) and their data files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Link {
    pub dmd_ids: Vec<String>,
    pub file_ids: Vec<String>,
}

/// What a structMap refers to, for checking that every reference resolves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Ref {
    Dmd(String, u64),
    File(String, u64),
}

/// One parsed METS document.
#[derive(Clone, Debug, Default)]
pub(super) struct Mets {
    pub fonds_code: Option<String>,
    pub dmd: Vec<Declared>,
    pub files: Vec<Declared>,
    pub links: Vec<Link>,
    pub refs: Vec<Ref>,
    /// The DMDID of the root structMap div labelled `Metadata` (the file's EAD.xml).
    pub metadata_dmd: Option<String>,
}

/// `%20` and the like in an `xlink:href`.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = b
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (b[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Resolves an `xlink:href` against the folder of its METS (`""` or `representations/rep1/`).
fn resolve(base: &str, href: &str, line: u64) -> Result<String, XmlError> {
    let decoded = percent_decode(href.trim());
    let decoded = decoded.strip_prefix("file:").unwrap_or(&decoded);
    clean(&format!("{base}{decoded}")).ok_or_else(|| {
        (
            line,
            format!(
                "đường dẫn xlink:href=\"{href}\" không trỏ tới một tệp trong gói — \
                 dùng đường dẫn tương đối bên trong gói"
            ),
        )
    })
}

/// A file declaration from the attributes of a `mdRef` or `file` element.
fn declared(
    e: &quick_xml::events::BytesStart<'_>,
    id: String,
    path: String,
    line: u64,
) -> Result<Declared, XmlError> {
    let size = match attr(e, "SIZE") {
        Some(s) => Some(s.parse::<u64>().map_err(|_| {
            (
                line,
                format!("SIZE=\"{s}\" không phải số byte — sửa hoặc đóng gói lại"),
            )
        })?),
        None => None,
    };
    Ok(Declared {
        id,
        path,
        size,
        checksum: attr(e, "CHECKSUM").filter(|c| !c.is_empty()),
        checksum_type: attr(e, "CHECKSUMTYPE"),
        line,
    })
}

/// Parses a METS document whose hrefs are relative to `base`.
pub(super) fn parse(bytes: &[u8], base: &str) -> Result<Mets, XmlError> {
    let mut doc = Doc::new(bytes);
    let mut mets = Mets::default();
    let mut path: Vec<String> = Vec::new();
    let mut dmd_id: Option<String> = None;
    // A `file` element waiting for its FLocat: the attributes' element is gone by then, so keep
    // the declaration with an empty path.
    let mut file: Option<Declared> = None;
    let mut divs: Vec<Option<usize>> = Vec::new();
    let mut in_code = false;
    let mut root_seen = false;
    loop {
        let (event, line) = doc.next()?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let name = local(e);
                let empty = matches!(event, Event::Empty(_));
                if !root_seen {
                    if name != "mets" {
                        return Err((line, format!("không phải METS (phần tử gốc <{name}>)")));
                    }
                    root_seen = true;
                }
                match name.as_str() {
                    "note"
                        if path.last().is_some_and(|p| p == "agent")
                            && attr(e, "NOTETYPE")
                                .is_some_and(|t| t.eq_ignore_ascii_case("IDENTIFICATIONCODE")) =>
                    {
                        in_code = !empty;
                    }
                    "dmdSec" => dmd_id = attr(e, "ID"),
                    "mdRef" if dmd_id.is_some() => {
                        let href = attr(e, "href")
                            .ok_or_else(|| (line, "mdRef không có xlink:href".to_string()))?;
                        let id = dmd_id.clone().unwrap_or_default();
                        mets.dmd
                            .push(declared(e, id, resolve(base, &href, line)?, line)?);
                    }
                    "file" if path.iter().any(|p| p == "fileSec") => {
                        let id = attr(e, "ID").unwrap_or_default();
                        file = Some(declared(e, id, String::new(), line)?);
                    }
                    "FLocat" => {
                        if let Some(mut f) = file.take() {
                            let href = attr(e, "href")
                                .ok_or_else(|| (line, "FLocat không có xlink:href".to_string()))?;
                            f.path = resolve(base, &href, line)?;
                            mets.files.push(f);
                        }
                    }
                    "div" => {
                        let label = attr(e, "LABEL").unwrap_or_default();
                        let ids: Vec<String> = attr(e, "DMDID")
                            .unwrap_or_default()
                            .split_whitespace()
                            .map(str::to_string)
                            .collect();
                        mets.refs
                            .extend(ids.iter().map(|id| Ref::Dmd(id.clone(), line)));
                        if label == "Metadata" && mets.metadata_dmd.is_none() {
                            mets.metadata_dmd = ids.first().cloned();
                        }
                        let link = (label == "MetadataLink/File").then(|| {
                            mets.links.push(Link {
                                dmd_ids: ids,
                                file_ids: Vec::new(),
                            });
                            mets.links.len() - 1
                        });
                        if !empty {
                            divs.push(link);
                        }
                    }
                    "fptr" => {
                        if let Some(id) = attr(e, "FILEID") {
                            mets.refs.push(Ref::File(id.clone(), line));
                            if let Some(Some(i)) = divs.iter().rev().find(|d| d.is_some()) {
                                mets.links[*i].file_ids.push(id);
                            }
                        }
                    }
                    _ => {}
                }
                if !empty {
                    path.push(name);
                }
            }
            Event::End(_) => match path.pop().as_deref() {
                Some("note") => in_code = false,
                Some("dmdSec") => dmd_id = None,
                Some("file") => file = None,
                Some("div") => {
                    divs.pop();
                }
                _ => {}
            },
            Event::Eof => break,
            other => {
                if let Some(t) = text_of(other).map_err(|m| (line, m))?
                    && in_code
                {
                    mets.fonds_code.get_or_insert_default().push_str(&t);
                }
            }
        }
    }
    if !root_seen {
        return Err((1, "tệp trống, không có phần tử <mets>".to_string()));
    }
    if let Some(code) = &mut mets.fonds_code {
        *code = code.trim().to_string();
    }
    Ok(mets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_resolve_inside_the_package_only() {
        assert_eq!(
            resolve("representations/rep1/", "data/a%20b.pdf", 1),
            Ok("representations/rep1/data/a b.pdf".to_string())
        );
        assert_eq!(
            resolve("", "./schemas/x.xsd", 1),
            Ok("schemas/x.xsd".into())
        );
        assert!(resolve("", "../outside.pdf", 3).is_err_and(|(line, _)| line == 3));
        assert!(resolve("", "/etc/passwd", 1).is_err());
    }

    #[test]
    fn links_collect_their_file_pointers() {
        let xml = br#"<mets><metsHdr><agent><note NOTETYPE="IDENTIFICATIONCODE"> H1 </note></agent></metsHdr>
<dmdSec ID="d1"><mdRef href="m/a.xml" SIZE="3" CHECKSUM="AB"/></dmdSec>
<fileSec><fileGrp><file ID="f1" SIZE="5"><FLocat href="data/a.pdf"/></file></fileGrp></fileSec>
<structMap><div><div LABEL="MetadataLink/File" DMDID="d1"><fptr FILEID="f1"/></div></div></structMap></mets>"#;
        let m = parse(xml, "r/").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(m.fonds_code.as_deref(), Some("H1"));
        assert_eq!(
            (m.dmd[0].path.as_str(), m.dmd[0].size, m.dmd[0].line),
            ("r/m/a.xml", Some(3), 2)
        );
        assert_eq!(m.files[0].path, "r/data/a.pdf");
        assert_eq!(
            m.links,
            vec![Link {
                dmd_ids: vec!["d1".into()],
                file_ids: vec!["f1".into()]
            }]
        );
        let err = parse(b"<mets>\n<fileSec>\n</mets>", "").err();
        assert_eq!(err.map(|e| e.0), Some(3));
    }
}
