//! IIIF Presentation API 3.0: a manifest per digitised file or item, a collection per fonds.
//! Pure functions from plain data to JSON; the HTTP layer gathers the data through the access policy.
//!
//! Shape of a manifest (ids are absolute, under the portal's public base URL):
//! ```text
//! Manifest  /iiif/3/manifests/{code}
//! ├─ label, metadata, summary, requiredStatement, rights, provider, thumbnail, homepage, seeAlso
//! ├─ items: Canvas …/canvas/{seq}
//! │         └─ AnnotationPage …/canvas/{seq}/page
//! │            └─ Annotation (painting) …/canvas/{seq}/page/image
//! │               └─ body Image /iiif/3/{image}/full/max/0/default.jpg
//! │                  └─ service ImageService3 /iiif/3/{image} (level2) [└─ auth services]
//! └─ structures: Range …/range/{i} → canvas references (one range per item of a file)
//! ```
//! Nothing is emitted empty: optional properties without content are left out, and language maps
//! only carry the languages that have text. The one exception is `items`, which the specification
//! requires: a manifest without pages has `items: []` (the HTTP layer should answer 404 instead).

use serde_json::{Map, Value, json};

/// The Presentation 3 JSON-LD context.
pub const CONTEXT: &str = "http://iiif.io/api/presentation/3/context.json";
/// The Library of Congress identifier of the EAD standard, the `profile` of the EAD `seeAlso`.
pub const EAD_PROFILE: &str = "urn:isbn:1-931666-22-9";
/// Longer side, in pixels, of the thumbnails the manifest and collection point at.
pub const THUMBNAIL_EDGE: u32 = 256;

/// Everything a manifest says, already filtered by the access policy.
#[derive(Clone, Debug, Default)]
pub struct ManifestSource {
    /// The portal's public base URL, without a trailing slash (`https://lưu-trữ.example`).
    pub base: String,
    pub code: String,
    /// Vietnamese and English labels (an empty one, or an English one identical to the Vietnamese,
    /// is left out; both empty: the code is the label).
    pub label_vi: String,
    pub label_en: String,
    /// Metadata pairs: (label vi, label en, value). A value that is a code, number or date (no
    /// spaces and a digit, or no letter at all) is tagged language `none`, any other `vi`.
    pub metadata: Vec<(String, String, String)>,
    pub summary: Option<String>,
    /// From configuration. Emitted as `rights` only when it is a Creative Commons or
    /// RightsStatements.org URI (`http://…`); anything else becomes a metadata pair.
    pub rights: Option<String>,
    /// The attribution text the archive requires, (Vietnamese, English); labelled
    /// "Ghi nguồn" / "Attribution". Left out when both are empty.
    pub required_statement: (String, String),
    pub pages: Vec<ManifestPage>,
    /// For a file: one range per item (label, first page seq, last page seq inclusive, item code).
    pub ranges: Vec<ManifestRange>,
    /// Auth services to attach to each image service (for conditional images), if any: one
    /// service object or an array of them (Authorization Flow 2.0 probe services).
    pub auth: Option<serde_json::Value>,
    /// The archive holding the record, if configured.
    pub provider: Option<Provider>,
}

#[derive(Clone, Debug, Default)]
pub struct ManifestPage {
    pub seq: u32,
    pub image_id: String,
    pub width: u32,
    pub height: u32,
    /// A page label of the source (folio, "1r"); empty when the page has none. The canvas is
    /// labelled "Trang {seq}" / "Page {seq}", with this label added in parentheses when it says more.
    pub label: String,
}

#[derive(Clone, Debug, Default)]
pub struct ManifestRange {
    pub code: String,
    pub label: String,
    /// Page seqs (1-based) this range covers, in order.
    pub pages: Vec<u32>,
}

/// The archive as a IIIF `provider` (an Agent).
#[derive(Clone, Debug, Default)]
pub struct Provider {
    pub label_vi: String,
    pub label_en: String,
    /// The archive's own web site, if any; the portal's home page otherwise.
    pub homepage: Option<String>,
}

/// One entry of a fonds collection.
#[derive(Clone, Debug, Default)]
pub struct CollectionItem {
    pub code: String,
    pub label: String,
    /// (image id, width, height) of the first page, for the thumbnail.
    pub thumbnail: Option<(String, u32, u32)>,
}

/// The manifest JSON.
pub fn manifest(m: &ManifestSource) -> Value {
    let id = manifest_id(&m.base, &m.code);
    let mut out = Map::new();
    out.insert("@context".into(), json!(CONTEXT));
    out.insert("id".into(), json!(id));
    out.insert("type".into(), json!("Manifest"));
    let label = lang_map(&m.label_vi, &m.label_en).unwrap_or_else(|| json!({ "none": [m.code] }));
    out.insert("label".into(), label);

    let mut metadata: Vec<Value> = m
        .metadata
        .iter()
        .filter_map(|(vi, en, value)| metadata_pair(vi, en, value))
        .collect();
    let rights = m.rights.as_deref().map(str::trim).filter(|r| !r.is_empty());
    if let Some(r) = rights.filter(|r| !is_rights_uri(r)) {
        metadata.extend(metadata_pair("Quyền sử dụng", "Rights", r));
    }
    insert_nonempty(&mut out, "metadata", metadata);
    if let Some(summary) = m.summary.as_deref().and_then(|s| lang_map(s, "")) {
        out.insert("summary".into(), summary);
    }
    let (statement_vi, statement_en) = &m.required_statement;
    if let Some(value) = lang_map(statement_vi, statement_en) {
        let label = json!({ "vi": ["Ghi nguồn"], "en": ["Attribution"] });
        out.insert(
            "requiredStatement".into(),
            json!({ "label": label, "value": value }),
        );
    }
    if let Some(r) = rights.filter(|r| is_rights_uri(r)) {
        out.insert("rights".into(), json!(r));
    }
    if let Some(p) = &m.provider {
        out.insert("provider".into(), json!([provider(&m.base, p)]));
    }
    if let Some(first) = m.pages.first() {
        let thumb = thumbnail(
            &m.base,
            &first.image_id,
            first.width,
            first.height,
            m.auth.as_ref(),
        );
        out.insert("thumbnail".into(), json!([thumb]));
    }
    // Archival files and items are sets of loose sheets, not bound books: "individuals" shows one
    // page at a time, where "paged" would pair pages as facing openings that never existed.
    out.insert("behavior".into(), json!(["individuals"]));
    let record = format!("{}/records/{}", m.base, segment(&m.code));
    out.insert(
        "homepage".into(),
        json!([{
            "id": record,
            "type": "Text",
            "label": { "vi": ["Trang hồ sơ trên cổng lưu trữ"], "en": ["Record page on the portal"] },
            "format": "text/html",
            "language": ["vi"],
        }]),
    );
    let api = format!("{}/api/v1/records/{}", m.base, segment(&m.code));
    out.insert(
        "seeAlso".into(),
        json!([
            {
                "id": api,
                "type": "Dataset",
                "label": { "vi": ["Bản mô tả (JSON)"], "en": ["Description (JSON)"] },
                "format": "application/json",
            },
            {
                "id": format!("{api}/ead"),
                "type": "Dataset",
                "label": { "vi": ["Bản mô tả EAD"], "en": ["EAD description"] },
                "format": "application/xml",
                "profile": EAD_PROFILE,
            },
        ]),
    );

    let canvases: Vec<Value> = m.pages.iter().map(|p| canvas(m, &id, p)).collect();
    out.insert("items".into(), Value::Array(canvases));
    let ranges: Vec<Value> = m
        .ranges
        .iter()
        .enumerate()
        .filter_map(|(i, r)| range(m, &id, i + 1, r))
        .collect();
    insert_nonempty(&mut out, "structures", ranges);
    Value::Object(out)
}

/// The collection JSON of a fonds.
pub fn collection(
    base: &str,
    fonds_code: &str,
    label_vi: &str,
    label_en: &str,
    items: &[CollectionItem],
) -> Value {
    let label = lang_map(label_vi, label_en).unwrap_or_else(|| json!({ "none": [fonds_code] }));
    let items: Vec<Value> = items
        .iter()
        .map(|item| {
            let mut r = Map::new();
            r.insert("id".into(), json!(manifest_id(base, &item.code)));
            r.insert("type".into(), json!("Manifest"));
            let label = lang_map(&item.label, "").unwrap_or_else(|| json!({ "none": [item.code] }));
            r.insert("label".into(), label);
            if let Some((image, w, h)) = &item.thumbnail {
                r.insert(
                    "thumbnail".into(),
                    json!([thumbnail(base, image, *w, *h, None)]),
                );
            }
            Value::Object(r)
        })
        .collect();
    json!({
        "@context": CONTEXT,
        "id": format!("{base}/iiif/3/collections/{}", segment(fonds_code)),
        "type": "Collection",
        "label": label,
        "homepage": [{
            "id": format!("{base}/records/{}", segment(fonds_code)),
            "type": "Text",
            "label": { "vi": ["Trang phông trên cổng lưu trữ"], "en": ["Fonds page on the portal"] },
            "format": "text/html",
            "language": ["vi"],
        }],
        // Required by the specification even when the fonds has no digitised record yet.
        "items": items,
    })
}

/// The id (URL) of the manifest of `code`.
pub fn manifest_id(base: &str, code: &str) -> String {
    format!("{base}/iiif/3/manifests/{}", segment(code))
}

/// The size of the thumbnail of a `width` × `height` image: the longer side brought down to
/// [`THUMBNAIL_EDGE`], aspect kept; small images keep their size.
pub fn thumbnail_size(width: u32, height: u32) -> (u32, u32) {
    let longer = width.max(height);
    if longer <= THUMBNAIL_EDGE || width == 0 || height == 0 {
        return (width, height);
    }
    let scale = |side: u32| {
        let scaled = (u64::from(side) * u64::from(THUMBNAIL_EDGE) + u64::from(longer) / 2)
            / u64::from(longer);
        (scaled as u32).max(1)
    };
    (scale(width), scale(height))
}

/// A Canvas for one page, painted with the page's image.
fn canvas(m: &ManifestSource, manifest: &str, p: &ManifestPage) -> Value {
    let id = format!("{manifest}/canvas/{}", p.seq);
    let label = p.label.trim();
    let plain = [
        p.seq.to_string(),
        format!("Trang {}", p.seq),
        format!("Page {}", p.seq),
    ];
    let label = if label.is_empty() || plain.iter().any(|l| l.eq_ignore_ascii_case(label)) {
        json!({ "vi": [format!("Trang {}", p.seq)], "en": [format!("Page {}", p.seq)] })
    } else {
        json!({
            "vi": [format!("Trang {} ({label})", p.seq)],
            "en": [format!("Page {} ({label})", p.seq)],
        })
    };
    let image = format!("{}/iiif/3/{}", m.base, segment(&p.image_id));
    json!({
        "id": id,
        "type": "Canvas",
        "label": label,
        "width": p.width,
        "height": p.height,
        "items": [{
            "id": format!("{id}/page"),
            "type": "AnnotationPage",
            "items": [{
                "id": format!("{id}/page/image"),
                "type": "Annotation",
                "motivation": "painting",
                "target": id,
                "body": {
                    "id": format!("{image}/full/max/0/default.jpg"),
                    "type": "Image",
                    "format": "image/jpeg",
                    "width": p.width,
                    "height": p.height,
                    "service": [image_service(&image, m.auth.as_ref())],
                },
            }],
        }],
    })
}

/// A Range of canvases for one item of a file; `None` when none of its pages is in the manifest.
fn range(m: &ManifestSource, manifest: &str, index: usize, r: &ManifestRange) -> Option<Value> {
    let items: Vec<Value> = r
        .pages
        .iter()
        .filter(|seq| m.pages.iter().any(|p| p.seq == **seq))
        .map(|seq| json!({ "id": format!("{manifest}/canvas/{seq}"), "type": "Canvas" }))
        .collect();
    if items.is_empty() {
        return None;
    }
    let label = lang_map(&r.label, "").unwrap_or_else(|| json!({ "none": [r.code] }));
    Some(json!({
        "id": format!("{manifest}/range/{index}"),
        "type": "Range",
        "label": label,
        "items": items,
    }))
}

/// The Image API 3.0 service of an image at `id`, with the auth services nested in its own
/// `service` (where Authorization Flow 2.0 clients look for the probe service).
fn image_service(id: &str, auth: Option<&Value>) -> Value {
    let mut service = json!({ "id": id, "type": "ImageService3", "profile": "level2" });
    let auth: Vec<Value> = match auth {
        Some(Value::Array(services)) => services.clone(),
        Some(Value::Null) | None => Vec::new(),
        Some(one) => vec![one.clone()],
    };
    if !auth.is_empty() {
        service["service"] = Value::Array(auth);
    }
    service
}

/// A small Image of `image_id` with its image service.
fn thumbnail(base: &str, image_id: &str, width: u32, height: u32, auth: Option<&Value>) -> Value {
    let image = format!("{base}/iiif/3/{}", segment(image_id));
    let (w, h) = thumbnail_size(width, height);
    let size = if (w, h) == (width, height) {
        "max".to_string()
    } else {
        format!("{w},{h}")
    };
    json!({
        "id": format!("{image}/full/{size}/0/default.jpg"),
        "type": "Image",
        "format": "image/jpeg",
        "width": w,
        "height": h,
        "service": [image_service(&image, auth)],
    })
}

fn provider(base: &str, p: &Provider) -> Value {
    let label = lang_map(&p.label_vi, &p.label_en).unwrap_or_else(|| json!({ "none": [base] }));
    let home = p
        .homepage
        .as_deref()
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .map_or_else(|| format!("{base}/"), str::to_string);
    json!({
        "id": format!("{base}/#provider"),
        "type": "Agent",
        "label": label,
        "homepage": [{ "id": home, "type": "Text", "label": label.clone(), "format": "text/html" }],
    })
}

/// A metadata pair; `None` when the value is empty (an unlabelled pair gets the value's own label).
fn metadata_pair(label_vi: &str, label_en: &str, value: &str) -> Option<Value> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let label = lang_map(label_vi, label_en).unwrap_or_else(|| json!({ "none": ["—"] }));
    let language = if is_language_neutral(value) {
        "none"
    } else {
        "vi"
    };
    Some(json!({ "label": label, "value": { language: [value] } }))
}

/// Codes, numbers, dates and symbols (`H34.10.1996.01.045`, `12/03/1996`, `458/QĐ-TTg`) read
/// the same in every language.
fn is_language_neutral(value: &str) -> bool {
    !value.chars().any(char::is_alphabetic)
        || (!value.chars().any(char::is_whitespace) && value.chars().any(|c| c.is_ascii_digit()))
}

/// A language map with the non-empty ones of `vi` and `en`, or `None` when both are empty. An
/// English text identical to the Vietnamese is no translation: it is left out rather than tagged
/// `en` (viewers fall back to the language there is).
fn lang_map(vi: &str, en: &str) -> Option<Value> {
    let (vi, en) = (vi.trim(), en.trim());
    let mut map = Map::new();
    for (lang, text) in [("vi", vi), ("en", if en == vi { "" } else { en })] {
        if !text.is_empty() {
            map.insert(lang.into(), json!([text]));
        }
    }
    (!map.is_empty()).then_some(Value::Object(map))
}

/// Rights statements the Presentation API accepts in `rights` (checked loosely by prefix).
fn is_rights_uri(rights: &str) -> bool {
    rights.starts_with("http://creativecommons.org/")
        || rights.starts_with("http://rightsstatements.org/")
}

fn insert_nonempty(out: &mut Map<String, Value>, key: &str, values: Vec<Value>) {
    if !values.is_empty() {
        out.insert(key.into(), Value::Array(values));
    }
}

/// `s` as one URL path segment: everything but unreserved characters percent-encoded.
fn segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests;
