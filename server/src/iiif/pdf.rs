//! PDF output with krilla: a whole record's pages as one PDF (the public download), and a
//! two-layer PDF (page image + invisible text) for the demo corpus.

/// One page to put in a PDF: an encoded JPEG and its pixel size; `text`, when given, is laid
/// invisibly over the image so that the PDF is searchable (a two-layer PDF).
pub struct PdfPage {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub text: Option<String>,
}

/// Builds a PDF of `pages` at `dpi`, with `title` in its metadata; `font` (TrueType bytes) is needed
/// only when a page has text.
pub fn write_pdf(
    pages: &[PdfPage],
    title: &str,
    dpi: f32,
    font: Option<&[u8]>,
) -> Result<Vec<u8>, String> {
    let _ = (pages, title, dpi, font);
    Err("not yet".into())
}
