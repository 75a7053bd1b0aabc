//! Mode changes on re-import: effective modes follow the most restrictive ancestor, a unit
//! that becomes secret is purged with its descendants (and its text leaves the disk), and
//! every change is logged.

use crate::import::assert_no_bytes;
use crate::support::*;

fn files_with_mode(mode: &str) -> String {
    format!(
        "{FILES_HEADER}{}",
        file_row("H99.1", 1, "Hồ sơ MOONWHALE về đất đai", mode)
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_conditional_file_makes_its_public_items_conditional_and_back() {
    let t = TestDb::new().await;
    t.import_csv(&borrow(&small_catalogue(1, 3))).await;
    let file = file_code("H99.1", 1);
    let item = format!("{file}.2");
    let r = t.import_csv(&[("files.csv", &files_with_mode("02"))]).await;
    assert_eq!(r.updated.files, 1, "{r:?}");
    assert_eq!(t.effective_mode(&item).await.as_deref(), Some("02"));
    let open: i64 =
        sqlx::query_scalar("select open_child_count from units where code = 'H99.1-ML1'")
            .fetch_one(&t.db.pool)
            .await
            .expect("count");
    assert_eq!(open, 0);
    t.import_csv(&[("files.csv", &files_with_mode("01"))]).await;
    assert_eq!(t.effective_mode(&item).await.as_deref(), Some("01"));
    assert!(
        inconsistencies(&t.db).await.is_empty(),
        "{:?}",
        inconsistencies(&t.db).await
    );
    let changes: i64 = sqlx::query_scalar("select count(*) from access_changes where code = $1")
        .bind(&file)
        .fetch_one(&t.db.pool)
        .await
        .expect("log");
    assert_eq!(changes, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_unit_that_becomes_secret_is_purged_with_its_items_and_leaves_no_text() {
    let t = TestDb::new().await;
    t.import_csv(&borrow(&small_catalogue(2, 3))).await;
    t.import_csv(&[("files.csv", &files_with_mode("01"))]).await;
    let r = t.import_csv(&[("files.csv", &files_with_mode("03"))]).await;
    assert_eq!(r.skipped_secret, 1);
    assert_eq!(r.purged, 4, "{r:?}");
    assert_eq!(t.effective_mode(&file_code("H99.1", 1)).await, None);
    assert_eq!(
        t.effective_mode(&format!("{}.1", file_code("H99.1", 1)))
            .await,
        None
    );
    assert_eq!(t.count("item").await, 3);
    let files: i64 = sqlx::query_scalar("select child_count from units where code = 'H99.1-ML1'")
        .fetch_one(&t.db.pool)
        .await
        .expect("count");
    assert_eq!(files, 1);
    let logged: Option<String> = sqlx::query_scalar(
        "select new_mode from access_changes where code = $1 order by access_change_id desc",
    )
    .bind(file_code("H99.1", 1))
    .fetch_optional(&t.db.pool)
    .await
    .expect("log");
    assert_eq!(logged.as_deref(), Some("03"));
    assert!(
        inconsistencies(&t.db).await.is_empty(),
        "{:?}",
        inconsistencies(&t.db).await
    );
    if t.is_sqlite() {
        assert_no_bytes(&t, &["MOONWHALE"]);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn items_of_a_file_skipped_as_secret_in_the_same_import_are_secret_not_rejected() {
    let t = TestDb::new().await;
    let mut cat = small_catalogue(1, 1);
    cat[1].1 = format!("{FILES_HEADER}{}", file_row("H99.1", 1, "Hồ sơ mật", "03"));
    let r = t.import_csv(&borrow(&cat)).await;
    assert_eq!((r.skipped_secret, r.rejected.len()), (2, 0), "{r:?}");
}
