//! TIFF masters through the `tiff` crate: every directory (IFD) is a page.
//!
//! Gray (1, 2, 4, 8, 16 bits, with or without alpha), RGB/RGBA, CMYK and YCbCr at 8 or 16 bits,
//! chunky or planar, uncompressed, LZW, Deflate, PackBits, JPEG or CCITT G4. 16-bit samples are
//! reduced to 8 bits, alpha is composited on white, gray stays gray.

use std::io::Cursor;

use image::{DynamicImage, GrayImage, RgbImage};
use tiff::ColorType;
use tiff::decoder::{Decoder, DecodingResult, Limits};
use tiff::tags::SampleFormat;

use super::{DecodeError, over_white};

type Reader<'a> = Decoder<Cursor<&'a [u8]>>;

fn damaged(err: impl std::fmt::Display) -> DecodeError {
    DecodeError::new(format!(
        "Tệp TIFF bị hỏng hoặc không đọc được: {err} (damaged TIFF file; export the scan again)"
    ))
}

fn unsupported(what: &str) -> DecodeError {
    DecodeError::new(format!(
        "TIFF {what} không được hỗ trợ; hãy xuất lại bản quét ở dạng TIFF 8 hoặc 16 bit RGB/xám, \
         hoặc JPEG (unsupported TIFF {what}; export the scan as 8/16-bit RGB or gray TIFF, or JPEG)"
    ))
}

fn open(bytes: &[u8]) -> Result<Reader<'_>, DecodeError> {
    Decoder::new(Cursor::new(bytes))
        .map(|d| d.with_limits(Limits::unlimited()))
        .map_err(damaged)
}

/// The number of directories (pages).
pub(super) fn page_count(bytes: &[u8]) -> Result<u32, DecodeError> {
    let mut decoder = open(bytes)?;
    let mut count = 1;
    while decoder.more_images() {
        decoder.next_image().map_err(damaged)?;
        count += 1;
    }
    Ok(count)
}

/// Decodes directory `index`.
pub(super) fn decode(bytes: &[u8], index: u32) -> Result<DynamicImage, DecodeError> {
    let mut decoder = open(bytes)?;
    if index > 0 && decoder.seek_to_image(index as usize).is_err() {
        let count = page_count(bytes)?;
        if index >= count {
            return Err(DecodeError::no_page(index, count));
        }
        decoder.seek_to_image(index as usize).map_err(damaged)?;
    }
    let (width, height) = decoder.dimensions().map_err(damaged)?;
    let color = match decoder.colortype() {
        Ok(color) => color,
        Err(tiff::TiffError::UnsupportedError(e)) => {
            return Err(unsupported(&format!("({e})")));
        }
        Err(e) => return Err(damaged(e)),
    };
    let mut result = DecodingResult::U8(Vec::new());
    let layout = decoder
        .read_image_to_buffer(&mut result)
        .map_err(|e| match e {
            tiff::TiffError::UnsupportedError(e) => unsupported(&format!("({e})")),
            e => damaged(e),
        })?;
    if layout.sample_format != SampleFormat::Uint {
        return Err(unsupported("số thực / số có dấu (float or signed samples)"));
    }
    let bits = color.bit_depth();
    let samples = to_u8(result, bits)?;
    let channels = channels(color);
    let w = width as usize;
    let h = height as usize;
    let samples = if layout.planes > 1 && channels > 1 {
        interleave(&samples, channels, w * h, bits)?
    } else {
        samples
    };
    let samples = if bits < 8 {
        if channels != 1 {
            return Err(unsupported(&format!(
                "{bits}-bit nhiều kênh ({bits}-bit colour)"
            )));
        }
        unpack(&samples, bits, w, h)
    } else {
        samples
    };
    let need = w * h * channels;
    if samples.len() < need {
        return Err(damaged("dữ liệu ảnh bị thiếu (truncated image data)"));
    }
    let px = samples[..need].chunks_exact(channels);
    let gray =
        |data: Vec<u8>| GrayImage::from_raw(width, height, data).map(DynamicImage::ImageLuma8);
    let rgb = |data: Vec<u8>| RgbImage::from_raw(width, height, data).map(DynamicImage::ImageRgb8);
    let image = match color {
        ColorType::Gray(_) => gray(samples[..need].to_vec()),
        ColorType::GrayA(_) => gray(px.map(|p| over_white(p[0], p[1])).collect()),
        ColorType::Multiband { .. } => gray(px.map(|p| p[0]).collect()),
        ColorType::RGB(_) => rgb(samples[..need].to_vec()),
        ColorType::RGBA(_) => rgb(px
            .flat_map(|p| {
                [
                    over_white(p[0], p[3]),
                    over_white(p[1], p[3]),
                    over_white(p[2], p[3]),
                ]
            })
            .collect()),
        ColorType::CMYK(_) | ColorType::CMYKA(_) => rgb(px.flat_map(cmyk_to_rgb).collect()),
        ColorType::YCbCr(_) => rgb(px.flat_map(ycc_to_rgb).collect()),
        ColorType::Palette(_) => return Err(unsupported("bảng màu (palette)")),
        ColorType::Lab(_) => return Err(unsupported("Lab")),
        _ => return Err(unsupported(&format!("{color:?}"))),
    };
    image.ok_or_else(|| damaged("kích thước ảnh không khớp (size mismatch)"))
}

fn channels(color: ColorType) -> usize {
    match color {
        ColorType::Gray(_) | ColorType::Palette(_) => 1,
        ColorType::GrayA(_) => 2,
        ColorType::RGB(_) | ColorType::YCbCr(_) | ColorType::Lab(_) => 3,
        ColorType::RGBA(_) | ColorType::CMYK(_) => 4,
        ColorType::CMYKA(_) => 5,
        ColorType::Multiband { num_samples, .. } => usize::from(num_samples),
        _ => 1,
    }
}

/// 8-bit samples (packed bits as they are for depths below 8).
fn to_u8(result: DecodingResult, bits: u8) -> Result<Vec<u8>, DecodeError> {
    match (result, bits) {
        (DecodingResult::U8(v), 1 | 2 | 4 | 8) => Ok(v),
        (DecodingResult::U16(v), 16) => Ok(v
            .iter()
            .map(|&s| ((u32::from(s) + 128) / 257) as u8)
            .collect()),
        (_, bits) => Err(unsupported(&format!("{bits}-bit"))),
    }
}

/// Planar (one plane per channel) to chunky samples.
fn interleave(
    data: &[u8],
    channels: usize,
    pixels: usize,
    bits: u8,
) -> Result<Vec<u8>, DecodeError> {
    if bits < 8 || data.len() < channels * pixels {
        return Err(unsupported("planar"));
    }
    let mut out = vec![0u8; channels * pixels];
    for c in 0..channels {
        let plane = &data[c * pixels..(c + 1) * pixels];
        for (i, &s) in plane.iter().enumerate() {
            out[i * channels + c] = s;
        }
    }
    Ok(out)
}

/// 1-, 2- or 4-bit gray rows (each row padded to a byte) to 8-bit gray.
fn unpack(data: &[u8], bits: u8, w: usize, h: usize) -> Vec<u8> {
    let row_bytes = (w * usize::from(bits)).div_ceil(8);
    let max = (1u16 << bits) - 1;
    let per_byte = 8 / usize::from(bits);
    let mut out = Vec::with_capacity(w * h);
    for row in data.chunks(row_bytes).take(h) {
        for x in 0..w {
            let byte = row.get(x / per_byte).copied().unwrap_or(0);
            let shift = 8 - usize::from(bits) * (x % per_byte + 1);
            let v = (u16::from(byte) >> shift) & max;
            out.push((v * 255 / max) as u8);
        }
    }
    out
}

fn cmyk_to_rgb(p: &[u8]) -> [u8; 3] {
    let k = 255 - u32::from(p[3]);
    let ch = |c: u8| ((255 - u32::from(c)) * k / 255) as u8;
    let rgb = [ch(p[0]), ch(p[1]), ch(p[2])];
    match p.get(4) {
        Some(&a) => rgb.map(|v| over_white(v, a)),
        None => rgb,
    }
}

/// Full-range BT.601 YCbCr (as JPEG-in-TIFF stores it) to RGB.
fn ycc_to_rgb(p: &[u8]) -> [u8; 3] {
    let y = f32::from(p[0]);
    let cb = f32::from(p[1]) - 128.0;
    let cr = f32::from(p[2]) - 128.0;
    let c = |v: f32| v.round().clamp(0.0, 255.0) as u8;
    [
        c(y + 1.402 * cr),
        c(y - 0.344_136 * cb - 0.714_136 * cr),
        c(y + 1.772 * cb),
    ]
}
