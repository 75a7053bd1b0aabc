//! Writing a pyramid: each level is encoded tile by tile on all cores while the next level is
//! computed from it (2× box downscale), so the full image is read once.

use super::{JPEG_QUALITY, Layout};
use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::DynamicImage;
use rayon::prelude::*;
use std::borrow::Cow;
use std::io;
use std::path::Path;

/// The 8-bit pixels of `image`: (samples, width, height, gray). RGB and gray images are
/// borrowed; other types are converted (gray ones to gray, the rest to RGB).
pub(crate) fn to_pixels(image: &DynamicImage) -> (Cow<'_, [u8]>, u32, u32, bool) {
    let (w, h) = (image.width(), image.height());
    match image {
        DynamicImage::ImageRgb8(b) => (Cow::Borrowed(b.as_raw().as_slice()), w, h, false),
        DynamicImage::ImageLuma8(b) => (Cow::Borrowed(b.as_raw().as_slice()), w, h, true),
        DynamicImage::ImageLuma16(_)
        | DynamicImage::ImageLumaA8(_)
        | DynamicImage::ImageLumaA16(_) => (Cow::Owned(image.to_luma8().into_raw()), w, h, true),
        _ => (Cow::Owned(image.to_rgb8().into_raw()), w, h, false),
    }
}

/// Encodes 8-bit RGB (or gray) samples as a baseline JPEG at [`JPEG_QUALITY`].
pub(crate) fn encode_jpeg(data: &[u8], w: u32, h: u32, gray: bool) -> io::Result<Vec<u8>> {
    let (w16, h16) = match (u16::try_from(w), u16::try_from(h)) {
        (Ok(a), Ok(b)) => (a, b),
        _ => return Err(io::Error::other(format!("{w}×{h} is too large for JPEG"))),
    };
    let mut out = Vec::with_capacity(data.len() / 8 + 1024);
    let color = if gray {
        jpeg_encoder::ColorType::Luma
    } else {
        jpeg_encoder::ColorType::Rgb
    };
    jpeg_encoder::Encoder::new(&mut out, JPEG_QUALITY)
        .encode(data, w16, h16, color)
        .map_err(io::Error::other)?;
    Ok(out)
}

/// Resizes the `crop` (left, top, width, height; fractional) of a `sw` × `sh` image with `ch`
/// 8-bit channels to `dw` × `dh`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn resize(
    src: &[u8],
    sw: u32,
    sh: u32,
    ch: u8,
    crop: (f64, f64, f64, f64),
    dw: u32,
    dh: u32,
    filter: FilterType,
) -> io::Result<Vec<u8>> {
    let pt = match ch {
        1 => PixelType::U8,
        3 => PixelType::U8x3,
        _ => PixelType::U8x4,
    };
    let src = ImageRef::new(sw, sh, src, pt).map_err(io::Error::other)?;
    let mut dst = Image::new(dw, dh, pt);
    let options = ResizeOptions::new()
        .crop(crop.0, crop.1, crop.2, crop.3)
        .resize_alg(ResizeAlg::Convolution(filter));
    Resizer::new()
        .resize(&src, &mut dst, &options)
        .map_err(io::Error::other)?;
    Ok(dst.into_vec())
}

/// Copies the `w` × `h` rectangle at (x, y) out of a `stride_px`-wide image with `ch` channels.
pub(crate) fn crop_rows(
    src: &[u8],
    stride_px: u32,
    ch: usize,
    x: u32,
    y: u32,
    w: u32,
    h: u32,
) -> Vec<u8> {
    let stride = stride_px as usize * ch;
    let row = w as usize * ch;
    let mut out = Vec::with_capacity(row * h as usize);
    for r in y as usize..(y + h) as usize {
        let start = r * stride + x as usize * ch;
        out.extend_from_slice(&src[start..start + row]);
    }
    out
}

enum Job {
    Tile(u32, u32),
    Size,
}

/// Encodes and writes the tiles of one level (and its fixed size, if it is one).
fn write_level(dir: &Path, layout: &Layout, sf: u32, level: &[u8], ch: usize) -> io::Result<u64> {
    let (lw, lh) = layout.level_size(sf);
    let (cols, rows) = layout.grid(sf);
    let tile = layout.tile;
    let mut jobs: Vec<Job> = (0..rows)
        .flat_map(|row| (0..cols).map(move |col| Job::Tile(col, row)))
        .collect();
    if layout.sizes.contains(&(lw, lh)) {
        // The largest job first, so that it does not end the level alone.
        jobs.insert(0, Job::Size);
    }
    jobs.par_iter()
        .map(|job| {
            let (path, bytes) = match *job {
                Job::Size => (
                    Layout::size_path(lw, lh),
                    encode_jpeg(level, lw, lh, layout.gray)?,
                ),
                Job::Tile(col, row) => {
                    let (x, y) = (col * tile, row * tile);
                    let (w, h) = (tile.min(lw - x), tile.min(lh - y));
                    let pixels = crop_rows(level, lw, ch, x, y, w, h);
                    (
                        Layout::tile_path(sf, col, row),
                        encode_jpeg(&pixels, w, h, layout.gray)?,
                    )
                }
            };
            std::fs::write(dir.join(path), &bytes)?;
            Ok(bytes.len() as u64)
        })
        .sum::<io::Result<u64>>()
}

pub(super) fn write(dir: &Path, image: &DynamicImage) -> io::Result<Layout> {
    let (pixels, width, height, gray) = to_pixels(image);
    if width == 0 || height == 0 {
        return Err(io::Error::other("cannot make a pyramid of an empty image"));
    }
    let mut layout = Layout::new(width, height);
    layout.gray = gray;
    let ch: usize = if gray { 1 } else { 3 };
    for &sf in &layout.scale_factors {
        std::fs::create_dir_all(dir.join(format!("tiles/{sf}")))?;
    }
    std::fs::create_dir_all(dir.join("sizes"))?;
    let mut level = pixels;
    for (i, &sf) in layout.scale_factors.iter().enumerate() {
        let (lw, lh) = layout.level_size(sf);
        let next = layout
            .scale_factors
            .get(i + 1)
            .map(|&n| layout.level_size(n));
        let (written, next) = rayon::join(
            || write_level(dir, &layout, sf, &level, ch),
            || {
                next.map(|(nw, nh)| {
                    let full = (0.0, 0.0, lw as f64, lh as f64);
                    resize(&level, lw, lh, ch as u8, full, nw, nh, FilterType::Box)
                })
            },
        );
        written?;
        if let Some(next) = next {
            level = Cow::Owned(next?);
        }
    }
    // The thumbnail sizes below the top level, each halved from the one before.
    let top = *layout.scale_factors.last().unwrap_or(&1);
    let (mut lw, mut lh) = layout.level_size(top);
    let mut sf = top * 2;
    while layout.sizes.contains(&layout.level_size(sf)) {
        let (nw, nh) = layout.level_size(sf);
        let full = (0.0, 0.0, lw as f64, lh as f64);
        let next = resize(&level, lw, lh, ch as u8, full, nw, nh, FilterType::Box)?;
        let bytes = encode_jpeg(&next, nw, nh, layout.gray)?;
        std::fs::write(dir.join(Layout::size_path(nw, nh)), &bytes)?;
        level = Cow::Owned(next);
        (lw, lh) = (nw, nh);
        sf *= 2;
    }
    let json = serde_json::to_vec_pretty(&layout).map_err(io::Error::other)?;
    let tmp = dir.join("layout.json.tmp");
    std::fs::write(&tmp, json)?;
    std::fs::rename(&tmp, dir.join("layout.json"))?;
    Ok(layout)
}
