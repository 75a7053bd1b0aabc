//! Generated digitised content for `portal demo`: scan-like pages of administrative documents, a
//! large map for deep zoom, and two-layer PDFs (page scans plus their invisible text).
//!
//! Everything is a pure function of its arguments and seed: the same seed gives the same pixels
//! and the same bytes. Text is drawn with ab_glyph from the DejaVu font ([`FONT`]); when the font
//! is missing, pages show grey bars where the text would be (and [`load_font`] says what to
//! install).

mod map;

#[cfg(test)]
mod tests;

use std::sync::OnceLock;

use ab_glyph::{Font, FontArc, PxScale, ScaleFont};
use image::RgbImage;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::PROVINCE;
use crate::iiif::pdf::{PdfPage, write_pdf_at};

pub use map::map_image;

/// The font used for all generated text (Debian package fonts-dejavu-core).
pub const FONT: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

/// Pixel size of the pages of [`two_layer_pdf`] (A4 at 150 dpi).
pub const PAGE_SIZE: (u32, u32) = (1240, 1754);

/// Resolution of the pages of [`two_layer_pdf`].
pub const PAGE_DPI: f32 = 150.0;

/// Reads [`FONT`].
pub fn load_font() -> Result<Vec<u8>, String> {
    std::fs::read(FONT).map_err(|e| {
        format!(
            "Không đọc được phông chữ {FONT}: {e}; hãy cài gói Debian fonts-dejavu-core \
             (apt-get install fonts-dejavu-core) (font missing: install fonts-dejavu-core)"
        )
    })
}

/// The parsed font, loaded once; `None` when it is missing.
pub(super) fn font() -> Option<&'static FontArc> {
    static FONT_ARC: OnceLock<Option<FontArc>> = OnceLock::new();
    FONT_ARC
        .get_or_init(|| load_font().ok().and_then(|b| FontArc::try_from_vec(b).ok()))
        .as_ref()
}

/// A small, fast, deterministic hash of a few integers (for per-pixel noise).
pub(super) fn hash(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// Blends `color` over the pixel at (`x`, `y`) with coverage `alpha` (0–1), if inside.
pub(super) fn blend(img: &mut RgbImage, x: i64, y: i64, color: [u8; 3], alpha: f32) {
    if x < 0 || y < 0 || x >= i64::from(img.width()) || y >= i64::from(img.height()) {
        return;
    }
    let a = alpha.clamp(0.0, 1.0);
    let p = img.get_pixel_mut(x as u32, y as u32);
    for (dst, src) in p.0.iter_mut().zip(color) {
        *dst = (f32::from(*dst) * (1.0 - a) + f32::from(src) * a).round() as u8;
    }
}

/// The advance width of `text` at `size` px (0 without the font).
pub(super) fn text_width(text: &str, size: f32) -> f32 {
    let Some(font) = font() else {
        return text.chars().count() as f32 * size * 0.55;
    };
    let scaled = font.as_scaled(PxScale::from(size));
    text.chars()
        .map(|c| scaled.h_advance(font.glyph_id(c)))
        .sum()
}

/// Draws `text` with its baseline starting at (`x`, `y`); grey bars stand in when the font is
/// missing.
pub(super) fn draw_text(img: &mut RgbImage, text: &str, x: f32, y: f32, size: f32, color: [u8; 3]) {
    let Some(font) = font() else {
        let w = text_width(text, size);
        for yy in (y - size * 0.6) as i64..y as i64 {
            for xx in x as i64..(x + w) as i64 {
                blend(img, xx, yy, color, 0.35);
            }
        }
        return;
    };
    let scale = PxScale::from(size);
    let scaled = font.as_scaled(scale);
    let mut pen = x;
    for c in text.chars() {
        let id = font.glyph_id(c);
        let glyph = id.with_scale_and_position(scale, ab_glyph::point(pen, y));
        pen += scaled.h_advance(id);
        if let Some(outline) = font.outline_glyph(glyph) {
            let b = outline.px_bounds();
            outline.draw(|gx, gy, cov| {
                blend(
                    img,
                    b.min.x as i64 + i64::from(gx),
                    b.min.y as i64 + i64::from(gy),
                    color,
                    cov,
                );
            });
        }
    }
}

fn draw_centered(img: &mut RgbImage, text: &str, cx: f32, y: f32, size: f32, color: [u8; 3]) {
    draw_text(img, text, cx - text_width(text, size) / 2.0, y, size, color);
}

/// A page that looks like a scanned administrative document: off-white paper with noise and
/// vignetting, the two-column header, `title`, the body `lines` and a red stamp.
pub fn scan_page(seed: u64, title: &str, lines: &[String], width: u32, height: u32) -> RgbImage {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut img = paper(seed, width, height);
    let s = width as f32 / 1240.0;
    let ink = [32, 30, 38];
    let (left, right) = (0.27 * width as f32, 0.70 * width as f32);
    let mut y = 110.0 * s;
    let organ = format!("ỦY BAN NHÂN DÂN TỈNH {}", PROVINCE.to_uppercase());
    draw_centered(&mut img, &organ, left, y, 21.0 * s, ink);
    draw_centered(
        &mut img,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        right,
        y,
        21.0 * s,
        ink,
    );
    y += 32.0 * s;
    draw_centered(
        &mut img,
        "Độc lập - Tự do - Hạnh phúc",
        right,
        y,
        22.0 * s,
        ink,
    );
    rule(
        &mut img,
        right - 150.0 * s,
        right + 150.0 * s,
        y + 8.0 * s,
        ink,
    );
    rule(
        &mut img,
        left - 60.0 * s,
        left + 60.0 * s,
        y - 14.0 * s,
        ink,
    );
    y += 50.0 * s;
    let number = rng.random_range(100..3000);
    let (day, month, year) = (
        rng.random_range(1..29),
        rng.random_range(1..13),
        rng.random_range(1976..2016),
    );
    draw_centered(
        &mut img,
        &format!("Số: {number}/QĐ-UBND"),
        left,
        y,
        22.0 * s,
        ink,
    );
    let date = format!("{PROVINCE}, ngày {day:02} tháng {month:02} năm {year}");
    draw_centered(&mut img, &date, right, y, 21.0 * s, ink);
    y += 90.0 * s;
    let cx = width as f32 / 2.0;
    for dx in [0.0, 0.8 * s] {
        draw_centered(&mut img, &title.to_uppercase(), cx + dx, y, 30.0 * s, ink);
    }
    y += 70.0 * s;
    let margin = 110.0 * s;
    let body = 23.0 * s;
    for line in lines {
        if y > height as f32 - 260.0 * s {
            break;
        }
        let indent = if rng.random_bool(0.2) { 40.0 * s } else { 0.0 };
        draw_text(&mut img, line, margin + indent, y, body, ink);
        y += 38.0 * s;
    }
    stamp(
        &mut img,
        &mut rng,
        right,
        (height as f32 - 150.0 * s).max(y + 40.0 * s),
        s,
    );
    img
}

/// Off-white paper: slight per-pixel noise, darker towards the corners.
fn paper(seed: u64, width: u32, height: u32) -> RgbImage {
    let (cx, cy) = (width as f32 / 2.0, height as f32 / 2.0);
    let col: Vec<f32> = (0..width).map(|x| ((x as f32 - cx) / cx).powi(2)).collect();
    let mut data = Vec::with_capacity(width as usize * height as usize * 3);
    for y in 0..height {
        let dy = ((y as f32 - cy) / cy).powi(2);
        for (x, dx) in col.iter().enumerate() {
            let shade = 1.0 - 0.07 * (dx + dy);
            let n = hash(seed ^ (u64::from(y) << 32) ^ x as u64);
            let noise = (n & 15) as f32 - 7.5;
            data.push((247.0 * shade + noise).clamp(0.0, 255.0) as u8);
            data.push((242.0 * shade + noise).clamp(0.0, 255.0) as u8);
            data.push((228.0 * shade + noise * 1.2).clamp(0.0, 255.0) as u8);
        }
    }
    RgbImage::from_raw(width, height, data).unwrap_or_else(|| RgbImage::new(width, height))
}

fn rule(img: &mut RgbImage, x0: f32, x1: f32, y: f32, color: [u8; 3]) {
    for x in x0 as i64..x1 as i64 {
        blend(img, x, y as i64, color, 0.9);
    }
}

/// A red round seal, slightly transparent, with a star and the organ's name around it.
fn stamp(img: &mut RgbImage, rng: &mut StdRng, cx: f32, cy: f32, s: f32) {
    let red = [196, 36, 42];
    let cx = cx + rng.random_range(-30.0..30.0) * s;
    let r = 95.0 * s;
    let (x0, x1) = ((cx - r - 2.0) as i64, (cx + r + 2.0) as i64);
    let (y0, y1) = ((cy - r - 2.0) as i64, (cy + r + 2.0) as i64);
    for y in y0..=y1 {
        for x in x0..=x1 {
            let d = ((x as f32 - cx).powi(2) + (y as f32 - cy).powi(2)).sqrt();
            let ring = |radius: f32, half: f32| (half + 0.5 - (d - radius).abs()).clamp(0.0, 1.0);
            let star = star_cover(x as f32 - cx, y as f32 - cy, 28.0 * s);
            let cover = ring(r - 3.0 * s, 3.0 * s)
                .max(ring(r - 14.0 * s, 1.2 * s))
                .max(star);
            if cover > 0.0 {
                let speckle = (hash((x as u64) << 20 ^ y as u64) & 7) as f32 / 20.0;
                blend(img, x, y, red, cover * (0.75 - speckle));
            }
        }
    }
    let size = 15.0 * s;
    draw_centered(img, "ỦY BAN NHÂN DÂN", cx, cy - 45.0 * s, size, red);
    draw_centered(img, &PROVINCE.to_uppercase(), cx, cy + 58.0 * s, size, red);
    draw_centered(img, "CHỦ TỊCH", cx, cy + 150.0 * s, 21.0 * s, [32, 30, 38]);
}

/// Coverage of a five-pointed star of outer radius `r` at offset (`x`, `y`) from its centre.
fn star_cover(x: f32, y: f32, r: f32) -> f32 {
    let d = (x * x + y * y).sqrt();
    if d > r {
        return 0.0;
    }
    let a = y.atan2(x) + std::f32::consts::FRAC_PI_2;
    let sector = std::f32::consts::TAU / 5.0;
    let t = ((a.rem_euclid(sector)) / sector - 0.5).abs() * 2.0;
    let edge = r * (0.4 + 0.6 * t.powf(2.0));
    (edge - d + 0.5).clamp(0.0, 1.0)
}

/// A multi-page two-layer PDF: each page a JPEG [`scan_page`] of `pages[i]` (the first page
/// carries `title`), with the same lines as invisible text.
pub fn two_layer_pdf(seed: u64, title: &str, pages: &[Vec<String>]) -> Result<Vec<u8>, String> {
    let font = load_font()?;
    let (w, h) = PAGE_SIZE;
    let mut out = Vec::with_capacity(pages.len());
    for (i, lines) in pages.iter().enumerate() {
        let page_title = if i == 0 {
            title.to_owned()
        } else {
            format!("{title} (tiếp theo)")
        };
        let img = scan_page(hash(seed.wrapping_add(i as u64)), &page_title, lines, w, h);
        let mut jpeg = Vec::new();
        jpeg_encoder::Encoder::new(&mut jpeg, 80)
            .encode(
                img.as_raw(),
                w as u16,
                h as u16,
                jpeg_encoder::ColorType::Rgb,
            )
            .map_err(|e| format!("Không mã hóa được JPEG: {e} (JPEG encoding failed)"))?;
        let mut text = page_title.to_uppercase();
        for line in lines {
            text.push('\n');
            text.push_str(line);
        }
        out.push(PdfPage {
            jpeg,
            width: w,
            height: h,
            text: Some(text),
        });
    }
    // A fixed date keeps the bytes reproducible.
    let created =
        time::OffsetDateTime::UNIX_EPOCH + time::Duration::days(20_000 + (seed % 3650) as i64);
    write_pdf_at(&out, title, PAGE_DPI, Some(&font), created)
}
