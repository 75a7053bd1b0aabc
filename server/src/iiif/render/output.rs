//! The last steps of a render, in the Image API's order: mirror, rotate, quality, then the
//! watermark (so it sits at the bottom centre of what the reader sees) and the encoder.

use crate::iiif::pyramid::encode_jpeg;
use crate::iiif::request::{Format, Quality, Resolved};
use crate::iiif::watermark::Watermark;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::codecs::webp::WebPEncoder;
use image::{DynamicImage, ExtendedColorType, GrayImage, ImageEncoder, RgbImage};
use std::io;

/// Luma at or above this becomes white in bitonal output, below it black.
const BITONAL_THRESHOLD: u8 = 128;

pub(super) fn finish(
    pixels: Vec<u8>,
    w: u32,
    h: u32,
    gray: bool,
    r: &Resolved,
    watermark: Option<&Watermark>,
) -> io::Result<Vec<u8>> {
    let bad = || io::Error::other("pixel buffer does not match the output size");
    let mut img = if gray {
        DynamicImage::ImageLuma8(GrayImage::from_raw(w, h, pixels).ok_or_else(bad)?)
    } else {
        DynamicImage::ImageRgb8(RgbImage::from_raw(w, h, pixels).ok_or_else(bad)?)
    };
    if r.mirror {
        image::imageops::flip_horizontal_in_place(&mut img);
    }
    img = match r.degrees as u32 {
        90 => img.rotate90(),
        180 => img.rotate180(),
        270 => img.rotate270(),
        _ => img,
    };
    if matches!(r.quality, Quality::Gray | Quality::Bitonal) && !gray {
        img = DynamicImage::ImageLuma8(img.to_luma8());
    }
    if let Some(mark) = watermark {
        mark.apply(&mut img);
    }
    if r.quality == Quality::Bitonal
        && let DynamicImage::ImageLuma8(luma) = &mut img
    {
        for p in luma.iter_mut() {
            *p = if *p >= BITONAL_THRESHOLD { 255 } else { 0 };
        }
    }
    encode(&img, r.format)
}

/// Encodes an 8-bit RGB or gray image: JPEG at the pyramid's quality, PNG, lossless WebP.
pub(super) fn encode(img: &DynamicImage, format: Format) -> io::Result<Vec<u8>> {
    let (w, h) = (img.width(), img.height());
    let (bytes, color, gray) = match img {
        DynamicImage::ImageLuma8(b) => (b.as_raw().as_slice(), ExtendedColorType::L8, true),
        DynamicImage::ImageRgb8(b) => (b.as_raw().as_slice(), ExtendedColorType::Rgb8, false),
        _ => {
            return Err(io::Error::other(
                "only 8-bit RGB and gray images are encoded",
            ));
        }
    };
    match format {
        Format::Jpg => encode_jpeg(bytes, w, h, gray),
        Format::Png => {
            let mut out = Vec::new();
            PngEncoder::new_with_quality(&mut out, CompressionType::Fast, FilterType::Adaptive)
                .write_image(bytes, w, h, color)
                .map_err(io::Error::other)?;
            Ok(out)
        }
        Format::Webp => {
            let mut out = Vec::new();
            WebPEncoder::new_lossless(&mut out)
                .encode(bytes, w, h, color)
                .map_err(io::Error::other)?;
            Ok(out)
        }
    }
}
