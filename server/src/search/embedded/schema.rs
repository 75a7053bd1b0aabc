//! The embedded index's schema and its three analyzers: `vi_exact` (words lowercased, diacritics
//! kept), `vi_fold` (words without diacritics, `đ` as `d`) and `vi_pairs` (each two adjacent
//! folded words as one term, `xay dung`), all built on [`fold`] so that indexing and querying
//! cut and fold words the same way. Pair terms answer phrase and proximity questions with a
//! term lookup, so no field needs positions: common words stay cheap at millions of records.

use crate::search::document::IndexDoc;
use crate::search::fold;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use tantivy::{Index, TantivyDocument};

/// Names of the analyzers registered on every opened index.
pub const EXACT: &str = "vi_exact";
pub const FOLD: &str = "vi_fold";
pub const PAIRS: &str = "vi_pairs";

/// The fields of the schema.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    pub id: Field,
    pub code_key: Field,
    /// Stored title and text, for snippets.
    pub title: Field,
    pub body: Field,
    /// Title and text words with their diacritics, in one field: one posting list per word.
    pub exact: Field,
    pub title_f: Field,
    pub body_f: Field,
    pub title_p: Field,
    pub body_p: Field,
    pub issuer: Field,
    pub idents: Field,
    pub ancestors: Field,
    pub fonds: Field,
    pub level: Field,
    pub doc_type: Field,
    pub lang: Field,
    pub digitized: Field,
    pub access: Field,
    pub start: Field,
    pub end: Field,
    pub date_asc: Field,
    pub date_desc: Field,
    pub decades: Field,
}

/// Fast-field names used by collectors.
pub const ID: &str = "id";
pub const DECADES: &str = "decades";
pub const CODE_KEY: &str = "code_key";
pub const DATE_ASC: &str = "date_asc";
pub const DATE_DESC: &str = "date_desc";
/// String facets: (field name, facet).
pub const FONDS: &str = "fonds";
pub const LEVEL: &str = "level";
pub const TYPE: &str = "type";
pub const LANG: &str = "lang";
pub const DIGITIZED: &str = "digitized";
pub const ACCESS: &str = "access";

/// The schema and its fields.
pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    // Indexed text, not stored (the stored `title` and `body` serve snippets).
    let text = |analyzer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analyzer)
                .set_index_option(IndexRecordOption::WithFreqs),
        )
    };
    let facet = STRING | FAST;
    let fields = Fields {
        id: b.add_u64_field(ID, INDEXED | FAST),
        code_key: b.add_text_field(CODE_KEY, TextOptions::default().set_fast(None)),
        title: b.add_text_field("title", TextOptions::default().set_stored()),
        body: b.add_text_field("body", TextOptions::default().set_stored()),
        exact: b.add_text_field("exact", text(EXACT)),
        title_f: b.add_text_field("title_f", text(FOLD)),
        body_f: b.add_text_field("body_f", text(FOLD)),
        title_p: b.add_text_field("title_p", text(PAIRS)),
        body_p: b.add_text_field("body_p", text(PAIRS)),
        issuer: b.add_text_field("issuer", STRING),
        idents: b.add_text_field("idents", STRING),
        ancestors: b.add_text_field("ancestors", STRING),
        fonds: b.add_text_field(FONDS, facet.clone()),
        level: b.add_text_field(LEVEL, facet.clone()),
        doc_type: b.add_text_field(TYPE, facet.clone()),
        lang: b.add_text_field(LANG, facet.clone()),
        digitized: b.add_text_field(DIGITIZED, facet.clone()),
        access: b.add_text_field(ACCESS, facet),
        start: b.add_i64_field("start", INDEXED),
        end: b.add_i64_field("end", INDEXED),
        date_asc: b.add_i64_field(DATE_ASC, FAST),
        date_desc: b.add_i64_field(DATE_DESC, FAST),
        decades: b.add_u64_field(DECADES, FAST),
    };
    (b.build(), fields)
}

/// Registers the analyzers on an opened index.
pub fn register(index: &Index) {
    let tokenizers = index.tokenizers();
    tokenizers.register(EXACT, VietTokenizer::new(Mode::Exact));
    tokenizers.register(FOLD, VietTokenizer::new(Mode::Fold));
    tokenizers.register(PAIRS, VietTokenizer::new(Mode::Pairs));
}

/// The tantivy document of an index document.
pub fn to_tantivy(f: &Fields, d: &IndexDoc) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_u64(f.id, u64::try_from(d.unit_id).unwrap_or(0));
    doc.add_text(f.code_key, &d.code_key);
    if !d.title.is_empty() {
        doc.add_text(f.title, &d.title);
        doc.add_text(f.exact, &d.title);
        doc.add_text(f.title_f, &d.title);
        doc.add_text(f.title_p, &d.title);
    }
    if !d.body.is_empty() {
        doc.add_text(f.body, &d.body);
        doc.add_text(f.exact, &d.body);
        doc.add_text(f.body_f, &d.body);
        doc.add_text(f.body_p, &d.body);
    }
    if !d.issuer.is_empty() {
        doc.add_text(f.issuer, phrase_key(&d.issuer));
    }
    for i in &d.idents {
        doc.add_text(f.idents, i);
    }
    for a in &d.ancestors {
        doc.add_text(f.ancestors, fold::ident(a));
    }
    doc.add_text(f.fonds, &d.fonds);
    doc.add_text(f.level, d.level.as_str());
    if let Some(t) = &d.doc_type {
        doc.add_text(f.doc_type, t);
    }
    for l in &d.langs {
        doc.add_text(f.lang, l);
    }
    doc.add_text(f.digitized, if d.digitized { "yes" } else { "no" });
    doc.add_text(f.access, d.access.as_str());
    if let (Some(a), Some(b)) = (d.start, d.end) {
        doc.add_i64(f.start, a);
        doc.add_i64(f.end, b);
    }
    // Undated units sort last both ways.
    doc.add_i64(f.date_asc, d.start.unwrap_or(i64::MAX));
    doc.add_i64(f.date_desc, d.start.unwrap_or(i64::MIN));
    for dec in &d.decades {
        doc.add_u64(f.decades, u64::try_from(*dec).unwrap_or(0));
    }
    doc
}

/// The folded words of a text joined by single spaces: how a whole name (an issuing body) is
/// matched exactly, whatever its punctuation, case or diacritics.
pub fn phrase_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (_, w) in fold::words(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        fold::fold_into(w, &mut out);
    }
    out
}

/// What a [`VietTokenizer`] emits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Lowercase words with their diacritics.
    Exact,
    /// Folded words.
    Fold,
    /// Each two adjacent folded words, joined by a space.
    Pairs,
}

/// Cuts text into [`fold::words`] and emits them as `mode` says.
#[derive(Clone)]
pub struct VietTokenizer {
    mode: Mode,
    token: Token,
}

impl VietTokenizer {
    fn new(mode: Mode) -> VietTokenizer {
        VietTokenizer {
            mode,
            token: Token::default(),
        }
    }
}

/// The token stream of [`VietTokenizer`].
pub struct VietTokenStream<'a> {
    words: fold::Words<'a>,
    mode: Mode,
    /// The previous folded word and where it starts (pairs only).
    previous: Option<(usize, String)>,
    token: &'a mut Token,
}

impl Tokenizer for VietTokenizer {
    type TokenStream<'a> = VietTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VietTokenStream<'a> {
        self.token.reset();
        VietTokenStream {
            words: fold::words(text),
            mode: self.mode,
            previous: None,
            token: &mut self.token,
        }
    }
}

impl TokenStream for VietTokenStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            let Some((at, word)) = self.words.next() else {
                return false;
            };
            let t = &mut *self.token;
            t.text.clear();
            match self.mode {
                Mode::Exact => fold::lower_into(word, &mut t.text),
                Mode::Fold => fold::fold_into(word, &mut t.text),
                Mode::Pairs => {
                    let mut folded = String::with_capacity(word.len());
                    fold::fold_into(word, &mut folded);
                    let previous = self.previous.replace((at, folded.clone()));
                    let Some((start, first)) = previous else {
                        continue;
                    };
                    t.text.push_str(&first);
                    t.text.push(' ');
                    t.text.push_str(&folded);
                    t.position = t.position.wrapping_add(1);
                    t.offset_from = start;
                    t.offset_to = at + word.len();
                    return true;
                }
            }
            t.position = t.position.wrapping_add(1);
            t.offset_from = at;
            t.offset_to = at + word.len();
            return true;
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(mode: Mode, text: &str) -> Vec<String> {
        let mut t = VietTokenizer::new(mode);
        let mut stream = t.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn the_three_analyzers() {
        let text = "Xây dựng Trường, Đắk Hà";
        assert_eq!(
            tokens(Mode::Exact, text),
            ["xây", "dựng", "trường", "đắk", "hà"]
        );
        assert_eq!(
            tokens(Mode::Fold, text),
            ["xay", "dung", "truong", "dak", "ha"]
        );
        assert_eq!(
            tokens(Mode::Pairs, text),
            ["xay dung", "dung truong", "truong dak", "dak ha"]
        );
        assert_eq!(
            phrase_key("Ủy ban nhân dân  tỉnh Kon Tum."),
            "uy ban nhan dan tinh kon tum"
        );
    }
}
