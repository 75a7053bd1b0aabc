//! Conditional pages never reach the public (domain.md §3 rules 2 and 3): every image route,
//! thumbnail, manifest, collection, PDF and search snippet is tried anonymously, under every
//! visibility setting; staff get them; a reader with a grant gets a watermarked reading copy.

use super::fixture::{self, CANARY, CONDITIONAL_FILE, PUBLIC_FILE};
use crate::support::{FEED_TOKEN, TestDb};
use portal::config::Visibility;
use portal::iiif::auth::Viewer;

/// Every image URL form a client could try for an image.
fn image_urls(base: &str, id: &str) -> Vec<String> {
    [
        "info.json",
        "full/max/0/default.jpg",
        "0,0,256,256/256,/0/default.jpg",
        "full/!150,150/0/default.jpg",
        "full/pct:10/0/gray.png",
        "square/max/90/default.webp",
    ]
    .iter()
    .map(|p| format!("{base}/iiif/3/{id}/{p}"))
    .collect()
}

async fn conditional_images(t: &TestDb) -> Vec<String> {
    let mut ids = fixture::images_of(t, &format!("{PUBLIC_FILE}.3")).await;
    ids.extend(fixture::images_of(t, &format!("{CONDITIONAL_FILE}.1")).await);
    assert_eq!(ids.len(), 2);
    ids
}

#[tokio::test]
async fn anonymous_visitors_get_no_conditional_page_by_any_route() {
    let t = TestDb::new().await;
    fixture::load(&t).await;
    let ids = conditional_images(&t).await;
    for visibility in [Visibility::Stub, Visibility::Metadata, Visibility::Hidden] {
        let base = t.serve(visibility).await;
        t.sync().await;
        for id in &ids {
            for url in image_urls(&base, id) {
                let (status, body) = crate::support::get(&url).await;
                assert_eq!(status, 403, "{visibility:?} {url}");
                assert!(
                    !body.contains("mật danh") && !body.contains("biên giới"),
                    "{body}"
                );
                let probe = format!("{base}/iiif/auth/probe/image/{id}");
                let (_, p) = crate::support::get(&probe).await;
                assert!(p.contains("\"status\":401"), "{p}");
            }
        }
        for code in [
            format!("{PUBLIC_FILE}.3"),
            format!("{CONDITIONAL_FILE}.1"),
            CONDITIONAL_FILE.to_string(),
        ] {
            for url in [
                format!("{base}/iiif/3/manifests/{code}"),
                format!("{base}/api/v1/records/{code}/pdf"),
            ] {
                let (status, body) = crate::support::get(&url).await;
                assert!(
                    status == 403 || status == 404,
                    "{visibility:?} {url}: {status}"
                );
                assert!(
                    !body.contains("mật danh") && !body.contains("biên giới"),
                    "{body}"
                );
            }
            // The record page (if the record is listed at all) shows no page image.
            let (_, html) = crate::support::get(&format!("{base}/records/{code}")).await;
            for id in &ids {
                assert!(
                    !html.contains(id.as_str()),
                    "{visibility:?} {code}: image {id} on the page"
                );
            }
        }
        // The public file's manifest and record page leave the conditional item's pages out.
        let (_, m) = crate::support::get(&format!("{base}/iiif/3/manifests/{PUBLIC_FILE}")).await;
        let (_, html) = crate::support::get(&format!("{base}/records/{PUBLIC_FILE}")).await;
        for id in &ids {
            assert!(
                !m.contains(id.as_str()),
                "{visibility:?}: {id} in the file's manifest"
            );
            assert!(
                !html.contains(id.as_str()),
                "{visibility:?}: {id} on the file's page"
            );
        }
        // The page text of a conditional item is not searchable, not even as a count.
        let (status, s) = crate::support::get(&format!("{base}/api/v1/search?q={CANARY}")).await;
        assert_eq!(status, 200);
        assert!(s.contains("\"total\":0"), "{visibility:?}: {s}");
        assert!(!s.contains(CANARY));
        let (_, s) = crate::support::get(&format!("{base}/api/v1/suggest?q={CANARY}")).await;
        assert!(!s.contains(CANARY), "{s}");
    }
}

#[tokio::test]
async fn staff_see_conditional_pages_and_find_their_text() {
    let t = TestDb::new().await;
    fixture::load(&t).await;
    let ids = conditional_images(&t).await;
    let base = t.serve(Visibility::Stub).await;
    t.sync().await;
    let client = reqwest::Client::new();
    for id in &ids {
        for url in image_urls(&base, id) {
            let r = client
                .get(&url)
                .bearer_auth(FEED_TOKEN)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200, "{url}");
            assert!(
                r.headers()["cache-control"]
                    .to_str()
                    .unwrap()
                    .contains("no-store"),
                "{url}: never in a shared cache"
            );
        }
    }
    // The progress view of page jobs is for staff only.
    let (status, _) = crate::support::get(&format!("{base}/admin/status")).await;
    assert_eq!(status, 401);
    let (status, _) = crate::support::get(&format!("{base}/api/v1/jobs")).await;
    assert_eq!(status, 401);
    let r = client
        .get(format!("{base}/admin/status"))
        .bearer_auth(FEED_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("<progress") || html.contains("Không có công việc đang chạy"));
    let jobs: serde_json::Value = client
        .get(format!("{base}/api/v1/jobs"))
        .bearer_auth(FEED_TOKEN)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(jobs["ingest"]["done"], 4, "{jobs}");
    // The access service's cookie works like the token; a wrong token sets nothing.
    let wrong = client
        .post(format!("{base}/iiif/auth/access"))
        .form(&[("token", "nope")])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    assert!(wrong.headers().get("set-cookie").is_none());
    let ok = client
        .post(format!("{base}/iiif/auth/access"))
        .form(&[("token", FEED_TOKEN)])
        .send()
        .await
        .unwrap();
    let cookie = ok.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.contains("HttpOnly") && !cookie.contains(FEED_TOKEN));
    let pair = cookie.split(';').next().unwrap().to_string();
    let r = client
        .get(format!("{base}/iiif/3/{}/info.json", ids[0]))
        .header("Cookie", &pair)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let info: serde_json::Value = r.json().await.unwrap();
    assert_eq!(info["service"][0]["type"], "AuthProbeService2", "{info}");
    let token = client
        .get(format!(
            "{base}/iiif/auth/token?messageId=7&origin=http://viewer.example"
        ))
        .header("Cookie", &pair)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(token.contains("AuthAccessToken2") && token.contains("\"messageId\":\"7\""));
    let r = client
        .get(format!("{base}/iiif/3/manifests/{CONDITIONAL_FILE}"))
        .bearer_auth(FEED_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    // Staff search finds the page text.
    let s = client
        .get(format!("{base}/api/v1/search?q={CANARY}"))
        .bearer_auth(FEED_TOKEN)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(s.contains(&format!("{PUBLIC_FILE}.3")), "{s}");
}

#[tokio::test]
async fn a_reader_with_a_grant_gets_a_watermarked_copy_and_no_download() {
    let t = TestDb::new().await;
    fixture::load(&t).await;
    let ids = conditional_images(&t).await;
    let unit: i64 = sqlx::query_scalar("select unit_id from units where code = $1")
        .bind(format!("{CONDITIONAL_FILE}.1"))
        .fetch_one(&t.db.pool)
        .await
        .unwrap();
    let images = portal::iiif::serve::Images::new(
        t.db.clone(),
        t.store(),
        "Trung tâm Lưu trữ lịch sử tỉnh Thử Nghiệm",
        fixture::FONT.into(),
    );
    let id = &ids[1];
    let params = ["full", "max", "0", "default.png"];
    let headers = axum::http::HeaderMap::new();
    let fetch = |viewer: Viewer| {
        let images = &images;
        let headers = &headers;
        async move {
            match images.image(id, params, &viewer, headers).await {
                Ok(r) => {
                    let cache = r.headers()["cache-control"].to_str().unwrap().to_string();
                    let body = axum::body::to_bytes(r.into_body(), usize::MAX)
                        .await
                        .unwrap();
                    Some((cache, image::load_from_memory(&body).unwrap().to_rgb8()))
                }
                Err(_) => None,
            }
        }
    };
    let (_, full) = fetch(Viewer::Staff).await.expect("staff");
    let (cache, copy) = fetch(Viewer::Reader { grants: vec![unit] })
        .await
        .expect("a reader with a grant");
    assert!(cache.contains("no-store"));
    assert!(
        fetch(Viewer::Reader {
            grants: vec![unit + 1000]
        })
        .await
        .is_none()
    );
    assert!(fetch(Viewer::Public).await.is_none());
    let (w, h) = full.dimensions();
    assert_eq!(copy.dimensions(), (w, h));
    let differs = |y0: u32, y1: u32| {
        (y0..y1).any(|y| (0..w).any(|x| full.get_pixel(x, y) != copy.get_pixel(x, y)))
    };
    assert!(differs(h * 9 / 10, h), "the watermark is at the bottom");
    assert!(!differs(0, h / 2), "the top half is untouched");
}
