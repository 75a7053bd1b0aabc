//! TT05 SIP/AIP packages (interfaces.md §4), zipped or unpacked: one file (hồ sơ) and its items.
//!
//! The first pass reads the root `METS.xml` and every `representations/*/METS.xml`, checks that
//! every structMap reference resolves, verifies every declared file (present, `SIZE`, SHA-256
//! `CHECKSUM`, streamed) and that no undeclared file is present, then parses `EAD.xml` and every
//! `EAD_DOC_*.xml`. Any failure rejects the package whole, naming the file inside it. The second
//! pass yields one `Level::File` row (with `fondsCode` from the METS header) and one `Level::Item`
//! row per item in structMap order, each with `digitalFiles` = its data files relative to the
//! package root; data files linked to no item go to the file row.

mod dc;
mod mets;
mod rows;
mod store;
mod verify;
mod xml;

pub(super) use self::rows::rows;

use super::ReadError;
use crate::catalogue::model::{Level, Warning};
use mets::Mets;
use std::collections::HashSet;
use std::io;
use std::path::Path;
use std::sync::Arc;
use std::time::SystemTime;
use store::Store;

const ROOT_METS: &str = "METS.xml";
const DEFAULT_EAD: &str = "metadata/descriptive/EAD.xml";

/// An item: its metadata document and its data files, relative to the package root.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Item {
    xml: String,
    files: Vec<String>,
}

/// What the first pass learnt of a package, so the second pass only re-reads the small XML files.
#[derive(Clone, Debug)]
pub(super) struct Plan {
    file_xml: String,
    fonds_code: Option<String>,
    file_code: Option<String>,
    /// Data files linked to no item.
    file_digital: Vec<String>,
    items: Vec<Item>,
    /// Size and modification time of a zip at the first pass.
    stamp: Option<(u64, Option<SystemTime>)>,
}

/// Whether a folder is an unpacked package.
pub(super) fn is_package_dir(path: &Path) -> bool {
    path.join(ROOT_METS).is_file()
}

/// Whether a zip (without a telling extension) is a package rather than a workbook.
pub(super) fn is_package_zip(path: &Path) -> bool {
    Store::open(path)
        .ok()
        .and_then(|mut s| s.size(ROOT_METS).ok().flatten())
        .is_some()
}

fn stamp(path: &Path) -> Option<(u64, Option<SystemTime>)> {
    let meta = std::fs::metadata(path).ok()?;
    meta.is_file().then(|| (meta.len(), meta.modified().ok()))
}

/// `representations/<name>/METS.xml`.
fn is_rep_mets(rel: &str) -> bool {
    let parts: Vec<&str> = rel.split('/').collect();
    matches!(parts.as_slice(), ["representations", _, "METS.xml"])
}

/// Errors and warnings about one package.
struct Pkg {
    name: Arc<str>,
}

impl Pkg {
    fn structure(&self, inner: &str, line: Option<u64>, reason: String) -> ReadError {
        ReadError::Package {
            file: self.name.clone(),
            inner: inner.to_string(),
            line,
            reason,
        }
    }

    fn xml(&self, inner: &str, (line, message): xml::XmlError) -> ReadError {
        self.structure(
            inner,
            Some(line),
            format!(
                "XML không hợp lệ ({message}) — sửa cú pháp XML, hoặc lấy lại gói từ hệ thống lưu trữ"
            ),
        )
    }

    fn io(&self, inner: &str, e: io::Error) -> ReadError {
        self.structure(
            inner,
            None,
            format!("không đọc được tệp ({e}) — tệp bị hỏng; lấy lại gói từ hệ thống lưu trữ"),
        )
    }

    fn warning(&self, line: u64, field: &str, reason: String) -> Warning {
        Warning {
            source: self.name.clone(),
            line: Some(line),
            field: field.to_string(),
            reason,
        }
    }

    /// Parses a METS of the package; `None` when the package has no such file.
    fn mets(&self, store: &mut Store, rel: &str) -> Result<Option<Mets>, ReadError> {
        let Some(bytes) = store.read(rel).map_err(|e| self.io(rel, e))? else {
            return Ok(None);
        };
        let base = rel.strip_suffix(ROOT_METS).unwrap_or("");
        mets::parse(&bytes, base)
            .map(Some)
            .map_err(|e| self.xml(rel, e))
    }

    /// Reads and parses a metadata document.
    fn record(&self, store: &mut Store, rel: &str, level: Level) -> Result<dc::Record, ReadError> {
        let bytes = store
            .read(rel)
            .map_err(|e| self.io(rel, e))?
            .ok_or_else(|| {
                self.structure(
                rel,
                None,
                "thiếu tệp mô tả (METS.xml không khai báo hoặc gói không có tệp này) — đóng gói lại"
                    .to_string(),
            )
            })?;
        dc::parse(&bytes, level).map_err(|e| self.xml(rel, e))
    }

    fn ignored_warnings(&self, rel: &str, rec: &dc::Record, warnings: &mut Vec<Warning>) {
        for (element, line, why) in &rec.ignored {
            warnings.push(self.warning(
                *line,
                element,
                format!("{rel}: phần tử <{element}> bị bỏ qua — {why}"),
            ));
        }
    }
}

/// First pass: verifies the package whole and plans its rows.
pub(super) fn scan(path: &Path, name: &Arc<str>) -> Result<(u64, Vec<Warning>, Plan), ReadError> {
    let p = Pkg { name: name.clone() };
    let stamp = stamp(path);
    let mut store = Store::open(path).map_err(|message| ReadError::Zip {
        file: name.clone(),
        message,
    })?;
    let mut warnings = Vec::new();
    let root = p.mets(&mut store, ROOT_METS)?.ok_or_else(|| {
        p.structure(
            ROOT_METS,
            None,
            "gói không có METS.xml ở gốc — gói TT05 phải có METS.xml ở thư mục gốc (hoặc trong \
             thư mục duy nhất của tệp zip)"
                .to_string(),
        )
    })?;
    let listed = store.files().map_err(|e| p.io("", e))?;
    let mut reps: Vec<String> = listed
        .iter()
        .chain(root.files.iter().map(|f| &f.path))
        .filter(|f| is_rep_mets(f))
        .cloned()
        .collect();
    reps.sort();
    reps.dedup();
    let mut rep_mets = Vec::new();
    for rel in &reps {
        if let Some(m) = p.mets(&mut store, rel)? {
            rep_mets.push((rel.as_str(), m));
        }
    }
    p.check_refs(ROOT_METS, &root)?;
    for (rel, m) in &rep_mets {
        p.check_refs(rel, m)?;
    }
    let all = std::iter::once((ROOT_METS, &root)).chain(rep_mets.iter().map(|(r, m)| (*r, m)));
    let mut declared = HashSet::new();
    for (rel, m) in all {
        for d in m.dmd.iter().chain(&m.files) {
            if declared.insert(d.path.as_str()) {
                p.verify(&mut store, rel, d, &mut warnings)?;
            }
        }
    }
    if let Some(extra) = listed
        .iter()
        .find(|f| *f != ROOT_METS && !reps.contains(f) && !declared.contains(f.as_str()))
    {
        return Err(ReadError::PackageExtra {
            file: name.clone(),
            inner: extra.clone(),
        });
    }
    let file_xml = root
        .metadata_dmd
        .as_ref()
        .and_then(|id| root.dmd.iter().find(|d| d.id == *id))
        .or_else(|| {
            root.dmd
                .iter()
                .find(|d| d.path.to_ascii_lowercase().ends_with("ead.xml"))
        })
        .or(root.dmd.first())
        .map_or_else(|| DEFAULT_EAD.to_string(), |d| d.path.clone());
    let file_rec = p.record(&mut store, &file_xml, Level::File)?;
    p.ignored_warnings(&file_xml, &file_rec, &mut warnings);
    if root.fonds_code.as_deref().is_none_or(str::is_empty) {
        warnings.push(p.warning(
            1,
            "fondsCode",
            "METS.xml không có mã phông (metsHdr/agent/note NOTETYPE=\"IDENTIFICATIONCODE\") — \
             hồ sơ sẽ thiếu fondsCode nếu EAD.xml cũng không ghi"
                .to_string(),
        ));
    }
    let (items, file_digital) = plan_items(&rep_mets);
    for item in &items {
        let rec = p.record(&mut store, &item.xml, Level::Item)?;
        p.ignored_warnings(&item.xml, &rec, &mut warnings);
    }
    let plan = Plan {
        file_xml,
        fonds_code: root.fonds_code.filter(|c| !c.is_empty()),
        file_code: file_rec
            .cells
            .iter()
            .find(|(t, _)| *t == "fileCode")
            .map(|(_, v)| v.clone())
            .filter(|v| !v.is_empty()),
        file_digital,
        items,
        stamp,
    };
    Ok((1 + plan.items.len() as u64, warnings, plan))
}

/// Items in structMap order (then any dmdSec no div links), and the data files linked to none.
fn plan_items(reps: &[(&str, Mets)]) -> (Vec<Item>, Vec<String>) {
    let mut items: Vec<Item> = Vec::new();
    let mut loose = Vec::new();
    for (_, m) in reps {
        let path_of = |id: &str| m.files.iter().find(|f| f.id == id).map(|f| f.path.clone());
        let mut linked = HashSet::new();
        for link in &m.links {
            let files: Vec<String> = link.file_ids.iter().filter_map(|id| path_of(id)).collect();
            for dmd in link.dmd_ids.iter() {
                let Some(d) = m.dmd.iter().find(|d| d.id == *dmd) else {
                    continue;
                };
                linked.extend(link.file_ids.iter().map(String::as_str));
                match items.iter_mut().find(|i| i.xml == d.path) {
                    Some(item) => {
                        for f in &files {
                            if !item.files.contains(f) {
                                item.files.push(f.clone());
                            }
                        }
                    }
                    None => items.push(Item {
                        xml: d.path.clone(),
                        files: files.clone(),
                    }),
                }
            }
        }
        for d in &m.dmd {
            if !items.iter().any(|i| i.xml == d.path) {
                items.push(Item {
                    xml: d.path.clone(),
                    files: Vec::new(),
                });
            }
        }
        for f in &m.files {
            if !linked.contains(f.id.as_str()) && !loose.contains(&f.path) {
                loose.push(f.path.clone());
            }
        }
    }
    (items, loose)
}

/// A file of the package by its path relative to the package root.
pub(super) fn read_attachment(
    path: &Path,
    name: &Arc<str>,
    rel: &str,
) -> Result<Vec<u8>, ReadError> {
    let fail = |message: String| ReadError::Attachment {
        file: name.clone(),
        inner: rel.to_string(),
        message,
    };
    let clean = store::clean(rel.trim()).ok_or_else(|| fail("đường dẫn ra ngoài gói".into()))?;
    let mut store = Store::open(path).map_err(|message| ReadError::Zip {
        file: name.clone(),
        message,
    })?;
    store
        .read(&clean)
        .map_err(|e| fail(e.to_string()))?
        .ok_or_else(|| fail("gói không có tệp này".into()))
}

#[cfg(test)]
mod build;
#[cfg(test)]
mod sample_tests;
#[cfg(test)]
mod tests;
