//! The three sample SIPs of `shared/data/sample-kontum/sip` (skipped when absent): read as zips,
//! unpacked into folders and as a folder of zips; a tampered copy is rejected.

use super::build::{unzip, write_dir, write_zip};
use super::tests::{failure, get, rows, tmp};
use crate::catalogue::model::{Level, Validated};
use crate::catalogue::read::{Format, Input, ReadError, open};
use crate::catalogue::validate::validate;
use std::path::{Path, PathBuf};

fn sample_sip() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/sample-kontum/sip");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("sample data absent, skipped");
        None
    }
}

/// (zip, fileCode, title, startDate, endDate, items)
const SAMPLES: &[(&str, &str, &str, &str, &str, usize)] = &[
    (
        "50dc7498-a93c-f97e-c760-2a1f55df70bb.zip",
        "H34.10.1999.01.004",
        "Tập quyết định của Ủy ban nhân dân tỉnh về công tác tổ chức cán bộ năm 1999",
        "25/05/1999",
        "28/11/1999",
        6,
    ),
    (
        "6bd610de-ea24-cb32-687d-2782db8a19c4.zip",
        "H34.10.1983.01.001",
        "Tập công văn trao đổi về công tác văn thư, lưu trữ năm 1983",
        "01/04/1983",
        "14/10/1983",
        3,
    ),
    (
        "f4b6dbe1-f229-471c-3a7b-807ee3fc7b98.zip",
        "H34.10.2002.01.002",
        "Hồ sơ xây dựng trụ sở Ủy ban nhân dân xã Ia Chim",
        "25/01/2002",
        "17/08/2002",
        5,
    ),
];

fn check_sample(input: &Input, expected: &(&str, &str, &str, &str, &str, usize)) {
    let (_, code, title, start, end, n) = *expected;
    assert_eq!(input.total_rows(), 1 + n as u64);
    assert!(
        input.warnings().next().is_none(),
        "{:?}",
        input.warnings().collect::<Vec<_>>()
    );
    let rows = rows(input);
    assert_eq!(rows.len(), 1 + n);
    let file = &rows[0];
    assert_eq!(file.level, Level::File);
    assert_eq!(
        (
            get(file, "fileCode"),
            get(file, "fondsCode"),
            get(file, "title")
        ),
        (code, "H34.10", title)
    );
    assert_eq!(
        (
            get(file, "startDate"),
            get(file, "endDate"),
            get(file, "mode")
        ),
        (start, end, "01")
    );
    assert_eq!(
        file.get("digitalFiles"),
        None,
        "every data file belongs to an item"
    );
    for (i, item) in rows[1..].iter().enumerate() {
        let id = format!("{code}.{}", i + 1);
        assert_eq!((item.level, get(item, "docId")), (Level::Item, id.as_str()));
        assert_eq!(
            get(item, "fileCode"),
            code,
            "the file's code is given to its items"
        );
        assert_eq!(
            get(item, "digitalFiles"),
            format!("representations/rep1/data/{id}.pdf")
        );
    }
    for row in rows {
        assert!(
            !matches!(validate(row), Validated::Rejected(_)),
            "sample rows are valid"
        );
    }
}

#[test]
fn sample_packages_read_as_zips_folders_and_a_folder_of_zips() {
    let Some(sip) = sample_sip() else { return };
    let dir = tmp();
    for expected in SAMPLES {
        let zip = sip.join(expected.0);
        let input = open(&zip).unwrap_or_else(|e| panic!("{e}"));
        assert!(input.failed.is_empty(), "{:?}", input.failed);
        assert_eq!(input.sources[0].format, Format::Package);
        assert_eq!(&*input.sources[0].name, expected.0);
        check_sample(&input, expected);
        // Unpacked: the zip's top folder is the package folder.
        let unpacked = dir.path().join(expected.1);
        write_dir(&unzip(&zip), &unpacked);
        let top = std::fs::read_dir(&unpacked)
            .unwrap_or_else(|e| panic!("{e}"))
            .flatten()
            .next()
            .unwrap_or_else(|| panic!("empty zip"))
            .path();
        let input = open(&top).unwrap_or_else(|e| panic!("{e}"));
        assert!(input.failed.is_empty(), "{:?}", input.failed);
        check_sample(&input, expected);
    }
    let all = open(&sip).unwrap_or_else(|e| panic!("{e}"));
    assert!(all.failed.is_empty(), "{:?}", all.failed);
    assert_eq!(all.sources.len(), 3);
    assert_eq!(all.total_rows(), 3 + 6 + 3 + 5);
}

#[test]
fn a_tampered_sample_is_rejected_naming_the_file() {
    let Some(sip) = sample_sip() else { return };
    let dir = tmp();
    let mut files = unzip(&sip.join(SAMPLES[1].0));
    let inner = "uuid-4F1501DB-9646-5391-D0E9-9EF64303C52E/representations/rep1/data/H34.10.1983.01.001.2.pdf";
    let bytes = files
        .get_mut(inner)
        .unwrap_or_else(|| panic!("sample layout changed"));
    bytes[1000] ^= 1;
    let p = dir.path().join("tampered.zip");
    write_zip(&files, &p, None);
    let e = failure(&p);
    assert!(matches!(e, ReadError::PackageChecksum { .. }), "{e:?}");
    assert_eq!(e.file(), "tampered.zip");
    let msg = e.to_string();
    assert!(
        msg.contains("representations/rep1/data/H34.10.1983.01.001.2.pdf"),
        "{msg}"
    );
    assert!(
        msg.contains("SHA-256") && msg.contains("lấy lại gói"),
        "{msg}"
    );
}
