//! PDF output with krilla: a whole record's pages as one PDF (the public download), and a
//! two-layer PDF (page image + invisible text) for the demo corpus.
//!
//! Each page is its JPEG embedded as is (no re-encoding), sized so that the JPEG's pixels are at
//! `dpi`. A page's text is laid over the image top to bottom, one line per text line, in text
//! rendering mode 3 (invisible), as OCR two-layer PDFs do, with the caller's TrueType font
//! (embedded as a subset). The output is PDF/A-2b, checked by krilla's validator.
//!
//! krilla has no setting for the invisible rendering mode, so the document is written with
//! uncompressed content streams and the `BT 0 Tr` that krilla writes to start each glyph run is
//! turned into `BT 3 Tr` in place (same length, so every offset stays valid).

use ab_glyph::{Font as _, FontRef};
use krilla::configure::{Archival, ConfigurationBuilder, Validator};
use krilla::geom::{Point, Size};
use krilla::image::Image;
use krilla::metadata::{DateTime, Metadata};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};
use unicode_normalization::UnicodeNormalization;

#[cfg(test)]
mod tests;

/// One page to put in a PDF: an encoded JPEG and its pixel size; `text`, when given, is laid
/// invisibly over the image so that the PDF is searchable (a two-layer PDF).
pub struct PdfPage {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub text: Option<String>,
}

/// The bytes krilla writes to select the fill text rendering mode, and their invisible twin.
const FILL_MODE: &[u8] = b"BT 0 Tr";
const INVISIBLE_MODE: &[u8] = b"BT 3 Tr";

/// Builds a PDF of `pages` at `dpi`, with `title` in its metadata; `font` (TrueType bytes) is needed
/// only when a page has text.
pub fn write_pdf(
    pages: &[PdfPage],
    title: &str,
    dpi: f32,
    font: Option<&[u8]>,
) -> Result<Vec<u8>, String> {
    write_pdf_at(pages, title, dpi, font, time::OffsetDateTime::now_utc())
}

/// [`write_pdf`] with a given creation date (PDF/A requires one), for reproducible output.
pub fn write_pdf_at(
    pages: &[PdfPage],
    title: &str,
    dpi: f32,
    font: Option<&[u8]>,
    created: time::OffsetDateTime,
) -> Result<Vec<u8>, String> {
    if !(dpi.is_finite() && dpi > 0.0) {
        return Err(format!(
            "độ phân giải không hợp lệ: {dpi} dpi (invalid dpi)"
        ));
    }
    let has_text = pages
        .iter()
        .any(|p| p.text.as_deref().is_some_and(|t| !t.trim().is_empty()));
    let fonts = match (has_text, font) {
        (false, _) => None,
        (true, None) => {
            return Err(
                "Cần phông chữ TrueType để ghi lớp chữ (a TrueType font is needed for the \
                        text layer)"
                    .into(),
            );
        }
        (true, Some(bytes)) => {
            let outline = FontRef::try_from_slice(bytes)
                .map_err(|e| format!("Phông chữ không đọc được: {e} (unreadable font)"))?;
            let krilla = Font::new(bytes.to_vec().into(), 0)
                .ok_or("Phông chữ không đọc được (krilla cannot read the font)")?;
            Some((outline, krilla))
        }
    };
    let configuration = ConfigurationBuilder::new()
        .set_validator(Validator::A(Archival::A2_B))
        .finish()
        .map_err(|e| format!("cấu hình PDF/A không hợp lệ: {e:?}"))?;
    let settings = SerializeSettings {
        compress_content_streams: false,
        configuration,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    document.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .creator("portal".to_owned())
            .producer("portal (krilla)".to_owned())
            .creation_date(pdf_date(created)),
    );
    let scale = 72.0 / dpi;
    for (n, page) in pages.iter().enumerate() {
        let image = Image::from_jpeg(page.jpeg.clone().into(), false)
            .map_err(|e| format!("Trang {}: ảnh JPEG không hợp lệ: {e} (invalid JPEG)", n + 1))?;
        let (w, h) = (page.width as f32 * scale, page.height as f32 * scale);
        let size = Size::from_wh(w, h).ok_or_else(|| {
            format!(
                "Trang {}: kích thước trang không hợp lệ (invalid page size)",
                n + 1
            )
        })?;
        let mut pdf_page = document.start_page_with(krilla::page::PageSettings::new(size));
        let mut surface = pdf_page.surface();
        surface.draw_image(image, size);
        if let (Some(text), Some((outline, font))) = (&page.text, &fonts) {
            draw_text_layer(&mut surface, outline, font, text, w, h);
        }
        surface.finish();
        pdf_page.finish();
    }
    let mut bytes = document
        .finish()
        .map_err(|e| format!("Không ghi được PDF: {e:?} (PDF export failed)"))?;
    make_text_invisible(&mut bytes);
    Ok(bytes)
}

fn pdf_date(t: time::OffsetDateTime) -> DateTime {
    let t = t.to_offset(time::UtcOffset::UTC);
    DateTime::new(t.year().clamp(0, 9999) as u16)
        .month(u8::from(t.month()))
        .day(t.day())
        .hour(t.hour())
        .minute(t.minute())
        .second(t.second())
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

/// Lays `text`'s lines from top to bottom over a page of `w`×`h` points.
fn draw_text_layer(
    surface: &mut krilla::surface::Surface<'_>,
    outline: &FontRef<'_>,
    font: &Font,
    text: &str,
    w: f32,
    h: f32,
) {
    let text: String = text.nfc().collect();
    let lines: Vec<&str> = text.lines().collect();
    if lines.is_empty() {
        return;
    }
    let margin_x = 0.08 * w;
    let top = 0.08 * h;
    let line_h = (0.84 * h / lines.len() as f32).min(0.03 * h);
    let upem = outline.units_per_em().unwrap_or(1000.0);
    for (i, line) in lines.iter().enumerate() {
        let mut glyphs = Vec::new();
        for (start, c) in line.char_indices() {
            let id = outline.glyph_id(c);
            // PDF/A forbids .notdef: characters the font lacks stay out of the text layer.
            if id.0 == 0 {
                continue;
            }
            glyphs.push(KrillaGlyph {
                glyph_id: GlyphId::new(u32::from(id.0)),
                text_range: start..start + c.len_utf8(),
                x_advance: outline.h_advance_unscaled(id) / upem,
                x_offset: 0.0,
                y_offset: 0.0,
                y_advance: 0.0,
                location: None,
            });
        }
        let em_width: f32 = glyphs.iter().map(|g| g.x_advance).sum();
        if glyphs.is_empty() || em_width <= 0.0 {
            continue;
        }
        let size = (0.75 * line_h)
            .min((w - 2.0 * margin_x) / em_width)
            .max(0.5);
        let baseline = top + line_h * (i as f32 + 0.8);
        surface.draw_glyphs(
            Point::from_xy(margin_x, baseline),
            &glyphs,
            font.clone(),
            line,
            size,
            false,
        );
    }
}

/// Turns every fill text rendering mode operator into the invisible one, in place.
fn make_text_invisible(bytes: &mut [u8]) {
    let mut i = 0;
    while i + FILL_MODE.len() <= bytes.len() {
        if &bytes[i..i + FILL_MODE.len()] == FILL_MODE {
            bytes[i..i + FILL_MODE.len()].copy_from_slice(INVISIBLE_MODE);
            i += FILL_MODE.len();
        } else {
            i += 1;
        }
    }
}
