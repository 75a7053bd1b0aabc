//! The reading-copy watermark: the archive's name drawn at the bottom centre of an image
//! (domain.md §3 rule 3), in a font read from disk: dark text on a semi-opaque light band, about
//! 3.5% of the image height (at least 10 px), shrunk to fit the width.

use ab_glyph::{Font, FontArc, Glyph, PxScale, ScaleFont, point};
use image::DynamicImage;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// Text height as a share of the image height.
const HEIGHT_SHARE: f32 = 0.035;
/// Smallest text height in pixels, unless the width forces smaller.
const MIN_PX: f32 = 10.0;
/// Below this height the text is not legible and is not drawn.
const SMALLEST_PX: f32 = 5.0;
/// The band may take this share of the width.
const WIDTH_SHARE: f32 = 0.92;
/// Padding around the text, as a share of the text height.
const PAD: f32 = 0.35;
/// Band colour and opacity; text colour and opacity.
const BAND: (f32, f32) = (245.0, 0.65);
const INK: (f32, f32) = (25.0, 0.9);

/// A watermark ready to draw.
pub struct Watermark {
    /// The text, in Unicode NFC (precomposed Vietnamese letters).
    pub text: String,
    font: FontArc,
}

impl Watermark {
    /// Loads the font at `font` (a TrueType/OpenType file) for `text`.
    pub fn new(text: &str, font: &Path) -> std::io::Result<Watermark> {
        let bytes = std::fs::read(font)?;
        let font = FontArc::try_from_vec(bytes).map_err(|e| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("{}: not a usable font ({e})", font.display()),
            )
        })?;
        Ok(Watermark {
            text: text.nfc().collect(),
            font,
        })
    }

    /// The letters of the text that the font has no glyph for (they would show as boxes).
    pub fn missing_glyphs(&self) -> Vec<char> {
        self.text
            .chars()
            .filter(|c| !c.is_whitespace() && self.font.glyph_id(*c).0 == 0)
            .collect()
    }

    /// Width in pixels of the text at `px`.
    fn text_width(&self, px: f32) -> f32 {
        let font = self.font.as_scaled(PxScale::from(px));
        let mut width = 0.0;
        let mut prev = None;
        for c in self.text.chars() {
            let id = font.glyph_id(c);
            if let Some(p) = prev {
                width += font.kern(p, id);
            }
            width += font.h_advance(id);
            prev = Some(id);
        }
        width
    }

    /// Draws the text at the bottom centre of `image`, scaled to its width, legible on light and
    /// dark pages. 8-bit RGB(A) and gray images are drawn on in place; other types become RGB.
    pub fn apply(&self, image: &mut DynamicImage) {
        let (w, h) = (image.width(), image.height());
        let mut px = (h as f32 * HEIGHT_SHARE).round().max(MIN_PX);
        let per_px = self.text_width(px) / px + 4.0 * PAD;
        if per_px <= 0.0 {
            return;
        }
        // The band (text and padding) grows linearly with the text height.
        px = px.min(w as f32 * WIDTH_SHARE / per_px);
        if px < SMALLEST_PX || px * 1.6 > h as f32 {
            return;
        }
        if !matches!(
            image,
            DynamicImage::ImageLuma8(_)
                | DynamicImage::ImageLumaA8(_)
                | DynamicImage::ImageRgb8(_)
                | DynamicImage::ImageRgba8(_)
        ) {
            *image = DynamicImage::ImageRgb8(image.to_rgb8());
        }
        let ch = image.color().channel_count() as usize;
        let colours = if ch >= 3 { 3 } else { 1 };
        let buf: &mut [u8] = match image {
            DynamicImage::ImageLuma8(b) => b,
            DynamicImage::ImageLumaA8(b) => b,
            DynamicImage::ImageRgb8(b) => b,
            DynamicImage::ImageRgba8(b) => b,
            _ => return,
        };
        let mut canvas = Canvas {
            buf,
            w,
            h,
            ch,
            colours,
        };
        self.draw(&mut canvas, px);
    }

    fn draw(&self, canvas: &mut Canvas<'_>, px: f32) {
        let font = self.font.as_scaled(PxScale::from(px));
        let text_w = self.text_width(px);
        let pad = px * PAD;
        let band_w = text_w + 4.0 * pad;
        let band_h = font.ascent() - font.descent() + 2.0 * pad;
        let x0 = ((canvas.w as f32 - band_w) / 2.0).max(0.0);
        let y0 = (canvas.h as f32 - band_h - pad).max(0.0);
        let (bx0, by0) = (x0.floor() as u32, y0.floor() as u32);
        let bx1 = ((x0 + band_w).ceil() as u32).min(canvas.w);
        let by1 = ((y0 + band_h).ceil() as u32).min(canvas.h);
        for y in by0..by1 {
            for x in bx0..bx1 {
                canvas.blend(x, y, BAND.0, BAND.1);
            }
        }
        let mut caret = point((canvas.w as f32 - text_w) / 2.0, y0 + pad + font.ascent());
        let mut prev = None;
        for c in self.text.chars() {
            let id = font.glyph_id(c);
            if let Some(p) = prev {
                caret.x += font.kern(p, id);
            }
            let glyph: Glyph = id.with_scale_and_position(font.scale(), caret);
            caret.x += font.h_advance(id);
            prev = Some(id);
            let Some(outline) = font.outline_glyph(glyph) else {
                continue;
            };
            let bounds = outline.px_bounds();
            outline.draw(|gx, gy, cover| {
                let x = bounds.min.x as i64 + gx as i64;
                let y = bounds.min.y as i64 + gy as i64;
                if x >= 0 && y >= 0 && (x as u32) < canvas.w && (y as u32) < canvas.h {
                    canvas.blend(x as u32, y as u32, INK.0, INK.1 * cover.min(1.0));
                }
            });
        }
    }
}

/// Interleaved 8-bit pixels; `colours` of the `ch` channels are blended (alpha is left alone).
struct Canvas<'a> {
    buf: &'a mut [u8],
    w: u32,
    h: u32,
    ch: usize,
    colours: usize,
}

impl Canvas<'_> {
    fn blend(&mut self, x: u32, y: u32, value: f32, alpha: f32) {
        let i = (y as usize * self.w as usize + x as usize) * self.ch;
        for v in &mut self.buf[i..i + self.colours] {
            *v = (*v as f32 * (1.0 - alpha) + value * alpha).round() as u8;
        }
    }
}

#[cfg(test)]
mod tests;
