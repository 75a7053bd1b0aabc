//! Digitised records: masters in, IIIF out.
//!
//! ```text
//! master bytes ─▶ decode (pages + text layer) ─▶ pyramid (tiles, fixed sizes) on disk
//! /iiif/3/{image}/…   ─▶ request ─▶ stored tile or size │ render from the nearest level (cached)
//! /iiif/3/manifests/… ─▶ manifest (Presentation 3)     │ auth (Authorization Flow 2.0)
//! ```
//!
//! - [`decode`]: JPEG, PNG, TIFF (LZW/Deflate, multi-page, 16-bit) and PDF pages (hayro), with the
//!   text layer of PDF pages.
//! - [`request`]: the Image API 3.0 parameters, parsed and resolved against an image's size.
//! - [`pyramid`]: the tile pyramid and fixed sizes written at ingest, and which request they answer.
//! - [`render`]: any other request, computed from the nearest pyramid level; the watermark.
//! - [`info`]: `info.json`.
//! - [`manifest`]: Presentation 3.0 manifests and collections.
//! - [`pdf`]: PDF output (a whole record as PDF; the demo's two-layer PDF).
//! - [`store`]: masters by SHA-256, derivative folders.
//! - [`ingest`]: the background job that turns a unit's masters into pages.
//! - [`auth`]: Authorization Flow 2.0 services and who may see an image.
//! - [`http`]: the routes.

pub mod decode;
pub mod info;
pub mod manifest;
pub mod pdf;
pub mod pyramid;
pub mod render;
pub mod request;
pub mod watermark;
