//! The choices of the registration form: priority categories (`feeObjectType`), kinds of
//! identity document, and the reading-room rules a reader accepts.

use crate::codes::{CodeList, name_of};
use crate::i18n::Lang;

/// Priority categories (`feeObjectType`, used for fee reductions). 01–09 ask for evidence.
pub const FEE_OBJECT_TYPES: CodeList = &[
    (
        "01",
        "Học sinh, sinh viên, người nghiên cứu",
        "Pupils, students, researchers",
    ),
    ("02", "Thân nhân liệt sĩ", "Martyrs' relatives"),
    (
        "03",
        "Thương binh, bệnh binh",
        "War invalids and sick soldiers",
    ),
    (
        "04",
        "Người tham gia kháng chiến",
        "Resistance participants",
    ),
    (
        "05",
        "Người có công giúp đỡ cách mạng",
        "People who helped the revolution",
    ),
    (
        "06",
        "Người thờ cúng liệt sĩ",
        "Keepers of martyrs' worship",
    ),
    ("07", "Người hưởng lương hưu", "Pensioners"),
    (
        "08",
        "Người mất sức lao động, bị tai nạn lao động",
        "People who lost working capacity or had labour accidents",
    ),
    (
        "09",
        "Người bị bệnh nghề nghiệp",
        "People with occupational diseases",
    ),
    ("10", "Khác", "Others"),
];

/// The category a new registration starts with (no priority claimed).
pub const DEFAULT_FEE_OBJECT_TYPE: &str = "10";

/// Kinds of identity document: citizens' identity card or, for foreigners, passport.
pub const IDENTITY_KINDS: CodeList = &[
    ("cccd", "Căn cước công dân", "Citizen identity card (CCCD)"),
    ("passport", "Hộ chiếu", "Passport"),
];

/// The reading-room rules shown on the registration page (id `noi-quy`).
pub const RULES: &[(&str, &str)] = &[
    (
        "Xuất trình thẻ độc giả hoặc giấy tờ tùy thân khi vào phòng đọc.",
        "Show your reader card or identity document when entering the reading room.",
    ),
    (
        "Chỉ mang vào phòng đọc giấy, bút chì và máy tính; gửi túi, đồ ăn, đồ uống tại nơi quy định.",
        "Bring only paper, pencils and a computer; leave bags, food and drinks where staff show you.",
    ),
    (
        "Giữ gìn tài liệu: không đánh dấu, gấp, xé hay làm bẩn tài liệu.",
        "Take care of the records: do not mark, fold, tear or soil them.",
    ),
    (
        "Chỉ sao chụp tài liệu khi được cán bộ phòng đọc cho phép.",
        "Copy or photograph records only with the reading-room staff's permission.",
    ),
    (
        "Trả lại tài liệu cho cán bộ phòng đọc trước khi ra về; giữ trật tự chung.",
        "Return the records to the staff before leaving, and keep the room quiet.",
    ),
];

/// The name of a priority category, or the code itself when unknown.
pub fn category_name(lang: Lang, code: &str) -> String {
    name_of(FEE_OBJECT_TYPES, code, lang.is_english())
        .map(|name| format!("{code} — {name}"))
        .unwrap_or_else(|| code.to_string())
}

/// The name of an identity document kind, or the kind itself when unknown.
pub fn identity_kind_name(lang: Lang, kind: &str) -> String {
    name_of(IDENTITY_KINDS, kind, lang.is_english())
        .map(str::to_string)
        .unwrap_or_else(|| kind.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_categories_in_order() {
        assert_eq!(FEE_OBJECT_TYPES.len(), 10);
        assert_eq!(FEE_OBJECT_TYPES[0].0, "01");
        assert_eq!(FEE_OBJECT_TYPES[9].0, DEFAULT_FEE_OBJECT_TYPE);
        assert_eq!(category_name(Lang::Vi, "07"), "07 — Người hưởng lương hưu");
        assert_eq!(category_name(Lang::En, "10"), "10 — Others");
        assert_eq!(category_name(Lang::En, "99"), "99");
        assert_eq!(identity_kind_name(Lang::Vi, "passport"), "Hộ chiếu");
    }
}
