//! Word-to-code mapping: every code list by code, word and English name, accents and case, errors.

use super::*;

const CODED: &[&str] = &[
    "typeName",
    "language",
    "maintenance",
    "mode",
    "confidenceLevel",
    "format",
    "riskRecoveryStatus",
    "status",
];

#[test]
fn every_code_list_maps_its_words_and_codes() {
    for field in CODED {
        let list = codes::list_for_field(field).unwrap_or_else(|| panic!("{field}"));
        for (c, vi, en) in list {
            assert_eq!(code(field, c).as_deref(), Ok(*c), "{field} code {c}");
            assert_eq!(code(field, vi).as_deref(), Ok(*c), "{field} word {vi}");
            assert_eq!(code(field, en).as_deref(), Ok(*c), "{field} English {en}");
            assert_eq!(
                code(field, &vi.to_uppercase()).as_deref(),
                Ok(*c),
                "{field} upper {vi}"
            );
            assert_eq!(
                code(field, &fold(vi)).as_deref(),
                Ok(*c),
                "{field} without accents {vi}"
            );
            assert_eq!(
                code(field, &format!("  {vi} ")).as_deref(),
                Ok(*c),
                "{field} spaces {vi}"
            );
        }
    }
}

#[test]
fn codes_without_leading_zero_are_normalised() {
    assert_eq!(code("typeName", "2").as_deref(), Ok("02"));
    assert_eq!(code("typeName", "002").as_deref(), Ok("02"));
    assert_eq!(code("maintenance", "7").as_deref(), Ok("07"));
    assert_eq!(code("mode", "1").as_deref(), Ok("01"));
    assert_eq!(code("language", "1; 3").as_deref(), Ok("01,03"));
    assert_eq!(code("riskRecovery", "01").as_deref(), Ok("1"));
    assert!(code("typeName", "33").is_err());
    assert!(code("typeName", "0").is_err());
}

#[test]
fn words_ignore_case_accents_and_d_stroke() {
    assert_eq!(code("typeName", "QUYẾT ĐỊNH").as_deref(), Ok("02"));
    assert_eq!(code("typeName", "quyet dinh").as_deref(), Ok("02"));
    assert_eq!(
        code("typeName", "Giấy uỷ quyền").as_deref(),
        Ok("16"),
        "old tone placement"
    );
    assert_eq!(code("typeName", "Bản thoả thuận").as_deref(), Ok("25"));
    assert_eq!(code("typeName", "Ban do").as_deref(), Ok("30"));
    assert_eq!(code("maintenance", "vinh vien").as_deref(), Ok("01"));
    assert_eq!(code("maintenance", "70 Năm").as_deref(), Ok("02"));
    assert_eq!(code("maintenance", "20 years").as_deref(), Ok("05"));
    assert_eq!(code("confidenceLevel", "so hoa").as_deref(), Ok("02"));
    assert_eq!(code("confidenceLevel", "Số hoá").as_deref(), Ok("02"));
    assert_eq!(code("format", "binh thuong").as_deref(), Ok("02"));
    assert_eq!(code("riskRecoveryStatus", "Đã").as_deref(), Ok("01"));
    assert_eq!(code("status", "Đóng").as_deref(), Ok("02"));
    assert_eq!(code("riskRecovery", "Có").as_deref(), Ok("1"));
    assert_eq!(code("process", "không").as_deref(), Ok("0"));
    assert_eq!(fold("  Đắk   Hà – Kon Tum "), "dak ha - kon tum");
}

#[test]
fn languages_take_lists_names_and_iso_codes() {
    assert_eq!(code("language", "Tiếng Việt").as_deref(), Ok("01"));
    assert_eq!(
        code("language", "Tiếng Việt, Tiếng Pháp").as_deref(),
        Ok("01,03")
    );
    assert_eq!(
        code("language", "tieng viet;tieng anh; Tiếng Việt").as_deref(),
        Ok("01,02")
    );
    assert_eq!(code("language", "Việt - Anh").as_deref(), Ok("06"));
    assert_eq!(code("language", "Việt-Pháp").as_deref(), Ok("08"));
    assert_eq!(code("language", "vie").as_deref(), Ok("01"));
    assert_eq!(code("language", "fre").as_deref(), Ok("03"));
    assert_eq!(code("language", "Hán Nôm").as_deref(), Ok("09"));
    assert!(code("language", "Tiếng Klingon").is_err());
    assert!(code("language", ",;").is_err());
}

#[test]
fn modes_from_legacy_words() {
    assert_eq!(mode("Công khai"), Ok(Mode::Public));
    assert_eq!(mode("cong khai"), Ok(Mode::Public));
    assert_eq!(mode("Sử dụng có điều kiện"), Ok(Mode::Conditional));
    assert_eq!(mode("Hạn chế sử dụng"), Ok(Mode::Conditional));
    assert_eq!(mode("HAN CHE SU DUNG"), Ok(Mode::Conditional));
    assert_eq!(mode("Mật"), Ok(Mode::Secret));
    assert_eq!(mode("Tối mật"), Ok(Mode::Secret));
    assert_eq!(mode("Tuyệt mật"), Ok(Mode::Secret));
    assert_eq!(
        mode("Tài liệu mật (A)"),
        Ok(Mode::Secret),
        "any phrase with the word secret"
    );
    assert_eq!(mode("secret"), Ok(Mode::Secret));
    assert_eq!(mode("3"), Ok(Mode::Secret));
    assert_eq!(mode("02"), Ok(Mode::Conditional));
    assert_eq!(code("mode", "Hạn chế sử dụng").as_deref(), Ok("02"));
    assert!(mode("05").is_err());
    assert!(mode("riêng tư").is_err());
}

#[test]
fn unmappable_values_name_field_value_and_accepted_codes() {
    let e = code("maintenance", "Lâu dài").unwrap_err();
    assert_eq!(e.field, "maintenance");
    assert_eq!(e.value, "Lâu dài");
    let msg = e.to_string();
    assert!(
        msg.contains("maintenance") && msg.contains("\"Lâu dài\""),
        "{msg}"
    );
    assert!(
        msg.contains("01 Vĩnh viễn") && msg.contains("07 Khác"),
        "{msg}"
    );
    let msg = code("typeName", "99").unwrap_err().to_string();
    assert!(
        msg.contains("typeName") && msg.contains("\"99\"") && msg.contains("32 Khác"),
        "{msg}"
    );
    let msg = mode("05").unwrap_err().to_string();
    assert!(
        msg.contains("mode") && msg.contains("\"05\"") && msg.contains("03 Mật"),
        "{msg}"
    );
}

#[test]
fn empty_values_stay_empty_and_uncoded_fields_pass() {
    assert_eq!(code("typeName", "  ").as_deref(), Ok(""));
    assert_eq!(code("title", " Hồ sơ ").as_deref(), Ok("Hồ sơ"));
    assert!(is_coded("mode") && is_coded("riskRecovery") && !is_coded("subject"));
}

#[test]
fn every_extra_word_is_documented() {
    let doc = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/import-formats.md");
    let text = std::fs::read_to_string(&doc).unwrap_or_else(|e| panic!("{}: {e}", doc.display()));
    for field in CODED.iter().chain(&["riskRecovery"]) {
        for (_, word) in synonyms(field) {
            assert!(
                text.contains(word),
                "{field}: \"{word}\" is not in docs/import-formats.md"
            );
        }
    }
}
