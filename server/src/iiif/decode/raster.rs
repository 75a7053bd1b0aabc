//! JPEG and PNG masters, through the `image` crate (one page each; EXIF orientation applied).

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};

use super::{DecodeError, MediaType, normalize};

fn format(media: MediaType) -> (ImageFormat, &'static str) {
    match media {
        MediaType::Png => (ImageFormat::Png, "PNG"),
        _ => (ImageFormat::Jpeg, "JPEG"),
    }
}

fn damaged(name: &str, err: impl std::fmt::Display) -> DecodeError {
    DecodeError::new(format!(
        "Tệp {name} bị hỏng hoặc không đọc được: {err} (damaged {name} file; export the scan \
         again)"
    ))
}

fn reader(bytes: &[u8], media: MediaType) -> ImageReader<Cursor<&[u8]>> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format(media).0);
    // Scans of large maps and plans exceed the default allocation limit (512 MiB).
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(4 << 30);
    reader.limits(limits);
    reader
}

/// Reads the header only: an error when the file is not a readable JPEG/PNG.
pub(super) fn check(bytes: &[u8], media: MediaType) -> Result<(), DecodeError> {
    let name = format(media).1;
    reader(bytes, media)
        .into_dimensions()
        .map(|_| ())
        .map_err(|e| damaged(name, e))
}

/// Decodes the whole image into 8-bit RGB or gray.
pub(super) fn decode(bytes: &[u8], media: MediaType) -> Result<DynamicImage, DecodeError> {
    let name = format(media).1;
    let mut decoder = reader(bytes, media)
        .into_decoder()
        .map_err(|e| damaged(name, e))?;
    let orientation = decoder.orientation().ok();
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| damaged(name, e))?;
    if let Some(orientation) = orientation {
        image.apply_orientation(orientation);
    }
    Ok(normalize(image))
}
