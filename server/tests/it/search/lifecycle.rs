//! The indexes are derived from the database: a deleted index folder is rebuilt by the next
//! server, `portal reindex` rebuilds both indexes while no server runs, and a catalogue
//! imported by another process (`portal import`) becomes searchable on a running server
//! without anyone asking.

use super::fixture::judged_csv;
use super::*;
use crate::support::*;
use app::search::SearchParams;
use portal::config::{SearchEngine, Visibility};
use portal::search::{Audience, Search};
use std::process::Stdio;
use std::time::{Duration, Instant};

/// Searches whose totals are compared before and after a rebuild: (q, one filter).
const PROBES: &[(&str, Option<(&str, &str)>)] = &[
    ("", None),
    ("Kon Tum", None),
    ("thủy điện Plei Krông", None),
    ("3016/KH-UBND", None),
    ("quyết định", Some(("level", "item"))),
    ("", Some(("access", "conditional"))),
];

fn params(q: &str, filter: Option<(&str, &str)>) -> SearchParams {
    let mut p = SearchParams::default();
    p.set("q", Some(q.to_string()));
    if let Some((k, v)) = filter {
        p.set(k, Some(v.to_string()));
    }
    p
}

/// The totals of [`PROBES`] and the staff total, asked of a search service in this process.
async fn totals_in_process(s: &Search) -> Vec<u64> {
    let mut out = Vec::new();
    for (q, filter) in PROBES {
        let page = s
            .search(&params(q, *filter), Audience::Public)
            .await
            .expect("search");
        out.push(page.total);
    }
    let staff = s
        .search(&SearchParams::default(), Audience::Staff)
        .await
        .expect("staff search");
    out.push(staff.total);
    out
}

/// The same totals over HTTP.
async fn totals_over_http(base: &str) -> Vec<u64> {
    let mut out = Vec::new();
    for (q, filter) in PROBES {
        let mut p = vec![("q", *q)];
        p.extend(*filter);
        out.push(total(&search(base, &p).await));
    }
    out.push(total(&staff_search(base, &[]).await));
    out
}

/// The judged catalogue and a small generated corpus (with conditional and secret rows).
async fn catalogue() -> TestDb {
    let t = TestDb::new().await;
    let noise = t.write_corpus(300, 11);
    let judged = judged_csv();
    let folder = t.write_folder(&borrow(&judged));
    let r = t.import(&[&noise, &folder]).await;
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    t
}

/// Units stored and not withdrawn: what the staff index holds, and (conditional units as
/// stubs) the public one.
async fn stored_units(t: &TestDb) -> u64 {
    let n: i64 = sqlx::query_scalar("select count(*) from units where withdrawn = 0")
        .fetch_one(&t.db.pool)
        .await
        .expect("count");
    u64::try_from(n).expect("count")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_index_folder_is_rebuilt_by_the_next_server() {
    if test_engine() != SearchEngine::Embedded {
        // Only the embedded engine keeps an index folder; Meilisearch keeps its own.
        return;
    }
    let t = catalogue().await;
    let config = test_config(t.dir.path(), Visibility::Stub);
    let before = {
        let indexes = portal::search::open(&config, &t.db).await.expect("open");
        let s = Search::new(t.db.clone(), indexes, Visibility::Stub);
        s.indexer().catch_up(&|_, _| {}).await.expect("index");
        totals_in_process(&s).await
        // Dropping the service releases the index writer, as a stopped server does.
    };
    let all = stored_units(&t).await;
    assert_eq!(before[0], all, "everything stored is in the public index");
    assert_eq!(*before.last().expect("staff"), all);
    assert!(before.iter().all(|n| *n > 0), "{before:?}");

    let folder = t.dir.path().join("index");
    let entries = std::fs::read_dir(&folder).map_or(0, |d| d.count());
    assert!(
        entries >= 2,
        "the public and staff indexes live in {}",
        folder.display()
    );
    std::fs::remove_dir_all(&folder).expect("delete the index folder");

    let base = t.serve_config(config).await;
    t.sync().await;
    assert_eq!(totals_over_http(&base).await, before);
    let plan = search_q(&base, "3016/KH-UBND").await;
    assert_eq!(plan["hits"][0]["code"], "H34.10.2008.01.012.1", "{plan}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn portal_reindex_rebuilds_both_indexes_from_the_database() {
    let t = catalogue().await;
    let config = test_config(t.dir.path(), Visibility::Stub);
    let out = t
        .portal_command(&config)
        .arg("reindex")
        .stdout(Stdio::null())
        .output()
        .expect("portal reindex runs");
    assert!(
        out.status.success(),
        "portal reindex: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The indexes answer as the command left them: no indexer runs in this process.
    let indexes = portal::search::open(&config, &t.db).await.expect("open");
    let s = Search::new(t.db.clone(), indexes, Visibility::Stub);
    let rebuilt = totals_in_process(&s).await;
    let all = stored_units(&t).await;
    assert_eq!(rebuilt[0], all, "every stored unit is in the public index");
    assert_eq!(
        *rebuilt.last().expect("staff"),
        all,
        "and in the staff index"
    );
    assert!(rebuilt.iter().all(|n| *n > 0), "{rebuilt:?}");
    let plan = s
        .search(&params("3016/KH-UBND", None), Audience::Public)
        .await
        .expect("search");
    assert_eq!(plan.hits[0].code, "H34.10.2008.01.012.1");
    drop(s);

    // A server started on the data directory finds the same.
    let base = t.serve_config(config).await;
    t.sync().await;
    assert_eq!(totals_over_http(&base).await, rebuilt);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_by_another_process_becomes_searchable_on_a_running_server() {
    let t = TestDb::new().await;
    t.import_csv(&borrow(&small_catalogue(2, 2))).await;
    let config = test_config(t.dir.path(), Visibility::Stub);
    let base = t.serve_config(config.clone()).await;
    t.sync().await;
    assert_eq!(total(&search_q(&base, "latecomer").await), 0);

    let files = format!(
        "{FILES_HEADER}{}",
        file_row("H99.1", 7, "Hồ sơ latecomer mới nhập", "01")
    );
    let docs = format!(
        "{DOCS_HEADER}{}{}",
        item_row(
            &file_code("H99.1", 7),
            1,
            "về việc latecomer thứ nhất",
            "01"
        ),
        item_row(&file_code("H99.1", 7), 2, "về việc latecomer thứ hai", "02"),
    );
    let folder = t.write_folder(&[("files.csv", &files), ("documents.csv", &docs)]);
    let out = t
        .portal_command(&config)
        .arg("import")
        .arg(&folder)
        .stdout(Stdio::null())
        .output()
        .expect("portal import runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "portal import: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The running server follows the other process's changes by itself (within a second is
    // the requirement; five seconds bound the wait). No sync here: that is the point.
    let start = Instant::now();
    let (mut found, mut staff) = (Vec::new(), 0);
    while start.elapsed() < Duration::from_secs(5) {
        found = codes(&search_q(&base, "latecomer").await);
        found.sort();
        // The staff index is committed just after the public one.
        staff = total(&staff_search(&base, &[("q", "latecomer")]).await);
        if found.len() == 2 && staff == 3 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let file = file_code("H99.1", 7);
    assert_eq!(
        found,
        vec![file.clone(), format!("{file}.1")],
        "after {:?} the public search finds {found:?}",
        start.elapsed()
    );
    // The conditional item is in the staff index too, but not found by its words publicly.
    assert_eq!(
        staff,
        3,
        "after {:?} staff search finds {staff}",
        start.elapsed()
    );
}
