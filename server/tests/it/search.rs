//! Search over the real HTTP API (`GET /api/v1/search`, `/api/v1/suggest`): judged relevance
//! against a generated background corpus, the leak invariant under every visibility setting,
//! facets, dates, paging and parameters, and the index lifecycle (rebuild, `portal reindex`,
//! another process's import). Shared helpers live here; the tests in the submodules.

mod behaviour;
mod fixture;
mod leaks;
mod lifecycle;
mod relevance;

use crate::support::FEED_TOKEN;
use serde_json::Value;

/// GET `path` on `base` with query `params`, optionally with a bearer token; status and body.
pub async fn get_with(
    base: &str,
    path: &str,
    params: &[(&str, &str)],
    token: Option<&str>,
) -> (u16, String) {
    let client = reqwest::Client::new();
    let mut req = client.get(format!("{base}{path}")).query(params);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let resp = req.send().await.expect("request");
    let status = resp.status().as_u16();
    (status, resp.text().await.expect("body"))
}

/// A public search; asserts 200 and returns the JSON page.
pub async fn search(base: &str, params: &[(&str, &str)]) -> Value {
    let (status, body) = get_with(base, "/api/v1/search", params, None).await;
    assert_eq!(status, 200, "search {params:?}: {body}");
    serde_json::from_str(&body).expect("search answers JSON")
}

/// A staff search (the feed token); asserts 200 and returns the JSON page.
pub async fn staff_search(base: &str, params: &[(&str, &str)]) -> Value {
    let (status, body) = get_with(base, "/api/v1/search", params, Some(FEED_TOKEN)).await;
    assert_eq!(status, 200, "staff search {params:?}: {body}");
    serde_json::from_str(&body).expect("search answers JSON")
}

/// A public search for the text `q` alone.
pub async fn search_q(base: &str, q: &str) -> Value {
    search(base, &[("q", q)]).await
}

/// The completions for `q`, as the JSON answer.
pub async fn suggest(base: &str, q: &str) -> Value {
    let (status, body) = get_with(base, "/api/v1/suggest", &[("q", q)], None).await;
    assert_eq!(status, 200, "suggest {q}: {body}");
    serde_json::from_str(&body).expect("suggest answers JSON")
}

/// The `total` of a page.
pub fn total(page: &Value) -> u64 {
    page["total"].as_u64().expect("total")
}

/// The codes of a page's hits, in order.
pub fn codes(page: &Value) -> Vec<String> {
    hits(page)
        .iter()
        .map(|h| h["code"].as_str().expect("code").to_string())
        .collect()
}

/// The hits of a page.
pub fn hits(page: &Value) -> &Vec<Value> {
    page["hits"].as_array().expect("hits")
}

/// The values and counts of one facet of a page.
pub fn facet(page: &Value, name: &str) -> Vec<(String, u64)> {
    page["facets"][name]
        .as_array()
        .unwrap_or_else(|| panic!("facet {name} in {page}"))
        .iter()
        .map(|v| {
            (
                v["value"].as_str().expect("value").to_string(),
                v["count"].as_u64().expect("count"),
            )
        })
        .collect()
}

/// Every code a search finds, walking its pages of `per_page` (at most 100 pages).
pub async fn all_codes(base: &str, params: &[(&str, &str)], per_page: u32) -> Vec<String> {
    let per = per_page.to_string();
    let mut out = Vec::new();
    for page in 1..=100u32 {
        let n = page.to_string();
        let mut p = params.to_vec();
        p.push(("per_page", &per));
        p.push(("page", &n));
        let got = search(base, &p).await;
        let c = codes(&got);
        let last = c.len() < per_page as usize;
        out.extend(c);
        if last {
            break;
        }
    }
    out
}
