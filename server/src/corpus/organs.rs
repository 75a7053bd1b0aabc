//! The creating bodies of the made-up province (each one a fonds) and the central bodies whose
//! documents turn up in their files.

use super::topics::{
    AN_NINH, DAN_TOC, GIAO_DUC, GIAO_THONG, KE_HOACH, LAO_DONG, NONG_NGHIEP, TAI_CHINH, TAI_NGUYEN,
    TO_CHUC, TONG_HOP, VAN_HOA, VAN_THU, XAY_DUNG, Y_TE,
};

/// A provincial body: its fonds is named `{name} tỉnh Ngọc Lâm`.
pub struct Organ {
    /// "Sở Nội vụ".
    pub name: &'static str,
    /// How file titles name it: "Ủy ban nhân dân tỉnh", "Sở Nội vụ".
    pub short: &'static str,
    /// The body's part of a document symbol: `QĐ-{abbr}`.
    pub abbr: &'static str,
    /// Its units, for the symbols of official letters (`{abbr}-{dept}`).
    pub depts: &'static [&'static str],
    /// Sectors its files are about (indices into `topics::SECTORS`), the first one its own.
    pub sectors: &'static [usize],
    /// First year of its records.
    pub from: u16,
    /// `fondsHistory`, with `{tinh}`.
    pub history: &'static str,
}

/// Last year of records in every fonds.
pub const LAST_YEAR: u16 = 2020;

/// Provincial bodies; the first is the provincial People's Committee (the big fonds by default).
pub const PROVINCIAL: &[Organ] = &[
    Organ {
        name: "Ủy ban nhân dân",
        short: "Ủy ban nhân dân tỉnh",
        abbr: "UBND",
        depts: &["TH", "KTN", "KTTH", "VX", "NC", "HTKT"],
        sectors: &[
            TONG_HOP,
            TONG_HOP,
            TO_CHUC,
            TAI_CHINH,
            GIAO_DUC,
            XAY_DUNG,
            NONG_NGHIEP,
            TAI_NGUYEN,
            Y_TE,
            GIAO_THONG,
            KE_HOACH,
            VAN_HOA,
            DAN_TOC,
            LAO_DONG,
            AN_NINH,
            VAN_THU,
        ],
        from: 1976,
        history: "Ủy ban nhân dân {tinh} là cơ quan hành chính nhà nước ở địa phương, chấp hành nghị quyết của Hội đồng nhân dân tỉnh; tài liệu phản ánh hoạt động quản lý, điều hành kinh tế - xã hội, quốc phòng, an ninh trên địa bàn tỉnh.",
    },
    Organ {
        name: "Hội đồng nhân dân",
        short: "Hội đồng nhân dân tỉnh",
        abbr: "HĐND",
        depts: &["VP", "KTNS", "VHXH", "PC"],
        sectors: &[TONG_HOP, KE_HOACH, TAI_CHINH, DAN_TOC],
        from: 1977,
        history: "Hội đồng nhân dân {tinh} là cơ quan quyền lực nhà nước ở địa phương; tài liệu gồm biên bản, nghị quyết các kỳ họp và hồ sơ giám sát.",
    },
    Organ {
        name: "Sở Nội vụ",
        short: "Sở Nội vụ",
        abbr: "SNV",
        depts: &["TCBC", "CCVC", "VP", "CCHC"],
        sectors: &[TO_CHUC, TO_CHUC, VAN_THU],
        from: 1991,
        history: "Sở Nội vụ {tinh} tham mưu về tổ chức bộ máy, biên chế, cán bộ, công chức, chính quyền địa phương, văn thư, lưu trữ, thi đua - khen thưởng.",
    },
    Organ {
        name: "Sở Tài chính",
        short: "Sở Tài chính",
        abbr: "STC",
        depts: &["NS", "QLG", "TCDN", "VP"],
        sectors: &[TAI_CHINH],
        from: 1976,
        history: "Sở Tài chính {tinh} quản lý ngân sách, giá, tài sản công và kế toán trên địa bàn tỉnh.",
    },
    Organ {
        name: "Sở Giáo dục và Đào tạo",
        short: "Sở Giáo dục và Đào tạo",
        abbr: "SGDĐT",
        depts: &["TCCB", "KHTC", "GDTrH", "GDTH"],
        sectors: &[GIAO_DUC],
        from: 1976,
        history: "Sở Giáo dục và Đào tạo {tinh} quản lý giáo dục mầm non, phổ thông, thường xuyên và chuyên nghiệp.",
    },
    Organ {
        name: "Sở Xây dựng",
        short: "Sở Xây dựng",
        abbr: "SXD",
        depts: &["QLN", "KTQH", "VP"],
        sectors: &[XAY_DUNG],
        from: 1979,
        history: "Sở Xây dựng {tinh} quản lý quy hoạch, kiến trúc, vật liệu xây dựng, nhà ở và chất lượng công trình.",
    },
    Organ {
        name: "Sở Nông nghiệp và Phát triển nông thôn",
        short: "Sở Nông nghiệp và Phát triển nông thôn",
        abbr: "SNN",
        depts: &["KH", "TTr", "VP"],
        sectors: &[NONG_NGHIEP],
        from: 1996,
        history: "Sở Nông nghiệp và Phát triển nông thôn {tinh} quản lý nông nghiệp, lâm nghiệp, thủy lợi, phòng, chống thiên tai và phát triển nông thôn.",
    },
    Organ {
        name: "Sở Tài nguyên và Môi trường",
        short: "Sở Tài nguyên và Môi trường",
        abbr: "STNMT",
        depts: &["QLĐĐ", "MT", "VP"],
        sectors: &[TAI_NGUYEN],
        from: 2003,
        history: "Sở Tài nguyên và Môi trường {tinh} quản lý đất đai, tài nguyên nước, khoáng sản và môi trường.",
    },
    Organ {
        name: "Sở Y tế",
        short: "Sở Y tế",
        abbr: "SYT",
        depts: &["NVY", "KHTC", "TCCB"],
        sectors: &[Y_TE],
        from: 1976,
        history: "Sở Y tế {tinh} quản lý khám bệnh, chữa bệnh, y tế dự phòng, dược và an toàn thực phẩm.",
    },
    Organ {
        name: "Sở Giao thông vận tải",
        short: "Sở Giao thông vận tải",
        abbr: "SGTVT",
        depts: &["QLGT", "KHTC", "VP"],
        sectors: &[GIAO_THONG],
        from: 1976,
        history: "Sở Giao thông vận tải {tinh} quản lý kết cấu hạ tầng giao thông, vận tải và an toàn giao thông.",
    },
    Organ {
        name: "Sở Kế hoạch và Đầu tư",
        short: "Sở Kế hoạch và Đầu tư",
        abbr: "SKHĐT",
        depts: &["TH", "ĐKKD", "VP"],
        sectors: &[KE_HOACH],
        from: 1993,
        history: "Sở Kế hoạch và Đầu tư {tinh} tham mưu về quy hoạch, kế hoạch phát triển kinh tế - xã hội, đầu tư công và đăng ký doanh nghiệp.",
    },
    Organ {
        name: "Sở Văn hóa, Thể thao và Du lịch",
        short: "Sở Văn hóa, Thể thao và Du lịch",
        abbr: "SVHTTDL",
        depts: &["QLVH", "NVDL", "VP"],
        sectors: &[VAN_HOA],
        from: 2008,
        history: "Sở Văn hóa, Thể thao và Du lịch {tinh} quản lý văn hóa, gia đình, thể dục, thể thao và du lịch.",
    },
    Organ {
        name: "Ban Dân tộc",
        short: "Ban Dân tộc",
        abbr: "BDT",
        depts: &["CSDT", "VP"],
        sectors: &[DAN_TOC],
        from: 1992,
        history: "Ban Dân tộc {tinh} tham mưu về công tác dân tộc và thực hiện chính sách dân tộc ở vùng đồng bào dân tộc thiểu số.",
    },
    Organ {
        name: "Sở Lao động - Thương binh và Xã hội",
        short: "Sở Lao động - Thương binh và Xã hội",
        abbr: "SLĐTBXH",
        depts: &["BTXH", "NCC", "VP"],
        sectors: &[LAO_DONG],
        from: 1987,
        history: "Sở Lao động - Thương binh và Xã hội {tinh} quản lý lao động, việc làm, người có công, bảo trợ xã hội và giảm nghèo.",
    },
];

/// Index in `PROVINCIAL` of the provincial People's Committee and Council.
pub const UBND_TINH: usize = 0;
pub const HDND_TINH: usize = 1;

/// Sectors of a district People's Committee's files.
pub const DISTRICT_SECTORS: &[usize] = &[
    TONG_HOP,
    TONG_HOP,
    GIAO_DUC,
    NONG_NGHIEP,
    TAI_NGUYEN,
    DAN_TOC,
    LAO_DONG,
    VAN_HOA,
    Y_TE,
];
/// Sectors of a commune People's Committee's files.
pub const COMMUNE_SECTORS: &[usize] = &[TONG_HOP, NONG_NGHIEP, TAI_NGUYEN, LAO_DONG];
/// Units of a district or commune People's Committee.
pub const DISTRICT_DEPTS: &[&str] = &["VP", "TNMT", "NV", "TCKH"];
pub const COMMUNE_DEPTS: &[&str] = &["VP"];

/// `fondsHistory` of a district and of a commune People's Committee, with `{huyen}` / `{xa}`.
pub const DISTRICT_HISTORY: &str = "Ủy ban nhân dân {huyen} quản lý nhà nước trên địa bàn; tài liệu phản ánh hoạt động sản xuất, đời sống, văn hóa, xã hội của nhân dân các dân tộc trong {huyen}.";
pub const COMMUNE_HISTORY: &str = "Ủy ban nhân dân {xa} ({huyen}) quản lý hành chính cấp cơ sở; tài liệu gồm sổ sách hộ tịch, hồ sơ đất đai và văn bản chỉ đạo.";

/// The Prime Minister, whose decisions and telegrams reach every province.
pub const PRIME_MINISTER: (&str, &str) = ("Thủ tướng Chính phủ", "TTg");
