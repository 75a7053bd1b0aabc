//! A search result's highlighted passage, rendered as text nodes and `<mark>` elements (never as
//! HTML): the engine sends HTML-escaped text with `<mark>…</mark>` around the matches.

use leptos::prelude::*;

/// One run of a passage: plain text, or a matched word to highlight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Mark(String),
}

/// Splits an escaped passage on its `<mark>` tags and unescapes the text between them. Any other
/// markup stays literal text; an unclosed `<mark>` highlights to the end.
pub fn snippet_pieces(snippet: &str) -> Vec<Piece> {
    const OPEN: &str = "<mark>";
    const CLOSE: &str = "</mark>";
    let mut pieces = Vec::new();
    let mut rest = snippet;
    while let Some(start) = rest.find(OPEN) {
        push(&mut pieces, &rest[..start], false);
        let after = &rest[start + OPEN.len()..];
        let (marked, next) = match after.find(CLOSE) {
            Some(end) => (&after[..end], &after[end + CLOSE.len()..]),
            None => (after, ""),
        };
        push(&mut pieces, marked, true);
        rest = next;
    }
    push(&mut pieces, rest, false);
    pieces
}

fn push(pieces: &mut Vec<Piece>, escaped: &str, mark: bool) {
    if escaped.is_empty() {
        return;
    }
    let text = unescape_html(escaped);
    pieces.push(if mark {
        Piece::Mark(text)
    } else {
        Piece::Text(text)
    });
}

/// Decodes the character references an HTML escaper writes (`&amp;`, `&lt;`, `&gt;`, `&quot;`,
/// `&apos;`, `&nbsp;` and numeric ones); anything else is kept as it is.
pub fn unescape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = after
            .find(';')
            .filter(|&end| end <= 10)
            .and_then(|end| reference(&after[..end]).map(|ch| (ch, end)));
        match decoded {
            Some((ch, end)) => {
                out.push(ch);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn reference(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code).filter(|c| *c != '\0')
        }
    }
}

/// The passage as `<p class="snippet">`, matches in `<mark>`.
#[component]
pub fn Snippet(text: String) -> impl IntoView {
    let pieces = snippet_pieces(&text)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.into_any(),
            Piece::Mark(text) => view! { <mark>{text}</mark> }.into_any(),
        })
        .collect_view();
    view! { <p class="snippet" data-testid="snippet">{pieces}</p> }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Piece {
        Piece::Text(s.into())
    }

    fn mark(s: &str) -> Piece {
        Piece::Mark(s.into())
    }

    #[test]
    fn splits_on_marks() {
        assert_eq!(
            snippet_pieces("…về việc <mark>xây</mark> <mark>dựng</mark> trường"),
            vec![
                text("…về việc "),
                mark("xây"),
                text(" "),
                mark("dựng"),
                text(" trường")
            ]
        );
        assert_eq!(snippet_pieces("<mark>Quyết</mark>"), vec![mark("Quyết")]);
        assert_eq!(snippet_pieces(""), vec![]);
        assert_eq!(snippet_pieces("a <mark>b"), vec![text("a "), mark("b")]);
    }

    #[test]
    fn text_is_unescaped_and_other_markup_stays_text() {
        assert_eq!(
            snippet_pieces(
                "&lt;script&gt;x&lt;/script&gt; &amp; <mark>A&amp;B</mark> &quot;c&#39;d&#x27;"
            ),
            vec![text("<script>x</script> & "), mark("A&B"), text(" \"c'd'")]
        );
        // Raw tags other than <mark> are shown, never interpreted.
        assert_eq!(snippet_pieces("<b>x</b>"), vec![text("<b>x</b>")]);
    }

    #[test]
    fn unknown_or_broken_references_are_kept() {
        assert_eq!(unescape_html("a & b"), "a & b");
        assert_eq!(
            unescape_html("&unknown; &#0; &#xZZ;"),
            "&unknown; &#0; &#xZZ;"
        );
        assert_eq!(unescape_html("&amp;amp;"), "&amp;");
        assert_eq!(unescape_html("tail &"), "tail &");
        assert_eq!(unescape_html("&#272;&#x111;"), "Đđ");
    }
}
