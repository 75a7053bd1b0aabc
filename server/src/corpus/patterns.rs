//! Document types (TT05 `typeName` 01–32) with their symbols and weights, and the phrasings
//! (`trích yếu`) each type gives a topic: `{o}` stands for the topic text.

use super::topics::Kind;

pub struct DocType {
    /// The TT05 code, `1..=32`.
    pub code: u8,
    /// The type's part of a symbol (`QĐ` in `12/QĐ-UBND`); empty when the type has none.
    pub abbr: &'static str,
    /// Relative frequency, per ten thousand documents.
    pub weight: u32,
}

const fn d(code: u8, abbr: &'static str, weight: u32) -> DocType {
    DocType { code, abbr, weight }
}

/// All types; weights follow what provincial fonds hold: letters and decisions by far the most.
pub const TYPES: &[DocType] = &[
    d(1, "NQ", 100),
    d(2, "QĐ", 2500),
    d(3, "CT", 120),
    d(4, "QC", 20),
    d(5, "QyĐ", 30),
    d(6, "TC", 10),
    d(7, "TB", 600),
    d(8, "HD", 150),
    d(9, "CTr", 60),
    d(10, "KH", 500),
    d(11, "PA", 50),
    d(12, "ĐA", 50),
    d(13, "DA", 40),
    d(14, "BC", 1100),
    d(15, "TTr", 800),
    d(16, "GUQ", 20),
    d(17, "PG", 50),
    d(18, "PC", 30),
    d(19, "PB", 20),
    d(20, "BB", 400),
    d(21, "HĐ", 80),
    d(22, "", 2750),
    d(23, "CĐ", 30),
    d(24, "GN", 10),
    d(25, "TTh", 10),
    d(26, "GM", 250),
    d(27, "GGT", 40),
    d(28, "GNP", 20),
    d(29, "", 20),
    d(30, "BĐ", 30),
    d(31, "BV", 30),
    d(32, "", 80),
];

/// Sum of all weights.
#[cfg(test)]
pub const TOTAL_WEIGHT: u32 = 10_000;

/// Types a "Tập …" file gathers, with the plural used in its title.
pub const COLLECTIONS: &[(u8, &str)] = &[
    (2, "quyết định"),
    (2, "quyết định"),
    (22, "công văn"),
    (22, "công văn"),
    (14, "báo cáo"),
    (15, "tờ trình"),
    (7, "thông báo"),
    (10, "kế hoạch"),
    (3, "chỉ thị"),
    (1, "nghị quyết"),
];

/// A phrasing of a topic by a type.
pub struct Pattern {
    pub ty: u8,
    pub text: &'static str,
}

const fn p(ty: u8, text: &'static str) -> Pattern {
    Pattern { ty, text }
}

/// Phrasings fit for one kind of topic. A document of a common type the kind does not list takes
/// one of the kind's phrasings (and its type) instead; a rare type falls back on `GENERIC`.
pub fn for_kind(kind: Kind) -> &'static [Pattern] {
    match kind {
        Kind::Project => PROJECT,
        Kind::Action => ACTION,
        Kind::Report => REPORT,
        Kind::Event => EVENT,
        Kind::Program => PROGRAM,
    }
}

const PROJECT: &[Pattern] = &[
    p(1, "về chủ trương đầu tư {o}"),
    p(2, "về việc phê duyệt {o}"),
    p(2, "về việc phê duyệt điều chỉnh {o}"),
    p(2, "về việc phê duyệt quyết toán vốn đầu tư {o}"),
    p(2, "về việc giao kế hoạch vốn năm {nam} cho {o}"),
    p(2, "về việc thành lập Hội đồng nghiệm thu {o}"),
    p(15, "đề nghị phê duyệt {o}"),
    p(15, "về việc đề nghị bổ sung vốn cho {o}"),
    p(15, "đề nghị thẩm định {o}"),
    p(14, "tiến độ thực hiện {o}"),
    p(14, "kết quả thực hiện {o} năm {nam}"),
    p(14, "về tình hình giải ngân vốn {o}"),
    p(22, "về việc đôn đốc tiến độ {o}"),
    p(22, "về việc triển khai {o}"),
    p(22, "về việc bố trí vốn cho {o}"),
    p(22, "về việc góp ý hồ sơ thiết kế {o}"),
    p(20, "nghiệm thu hoàn thành {o}"),
    p(20, "bàn giao mặt bằng thi công {o}"),
    p(20, "kiểm tra hiện trường {o}"),
    p(7, "kết luận của Chủ tịch Ủy ban nhân dân tỉnh về {o}"),
    p(7, "về việc tạm dừng thi công {o}"),
    p(21, "thi công xây lắp {o}"),
    p(21, "tư vấn giám sát {o}"),
    p(10, "triển khai thực hiện {o}"),
    p(13, "{o}"),
    p(30, "hiện trạng khu vực thực hiện {o}"),
    p(31, "thiết kế bản vẽ thi công {o}"),
];

const ACTION: &[Pattern] = &[
    p(1, "về việc {o}"),
    p(2, "về việc {o}"),
    p(3, "về việc tăng cường chỉ đạo {o}"),
    p(7, "về việc {o}"),
    p(7, "kết luận cuộc họp về việc {o}"),
    p(8, "thực hiện việc {o}"),
    p(10, "{o}"),
    p(10, "triển khai việc {o}"),
    p(14, "kết quả {o}"),
    p(14, "về việc {o}"),
    p(15, "về việc {o}"),
    p(15, "đề nghị {o}"),
    p(20, "họp bàn về việc {o}"),
    p(20, "kiểm tra việc {o}"),
    p(22, "về việc {o}"),
    p(22, "về việc hướng dẫn {o}"),
    p(22, "về việc đề nghị {o}"),
    p(26, "dự họp bàn về việc {o}"),
];

const REPORT: &[Pattern] = &[
    p(14, "{o}"),
    p(14, "về {o}"),
    p(14, "nhanh {o}"),
    p(22, "về việc báo cáo {o}"),
    p(22, "về việc đôn đốc báo cáo {o}"),
    p(7, "về {o}"),
    p(20, "họp đánh giá {o}"),
    p(26, "dự hội nghị đánh giá {o}"),
];

const EVENT: &[Pattern] = &[
    p(2, "về việc thành lập Ban tổ chức {o}"),
    p(
        2,
        "về việc khen thưởng các tập thể, cá nhân có thành tích tại {o}",
    ),
    p(10, "tổ chức {o}"),
    p(14, "kết quả {o}"),
    p(7, "kết luận tại {o}"),
    p(20, "{o}"),
    p(22, "về việc tổ chức {o}"),
    p(22, "về việc cử đại biểu dự {o}"),
    p(15, "về việc tổ chức {o}"),
    p(26, "dự {o}"),
    p(9, "{o}"),
];

const PROGRAM: &[Pattern] = &[
    p(1, "về việc thông qua {o}"),
    p(2, "về việc ban hành Kế hoạch thực hiện {o}"),
    p(2, "về việc phân bổ kinh phí thực hiện {o}"),
    p(3, "về việc tăng cường thực hiện {o}"),
    p(8, "thực hiện {o}"),
    p(9, "hành động thực hiện {o}"),
    p(10, "thực hiện {o} trên địa bàn {tinh}"),
    p(14, "kết quả thực hiện {o} năm {nam}"),
    p(14, "sơ kết {o}"),
    p(15, "về việc phê duyệt {o}"),
    p(22, "về việc triển khai {o}"),
    p(22, "về việc hướng dẫn thực hiện {o}"),
    p(12, "{o}"),
];

/// A phrasing for every type, fit for any topic.
pub const GENERIC: &[Pattern] = &[
    p(1, "về {o}"),
    p(2, "về việc {o}"),
    p(3, "về việc tăng cường công tác chỉ đạo {o}"),
    p(4, "phối hợp thực hiện {o}"),
    p(5, "về trình tự, thủ tục thực hiện {o}"),
    p(6, "báo chí về {o}"),
    p(7, "về việc {o}"),
    p(8, "thực hiện {o}"),
    p(9, "công tác năm {nam} về {o}"),
    p(10, "thực hiện {o}"),
    p(11, "thực hiện {o}"),
    p(12, "về {o}"),
    p(13, "về {o}"),
    p(14, "về việc {o}"),
    p(15, "về việc {o}"),
    p(16, "giải quyết các công việc liên quan đến {o}"),
    p(17, "tài liệu về {o}"),
    p(18, "hồ sơ về {o}"),
    p(19, "về {o}"),
    p(20, "họp bàn về {o}"),
    p(21, "thực hiện {o}"),
    p(22, "về việc {o}"),
    p(23, "về việc khẩn trương thực hiện {o}"),
    p(24, "hợp tác thực hiện {o}"),
    p(25, "phối hợp thực hiện {o}"),
    p(26, "dự họp bàn về {o}"),
    p(27, "{ongba} {nguoi} đến liên hệ công tác về {o}"),
    p(28, "cấp cho {ongba} {nguoi} nghỉ phép năm {nam}"),
    p(29, "gửi các cơ quan, đơn vị về {o}"),
    p(30, "hành chính {xa}, {huyen}"),
    p(31, "mặt bằng trụ sở làm việc {coquan}"),
    p(32, "tài liệu tham khảo về {o}"),
];

/// Whether a phrasing suits a topic: both giving the year would say "năm 2001 năm 2001".
pub fn fits(text: &str, topic: &str) -> bool {
    !(text.contains("{nam}") && topic.contains("{nam}"))
}

/// Types frequent enough that a topic is better phrased by another common type than generically.
pub fn is_common(ty: u8) -> bool {
    TYPES
        .get(usize::from(ty).wrapping_sub(1))
        .is_some_and(|t| t.weight >= 100)
}

/// How a topic file is titled, by kind (`{o}` the topic).
pub fn file_titles(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Project => &[
            "Hồ sơ {o}",
            "Hồ sơ {o} năm {nam}",
            "Hồ sơ thẩm định, phê duyệt {o}",
        ],
        Kind::Action => &[
            "Hồ sơ về việc {o}",
            "Hồ sơ về việc {o} năm {nam}",
            "Hồ sơ {o}",
        ],
        Kind::Report => &["Tập báo cáo {o}", "Tập báo cáo và công văn về {o}"],
        Kind::Event => &["Hồ sơ {o}", "Hồ sơ tổ chức {o}"],
        Kind::Program => &[
            "Hồ sơ về việc thực hiện {o}",
            "Hồ sơ triển khai {o} năm {nam}",
        ],
    }
}

/// How a "Tập …" file is titled: `{loai}` the plural type, `{coquan}` the body, `{linhvuc}` the area.
pub const COLLECTION_TITLES: &[&str] = &[
    "Tập {loai} của {coquan} năm {nam}",
    "Tập {loai} của {coquan} về {linhvuc} năm {nam}",
    "Tập {loai} về {linhvuc} năm {nam}",
    "Tập {loai} của {coquan} từ tháng {thang1} đến tháng {thang2} năm {nam}",
];

/// Reporting periods for a document, and the periods a whole file of reports covers.
///
/// Both are followed by "năm {nam}" in the topics: "6 tháng đầu năm 2001", "6 tháng và cả năm 2001".
pub const PERIODS: &[&str] = &[
    "quý I",
    "quý II",
    "quý III",
    "quý IV",
    "6 tháng đầu",
    "6 tháng cuối",
    "9 tháng",
    "tháng 01",
    "tháng 5",
    "tháng 10",
];
pub const FILE_PERIODS: &[&str] = &["các quý", "các tháng", "6 tháng và cả", "định kỳ"];
