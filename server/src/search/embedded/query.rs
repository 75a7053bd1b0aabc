//! From a [`Query`] to a tantivy query, where ranking is decided.
//!
//! Every typed word must match, in the title or the text, exactly, without diacritics, or (for
//! words of five letters or more) with one typo. Ranking works in tiers, like Meilisearch's
//! ranking rules, with BM25 deciding within a tier: fixed bonuses make an identifier that
//! matches exactly outrank everything, then the whole query as the issuing body, then each word
//! found without a typo, then the whole query as a phrase, then each word written with its
//! exact diacritics; adjacent words found side by side (Vietnamese words are one or two
//! syllables) and title matches weigh more within a tier.

use super::schema::Fields;
use crate::search::fold;
use crate::search::query::{Filters, Query, Word};
use std::ops::Bound;
use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, PhraseQuery,
    Query as TQuery, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};

/// Words shorter than this (in characters) match only exactly or folded, never with a typo.
pub const TYPO_MIN_CHARS: usize = 5;

/// Tier bonuses (see the module documentation).
const IDENT_EXACT: f32 = 200.0;
const ISSUER_PHRASE: f32 = 60.0;
const WORD_NO_TYPO: f32 = 25.0;
const WHOLE_PHRASE: f32 = 15.0;
const EXACT_DIACRITICS: f32 = 5.0;

type Clause = (Occur, Box<dyn TQuery>);

/// The tantivy query for `q`.
pub fn build(f: &Fields, q: &Query) -> Box<dyn TQuery> {
    let mut clauses: Vec<Clause> = Vec::new();
    let words = &q.text.words;
    let last = words.len().saturating_sub(1);
    for (i, w) in words.iter().enumerate() {
        let prefix = q.prefix && i == last && q.text.phrases.is_empty() && q.text.idents.is_empty();
        clauses.push((Occur::Must, word(f, w, prefix)));
    }
    for phrase in &q.text.phrases {
        clauses.push((Occur::Must, quoted(f, phrase)));
    }
    for ident in &q.text.idents {
        clauses.push((Occur::Must, identifier(f, ident)));
    }
    let all_words: Vec<&Word> = q.text.all_words().collect();
    if all_words.len() >= 2 {
        let folded: Vec<&str> = all_words.iter().map(|w| w.folded.as_str()).collect();
        // The whole query as a phrase, in the title, the text and as the issuing body.
        clauses.push((
            Occur::Should,
            bonus(
                any(vec![phrase(f.title_f, &folded), phrase(f.body_f, &folded)]),
                WHOLE_PHRASE,
            ),
        ));
        clauses.push((Occur::Should, boost(phrase(f.title_f, &folded), 2.0)));
        clauses.push((
            Occur::Should,
            bonus(phrase(f.issuer_f, &folded), ISSUER_PHRASE),
        ));
        // Adjacent pairs: the syllables of one word found together.
        for pair in folded.windows(2) {
            clauses.push((Occur::Should, boost(phrase(f.title_f, pair), 1.5)));
            clauses.push((Occur::Should, boost(phrase(f.body_f, pair), 0.75)));
        }
    } else if let Some(w) = all_words.first() {
        clauses.push((Occur::Should, boost(term(f.issuer_f, &w.folded), 0.5)));
    }
    let has_text = !q.text.is_empty();
    for filter in filters(f, &q.filters) {
        clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(filter, 0.0))));
    }
    if !has_text {
        if clauses.is_empty() {
            return Box::new(AllQuery);
        }
        clauses.push((
            Occur::Must,
            Box::new(ConstScoreQuery::new(Box::new(AllQuery), 0.0)),
        ));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// One typed word: any of its forms in the title or the text.
fn word(f: &Fields, w: &Word, prefix: bool) -> Box<dyn TQuery> {
    let mut forms: Vec<Clause> = vec![
        (
            Occur::Should,
            bonus(
                any(vec![term(f.title_f, &w.folded), term(f.body_f, &w.folded)]),
                WORD_NO_TYPO,
            ),
        ),
        (Occur::Should, boost(term(f.title_f, &w.folded), 2.0)),
        (Occur::Should, boost(term(f.body_f, &w.folded), 1.0)),
    ];
    if w.exact != w.folded {
        forms.push((
            Occur::Should,
            bonus(
                any(vec![term(f.title, &w.exact), term(f.body, &w.exact)]),
                EXACT_DIACRITICS,
            ),
        ));
    }
    if w.folded.chars().count() >= TYPO_MIN_CHARS && !w.folded.chars().all(|c| c.is_ascii_digit()) {
        for (field, weight) in [(f.title_f, 0.6), (f.body_f, 0.3)] {
            let t = Term::from_field_text(field, &w.folded);
            forms.push((
                Occur::Should,
                boost(Box::new(FuzzyTermQuery::new(t, 1, true)), weight),
            ));
        }
    }
    if prefix && !w.folded.is_empty() {
        let starts = |field| -> Box<dyn TQuery> {
            let t = Term::from_field_text(field, &w.folded);
            Box::new(FuzzyTermQuery::new_prefix(t, 0, false))
        };
        forms.push((
            Occur::Should,
            bonus(
                any(vec![starts(f.title_f), starts(f.body_f)]),
                WORD_NO_TYPO - 5.0,
            ),
        ));
    }
    Box::new(BooleanQuery::new(forms))
}

/// A quoted phrase: in the title, the text or the issuing body.
fn quoted(f: &Fields, words: &[Word]) -> Box<dyn TQuery> {
    let folded: Vec<&str> = words.iter().map(|w| w.folded.as_str()).collect();
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, boost(phrase(f.title_f, &folded), 3.0)),
        (Occur::Should, boost(phrase(f.body_f, &folded), 1.5)),
        (Occur::Should, boost(phrase(f.issuer_f, &folded), 3.0)),
    ]))
}

/// An identifier: exactly one of the unit's identifiers (weighs most), or the code of an
/// ancestor (the units below a file whose code was typed), or its parts in sequence in the text.
fn identifier(f: &Fields, ident: &str) -> Box<dyn TQuery> {
    let parts: Vec<String> = fold::words(ident).map(|(_, w)| fold::fold(w)).collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    let mut forms: Vec<Clause> = vec![
        (Occur::Should, bonus(raw(f.idents, ident), IDENT_EXACT)),
        (Occur::Should, boost(raw(f.ancestors, ident), 0.5)),
    ];
    if parts.len() >= 2 {
        forms.push((Occur::Should, boost(phrase(f.title_f, &parts), 1.0)));
        forms.push((Occur::Should, boost(phrase(f.body_f, &parts), 0.5)));
    }
    Box::new(BooleanQuery::new(forms))
}

fn filters(f: &Fields, x: &Filters) -> Vec<Box<dyn TQuery>> {
    let mut out: Vec<Box<dyn TQuery>> = Vec::new();
    let mut eq = |field: Field, v: &str| out.push(raw(field, v));
    if let Some(v) = &x.fonds {
        eq(f.fonds, v);
    }
    if let Some(v) = x.level {
        eq(f.level, v.as_str());
    }
    if let Some(v) = &x.doc_type {
        eq(f.doc_type, v);
    }
    if let Some(v) = &x.lang {
        eq(f.lang, v);
    }
    if let Some(v) = x.digitized {
        eq(f.digitized, if v { "yes" } else { "no" });
    }
    if let Some(v) = x.access {
        eq(f.access, crate::search::document::access_value(v));
    }
    if let Some(v) = &x.within {
        eq(f.ancestors, &fold::ident(v));
    }
    // Overlap: the unit starts before the range ends and ends after it starts.
    if let Some(to) = x.to {
        out.push(Box::new(RangeQuery::new(
            Bound::Unbounded,
            Bound::Included(Term::from_field_i64(f.start, to)),
        )));
    }
    if let Some(from) = x.from {
        out.push(Box::new(RangeQuery::new(
            Bound::Included(Term::from_field_i64(f.end, from)),
            Bound::Unbounded,
        )));
    }
    out
}

fn term(field: Field, text: &str) -> Box<dyn TQuery> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

fn raw(field: Field, text: &str) -> Box<dyn TQuery> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::Basic,
    ))
}

/// A phrase (a single word is a term).
fn phrase(field: Field, words: &[&str]) -> Box<dyn TQuery> {
    if words.len() == 1 {
        return term(field, words[0]);
    }
    Box::new(PhraseQuery::new(
        words
            .iter()
            .map(|w| Term::from_field_text(field, w))
            .collect(),
    ))
}

/// Matches when any of `queries` does.
fn any(queries: Vec<Box<dyn TQuery>>) -> Box<dyn TQuery> {
    Box::new(BooleanQuery::new(
        queries.into_iter().map(|q| (Occur::Should, q)).collect(),
    ))
}

/// A fixed score when `q` matches.
fn bonus(q: Box<dyn TQuery>, score: f32) -> Box<dyn TQuery> {
    Box::new(ConstScoreQuery::new(q, score))
}

fn boost(q: Box<dyn TQuery>, by: f32) -> Box<dyn TQuery> {
    Box::new(BoostQuery::new(q, by))
}
