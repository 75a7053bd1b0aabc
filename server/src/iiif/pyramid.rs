//! The tile pyramid and fixed sizes written at ingest, and which requests they answer as they are.
//!
//! Layout of an image's derivative folder:
//! ```text
//! layout.json              the Layout below
//! tiles/{sf}/{col}_{row}.jpg   tile (col,row) at scale factor sf (1, 2, 4 …)
//! sizes/{w}x{h}.jpg        the whole image at a fixed size (the `sizes` of info.json)
//! ```
//!
//! Tile (col,row) at scale factor sf covers the full-resolution region x = col·512·sf,
//! y = row·512·sf, w = min(512·sf, width − x), h likewise, stored at ⌈w/sf⌉ × ⌈h/sf⌉ pixels: the
//! region and size OpenSeadragon asks for. Level n+1 is made from level n by a 2× box downscale;
//! fixed sizes are the levels whose longer side is at most [`MAX_FIXED`]. Tiles are JPEG at
//! quality [`JPEG_QUALITY`], 1-channel for gray masters.

use super::request::{Format, Quality, Resolved};
use image::DynamicImage;
use std::path::{Path, PathBuf};

/// The thumbnails below the top level go down to a longer side of at most this.
pub const THUMB_MIN: u32 = 100;

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
    /// The master is gray: tiles and sizes are 1-channel JPEGs.
    #[serde(default)]
    pub gray: bool,
}

/// Longest side of the fixed sizes stored under `sizes/`.
pub const MAX_FIXED: u32 = 2048;

/// JPEG quality of tiles, fixed sizes and rendered JPEGs.
pub const JPEG_QUALITY: u8 = 85;

impl Layout {
    /// The layout the pyramid of a `width` × `height` image gets (colour; set `gray` for gray).
    pub fn new(width: u32, height: u32) -> Layout {
        let mut scale_factors = vec![1];
        let mut sf = 1u32;
        while width.div_ceil(sf) > TILE || height.div_ceil(sf) > TILE {
            sf *= 2;
            scale_factors.push(sf);
        }
        let mut sizes: Vec<(u32, u32)> = scale_factors
            .iter()
            .map(|&sf| (width.div_ceil(sf), height.div_ceil(sf)))
            .filter(|&(w, h)| w.max(h) <= MAX_FIXED && w > 0 && h > 0)
            .collect();
        // Below the one-tile top level, halve on for thumbnails until the longer side is at
        // most THUMB_MIN (never under 16 pixels): page strips and result lists use them.
        let top = *scale_factors.last().unwrap_or(&1);
        let mut sf = top;
        loop {
            let (w, h) = (width.div_ceil(sf * 2), height.div_ceil(sf * 2));
            if w.min(h) < 16 || width.div_ceil(sf).max(height.div_ceil(sf)) <= THUMB_MIN {
                break;
            }
            sf *= 2;
            sizes.push((w, h));
        }
        sizes.sort_unstable();
        sizes.dedup();
        Layout {
            width,
            height,
            tile: TILE,
            scale_factors,
            sizes,
            gray: false,
        }
    }

    /// Size of the whole image at scale factor `sf`.
    pub fn level_size(&self, sf: u32) -> (u32, u32) {
        (self.width.div_ceil(sf), self.height.div_ceil(sf))
    }

    /// Number of tile columns and rows at scale factor `sf`.
    pub fn grid(&self, sf: u32) -> (u32, u32) {
        let (w, h) = self.level_size(sf);
        (w.div_ceil(self.tile), h.div_ceil(self.tile))
    }

    /// The full-resolution region `(x, y, w, h)` of tile (col,row) at scale factor `sf`.
    pub fn tile_region(&self, sf: u32, col: u32, row: u32) -> (u32, u32, u32, u32) {
        let span = self.tile * sf;
        let (x, y) = (col * span, row * span);
        (x, y, span.min(self.width - x), span.min(self.height - y))
    }

    /// Relative path of tile (col,row) at scale factor `sf`.
    pub fn tile_path(sf: u32, col: u32, row: u32) -> PathBuf {
        PathBuf::from(format!("tiles/{sf}/{col}_{row}.jpg"))
    }

    /// Relative path of the fixed size `w` × `h`.
    pub fn size_path(w: u32, h: u32) -> PathBuf {
        PathBuf::from(format!("sizes/{w}x{h}.jpg"))
    }

    /// The stored file (relative to the derivative folder) that answers `r` byte for byte, if any:
    /// a tile of the pyramid or a fixed size, JPEG, no rotation, default or color quality (gray
    /// too when the master is gray).
    pub fn stored(&self, r: &Resolved) -> Option<PathBuf> {
        let quality_ok = match r.quality {
            Quality::Default | Quality::Color => true,
            Quality::Gray => self.gray,
            Quality::Bitonal => false,
        };
        if r.format != Format::Jpg || r.degrees != 0.0 || r.mirror || !quality_ok {
            return None;
        }
        if (r.x, r.y, r.w, r.h) == (0, 0, self.width, self.height)
            && self.sizes.contains(&(r.out_w, r.out_h))
        {
            return Some(Self::size_path(r.out_w, r.out_h));
        }
        for &sf in &self.scale_factors {
            let span = self.tile * sf;
            if !r.x.is_multiple_of(span)
                || !r.y.is_multiple_of(span)
                || r.x >= self.width
                || r.y >= self.height
            {
                continue;
            }
            let (col, row) = (r.x / span, r.y / span);
            let (_, _, w, h) = self.tile_region(sf, col, row);
            if (r.w, r.h, r.out_w, r.out_h) == (w, h, w.div_ceil(sf), h.div_ceil(sf)) {
                return Some(Self::tile_path(sf, col, row));
            }
        }
        None
    }

    /// Reads `layout.json` from a derivative folder.
    pub fn load(dir: &Path) -> std::io::Result<Layout> {
        let bytes = std::fs::read(dir.join("layout.json"))?;
        serde_json::from_slice(&bytes).map_err(std::io::Error::other)
    }
}

/// Writes the pyramid and fixed sizes of `image` into `dir` (created if needed), `layout.json`
/// last so that a half-written folder is never taken for a finished one. Gray images (`Luma*`)
/// stay gray; anything else is written as 8-bit RGB.
pub fn write(dir: &Path, image: &DynamicImage) -> std::io::Result<Layout> {
    build::write(dir, image)
}

pub(crate) use build::{crop_rows, encode_jpeg, resize, to_pixels};

mod build;

#[cfg(test)]
mod tests;
