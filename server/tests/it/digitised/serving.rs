//! Pages in, IIIF out: the import stores masters and queues jobs, the jobs write pyramids, and
//! the Image and Presentation APIs serve them with IIIF's headers.

use super::fixture::{self, PAGE_PHRASE, PUBLIC_FILE};
use crate::support::TestDb;
use portal::config::Visibility;
use serde_json::Value;

async fn json(url: &str) -> (u16, Value) {
    let r = reqwest::get(url).await.expect("request");
    let status = r.status().as_u16();
    let text = r.text().await.expect("body");
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

#[tokio::test]
async fn info_json_and_tiles_come_from_the_pyramid_with_iiif_headers() {
    let t = TestDb::new().await;
    fixture::load(&t).await;
    let base = t.serve(Visibility::Stub).await;
    let ids = fixture::images_of(&t, &format!("{PUBLIC_FILE}.1")).await;
    assert_eq!(ids.len(), 2);
    let (status, info) = json(&format!("{base}/iiif/3/{}/info.json", ids[0])).await;
    assert_eq!(status, 200);
    assert_eq!(info["width"], 1001);
    assert_eq!(info["height"], 757);
    assert_eq!(info["type"], "ImageService3");
    assert_eq!(info["profile"], "level2");
    assert_eq!(info["id"], format!("{base}/iiif/3/{}", ids[0]));

    // The last column's tile of level 1 (x from 512, width 489), as OpenSeadragon asks for it.
    let client = reqwest::Client::new();
    let tile = format!("{base}/iiif/3/{}/512,0,489,512/489,/0/default.jpg", ids[0]);
    let r = client.get(&tile).send().await.expect("tile");
    assert_eq!(r.status(), 200);
    let h = r.headers().clone();
    assert_eq!(h["content-type"], "image/jpeg");
    assert_eq!(h["access-control-allow-origin"], "*");
    assert!(h["link"].to_str().unwrap().contains("level2"));
    assert!(h["cache-control"].to_str().unwrap().contains("public"));
    let etag = h["etag"].clone();
    let bytes = r.bytes().await.expect("bytes");
    let img = image::load_from_memory(&bytes).expect("a JPEG");
    assert_eq!((img.width(), img.height()), (489, 512));
    // Asked again with its ETag: 304.
    let again = client
        .get(&tile)
        .header("If-None-Match", etag)
        .send()
        .await
        .expect("tile");
    assert_eq!(again.status(), 304);

    // A computed request: gray, rotated, PNG.
    let r = reqwest::get(format!("{base}/iiif/3/{}/full/100,/90/gray.png", ids[0]))
        .await
        .expect("render");
    assert_eq!(r.status(), 200);
    let img = image::load_from_memory(&r.bytes().await.unwrap()).expect("a PNG");
    assert!(
        (75..=76).contains(&img.width()),
        "rotated: the height becomes the width"
    );
    assert_eq!(img.height(), 100);
    // Bad parameters name themselves.
    let (status, body) = crate::support::get(&format!(
        "{base}/iiif/3/{}/full/max/45x/default.jpg",
        ids[0]
    ))
    .await;
    assert_eq!(status, 400, "{body}");
    // The base URI redirects to info.json.
    let r = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(format!("{base}/iiif/3/{}", ids[0]))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let (status, _) = crate::support::get(&format!("{base}/iiif/3/nosuchimage/info.json")).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn manifests_collections_record_pages_and_pdf() {
    let t = TestDb::new().await;
    fixture::load(&t).await;
    let base = t.serve(Visibility::Stub).await;
    // The file's manifest: its public items' pages (2 + 2), one range per item; not item 3's.
    let (status, m) = json(&format!("{base}/iiif/3/manifests/{PUBLIC_FILE}")).await;
    assert_eq!(status, 200);
    assert_eq!(m["type"], "Manifest");
    assert_eq!(m["items"].as_array().unwrap().len(), 4);
    assert_eq!(m["structures"].as_array().unwrap().len(), 2);
    assert!(m["requiredStatement"].is_object());
    assert_eq!(
        m["rights"],
        "http://creativecommons.org/publicdomain/mark/1.0/"
    );
    assert!(
        !m.to_string().contains("mật danh"),
        "the conditional item's title"
    );
    // The item's manifest.
    let (status, m) = json(&format!("{base}/iiif/3/manifests/{PUBLIC_FILE}.2")).await;
    assert_eq!(status, 200);
    assert_eq!(m["items"].as_array().unwrap().len(), 2);
    // A unit without pages has no manifest.
    let (status, _) = json(&format!("{base}/iiif/3/manifests/H77.1")).await;
    assert_eq!(status, 404);
    // The fonds collection lists the public file only.
    let (status, c) = json(&format!("{base}/iiif/3/collections/H77.1")).await;
    assert_eq!(status, 200);
    let items = c["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{c}");
    assert!(items[0]["id"].as_str().unwrap().ends_with(PUBLIC_FILE));

    // The record page shows the pages (no JavaScript needed) and the manifest.
    let (status, html) = crate::support::get(&format!("{base}/records/{PUBLIC_FILE}.1")).await;
    assert_eq!(status, 200);
    let ids = fixture::images_of(&t, &format!("{PUBLIC_FILE}.1")).await;
    assert!(
        html.contains(&format!("/iiif/3/{}/", ids[0])),
        "page image on the record page"
    );
    assert!(html.contains(&format!("/iiif/3/manifests/{PUBLIC_FILE}.1")));

    // The whole record as PDF.
    let r = reqwest::get(format!("{base}/api/v1/records/{PUBLIC_FILE}.1/pdf"))
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let bytes = r.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let media = portal::iiif::decode::MediaType::Pdf;
    assert_eq!(portal::iiif::decode::page_count(&bytes, media).unwrap(), 2);
    let _ = PAGE_PHRASE;
}

#[tokio::test]
async fn words_inside_a_scanned_page_find_the_record_at_that_page() {
    let t = TestDb::new().await;
    fixture::load(&t).await;
    let base = t.serve(Visibility::Stub).await;
    t.sync().await;
    let (status, page) = json(&format!(
        "{base}/api/v1/search?q={}",
        urlencode("hop tac xa nong nghiep Dak To")
    ))
    .await;
    assert_eq!(status, 200, "{page}");
    let hits = page["hits"].as_array().unwrap();
    let hit = hits
        .iter()
        .find(|h| h["code"] == format!("{PUBLIC_FILE}.2"))
        .unwrap_or_else(|| panic!("the item whose page has the words: {page}"));
    assert_eq!(hit["page"], 2, "{hit}");
    assert!(hit["snippet"].as_str().unwrap().contains("<mark>"));
    assert!(hit["thumbnail"].as_str().unwrap().starts_with("/iiif/3/"));
}

#[tokio::test]
async fn deleted_derivatives_come_back_from_the_masters() {
    let t = TestDb::new().await;
    fixture::load(&t).await;
    let store = t.store();
    let ids = fixture::images_of(&t, &format!("{PUBLIC_FILE}.1")).await;
    std::fs::remove_dir_all(store.derivatives_root()).expect("delete derivatives");
    let (rebuilt, failures) =
        portal::iiif::ingest::rebuild_derivatives(&t.db, &store, false, &|_, _| {})
            .await
            .expect("rebuild");
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(rebuilt, 6, "every image");
    assert!(store.derivative_dir(&ids[0]).join("layout.json").exists());
    // And a server finds a missing pyramid by itself.
    std::fs::remove_dir_all(store.derivative_dir(&ids[1])).unwrap();
    let base = t.serve(Visibility::Stub).await;
    let (status, _) = json(&format!("{base}/iiif/3/{}/info.json", ids[1])).await;
    assert_eq!(status, 200);
    let r = reqwest::get(format!("{base}/iiif/3/{}/full/max/0/default.jpg", ids[1]))
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn a_unit_that_becomes_secret_takes_its_pages_images_and_masters_with_it() {
    let t = TestDb::new().await;
    fixture::load(&t).await;
    let store = t.store();
    let ids = fixture::images_of(&t, &format!("{PUBLIC_FILE}.2")).await;
    let master: String = sqlx::query_scalar("select master from images where image_id = $1")
        .bind(&ids[0])
        .fetch_one(&t.db.pool)
        .await
        .unwrap();
    let docs = format!(
        "{}{}",
        crate::support::DOCS_HEADER,
        crate::support::item_row(PUBLIC_FILE, 2, "về việc giao đất", "03")
    );
    let report = t.import_csv(&[("documents.csv", &docs)]).await;
    assert_eq!(report.purged, 1);
    assert!(
        fixture::images_of(&t, &format!("{PUBLIC_FILE}.2"))
            .await
            .is_empty()
    );
    for id in &ids {
        assert!(!store.derivative_dir(id).exists(), "derivatives of {id}");
        let n: i64 = sqlx::query_scalar("select count(*) from images where image_id = $1")
            .bind(id)
            .fetch_one(&t.db.pool)
            .await
            .unwrap();
        assert_eq!(n, 0);
    }
    assert!(!store.master_path(&master).exists(), "the master");
}

fn urlencode(s: &str) -> String {
    s.replace(' ', "+")
}
