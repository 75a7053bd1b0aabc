//! TT05 packages from the sample corpus: imported whole with their pages and text, and a
//! tampered copy rejected whole, naming the file.

use crate::support::TestDb;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

fn sample_sip() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/sample-kontum/sip");
    if dir.exists() {
        Some(dir)
    } else {
        eprintln!("skipped: no sample corpus at {}", dir.display());
        None
    }
}

/// A copy of `zip` with one byte of the entry ending in `suffix` changed.
fn tampered(zip: &Path, suffix: &str, out: &Path) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(zip).unwrap()).unwrap();
    let mut writer = zip::ZipWriter::new(std::fs::File::create(out).unwrap());
    let mut changed = String::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().expect("entry name").to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if changed.is_empty() && name.ends_with(suffix) {
            let mid = bytes.len() / 2;
            bytes[mid] ^= 0x01;
            changed = name.clone();
        }
        writer
            .start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(&bytes).unwrap();
    }
    writer.finish().unwrap();
    changed
}

#[tokio::test]
async fn the_sample_packages_import_with_their_pages_and_text() {
    let Some(sip) = sample_sip() else { return };
    let t = TestDb::new().await;
    let catalogue = sip.parent().unwrap().join("catalogue/fonds.csv");
    t.import(&[&catalogue]).await;
    let report = t.import(&[&sip]).await;
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    assert_eq!(report.pages.failed, 0, "{:?}", report.warnings);
    assert_eq!(report.pages.added, 14, "one PDF per item: 3 + 5 + 6");
    let failed = portal::iiif::ingest::work_until_idle(&t.db, &t.store(), 2, &|_, _| {})
        .await
        .expect("ingest");
    assert!(failed.is_empty(), "{failed:?}");
    let pages: i64 = sqlx::query_scalar("select count(*) from pages")
        .fetch_one(&t.db.pool)
        .await
        .unwrap();
    assert!(pages >= 14, "{pages}");
    let with_text: i64 =
        sqlx::query_scalar("select count(*) from pages where text is not null and text <> ''")
            .fetch_one(&t.db.pool)
            .await
            .unwrap();
    assert!(
        with_text >= 14,
        "the PDFs' text layers are kept: {with_text}"
    );
    let item_pages = super::fixture::images_of(&t, "H34.10.1999.01.004.1").await;
    assert!(
        !item_pages.is_empty(),
        "each item is linked to its PDF through the structMap"
    );
}

#[tokio::test]
async fn a_package_with_one_byte_changed_is_rejected_whole_naming_the_file() {
    let Some(sip) = sample_sip() else { return };
    let t = TestDb::new().await;
    let zip = sip.join("50dc7498-a93c-f97e-c760-2a1f55df70bb.zip");
    let copy = t.dir.path().join("tampered.zip");
    let changed = tampered(&zip, ".4.pdf", &copy);
    let file_name = changed.rsplit('/').next().unwrap().to_string();
    let result =
        portal::catalogue::pipeline::import_paths(&t.db, &t.store(), &[copy], false, &|_, _| {})
            .await;
    let message = match result {
        Err(e) => e.to_string(),
        Ok(report) => format!("{:?}", report.rejected),
    };
    assert!(message.contains(&file_name), "names the file: {message}");
    assert_eq!(
        t.count("file").await,
        0,
        "nothing of the package is imported"
    );
    let masters: i64 = sqlx::query_scalar("select count(*) from masters")
        .fetch_one(&t.db.pool)
        .await
        .unwrap();
    assert_eq!(masters, 0);
}
