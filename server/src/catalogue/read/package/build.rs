//! Builds synthetic TT05 packages for tests: the EAD/EAD_DOC documents and data files given, a
//! representation METS and a root METS declaring them with correct SIZE and SHA-256, written as a
//! zip (optionally inside a top folder) or as a folder. Tests may edit the representation METS
//! before the root METS is made, or the finished files, to break one thing at a time.

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use zip::write::SimpleFileOptions;

/// Every file of a package by its path relative to the package root.
pub(super) type Files = BTreeMap<String, Vec<u8>>;

/// One item: its `EAD_DOC_*.xml` and its data files.
pub(super) struct Doc {
    pub xml_name: String,
    pub xml: String,
    pub data: Vec<(String, Vec<u8>)>,
}

/// A package to build.
pub(super) struct Spec {
    pub fonds: Option<String>,
    pub package_type: &'static str,
    pub ead: String,
    pub docs: Vec<Doc>,
    /// Data files linked to no item.
    pub loose: Vec<(String, Vec<u8>)>,
}

pub(super) const FILE: &str = "H1.01.2000.01.001";

/// A `<simpledc>` document, one field a line.
pub(super) fn simpledc(fields: &[(&str, &str)]) -> String {
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<simpledc>\n");
    for (tag, value) in fields {
        s.push_str(&format!("<{tag}>{value}</{tag}>\n"));
    }
    s.push_str("</simpledc>\n");
    s
}

/// An item of [`FILE`] with ordinal `n`, in SIP form.
pub(super) fn sip_doc(n: u32, data: &[&str]) -> Doc {
    let id = format!("{FILE}.{n}");
    Doc {
        xml_name: format!("EAD_DOC_{id}.xml"),
        xml: simpledc(&[
            ("docId", &id),
            ("docCode", &format!("{FILE}.{n:07}")),
            ("typeName", "22"),
            ("organName", "Ủy ban nhân dân tỉnh"),
            ("subject", &format!("Về việc số {n}")),
            ("issuedDate", "05/02/2000"),
            ("mode", "01"),
        ]),
        data: data
            .iter()
            .map(|d| (d.to_string(), format!("%PDF-1.4 {id} {d}").into_bytes()))
            .collect(),
    }
}

impl Spec {
    /// A SIP of fonds H1.01: one file, two items with one PDF each.
    pub(super) fn sample() -> Spec {
        Spec {
            fonds: Some("H1.01".into()),
            package_type: "SIP",
            ead: simpledc(&[
                ("fileCode", FILE),
                ("title", "Hồ sơ thử nghiệm"),
                ("maintenance", "01"),
                ("mode", "01"),
                ("language", "01"),
                ("startDate", "01/01/2000"),
                ("endDate", "31/12/2000"),
                ("description", ""),
            ]),
            docs: vec![sip_doc(1, &["a1.pdf"]), sip_doc(2, &["a2.pdf"])],
            loose: Vec::new(),
        }
    }

    pub(super) fn build(&self) -> Files {
        self.build_with(|rep| rep)
    }

    /// Builds the package, passing the representation METS through `edit_rep` before the root
    /// METS declares it (so its checksum stays right).
    pub(super) fn build_with(&self, edit_rep: impl Fn(String) -> String) -> Files {
        let mut files = Files::new();
        let rep = "representations/rep1/";
        let mut dmd = String::new();
        let mut file_sec = String::new();
        let mut links = String::new();
        let mut all_fptrs = String::new();
        for (i, doc) in self.docs.iter().enumerate() {
            let xml_rel = format!("metadata/descriptive/{}", doc.xml_name);
            dmd.push_str(&format!(
                "<dmdSec ID=\"dmd-{i}\"><mdRef LOCTYPE=\"URL\" MDTYPE=\"DC\" xlink:type=\"simple\" \
                 xlink:href=\"{xml_rel}\" {}/></dmdSec>\n",
                declare(doc.xml.as_bytes())
            ));
            files.insert(format!("{rep}{xml_rel}"), doc.xml.clone().into_bytes());
            let mut fptrs = String::new();
            for (j, (name, bytes)) in doc.data.iter().enumerate() {
                let id = format!("file-{i}-{j}");
                file_sec.push_str(&file_entry(&id, &format!("data/{name}"), bytes));
                fptrs.push_str(&format!("<fptr FILEID=\"{id}\"/>"));
                files.insert(format!("{rep}data/{name}"), bytes.clone());
            }
            all_fptrs.push_str(&fptrs);
            links.push_str(&format!(
                "<div LABEL=\"MetadataLink/File\" DMDID=\"dmd-{i}\">{fptrs}</div>\n"
            ));
        }
        for (k, (name, bytes)) in self.loose.iter().enumerate() {
            let id = format!("loose-{k}");
            file_sec.push_str(&file_entry(&id, &format!("data/{name}"), bytes));
            all_fptrs.push_str(&format!("<fptr FILEID=\"{id}\"/>"));
            files.insert(format!("{rep}data/{name}"), bytes.clone());
        }
        let rep_mets = format!(
            "{}<metsHdr csip:OAISPACKAGETYPE=\"{}\"><agent ROLE=\"CREATOR\"><name>test</name></agent></metsHdr>\n\
             {dmd}<fileSec><fileGrp USE=\"Data\">\n{file_sec}</fileGrp></fileSec>\n\
             <structMap TYPE=\"PHYSICAL\"><div LABEL=\"rep1\">\n<div LABEL=\"Data\">{all_fptrs}</div>\n\
             <div LABEL=\"MetadataLink\">\n{links}</div></div></structMap>\n</mets>\n",
            mets_open("rep1"),
            self.package_type
        );
        let rep_mets = edit_rep(rep_mets);
        let schema =
            b"<?xml version=\"1.0\"?><xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"/>";
        let note = self.fonds.as_ref().map_or_else(String::new, |f| {
            format!("<note csip:NOTETYPE=\"IDENTIFICATIONCODE\">{f}</note>")
        });
        let root = format!(
            "{}<metsHdr csip:OAISPACKAGETYPE=\"{}\"><agent ROLE=\"CREATOR\"><name>test</name>{note}</agent></metsHdr>\n\
             <dmdSec ID=\"dmd-file\"><mdRef LOCTYPE=\"URL\" MDTYPE=\"DC\" xlink:type=\"simple\" \
             xlink:href=\"metadata/descriptive/EAD.xml\" {}/></dmdSec>\n\
             <fileSec><fileGrp USE=\"Schemas\">\n{}</fileGrp>\n<fileGrp USE=\"Representations/rep1\">\n{}</fileGrp></fileSec>\n\
             <structMap TYPE=\"PHYSICAL\"><div LABEL=\"pkg\">\n<div LABEL=\"Metadata\" DMDID=\"dmd-file\"/>\n\
             <div LABEL=\"Schemas\"><fptr FILEID=\"schema-ead\"/></div>\n\
             <div LABEL=\"Representations/rep1\"><mptr xlink:type=\"simple\" xlink:href=\"{rep}METS.xml\"/></div>\n\
             </div></structMap>\n</mets>\n",
            mets_open("pkg"),
            self.package_type,
            declare(self.ead.as_bytes()),
            file_entry("schema-ead", "schemas/ead.xsd", schema),
            file_entry("rep1-mets", &format!("{rep}METS.xml"), rep_mets.as_bytes()),
        );
        files.insert(
            "metadata/descriptive/EAD.xml".into(),
            self.ead.clone().into_bytes(),
        );
        files.insert("schemas/ead.xsd".into(), schema.to_vec());
        files.insert(format!("{rep}METS.xml"), rep_mets.into_bytes());
        files.insert("METS.xml".into(), root.into_bytes());
        files
    }
}

fn mets_open(objid: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mets xmlns=\"http://www.loc.gov/METS/\" \
         xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
         xmlns:csip=\"https://DILCIS.eu/XML/METS/CSIPExtensionMETS\" OBJID=\"{objid}\">\n"
    )
}

/// `SIZE`, `CHECKSUMTYPE` and `CHECKSUM` attributes for some bytes.
fn declare(bytes: &[u8]) -> String {
    format!(
        "SIZE=\"{}\" CHECKSUMTYPE=\"SHA-256\" CHECKSUM=\"{}\"",
        bytes.len(),
        hex::encode_upper(Sha256::digest(bytes))
    )
}

fn file_entry(id: &str, href: &str, bytes: &[u8]) -> String {
    format!(
        "<file ID=\"{id}\" MIMETYPE=\"application/octet-stream\" {}><FLocat LOCTYPE=\"URL\" \
         xlink:type=\"simple\" xlink:href=\"{href}\"/></file>\n",
        declare(bytes)
    )
}

/// Writes the files under `dir` (created).
pub(super) fn write_dir(files: &Files, dir: &Path) {
    for (rel, bytes) in files {
        let p = dir.join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
        }
        std::fs::write(&p, bytes).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// Writes the files as a zip, inside `top/` when given.
pub(super) fn write_zip(files: &Files, path: &Path, top: Option<&str>) {
    let file = std::fs::File::create(path).unwrap_or_else(|e| panic!("{e}"));
    let mut zip = zip::ZipWriter::new(file);
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (rel, bytes) in files {
        let name = top.map_or_else(|| rel.clone(), |t| format!("{t}/{rel}"));
        zip.start_file(name, opts).unwrap_or_else(|e| panic!("{e}"));
        zip.write_all(bytes).unwrap_or_else(|e| panic!("{e}"));
    }
    zip.finish().unwrap_or_else(|e| panic!("{e}"));
}

/// Every file of a zip, by its name in the archive.
pub(super) fn unzip(path: &Path) -> Files {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{e}"));
    let mut archive = zip::ZipArchive::new(file).unwrap_or_else(|e| panic!("{e}"));
    let mut files = Files::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap_or_else(|e| panic!("{e}"));
        if entry.is_dir() {
            continue;
        }
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap_or_else(|e| panic!("{e}"));
        files.insert(
            entry.name().unwrap_or_else(|e| panic!("{e}")).to_string(),
            bytes,
        );
    }
    files
}
