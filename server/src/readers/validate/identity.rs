//! The reader's identity document: a Vietnamese citizen's 12-digit personal identification number
//! (CCCD, căn cước công dân / căn cước) or, for foreigners, a passport number.
//!
//! A CCCD number is `PPP C YY NNNNNN`: `PPP` the province code where the citizen's birth was
//! registered (Decree 137/2015/NĐ-CP, Circular 07/2016/TT-BCA; the 63 codes 001–096 with gaps),
//! `C` the century and sex (0/1 male/female born 1900–1999, 2/3 born 2000–2099, 4–9 for later
//! centuries), `YY` the last two digits of the birth year, then six random digits. Numbers keep
//! their province code after the 2025 merger of provinces, so the list of the 63 former provinces
//! stays the reference.

use super::FieldError;

/// A checked identity document number.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Identity {
    /// 12 digits.
    Cccd(String),
    /// 6–12 ASCII letters and digits, upper case.
    Passport(String),
}

impl Identity {
    /// The number as stored.
    pub fn number(&self) -> &str {
        match self {
            Identity::Cccd(n) | Identity::Passport(n) => n,
        }
    }
}

/// Province codes of the CCCD numbering (Circular 07/2016/TT-BCA), sorted.
const PROVINCES: [(u16, &str); 63] = [
    (1, "Hà Nội"),
    (2, "Hà Giang"),
    (4, "Cao Bằng"),
    (6, "Bắc Kạn"),
    (8, "Tuyên Quang"),
    (10, "Lào Cai"),
    (11, "Điện Biên"),
    (12, "Lai Châu"),
    (14, "Sơn La"),
    (15, "Yên Bái"),
    (17, "Hòa Bình"),
    (19, "Thái Nguyên"),
    (20, "Lạng Sơn"),
    (22, "Quảng Ninh"),
    (24, "Bắc Giang"),
    (25, "Phú Thọ"),
    (26, "Vĩnh Phúc"),
    (27, "Bắc Ninh"),
    (30, "Hải Dương"),
    (31, "Hải Phòng"),
    (33, "Hưng Yên"),
    (34, "Thái Bình"),
    (35, "Hà Nam"),
    (36, "Nam Định"),
    (37, "Ninh Bình"),
    (38, "Thanh Hóa"),
    (40, "Nghệ An"),
    (42, "Hà Tĩnh"),
    (44, "Quảng Bình"),
    (45, "Quảng Trị"),
    (46, "Thừa Thiên Huế"),
    (48, "Đà Nẵng"),
    (49, "Quảng Nam"),
    (51, "Quảng Ngãi"),
    (52, "Bình Định"),
    (54, "Phú Yên"),
    (56, "Khánh Hòa"),
    (58, "Ninh Thuận"),
    (60, "Bình Thuận"),
    (62, "Kon Tum"),
    (64, "Gia Lai"),
    (66, "Đắk Lắk"),
    (67, "Đắk Nông"),
    (68, "Lâm Đồng"),
    (70, "Bình Phước"),
    (72, "Tây Ninh"),
    (74, "Bình Dương"),
    (75, "Đồng Nai"),
    (77, "Bà Rịa - Vũng Tàu"),
    (79, "Thành phố Hồ Chí Minh"),
    (80, "Long An"),
    (82, "Tiền Giang"),
    (83, "Bến Tre"),
    (84, "Trà Vinh"),
    (86, "Vĩnh Long"),
    (87, "Đồng Tháp"),
    (89, "An Giang"),
    (91, "Kiên Giang"),
    (92, "Cần Thơ"),
    (93, "Hậu Giang"),
    (94, "Sóc Trăng"),
    (95, "Bạc Liêu"),
    (96, "Cà Mau"),
];

/// The province a CCCD province code stands for (`62` → Kon Tum).
pub fn province(code: u16) -> Option<&'static str> {
    PROVINCES
        .binary_search_by_key(&code, |&(c, _)| c)
        .ok()
        .map(|i| PROVINCES[i].1)
}

/// Checks the identity fields: `kind` is `cccd` or `passport`; spaces in the number are ignored.
pub fn identity(kind: &str, raw: &str) -> Result<Identity, FieldError> {
    let number: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    match kind.trim() {
        "cccd" => cccd(&number).map(Identity::Cccd),
        "passport" => passport(&number).map(Identity::Passport),
        _ => Err(FieldError::new(
            "identity_kind",
            "Chọn loại giấy tờ: Căn cước công dân (công dân Việt Nam) hoặc Hộ chiếu (người nước \
             ngoài) (choose the document type: CCCD for Vietnamese citizens, passport for \
             foreigners)",
        )),
    }
}

fn cccd(number: &str) -> Result<String, FieldError> {
    let error = |message: String| Err(FieldError::new("identity_number", message));
    if number.is_empty() {
        return error(
            "Chưa nhập số định danh cá nhân — ghi đủ 12 chữ số trên thẻ căn cước (enter the \
             12-digit personal identification number from your CCCD card)"
                .into(),
        );
    }
    if !number.bytes().all(|b| b.is_ascii_digit()) {
        return error(
            "Số định danh cá nhân chỉ gồm chữ số — bỏ chữ cái và dấu (the personal \
             identification number has digits only)"
                .into(),
        );
    }
    if number.len() == 9 {
        return error(
            "Đây là số chứng minh nhân dân 9 chữ số, không còn dùng được — ghi số định danh cá \
             nhân 12 chữ số trên thẻ căn cước (a 9-digit CMND number is no longer accepted; \
             enter the 12-digit CCCD number)"
                .into(),
        );
    }
    if number.len() != 12 {
        let n = number.len();
        return error(format!(
            "Số định danh cá nhân phải có đúng 12 chữ số, hiện có {n} — kiểm tra lại trên thẻ \
             căn cước (the CCCD number has exactly 12 digits, now {n})"
        ));
    }
    let code: u16 = number[..3].parse().unwrap_or(0);
    if province(code).is_none() {
        return error(
            "Ba chữ số đầu của số định danh cá nhân không phải mã tỉnh, thành phố nào (001–096) \
             — kiểm tra lại trên thẻ căn cước (the first three digits are not a province code)"
                .into(),
        );
    }
    if number.as_bytes()[3] > b'3' {
        return error(
            "Chữ số thứ 4 của số định danh cá nhân (mã thế kỷ và giới tính) phải từ 0 đến 3 — \
             kiểm tra lại trên thẻ căn cước (the 4th digit, century and sex, must be 0–3 for a \
             person born before 2100)"
                .into(),
        );
    }
    Ok(number.to_string())
}

fn passport(number: &str) -> Result<String, FieldError> {
    let upper = number.to_ascii_uppercase();
    if !(6..=12).contains(&upper.chars().count())
        || !upper.bytes().all(|b| b.is_ascii_alphanumeric())
    {
        return Err(FieldError::new(
            "identity_number",
            "Số hộ chiếu gồm 6 đến 12 chữ cái La-tinh và chữ số, không có dấu — ghi đúng như \
             trên trang thông tin của hộ chiếu (a passport number has 6–12 Latin letters and \
             digits, as on the passport's data page)",
        ));
    }
    Ok(upper)
}
