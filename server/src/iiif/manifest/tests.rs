//! Tests of the Presentation 3.0 manifests and collections: structure, ids, ranges, languages,
//! auth placement, no empty field; and, when the IIIF tools are installed, the iiif-prezi3 models.

use super::*;
use serde_json::{Value, json};

const BASE: &str = "https://lưu-trữ.example";

fn page(seq: u32) -> ManifestPage {
    ManifestPage {
        seq,
        image_id: format!("img{seq}"),
        width: 2480,
        height: 3508,
        label: String::new(),
    }
}

fn source() -> ManifestSource {
    ManifestSource {
        base: BASE.into(),
        code: "H34.10.1996.01".into(),
        label_vi: "Hồ sơ về việc thành lập xã Đăk Blà".into(),
        label_en: "File on the founding of Đăk Blà commune".into(),
        metadata: vec![
            (
                "Mã hồ sơ".into(),
                "Reference code".into(),
                "H34.10.1996.01".into(),
            ),
            (
                "Tiêu đề".into(),
                "Title".into(),
                "Thành lập xã Đăk Blà".into(),
            ),
            ("Ngày tháng".into(), "Date".into(), "12/03/1996".into()),
            ("Ghi chú".into(), "Note".into(), "   ".into()),
        ],
        summary: Some("Tờ trình và quyết định.".into()),
        rights: Some("http://rightsstatements.org/vocab/InC/1.0/".into()),
        required_statement: (
            "Trung tâm Lưu trữ tỉnh Kon Tum".into(),
            "Kon Tum Provincial Archives".into(),
        ),
        pages: vec![page(1), page(2), page(3), page(4)],
        ranges: vec![
            ManifestRange {
                code: "H34.10.1996.01.001".into(),
                label: "Tờ trình số 12/TTr-UBND".into(),
                pages: vec![1, 2],
            },
            ManifestRange {
                code: "H34.10.1996.01.002".into(),
                label: "Quyết định số 45/QĐ-UBND".into(),
                pages: vec![3, 4, 9],
            },
            ManifestRange {
                code: "H34.10.1996.01.003".into(),
                label: "Hidden item".into(),
                pages: vec![7, 8],
            },
        ],
        auth: None,
        provider: Some(Provider {
            label_vi: "Trung tâm Lưu trữ tỉnh Kon Tum".into(),
            label_en: "Kon Tum Provincial Archives".into(),
            homepage: None,
        }),
    }
}

/// Every object, array and string in `v` with its JSON path, for "nothing empty" checks.
fn empties(v: &Value, path: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            if map.is_empty() {
                out.push(path.to_string());
            }
            for (k, child) in map {
                empties(child, &format!("{path}.{k}"), out);
            }
        }
        Value::Array(items) => {
            if items.is_empty() {
                out.push(path.to_string());
            }
            for (i, child) in items.iter().enumerate() {
                empties(child, &format!("{path}[{i}]"), out);
            }
        }
        Value::String(s) if s.trim().is_empty() => out.push(path.to_string()),
        Value::Null => out.push(path.to_string()),
        _ => {}
    }
}

/// Every `label` in `v` (language maps).
fn labels<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                if k == "label" {
                    out.push(child);
                }
                labels(child, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|c| labels(c, out)),
        _ => {}
    }
}

#[test]
fn manifest_has_the_top_level_properties() {
    let m = manifest(&source());
    let id = "https://lưu-trữ.example/iiif/3/manifests/H34.10.1996.01";
    assert_eq!(m["@context"], CONTEXT);
    assert_eq!(m["id"], id);
    assert_eq!(m["type"], "Manifest");
    assert_eq!(m["label"]["vi"][0], "Hồ sơ về việc thành lập xã Đăk Blà");
    assert_eq!(
        m["label"]["en"][0],
        "File on the founding of Đăk Blà commune"
    );
    assert_eq!(m["summary"], json!({ "vi": ["Tờ trình và quyết định."] }));
    assert_eq!(m["rights"], "http://rightsstatements.org/vocab/InC/1.0/");
    assert_eq!(m["requiredStatement"]["label"]["vi"][0], "Ghi nguồn");
    assert_eq!(m["requiredStatement"]["label"]["en"][0], "Attribution");
    assert_eq!(
        m["requiredStatement"]["value"]["vi"][0],
        "Trung tâm Lưu trữ tỉnh Kon Tum"
    );
    assert_eq!(
        m["requiredStatement"]["value"]["en"][0],
        "Kon Tum Provincial Archives"
    );
    assert_eq!(m["behavior"], json!(["individuals"]));
    assert_eq!(m["provider"][0]["type"], "Agent");
    assert_eq!(m["provider"][0]["homepage"][0]["id"], format!("{BASE}/"));

    assert_eq!(
        m["homepage"][0]["id"],
        format!("{BASE}/records/H34.10.1996.01")
    );
    assert_eq!(m["homepage"][0]["type"], "Text");
    assert_eq!(m["homepage"][0]["format"], "text/html");
    let see_also = m["seeAlso"].as_array().unwrap();
    assert_eq!(see_also.len(), 2);
    assert_eq!(
        see_also[0]["id"],
        format!("{BASE}/api/v1/records/H34.10.1996.01")
    );
    assert_eq!(see_also[0]["format"], "application/json");
    assert_eq!(see_also[0]["type"], "Dataset");
    assert_eq!(
        see_also[1]["id"],
        format!("{BASE}/api/v1/records/H34.10.1996.01/ead")
    );
    assert_eq!(see_also[1]["format"], "application/xml");
    assert_eq!(see_also[1]["profile"], EAD_PROFILE);
}

#[test]
fn metadata_pairs_have_both_labels_and_tagged_values() {
    let m = manifest(&source());
    let metadata = m["metadata"].as_array().unwrap();
    assert_eq!(
        metadata.len(),
        3,
        "the blank note is left out: {metadata:?}"
    );
    assert_eq!(
        metadata[0]["label"],
        json!({ "vi": ["Mã hồ sơ"], "en": ["Reference code"] })
    );
    assert_eq!(
        metadata[0]["value"],
        json!({ "none": ["H34.10.1996.01"] }),
        "a code has no language"
    );
    assert_eq!(
        metadata[1]["value"],
        json!({ "vi": ["Thành lập xã Đăk Blà"] })
    );
    assert_eq!(metadata[2]["value"], json!({ "none": ["12/03/1996"] }));
}

#[test]
fn rights_that_are_not_a_cc_or_rightsstatements_uri_go_to_metadata() {
    let mut s = source();
    s.rights = Some("Bản quyền thuộc Trung tâm Lưu trữ tỉnh Kon Tum".into());
    let m = manifest(&s);
    assert!(m.get("rights").is_none(), "free text is not a rights URI");
    let last = m["metadata"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        last["label"],
        json!({ "vi": ["Quyền sử dụng"], "en": ["Rights"] })
    );
    assert_eq!(
        last["value"]["vi"][0],
        "Bản quyền thuộc Trung tâm Lưu trữ tỉnh Kon Tum"
    );

    s.rights = Some("https://creativecommons.org/licenses/by/4.0/".into());
    assert!(
        manifest(&s).get("rights").is_none(),
        "the specification wants the http:// form"
    );
    s.rights = Some("http://creativecommons.org/licenses/by/4.0/".into());
    assert_eq!(
        manifest(&s)["rights"],
        "http://creativecommons.org/licenses/by/4.0/"
    );
}

#[test]
fn one_canvas_per_page_painted_with_its_image() {
    let m = manifest(&source());
    let canvases = m["items"].as_array().unwrap();
    assert_eq!(canvases.len(), 4);
    for (i, canvas) in canvases.iter().enumerate() {
        let seq = i + 1;
        let id = format!("{BASE}/iiif/3/manifests/H34.10.1996.01/canvas/{seq}");
        assert_eq!(canvas["id"], id);
        assert_eq!(canvas["type"], "Canvas");
        assert_eq!(
            (canvas["width"].as_u64(), canvas["height"].as_u64()),
            (Some(2480), Some(3508))
        );
        assert_eq!(
            canvas["label"],
            json!({ "vi": [format!("Trang {seq}")], "en": [format!("Page {seq}")] })
        );
        let pages = canvas["items"].as_array().unwrap();
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0]["type"], "AnnotationPage");
        let annotations = pages[0]["items"].as_array().unwrap();
        assert_eq!(annotations.len(), 1);
        let a = &annotations[0];
        assert_eq!(a["type"], "Annotation");
        assert_eq!(a["motivation"], "painting");
        assert_eq!(a["target"], id, "the annotation paints its own canvas");
        let body = &a["body"];
        assert_eq!(
            body["id"],
            format!("{BASE}/iiif/3/img{seq}/full/max/0/default.jpg")
        );
        assert_eq!(body["type"], "Image");
        assert_eq!(body["format"], "image/jpeg");
        assert_eq!(body["width"], 2480);
        assert_eq!(body["height"], 3508);
        let service = &body["service"][0];
        assert_eq!(service["id"], format!("{BASE}/iiif/3/img{seq}"));
        assert_eq!(service["type"], "ImageService3");
        assert_eq!(service["profile"], "level2");
        assert!(
            service.get("service").is_none(),
            "no auth service on a public image"
        );
    }
}

#[test]
fn every_id_is_unique() {
    /// Ids of the resources the manifest defines (not references to them, which repeat ids).
    fn ids(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                let defined = match map.get("type").and_then(Value::as_str) {
                    Some("Manifest" | "AnnotationPage" | "Annotation" | "Range") => true,
                    Some("Canvas") => map.contains_key("items"),
                    _ => false,
                };
                if let (true, Some(Value::String(id))) = (defined, map.get("id")) {
                    out.push(id.clone());
                }
                map.values().for_each(|c| ids(c, out));
            }
            Value::Array(items) => items.iter().for_each(|c| ids(c, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    ids(&manifest(&source()), &mut all);
    assert_eq!(
        all.len(),
        1 + 4 * 3 + 2,
        "manifest, 4 × (canvas, page, annotation), 2 ranges: {all:?}"
    );
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(all.len(), unique.len(), "duplicate ids among {all:?}");
}

#[test]
fn page_labels_of_the_source_are_kept() {
    let mut s = source();
    s.pages[1].label = "1v".into();
    s.pages[2].label = "3".into();
    s.pages[3].label = "Trang 4".into();
    let m = manifest(&s);
    assert_eq!(
        m["items"][1]["label"],
        json!({ "vi": ["Trang 2 (1v)"], "en": ["Page 2 (1v)"] })
    );
    assert_eq!(
        m["items"][2]["label"],
        json!({ "vi": ["Trang 3"], "en": ["Page 3"] })
    );
    assert_eq!(
        m["items"][3]["label"],
        json!({ "vi": ["Trang 4"], "en": ["Page 4"] })
    );
}

#[test]
fn an_english_label_identical_to_the_vietnamese_is_no_translation() {
    let mut s = source();
    s.label_en = s.label_vi.clone();
    let m = manifest(&s);
    assert_eq!(
        m["label"],
        json!({ "vi": ["Hồ sơ về việc thành lập xã Đăk Blà"] })
    );
    let c = collection(BASE, "H34", "Phông H34", "Phông H34", &[]);
    assert_eq!(c["label"], json!({ "vi": ["Phông H34"] }));
}

#[test]
fn ranges_point_only_at_existing_canvases() {
    let m = manifest(&source());
    let canvases: Vec<&Value> = m["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["id"])
        .collect();
    let ranges = m["structures"].as_array().unwrap();
    assert_eq!(
        ranges.len(),
        2,
        "the item whose pages are all absent has no range"
    );
    let manifest_id = m["id"].as_str().unwrap();
    assert_eq!(ranges[0]["id"], format!("{manifest_id}/range/1"));
    assert_eq!(ranges[1]["id"], format!("{manifest_id}/range/2"));
    assert_eq!(
        ranges[0]["label"],
        json!({ "vi": ["Tờ trình số 12/TTr-UBND"] })
    );
    assert_eq!(
        ranges[1]["items"].as_array().unwrap().len(),
        2,
        "page 9 does not exist"
    );
    for range in ranges {
        assert_eq!(range["type"], "Range");
        for item in range["items"].as_array().unwrap() {
            assert_eq!(item["type"], "Canvas");
            assert!(
                canvases.contains(&&item["id"]),
                "{} is not a canvas",
                item["id"]
            );
        }
    }
}

#[test]
fn auth_services_sit_inside_the_image_service() {
    let probe = json!({
        "id": format!("{BASE}/iiif/auth/probe/img1"),
        "type": "AuthProbeService2",
        "service": [{ "id": format!("{BASE}/dang-nhap"), "type": "AuthAccessService2", "profile": "active" }],
    });
    let mut s = source();
    s.auth = Some(probe.clone());
    let m = manifest(&s);
    let body = &m["items"][0]["items"][0]["items"][0]["body"];
    assert!(
        body["service"].as_array().unwrap().len() == 1,
        "one image service on the body"
    );
    assert_eq!(body["service"][0]["type"], "ImageService3");
    assert_eq!(body["service"][0]["service"], json!([probe.clone()]));
    assert_eq!(
        m["thumbnail"][0]["service"][0]["service"],
        json!([probe.clone()])
    );

    // An array of services is spliced in as it is.
    s.auth = Some(json!([probe.clone()]));
    let m = manifest(&s);
    assert_eq!(
        m["items"][3]["items"][0]["items"][0]["body"]["service"][0]["service"],
        json!([probe])
    );
}

#[test]
fn thumbnail_is_the_first_page_scaled_down() {
    let m = manifest(&source());
    let thumb = &m["thumbnail"][0];
    assert_eq!(
        thumb["id"],
        format!("{BASE}/iiif/3/img1/full/181,256/0/default.jpg")
    );
    assert_eq!(thumb["type"], "Image");
    assert_eq!(
        (thumb["width"].as_u64(), thumb["height"].as_u64()),
        (Some(181), Some(256))
    );
    assert_eq!(thumb["service"][0]["id"], format!("{BASE}/iiif/3/img1"));
    assert_eq!(thumbnail_size(6000, 4500), (256, 192));
    assert_eq!(thumbnail_size(200, 100), (200, 100));
    assert_eq!(thumbnail_size(10_000, 1), (256, 1));
}

#[test]
fn nothing_is_emitted_empty() {
    let mut all = vec![source()];
    let mut bare = source();
    bare.label_en.clear();
    bare.metadata.clear();
    bare.summary = Some("  ".into());
    bare.rights = None;
    bare.required_statement = (String::new(), String::new());
    bare.ranges.clear();
    bare.provider = None;
    all.push(bare);
    for s in &all {
        let m = manifest(s);
        let mut found = Vec::new();
        empties(&m, "$", &mut found);
        assert!(found.is_empty(), "empty fields: {found:?}");
    }
    let m = manifest(&all[1]);
    for key in [
        "metadata",
        "summary",
        "requiredStatement",
        "rights",
        "structures",
        "provider",
    ] {
        assert!(
            m.get(key).is_none(),
            "{key} is left out when there is nothing to say"
        );
    }
    assert_eq!(
        m["label"],
        json!({ "vi": ["Hồ sơ về việc thành lập xã Đăk Blà"] })
    );
}

#[test]
fn every_label_is_a_language_map_and_most_speak_both_languages() {
    let m = manifest(&source());
    let mut found = Vec::new();
    labels(&m, &mut found);
    assert!(found.len() > 10);
    for label in &found {
        let map = label.as_object().expect("a label is a language map");
        assert!(!map.is_empty());
        for (lang, values) in map {
            assert!(
                ["vi", "en", "none"].contains(&lang.as_str()),
                "language {lang}"
            );
            assert!(values.as_array().is_some_and(|v| !v.is_empty()), "{label}");
        }
    }
    // Only range labels (item titles, Vietnamese only) may lack English.
    let bilingual = found
        .iter()
        .filter(|l| l.get("vi").is_some() && l.get("en").is_some())
        .count();
    assert_eq!(bilingual, found.len() - 2, "{found:?}");
}

#[test]
fn a_code_without_label_labels_itself_and_odd_codes_are_escaped() {
    let mut s = source();
    s.code = "H34/ÂB 1".into();
    s.label_vi.clear();
    s.label_en.clear();
    let m = manifest(&s);
    assert_eq!(m["label"], json!({ "none": ["H34/ÂB 1"] }));
    assert_eq!(
        m["id"],
        format!("{BASE}/iiif/3/manifests/H34%2F%C3%82B%201")
    );
}

#[test]
fn collection_lists_manifest_references() {
    let items = vec![
        CollectionItem {
            code: "H34.10.1996.01".into(),
            label: "Hồ sơ về việc thành lập xã".into(),
            thumbnail: Some(("img1".into(), 6000, 4500)),
        },
        CollectionItem {
            code: "H34.10.1996.02".into(),
            label: String::new(),
            thumbnail: None,
        },
    ];
    let c = collection(
        BASE,
        "H34",
        "Phông UBND tỉnh Kon Tum",
        "Kon Tum People's Committee",
        &items,
    );
    assert_eq!(c["@context"], CONTEXT);
    assert_eq!(c["id"], format!("{BASE}/iiif/3/collections/H34"));
    assert_eq!(c["type"], "Collection");
    assert_eq!(c["label"]["vi"][0], "Phông UBND tỉnh Kon Tum");
    assert_eq!(c["label"]["en"][0], "Kon Tum People's Committee");
    let refs = c["items"].as_array().unwrap();
    assert_eq!(refs.len(), 2);
    assert_eq!(
        refs[0]["id"],
        format!("{BASE}/iiif/3/manifests/H34.10.1996.01")
    );
    assert_eq!(refs[0]["type"], "Manifest");
    assert_eq!(
        refs[0]["label"],
        json!({ "vi": ["Hồ sơ về việc thành lập xã"] })
    );
    assert_eq!(
        refs[0]["thumbnail"][0]["id"],
        format!("{BASE}/iiif/3/img1/full/256,192/0/default.jpg")
    );
    assert_eq!(refs[1]["label"], json!({ "none": ["H34.10.1996.02"] }));
    assert!(refs[1].get("thumbnail").is_none());
    let mut found = Vec::new();
    empties(&c, "$", &mut found);
    assert!(found.is_empty(), "empty fields: {found:?}");

    let empty = collection(BASE, "H35", "Phông trống", "", &[]);
    assert_eq!(
        empty["items"],
        json!([]),
        "items is required even when empty"
    );
    assert!(empty["label"].get("en").is_none());
}

/// Validates the JSON with scripts/iiif/validate-manifests (the iiif-prezi3 models) when the
/// tools venv is installed (`source scripts/tools; portal_ensure_iiif_python`), else skips.
#[test]
fn the_iiif_prezi3_models_accept_the_output() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let tools = std::env::var_os("PORTAL_TOOLS").map_or_else(
        || {
            std::path::PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
                .join(".cache/portal-tools")
        },
        std::path::PathBuf::from,
    );
    let python = tools.join("iiif-venv/bin/python");
    if !python.exists() {
        eprintln!(
            "skipped: {} is absent (run `source scripts/tools; portal_ensure_iiif_python`)",
            python.display()
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut with_auth = source();
    with_auth.auth = Some(json!([{
        "id": format!("{BASE}/iiif/auth/probe/record/H34"),
        "type": "AuthProbeService2",
        "service": [{
            "id": format!("{BASE}/iiif/auth/access"),
            "type": "AuthAccessService2",
            "profile": "active",
            "label": { "vi": ["Đăng nhập"], "en": ["Sign in"] },
            "service": [
                { "id": format!("{BASE}/iiif/auth/token"), "type": "AuthAccessTokenService2" },
                { "id": format!("{BASE}/iiif/auth/logout"), "type": "AuthLogoutService2" },
            ],
        }],
    }]));
    let docs = [
        ("manifest.json", manifest(&source())),
        ("auth.json", manifest(&with_auth)),
        (
            "collection.json",
            collection(
                BASE,
                "H34",
                "Phông",
                "Fonds",
                &[CollectionItem {
                    code: "H34.1".into(),
                    label: "Hồ sơ".into(),
                    thumbnail: Some(("img1".into(), 100, 80)),
                }],
            ),
        ),
    ];
    let mut args = Vec::new();
    for (name, doc) in &docs {
        let path = dir.path().join(name);
        std::fs::write(&path, serde_json::to_vec_pretty(doc).unwrap()).unwrap();
        args.push(format!("file:{}", path.display()));
    }
    let out = std::process::Command::new(&python)
        .arg(root.join("scripts/iiif/validate-manifests"))
        .args(&args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "validate-manifests failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
