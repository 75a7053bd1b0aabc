//! Vietnamese text for matching: words are runs of letters and digits; a folded word is
//! lowercase without tone marks or diacritics, with `đ` as `d` (`Quyết định` → `quyet dinh`).
//! The embedded index and the query parser use these same functions, so indexed and queried
//! forms always agree.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lowercase, NFC (the exact form: `Quyết` → `quyết`).
pub fn exact(word: &str) -> String {
    word.nfc().flat_map(char::to_lowercase).collect()
}

/// Lowercase without diacritics (`Quyết` → `quyet`, `Đắk` → `dak`).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the folded form of `text` to `out`.
pub fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        out.extend(text.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    let table = latin_table();
    for c in text.chars() {
        let code = c as usize;
        if (LATIN_FROM..LATIN_TO).contains(&code) {
            // Precomposed Latin letters (every Vietnamese one): one lookup.
            match table[code - LATIN_FROM] {
                '\0' => {}
                base => out.push(base),
            }
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            fold_char_slow(c, out);
        }
    }
}

/// The range of precomposed Latin letters folded by table: Latin-1 Supplement to Latin
/// Extended Additional (U+00C0–U+1EFF).
const LATIN_FROM: usize = 0xC0;
const LATIN_TO: usize = 0x1F00;

/// The folded (lowercase, unmarked) letter of every character in the Latin range, `'\0'` for a
/// combining mark; characters that do not fold to one letter keep their lowercase form.
fn latin_table() -> &'static [char] {
    static TABLE: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (LATIN_FROM..LATIN_TO)
            .map(|code| {
                let Some(c) = char::from_u32(code as u32) else {
                    return '\u{FFFD}';
                };
                let mut folded = String::new();
                fold_char_slow(c, &mut folded);
                let mut chars = folded.chars();
                match (chars.next(), chars.next()) {
                    (None, _) => '\0',
                    (Some(one), None) => one,
                    // Several letters (æ → æ stays, ǆ → dž): keep the lowercase character.
                    _ => c.to_lowercase().next().unwrap_or(c),
                }
            })
            .collect()
    })
}

/// Folds one character by canonical decomposition.
fn fold_char_slow(c: char, out: &mut String) {
    match c {
        'đ' | 'Đ' => out.push('d'),
        c => {
            for d in std::iter::once(c).nfd() {
                if !is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            }
        }
    }
}

/// Appends `word` lowercased (the text is stored NFC already) to `out`.
pub fn lower_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Whether the word has a letter outside ASCII (tone marks, `đ`): an exact match on it means
/// more than a folded one.
pub fn has_diacritics(word: &str) -> bool {
    !word.is_ascii()
}

/// The words of a text with their byte offsets: maximal runs of alphanumeric characters
/// (combining marks stay inside a word, for text that is not NFC).
pub fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// Iterator over the words of a text, see [`words`].
pub struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let rest = &self.text[self.at..];
        let (skip, _) = rest.char_indices().find(|(_, c)| is_word_char(*c))?;
        let start = self.at + skip;
        let len = self.text[start..]
            .char_indices()
            .find(|(_, c)| !is_word_char(*c))
            .map_or(self.text.len() - start, |(i, _)| i);
        self.at = start + len;
        Some((start, &self.text[start..start + len]))
    }
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Precomposed Latin letters, except the two signs of Latin-1 (× ÷).
    if ('\u{C0}'..'\u{2B0}').contains(&c) || ('\u{1E00}'..'\u{1F00}').contains(&c) {
        return c != '\u{D7}' && c != '\u{F7}';
    }
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The form an identifier is matched in: reference codes, document numbers and symbols
/// (`3016/KH-UBND` → `3016/kh-ubnd`, `458/QĐ-TTg` → `458/qd-ttg`), spaces removed.
pub fn ident(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out.retain(|c| !c.is_whitespace());
    out
}

/// Whether a typed token is an identifier rather than a word: it holds a digit and one of
/// `. / -` between letters or digits (`H34.10.1996.01.045`, `3016/KH-UBND`, `QĐ-TTg` is a word).
pub fn looks_like_ident(token: &str) -> bool {
    let has_digit = token.chars().any(|c| c.is_ascii_digit());
    let has_sep = token.contains(['.', '/', '-']);
    let alnum = token.chars().filter(|c| c.is_alphanumeric()).count();
    has_digit && has_sep && alnum >= 2
}

/// A sort key for reference codes in which numbers compare by value (`H34.9` before `H34.10`).
pub fn natural_key(code: &str) -> String {
    let mut out = String::with_capacity(code.len() + 16);
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        if !digits.is_empty() {
            let trimmed = digits.trim_start_matches('0');
            out.push_str(&format!("{:0>12}", trimmed));
            digits.clear();
        }
    };
    for c in code.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.extend(c.to_lowercase());
        }
    }
    flush(&mut digits, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_every_tone_mark_and_d_stroke() {
        assert_eq!(
            fold("Quyết định xây dựng trường"),
            "quyet dinh xay dung truong"
        );
        assert_eq!(fold("ĐẮK HÀ, Plei Kần"), "dak ha, plei kan");
        assert_eq!(fold("ỦY BAN NHÂN DÂN"), "uy ban nhan dan");
        // Decomposed input folds the same as precomposed.
        let nfd: String = "Quyết".nfd().collect();
        assert_eq!(fold(&nfd), "quyet");
        assert_eq!(exact(&nfd), "quyết");
    }

    #[test]
    fn the_table_folds_like_decomposition() {
        for code in LATIN_FROM..LATIN_TO {
            let Some(c) = char::from_u32(code as u32) else {
                continue;
            };
            let mut slow = String::new();
            fold_char_slow(c, &mut slow);
            if slow.chars().count() == 1 {
                assert_eq!(fold(&c.to_string()), slow, "U+{code:04X}");
            }
        }
        assert_eq!(fold("Ứng Hòa × 2"), "ung hoa × 2");
    }

    #[test]
    fn words_split_on_punctuation_and_keep_offsets() {
        let text = "Quyết định số 2218/QĐ-UBND, về việc…";
        let got: Vec<(usize, &str)> = words(text).collect();
        let just: Vec<&str> = got.iter().map(|(_, w)| *w).collect();
        assert_eq!(
            just,
            ["Quyết", "định", "số", "2218", "QĐ", "UBND", "về", "việc"]
        );
        for (i, w) in got {
            assert_eq!(&text[i..i + w.len()], w);
        }
    }

    #[test]
    fn identifiers_are_recognised_and_folded() {
        assert!(looks_like_ident("H34.10.1996.01.045"));
        assert!(looks_like_ident("3016/KH-UBND"));
        assert!(looks_like_ident("458/QĐ-TTg"));
        assert!(!looks_like_ident("QĐ-TTg"));
        assert!(!looks_like_ident("trường"));
        assert!(!looks_like_ident("1996"));
        assert_eq!(ident("458/QĐ-TTg"), "458/qd-ttg");
        assert_eq!(ident(" H34.10 "), "h34.10");
    }

    #[test]
    fn natural_keys_order_numbers_by_value() {
        assert!(natural_key("H34.9.1996") < natural_key("H34.10.1996"));
        assert!(natural_key("H34.10.1996.01.045") < natural_key("H34.10.1996.01.100"));
        assert!(natural_key("H34-ML2") < natural_key("H34-ML10"));
    }
}
