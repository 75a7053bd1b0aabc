//! Maps column headers (TT05 tags, their Vietnamese names, Circular 02/2019 tags) to canonical TT05
//! tags, and recognises which table (fonds, files, documents) a header row belongs to.

use super::model::{Level, Table};
use super::words::fold;
use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

pub use app::tags::{FILE_TAGS, FONDS_TAGS, ITEM_TAGS, MEDIA_TAGS, PIC_TAGS, SERIES_TAGS};

/// Other names of each tag: Vietnamese names first (the first is the label used in messages),
/// then Circular 02/2019 and AIP tags. Matching ignores case, diacritics, spaces and punctuation.
#[rustfmt::skip]
pub const ALIASES: &[(&str, &[&str])] = &[
    ("fondsCode", &["Mã phông", "Mã phông lưu trữ", "Mã phông/công trình/sưu tập lưu trữ", "OrganId"]),
    ("archiveCode", &["Mã cơ quan lưu trữ", "Mã cơ quan lưu trữ lịch sử", "Mã lưu trữ lịch sử"]),
    ("fondsName", &["Tên phông", "Tên phông lưu trữ", "Tên phông/công trình/sưu tập lưu trữ"]),
    ("fondsHistory", &["Lịch sử đơn vị hình thành phông", "Lịch sử hình thành phông"]),
    ("archivesTime", &["Thời gian tài liệu", "Thời gian của tài liệu"]),
    ("paperTotal", &["Tổng số tài liệu giấy", "Tổng số lượng tài liệu giấy"]),
    ("paperDigital", &["Số lượng tài liệu giấy đã số hóa", "Tài liệu giấy đã số hóa"]),
    ("keyGroups", &["Các nhóm tài liệu chủ yếu", "Nhóm tài liệu chủ yếu"]),
    ("otherTypes", &["Các loại hình tài liệu khác", "Loại hình tài liệu khác"]),
    ("language", &["Ngôn ngữ"]),
    ("lookupTools", &["Công cụ tra cứu"]),
    ("copyNumber", &["Số lượng trang tài liệu đã lập bản sao bảo hiểm",
        "Số trang đã lập bản sao bảo hiểm", "Bản sao bảo hiểm"]),
    ("status", &["Trạng thái", "Trạng thái phông"]),
    ("mode", &["Chế độ sử dụng", "Chế độ sử dụng tài liệu", "Rights"]),
    ("description", &["Ghi chú", "Mô tả"]),
    ("catalogNo", &["Mục lục số", "Số mục lục", "Mục lục", "FileCatalog"]),
    ("fileCode", &["Mã hồ sơ", "Mã hồ sơ lưu trữ", "arcFileCode"]),
    ("fileNotation", &["Số và ký hiệu hồ sơ", "Số ký hiệu hồ sơ", "Ký hiệu hồ sơ", "Hồ sơ số",
        "Số hồ sơ"]),
    ("title", &["Tiêu đề hồ sơ", "Tiêu đề", "Tên hồ sơ"]),
    ("maintenance", &["Thời hạn lưu trữ", "Thời hạn bảo quản"]),
    ("startDate", &["Thời gian bắt đầu", "Ngày bắt đầu", "Từ ngày"]),
    ("endDate", &["Thời gian kết thúc", "Ngày kết thúc", "Đến ngày"]),
    ("keyword", &["Từ khóa"]),
    ("totalDoc", &["Tổng số tài liệu", "Tổng số tài liệu trong hồ sơ", "Tổng số văn bản",
        "Tổng số văn bản trong hồ sơ", "DocTotal"]),
    ("numberOfPaper", &["Số lượng tờ", "Số tờ", "SheetTotal"]),
    ("numberOfPage", &["Số lượng trang", "Số trang", "PageTotal", "PageAmount"]),
    ("format", &["Tình trạng vật lý"]),
    ("inforSign", &["Ký hiệu thông tin"]),
    ("confidenceLevel", &["Mức độ tin cậy"]),
    ("paperFileCode", &["Mã hồ sơ gốc giấy", "Mã hồ sơ giấy"]),
    ("riskRecovery", &["Chế độ dự phòng"]),
    ("riskRecoveryStatus", &["Tình trạng dự phòng"]),
    ("digitalFiles", &["Tệp số hóa", "Tệp tin số hóa", "Tệp đính kèm", "Bản số hóa"]),
    ("docOrdinal", &["Số thứ tự văn bản trong hồ sơ", "Số thứ tự tài liệu trong hồ sơ",
        "Số thứ tự trong hồ sơ", "Số thứ tự văn bản", "Số thứ tự tài liệu"]),
    ("docId", &["Mã định danh tài liệu", "Mã định danh"]),
    ("docCode", &["Mã lưu trữ tài liệu", "Mã định danh văn bản", "Mã lưu trữ văn bản",
        "arcDocCode"]),
    ("typeName", &["Tên loại tài liệu", "Tên loại văn bản", "Tên loại", "Loại văn bản"]),
    ("codeNumber", &["Số", "Số văn bản", "Số của văn bản"]),
    ("codeNotation", &["Ký hiệu", "Ký hiệu văn bản", "Ký hiệu của văn bản"]),
    ("issuedDate", &["Ngày tháng năm", "Ngày tháng năm văn bản", "Ngày tháng năm ban hành",
        "Ngày ban hành", "Ngày văn bản"]),
    ("organName", &["Cơ quan, tổ chức, cá nhân ban hành", "Cơ quan, tổ chức ban hành",
        "Tên cơ quan, tổ chức ban hành văn bản", "Cơ quan ban hành", "Tác giả văn bản"]),
    ("subject", &["Trích yếu nội dung", "Trích yếu", "Trích yếu nội dung văn bản"]),
    ("autograph", &["Bút tích"]),
    ("process", &["Quy trình xử lý"]),
    ("typePic", &["Loại ảnh", "Loại hình ảnh"]),
    ("eventName", &["Tên sự kiện"]),
    ("imageTitle", &["Tiêu đề ảnh", "Tiêu đề phim/ảnh"]),
    ("photographer", &["Tác giả ảnh", "Người chụp"]),
    ("photoPlace", &["Địa điểm chụp"]),
    ("photoTime", &["Thời gian chụp"]),
    ("colour", &["Màu sắc", "color"]),
    ("filmSize", &["Cỡ phim/ảnh", "Cỡ phim", "Cỡ ảnh"]),
    ("typeMedia", &["Loại tài liệu ghi âm, ghi hình", "Loại ghi âm, ghi hình"]),
    ("movieTitle", &["Tiêu đề phim, âm thanh", "Tiêu đề phim", "Tiêu đề ghi âm, ghi hình"]),
    ("recorder", &["Người ghi", "Tác giả ghi âm, ghi hình"]),
    ("recordPlace", &["Địa điểm ghi", "Địa điểm ghi âm, ghi hình"]),
    ("recordDate", &["Thời gian ghi", "Ngày ghi", "Thời gian ghi âm, ghi hình"]),
    ("playTime", &["Thời lượng"]),
    ("quality", &["Chất lượng"]),
];

/// The matching key of a header: folded, letters and digits only.
fn header_key(s: &str) -> String {
    fold(s.trim_start_matches('\u{feff}'))
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

static INDEX: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for tag in FONDS_TAGS.iter().chain(FILE_TAGS).chain(ITEM_TAGS) {
        map.insert(header_key(tag), *tag);
    }
    for (tag, names) in ALIASES {
        for name in *names {
            map.insert(header_key(name), *tag);
        }
    }
    map
});

/// The canonical TT05 tag of a column header, if it is one.
pub fn canonical(header: &str) -> Option<&'static str> {
    INDEX.get(&header_key(header)).copied()
}

/// The Vietnamese name of a tag for messages (`subject` → `Trích yếu nội dung`); the tag itself
/// when it has none.
pub fn label(tag: &str) -> &str {
    ALIASES
        .iter()
        .find(|(t, _)| *t == tag)
        .and_then(|(_, names)| names.first().copied())
        .unwrap_or(tag)
}

/// The columns a level accepts.
pub fn tags_of(level: Level) -> &'static [&'static str] {
    match level {
        Level::Fonds => FONDS_TAGS,
        Level::Series => SERIES_TAGS,
        Level::File => FILE_TAGS,
        Level::Item => ITEM_TAGS,
    }
}

/// The level of the rows of a table.
pub fn level_of(table: Table) -> Level {
    match table {
        Table::Fonds => Level::Fonds,
        Table::Files => Level::File,
        Table::Documents => Level::Item,
    }
}

/// Tags found only in documents tables.
#[rustfmt::skip]
const ITEM_ONLY: &[&str] = &[
    "docId", "docCode", "docOrdinal", "typeName", "codeNumber", "codeNotation", "issuedDate",
    "organName", "subject", "autograph", "process",
];

/// A header row mapped to tags.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderMap {
    pub table: Table,
    /// The tag of each column, `None` for a column that is ignored.
    pub columns: Vec<Option<&'static str>>,
    /// Columns ignored (as written), with why, for the warnings of the import report.
    pub ignored: Vec<(String, String)>,
}

/// Why a header row cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeaderError {
    /// No fondsCode / fileCode / docId column: not a catalogue table.
    UnknownTable { hint: &'static str },
    /// Two columns mean the same tag.
    Duplicate {
        first: String,
        second: String,
        tag: &'static str,
    },
}

impl fmt::Display for HeaderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeaderError::UnknownTable { hint } => write!(
                f,
                "không nhận ra bảng phông, hồ sơ hay tài liệu từ dòng tiêu đề — cần cột fondsCode (Mã phông) \
                 cho bảng phông, fileCode (Mã hồ sơ) cho bảng hồ sơ, thêm docId/docOrdinal hoặc subject cho bảng \
                 tài liệu{hint}"
            ),
            HeaderError::Duplicate { first, second, tag } => write!(
                f,
                "hai cột \"{first}\" và \"{second}\" cùng là {tag} ({}) — giữ lại một cột",
                label(tag)
            ),
        }
    }
}

/// Recognises the table of a header row (by its columns, never by the file name) and maps each
/// column. Unknown columns, and columns of another table, are ignored and listed in `ignored`.
pub fn recognise<S: AsRef<str>>(headers: &[S]) -> Result<HeaderMap, HeaderError> {
    let tags: Vec<Option<&'static str>> = headers.iter().map(|h| canonical(h.as_ref())).collect();
    let has = |t: &str| tags.contains(&Some(t));
    let item_only = ITEM_ONLY
        .iter()
        .chain(PIC_TAGS)
        .chain(MEDIA_TAGS)
        .any(|t| has(t));
    let table = if has("docId") || has("docCode") || (has("fileCode") && item_only) {
        Table::Documents
    } else if has("fileCode") {
        Table::Files
    } else if has("fondsCode") {
        Table::Fonds
    } else {
        let joined: String = headers.iter().map(|h| h.as_ref()).collect();
        let hint = if joined.contains(';') || joined.contains('\t') {
            " (tệp phải dùng dấu phẩy để ngăn cột)"
        } else {
            ""
        };
        return Err(HeaderError::UnknownTable { hint });
    };
    let allowed = tags_of(level_of(table));
    let mut columns = Vec::with_capacity(headers.len());
    let mut ignored = Vec::new();
    let mut seen: Vec<(&'static str, &str)> = Vec::new();
    for (header, tag) in headers.iter().map(|h| h.as_ref()).zip(tags) {
        let header_trim = header.trim_start_matches('\u{feff}').trim();
        match tag {
            Some(tag) if allowed.contains(&tag) => {
                if let Some((_, first)) = seen.iter().find(|(t, _)| *t == tag) {
                    return Err(HeaderError::Duplicate {
                        first: first.to_string(),
                        second: header_trim.to_string(),
                        tag,
                    });
                }
                seen.push((tag, header_trim));
                columns.push(Some(tag));
            }
            Some(tag) => {
                ignored.push((
                    header_trim.to_string(),
                    format!("cột {tag} không thuộc {}, bỏ qua", table_vi(table)),
                ));
                columns.push(None);
            }
            None => {
                if !header_trim.is_empty() {
                    ignored.push((
                        header_trim.to_string(),
                        "cột không được nhận ra, bỏ qua — xem docs/import-formats.md để biết tên cột hợp lệ"
                            .to_string(),
                    ));
                }
                columns.push(None);
            }
        }
    }
    Ok(HeaderMap {
        table,
        columns,
        ignored,
    })
}

/// The Vietnamese name of a table.
pub fn table_vi(table: Table) -> &'static str {
    match table {
        Table::Fonds => "bảng phông",
        Table::Files => "bảng hồ sơ",
        Table::Documents => "bảng tài liệu",
    }
}

#[cfg(test)]
mod tests;
