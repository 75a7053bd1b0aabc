//! Reads the archive-side sample corpus (`shared/data/sample-kontum`) when it is present beside the
//! repository, and checks counts and defects against its MANIFEST.json. Skipped silently otherwise.

use super::*;
use crate::catalogue::model::{Level, Mode, Validated};
use crate::catalogue::validate::validate;
use serde_json::Value;

fn sample() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/sample-kontum");
    dir.join("MANIFEST.json").is_file().then_some(dir)
}

fn manifest(dir: &Path) -> Value {
    let text = std::fs::read_to_string(dir.join("MANIFEST.json")).unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"))
}

fn count(m: &Value, key: &str) -> u64 {
    m[key].as_u64().unwrap_or_else(|| panic!("MANIFEST {key}"))
}

/// Counts per (level, outcome) of validating every row of an input.
#[derive(Debug, Default, PartialEq, Eq)]
struct Tally {
    public: u64,
    conditional: u64,
    secret: u64,
    rejected: Vec<(u64, Vec<String>)>,
}

fn tally(input: &Input, level: Level) -> Tally {
    let mut t = Tally::default();
    for row in input.rows() {
        let row = row.unwrap_or_else(|e| panic!("{e}"));
        if row.level != level {
            continue;
        }
        match validate(row) {
            Validated::Unit(u, _) if u.mode == Mode::Public => t.public += 1,
            Validated::Unit(..) => t.conditional += 1,
            Validated::Secret { .. } => t.secret += 1,
            Validated::Rejected(r) => t
                .rejected
                .push((r.line, r.problems.into_iter().map(|p| p.field).collect())),
        }
    }
    t
}

#[test]
fn the_sample_catalogue_reads_and_validates_as_the_manifest_says() {
    let Some(dir) = sample() else { return };
    let m = manifest(&dir);
    let input = open(&dir.join("catalogue")).unwrap_or_else(|e| panic!("{e}"));
    assert!(input.failed.is_empty(), "{:?}", input.failed);
    let by_name = |n: &str| {
        input
            .sources
            .iter()
            .find(|s| s.name.as_ref() == n)
            .unwrap_or_else(|| panic!("{n}"))
    };
    assert_eq!(by_name("fonds.csv").rows, count(&m, "fonds"));
    assert_eq!(by_name("files.csv").rows, count(&m, "files"));
    assert_eq!(by_name("documents.csv").rows, count(&m, "documents"));
    // Counts stated by the corpus README.
    assert_eq!(by_name("legacy_tt02_files.csv").rows, 40);
    assert_eq!(by_name("files_vi.xlsx").rows, 60);
    let order: Vec<Option<Table>> = input.sources.iter().map(|s| s.table).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted, "fonds before files before documents");

    let files = open(&dir.join("catalogue/files.csv")).unwrap_or_else(|e| panic!("{e}"));
    let t = tally(&files, Level::File);
    assert_eq!(t.rejected, vec![]);
    assert_eq!(
        (t.public, t.conditional, t.secret),
        (
            count(&m, "public_files"),
            count(&m, "conditional_files"),
            count(&m, "secret_files")
        )
    );
    let docs = open(&dir.join("catalogue/documents.csv")).unwrap_or_else(|e| panic!("{e}"));
    let t = tally(&docs, Level::Item);
    assert_eq!(t.rejected, vec![]);
    assert_eq!(
        (t.public, t.conditional, t.secret),
        (
            count(&m, "public_docs"),
            count(&m, "conditional_docs"),
            count(&m, "secret_docs")
        )
    );
    for name in ["fonds.csv", "legacy_tt02_files.csv", "files_vi.xlsx"] {
        let one = open(&dir.join("catalogue").join(name)).unwrap_or_else(|e| panic!("{e}"));
        let level = if name == "fonds.csv" {
            Level::Fonds
        } else {
            Level::File
        };
        assert_eq!(tally(&one, level).rejected, vec![], "{name}");
    }
}

#[test]
fn the_sample_ead_has_its_fonds_series_files_and_items() {
    let Some(dir) = sample() else { return };
    let input = open(&dir.join("ead/H34.11.xml")).unwrap_or_else(|e| panic!("{e}"));
    assert!(input.failed.is_empty(), "{:?}", input.failed);
    assert_eq!(input.total_rows(), 1 + 2 + 50 + 423);
    let warnings: Vec<&str> = input.warnings().map(|w| w.field.as_str()).collect();
    assert_eq!(
        warnings,
        vec!["maintenance"],
        "one warning per document; every title names its type"
    );
    let mut levels = [0u64; 4];
    let mut rejected = Vec::new();
    let (mut secret, mut conditional) = (0, 0);
    for row in input.rows() {
        let row = row.unwrap_or_else(|e| panic!("{e}"));
        levels[row.level as usize] += 1;
        match validate(row) {
            Validated::Rejected(r) => rejected.push(r),
            Validated::Secret { .. } => secret += 1,
            Validated::Unit(u, _) if u.mode == Mode::Conditional => conditional += 1,
            Validated::Unit(..) => {}
        }
    }
    assert_eq!(levels, [1, 2, 50, 423]);
    assert!(rejected.is_empty(), "{rejected:?}");
    assert!(
        secret > 0 && conditional > 0,
        "the sample has secret and conditional components"
    );
}

#[test]
fn each_bad_sample_fails_where_the_manifest_says() {
    let Some(dir) = sample() else { return };
    let m = manifest(&dir);
    let bad = m["bad_inputs"]
        .as_object()
        .unwrap_or_else(|| panic!("bad_inputs"));
    for (name, expected) in bad {
        let path = dir.join("catalogue/bad").join(name);
        if !path.is_file() {
            continue;
        }
        let input = open(&path).unwrap_or_else(|e| panic!("{e}"));
        match expected["error"].as_str() {
            Some(kind) => {
                assert!(input.sources.is_empty(), "{name}: nothing may be read");
                let e = &input.failed[0];
                let ok = match kind {
                    "parse" => matches!(
                        e,
                        ReadError::Unterminated { .. } | ReadError::StrayQuote { .. }
                    ),
                    "encoding" => matches!(e, ReadError::NotUtf8 { .. } | ReadError::Utf16 { .. }),
                    other => panic!("unknown error kind {other}"),
                };
                assert!(ok, "{name}: {e}");
                assert_eq!(e.line(), Some(2), "{name}: {e}");
            }
            None => {
                assert!(input.failed.is_empty(), "{name}: {:?}", input.failed);
                assert_eq!(input.total_rows(), count(expected, "rows"), "{name}");
                let t = tally(&input, Level::Item);
                // Orphans and duplicates are the importer's to find, not row validation's; but the
                // orphan's docId is 27 characters, over TT05's 25, so validation already rejects it.
                let wanted: Vec<(u64, Vec<String>)> = match name.as_str() {
                    "duplicate_docid.csv" => vec![],
                    "orphan_document.csv" => vec![(3, vec!["docId".into()])],
                    "bad_date.csv" => vec![(3, vec!["issuedDate".into()])],
                    "unknown_type.csv" => vec![(3, vec!["typeName".into()])],
                    "missing_subject_and_type.csv" => {
                        vec![(3, vec!["typeName".into(), "subject".into()])]
                    }
                    "subject_too_long.csv" => vec![(3, vec!["subject".into()])],
                    "bad_mode.csv" => vec![(3, vec!["mode".into()])],
                    other => vec![(count(expected, "rejected_line"), vec![format!("? {other}")])],
                };
                assert_eq!(t.rejected, wanted, "{name}");
                if !wanted.is_empty() {
                    assert_eq!(wanted[0].0, count(expected, "rejected_line"), "{name}");
                }
            }
        }
    }
}
