//! `info.json` of the Image API 3.0 at compliance level 2.
//!
//! Level 2 already covers regions by pixels, percent and `square`; sizes `max`, `w,`, `,h`, `w,h`,
//! `!w,h` and `pct:n`; rotation by multiples of 90; the `default` and `color` qualities; jpg and
//! png. Beyond it this server offers the `gray` and `bitonal` qualities, webp, mirroring and
//! upscaling (`^`). Arbitrary rotation angles are refused, so `rotationArbitrary` is not listed.

use super::pyramid::Layout;
use super::request::Limits;
use serde_json::{Value, json};

/// The Image API 3.0 JSON-LD context.
pub const CONTEXT: &str = "http://iiif.io/api/image/3/context.json";
/// The `profile` value, also for `Link: <…>;rel="profile"` headers.
pub const PROFILE: &str = "level2";
/// The compliance document a `Link` profile header points to.
pub const PROFILE_URI: &str = "http://iiif.io/api/image/3/level2.json";
/// Qualities offered beyond level 2.
pub const EXTRA_QUALITIES: [&str; 2] = ["gray", "bitonal"];
/// Formats offered beyond level 2.
pub const EXTRA_FORMATS: [&str; 1] = ["webp"];
/// Features offered beyond level 2. `profileLinkHeader` is true only if the HTTP layer sends
/// `Link: <PROFILE_URI>;rel="profile"` with images, as interfaces.md §5 asks.
pub const EXTRA_FEATURES: [&str; 3] = ["mirroring", "sizeUpscaling", "profileLinkHeader"];

/// The `info.json` document of the image at `id` (its full URL), with optional auth `service`s.
pub fn info_json(
    id: &str,
    layout: &Layout,
    limits: Limits,
    services: Option<serde_json::Value>,
) -> serde_json::Value {
    let sizes: Vec<Value> = layout
        .sizes
        .iter()
        .map(|&(w, h)| json!({ "width": w, "height": h }))
        .collect();
    let mut info = json!({
        "@context": CONTEXT,
        "id": id,
        "type": "ImageService3",
        "protocol": "http://iiif.io/api/image",
        "profile": PROFILE,
        "width": layout.width,
        "height": layout.height,
        "maxWidth": limits.max_width,
        "maxHeight": limits.max_height,
        "maxArea": limits.max_area,
        "sizes": sizes,
        "tiles": [{ "width": layout.tile, "scaleFactors": layout.scale_factors }],
        "extraQualities": EXTRA_QUALITIES,
        "extraFormats": EXTRA_FORMATS,
        "extraFeatures": EXTRA_FEATURES,
    });
    if let Some(services) = services {
        let services = match services {
            Value::Array(_) => services,
            one => Value::Array(vec![one]),
        };
        info["service"] = services;
    }
    info
}

#[cfg(test)]
mod tests;
