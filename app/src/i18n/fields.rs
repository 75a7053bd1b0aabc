//! Human labels of the TT05 metadata tags (domain.md §2), in Vietnamese and English, and the
//! order in which a record page lists them.

use crate::model::Level;

/// (tag, Vietnamese label, English label) for every tag a record page may show.
const FIELDS: &[(&str, &str, &str)] = &[
    // Fonds
    ("fondsCode", "Mã phông", "Fonds code"),
    ("archiveCode", "Mã lưu trữ lịch sử", "Archive code"),
    ("fondsName", "Tên phông", "Fonds name"),
    (
        "fondsHistory",
        "Lịch sử đơn vị hình thành phông",
        "Administrative history",
    ),
    (
        "archivesTime",
        "Thời gian của tài liệu",
        "Date range of the records",
    ),
    (
        "paperTotal",
        "Tổng số tài liệu giấy",
        "Paper records, total",
    ),
    (
        "paperDigital",
        "Số lượng tài liệu giấy đã số hóa",
        "Paper records digitised",
    ),
    (
        "keyGroups",
        "Các nhóm tài liệu chủ yếu",
        "Main groups of records",
    ),
    (
        "otherTypes",
        "Các loại hình tài liệu khác",
        "Other types of records",
    ),
    ("lookupTools", "Công cụ tra cứu", "Finding aids"),
    (
        "copyNumber",
        "Số lượng trang tài liệu đã lập bản sao bảo hiểm",
        "Pages with security copies",
    ),
    ("status", "Trạng thái phông", "Fonds status"),
    // File (hồ sơ)
    ("fileCode", "Mã hồ sơ", "File code"),
    ("catalogNo", "Mục lục số", "Catalogue number"),
    (
        "fileNotation",
        "Số và ký hiệu hồ sơ",
        "File number and notation",
    ),
    ("title", "Tiêu đề hồ sơ", "File title"),
    ("maintenance", "Thời hạn lưu trữ", "Retention period"),
    ("mode", "Chế độ sử dụng", "Access regime"),
    ("language", "Ngôn ngữ", "Language"),
    ("startDate", "Thời gian bắt đầu", "Start date"),
    ("endDate", "Thời gian kết thúc", "End date"),
    ("keyword", "Từ khóa", "Keywords"),
    ("totalDoc", "Tổng số tài liệu", "Number of items"),
    ("numberOfPaper", "Số lượng tờ", "Number of sheets"),
    ("numberOfPage", "Số lượng trang", "Number of pages"),
    ("format", "Tình trạng vật lý", "Physical condition"),
    ("inforSign", "Ký hiệu thông tin", "Information mark"),
    ("confidenceLevel", "Mức độ tin cậy", "Reliability"),
    (
        "paperFileCode",
        "Mã hồ sơ gốc giấy",
        "Original paper file code",
    ),
    ("riskRecovery", "Chế độ dự phòng", "Security copy"),
    (
        "riskRecoveryStatus",
        "Tình trạng dự phòng",
        "Security copy status",
    ),
    ("description", "Ghi chú", "Notes"),
    // Item (tài liệu)
    ("docId", "Mã định danh tài liệu", "Item identifier"),
    ("docCode", "Mã lưu trữ tài liệu", "Item archival code"),
    ("docOrdinal", "Số thứ tự tài liệu", "Position in the file"),
    ("typeName", "Tên loại tài liệu", "Document type"),
    ("codeNumber", "Số", "Number"),
    ("codeNotation", "Ký hiệu", "Notation"),
    ("issuedDate", "Ngày tháng năm", "Date"),
    (
        "organName",
        "Cơ quan, tổ chức, cá nhân ban hành",
        "Issued by",
    ),
    ("subject", "Trích yếu nội dung", "Abstract"),
    ("autograph", "Bút tích", "Autograph annotations"),
    ("process", "Quy trình xử lý", "Processing workflow"),
    // Photographs (EAD_pic)
    ("typePic", "Loại ảnh", "Photograph type"),
    ("eventName", "Tên sự kiện", "Event"),
    ("imageTitle", "Tiêu đề ảnh", "Photograph title"),
    ("photographer", "Tác giả ảnh", "Photographer"),
    ("photoPlace", "Địa điểm chụp", "Place photographed"),
    ("photoTime", "Thời gian chụp", "Date photographed"),
    ("colour", "Màu sắc", "Colour"),
    ("filmSize", "Cỡ phim, ảnh", "Film or print size"),
    // Audio and video (EAD_media)
    ("typeMedia", "Loại phim, ghi âm", "Media type"),
    ("movieTitle", "Tiêu đề phim, ghi âm", "Recording title"),
    ("recorder", "Người thực hiện", "Recorded by"),
    ("recordPlace", "Địa điểm ghi", "Place recorded"),
    ("recordDate", "Thời gian ghi", "Date recorded"),
    ("playTime", "Thời lượng", "Duration"),
    ("quality", "Chất lượng", "Quality"),
];

/// Tags whose values are quantities, shown with the locale's digit grouping.
/// Document numbers (`codeNumber`) and ordinals are identifiers and stay as given.
const QUANTITY_FIELDS: &[&str] = &[
    "paperTotal",
    "paperDigital",
    "copyNumber",
    "totalDoc",
    "numberOfPaper",
    "numberOfPage",
];

/// The label of a TT05 tag; an unknown tag is shown as the tag itself rather than dropped.
pub fn field_label(tag: &str, english: bool) -> &str {
    FIELDS
        .iter()
        .find(|(t, _, _)| *t == tag)
        .map(|(_, vi, en)| if english { *en } else { *vi })
        .unwrap_or(tag)
}

/// Where a tag comes in a record of `level`: its position in the circular's order, or after
/// every listed tag. Sorting by it (stably) shows fields as the circular lists them.
pub fn field_rank(level: Level, tag: &str) -> usize {
    let order = match level {
        Level::Fonds => crate::tags::FONDS_TAGS,
        Level::Series | Level::File => crate::tags::FILE_TAGS,
        Level::Item => crate::tags::ITEM_TAGS,
    };
    order.iter().position(|t| *t == tag).unwrap_or(order.len())
}

/// Whether a tag holds a count that should be formatted as a number.
pub fn is_quantity_field(tag: &str) -> bool {
    QUANTITY_FIELDS.contains(&tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every tag of domain.md §2: fonds, file (18 + placement), item (21 + placement), photo, media.
    const SPEC_TAGS: &[&str] = &[
        "fondsCode",
        "archiveCode",
        "fondsName",
        "fondsHistory",
        "archivesTime",
        "paperTotal",
        "paperDigital",
        "keyGroups",
        "otherTypes",
        "language",
        "lookupTools",
        "copyNumber",
        "status",
        "mode",
        "description",
        "fileCode",
        "title",
        "maintenance",
        "startDate",
        "endDate",
        "keyword",
        "totalDoc",
        "numberOfPaper",
        "numberOfPage",
        "format",
        "inforSign",
        "confidenceLevel",
        "paperFileCode",
        "riskRecovery",
        "riskRecoveryStatus",
        "catalogNo",
        "fileNotation",
        "docId",
        "docCode",
        "typeName",
        "codeNumber",
        "codeNotation",
        "issuedDate",
        "organName",
        "subject",
        "autograph",
        "process",
        "docOrdinal",
        "typePic",
        "eventName",
        "imageTitle",
        "photographer",
        "photoPlace",
        "photoTime",
        "colour",
        "filmSize",
        "typeMedia",
        "movieTitle",
        "recorder",
        "recordPlace",
        "recordDate",
        "playTime",
        "quality",
    ];

    #[test]
    fn every_spec_tag_has_two_labels() {
        for tag in SPEC_TAGS {
            let vi = field_label(tag, false);
            let en = field_label(tag, true);
            assert_ne!(vi, *tag, "{tag} has no Vietnamese label");
            assert_ne!(en, *tag, "{tag} has no English label");
            assert_ne!(vi, en, "{tag} is untranslated");
        }
        assert_eq!(field_label("subject", false), "Trích yếu nội dung");
        assert_eq!(field_label("subject", true), "Abstract");
    }

    #[test]
    fn tags_are_unique_and_unknown_tags_show_as_given() {
        let mut tags: Vec<_> = FIELDS.iter().map(|(t, _, _)| *t).collect();
        tags.sort_unstable();
        tags.dedup();
        assert_eq!(tags.len(), FIELDS.len());
        assert_eq!(field_label("someFutureTag", false), "someFutureTag");
    }

    #[test]
    fn fields_follow_the_circulars_order() {
        assert!(field_rank(Level::Item, "docId") < field_rank(Level::Item, "subject"));
        assert!(field_rank(Level::File, "fileCode") < field_rank(Level::File, "title"));
        assert!(field_rank(Level::Fonds, "fondsName") < field_rank(Level::Fonds, "status"));
        use crate::tags::{FILE_TAGS, FONDS_TAGS, ITEM_TAGS};
        assert_eq!(field_rank(Level::Item, "unknown"), ITEM_TAGS.len());
        for order in [FONDS_TAGS, FILE_TAGS, ITEM_TAGS] {
            // `digitalFiles` is never shown: the access policy keeps it off public records.
            for tag in order.iter().filter(|t| **t != "digitalFiles") {
                assert_ne!(field_label(tag, true), *tag, "{tag} has a label");
            }
        }
    }

    #[test]
    fn quantities_are_known_fields() {
        assert!(is_quantity_field("numberOfPage"));
        assert!(!is_quantity_field("codeNumber"));
        assert!(QUANTITY_FIELDS.iter().all(|t| field_label(t, true) != *t));
    }
}
