//! The TT05 tags (Circular 05/2025) of each level, in the circular's order: the column names the
//! importer accepts, the order pages show metadata in, and the headers the corpus generator writes.

/// Fonds (phông) columns.
#[rustfmt::skip]
pub const FONDS_TAGS: &[&str] = &[
    "fondsCode", "archiveCode", "fondsName", "fondsHistory", "archivesTime", "paperTotal",
    "paperDigital", "keyGroups", "otherTypes", "language", "lookupTools", "copyNumber", "status",
    "mode", "description",
];

/// File (hồ sơ) columns: the 18 TT05 tags, the placement columns and `digitalFiles`.
#[rustfmt::skip]
pub const FILE_TAGS: &[&str] = &[
    "fondsCode", "catalogNo", "fileCode", "fileNotation", "title", "maintenance", "mode",
    "language", "startDate", "endDate", "keyword", "totalDoc", "numberOfPaper", "numberOfPage",
    "format", "inforSign", "confidenceLevel", "paperFileCode", "riskRecovery",
    "riskRecoveryStatus", "description", "digitalFiles",
];

/// Item (tài liệu) columns: the 21 TT05 tags, placement, `digitalFiles`, photo and audio/video tags.
#[rustfmt::skip]
pub const ITEM_TAGS: &[&str] = &[
    "fileCode", "docOrdinal", "docId", "docCode", "maintenance", "typeName", "codeNumber",
    "codeNotation", "issuedDate", "organName", "subject", "language", "numberOfPage", "inforSign",
    "keyword", "mode", "confidenceLevel", "autograph", "format", "riskRecovery",
    "riskRecoveryStatus", "process", "description", "digitalFiles",
    // EAD_pic
    "typePic", "eventName", "imageTitle", "photographer", "photoPlace", "photoTime", "colour",
    "filmSize",
    // EAD_media
    "typeMedia", "movieTitle", "recorder", "recordPlace", "recordDate", "playTime", "quality",
];

/// Series (mục lục) fields, made by the EAD reader.
pub const SERIES_TAGS: &[&str] = &["fondsCode", "catalogNo", "title", "mode", "description"];

/// Photo-only item tags (EAD_pic).
#[rustfmt::skip]
pub const PIC_TAGS: &[&str] = &[
    "typePic", "eventName", "imageTitle", "photographer", "photoPlace", "photoTime", "colour",
    "filmSize",
];

/// Audio/video-only item tags (EAD_media).
#[rustfmt::skip]
pub const MEDIA_TAGS: &[&str] = &[
    "typeMedia", "movieTitle", "recorder", "recordPlace", "recordDate", "playTime", "quality",
];
