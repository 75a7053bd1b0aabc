//! Tests: PDF output: round trips through the decoder, PDF/A metadata.
use std::io::Cursor;

use image::{DynamicImage, ImageFormat, RgbImage};

use super::*;
use crate::iiif::decode::{MediaType, open_pdf};

const DEJAVU: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

fn jpeg(width: u32, height: u32, shade: u8) -> Vec<u8> {
    let img = RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([shade, (x % 256) as u8, (y % 256) as u8])
    });
    let mut out = Vec::new();
    DynamicImage::ImageRgb8(img)
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Jpeg)
        .unwrap();
    out
}

#[test]
fn three_vietnamese_pages_round_trip() {
    let Ok(font) = std::fs::read(DEJAVU) else {
        eprintln!("{DEJAVU} absent (fonts-dejavu-core): skipped");
        return;
    };
    let sizes = [(600, 800), (800, 600), (300, 420)];
    let texts = [
        Some("QUYẾT ĐỊNH\nvề việc số hóa tài liệu lưu trữ\nỦy ban nhân dân tỉnh".to_owned()),
        None,
        Some("Độc lập - Tự do - Hạnh phúc".to_owned()),
    ];
    let pages: Vec<PdfPage> = sizes
        .iter()
        .zip(texts)
        .enumerate()
        .map(|(i, (&(width, height), text))| PdfPage {
            jpeg: jpeg(width, height, 60 * i as u8),
            width,
            height,
            text,
        })
        .collect();
    let pdf = write_pdf(&pages, "Hồ sơ số hóa thử nghiệm", 150.0, Some(&font)).unwrap();
    if let Ok(path) = std::env::var("PORTAL_DUMP_PDF") {
        std::fs::write(path, &pdf).unwrap();
    }
    assert_eq!(MediaType::sniff(&pdf), Some(MediaType::Pdf));
    // The text layer is invisible: every glyph run uses rendering mode 3.
    assert!(
        pdf.windows(INVISIBLE_MODE.len())
            .any(|w| w == INVISIBLE_MODE)
    );
    assert!(!pdf.windows(FILL_MODE.len()).any(|w| w == FILL_MODE));
    // The JPEGs are embedded as they are.
    assert!(pdf.windows(64).any(|w| w == &pages[2].jpeg[..64]));
    assert!(String::from_utf8_lossy(&pdf).contains("pdfaid:part"));

    let doc = open_pdf(&pdf).unwrap();
    assert_eq!(doc.page_count(), 3);
    for (i, &(w, h)) in sizes.iter().enumerate() {
        let page = doc.page(i as u32).unwrap();
        assert_eq!(
            (page.image.width(), page.image.height()),
            (w, h),
            "page {}",
            i + 1
        );
    }
    let first = doc.page(0).unwrap().text.unwrap();
    assert_eq!(
        first,
        "QUYẾT ĐỊNH\nvề việc số hóa tài liệu lưu trữ\nỦy ban nhân dân tỉnh"
    );
    assert!(doc.page(1).unwrap().text.is_none());
    assert_eq!(
        doc.page(2).unwrap().text.as_deref(),
        Some("Độc lập - Tự do - Hạnh phúc")
    );
}

#[test]
fn pages_without_text_need_no_font() {
    let pages = [PdfPage {
        jpeg: jpeg(144, 72, 0),
        width: 144,
        height: 72,
        text: None,
    }];
    let pdf = write_pdf(&pages, "Ảnh", 72.0, None).unwrap();
    let doc = open_pdf(&pdf).unwrap();
    let page = doc.page(0).unwrap();
    assert_eq!((page.image.width(), page.image.height()), (144, 72));
}

#[test]
fn text_without_font_or_bad_jpeg_is_an_error() {
    let with_text = [PdfPage {
        jpeg: jpeg(10, 10, 0),
        width: 10,
        height: 10,
        text: Some("chữ".into()),
    }];
    let err = write_pdf(&with_text, "x", 150.0, None).err().unwrap();
    assert!(err.contains("phông chữ"), "{err}");
    let bad = [PdfPage {
        jpeg: b"not a jpeg".to_vec(),
        width: 10,
        height: 10,
        text: None,
    }];
    let err = write_pdf(&bad, "x", 150.0, None).err().unwrap();
    assert!(err.contains("Trang 1") && err.contains("JPEG"), "{err}");
}
