//! Decoding masters into pages: JPEG, PNG, TIFF (LZW/Deflate, multi-page, 16-bit) and PDF
//! (each page rasterised, its text layer extracted).

use image::DynamicImage;

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
        let _ = bytes;
        None
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

/// One decoded page: 8-bit RGB or 8-bit gray, and the text layer when the master has one.
pub struct DecodedPage {
    pub image: DynamicImage,
    pub text: Option<String>,
}

/// Why a master (or one of its pages) cannot be decoded: shown to archivists as is.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct DecodeError(pub String);

/// How many pages `bytes` holds (1 for JPEG/PNG, directories of a TIFF, pages of a PDF).
pub fn page_count(bytes: &[u8], media: MediaType) -> Result<u32, DecodeError> {
    let _ = (bytes, media);
    Err(DecodeError("not yet".into()))
}

/// Decodes page `index` (0-based) of `bytes`.
pub fn decode_page(bytes: &[u8], media: MediaType, index: u32) -> Result<DecodedPage, DecodeError> {
    let _ = (bytes, media, index);
    Err(DecodeError("not yet".into()))
}
