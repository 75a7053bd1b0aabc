//! Header mapping: TT05 tags, Vietnamese names, Circular 02/2019 tags, table recognition.

use super::*;
use std::collections::HashMap;

#[test]
fn tt05_tags_match_case_insensitively() {
    for tag in FONDS_TAGS.iter().chain(FILE_TAGS).chain(ITEM_TAGS) {
        assert_eq!(canonical(tag), Some(*tag));
        assert_eq!(canonical(&tag.to_uppercase()), Some(*tag));
        assert_eq!(canonical(&tag.to_lowercase()), Some(*tag));
    }
    assert_eq!(canonical(" fileCode "), Some("fileCode"));
    assert_eq!(
        canonical("\u{feff}fondsCode"),
        Some("fondsCode"),
        "BOM on the first header"
    );
    assert_eq!(canonical("file_code"), Some("fileCode"));
}

#[test]
fn every_alias_maps_to_its_tag_and_no_alias_is_ambiguous() {
    let mut seen: HashMap<String, &str> = HashMap::new();
    for (tag, names) in ALIASES {
        assert!(
            FONDS_TAGS.contains(tag) || FILE_TAGS.contains(tag) || ITEM_TAGS.contains(tag),
            "{tag}"
        );
        for name in *names {
            assert_eq!(canonical(name), Some(*tag), "{name}");
            if let Some(other) = seen.insert(header_key(name), tag) {
                assert_eq!(other, *tag, "{name} means two tags");
            }
        }
    }
}

#[test]
fn vietnamese_names_ignore_accents_case_and_spacing() {
    assert_eq!(canonical("Mã hồ sơ"), Some("fileCode"));
    assert_eq!(canonical("MÃ HỒ SƠ"), Some("fileCode"));
    assert_eq!(canonical("ma ho so"), Some("fileCode"));
    assert_eq!(canonical("Mã  hồ sơ:"), Some("fileCode"));
    assert_eq!(canonical("Tiêu đề hồ sơ"), Some("title"));
    assert_eq!(canonical("Chế độ sử dụng"), Some("mode"));
    assert_eq!(canonical("Mã phông"), Some("fondsCode"));
    assert_eq!(canonical("Tên phông"), Some("fondsName"));
    assert_eq!(canonical("Trích yếu nội dung"), Some("subject"));
    assert_eq!(canonical("Số lượng tờ"), Some("numberOfPaper"));
    assert_eq!(canonical("Ngày, tháng, năm"), Some("issuedDate"));
    assert_eq!(
        canonical("Cơ quan, tổ chức, cá nhân ban hành"),
        Some("organName")
    );
    assert_eq!(canonical("Từ khoá"), Some("keyword"));
    assert_eq!(canonical("Ghi chú"), Some("description"));
    assert_eq!(canonical("Tên loại văn bản"), Some("typeName"));
    assert_eq!(canonical("Địa điểm chụp"), Some("photoPlace"));
    assert_eq!(canonical("Thời lượng"), Some("playTime"));
    assert_eq!(
        canonical("Số thứ tự"),
        None,
        "a bare row number is not the ordinal"
    );
}

#[test]
fn the_sample_spreadsheet_headers_are_all_known() {
    let headers = [
        "Mã phông",
        "Mục lục số",
        "Mã hồ sơ",
        "Số và ký hiệu hồ sơ",
        "Tiêu đề hồ sơ",
        "Thời hạn lưu trữ",
        "Chế độ sử dụng",
        "Ngôn ngữ",
        "Thời gian bắt đầu",
        "Thời gian kết thúc",
        "Từ khóa",
        "Tổng số tài liệu trong hồ sơ",
        "Số lượng tờ",
        "Số lượng trang",
        "Tình trạng vật lý",
        "Ký hiệu thông tin",
        "Mức độ tin cậy",
        "Mã hồ sơ gốc giấy",
        "Chế độ dự phòng",
        "Tình trạng dự phòng",
        "Ghi chú",
    ];
    let map = recognise(&headers).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(map.table, Table::Files);
    assert!(map.ignored.is_empty(), "{:?}", map.ignored);
    assert_eq!(map.columns[11], Some("totalDoc"));
    assert_eq!(map.columns[3], Some("fileNotation"));
}

#[test]
fn circular_02_2019_tags() {
    let pairs = [
        ("FileCode", "fileCode"),
        ("OrganId", "fondsCode"),
        ("FileCatalog", "catalogNo"),
        ("FileNotation", "fileNotation"),
        ("Title", "title"),
        ("Maintenance", "maintenance"),
        ("Rights", "mode"),
        ("Language", "language"),
        ("StartDate", "startDate"),
        ("EndDate", "endDate"),
        ("DocTotal", "totalDoc"),
        ("SheetTotal", "numberOfPaper"),
        ("PageTotal", "numberOfPage"),
        ("InforSign", "inforSign"),
        ("Keyword", "keyword"),
        ("Format", "format"),
        ("Description", "description"),
        ("DocCode", "docCode"),
        ("DocOrdinal", "docOrdinal"),
        ("TypeName", "typeName"),
        ("CodeNumber", "codeNumber"),
        ("CodeNotation", "codeNotation"),
        ("IssuedDate", "issuedDate"),
        ("OrganName", "organName"),
        ("Subject", "subject"),
        ("PageAmount", "numberOfPage"),
        ("Mode", "mode"),
        ("ConfidenceLevel", "confidenceLevel"),
        ("Autograph", "autograph"),
        ("arcFileCode", "fileCode"),
        ("arcDocCode", "docCode"),
    ];
    for (h, tag) in pairs {
        assert_eq!(canonical(h), Some(tag), "{h}");
    }
    let legacy = [
        "FileCode",
        "OrganId",
        "FileCatalog",
        "FileNotation",
        "Title",
        "Maintenance",
        "Rights",
        "Language",
    ];
    assert_eq!(recognise(&legacy).map(|m| m.table), Ok(Table::Files));
    let items = [
        "DocCode",
        "DocOrdinal",
        "TypeName",
        "Subject",
        "OrganName",
        "Mode",
    ];
    assert_eq!(recognise(&items).map(|m| m.table), Ok(Table::Documents));
}

#[test]
fn tables_are_recognised_by_headers() {
    assert_eq!(
        recognise(&["fondsCode", "fondsName", "mode"]).map(|m| m.table),
        Ok(Table::Fonds)
    );
    assert_eq!(
        recognise(&["fondsCode", "fileCode", "title"]).map(|m| m.table),
        Ok(Table::Files)
    );
    assert_eq!(
        recognise(&["fileCode", "docOrdinal", "subject"]).map(|m| m.table),
        Ok(Table::Documents)
    );
    assert_eq!(
        recognise(&["docId", "subject"]).map(|m| m.table),
        Ok(Table::Documents)
    );
    assert_eq!(
        recognise(&["Mã hồ sơ", "Trích yếu nội dung"]).map(|m| m.table),
        Ok(Table::Documents)
    );
    assert_eq!(
        recognise(&["fileCode", "imageTitle"]).map(|m| m.table),
        Ok(Table::Documents),
        "photos"
    );
    assert!(matches!(
        recognise(&["a", "b"]),
        Err(HeaderError::UnknownTable { .. })
    ));
    let semicolons = recognise(&["fileCode;title;mode"]).unwrap_err().to_string();
    assert!(semicolons.contains("dấu phẩy"), "{semicolons}");
}

#[test]
fn unknown_and_foreign_columns_are_ignored_with_a_reason() {
    let map = recognise(&["fileCode", "title", "Người nhập", "fondsName", ""])
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        map.columns,
        vec![Some("fileCode"), Some("title"), None, None, None]
    );
    assert_eq!(map.ignored.len(), 2);
    assert_eq!(map.ignored[0].0, "Người nhập");
    assert!(
        map.ignored[1].1.contains("bảng hồ sơ"),
        "{:?}",
        map.ignored[1]
    );
}

#[test]
fn two_columns_for_one_tag_are_an_error() {
    let e = recognise(&["fileCode", "Mã hồ sơ", "title"]).unwrap_err();
    assert_eq!(
        e,
        HeaderError::Duplicate {
            first: "fileCode".into(),
            second: "Mã hồ sơ".into(),
            tag: "fileCode"
        }
    );
    assert!(e.to_string().contains("giữ lại một cột"));
}

#[test]
fn photo_and_media_tags_are_item_columns() {
    for t in PIC_TAGS.iter().chain(MEDIA_TAGS) {
        assert!(ITEM_TAGS.contains(t), "{t}");
        assert_eq!(canonical(t), Some(*t));
    }
    assert_eq!(label("subject"), "Trích yếu nội dung");
    assert_eq!(label("docOrdinal"), "Số thứ tự văn bản trong hồ sơ");
}

#[test]
fn every_alias_is_documented() {
    let doc = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/import-formats.md");
    let text = std::fs::read_to_string(&doc).unwrap_or_else(|e| panic!("{}: {e}", doc.display()));
    for (tag, names) in ALIASES {
        assert!(
            text.contains(&format!("`{tag}`")),
            "{tag} is not in docs/import-formats.md"
        );
        for name in *names {
            assert!(
                text.contains(name),
                "{name} ({tag}) is not in docs/import-formats.md"
            );
        }
    }
}
