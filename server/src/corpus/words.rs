//! Word pools of the made-up province: districts and communes, villages and people's names.
//!
//! The province "Ngọc Lâm" and its places are invented (some names exist elsewhere in Viet Nam,
//! as any Vietnamese place name does) so that generated records are never mistaken for real ones.

/// The province's name, as used after "tỉnh".
pub const PROVINCE: &str = "Ngọc Lâm";
/// "tỉnh Ngọc Lâm".
pub const TINH: &str = "tỉnh Ngọc Lâm";
/// The historical archive's identifier (`archiveCode`), the prefix of every fonds code.
pub const ARCHIVE_CODE: &str = "H71";
/// The archive's name, for fonds descriptions.
pub const ARCHIVE_NAME: &str = "Trung tâm Lưu trữ lịch sử tỉnh Ngọc Lâm";

/// A district (huyện, thị xã, thành phố thuộc tỉnh) and its communes, each with its kind word.
pub struct District {
    /// "huyện Đắk Mang".
    pub name: &'static str,
    /// The kind word alone: "huyện", "thị xã", "thành phố".
    pub kind: &'static str,
    /// "xã Đắk Long", "thị trấn Đắk Mang", "phường Quang Trung".
    pub communes: &'static [&'static str],
}

pub const DISTRICTS: &[District] = &[
    District {
        name: "thành phố Ngọc Lâm",
        kind: "thành phố",
        communes: &[
            "phường Thắng Lợi",
            "phường Quang Trung",
            "phường Trần Phú",
            "phường Hòa Bình",
            "phường Ngô Mây",
            "xã Đắk Hring",
            "xã Chư Đăng",
            "xã Hòa Khánh",
        ],
    },
    District {
        name: "huyện Đắk Mang",
        kind: "huyện",
        communes: &[
            "thị trấn Đắk Mang",
            "xã Đắk Long",
            "xã Đắk Pờ Ê",
            "xã Măng Rơi",
            "xã Ngọc Réo",
            "xã Tân Cảnh",
            "xã Kon Đào",
            "xã Đắk Trăm",
        ],
    },
    District {
        name: "huyện Ia Hrông",
        kind: "huyện",
        communes: &[
            "thị trấn Ia Hrông",
            "xã Ia Lốp",
            "xã Ia Mơ",
            "xã Ia Đal",
            "xã Ia Tơi",
            "xã Ia Kreng",
            "xã Ia Pnôn",
        ],
    },
    District {
        name: "huyện Kon Brai",
        kind: "huyện",
        communes: &[
            "thị trấn Kon Brai",
            "xã Kon Jơ Ri",
            "xã Măng Bút",
            "xã Đắk Tăng",
            "xã Hiếu Lộc",
            "xã Ngok Tem",
            "xã Pờ Y",
        ],
    },
    District {
        name: "huyện Sông Thanh",
        kind: "huyện",
        communes: &[
            "thị trấn Sông Thanh",
            "xã Thanh Bình",
            "xã Phước Hòa",
            "xã Quế Lộc",
            "xã Tam Thành",
            "xã Sơn Viên",
            "xã Đại Hưng",
        ],
    },
    District {
        name: "huyện Ngọc Lĩnh",
        kind: "huyện",
        communes: &[
            "thị trấn Plei Rơ",
            "xã Văn Xuôi",
            "xã Tê Xăng",
            "xã Đắk Hà Lung",
            "xã Ngọc Yêu",
            "xã Măng Ri",
            "xã Đắk Sao",
        ],
    },
    District {
        name: "huyện Hòa Thuận",
        kind: "huyện",
        communes: &[
            "thị trấn Hòa Thuận",
            "xã Hòa Phú",
            "xã Hòa Tiến",
            "xã Yên Thế",
            "xã Minh Hưng",
            "xã Đức An",
            "xã Quảng Lập",
        ],
    },
    District {
        name: "thị xã An Lạc",
        kind: "thị xã",
        communes: &[
            "phường An Bình",
            "phường An Phú",
            "phường Nguyễn Huệ",
            "xã An Thạnh",
            "xã Cửu An",
            "xã Song An",
        ],
    },
    District {
        name: "huyện Chư Krông",
        kind: "huyện",
        communes: &[
            "thị trấn Chư Krông",
            "xã Chư Răng",
            "xã Ia Dreh",
            "xã Krông Năng",
            "xã Ea Tul",
            "xã Buôn Triết",
            "xã Đắk Wil",
        ],
    },
];

/// Villages and residential groups (thôn, làng, buôn, tổ dân phố).
pub const VILLAGES: &[&str] = &[
    "thôn 1",
    "thôn 2",
    "thôn 3",
    "thôn 4",
    "thôn 5",
    "thôn 6",
    "thôn 7",
    "thôn 8",
    "thôn Tân Lập",
    "thôn Hòa Bình",
    "thôn Đông Thành",
    "thôn Thanh Trung",
    "thôn Măng Khênh",
    "làng Kon Klor",
    "làng Plei Groi",
    "làng Đắk Rơ Jơ",
    "làng Kon Trang Mơ Nây",
    "làng Vi Chring",
    "làng Tu Răng",
    "buôn Đôn",
    "buôn Ma Nô",
    "buôn Kô Siêr",
    "tổ dân phố 3",
    "tổ dân phố 7",
];

/// Family names, roughly by frequency (repeats weight the common ones).
pub const FAMILY: &[&str] = &[
    "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh",
    "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương",
];

/// Given names with their middle names, men then women.
pub const MEN: &[&str] = &[
    "Văn An",
    "Văn Bình",
    "Đức Cường",
    "Văn Dũng",
    "Minh Hải",
    "Quang Hùng",
    "Hữu Khánh",
    "Văn Long",
    "Ngọc Minh",
    "Thanh Sơn",
    "Văn Tâm",
    "Đình Thắng",
    "Anh Tuấn",
    "Quốc Việt",
    "Công Vinh",
    "Xuân Trường",
];
pub const WOMEN: &[&str] = &[
    "Thị Hoa",
    "Thị Lan",
    "Thị Hương",
    "Thị Mai",
    "Thị Nga",
    "Thu Phương",
    "Thị Thủy",
    "Ngọc Ánh",
    "Thị Yến",
    "Thanh Tâm",
    "Thị Hằng",
    "Kim Oanh",
];

/// Whole names of people of the highland ethnic groups, with "ông" or "bà".
pub const HIGHLANDERS: &[(&str, &str)] = &[
    ("ông", "A Thiên"),
    ("ông", "Y Bhin"),
    ("bà", "Y Siêng"),
    ("ông", "A Pớt"),
    ("ông", "Ksor Phước"),
    ("bà", "Rơ Châm Hlan"),
    ("ông", "Đinh Văn Lúi"),
    ("bà", "Y Nhiên"),
    ("ông", "A Khiêm"),
    ("ông", "Siu Đoan"),
];
