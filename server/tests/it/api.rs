//! The JSON API and pages over HTTP on loopback: records, keyset paging of children through a
//! long list, 404 and 400 answers, the health check and the language switch.

use crate::support::*;
use portal::config::Visibility;
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn children_are_paged_by_cursor_through_a_long_list_in_order() {
    let t = TestDb::new().await;
    t.import_csv(&borrow(&small_catalogue(1, 120))).await;
    let base = t.serve(Visibility::Stub).await;
    let file = file_code("H99.1", 1);
    let mut seen = Vec::new();
    let mut url = format!("{base}/api/v1/records/{file}/children?limit=50");
    let mut pages = 0;
    loop {
        let (status, body) = get(&url).await;
        assert_eq!(status, 200, "{body}");
        let page: Value = serde_json::from_str(&body).expect("json");
        assert_eq!(page["total"], 120);
        for item in page["items"].as_array().expect("items") {
            seen.push(item["code"].as_str().expect("code").to_string());
        }
        pages += 1;
        match page["next"].as_str() {
            Some(next) => {
                url = format!(
                    "{base}/api/v1/records/{file}/children?limit=50&after={}",
                    urlencode(next)
                )
            }
            None => break,
        }
    }
    assert_eq!(pages, 3);
    let expected: Vec<String> = (1..=120).map(|i| format!("{file}.{i}")).collect();
    assert_eq!(
        seen, expected,
        "children in docOrdinal order, none lost or repeated"
    );

    // Back from the last page with `before`.
    let (_, body) = get(&format!(
        "{base}/api/v1/records/{file}/children?limit=50&after={}",
        urlencode(&format!("100~{file}.100"))
    ))
    .await;
    let last: Value = serde_json::from_str(&body).expect("json");
    let prev = last["prev"].as_str().expect("prev cursor");
    let (_, body) = get(&format!(
        "{base}/api/v1/records/{file}/children?limit=50&before={}",
        urlencode(prev)
    ))
    .await;
    let back: Value = serde_json::from_str(&body).expect("json");
    assert_eq!(back["items"][0]["code"], format!("{file}.51"));
    assert_eq!(back["items"][49]["code"], format!("{file}.100"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn records_answer_with_parents_metadata_and_codes() {
    let t = TestDb::new().await;
    t.import_csv(&borrow(&small_catalogue(1, 2))).await;
    let base = t.serve(Visibility::Stub).await;
    let (status, body) = get(&format!(
        "{base}/api/v1/records/{}.2",
        file_code("H99.1", 1)
    ))
    .await;
    assert_eq!(status, 200);
    let r: Value = serde_json::from_str(&body).expect("json");
    assert_eq!(r["level"], "item");
    assert_eq!(r["access"], "public");
    assert_eq!(r["date"], "05/02/1996");
    assert_eq!(r["fonds_code"], "H99.1");
    let parents: Vec<&str> = r["parents"]
        .as_array()
        .expect("parents")
        .iter()
        .filter_map(|p| p["code"].as_str())
        .collect();
    assert_eq!(parents, vec!["H99.1", "H99.1-ML1", "H99.1.1996.01.001"]);
    assert!(
        r["metadata"]
            .as_array()
            .expect("metadata")
            .iter()
            .any(|m| m["field"] == "typeName" && m["value"] == "02")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_codes_are_404_and_bad_parameters_are_400_naming_the_parameter() {
    let t = TestDb::new().await;
    t.import_csv(&borrow(&small_catalogue(1, 2))).await;
    let base = t.serve(Visibility::Stub).await;
    let (status, body) = get(&format!("{base}/api/v1/records/NO.SUCH")).await;
    assert_eq!(status, 404);
    assert_eq!(
        serde_json::from_str::<Value>(&body).expect("json")["error"],
        "not_found"
    );
    for (query, param) in [
        ("limit=0", "limit"),
        ("limit=abc", "limit"),
        ("after=garbage", "after"),
        ("after=1~A&before=1~B", "before"),
    ] {
        let (status, body) = get(&format!("{base}/api/v1/records/H99.1/children?{query}")).await;
        assert_eq!(status, 400, "{query}");
        assert_eq!(
            serde_json::from_str::<Value>(&body).expect("json")["parameter"],
            param,
            "{query}"
        );
    }
    let (status, page) = get(&format!("{base}/records/NO.SUCH")).await;
    assert_eq!(status, 404);
    assert!(page.contains("<html"), "a real 404 page");
    assert_eq!(
        get(&format!("{base}/healthz")).await,
        (200, "ok".to_string())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_render_without_javascript_in_vietnamese_and_english() {
    let t = TestDb::new().await;
    t.import_csv(&borrow(&small_catalogue(2, 2))).await;
    let base = t.serve(Visibility::Stub).await;
    let (status, home) = get(&format!("{base}/")).await;
    assert_eq!(status, 200, "{home}");
    assert!(home.contains("lang=\"vi\""), "Vietnamese by default");
    assert!(home.contains("Trung tâm Lưu trữ lịch sử tỉnh Thử Nghiệm"));
    assert!(home.contains("/records/H99.1"));
    let (status, item) = get(&format!("{base}/records/{}.1", file_code("H99.1", 1))).await;
    assert!(
        item.contains("Quyết định"),
        "typeName 02 shown as its name ({status}): {item}"
    );
    let (status, en) = get(&format!(
        "{base}/records/{}.1?lang=en",
        file_code("H99.1", 1)
    ))
    .await;
    assert!(
        en.contains("lang=\"en\"") && en.contains("Decision"),
        "English names ({status}): {en}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_openapi_document_describes_every_api_route() {
    let t = TestDb::new().await;
    let base = t.serve(Visibility::Stub).await;
    let (status, body) = get(&format!("{base}/api/v1/openapi.json")).await;
    assert_eq!(status, 200);
    let doc: Value = serde_json::from_str(&body).expect("json");
    assert_eq!(doc["openapi"], "3.1.0");
    for path in [
        "/api/v1/records/{code}",
        "/api/v1/records/{code}/children",
        "/api/v1/search",
        "/api/v1/suggest",
        "/api/v1/records/{code}/pdf",
        "/api/v1/jobs",
    ] {
        assert!(
            doc["paths"][path]["get"].is_object(),
            "{path} is documented"
        );
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
