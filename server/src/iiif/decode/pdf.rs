//! PDF masters through hayro: pages rasterised at the scan's own resolution, text layer kept.
//!
//! Each page is interpreted once by a [`Probe`] device that records the glyphs (their Unicode
//! text and position, visible or not) and the images. When the page is exactly one full-page
//! raster image and nothing else visible (a scan with an invisible OCR layer, the common case),
//! the image's own pixels are the page: no rendering, no resampling. Otherwise the page is
//! rendered on white at the resolution of its largest image when that image covers most of the
//! page, or at [`PDF_DEFAULT_DPI`](super::PDF_DEFAULT_DPI), the longer side capped at
//! [`MAX_PDF_SIDE`](super::MAX_PDF_SIDE).

use hayro::hayro_interpret::font::{Glyph, GlyphRun};
use hayro::hayro_interpret::hayro_syntax::{LoadPdfError, Pdf};
use hayro::hayro_interpret::{
    BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image, ImageData, ImageDrawProps,
    InterpreterCache, InterpreterSettings, SoftMask, TransformExt, interpret_page,
};
use hayro::hayro_syntax::page::Page;
use hayro::kurbo::{Affine, BezPath, Point, Rect, Shape};
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::vello_cpu::{Pixmap, RasterizerSettings, RenderContext, Resources, TargetInit};
use hayro::{RenderCache, RenderSettings};
use image::{DynamicImage, GrayImage, RgbImage};

use super::text::{self, Glyph as TextGlyph};
use super::{DecodeError, DecodedPage, MAX_PDF_SIDE, PDF_DEFAULT_DPI};

/// An opened PDF: parse once, then decode any page with [`PdfDocument::page`].
pub struct PdfDocument {
    pdf: Pdf,
    settings: InterpreterSettings,
}

/// Parses `bytes` as a PDF (its cross-reference table and page tree).
pub fn open_pdf(bytes: &[u8]) -> Result<PdfDocument, DecodeError> {
    let pdf = Pdf::new(bytes.to_vec()).map_err(|e| match e {
        LoadPdfError::Decryption(_) => DecodeError::new(
            "Tệp PDF được mã hóa (có mật khẩu); hãy nộp bản không mã hóa (encrypted PDF; submit \
             it without password protection)",
        ),
        LoadPdfError::Invalid => DecodeError::new(
            "Tệp PDF bị hỏng hoặc được mã hóa, không đọc được (encrypted or damaged PDF; export \
             it again)",
        ),
    })?;
    if pdf.pages().is_empty() {
        return Err(DecodeError::new(
            "Tệp PDF không có trang nào (the PDF has no pages)",
        ));
    }
    Ok(PdfDocument {
        pdf,
        settings: InterpreterSettings::default(),
    })
}

impl PdfDocument {
    /// The number of pages.
    pub fn page_count(&self) -> u32 {
        self.pdf.pages().len() as u32
    }

    /// Rasterises page `index` (0-based) and extracts its text layer.
    pub fn page(&self, index: u32) -> Result<DecodedPage, DecodeError> {
        let pages = self.pdf.pages();
        let page = pages
            .get(index as usize)
            .ok_or_else(|| DecodeError::no_page(index, self.page_count()))?;
        let cache = RenderCache::new();
        let (page_w, page_h) = page.render_dimensions();
        let (page_w, page_h) = (f64::from(page_w), f64::from(page_h));
        if !(page_w >= 1.0 && page_h >= 1.0) {
            return Err(DecodeError::new(format!(
                "Trang {} của tệp PDF có kích thước không hợp lệ (page {} has an invalid size)",
                index + 1,
                index + 1
            )));
        }
        let interpreter_cache = InterpreterCache::new();
        let mut probe = Probe::new(Rect::new(0.0, 0.0, page_w, page_h));
        let mut context = Context::new(
            page.initial_transform(true).to_kurbo(),
            probe.page,
            &interpreter_cache,
            page.xref(),
            self.settings.clone(),
        );
        interpret_page(page, &mut context, &mut probe);
        let text = text::assemble(std::mem::take(&mut probe.glyphs));
        if let Fast::Taken(data) = probe.fast
            && let Some(image) = from_image_data(data)
        {
            return Ok(DecodedPage { image, text });
        }
        let (w, h) = target_size(page_w, page_h, &probe.images);
        let image = self.render(page, &cache, w, h);
        Ok(DecodedPage { image, text })
    }

    fn render<'a>(
        &self,
        page: &'a Page<'a>,
        cache: &RenderCache<'a>,
        w: u16,
        h: u16,
    ) -> DynamicImage {
        let (page_w, page_h) = page.render_dimensions();
        let mut ctx = RenderContext::new(w, h);
        let transform = Affine::scale_non_uniform(
            f64::from(w) / f64::from(page_w),
            f64::from(h) / f64::from(page_h),
        ) * page.initial_transform(true).to_kurbo();
        hayro::render_into(
            page,
            cache,
            &self.settings,
            &RenderSettings::default(),
            &mut ctx,
            transform,
        );
        ctx.flush();
        let mut pixmap = Pixmap::new(w, h);
        ctx.render_with(
            &mut pixmap,
            &mut Resources::default(),
            RasterizerSettings {
                target_init: TargetInit::Clear(WHITE),
                ..Default::default()
            },
        );
        // Opaque white background: premultiplied RGBA is plain RGBA.
        let rgba = pixmap.data_as_u8_slice();
        let mut rgb = Vec::with_capacity(usize::from(w) * usize::from(h) * 3);
        for p in rgba.chunks_exact(4) {
            rgb.extend_from_slice(&p[..3]);
        }
        DynamicImage::ImageRgb8(
            RgbImage::from_raw(u32::from(w), u32::from(h), rgb).unwrap_or_default(),
        )
    }
}

/// The pixel size of a rendered page: the largest image's resolution when it covers at least
/// 80 % of the page, else 200 dpi; the longer side at most [`MAX_PDF_SIDE`].
fn target_size(page_w: f64, page_h: f64, images: &[(Rect, u32, u32)]) -> (u16, u16) {
    let page_area = page_w * page_h;
    let scan = images
        .iter()
        .filter(|(bbox, _, _)| bbox.area() >= 0.8 * page_area)
        .max_by(|a, b| (u64::from(a.1) * u64::from(a.2)).cmp(&(u64::from(b.1) * u64::from(b.2))));
    let mut scale = match scan {
        // Pixels per point along the image's longer side (robust to rotation by 90°).
        Some((bbox, iw, ih)) => {
            let px = f64::from((*iw).max(*ih));
            let pt = bbox.width().max(bbox.height());
            if pt > 0.0 {
                px / pt
            } else {
                f64::from(PDF_DEFAULT_DPI) / 72.0
            }
        }
        None => f64::from(PDF_DEFAULT_DPI) / 72.0,
    };
    let longest = page_w.max(page_h);
    scale = scale.min(f64::from(MAX_PDF_SIDE) / longest);
    let side = |pt: f64| (pt * scale).round().clamp(1.0, f64::from(MAX_PDF_SIDE)) as u16;
    (side(page_w), side(page_h))
}

fn from_image_data(data: ImageData) -> Option<DynamicImage> {
    match data {
        ImageData::Rgb(d) => {
            RgbImage::from_raw(d.width, d.height, d.data).map(DynamicImage::ImageRgb8)
        }
        ImageData::Luma(d) => {
            GrayImage::from_raw(d.width, d.height, d.data).map(DynamicImage::ImageLuma8)
        }
    }
}

/// Whether the page can be taken as its only image.
enum Fast {
    /// Nothing visible drawn yet.
    Possible,
    /// One full-page image decoded, nothing else visible so far.
    Taken(ImageData),
    No,
}

/// A device that draws nothing: it records glyphs and images, and the page's scan when the page
/// is one.
struct Probe {
    page: Rect,
    glyphs: Vec<TextGlyph>,
    /// Each image's bounding box in page space and its pixel size.
    images: Vec<(Rect, u32, u32)>,
    fast: Fast,
}

impl Probe {
    fn new(page: Rect) -> Self {
        Probe {
            page,
            glyphs: Vec::new(),
            images: Vec::new(),
            fast: Fast::Possible,
        }
    }

    fn covers_page(&self, rect: Rect) -> bool {
        let tolerance = 1.0;
        rect.x0 <= self.page.x0 + tolerance
            && rect.y0 <= self.page.y0 + tolerance
            && rect.x1 >= self.page.x1 - tolerance
            && rect.y1 >= self.page.y1 - tolerance
    }

    fn visible(&mut self, bbox: Rect) {
        if bbox.overlaps(self.page) {
            self.fast = Fast::No;
        }
    }
}

impl<'a> Device<'a> for Probe {
    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'a>, _: &DrawMode) {
        self.visible(props.transform.transform_rect_bbox(path.bounding_box()));
    }

    fn push_clip_path(&mut self, clip_path: &ClipPath) {
        // A clip smaller than the page may cut the scan: render instead.
        if !self.covers_page(clip_path.path.bounding_box()) && matches!(self.fast, Fast::Possible) {
            self.fast = Fast::No;
        }
    }

    fn push_transparency_group(
        &mut self,
        opacity: f32,
        mask: Option<SoftMask<'a>>,
        mode: BlendMode,
    ) {
        if opacity < 1.0 || mask.is_some() || !matches!(mode, BlendMode::Normal) {
            self.fast = Fast::No;
        }
    }

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, mode: &DrawMode) {
        let visible = !matches!(mode, DrawMode::Invisible);
        let mut bbox = Rect::ZERO;
        for g in run.glyphs() {
            let t = props.transform * g.transform();
            let origin = t * Point::ORIGIN;
            let size = (t * Point::new(0.0, 1000.0) - origin).hypot();
            let advance = match &**g {
                Glyph::Outline(o) => o.advance_width(),
                Glyph::Type3(t) => t.advance_width(),
            }
            .unwrap_or(500.0);
            if visible {
                bbox = bbox.union(Rect::from_center_size(origin, (size, size)));
            }
            let Some(unicode) = g.as_unicode() else {
                continue;
            };
            let mut text = match unicode {
                hayro::hayro_interpret::hayro_cmap::BfString::Char(c) => c.to_string(),
                hayro::hayro_interpret::hayro_cmap::BfString::String(s) => s,
            };
            text.retain(|c| !c.is_control() || c.is_whitespace());
            if text.is_empty() {
                continue;
            }
            self.glyphs.push(TextGlyph {
                text,
                x0: origin.x,
                x1: origin.x + f64::from(advance) / 1000.0 * size,
                y: origin.y,
                size,
            });
        }
        if visible {
            self.visible(bbox);
        }
    }

    fn draw_image(&mut self, image: Image<'a, '_>, props: ImageDrawProps<'a>) {
        let (w, h) = (image.width(), image.height());
        let bbox =
            props
                .transform
                .transform_rect_bbox(Rect::new(0.0, 0.0, f64::from(w), f64::from(h)));
        if bbox.overlaps(self.page) {
            self.images.push((bbox, w, h));
        }
        let [a, b, c, d, _, _] = props.transform.as_coeffs();
        let upright = b.abs() < 1e-9 && c.abs() < 1e-9 && a > 0.0 && d > 0.0;
        let fits = w.max(h) <= MAX_PDF_SIDE;
        match (&self.fast, image) {
            (Fast::Possible, Image::Raster(raster))
                if upright
                    && fits
                    && props.soft_mask.is_none()
                    && matches!(props.blend_mode, BlendMode::Normal)
                    && self.covers_page(bbox) =>
            {
                let mut taken = None;
                raster.with_rgba(
                    |data, alpha| {
                        if alpha.is_none() && data.scale_factors() == (1.0, 1.0) {
                            taken = Some(data);
                        }
                    },
                    None,
                );
                self.fast = taken.map_or(Fast::No, Fast::Taken);
            }
            _ => self.visible(bbox),
        }
    }

    fn pop_clip(&mut self) {}

    fn pop_transparency_group(&mut self) {}
}
