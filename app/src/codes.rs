//! The code lists of Circular 05/2025 (domain.md §2) with their Vietnamese and English names.
//!
//! Pages show codes as names, never as bare numbers; the importer maps legacy words to these codes.

/// A code list: each entry is (code, Vietnamese name, English name).
pub type CodeList = &'static [(&'static str, &'static str, &'static str)];

/// Tên loại tài liệu (`typeName`).
pub const TYPE_NAME: CodeList = &[
    ("01", "Nghị quyết", "Resolution"),
    ("02", "Quyết định", "Decision"),
    ("03", "Chỉ thị", "Directive"),
    ("04", "Quy chế", "Regulation"),
    ("05", "Quy định", "Rules"),
    ("06", "Thông cáo", "Communiqué"),
    ("07", "Thông báo", "Notice"),
    ("08", "Hướng dẫn", "Guidance"),
    ("09", "Chương trình", "Programme"),
    ("10", "Kế hoạch", "Plan"),
    ("11", "Phương án", "Scheme"),
    ("12", "Đề án", "Proposal"),
    ("13", "Dự án", "Project"),
    ("14", "Báo cáo", "Report"),
    ("15", "Tờ trình", "Submission"),
    ("16", "Giấy ủy quyền", "Power of attorney"),
    ("17", "Phiếu gửi", "Dispatch slip"),
    ("18", "Phiếu chuyển", "Transfer slip"),
    ("19", "Phiếu báo", "Notification slip"),
    ("20", "Biên bản", "Minutes"),
    ("21", "Hợp đồng", "Contract"),
    ("22", "Công văn", "Official letter"),
    ("23", "Công điện", "Official telegram"),
    ("24", "Bản ghi nhớ", "Memorandum"),
    ("25", "Bản thỏa thuận", "Agreement"),
    ("26", "Giấy mời", "Invitation"),
    ("27", "Giấy giới thiệu", "Letter of introduction"),
    ("28", "Giấy nghỉ phép", "Leave permit"),
    ("29", "Thư công", "Official correspondence"),
    ("30", "Bản đồ", "Map"),
    ("31", "Bản vẽ kỹ thuật", "Technical drawing"),
    ("32", "Khác", "Other"),
];

/// Ngôn ngữ (`language`).
pub const LANGUAGE: CodeList = &[
    ("01", "Tiếng Việt", "Vietnamese"),
    ("02", "Tiếng Anh", "English"),
    ("03", "Tiếng Pháp", "French"),
    ("04", "Tiếng Nga", "Russian"),
    ("05", "Tiếng Trung", "Chinese"),
    ("06", "Việt–Anh", "Vietnamese–English"),
    ("07", "Việt–Nga", "Vietnamese–Russian"),
    ("08", "Việt–Pháp", "Vietnamese–French"),
    ("09", "Hán Nôm", "Han Nom"),
    ("10", "Việt–Trung", "Vietnamese–Chinese"),
    ("11", "Khác", "Other"),
];

/// Thời hạn lưu trữ (`maintenance`).
pub const MAINTENANCE: CodeList = &[
    ("01", "Vĩnh viễn", "Permanent"),
    ("02", "70 năm", "70 years"),
    ("03", "50 năm", "50 years"),
    ("04", "30 năm", "30 years"),
    ("05", "20 năm", "20 years"),
    ("06", "10 năm", "10 years"),
    ("07", "Khác", "Other"),
];

/// Chế độ sử dụng (`mode`).
pub const MODE: CodeList = &[
    ("01", "Công khai", "Public"),
    ("02", "Sử dụng có điều kiện", "Conditional access"),
    ("03", "Mật", "Secret"),
];

/// Mức độ tin cậy (`confidenceLevel`).
pub const CONFIDENCE_LEVEL: CodeList = &[
    ("01", "Gốc điện tử", "Born digital"),
    ("02", "Số hóa", "Digitised"),
    ("03", "Hỗn hợp", "Mixed"),
];

/// Tình trạng vật lý (`format`).
pub const FORMAT: CodeList = &[
    ("01", "Tốt", "Good"),
    ("02", "Bình thường", "Fair"),
    ("03", "Hỏng", "Damaged"),
];

/// Tình trạng dự phòng (`riskRecoveryStatus`).
pub const RISK_RECOVERY_STATUS: CodeList = &[
    ("01", "Đã dự phòng", "Backed up"),
    ("02", "Chưa dự phòng", "Not yet backed up"),
];

/// Trạng thái phông (`status` of a fonds).
pub const FONDS_STATUS: CodeList = &[("01", "Mở", "Open"), ("02", "Đóng", "Closed")];

/// Yes/no fields (`riskRecovery`, `process`).
pub const YES_NO: CodeList = &[("0", "Không", "No"), ("1", "Có", "Yes")];

/// The code list that governs a TT05 field, if any.
pub fn list_for_field(field: &str) -> Option<CodeList> {
    Some(match field {
        "typeName" => TYPE_NAME,
        "language" => LANGUAGE,
        "maintenance" => MAINTENANCE,
        "mode" => MODE,
        "confidenceLevel" => CONFIDENCE_LEVEL,
        "format" => FORMAT,
        "riskRecoveryStatus" => RISK_RECOVERY_STATUS,
        "status" => FONDS_STATUS,
        "riskRecovery" | "process" => YES_NO,
        _ => return None,
    })
}

/// The name of `code` in `list`, Vietnamese or English.
pub fn name_of(list: CodeList, code: &str, english: bool) -> Option<&'static str> {
    list.iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, vi, en)| if english { *en } else { *vi })
}

/// A field value as a reader should see it: codes become names (comma-separated lists too);
/// values outside the list (free text in `format`, say) are shown as given.
pub fn display_value(field: &str, value: &str, english: bool) -> String {
    let Some(list) = list_for_field(field) else {
        return value.to_string();
    };
    value
        .split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| {
            name_of(list, v, english)
                .map(str::to_string)
                .unwrap_or_else(|| v.to_string())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_show_as_names_in_both_languages() {
        assert_eq!(display_value("typeName", "02", false), "Quyết định");
        assert_eq!(display_value("typeName", "02", true), "Decision");
        assert_eq!(
            display_value("language", "01,03", false),
            "Tiếng Việt, Tiếng Pháp"
        );
        assert_eq!(display_value("mode", "02", false), "Sử dụng có điều kiện");
        assert_eq!(display_value("title", "02", false), "02");
        assert_eq!(display_value("format", "rách mép", false), "rách mép");
    }

    #[test]
    fn every_list_has_unique_two_digit_or_flag_codes() {
        for list in [
            TYPE_NAME,
            LANGUAGE,
            MAINTENANCE,
            MODE,
            CONFIDENCE_LEVEL,
            FORMAT,
            RISK_RECOVERY_STATUS,
            FONDS_STATUS,
        ] {
            let mut codes: Vec<_> = list.iter().map(|(c, _, _)| *c).collect();
            assert!(
                codes
                    .iter()
                    .all(|c| c.len() == 2 && c.chars().all(|ch| ch.is_ascii_digit()))
            );
            codes.dedup();
            assert_eq!(codes.len(), list.len());
        }
        assert_eq!(TYPE_NAME.len(), 32);
        assert_eq!(LANGUAGE.len(), 11);
    }
}
