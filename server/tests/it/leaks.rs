//! Leak tests: words planted only in conditional records never appear in any page or JSON
//! response served to an anonymous visitor, under every visibility setting that hides them.

use crate::support::*;
use portal::config::Visibility;

const CANARY: &str = "GRIFFONCANARY";
const PUBLIC_WORD: &str = "OPENHERON";

/// A fonds with a public file (one public and one conditional item) and a conditional file
/// (with a public item inside): every conditional text carries the canary.
async fn planted() -> TestDb {
    let t = TestDb::new().await;
    let f1 = file_code("H99.1", 1);
    let f2 = file_code("H99.1", 2);
    let files = format!(
        "{FILES_HEADER}{}{}",
        file_row("H99.1", 1, &format!("Hồ sơ {PUBLIC_WORD} công khai"), "01"),
        file_row("H99.1", 2, &format!("Hồ sơ {CANARY} hạn chế"), "02")
            .replace("từ khóa", &format!("khóa {CANARY}")),
    );
    let docs = format!(
        "{DOCS_HEADER}{}{}{}",
        item_row(&f1, 1, &format!("về việc {PUBLIC_WORD}"), "01"),
        item_row(&f1, 2, &format!("về việc {CANARY} riêng"), "02")
            .replace("Ủy ban nhân dân tỉnh", &format!("Cơ quan {CANARY}")),
        item_row(
            &f2,
            1,
            &format!("về việc {CANARY} trong hồ sơ hạn chế"),
            "01"
        ),
    );
    let r = t
        .import_csv(&[
            (
                "fonds.csv",
                &format!(
                    "{FONDS_HEADER}{}",
                    fonds_row("H99.1", "Ủy ban nhân dân tỉnh Thử Nghiệm", "01")
                ),
            ),
            ("files.csv", &files),
            ("documents.csv", &docs),
        ])
        .await;
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    t
}

/// Every public URL a visitor could reach around the planted records.
fn urls(base: &str) -> Vec<String> {
    let f1 = file_code("H99.1", 1);
    let f2 = file_code("H99.1", 2);
    let mut paths = vec![
        "/".to_string(),
        "/fonds".into(),
        "/fonds?lang=en".into(),
        "/records/H99.1".into(),
        "/records/H99.1-ML1".into(),
    ];
    for code in [
        f1.clone(),
        f2.clone(),
        format!("{f1}.1"),
        format!("{f1}.2"),
        format!("{f2}.1"),
        "NO.SUCH.CODE".into(),
    ] {
        paths.push(format!("/records/{code}"));
        paths.push(format!("/records/{code}?lang=en"));
        paths.push(format!("/api/v1/records/{code}"));
        paths.push(format!("/api/v1/records/{code}/children"));
    }
    paths.push("/api/v1/records/H99.1-ML1/children?limit=500".into());
    paths.push("/api/v1/records/H99.1-ML1/children?limit=abc".into());
    paths.into_iter().map(|p| format!("{base}{p}")).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn conditional_words_never_reach_an_anonymous_visitor() {
    let t = planted().await;
    for vis in [Visibility::Stub, Visibility::Hidden] {
        let base = t.serve(vis).await;
        let mut public_seen = false;
        for url in urls(&base) {
            let (status, body) = get(&url).await;
            assert!(
                !body.contains(CANARY),
                "{vis:?}: {url} ({status}) leaks the canary"
            );
            public_seen |= body.contains(PUBLIC_WORD);
        }
        // The server functions the hydrated pages call answer from the same public view.
        let client = reqwest::Client::new();
        let page = serde_json::json!({"after": null, "before": null, "limit": null});
        let mut calls = vec![
            (format!("{base}/sfn/home"), None),
            (
                format!("{base}/sfn/fonds"),
                Some(serde_json::json!({"page": page})),
            ),
        ];
        for code in [
            file_code("H99.1", 1),
            file_code("H99.1", 2),
            format!("{}.2", file_code("H99.1", 1)),
            "H99.1-ML1".into(),
        ] {
            calls.push((
                format!("{base}/sfn/record"),
                Some(serde_json::json!({"code": code, "page": page})),
            ));
        }
        for (url, body) in calls {
            let req = match body {
                Some(b) => client.post(&url).json(&b),
                None => client.post(&url),
            };
            let resp = req.send().await.expect("server function call");
            let status = resp.status().as_u16();
            let text = resp.text().await.expect("body");
            assert!(
                [200, 404].contains(&status),
                "{vis:?}: {url} answered {status}: {text}"
            );
            assert!(!text.contains(CANARY), "{vis:?}: {url} leaks the canary");
            public_seen |= text.contains(PUBLIC_WORD);
        }
        // The probe can see public text, so the absence of the canary means something.
        assert!(public_seen, "public text should be visible");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stub_shows_code_and_notice_but_hidden_shows_nothing() {
    let t = planted().await;
    let f2 = file_code("H99.1", 2);
    let stub = t.serve(Visibility::Stub).await;
    let (status, body) = get(&format!("{stub}/api/v1/records/{f2}")).await;
    assert_eq!(status, 200);
    let json: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(json["access"], "conditional");
    assert_eq!(json["title"], serde_json::Value::Null);
    assert_eq!(json["years"], serde_json::json!([1996, 1996]));
    let (status, page) = get(&format!("{stub}/records/{f2}")).await;
    assert_eq!(status, 200);
    assert!(
        page.contains(&f2) && page.contains("Sử dụng có điều kiện"),
        "stub page lacks code or notice"
    );

    let hidden = t.serve(Visibility::Hidden).await;
    assert_eq!(get(&format!("{hidden}/api/v1/records/{f2}")).await.0, 404);
    assert_eq!(get(&format!("{hidden}/records/{f2}")).await.0, 404);
    let (_, kids) = get(&format!("{hidden}/api/v1/records/H99.1-ML1/children")).await;
    let kids: serde_json::Value = serde_json::from_str(&kids).expect("json");
    assert_eq!(kids["total"], 1);
    assert!(!kids.to_string().contains(&f2));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metadata_visibility_shows_the_description_of_conditional_units() {
    let t = planted().await;
    let base = t.serve(Visibility::Metadata).await;
    let (_, body) = get(&format!("{base}/api/v1/records/{}", file_code("H99.1", 2))).await;
    assert!(
        body.contains(CANARY),
        "metadata visibility should show the description"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mode_change_to_conditional_removes_public_text_at_once() {
    let t = planted().await;
    let base = t.serve(Visibility::Stub).await;
    let url = format!("{base}/records/{}", file_code("H99.1", 1));
    assert!(get(&url).await.1.contains(PUBLIC_WORD));
    let files = format!(
        "{FILES_HEADER}{}",
        file_row("H99.1", 1, &format!("Hồ sơ {PUBLIC_WORD} công khai"), "02")
    );
    t.import_csv(&[("files.csv", &files)]).await;
    let (status, body) = get(&url).await;
    assert_eq!(status, 200);
    assert!(
        !body.contains(PUBLIC_WORD),
        "the title must be gone as soon as the import ends"
    );
    let (_, item) = get(&format!(
        "{base}/api/v1/records/{}.1",
        file_code("H99.1", 1)
    ))
    .await;
    assert!(
        !item.contains(PUBLIC_WORD),
        "items of the file became conditional too"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn withdrawn_units_disappear_from_the_public_portal() {
    let t = planted().await;
    let base = t.serve(Visibility::Stub).await;
    let f1 = file_code("H99.1", 1);
    assert!(
        portal::catalogue::store::set_withdrawn(&t.db, &f1, true)
            .await
            .expect("withdraw")
    );
    assert_eq!(get(&format!("{base}/records/{f1}")).await.0, 404);
    assert_eq!(get(&format!("{base}/api/v1/records/{f1}.1")).await.0, 404);
    let (_, kids) = get(&format!("{base}/api/v1/records/H99.1-ML1/children")).await;
    assert!(!kids.contains(&f1));
}
