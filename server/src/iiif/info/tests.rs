//! Tests: info.json at level 2.
use super::*;
use serde_json::json;

const LIMITS: Limits = Limits {
    max_width: 6000,
    max_height: 6000,
    max_area: 25_000_000,
};

#[test]
fn info_json_follows_the_image_api_3_rules() {
    let layout = Layout::new(1001, 757);
    let id = "https://archive.example/iiif/3/abc";
    let info = info_json(id, &layout, LIMITS, None);
    assert_eq!(info["@context"], "http://iiif.io/api/image/3/context.json");
    assert_eq!(info["id"], id);
    assert_eq!(info["type"], "ImageService3");
    assert_eq!(info["protocol"], "http://iiif.io/api/image");
    assert_eq!(info["profile"], "level2");
    assert_eq!(
        (info["width"].as_u64(), info["height"].as_u64()),
        (Some(1001), Some(757))
    );
    assert_eq!(info["maxWidth"], 6000);
    assert_eq!(info["maxHeight"], 6000);
    assert_eq!(info["maxArea"], 25_000_000);
    assert_eq!(
        info["sizes"],
        json!([
            { "width": 63, "height": 48 },
            { "width": 126, "height": 95 },
            { "width": 251, "height": 190 },
            { "width": 501, "height": 379 },
            { "width": 1001, "height": 757 }
        ])
    );
    assert_eq!(
        info["tiles"],
        json!([{ "width": 512, "scaleFactors": [1, 2] }])
    );
    assert_eq!(info["extraFormats"], json!(["webp"]));
    // Level 2 includes default and color; gray and bitonal are extra.
    assert_eq!(info["extraQualities"], json!(["gray", "bitonal"]));
    let features = info["extraFeatures"].as_array().unwrap();
    assert!(features.contains(&json!("mirroring")));
    assert!(features.contains(&json!("sizeUpscaling")));
    assert!(!features.contains(&json!("rotationArbitrary")));
    // Level 2 features are not repeated; names are from the spec's feature table.
    for f in features {
        assert!(
            [
                "mirroring",
                "sizeUpscaling",
                "profileLinkHeader",
                "canonicalLinkHeader"
            ]
            .contains(&f.as_str().unwrap()),
            "{f}"
        );
    }
    assert!(info.get("service").is_none());
    // Properties removed in 3.0 must not appear.
    for removed in ["@id", "license", "attribution", "logo"] {
        assert!(info.get(removed).is_none(), "{removed}");
    }
}

#[test]
fn services_are_a_list_of_typed_objects() {
    let layout = Layout::new(300, 200);
    let probe = json!({ "id": "https://a.example/probe/x", "type": "AuthProbeService2" });
    let info = info_json(
        "https://a.example/iiif/3/x",
        &layout,
        LIMITS,
        Some(json!([probe.clone()])),
    );
    assert_eq!(info["service"], json!([probe.clone()]));
    let info = info_json(
        "https://a.example/iiif/3/x",
        &layout,
        LIMITS,
        Some(probe.clone()),
    );
    assert_eq!(info["service"], json!([probe]));
    for s in info["service"].as_array().unwrap() {
        assert!(s.get("id").is_some() && s.get("type").is_some());
    }
    assert_eq!(
        info["sizes"],
        json!([
            { "width": 75, "height": 50 },
            { "width": 150, "height": 100 },
            { "width": 300, "height": 200 }
        ])
    );
    assert_eq!(
        info["tiles"],
        json!([{ "width": 512, "scaleFactors": [1] }])
    );
}
