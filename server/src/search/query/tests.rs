//! Tests of the search parameter checks and the lenient text parser.

use super::*;

fn params(pairs: &[(&str, &str)]) -> SearchParams {
    let mut p = SearchParams::default();
    for (k, v) in pairs {
        p.set(k, Some((*v).to_string()));
    }
    p
}

fn rejects(pairs: &[(&str, &str)], parameter: &str) {
    let err = parse(&params(pairs)).expect_err("should be rejected");
    assert_eq!(err.parameter, parameter, "{err:?}");
    assert!(!err.reason.is_empty());
}

#[test]
fn words_identifiers_and_phrases_are_told_apart() {
    let (text, ignored) =
        parse_text("Quyết định \"xây dựng trường\" 3016/KH-UBND H34.10.1996.01.045 quyet");
    assert!(ignored.is_empty());
    let exact: Vec<&str> = text.words.iter().map(|w| w.exact.as_str()).collect();
    assert_eq!(exact, ["quyết", "định", "quyet"]);
    assert_eq!(text.words[1].folded, "dinh");
    assert_eq!(text.phrases.len(), 1);
    let phrase: Vec<&str> = text.phrases[0].iter().map(|w| w.folded.as_str()).collect();
    assert_eq!(phrase, ["xay", "dung", "truong"]);
    assert_eq!(text.idents, ["3016/kh-ubnd", "h34.10.1996.01.045"]);
}

#[test]
fn an_unclosed_quote_is_reported_and_its_words_kept() {
    let (text, ignored) = parse_text("trường \"tiểu học");
    assert_eq!(text.words.len(), 3);
    assert_eq!(ignored.len(), 1);
    assert!(ignored[0].contains("ngoặc kép"), "{ignored:?}");
}

#[test]
fn too_many_words_are_cut_and_reported() {
    let q = (0..30)
        .map(|i| format!("w{i}x"))
        .collect::<Vec<_>>()
        .join(" ");
    let (text, ignored) = parse_text(&q);
    assert_eq!(text.words.len(), MAX_TERMS);
    assert!(ignored[0].contains("w29x"), "{ignored:?}");
}

#[test]
fn dates_are_bounds_of_an_overlap() {
    let p = parse(&params(&[("from", "1990"), ("to", "1999-06")])).expect("parses");
    assert_eq!(p.query.filters.from, Some(19_900_101));
    assert_eq!(p.query.filters.to, Some(19_990_631));
    let p = parse(&params(&[("from", "1996-04-30"), ("to", "1996-04-30")])).expect("parses");
    assert_eq!(p.query.filters.from, p.query.filters.to);
}

#[test]
fn paging_defaults_and_offsets() {
    let p = parse(&params(&[("page", "3"), ("per_page", "10")])).expect("parses");
    assert_eq!(
        (p.page, p.per_page, p.query.offset, p.query.limit),
        (3, 10, 20, 10)
    );
    let p = parse(&SearchParams::default()).expect("parses");
    assert_eq!((p.page, p.per_page), (1, DEFAULT_PER_PAGE));
}

#[test]
fn every_bad_parameter_is_named() {
    rejects(&[("page", "0")], "page");
    rejects(&[("page", "abc")], "page");
    rejects(&[("page", "100000")], "page");
    rejects(&[("per_page", "1000")], "per_page");
    rejects(&[("from", "199")], "from");
    rejects(&[("from", "1996-13-01")], "from");
    rejects(&[("to", "yesterday")], "to");
    rejects(&[("from", "2000"), ("to", "1990")], "to");
    rejects(&[("level", "box")], "level");
    rejects(&[("type", "02;drop")], "type");
    rejects(&[("lang", "vietnamese-long")], "lang");
    rejects(&[("digitized", "maybe")], "digitized");
    rejects(&[("access", "secret")], "access");
    rejects(&[("sort", "title")], "sort");
    rejects(&[("q", &"x".repeat(MAX_QUERY_CHARS + 1))], "q");
}
