//! Field rules: lengths, numbers, code lists, dates, backup status, paper file code, normalisation.

use super::tests::{FILE, ITEM, check, fields_of, problems, unit, with};
use super::*;

#[test]
fn lengths_count_characters_not_bytes() {
    let ok = "ộ".repeat(500);
    assert!(ok.len() > 500);
    assert!(matches!(
        check(Level::Item, with(ITEM, &[("subject", &ok)])),
        Validated::Unit(..)
    ));
    let long = "ộ".repeat(501);
    let p = problems(check(Level::Item, with(ITEM, &[("subject", &long)])));
    assert_eq!(p[0].field, "subject");
    assert!(
        p[0].reason.contains("501") && p[0].reason.contains("500"),
        "{}",
        p[0].reason
    );
    // Decomposed input is counted after NFC normalisation.
    let nfd: String = ok.nfd().collect();
    let (u, _) = unit(check(Level::Item, with(ITEM, &[("subject", &nfd)])));
    assert_eq!(fields_of(&u, "subject"), Some(ok));
}

#[test]
fn every_length_limit() {
    type Case = (
        Level,
        &'static [(&'static str, &'static str)],
        &'static str,
        usize,
    );
    let limits: &[Case] = &[
        (
            Level::Fonds,
            &[("fondsCode", "H"), ("fondsName", "n"), ("mode", "01")],
            "fondsName",
            200,
        ),
        (
            Level::Fonds,
            &[("fondsCode", "H"), ("fondsName", "n"), ("mode", "01")],
            "keyGroups",
            300,
        ),
        (
            Level::Fonds,
            &[("fondsCode", "H"), ("fondsName", "n"), ("mode", "01")],
            "otherTypes",
            300,
        ),
        (
            Level::Fonds,
            &[("fondsCode", "H"), ("fondsName", "n"), ("mode", "01")],
            "lookupTools",
            50,
        ),
        (
            Level::Fonds,
            &[("fondsCode", "H"), ("fondsName", "n"), ("mode", "01")],
            "description",
            1000,
        ),
        (
            Level::Fonds,
            &[("fondsCode", "H"), ("fondsName", "n"), ("mode", "01")],
            "archiveCode",
            13,
        ),
        (Level::File, FILE, "title", 1000),
        (Level::File, FILE, "keyword", 100),
        (Level::File, FILE, "inforSign", 30),
        (Level::File, FILE, "paperFileCode", 100),
        (Level::File, FILE, "description", 2000),
        (Level::File, FILE, "fileNotation", 20),
        (Level::Item, ITEM, "codeNumber", 11),
        (Level::Item, ITEM, "codeNotation", 30),
        (Level::Item, ITEM, "organName", 200),
        (Level::Item, ITEM, "autograph", 2000),
        (Level::Item, ITEM, "format", 50),
        (Level::Item, ITEM, "description", 500),
        (Level::Item, ITEM, "keyword", 100),
        (Level::Item, ITEM, "inforSign", 30),
    ];
    for (level, base, tag, max) in limits {
        let ok = "đ".repeat(*max);
        let base: Vec<(&'static str, &'static str)> = base.to_vec();
        assert!(
            matches!(
                check(*level, with(&base, &[(*tag, &ok)])),
                Validated::Unit(..)
            ),
            "{tag} {max}"
        );
        let p = problems(check(*level, with(&base, &[(*tag, &format!("{ok}đ"))])));
        assert_eq!(p[0].field, *tag);
        assert!(
            p[0].reason.contains(&format!("tối đa {max}")),
            "{}",
            p[0].reason
        );
    }
    let p = problems(check(
        Level::Fonds,
        with(
            &[
                ("fondsCode", "H34.10.123456789"),
                ("fondsName", "n"),
                ("mode", "01"),
            ],
            &[],
        ),
    ));
    assert_eq!(p[0].field, "fondsCode");
    let p = problems(check(
        Level::Item,
        with(ITEM, &[("docId", "H34.10.1996.01.045.1234567")]),
    ));
    assert_eq!(p[0].field, "docId", "docId is at most 25 characters");
}

#[test]
fn numbers_are_non_negative_integers_within_their_digits() {
    let (u, _) = unit(check(
        Level::File,
        with(FILE, &[("totalDoc", "1234567890")]),
    ));
    assert_eq!(fields_of(&u, "totalDoc").as_deref(), Some("1234567890"));
    for bad in ["12345678901", "-1", "3.5", "1 234", "mười"] {
        let p = problems(check(Level::File, with(FILE, &[("totalDoc", bad)])));
        assert_eq!(p[0].field, "totalDoc", "{bad}");
        assert!(p[0].reason.contains(bad), "{}", p[0].reason);
    }
    assert!(matches!(
        check(Level::Item, with(ITEM, &[("numberOfPage", "9999")])),
        Validated::Unit(..)
    ));
    assert_eq!(
        problems(check(Level::Item, with(ITEM, &[("numberOfPage", "10000")])))[0].field,
        "numberOfPage"
    );
    assert!(matches!(
        check(Level::File, with(FILE, &[("numberOfPage", "10000")])),
        Validated::Unit(..)
    ));
    assert_eq!(
        problems(check(Level::File, with(FILE, &[("numberOfPaper", "x")])))[0].field,
        "numberOfPaper"
    );
    let fonds = [("fondsCode", "H"), ("fondsName", "n"), ("mode", "01")];
    assert_eq!(
        problems(check(Level::Fonds, with(&fonds, &[("paperTotal", "-3")])))[0].field,
        "paperTotal"
    );
    assert_eq!(
        problems(check(Level::Item, with(ITEM, &[("docOrdinal", "a")])))[0].field,
        "docOrdinal"
    );
}

#[test]
fn code_lists_by_word_and_code_and_errors() {
    let (u, _) = unit(check(
        Level::Item,
        with(
            ITEM,
            &[
                ("typeName", "công văn"),
                ("confidenceLevel", "Số hóa"),
                ("format", "Tốt"),
                ("language", "vi, en"),
            ],
        ),
    ));
    assert_eq!(fields_of(&u, "typeName").as_deref(), Some("22"));
    assert_eq!(fields_of(&u, "confidenceLevel").as_deref(), Some("02"));
    assert_eq!(fields_of(&u, "format").as_deref(), Some("01"));
    assert_eq!(fields_of(&u, "language").as_deref(), Some("01,02"));
    let (u, _) = unit(check(Level::Item, with(ITEM, &[("format", "rách mép")])));
    assert_eq!(
        fields_of(&u, "format").as_deref(),
        Some("rách mép"),
        "an item's format may be text"
    );
    assert_eq!(
        problems(check(Level::File, with(FILE, &[("format", "rách mép")])))[0].field,
        "format"
    );
    for (tag, bad) in [
        ("typeName", "99"),
        ("maintenance", "Lâu dài"),
        ("confidenceLevel", "4"),
        ("language", "xx"),
    ] {
        let p = problems(check(Level::Item, with(ITEM, &[(tag, bad)])));
        assert_eq!(p[0].field, tag);
        assert!(p[0].reason.contains(bad), "{}", p[0].reason);
    }
    let fonds = [("fondsCode", "H"), ("fondsName", "n"), ("mode", "01")];
    assert_eq!(
        problems(check(Level::Fonds, with(&fonds, &[("status", "mở cửa")])))[0].field,
        "status"
    );
    let (f, _) = unit(check(Level::Fonds, with(&fonds, &[("status", "Đóng")])));
    assert_eq!(fields_of(&f, "status").as_deref(), Some("02"));
}

#[test]
fn dates_are_checked_and_ordered() {
    let p = problems(check(
        Level::Item,
        with(ITEM, &[("issuedDate", "31/02/1996")]),
    ));
    assert_eq!(p[0].field, "issuedDate");
    assert_eq!(
        p[0].reason,
        "ngày không hợp lệ: 31/02/1996 (dùng DD/MM/YYYY, MM/YYYY hoặc YYYY)"
    );
    let p = problems(check(
        Level::File,
        with(FILE, &[("startDate", "1997"), ("endDate", "12/1996")]),
    ));
    assert_eq!(p[0].field, "endDate");
    assert!(
        p[0].reason.contains("1997") && p[0].reason.contains("12/1996"),
        "{}",
        p[0].reason
    );
    let (u, _) = unit(check(
        Level::File,
        with(FILE, &[("startDate", "1996"), ("endDate", "1996-02")]),
    ));
    assert_eq!(fields_of(&u, "endDate").as_deref(), Some("02/1996"));
    assert_eq!(
        problems(check(Level::Item, with(ITEM, &[("photoTime", "hôm qua")])))[0].field,
        "photoTime"
    );
}

#[test]
fn backup_status_is_required_with_backup() {
    let p = problems(check(
        Level::File,
        with(FILE, &[("riskRecovery", "1"), ("riskRecoveryStatus", "")]),
    ));
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].field, "riskRecoveryStatus");
    let cells: Vec<_> = with(FILE, &[("riskRecovery", "Có")])
        .into_iter()
        .filter(|(t, _)| *t != "riskRecoveryStatus")
        .collect();
    assert_eq!(
        problems(check(Level::File, cells))[0].field,
        "riskRecoveryStatus"
    );
    assert!(matches!(
        check(
            Level::File,
            with(FILE, &[("riskRecovery", "0"), ("riskRecoveryStatus", "")])
        ),
        Validated::Unit(..)
    ));
    assert_eq!(
        problems(check(Level::File, with(FILE, &[("riskRecovery", "2")])))[0].field,
        "riskRecovery"
    );
    assert_eq!(
        problems(check(Level::Item, with(ITEM, &[("process", "x")])))[0].field,
        "process"
    );
}

#[test]
fn a_digitised_file_without_paper_code_is_only_a_warning() {
    let (_, w) = unit(check(Level::File, with(FILE, &[("paperFileCode", "")])));
    assert_eq!(w.len(), 1);
    assert_eq!(
        (w[0].field.as_str(), w[0].line, w[0].source.as_ref()),
        ("paperFileCode", Some(7), "t.csv")
    );
    let (_, w) = unit(check(
        Level::File,
        with(FILE, &[("paperFileCode", ""), ("confidenceLevel", "03")]),
    ));
    assert!(w.is_empty());
}

#[test]
fn values_are_trimmed_and_nfc() {
    let (u, _) = unit(check(
        Level::File,
        with(
            FILE,
            &[("title", "  Ho\u{302}\u{300} so\u{31b}  \r\nnăm 1996 ")],
        ),
    ));
    assert_eq!(fields_of(&u, "title").as_deref(), Some("Hồ sơ  \nnăm 1996"));
    let (u, _) = unit(check(Level::File, with(FILE, &[("keyword", "")])));
    assert_eq!(
        fields_of(&u, "keyword").as_deref(),
        Some(""),
        "an empty cell clears the field"
    );
}
