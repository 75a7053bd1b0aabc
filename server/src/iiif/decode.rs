//! Decoding masters into pages: JPEG, PNG, TIFF (LZW/Deflate, multi-page, 16-bit) and PDF
//! (each page rasterised, its text layer extracted).
//!
//! Every page comes out as 8-bit RGB or 8-bit gray ([`DynamicImage::ImageRgb8`] or
//! [`DynamicImage::ImageLuma8`]): 16-bit samples are reduced to 8 bits and alpha is composited on
//! white. JPEG and PNG go through the `image` crate ([`raster`]), TIFF through the `tiff` crate so
//! that every directory is a page ([`tiff`]), PDF through hayro ([`pdf`]): a page that is one
//! full-page scan comes out at the scan's own pixel size, its invisible OCR text as
//! [`DecodedPage::text`] ([`text`]). To decode many pages of one PDF, open it once with
//! [`open_pdf`] and call [`PdfDocument::page`] per page.

mod pdf;
mod raster;
mod text;
mod tiff;

#[cfg(test)]
mod tests;

use image::DynamicImage;

pub use pdf::{PdfDocument, open_pdf};

/// The longest side, in pixels, of a rasterised PDF page.
pub const MAX_PDF_SIDE: u32 = 10_000;

/// The resolution of PDF pages that are not a single full-page scan.
pub const PDF_DEFAULT_DPI: f32 = 200.0;

/// A master's kind, told from its first bytes (never from its name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MediaType {
    Jpeg,
    Png,
    Tiff,
    Pdf,
}

impl MediaType {
    /// The kind of `bytes`, or `None` when it is none of the accepted ones.
    pub fn sniff(bytes: &[u8]) -> Option<MediaType> {
        const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(MediaType::Jpeg)
        } else if bytes.starts_with(PNG) {
            Some(MediaType::Png)
        } else if bytes.starts_with(b"II*\0")
            || bytes.starts_with(b"MM\0*")
            || bytes.starts_with(b"II+\0")
            || bytes.starts_with(b"MM\0+")
        {
            Some(MediaType::Tiff)
        } else if starts_pdf(bytes) {
            Some(MediaType::Pdf)
        } else {
            None
        }
    }

    /// `image/jpeg`, `image/png`, `image/tiff`, `application/pdf`.
    pub fn as_str(self) -> &'static str {
        match self {
            MediaType::Jpeg => "image/jpeg",
            MediaType::Png => "image/png",
            MediaType::Tiff => "image/tiff",
            MediaType::Pdf => "application/pdf",
        }
    }

    /// The inverse of [`MediaType::as_str`].
    pub fn parse(s: &str) -> Option<MediaType> {
        [
            MediaType::Jpeg,
            MediaType::Png,
            MediaType::Tiff,
            MediaType::Pdf,
        ]
        .into_iter()
        .find(|m| m.as_str() == s)
    }
}

/// `%PDF-` at the start, or within the first KiB after junk (some scanners prepend a few bytes,
/// which PDF readers tolerate).
fn starts_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// One decoded page: 8-bit RGB or 8-bit gray, and the text layer when the master has one.
pub struct DecodedPage {
    pub image: DynamicImage,
    pub text: Option<String>,
}

/// Why a master (or one of its pages) cannot be decoded: shown to archivists as is.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct DecodeError(pub String);

impl DecodeError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        DecodeError(message.into())
    }

    fn no_page(index: u32, count: u32) -> Self {
        DecodeError(format!(
            "Không có trang {} trong tệp (tệp chỉ có {count} trang) (page {} does not exist, the \
             file has {count})",
            index + 1,
            index + 1
        ))
    }
}

/// How many pages `bytes` holds (1 for JPEG/PNG, directories of a TIFF, pages of a PDF).
pub fn page_count(bytes: &[u8], media: MediaType) -> Result<u32, DecodeError> {
    match media {
        MediaType::Jpeg | MediaType::Png => {
            raster::check(bytes, media)?;
            Ok(1)
        }
        MediaType::Tiff => tiff::page_count(bytes),
        MediaType::Pdf => Ok(open_pdf(bytes)?.page_count()),
    }
}

/// Decodes page `index` (0-based) of `bytes`.
///
/// For a PDF this opens the document each time; to decode several pages of one PDF use
/// [`open_pdf`] once and [`PdfDocument::page`].
pub fn decode_page(bytes: &[u8], media: MediaType, index: u32) -> Result<DecodedPage, DecodeError> {
    match media {
        MediaType::Jpeg | MediaType::Png => {
            if index != 0 {
                return Err(DecodeError::no_page(index, 1));
            }
            Ok(DecodedPage {
                image: raster::decode(bytes, media)?,
                text: None,
            })
        }
        MediaType::Tiff => Ok(DecodedPage {
            image: tiff::decode(bytes, index)?,
            text: None,
        }),
        MediaType::Pdf => open_pdf(bytes)?.page(index),
    }
}

/// Turns any decoded image into 8-bit RGB or 8-bit gray, compositing alpha on white.
pub(crate) fn normalize(image: DynamicImage) -> DynamicImage {
    use image::DynamicImage as D;
    match image {
        D::ImageRgb8(_) | D::ImageLuma8(_) => image,
        D::ImageLuma16(_) => D::ImageLuma8(image.to_luma8()),
        D::ImageLumaA8(_) | D::ImageLumaA16(_) => {
            let la = image.to_luma_alpha8();
            let (w, h) = la.dimensions();
            let data = la.pixels().map(|p| over_white(p.0[0], p.0[1])).collect();
            D::ImageLuma8(image::GrayImage::from_raw(w, h, data).unwrap_or_default())
        }
        D::ImageRgb16(_) | D::ImageRgb32F(_) => D::ImageRgb8(image.to_rgb8()),
        _ => {
            let rgba = image.to_rgba8();
            let (w, h) = rgba.dimensions();
            let mut data = Vec::with_capacity(w as usize * h as usize * 3);
            for p in rgba.pixels() {
                let [r, g, b, a] = p.0;
                data.extend([over_white(r, a), over_white(g, a), over_white(b, a)]);
            }
            D::ImageRgb8(image::RgbImage::from_raw(w, h, data).unwrap_or_default())
        }
    }
}

/// A sample with straight alpha `a`, composited on white.
pub(crate) fn over_white(v: u8, a: u8) -> u8 {
    let (v, a) = (u32::from(v), u32::from(a));
    ((v * a + 255 * (255 - a) + 127) / 255) as u8
}
