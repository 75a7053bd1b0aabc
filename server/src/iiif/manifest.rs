//! IIIF Presentation API 3.0: a manifest per digitised file or item, a collection per fonds.
//! Pure functions from plain data to JSON; the HTTP layer gathers the data through the access policy.

/// Everything a manifest says, already filtered by the access policy.
#[derive(Clone, Debug, Default)]
pub struct ManifestSource {
    /// The portal's public base URL, without a trailing slash (`https://lưu-trữ.example`).
    pub base: String,
    pub code: String,
    /// Vietnamese and English labels.
    pub label_vi: String,
    pub label_en: String,
    /// Metadata pairs: (label vi, label en, value).
    pub metadata: Vec<(String, String, String)>,
    pub summary: Option<String>,
    /// From configuration.
    pub rights: Option<String>,
    pub required_statement: (String, String),
    pub pages: Vec<ManifestPage>,
    /// For a file: one range per item (label, first page seq, last page seq inclusive, item code).
    pub ranges: Vec<ManifestRange>,
    /// Auth services to attach to each image service (for conditional images), if any.
    pub auth: Option<serde_json::Value>,
}

#[derive(Clone, Debug, Default)]
pub struct ManifestPage {
    pub seq: u32,
    pub image_id: String,
    pub width: u32,
    pub height: u32,
    pub label: String,
}

#[derive(Clone, Debug, Default)]
pub struct ManifestRange {
    pub code: String,
    pub label: String,
    /// Page seqs (1-based) this range covers, in order.
    pub pages: Vec<u32>,
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
pub fn manifest(m: &ManifestSource) -> serde_json::Value {
    serde_json::json!({ "id": format!("{}/iiif/3/manifests/{}", m.base, m.code) })
}

/// The collection JSON of a fonds.
pub fn collection(
    base: &str,
    fonds_code: &str,
    label_vi: &str,
    label_en: &str,
    items: &[CollectionItem],
) -> serde_json::Value {
    let _ = (label_vi, label_en, items);
    serde_json::json!({ "id": format!("{base}/iiif/3/collections/{fonds_code}") })
}
