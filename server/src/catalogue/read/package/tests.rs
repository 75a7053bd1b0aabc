//! Package reading: synthetic packages broken one way at a time, AIP tags,
//! format detection and `read_attachment`. The sample SIPs are in `sample_tests.rs`.

use super::build::{FILE, Files, Spec, simpledc, sip_doc, write_dir, write_zip};
use crate::catalogue::model::{SourceRow, Validated};
use crate::catalogue::read::{Format, Input, ReadError, open};
use crate::catalogue::validate::validate;
use std::path::{Path, PathBuf};

pub(super) fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

pub(super) use crate::catalogue::read::tests::one;

pub(super) fn failure(path: &Path) -> ReadError {
    let input = open(path).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        input.sources.is_empty(),
        "a rejected package yields nothing"
    );
    input
        .failed
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("expected a failure"))
}

pub(super) fn rows(input: &Input) -> Vec<SourceRow> {
    input
        .rows()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

fn zip_of(files: &Files, dir: &Path, name: &str) -> PathBuf {
    let p = dir.join(name);
    write_zip(files, &p, Some("uuid-TEST"));
    p
}

pub(super) fn get<'a>(row: &'a SourceRow, tag: &str) -> &'a str {
    row.get(tag)
        .unwrap_or_else(|| panic!("{tag} missing in {row:?}"))
}

#[test]
fn a_synthetic_package_reads_the_same_zipped_or_as_a_folder() {
    let dir = tmp();
    let mut spec = Spec::sample();
    spec.loose.push(("cover.jpg".into(), b"jpeg".to_vec()));
    let files = spec.build();
    let zipped = zip_of(&files, dir.path(), "p.zip");
    let flat = dir.path().join("flat.zip");
    write_zip(&files, &flat, None);
    let folder = dir.path().join("pkg");
    write_dir(&files, &folder);
    let mut seen = Vec::new();
    for p in [&zipped, &flat, &folder] {
        let src = one(p);
        assert_eq!((src.format, src.rows), (Format::Package, 3));
        let rows: Vec<SourceRow> = src
            .rows()
            .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
            .collect();
        assert_eq!(get(&rows[0], "fondsCode"), "H1.01");
        assert_eq!(
            get(&rows[0], "description"),
            "",
            "an empty element is an empty cell"
        );
        assert_eq!(
            get(&rows[0], "digitalFiles"),
            "representations/rep1/data/cover.jpg"
        );
        assert_eq!(
            get(&rows[2], "digitalFiles"),
            "representations/rep1/data/a2.pdf"
        );
        assert_eq!(rows[1].line, 2, "the line of <simpledc>");
        seen.push(rows.into_iter().map(|r| r.cells).collect::<Vec<_>>());
    }
    assert!(seen.windows(2).all(|w| w[0] == w[1]));
}

#[test]
fn broken_packages_are_rejected_naming_the_file() {
    let dir = tmp();
    let good = Spec::sample().build();
    let data = "representations/rep1/data/a1.pdf";

    let mut files = good.clone();
    files.get_mut(data).unwrap_or_else(|| unreachable!())[0] ^= 0x20;
    let e = failure(&zip_of(&files, dir.path(), "tampered.zip"));
    assert!(
        matches!(&e, ReadError::PackageChecksum { inner, .. } if inner == data),
        "{e:?}"
    );

    let mut files = good.clone();
    files.remove(data);
    let e = failure(&zip_of(&files, dir.path(), "missing.zip"));
    assert!(
        matches!(&e, ReadError::PackageMissing { inner, .. } if inner == data),
        "{e:?}"
    );
    assert!(
        e.to_string()
            .contains("representations/rep1/METS.xml khai báo"),
        "{e}"
    );

    let mut files = good.clone();
    files.insert("representations/rep1/data/extra.pdf".into(), b"x".to_vec());
    let folder = dir.path().join("extra");
    write_dir(&files, &folder);
    let e = failure(&folder);
    assert!(
        matches!(&e, ReadError::PackageExtra { inner, .. } if inner == "representations/rep1/data/extra.pdf"),
        "{e:?}"
    );
    assert_eq!(e.file(), "extra");

    let files = Spec::sample().build_with(|m| {
        m.replace(
            "ID=\"file-0-0\" MIMETYPE=\"application/octet-stream\" SIZE=\"",
            "ID=\"file-0-0\" MIMETYPE=\"application/octet-stream\" SIZE=\"9",
        )
    });
    let e = failure(&zip_of(&files, dir.path(), "size.zip"));
    assert!(
        matches!(&e, ReadError::PackageSize { inner, .. } if inner == data),
        "{e:?}"
    );

    let files = Spec::sample().build_with(|m| m.replace("DMDID=\"dmd-1\"", "DMDID=\"dmd-9\""));
    let e = failure(&zip_of(&files, dir.path(), "dmdid.zip"));
    assert_eq!(e.line(), Some(14), "{e}");
    assert!(
        e.to_string()
            .contains("representations/rep1/METS.xml, dòng 14: DMDID=\"dmd-9\""),
        "{e}"
    );

    let files = Spec::sample().build_with(|m| {
        m.replace(
            "<fptr FILEID=\"file-1-0\"/></div>",
            "<fptr FILEID=\"nope\"/></div>",
        )
    });
    let e = failure(&zip_of(&files, dir.path(), "fileid.zip"));
    assert!(e.to_string().contains("FILEID=\"nope\""), "{e}");

    let mut spec = Spec::sample();
    spec.docs[1].xml =
        "<?xml version=\"1.0\"?>\n<simpledc>\n<docId>x</docId>\n<subject>y</subjet>\n</simpledc>\n"
            .into();
    let e = failure(&zip_of(&spec.build(), dir.path(), "xml.zip"));
    assert_eq!(e.line(), Some(4), "{e}");
    assert!(
        e.to_string()
            .contains(&format!("EAD_DOC_{FILE}.2.xml, dòng 4: XML không hợp lệ")),
        "{e}"
    );

    let mut files = good.clone();
    files.remove("METS.xml");
    let e = failure(&zip_of(&files, dir.path(), "nomets.zip"));
    assert!(e.to_string().contains("không có METS.xml"), "{e}");
}

#[test]
fn fields_in_any_order_and_unknown_elements_warn() {
    let dir = tmp();
    let mut spec = Spec::sample();
    spec.ead = simpledc(&[
        ("endDate", "31/12/2000"),
        ("mode", "02"),
        ("language", "01"),
        ("madeUp", "?"),
        ("title", "Hồ sơ đảo thứ tự"),
        ("maintenance", "01"),
        ("fileCode", FILE),
        ("startDate", "01/01/2000"),
    ]);
    let src = one(&zip_of(&spec.build(), dir.path(), "order.zip"));
    assert_eq!(src.warnings.len(), 1, "{:?}", src.warnings);
    assert_eq!(
        (src.warnings[0].field.as_str(), src.warnings[0].line),
        ("madeUp", Some(6))
    );
    let rows: Vec<SourceRow> = src
        .rows()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect();
    assert_eq!(
        (get(&rows[0], "title"), get(&rows[0], "mode")),
        ("Hồ sơ đảo thứ tự", "02")
    );
    assert!(matches!(validate(rows[0].clone()), Validated::Unit(..)));
}

#[test]
fn aip_tags_map_to_file_and_document_codes() {
    let dir = tmp();
    let mut spec = Spec::sample();
    spec.package_type = "AIP";
    for (n, doc) in spec.docs.iter_mut().enumerate() {
        let n = n + 1;
        doc.xml = simpledc(&[
            ("arcFileCode", FILE),
            ("arcDocCode", &format!("{FILE}.{n:07}")),
            ("docOrdinal", &n.to_string()),
            ("typeName", "02"),
            ("organName", "UBND tỉnh"),
            ("subject", "Về việc lưu trữ"),
            ("mode", "01"),
        ]);
    }
    let src = one(&zip_of(&spec.build(), dir.path(), "aip.zip"));
    assert!(src.warnings.is_empty(), "{:?}", src.warnings);
    let rows: Vec<SourceRow> = src
        .rows()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect();
    let item = &rows[2];
    assert_eq!(
        (
            get(item, "fileCode"),
            get(item, "docCode"),
            get(item, "docOrdinal")
        ),
        (FILE, "H1.01.2000.01.001.0000002", "2")
    );
    match validate(item.clone()) {
        Validated::Unit(u, _) => assert_eq!(u.code, format!("{FILE}.2")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn detection_of_packages_among_other_inputs() {
    let dir = tmp();
    let files = Spec::sample().build();
    let noext = dir.path().join("package");
    write_zip(&files, &noext, Some("top"));
    assert_eq!(one(&noext).format, Format::Package, "a zip with METS.xml");
    // A folder: a zip, an unpacked package folder and a CSV, packages after the fonds table.
    let mixed = dir.path().join("mixed");
    std::fs::create_dir_all(&mixed).unwrap_or_else(|e| panic!("{e}"));
    write_zip(&files, &mixed.join("a.zip"), None);
    write_dir(&files, &mixed.join("b-folder"));
    std::fs::write(
        mixed.join("z-fonds.csv"),
        "fondsCode,fondsName,mode\nH1.01,Phông,01\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let input = open(&mixed).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = input.sources.iter().map(|s| &*s.name).collect();
    assert_eq!(names, vec!["z-fonds.csv", "a.zip", "b-folder"]);
    let e = failure(&{
        let p = dir.path().join("junk.zip");
        std::fs::write(&p, b"PK\x03\x04 not a zip").unwrap_or_else(|e| panic!("{e}"));
        p
    });
    assert!(matches!(e, ReadError::Zip { .. }), "{e:?}");
}

#[test]
fn attachments_are_read_from_zips_folders_and_beside_tables() {
    let dir = tmp();
    let mut spec = Spec::sample();
    spec.docs.push(sip_doc(3, &["b 3.pdf"]));
    let files = spec.build();
    let want = files["representations/rep1/data/a1.pdf"].clone();
    let zip = one(&zip_of(&files, dir.path(), "p.zip"));
    let folder = dir.path().join("pkg");
    write_dir(&files, &folder);
    let folder = one(&folder);
    for src in [&zip, &folder] {
        assert_eq!(
            src.read_attachment("representations/rep1/data/a1.pdf"),
            Ok(want.clone())
        );
        assert!(
            src.read_attachment("representations/rep1/data/b 3.pdf")
                .is_ok()
        );
        let e = src.read_attachment("../p.zip").err();
        assert!(matches!(e, Some(ReadError::Attachment { .. })), "{e:?}");
        assert!(
            src.read_attachment("representations/rep1/data/none.pdf")
                .is_err()
        );
    }
    let tables = dir.path().join("catalogue");
    let scans = dir.path().join("scans/x");
    std::fs::create_dir_all(&tables).unwrap_or_else(|e| panic!("{e}"));
    std::fs::create_dir_all(&scans).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(scans.join("001.jpg"), b"jpg").unwrap_or_else(|e| panic!("{e}"));
    let csv = tables.join("files.csv");
    std::fs::write(
        &csv,
        "fileCode,title,digitalFiles\nF.1,T,../scans/x/001.jpg\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let src = one(&csv);
    assert_eq!(
        src.read_attachment("../scans/x/001.jpg"),
        Ok(b"jpg".to_vec())
    );
    let e = src
        .read_attachment("../scans/x/002.jpg")
        .err()
        .map(|e| e.to_string());
    assert!(e.is_some_and(|e| e.contains("files.csv") && e.contains("002.jpg")));
}
