//! Tests of the embedded engine on a real index in a temporary folder: apply, commit, search, reopen, remove, clear, and the writer lock.

use super::*;
use crate::access::Access;
use crate::catalogue::model::Level;
use crate::search::document::IndexDoc;
use crate::search::query::{self, Query};

fn doc(id: i64, code: &str, title: &str, body: &str) -> IndexDoc {
    IndexDoc {
        unit_id: id,
        code: code.into(),
        code_key: crate::search::fold::natural_key(code),
        level: Level::Item,
        fonds: "H1".into(),
        ancestors: vec!["H1".into()],
        title: title.into(),
        body: body.into(),
        issuer: String::new(),
        idents: vec![crate::search::fold::ident(code)],
        doc_type: Some("02".into()),
        langs: vec!["01".into()],
        start: Some(19_960_101),
        end: Some(19_961_231),
        decades: vec![1990],
        digitized: false,
        access: Access::Public,
    }
}

fn text_query(q: &str) -> Query {
    Query {
        text: query::parse_text(q).0,
        limit: 10,
        facets: true,
        ..Query::default()
    }
}

#[test]
fn apply_commit_search_and_reopen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let index = EmbeddedIndex::open(dir.path()).expect("open");
    assert_eq!(index.inner.applied().expect("applied"), None);
    index
        .inner
        .apply(Changes {
            upserts: vec![
                doc(
                    1,
                    "H1.1.1",
                    "Quyết định xây dựng trường tiểu học",
                    "giáo dục",
                ),
                doc(2, "H1.1.2", "Báo cáo về giao thông", "đường bộ"),
            ],
            removals: vec![],
            applied: Some(Applied {
                seq: 7,
                settings: "v1;test".into(),
            }),
        })
        .expect("apply");
    let found = index
        .inner
        .search(&text_query("quyet dinh xay dung"))
        .expect("search");
    assert_eq!(found.total, 1);
    assert_eq!(found.hits[0].unit_id, 1);
    assert_eq!(found.facets.doc_type, vec![("02".to_string(), 1)]);
    let snippet = found.hits[0].snippet.clone().expect("snippet");
    assert!(snippet.contains("<mark>Quyết</mark>"), "{snippet}");
    drop(index);

    let again = EmbeddedIndex::open(dir.path()).expect("reopen");
    assert_eq!(
        again.inner.applied().expect("applied"),
        Some(Applied {
            seq: 7,
            settings: "v1;test".into()
        })
    );
    again
        .inner
        .apply(Changes {
            removals: vec![1],
            applied: Some(Applied {
                seq: 8,
                settings: "v1;test".into(),
            }),
            ..Changes::default()
        })
        .expect("remove");
    assert_eq!(
        again
            .inner
            .search(&text_query("truong"))
            .expect("search")
            .total,
        0
    );
    assert_eq!(
        again
            .inner
            .search(&text_query("giao thông"))
            .expect("search")
            .total,
        1
    );
    again.inner.clear().expect("clear");
    assert_eq!(again.inner.applied().expect("applied"), None);
}

#[test]
fn openers_in_one_process_share_the_writer_and_another_writer_is_busy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = EmbeddedIndex::open(dir.path()).expect("open");
    let b = EmbeddedIndex::open(dir.path()).expect("open again");
    assert!(Arc::ptr_eq(&a.inner, &b.inner));
    a.inner.apply(Changes::default()).expect("first writer");
    b.inner.apply(Changes::default()).expect("the same writer");
    // What another process sees: the lock is taken.
    let other = EmbeddedIndex::create(dir.path(), SERVE_HEAP).expect("open outside the registry");
    let err = other
        .inner
        .apply(Changes::default())
        .expect_err("second writer");
    assert!(matches!(err, SearchError::Busy), "{err:?}");
}
