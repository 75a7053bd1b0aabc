//! The tile pyramid and fixed sizes written at ingest, and which requests they answer as they are.
//!
//! Layout of an image's derivative folder:
//! ```text
//! layout.json              the Layout below
//! tiles/{sf}/{col}_{row}.jpg   tile (col,row) at scale factor sf (1, 2, 4 …)
//! sizes/{w}x{h}.jpg        the whole image at a fixed size (the `sizes` of info.json)
//! ```

use super::request::Resolved;
use image::DynamicImage;
use std::path::{Path, PathBuf};

/// Tile edge in full-size pixels at scale factor 1 (and in output pixels at every level).
pub const TILE: u32 = 512;

/// What an image's pyramid holds.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Layout {
    pub width: u32,
    pub height: u32,
    pub tile: u32,
    /// Scale factors with tiles, ascending from 1 to the first level that fits in one tile.
    pub scale_factors: Vec<u32>,
    /// Fixed whole-image sizes stored under `sizes/`, ascending.
    pub sizes: Vec<(u32, u32)>,
}

impl Layout {
    /// The layout the pyramid of a `width` × `height` image gets.
    pub fn new(width: u32, height: u32) -> Layout {
        Layout {
            width,
            height,
            tile: TILE,
            scale_factors: vec![1],
            sizes: Vec::new(),
        }
    }

    /// The stored file (relative to the derivative folder) that answers `r` byte for byte, if any:
    /// a tile of the pyramid or a fixed size, JPEG, no rotation, default or color quality.
    pub fn stored(&self, r: &Resolved) -> Option<PathBuf> {
        let _ = r;
        None
    }

    /// Reads `layout.json` from a derivative folder.
    pub fn load(dir: &Path) -> std::io::Result<Layout> {
        let bytes = std::fs::read(dir.join("layout.json"))?;
        serde_json::from_slice(&bytes).map_err(std::io::Error::other)
    }
}

/// Writes the pyramid and fixed sizes of `image` into `dir` (created if needed), `layout.json`
/// last so that a half-written folder is never taken for a finished one.
pub fn write(dir: &Path, image: &DynamicImage) -> std::io::Result<Layout> {
    let _ = (dir, image);
    Err(std::io::Error::other("not yet"))
}
