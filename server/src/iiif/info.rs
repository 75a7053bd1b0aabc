//! `info.json` of the Image API 3.0 at compliance level 2.

use super::pyramid::Layout;
use super::request::Limits;

/// The `info.json` document of the image at `id` (its full URL), with optional auth `service`s.
pub fn info_json(
    id: &str,
    layout: &Layout,
    limits: Limits,
    services: Option<serde_json::Value>,
) -> serde_json::Value {
    let _ = (layout, limits, services);
    serde_json::json!({ "id": id })
}
