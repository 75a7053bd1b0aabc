//! Answers any resolved request from an image's pyramid: picks the level with the largest scale
//! factor that still has at least the output's pixels (so only downscaling, except for `^`
//! upscales, which use full resolution), decodes only the tiles that cover the region, crops and
//! scales (Catmull-Rom), then mirrors, rotates, converts quality, watermarks and encodes.
//! [`render_image`] does the same from an image already in memory.

use super::pyramid::{Layout, crop_rows, resize, to_pixels};
use super::request::Resolved;
use super::watermark::Watermark;
use fast_image_resize::FilterType;
use image::DynamicImage;
use rayon::prelude::*;
use std::io;
use std::path::Path;

mod output;

/// Renders `r` from the pyramid in `dir`; the watermark, when given, is drawn on the output.
pub fn render(
    dir: &Path,
    layout: &Layout,
    r: &Resolved,
    watermark: Option<&Watermark>,
) -> io::Result<Vec<u8>> {
    let sf = level_for(layout, r);
    let (lw, lh) = layout.level_size(sf);
    let tile = layout.tile;
    let ch: usize = if layout.gray { 1 } else { 3 };
    // The level pixels that cover the region, rounded out to whole tiles.
    let (lx0, ly0) = (r.x / sf, r.y / sf);
    let lx1 = (r.x + r.w).div_ceil(sf).min(lw);
    let ly1 = (r.y + r.h).div_ceil(sf).min(lh);
    let (c0, c1, r0, r1) = (lx0 / tile, (lx1 - 1) / tile, ly0 / tile, (ly1 - 1) / tile);
    let (ox, oy) = (c0 * tile, r0 * tile);
    let bw = lw.min((c1 + 1) * tile) - ox;
    let bh = lh.min((r1 + 1) * tile) - oy;
    let cells: Vec<(u32, u32)> = (r0..=r1)
        .flat_map(|row| (c0..=c1).map(move |col| (col, row)))
        .collect();
    let tiles = cells
        .par_iter()
        .map(|&(col, row)| {
            let path = dir.join(Layout::tile_path(sf, col, row));
            let bytes = std::fs::read(&path)?;
            let (w, h) = (tile.min(lw - col * tile), tile.min(lh - row * tile));
            let pixels = decode_tile(&bytes, w, h, layout.gray)
                .map_err(|e| io::Error::other(format!("{}: {e}", path.display())))?;
            Ok((col, row, w, h, pixels))
        })
        .collect::<io::Result<Vec<_>>>()?;
    let mut buf = vec![0u8; bw as usize * bh as usize * ch];
    let stride = bw as usize * ch;
    for (col, row, w, h, pixels) in tiles {
        let (x, y) = ((col * tile - ox) as usize, (row * tile - oy) as usize);
        let row_len = w as usize * ch;
        for (i, src) in pixels.chunks_exact(row_len).take(h as usize).enumerate() {
            let start = (y + i) * stride + x * ch;
            buf[start..start + row_len].copy_from_slice(src);
        }
    }
    let s = sf as f64;
    let crop = (
        r.x as f64 / s - ox as f64,
        r.y as f64 / s - oy as f64,
        r.w as f64 / s,
        r.h as f64 / s,
    );
    let scaled = scale(&buf, bw, bh, ch, crop, r.out_w, r.out_h)?;
    output::finish(scaled, r.out_w, r.out_h, layout.gray, r, watermark)
}

/// Renders `r` from `source`, the full image downscaled by `source_scale` (1 = full resolution).
pub fn render_image(
    source: &DynamicImage,
    source_scale: u32,
    r: &Resolved,
    watermark: Option<&Watermark>,
) -> io::Result<Vec<u8>> {
    let (pixels, w, h, gray) = to_pixels(source);
    let ch = if gray { 1 } else { 3 };
    let s = source_scale.max(1) as f64;
    let left = (r.x as f64 / s).min(w as f64);
    let top = (r.y as f64 / s).min(h as f64);
    let crop = (
        left,
        top,
        (r.w as f64 / s).min(w as f64 - left),
        (r.h as f64 / s).min(h as f64 - top),
    );
    if crop.2 <= 0.0 || crop.3 <= 0.0 {
        return Err(io::Error::other("the region lies outside the source image"));
    }
    let scaled = scale(&pixels, w, h, ch, crop, r.out_w, r.out_h)?;
    output::finish(scaled, r.out_w, r.out_h, gray, r, watermark)
}

/// The largest scale factor whose level still has at least the output's pixels for the region.
pub fn level_for(layout: &Layout, r: &Resolved) -> u32 {
    layout
        .scale_factors
        .iter()
        .copied()
        .filter(|&sf| {
            r.w as u64 >= r.out_w as u64 * sf as u64 && r.h as u64 >= r.out_h as u64 * sf as u64
        })
        .max()
        .unwrap_or(1)
}

/// The `crop` of a `sw` × `sh` image scaled to `dw` × `dh`; a plain copy when nothing scales.
fn scale(
    src: &[u8],
    sw: u32,
    sh: u32,
    ch: usize,
    crop: (f64, f64, f64, f64),
    dw: u32,
    dh: u32,
) -> io::Result<Vec<u8>> {
    let (x, y, w, h) = crop;
    let whole = |v: f64| v.fract() == 0.0;
    if whole(x) && whole(y) && w == dw as f64 && h == dh as f64 {
        return Ok(crop_rows(src, sw, ch, x as u32, y as u32, dw, dh));
    }
    resize(src, sw, sh, ch as u8, crop, dw, dh, FilterType::CatmullRom)
}

/// Decodes a tile to 8-bit RGB (or gray) samples and checks its size.
fn decode_tile(bytes: &[u8], w: u32, h: u32, gray: bool) -> io::Result<Vec<u8>> {
    use zune_jpeg::zune_core::colorspace::ColorSpace;
    use zune_jpeg::zune_core::options::DecoderOptions;
    let space = if gray {
        ColorSpace::Luma
    } else {
        ColorSpace::RGB
    };
    let options = DecoderOptions::default().jpeg_set_out_colorspace(space);
    let mut decoder = zune_jpeg::JpegDecoder::new_with_options(io::Cursor::new(bytes), options);
    let pixels = decoder
        .decode()
        .map_err(|e| io::Error::other(format!("{e:?}")))?;
    let info = decoder
        .info()
        .ok_or_else(|| io::Error::other("no JPEG header"))?;
    if (info.width as u32, info.height as u32) != (w, h) {
        return Err(io::Error::other(format!(
            "tile is {}×{}, expected {w}×{h}",
            info.width, info.height
        )));
    }
    Ok(pixels)
}

#[cfg(test)]
mod tests;
