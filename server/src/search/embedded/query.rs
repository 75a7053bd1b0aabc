//! From a [`Query`] to a tantivy query, where ranking is decided.
//!
//! Every typed word must match, in the title or the text, exactly, without diacritics, or (for
//! words of five letters or more) with one typo. Ranking works in tiers, like Meilisearch's
//! ranking rules, with BM25 deciding within a tier: fixed bonuses make an identifier that
//! matches exactly outrank everything, then the whole query as the issuing body, then each word
//! found without a typo, then the whole query as a phrase, then each word written with its
//! exact diacritics; adjacent words found side by side (Vietnamese words are one or two
//! syllables) and title matches weigh more within a tier. Phrases and adjacency are answered
//! by pair terms (see `schema`), never by positions.

use super::schema::{Fields, phrase_key};
use crate::search::fold;
use crate::search::query::{Filters, Query, Word};
use std::ops::Bound;
use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, Query as TQuery,
    RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};

/// Words shorter than this (in characters) match only exactly or folded, never with a typo.
pub const TYPO_MIN_CHARS: usize = 5;

/// Tier bonuses (see the module documentation): each is larger than anything the tiers below
/// and BM25 can add up to for a query of at most sixteen words.
const IDENT_EXACT: f32 = 20_000.0;
const ISSUER_EXACT: f32 = 5_000.0;
const WORD_NO_TYPO: f32 = 150.0;
const WHOLE_PHRASE: f32 = 100.0;
const EXACT_DIACRITICS: f32 = 5.0;

type Clause = (Occur, Box<dyn TQuery>);

/// How many documents hold a term: a word typed as the catalogue writes it in many records is
/// not a typo, and is not expanded to its one-edit neighbours (which would only add noise and
/// cost).
pub type DocFreq<'a> = &'a dyn Fn(Field, &str) -> u64;

/// The tantivy query for `q`; `common` is the document count above which a word is taken as
/// typed correctly.
pub fn build(f: &Fields, q: &Query, df: DocFreq<'_>, common: u64) -> Box<dyn TQuery> {
    let mut clauses: Vec<Clause> = Vec::new();
    let words = &q.text.words;
    let last = words.len().saturating_sub(1);
    for (i, w) in words.iter().enumerate() {
        let prefix = q.prefix && i == last && q.text.phrases.is_empty() && q.text.idents.is_empty();
        clauses.push((Occur::Must, word(f, w, prefix, df, common)));
    }
    for phrase in &q.text.phrases {
        for w in phrase {
            clauses.push((Occur::Must, word(f, w, false, df, common)));
        }
        let folded: Vec<&str> = phrase.iter().map(|w| w.folded.as_str()).collect();
        clauses.push((Occur::Must, side_by_side(f, &folded)));
    }
    for ident in &q.text.idents {
        clauses.push((Occur::Must, identifier(f, ident)));
    }
    let all_words: Vec<&Word> = q.text.all_words().collect();
    if all_words.len() >= 2 {
        let folded: Vec<&str> = all_words.iter().map(|w| w.folded.as_str()).collect();
        // The whole query side by side, in the title or the text.
        clauses.push((Occur::Should, bonus(side_by_side(f, &folded), WHOLE_PHRASE)));
        // Adjacent pairs: the syllables of one word found together.
        for pair in folded.windows(2) {
            let key = format!("{} {}", pair[0], pair[1]);
            clauses.push((Occur::Should, boost(term(f.title_p, &key), 1.5)));
            clauses.push((Occur::Should, boost(term(f.body_p, &key), 0.75)));
        }
    }
    if !all_words.is_empty() {
        // The whole query as the issuing body, exactly.
        let key = phrase_key(&q.text.raw);
        clauses.push((Occur::Should, bonus(raw(f.issuer, &key), ISSUER_EXACT)));
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
fn word(f: &Fields, w: &Word, prefix: bool, df: DocFreq<'_>, common: u64) -> Box<dyn TQuery> {
    let exact_form = |forms: &mut Vec<Clause>| {
        if w.exact != w.folded {
            forms.push((
                Occur::Should,
                bonus(term(f.exact, &w.exact), EXACT_DIACRITICS),
            ));
        }
    };
    let typo_length =
        w.folded.chars().count() >= TYPO_MIN_CHARS && !w.folded.chars().all(|c| c.is_ascii_digit());
    let typos = typo_length && df(f.title_f, &w.folded) + df(f.body_f, &w.folded) <= common;
    let mut forms: Vec<Clause> = vec![
        (Occur::Should, boost(term(f.title_f, &w.folded), 2.0)),
        (Occur::Should, boost(term(f.body_f, &w.folded), 1.0)),
    ];
    exact_form(&mut forms);
    if !typos && !prefix {
        // Every match is typo-free: no tier to tell apart, and no posting list read twice.
        return Box::new(BooleanQuery::new(forms));
    }
    forms.push((
        Occur::Should,
        bonus(
            any(vec![term(f.title_f, &w.folded), term(f.body_f, &w.folded)]),
            WORD_NO_TYPO,
        ),
    ));
    if typos {
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
                WORD_NO_TYPO - 20.0,
            ),
        ));
    }
    Box::new(BooleanQuery::new(forms))
}

/// Words side by side (every adjacent pair) in the title, or in the text.
fn side_by_side(f: &Fields, folded: &[&str]) -> Box<dyn TQuery> {
    if folded.len() < 2 {
        let w = folded.first().copied().unwrap_or_default();
        return any(vec![term(f.title_f, w), term(f.body_f, w)]);
    }
    let pairs: Vec<String> = folded
        .windows(2)
        .map(|p| format!("{} {}", p[0], p[1]))
        .collect();
    let all_in = |field: Field| -> Box<dyn TQuery> {
        Box::new(BooleanQuery::new(
            pairs.iter().map(|p| (Occur::Must, raw(field, p))).collect(),
        ))
    };
    any(vec![all_in(f.title_p), all_in(f.body_p)])
}

/// An identifier: exactly one of the unit's identifiers (weighs most), or the code of an
/// ancestor (the units below a file whose code was typed), or its parts side by side in the
/// text.
fn identifier(f: &Fields, ident: &str) -> Box<dyn TQuery> {
    let parts: Vec<String> = fold::words(ident).map(|(_, w)| fold::fold(w)).collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    let mut forms: Vec<Clause> = vec![
        (Occur::Should, bonus(raw(f.idents, ident), IDENT_EXACT)),
        (Occur::Should, boost(raw(f.ancestors, ident), 0.5)),
    ];
    if !parts.is_empty() {
        forms.push((Occur::Should, bonus(side_by_side(f, &parts), 1.0)));
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
        eq(f.access, v.as_str());
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
