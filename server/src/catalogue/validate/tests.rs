//! Row validation: records, secrecy, required fields and identifiers.

use super::*;
use std::sync::Arc;

pub(super) fn row(level: Level, cells: &[(&'static str, &str)]) -> SourceRow {
    SourceRow {
        source: Arc::from("t.csv"),
        line: 7,
        level,
        cells: cells.iter().map(|(t, v)| (*t, v.to_string())).collect(),
        defaults: Vec::new(),
    }
}

pub(super) const FILE: &[(&str, &str)] = &[
    ("fondsCode", "H34.10"),
    ("catalogNo", "1"),
    ("fileCode", "H34.10.1996.01.045"),
    ("fileNotation", "01.045"),
    ("title", "Hồ sơ về chương trình định canh"),
    ("maintenance", "Vĩnh viễn"),
    ("mode", "01"),
    ("language", "Tiếng Việt"),
    ("startDate", "16/01/1996"),
    ("endDate", "9/9/1996"),
    ("totalDoc", "011"),
    ("confidenceLevel", "02"),
    ("paperFileCode", "H34.K2.G19.H027.1"),
    ("riskRecovery", "1"),
    ("riskRecoveryStatus", "01"),
];

pub(super) const ITEM: &[(&str, &str)] = &[
    ("fileCode", "H34.10.1996.01.045"),
    ("docOrdinal", "3"),
    ("docId", "H34.10.1996.01.045.3"),
    ("docCode", "H34.10.1996.01.045.0000003"),
    ("typeName", "Quyết định"),
    ("codeNumber", "1925"),
    ("codeNotation", "QĐ-UBND"),
    ("issuedDate", "26/02/1996"),
    ("organName", "Ủy ban nhân dân tỉnh Kon Tum"),
    ("subject", "về việc số hóa tài liệu"),
    ("language", "01"),
    ("numberOfPage", "2"),
    ("mode", "Công khai"),
];

pub(super) fn with(
    base: &[(&'static str, &'static str)],
    changes: &[(&'static str, &str)],
) -> Vec<(&'static str, String)> {
    let mut cells: Vec<(&'static str, String)> =
        base.iter().map(|(t, v)| (*t, v.to_string())).collect();
    for (t, v) in changes {
        match cells.iter_mut().find(|(f, _)| f == t) {
            Some(c) => c.1 = v.to_string(),
            None => cells.push((*t, v.to_string())),
        }
    }
    cells
}

pub(super) fn check(level: Level, cells: Vec<(&'static str, String)>) -> Validated {
    validate(SourceRow {
        source: Arc::from("t.csv"),
        line: 7,
        level,
        cells,
        defaults: Vec::new(),
    })
}

pub(super) fn unit(v: Validated) -> (UnitRecord, Vec<Warning>) {
    match v {
        Validated::Unit(u, w) => (u, w),
        other => panic!("expected a unit, got {other:?}"),
    }
}

pub(super) fn problems(v: Validated) -> Vec<FieldProblem> {
    match v {
        Validated::Rejected(r) => r.problems,
        other => panic!("expected a rejection, got {other:?}"),
    }
}

pub(super) fn fields_of(u: &UnitRecord, tag: &str) -> Option<String> {
    u.fields
        .iter()
        .find(|(f, _)| *f == tag)
        .map(|(_, v)| v.clone())
}

#[test]
fn a_good_file_becomes_a_record_with_normalised_values() {
    let (u, w) = unit(check(Level::File, with(FILE, &[])));
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(u.code, "H34.10.1996.01.045");
    assert_eq!(u.parent_code.as_deref(), Some("H34.10"));
    assert_eq!(u.catalog_no.as_deref(), Some("1"));
    assert_eq!(u.position, Some(45));
    assert_eq!(u.mode, Mode::Public);
    assert_eq!(
        (u.source.as_ref(), u.line, u.level),
        ("t.csv", 7, Level::File)
    );
    assert_eq!(fields_of(&u, "maintenance").as_deref(), Some("01"));
    assert_eq!(fields_of(&u, "language").as_deref(), Some("01"));
    assert_eq!(fields_of(&u, "endDate").as_deref(), Some("09/09/1996"));
    assert_eq!(fields_of(&u, "totalDoc").as_deref(), Some("11"));
    assert_eq!(u.fields.len(), FILE.len(), "every present column is kept");
}

#[test]
fn a_good_item_is_placed_in_its_file() {
    let (u, _) = unit(check(
        Level::Item,
        with(ITEM, &[("mode", "Hạn chế sử dụng")]),
    ));
    assert_eq!(u.code, "H34.10.1996.01.045.3");
    assert_eq!(u.parent_code.as_deref(), Some("H34.10.1996.01.045"));
    assert_eq!(u.position, Some(3));
    assert_eq!(u.mode, Mode::Conditional);
    assert_eq!(fields_of(&u, "typeName").as_deref(), Some("02"));
    assert_eq!(fields_of(&u, "mode").as_deref(), Some("02"));
}

#[test]
fn fonds_and_series_rows() {
    let (f, _) = unit(check(
        Level::Fonds,
        with(
            &[
                ("fondsCode", "H34.10"),
                ("fondsName", "UBND tỉnh"),
                ("archivesTime", "1979-2015"),
                ("mode", "01"),
            ],
            &[],
        ),
    ));
    assert_eq!(
        (f.code.as_str(), f.parent_code.as_deref(), f.position),
        ("H34.10", None, None)
    );
    let (s, _) = unit(check(
        Level::Series,
        with(
            &[("fondsCode", "H34.10"), ("catalogNo", "02"), ("mode", "01")],
            &[],
        ),
    ));
    assert_eq!(
        (s.code.as_str(), s.parent_code.as_deref(), s.position),
        ("H34.10-ML2", Some("H34.10"), Some(2))
    );
    let bad = problems(check(
        Level::Fonds,
        with(
            &[
                ("fondsCode", "H34.10"),
                ("fondsName", "X"),
                ("archivesTime", "2015-1979"),
                ("mode", "01"),
            ],
            &[],
        ),
    ));
    assert_eq!(bad[0].field, "archivesTime");
}

#[test]
fn secret_rows_are_recognised_first_and_carry_no_text() {
    let secret_subject = "BÍ MẬT QUỐC GIA về kế hoạch";
    for word in ["03", "3", "Mật", "Tối mật", "tuyet mat", "Tài liệu mật"] {
        let v = check(
            Level::Item,
            with(
                ITEM,
                &[
                    ("mode", word),
                    ("subject", secret_subject),
                    ("issuedDate", "31/02/1996"),
                    ("typeName", ""),
                ],
            ),
        );
        assert_eq!(
            v,
            Validated::Secret {
                code: "H34.10.1996.01.045.3".into(),
                level: Level::Item,
                source: Arc::from("t.csv"),
                line: 7,
            },
            "{word}"
        );
        let shown = format!("{v:?}");
        assert!(
            !shown.contains("BÍ MẬT") && !shown.contains("31/02"),
            "{shown}"
        );
    }
    let long = "x".repeat(5000);
    let v = check(
        Level::File,
        with(
            FILE,
            &[("mode", "03"), ("title", &long), ("maintenance", "??")],
        ),
    );
    assert_eq!(
        v,
        Validated::Secret {
            code: "H34.10.1996.01.045".into(),
            level: Level::File,
            source: Arc::from("t.csv"),
            line: 7,
        }
    );
}

#[test]
fn a_missing_mode_column_keeps_a_safe_placeholder_and_no_mode_field() {
    let cells: Vec<_> = with(FILE, &[])
        .into_iter()
        .filter(|(t, _)| *t != "mode")
        .collect();
    let (u, _) = unit(check(Level::File, cells));
    assert_eq!(u.mode, Mode::Conditional);
    assert_eq!(fields_of(&u, "mode"), None);
}

#[test]
fn an_unknown_mode_is_rejected_naming_the_value() {
    let p = problems(check(Level::Item, with(ITEM, &[("mode", "05")])));
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].field, "mode");
    assert!(
        p[0].reason.contains("\"05\"") && p[0].reason.contains("01 Công khai"),
        "{}",
        p[0].reason
    );
}

#[test]
fn every_problem_of_a_row_is_reported() {
    let p = problems(check(
        Level::Item,
        with(ITEM, &[("subject", ""), ("typeName", " ")]),
    ));
    let fields: Vec<&str> = p.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, vec!["typeName", "subject"]);
    assert!(p.iter().all(|p| p.reason.contains("bắt buộc")), "{p:?}");
    let p = problems(check(
        Level::Item,
        with(
            ITEM,
            &[
                ("issuedDate", "31/02/1996"),
                ("numberOfPage", "x"),
                ("language", "Klingon"),
            ],
        ),
    ));
    assert_eq!(p.len(), 3, "{p:?}");
}

#[test]
fn required_fields_only_when_their_column_is_present() {
    let cells: Vec<_> = with(ITEM, &[])
        .into_iter()
        .filter(|(t, _)| !matches!(*t, "subject" | "typeName"))
        .collect();
    assert!(matches!(check(Level::Item, cells), Validated::Unit(..)));
    for tag in [
        "title",
        "maintenance",
        "mode",
        "language",
        "fileCode",
        "fondsCode",
    ] {
        let p = problems(check(Level::File, with(FILE, &[(tag, "")])));
        assert!(p.iter().any(|p| p.field == tag), "{tag}: {p:?}");
    }
    for tag in ["organName", "subject", "typeName", "mode", "fileCode"] {
        let p = problems(check(Level::Item, with(ITEM, &[(tag, "")])));
        assert!(p.iter().any(|p| p.field == tag), "{tag}: {p:?}");
    }
    let p = problems(check(
        Level::Fonds,
        with(
            &[("fondsCode", "H34"), ("fondsName", ""), ("mode", "01")],
            &[],
        ),
    ));
    assert_eq!(p[0].field, "fondsName");
}

#[test]
fn missing_required_lists_what_a_new_record_lacks() {
    assert_eq!(
        missing_required(Level::File, |f| f == "mode" || f == "maintenance"),
        vec!["title", "language"]
    );
    assert_eq!(
        missing_required(Level::Item, |_| false),
        vec!["typeName", "organName", "subject", "mode"]
    );
    assert_eq!(
        missing_required(Level::Item, |f| f == "imageTitle"),
        vec!["mode"],
        "a photograph"
    );
    assert_eq!(
        missing_required(Level::Fonds, |f| f == "fondsName"),
        vec!["mode"]
    );
    assert!(missing_required(Level::Series, |_| false).is_empty());
}

#[test]
fn doc_ids_must_extend_their_file_code() {
    let p = problems(check(
        Level::Item,
        with(ITEM, &[("docId", "H34.99.1996.01.045.3")]),
    ));
    assert_eq!(p[0].field, "docId");
    assert!(
        p[0].reason.contains("H34.10.1996.01.045.3"),
        "the fix: {}",
        p[0].reason
    );
    assert_eq!(
        problems(check(
            Level::Item,
            with(ITEM, &[("docId", "H34.10.1996.01.045.")])
        ))[0]
            .field,
        "docId"
    );
    assert_eq!(
        problems(check(
            Level::Item,
            with(ITEM, &[("docId", "H34.10.1996.01.0453")])
        ))[0]
            .field,
        "docId"
    );
    let (_, w) = unit(check(
        Level::Item,
        with(ITEM, &[("docCode", "H34.10.1996.01.045.3")]),
    ));
    assert_eq!(w[0].field, "docCode", "a short docCode is only a warning");
}

#[test]
fn tt02_doc_code_identifies_an_item_without_doc_id() {
    let cells: Vec<_> = with(ITEM, &[])
        .into_iter()
        .filter(|(t, _)| !matches!(*t, "docId" | "docOrdinal"))
        .collect();
    let (u, w) = unit(check(Level::Item, cells.clone()));
    assert!(w.is_empty());
    assert_eq!(
        u.code, "H34.10.1996.01.045.3",
        "the 7-digit ordinal loses its zeros"
    );
    assert_eq!(u.position, Some(3));
    let mut legacy = cells.clone();
    legacy.retain(|(t, _)| *t != "docCode");
    legacy.push(("docCode", "H34.10.1996.01.045.3".into()));
    assert_eq!(
        unit(check(Level::Item, legacy)).0.code,
        "H34.10.1996.01.045.3"
    );
    let mut foreign = cells.clone();
    foreign.retain(|(t, _)| *t != "docCode");
    foreign.push(("docCode", "H34.99.1996.01.045.3".into()));
    assert_eq!(problems(check(Level::Item, foreign))[0].field, "docCode");
    let mut by_ordinal: Vec<_> = cells.into_iter().filter(|(t, _)| *t != "docCode").collect();
    by_ordinal.push(("docOrdinal", "04".into()));
    assert_eq!(
        unit(check(Level::Item, by_ordinal)).0.code,
        "H34.10.1996.01.045.4"
    );
}

#[test]
fn an_item_without_any_identifier_is_rejected() {
    let cells: Vec<_> = with(ITEM, &[])
        .into_iter()
        .filter(|(t, _)| !matches!(*t, "docId" | "docCode" | "docOrdinal"))
        .collect();
    let p = problems(check(Level::Item, cells));
    assert_eq!(p[0].field, "docId");
    let p = problems(check(Level::File, with(FILE, &[("fileCode", "")])));
    assert_eq!(p.len(), 1, "one problem for an empty code: {p:?}");
    let p = problems(check(
        Level::File,
        with(FILE, &[("fileCode", "H34 10/1996")]),
    ));
    assert!(
        p.iter()
            .any(|p| p.field == "fileCode" && p.reason.contains("khoảng trắng")),
        "{p:?}"
    );
}

#[test]
fn an_item_without_file_code_belongs_to_the_prefix_of_its_doc_id() {
    let cells: Vec<_> = with(ITEM, &[])
        .into_iter()
        .filter(|(t, _)| *t != "fileCode")
        .collect();
    let (u, _) = unit(check(Level::Item, cells));
    assert_eq!(u.parent_code.as_deref(), Some("H34.10.1996.01.045"));
}

#[test]
fn the_helper_row_builder_is_used() {
    assert!(matches!(
        validate(row(
            Level::Fonds,
            &[("fondsCode", "H1"), ("fondsName", "A"), ("mode", "1")]
        )),
        Validated::Unit(..)
    ));
}
