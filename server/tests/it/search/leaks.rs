//! The security invariant in search: words planted only in conditional (02) records — title,
//! subject, keyword, description, issuing body, number/symbol, a conditional fonds, a public
//! item inside a conditional file — never reach an anonymous searcher under `stub` or `hidden`:
//! no total, hit, snippet, facet, suggestion or hint, in the JSON API or the search page, while
//! staff search finds them. Mode changes, withdrawals and purges reach search at once (hits
//! are re-checked against the database) and the counts once the indexes catch up.

use super::*;
use crate::support::*;
use portal::config::Visibility;

/// Every planted word; each appears only in conditional records.
const CANARIES: &[&str] = &[
    "kanarytitle",
    "kanarysubject",
    "kanarykeyword",
    "kanarydesc",
    "kanaryorgan",
    "kanarynote",
    "kanarychild",
    "kanaryfonds",
    "kanaryhistory",
    "kanaryinner",
];
/// A word only public records carry.
const PUBLIC_WORD: &str = "openheron";

const F1: &str = "H98.1.1996.01.001";
const F2: &str = "H98.1.1996.01.002";
const F3: &str = "H98.2.1996.01.001";

fn fonds_csv(conditional_mode: &str) -> String {
    format!(
        "{FONDS_HEADER}\
         H98.1,H98,Ủy ban nhân dân tỉnh Thử Nghiệm,1990-2010,01,01,01,Lịch sử phông công khai\n\
         H98.2,H98,Kanaryfonds tỉnh Thử Nghiệm,1990-2010,01,01,{conditional_mode},Lịch sử kanaryhistory\n"
    )
}

const FILE_HEADER: &str = "fondsCode,catalogNo,fileCode,fileNotation,title,maintenance,mode,language,startDate,endDate,keyword,description\n";

/// The public file (title and keyword carry the public word).
fn f1_row(mode: &str) -> String {
    format!(
        "H98.1,1,{F1},01.001,Hồ sơ công khai Openheron,01,{mode},01,16/01/1996,19/09/1996,openheron,ghi chú\n"
    )
}

/// The conditional file.
fn f2_row(mode: &str) -> String {
    format!(
        "H98.1,1,{F2},01.002,Hồ sơ kanarytitle hạn chế,01,{mode},01,03/1996,11/1996,kanarykeyword,kanarydesc\n"
    )
}

/// A public file in the conditional fonds.
fn f3_row() -> String {
    format!("H98.2,1,{F3},01.001,Hồ sơ kanaryinner,01,01,01,1996,1996,,\n")
}

const DOC_HEADER: &str = "fileCode,docOrdinal,docId,typeName,codeNumber,codeNotation,issuedDate,organName,subject,language,mode,keyword,description\n";

fn f1_item1(mode: &str) -> String {
    format!(
        "{F1},1,{F1}.1,02,12,QĐ-UBND,05/02/1996,Ủy ban nhân dân tỉnh,về việc Openheron công khai,01,{mode},,\n"
    )
}

/// A conditional item of the public file: every text field carries a canary.
fn f1_item2() -> String {
    format!(
        "{F1},2,{F1}.2,02,777,KANARYNOTE,06/02/1996,Cơ quan kanaryorgan,về việc kanarysubject,01,02,kanarykeyword,kanarydesc\n"
    )
}

/// A public item inside the conditional file.
fn f2_item1() -> String {
    format!(
        "{F2},1,{F2}.1,02,13,QĐ-UBND,07/02/1996,Ủy ban nhân dân tỉnh,về việc kanarychild trong hồ sơ hạn chế,01,01,kanarykeyword,\n"
    )
}

/// Fonds H98.1 (public) and H98.2 (conditional) with the planted records.
async fn planted() -> TestDb {
    let t = TestDb::new().await;
    let files = format!("{FILE_HEADER}{}{}{}", f1_row("01"), f2_row("02"), f3_row());
    let docs = format!("{DOC_HEADER}{}{}{}", f1_item1("01"), f1_item2(), f2_item1());
    let r = t
        .import_csv(&[
            ("fonds.csv", &fonds_csv("02")),
            ("files.csv", &files),
            ("documents.csv", &docs),
        ])
        .await;
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    assert_eq!(
        t.effective_mode(&format!("{F2}.1")).await.as_deref(),
        Some("02")
    );
    t
}

/// A planted catalogue served with `vis`, its indexes caught up.
async fn planted_server(vis: Visibility) -> (TestDb, String) {
    let t = planted().await;
    let base = t.serve(vis).await;
    t.sync().await;
    (t, base)
}

/// The canaries a text mentions (case-insensitively).
fn canaries_in(text: &str) -> Vec<&'static str> {
    let lower = text.to_lowercase();
    CANARIES
        .iter()
        .copied()
        .filter(|c| lower.contains(c))
        .collect()
}

/// Whether every facet of a page is empty.
fn facets_empty(page: &Value) -> bool {
    page["facets"]
        .as_object()
        .expect("facets")
        .values()
        .all(|v| v.as_array().is_some_and(|a| a.is_empty()))
}

/// Searches that only the planted conditional text could answer.
fn canary_queries() -> Vec<String> {
    let mut q: Vec<String> = CANARIES.iter().map(|c| c.to_string()).collect();
    q.extend(
        [
            // One typo each: typo tolerance and "did you mean" must not reach them either.
            "kanarytitel",
            "kanarysubjetc",
            "kanaryorgam",
            "kanarychidl",
            // Upper case, a quoted phrase, the number/symbol of the conditional item.
            "KANARYTITLE",
            "\"kanarytitle hạn chế\"",
            "777/KANARYNOTE",
            "Quyết định số 777/KANARYNOTE",
        ]
        .map(String::from),
    );
    q
}

/// Asserts that no public answer reveals the canaries, under a visibility that hides them.
async fn assert_nothing_leaks(base: &str, vis: Visibility) {
    for q in canary_queries() {
        let (status, body) = get_with(base, "/api/v1/search", &[("q", &q)], None).await;
        assert_eq!(status, 200, "{vis:?} q={q}: {body}");
        let page: Value = serde_json::from_str(&body).expect("json");
        assert_eq!(total(&page), 0, "{vis:?} q={q} finds something: {body}");
        assert!(hits(&page).is_empty(), "{vis:?} q={q}: {body}");
        assert!(facets_empty(&page), "{vis:?} q={q} counts facets: {body}");
        assert!(
            canaries_in(&body).is_empty(),
            "{vis:?} q={q} mentions {:?}: {body}",
            canaries_in(&body)
        );
        // The same with a filter (a remove-filter hint would count the hidden units).
        let (_, body) = get_with(
            base,
            "/api/v1/search",
            &[("q", &q), ("level", "file")],
            None,
        )
        .await;
        assert!(
            canaries_in(&body).is_empty() && !body.contains("remove_filter"),
            "{vis:?} q={q}&level=file: {body}"
        );
    }
    // Whole-catalogue listings: stubs may appear, their text may not (fonds labels included).
    for params in [
        vec![("per_page", "100")],
        vec![("access", "conditional"), ("per_page", "100")],
        vec![("fonds", "H98.2"), ("per_page", "100")],
        vec![("level", "fonds")],
        vec![("q", "hồ sơ"), ("per_page", "100")],
        vec![("q", "về việc"), ("per_page", "100")],
        vec![("q", "Quyết định"), ("per_page", "100")],
    ] {
        let (status, body) = get_with(base, "/api/v1/search", &params, None).await;
        assert_eq!(status, 200, "{vis:?} {params:?}: {body}");
        assert!(
            canaries_in(&body).is_empty(),
            "{vis:?} {params:?} mentions {:?}: {body}",
            canaries_in(&body)
        );
    }
    // Completions come from the public index only.
    for prefix in [
        "kanary", "kanaryt", "kanarys", "kanaryc", "kanaryf", "kanaryo", "kanaryd", "kanaryk",
        "kanaryh", "kanaryi", "kanaryn",
    ] {
        let s = suggest(base, prefix).await;
        assert_eq!(
            s["suggestions"].as_array().map(Vec::len),
            Some(0),
            "{vis:?} suggest {prefix}: {s}"
        );
    }
    // The search page (server-rendered). It echoes what was typed, so it is asked with a typo
    // of a canary, and must show neither the real word nor any other planted word nor a link
    // to a conditional record.
    let (status, page) = get_with(base, "/search", &[("q", PUBLIC_WORD)], None).await;
    if status == 404 {
        // The /search page is being built by another part of the project; until it exists
        // only the JSON API can be checked.
        return;
    }
    assert_eq!(status, 200, "{vis:?} /search?q={PUBLIC_WORD}");
    assert!(
        page.contains("Hồ sơ công khai Openheron"),
        "{vis:?}: the search page shows public results, so absence below means something"
    );
    for q in ["kanarytitel", "kanarysubject", "kanarychild", "kanaryfond"] {
        let (status, page) = get_with(base, "/search", &[("q", q)], None).await;
        assert_eq!(status, 200, "{vis:?} /search?q={q}");
        let leaked: Vec<&str> = canaries_in(&page).into_iter().filter(|c| *c != q).collect();
        assert!(leaked.is_empty(), "{vis:?} /search?q={q} shows {leaked:?}");
        for code in [
            format!("{F1}.2"),
            F2.to_string(),
            format!("{F2}.1"),
            F3.to_string(),
        ] {
            assert!(
                !page.contains(&format!("/records/{code}\"")),
                "{vis:?} /search?q={q} links the conditional {code}"
            );
        }
    }
}

/// Staff search finds every planted word: the canaries are indexed, just not publicly.
async fn assert_staff_finds_them(base: &str) {
    for q in CANARIES.iter().copied().chain(["777/KANARYNOTE"]) {
        let page = staff_search(base, &[("q", q)]).await;
        assert!(total(&page) >= 1, "staff search for {q}: {page}");
        assert!(
            hits(&page)
                .iter()
                .all(|h| h["access"] == "conditional" && h["title"].is_string()),
            "staff hits for {q} are the conditional records with their text: {page}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn conditional_words_never_reach_a_public_search_as_stubs() {
    let (_t, base) = planted_server(Visibility::Stub).await;
    // The probe sees public text, so the absence of the canaries means something.
    let public = search_q(&base, PUBLIC_WORD).await;
    assert_eq!(codes(&public).len(), 2, "{public}");
    assert!(
        !suggest(&base, "openher").await["suggestions"]
            .as_array()
            .expect("suggestions")
            .is_empty()
    );
    assert_nothing_leaks(&base, Visibility::Stub).await;
    assert_staff_finds_them(&base).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn conditional_words_never_reach_a_public_search_when_hidden() {
    let (_t, base) = planted_server(Visibility::Hidden).await;
    assert_eq!(total(&search_q(&base, PUBLIC_WORD).await), 2);
    assert_nothing_leaks(&base, Visibility::Hidden).await;
    // Hidden means hidden: not even the codes of conditional units are found.
    for code in [F2, F3, "H98.2"] {
        let page = search_q(&base, code).await;
        assert!(
            !codes(&page).iter().any(|c| c.starts_with(code)),
            "hidden {code} found: {page}"
        );
    }
    let all = search(&base, &[("per_page", "100")]).await;
    assert_eq!(
        facet(&all, "access"),
        vec![("public".to_string(), total(&all))],
        "only public units are counted: {all}"
    );
    assert_staff_finds_them(&base).await;
}

/// With `metadata` the public sees the description of conditional units on the record page
/// (leaks.rs), so search may find them by it — but never shows more than the record page, and
/// marks them conditional.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_metadata_visibility_search_shows_no_more_than_the_record_page() {
    let (_t, base) = planted_server(Visibility::Metadata).await;
    for q in CANARIES {
        let page = search_q(&base, q).await;
        for h in hits(&page) {
            let code = h["code"].as_str().expect("code");
            assert_eq!(h["access"], "conditional", "q={q}: {h}");
            let (status, record) = get(&format!("{base}/api/v1/records/{code}")).await;
            assert_eq!(status, 200, "q={q}: hit {code} has no public record page");
            let record: Value = serde_json::from_str(&record).expect("json");
            assert_eq!(h["title"], record["title"], "q={q}: {code}");
        }
    }
    assert_staff_finds_them(&base).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stub_hit_for_a_conditional_code_carries_no_text() {
    let (_t, base) = planted_server(Visibility::Stub).await;
    for code in [F2, "h98.1.1996.01.002"] {
        let page = search_q(&base, code).await;
        let first = &hits(&page)[0];
        assert_eq!(first["code"], F2, "{page}");
        assert_eq!(first["access"], "conditional");
        assert_eq!(first["title"], Value::Null);
        assert_eq!(first["snippet"], Value::Null);
        assert_eq!(first["date"], Value::Null);
        assert_eq!(first["years"], serde_json::json!([1996, 1996]));
        assert_eq!(first["fonds"], "H98.1");
        assert!(canaries_in(&page.to_string()).is_empty(), "{page}");
    }
    // A stub is found by its code, never by its words.
    assert_eq!(
        total(&search_q(&base, &format!("{F2} kanarytitle")).await),
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restriction_hides_the_text_at_once_and_the_counts_after_sync() {
    let (t, base) = planted_server(Visibility::Stub).await;
    let before = search_q(&base, PUBLIC_WORD).await;
    let found: Vec<String> = codes(&before);
    assert_eq!(found.len(), 2, "{before}");
    assert!(found.contains(&F1.to_string()) && found.contains(&format!("{F1}.1")));
    let all = search(&base, &[]).await;
    let access = facet(&all, "access");

    // 01 → 02 by re-import: the text is gone from every answer right after the import, before
    // the indexes have caught up (every hit is re-read from the database).
    let files = format!("{FILE_HEADER}{}", f1_row("02"));
    let r = t.import_csv(&[("files.csv", &files)]).await;
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    let (_, body) = get_with(&base, "/api/v1/search", &[("q", PUBLIC_WORD)], None).await;
    assert!(
        !body.to_lowercase().contains(PUBLIC_WORD),
        "restricted text served before sync: {body}"
    );
    let stub = search_q(&base, F1).await;
    assert_eq!(stub["hits"][0]["code"], F1, "{stub}");
    assert_eq!(stub["hits"][0]["title"], Value::Null, "{stub}");
    let s = suggest(&base, "openher").await;
    assert!(
        !s.to_string().to_lowercase().contains(PUBLIC_WORD),
        "suggested before sync: {s}"
    );

    // Once caught up, nothing counts it any more, and the units are counted as stubs.
    t.sync().await;
    let after = search_q(&base, PUBLIC_WORD).await;
    assert_eq!(total(&after), 0, "{after}");
    assert!(facets_empty(&after), "{after}");
    let all_after = search(&base, &[]).await;
    assert_eq!(total(&all_after), total(&all), "stubs stay listed");
    let count = |list: &[(String, u64)], v: &str| {
        list.iter()
            .find(|(k, _)| k == v)
            .map(|(_, n)| *n)
            .unwrap_or(0)
    };
    let access_after = facet(&all_after, "access");
    // The file and its public item became conditional (its other item already was).
    assert_eq!(
        count(&access_after, "public"),
        count(&access, "public") - 2,
        "{access:?} → {access_after:?}"
    );
    assert_eq!(
        count(&access_after, "conditional"),
        count(&access, "conditional") + 2,
        "{access:?} → {access_after:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_release_to_public_makes_the_text_findable_after_sync() {
    let (t, base) = planted_server(Visibility::Stub).await;
    assert_eq!(total(&search_q(&base, "kanarytitle").await), 0);
    assert_eq!(total(&search_q(&base, "kanarychild").await), 0);
    let files = format!("{FILE_HEADER}{}", f2_row("01"));
    let r = t.import_csv(&[("files.csv", &files)]).await;
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    t.sync().await;
    let file = search_q(&base, "kanarytitle").await;
    assert_eq!(codes(&file), vec![F2.to_string()], "{file}");
    assert_eq!(file["hits"][0]["title"], "Hồ sơ kanarytitle hạn chế");
    assert_eq!(file["hits"][0]["access"], "public");
    assert!(
        file["hits"][0]["snippet"]
            .as_str()
            .is_some_and(|s| s.contains("<mark>kanarytitle</mark>")),
        "{file}"
    );
    // Its public item is public now too.
    let child = search_q(&base, "kanarychild").await;
    assert_eq!(codes(&child), vec![format!("{F2}.1")], "{child}");
    // Its own conditional mode still hides the other file's conditional item.
    assert_eq!(total(&search_q(&base, "kanarysubject").await), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_withdrawn_unit_and_its_descendants_leave_public_search() {
    let (t, base) = planted_server(Visibility::Stub).await;
    let all = total(&search(&base, &[]).await);
    assert_eq!(total(&search_q(&base, PUBLIC_WORD).await), 2);
    assert!(
        portal::catalogue::store::set_withdrawn(&t.db, F1, true)
            .await
            .expect("withdraw")
    );
    // At once: hits are re-checked (the file and, through it, its items).
    let now = search_q(&base, PUBLIC_WORD).await;
    assert!(hits(&now).is_empty(), "{now}");
    t.sync().await;
    assert_eq!(total(&search_q(&base, PUBLIC_WORD).await), 0);
    for code in [F1.to_string(), format!("{F1}.1"), format!("{F1}.2")] {
        let page = search_q(&base, &code).await;
        assert_eq!(total(&page), 0, "{code}: {page}");
    }
    // The file, its public item and its conditional item (a stub) are no longer counted.
    assert_eq!(total(&search(&base, &[]).await), all - 3);
    // Published again, they come back.
    assert!(
        portal::catalogue::store::set_withdrawn(&t.db, F1, false)
            .await
            .expect("publish again")
    );
    t.sync().await;
    assert_eq!(total(&search_q(&base, PUBLIC_WORD).await), 2);
    assert_eq!(total(&search(&base, &[]).await), all);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_unit_made_secret_leaves_both_indexes() {
    let (t, base) = planted_server(Visibility::Stub).await;
    let item = format!("{F1}.1");
    assert!(codes(&search_q(&base, PUBLIC_WORD).await).contains(&item));
    assert!(codes(&staff_search(&base, &[("q", "kanarytitle")]).await).contains(&F2.to_string()));

    // A public item and a conditional file (with its public item) become secret (03).
    let files = format!("{FILE_HEADER}{}", f2_row("03"));
    let docs = format!("{DOC_HEADER}{}", f1_item1("03"));
    let r = t
        .import_csv(&[("files.csv", &files), ("documents.csv", &docs)])
        .await;
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    t.sync().await;
    let public = search_q(&base, PUBLIC_WORD).await;
    assert_eq!(codes(&public), vec![F1.to_string()], "{public}");
    for (q, gone) in [
        (PUBLIC_WORD, item.as_str()),
        (item.as_str(), item.as_str()),
        ("kanarytitle", F2),
        ("kanarychild", F2),
        (F2, F2),
    ] {
        for page in [
            search_q(&base, q).await,
            staff_search(&base, &[("q", q)]).await,
        ] {
            assert!(
                !codes(&page).iter().any(|c| c.starts_with(gone)),
                "q={q}: {gone} still found: {page}"
            );
        }
    }
    // What else staff could find is still there.
    assert_eq!(
        total(&staff_search(&base, &[("q", "kanarysubject")]).await),
        1
    );
}
