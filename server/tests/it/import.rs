//! Import from CSV fixtures: counts, series, rejections that lose nothing else, idempotent
//! re-import, dry runs, and a secret-text byte scan of every file the portal wrote.

use crate::support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_catalogue_folder_imports_every_level_and_creates_series() {
    let t = TestDb::new().await;
    let r = t.import_csv(&borrow(&small_catalogue(3, 4))).await;
    assert_eq!(
        (
            r.inserted.fonds,
            r.inserted.series,
            r.inserted.files,
            r.inserted.items
        ),
        (1, 1, 3, 12),
        "{r:?}"
    );
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    assert_eq!(t.count("item").await, 12);
    let series_parent: Option<String> = sqlx::query_scalar(
        "select p.code from units u join units p on p.unit_id = u.parent_id where u.code = $1",
    )
    .bind(file_code("H99.1", 1))
    .fetch_one(&t.db.pool)
    .await
    .expect("parent");
    assert_eq!(series_parent.as_deref(), Some("H99.1-ML1"));
    let counts: (i64, i64) =
        sqlx::query_as("select child_count, open_child_count from units where code = 'H99.1-ML1'")
            .fetch_one(&t.db.pool)
            .await
            .expect("row");
    assert_eq!(counts, (3, 3));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reimporting_the_same_input_changes_nothing() {
    let t = TestDb::new().await;
    let cat = small_catalogue(2, 3);
    t.import_csv(&borrow(&cat)).await;
    let r = t.import_csv(&borrow(&cat)).await;
    assert_eq!(r.inserted.total() + r.updated.total(), 0, "{r:?}");
    assert_eq!(
        (r.unchanged.fonds, r.unchanged.files, r.unchanged.items),
        (1, 2, 6)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_absent_column_keeps_the_field_and_an_empty_cell_clears_it() {
    let t = TestDb::new().await;
    t.import_csv(&borrow(&small_catalogue(1, 1))).await;
    let code = file_code("H99.1", 1);
    // No keyword column: keyword stays. Empty description: cleared. New title: updated.
    let partial = format!("fileCode,title,description\n{code},Hồ sơ đã sửa tiêu đề,\n");
    let r = t.import_csv(&[("files.csv", &partial)]).await;
    assert_eq!(r.updated.files, 1, "{r:?}");
    let (title, meta): (String, String) =
        sqlx::query_as("select title, metadata from units where code = $1")
            .bind(&code)
            .fetch_one(&t.db.pool)
            .await
            .expect("row");
    assert_eq!(title, "Hồ sơ đã sửa tiêu đề");
    assert_eq!(
        t.effective_mode(&code).await.as_deref(),
        Some("01"),
        "no mode column: the stored mode stays"
    );
    assert!(meta.contains("\"keyword\":\"từ khóa\""), "{meta}");
    assert!(!meta.contains("description"), "{meta}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_rows_are_rejected_with_line_field_and_reason_and_good_rows_still_land() {
    let t = TestDb::new().await;
    t.import_csv(&borrow(&small_catalogue(1, 0))).await;
    let file = file_code("H99.1", 1);
    let docs = format!(
        "{DOCS_HEADER}{}{}{}{}{}",
        item_row(&file, 1, "về việc tốt", "01"),
        item_row(&file, 2, "về việc ngày sai", "01").replace("05/02/1996", "31/02/1996"),
        item_row("H99.1.1996.01.999", 1, "về việc hồ sơ không có", "01"),
        item_row(&file, 3, "về việc chế độ sai", "05"),
        item_row(&file, 1, "về việc trùng mã", "01"),
    );
    let r = t.import_csv(&[("documents.csv", &docs)]).await;
    assert_eq!(r.inserted.items, 1, "{r:?}");
    let by_line: Vec<(u64, &str)> = r
        .rejected
        .iter()
        .map(|x| (x.line, x.field.as_str()))
        .collect();
    assert_eq!(
        by_line,
        vec![
            (3, "issuedDate"),
            (4, "fileCode"),
            (5, "mode"),
            (6, "docId")
        ],
        "{:?}",
        r.rejected
    );
    assert!(
        r.rejected[0].reason.contains("31/02/1996"),
        "{}",
        r.rejected[0].reason
    );
    assert!(
        r.rejected[1].reason.contains("H99.1.1996.01.999"),
        "{}",
        r.rejected[1].reason
    );
    assert!(
        r.rejected[3].reason.contains("dòng 2"),
        "{}",
        r.rejected[3].reason
    );
    assert_eq!(r.exit_code(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreadable_file_is_rejected_whole_with_its_line() {
    let t = TestDb::new().await;
    let folder = t.write_folder(&[(
        "documents.csv",
        &format!("{DOCS_HEADER}\"H99.1,1,\"broken\n"),
    )]);
    let err =
        portal::catalogue::pipeline::import_paths(&t.db, &t.store(), &[folder], false, &|_, _| {})
            .await;
    match err {
        Err(portal::catalogue::pipeline::ImportError::Unreadable(msg)) => {
            assert!(msg.contains("documents.csv"), "{msg}")
        }
        other => panic!("expected an unreadable-input error, got {other:?}"),
    }
    assert_eq!(t.count("item").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dry_run_reports_but_writes_nothing() {
    let t = TestDb::new().await;
    let folder = t.write_folder(&borrow(&small_catalogue(2, 2)));
    let r =
        portal::catalogue::pipeline::import_paths(&t.db, &t.store(), &[folder], true, &|_, _| {})
            .await
            .expect("dry run");
    assert!(r.dry_run);
    assert_eq!(r.inserted.items, 4);
    assert_eq!(
        t.count("item").await + t.count("file").await + t.count("fonds").await,
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secret_rows_are_counted_and_never_reach_any_file_on_disk() {
    let t = TestDb::new().await;
    let mut cat = small_catalogue(1, 1);
    cat[1]
        .1
        .push_str(&file_row("H99.1", 2, "Hồ sơ SECRETWALRUS tối mật", "03"));
    cat[2].1.push_str(&item_row(
        &file_code("H99.1", 2),
        1,
        "về việc SECRETWALRUS con",
        "01",
    ));
    cat[2].1.push_str(&item_row(
        &file_code("H99.1", 1),
        2,
        "về việc SECRETOTTER riêng",
        "03",
    ));
    let r = t.import_csv(&borrow(&cat)).await;
    assert_eq!(r.skipped_secret, 3, "{r:?}");
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    assert_eq!(t.count("item").await, 1);
    // The input folder holds the secret words: scan only what the portal wrote.
    if t.is_sqlite() {
        t.db.checkpoint().await.expect("checkpoint");
        assert_no_bytes(&t, &["SECRETWALRUS", "SECRETOTTER"]);
    }
    let report = serde_json::to_string(&r).expect("json");
    assert!(
        !report.contains("SECRETWALRUS") && !report.contains("SECRETOTTER"),
        "{report}"
    );
}

/// Asserts that no file the portal wrote (database, WAL, shared memory) contains any word.
pub fn assert_no_bytes(t: &TestDb, words: &[&str]) {
    for entry in std::fs::read_dir(t.dir.path()).expect("read dir").flatten() {
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        let bytes = std::fs::read(&path).expect("read");
        for w in words {
            assert!(
                !bytes.windows(w.len()).any(|win| win == w.as_bytes()),
                "{w} found in {}",
                path.display()
            );
        }
    }
}
