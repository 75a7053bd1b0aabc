//! Digitised records: masters in, IIIF out.
//!
//! ```text
//! master bytes ─▶ decode (pages + text layer) ─▶ pyramid (tiles, fixed sizes) on disk
//! /iiif/3/{image}/…   ─▶ request ─▶ stored tile or size │ render from the nearest level (cached)
//! /iiif/3/manifests/… ─▶ manifest (Presentation 3)     │ auth (Authorization Flow 2.0)
//! ```
//!
//! Modules: [`attach`] (the import's half: masters stored, jobs queued), [`ingest`] (the job:
//! decode, pyramid, pages), [`decode`] (JPEG, PNG, TIFF, PDF with its text layer), [`request`]
//! (Image API parameters), [`pyramid`] (tiles and fixed sizes on disk), [`render`] (any other
//! request), [`watermark`], [`info`] (`info.json`), [`manifest`] (Presentation 3), [`pdf`] (PDF
//! output), [`store`] (masters, derivative folders, page SQL), [`auth`] (who may see an image;
//! Authorization Flow 2.0), [`serve`] (the image routes' work), [`present`] (a record's pages and
//! manifest data), [`http`] and [`record_pdf`] (the routes).

pub mod attach;
pub mod auth;
pub mod decode;
pub mod http;
pub mod info;
pub mod ingest;
pub mod manifest;
pub mod pdf;
pub mod present;
pub mod pyramid;
pub mod record_pdf;
pub mod render;
pub mod request;
pub mod serve;
pub mod store;
pub mod watermark;
