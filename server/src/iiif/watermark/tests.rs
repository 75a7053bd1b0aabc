//! Tests: the reading-copy watermark.
use super::*;
use crate::iiif::render::render_image;
use crate::iiif::request::{ImageRequest, Limits};
use image::{GrayImage, RgbImage};

const FONT: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const TEXT: &str = "Trung tâm Lưu trữ lịch sử tỉnh Kon Tum";

fn mark() -> Option<Watermark> {
    if !Path::new(FONT).exists() {
        eprintln!("skipped: {FONT} is missing (Debian package fonts-dejavu-core)");
        return None;
    }
    Some(Watermark::new(TEXT, Path::new(FONT)).unwrap())
}

#[test]
fn vietnamese_letters_have_glyphs() {
    let Some(mark) = mark() else { return };
    assert!(
        mark.missing_glyphs().is_empty(),
        "{:?}",
        mark.missing_glyphs()
    );
    // Decomposed input is composed, so each letter maps to one precomposed glyph.
    let nfd = Watermark::new("Lu\u{031b}u tru\u{031b}\u{0303}", Path::new(FONT)).unwrap();
    assert_eq!(nfd.text, "Lưu trữ");
    assert!(nfd.missing_glyphs().is_empty());
    // A letter the font lacks is reported.
    let cjk = Watermark::new("档案", Path::new(FONT)).unwrap();
    assert_eq!(cjk.missing_glyphs().len(), 2);
    assert!(Watermark::new(TEXT, Path::new("/nonexistent/font.ttf")).is_err());
}

fn changed_rows(a: &[u8], b: &[u8], row_len: usize) -> Vec<usize> {
    a.chunks(row_len)
        .zip(b.chunks(row_len))
        .enumerate()
        .filter(|(_, (x, y))| x != y)
        .map(|(i, _)| i)
        .collect()
}

#[test]
fn draws_in_the_bottom_band_only() {
    let Some(mark) = mark() else { return };
    for original in [
        DynamicImage::ImageRgb8(RgbImage::from_pixel(800, 600, image::Rgb([40, 60, 80]))),
        DynamicImage::ImageLuma8(GrayImage::from_pixel(600, 900, image::Luma([200]))),
    ] {
        let mut img = original.clone();
        mark.apply(&mut img);
        let (w, h) = (img.width() as usize, img.height() as usize);
        let ch = img.color().channel_count() as usize;
        let rows = changed_rows(original.as_bytes(), img.as_bytes(), w * ch);
        assert!(!rows.is_empty());
        assert!(
            rows.iter().all(|&r| r > h * 85 / 100),
            "rows {:?}",
            rows.first()
        );
        // Text: dark pixels exist in the band, and the band is lighter than the dark page.
        let bottom = &img.as_bytes()[rows[0] * w * ch..];
        assert!(bottom.iter().any(|&v| v < 70), "no dark text");
        assert!(bottom.iter().any(|&v| v > 150), "no light band");
        // The band is about 3.5% of the height plus padding.
        let band = rows.last().unwrap() - rows.first().unwrap() + 1;
        assert!(
            band >= h * 3 / 100 && band <= h * 8 / 100,
            "band of {band} rows in {h}"
        );
    }
}

#[test]
fn shrinks_to_narrow_images_and_keeps_a_minimum_height() {
    let Some(mark) = mark() else { return };
    // Narrow: the text must fit within the width (no change near the left and right edges).
    let original = DynamicImage::ImageRgb8(RgbImage::from_pixel(300, 2000, image::Rgb([0, 0, 0])));
    let mut img = original.clone();
    mark.apply(&mut img);
    let a = original.to_rgb8();
    let b = img.to_rgb8();
    assert!((0..2000).all(|y| a.get_pixel(0, y) == b.get_pixel(0, y)));
    assert!((0..2000).all(|y| a.get_pixel(299, y) == b.get_pixel(299, y)));
    assert_ne!(a, b);
    // Small but wide: the text is at least 10 px high.
    let original = DynamicImage::ImageRgb8(RgbImage::from_pixel(1000, 120, image::Rgb([0, 0, 0])));
    let mut img = original.clone();
    mark.apply(&mut img);
    let rows = changed_rows(original.as_bytes(), img.as_bytes(), 3000);
    assert!(rows.len() >= 12, "{} rows", rows.len());
}

#[test]
fn stays_at_the_bottom_after_rotation() {
    let Some(mark) = mark() else { return };
    let img = DynamicImage::ImageRgb8(RgbImage::from_pixel(400, 300, image::Rgb([30, 30, 30])));
    let limits = Limits {
        max_width: 5000,
        max_height: 5000,
        max_area: 25_000_000,
    };
    let r = ImageRequest::parse("full", "max", "90", "default.png")
        .unwrap()
        .resolve(400, 300, limits)
        .unwrap();
    let plain = image::load_from_memory(&render_image(&img, 1, &r, None).unwrap()).unwrap();
    let marked = image::load_from_memory(&render_image(&img, 1, &r, Some(&mark)).unwrap()).unwrap();
    assert_eq!((marked.width(), marked.height()), (300, 400));
    let rows = changed_rows(plain.as_bytes(), marked.as_bytes(), 300 * 3);
    assert!(
        !rows.is_empty() && rows.iter().all(|&r| r > 340),
        "{rows:?}"
    );
}
