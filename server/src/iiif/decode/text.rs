//! A PDF page's text layer, from the glyphs hayro reports (visible or invisible): lines in reading
//! order (top to bottom, then left to right), words separated by spaces, NFC-normalised.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// One shown glyph, in page space (points, origin top-left, y growing downwards).
#[derive(Clone, Debug)]
pub(super) struct Glyph {
    /// The glyph's Unicode text (usually one character, sometimes a ligature's letters).
    pub text: String,
    /// Left and right end along the baseline.
    pub x0: f64,
    pub x1: f64,
    /// Baseline.
    pub y: f64,
    /// Font size (height of the em square).
    pub size: f64,
}

/// A glyph with the combining marks that follow it in content order.
struct Cluster {
    text: String,
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
}

/// The page's text, or `None` when it has no text that is not blank.
pub(super) fn assemble(glyphs: Vec<Glyph>) -> Option<String> {
    let mut clusters: Vec<Cluster> = Vec::with_capacity(glyphs.len());
    for g in glyphs {
        let Some(first) = g.text.chars().next() else {
            continue;
        };
        if is_combining_mark(first)
            && let Some(last) = clusters.last_mut()
        {
            last.text.push_str(&g.text);
            continue;
        }
        clusters.push(Cluster {
            text: g.text,
            x0: g.x0,
            x1: g.x1.max(g.x0),
            y: g.y,
            size: g.size.max(0.1),
        });
    }
    // Lines: clusters whose baselines are within 40 % of the font size.
    clusters.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut lines: Vec<Vec<Cluster>> = Vec::new();
    let mut line_y = f64::NEG_INFINITY;
    let mut line_size: f64 = 0.0;
    for c in clusters {
        let same = (c.y - line_y).abs() <= 0.4 * line_size.max(c.size);
        match lines.last_mut() {
            Some(line) if same => {
                line.push(c);
            }
            _ => {
                line_y = c.y;
                line_size = c.size;
                lines.push(vec![c]);
            }
        }
    }
    let mut out = String::new();
    for mut line in lines {
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let mut text = String::new();
        let mut prev_end: Option<f64> = None;
        for c in line {
            let blank = c.text.chars().all(char::is_whitespace);
            if let Some(end) = prev_end
                && c.x0 - end > 0.2 * c.size
                && !text.ends_with(' ')
                && !blank
            {
                text.push(' ');
            }
            if blank {
                if !text.is_empty() && !text.ends_with(' ') {
                    text.push(' ');
                }
            } else {
                text.push_str(&c.text);
            }
            prev_end = Some(prev_end.map_or(c.x1, |e: f64| e.max(c.x1)));
        }
        let text = text.trim_end();
        if !text.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(text);
        }
    }
    let out: String = out.nfc().collect();
    (!out.trim().is_empty()).then_some(out)
}
