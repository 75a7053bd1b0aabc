//! The sample corpus in `../shared/data/sample-kontum`, imported as an archivist would, when it
//! exists: the catalogue folder, the spreadsheet, the legacy file, the EAD finding aid, and each
//! deliberately broken file rejected as its name says with nothing else lost.

use crate::support::*;
use portal::catalogue::pipeline::{ImportError, import_paths};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn sample() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/sample-kontum");
    dir.join("MANIFEST.json").exists().then_some(dir)
}

fn manifest(dir: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("MANIFEST.json")).expect("manifest"))
        .expect("json")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sample_catalogue_imports_cleanly_and_twice_is_unchanged() {
    let Some(dir) = sample() else { return };
    let m = manifest(&dir);
    let t = TestDb::new().await;
    let r = t.import(&[&dir.join("catalogue")]).await;
    assert!(r.rejected.is_empty(), "{:#?}", r.rejected);
    let stored_files =
        m["public_files"].as_i64().unwrap_or(0) + m["conditional_files"].as_i64().unwrap_or(0);
    let stored_docs =
        m["public_docs"].as_i64().unwrap_or(0) + m["conditional_docs"].as_i64().unwrap_or(0);
    assert_eq!(t.count("fonds").await, m["fonds"].as_i64().unwrap_or(0));
    assert_eq!(t.count("file").await, stored_files, "{r:?}");
    assert_eq!(t.count("item").await, stored_docs, "{r:?}");
    assert!(r.skipped_secret >= m["secret_docs"].as_u64().unwrap_or(0));
    let again = t.import(&[&dir.join("catalogue")]).await;
    assert_eq!(
        again.inserted.total() + again.updated.total(),
        0,
        "{again:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sample_ead_finding_aid_imports_with_its_series_files_and_items() {
    let Some(dir) = sample() else { return };
    let t = TestDb::new().await;
    let r = t.import(&[&dir.join("ead/H34.11.xml")]).await;
    assert!(r.rejected.is_empty(), "{:#?}", r.rejected);
    assert_eq!((r.inserted.fonds, r.inserted.series), (1, 2), "{r:?}");
    assert!(
        r.inserted.files > 0 && r.inserted.items > 0 && r.skipped_secret > 0,
        "{r:?}"
    );
    let conditional: i64 =
        sqlx::query_scalar("select count(*) from units where effective_mode = '02'")
            .fetch_one(&t.db.pool)
            .await
            .expect("count");
    assert!(conditional > 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_ead_after_the_csv_does_not_overwrite_values_with_its_defaults() {
    let Some(dir) = sample() else { return };
    let t = TestDb::new().await;
    t.import(&[&dir.join("catalogue")]).await;
    let r = t.import(&[&dir.join("ead/H34.11.xml")]).await;
    assert!(r.rejected.is_empty(), "{:#?}", r.rejected);
    let meta: String =
        sqlx::query_scalar("select metadata from units where code = 'H34.11.1996.01.001'")
            .fetch_one(&t.db.pool)
            .await
            .expect("file");
    assert!(meta.contains("\"maintenance\":\"01\""), "{meta}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_orphan_sample_row_is_reported_as_an_item_of_an_unknown_file() {
    let Some(dir) = sample() else { return };
    let t = TestDb::new().await;
    t.import(&[&dir.join("catalogue")]).await;
    let r = t
        .import(&[&dir.join("catalogue/bad/orphan_document.csv")])
        .await;
    assert_eq!(r.rejected.len(), 1);
    assert_eq!(r.rejected[0].field, "fileCode", "{:#?}", r.rejected);
    assert!(r.rejected[0].reason.contains("KHONG.TON.TAI.1999.01.001"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_broken_sample_file_is_rejected_as_its_name_says() {
    let Some(dir) = sample() else { return };
    let m = manifest(&dir);
    let t = TestDb::new().await;
    t.import(&[&dir.join("catalogue")]).await;
    let items_before = t.count("item").await;
    let bad = m["bad_inputs"].as_object().expect("bad_inputs");
    for (name, expect) in bad {
        let path = dir.join("catalogue/bad").join(name);
        let result = import_paths(&t.db, &t.store(), &[path], false, &|_, _| {}).await;
        if expect.get("error").is_some() {
            match result {
                Err(ImportError::Unreadable(msg)) => assert!(
                    msg.contains(name.as_str()) && msg.contains("dòng"),
                    "{name}: {msg}"
                ),
                other => panic!("{name}: expected the whole file rejected, got {other:?}"),
            }
            continue;
        }
        let r = result.expect("import runs");
        let lines: Vec<u64> = r.rejected.iter().map(|x| x.line).collect();
        assert_eq!(
            lines,
            vec![expect["rejected_line"].as_u64().unwrap_or(0)],
            "{name}: {:#?}",
            r.rejected
        );
        let accepted = r.inserted.total() + r.updated.total() + r.unchanged.total();
        assert_eq!(
            accepted,
            expect["rows"].as_u64().unwrap_or(0) - 1,
            "{name}: the good rows land ({r:?})"
        );
    }
    assert_eq!(
        t.count("item").await,
        items_before,
        "broken files add no item and lose none"
    );
}
