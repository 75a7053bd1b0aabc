//! What the files are about: sectors of administration, each with its topics, keywords and the
//! ministry above it.
//!
//! Topic texts are templates: `{xa}` a commune, `{xa2}` another one of the same district,
//! `{huyen}` its district, `{thon}` a village, `{tinh}` the province, `{coquan}` the fonds' body,
//! `{ongba} {nguoi}` a person, `{nam}`/`{nam2}` the year and the next, `{gd}` the five-year period,
//! `{ky}` a reporting period ("quý II", "6 tháng đầu năm").

/// How a topic reads, which decides the verbs put before it (see `patterns`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A works project, a noun phrase: "dự án đầu tư xây dựng trường ...".
    Project,
    /// An administrative act, a verb phrase: "giao đất trồng rừng cho ...".
    Action,
    /// A periodic situation: "tình hình ... {ky} năm {nam}".
    Report,
    /// A meeting or ceremony: "hội nghị tổng kết ...".
    Event,
    /// A programme or plan: "Chương trình ... giai đoạn {gd}".
    Program,
}

pub struct Topic {
    pub kind: Kind,
    pub text: &'static str,
}

const fn t(kind: Kind, text: &'static str) -> Topic {
    Topic { kind, text }
}

use Kind::{Action as A, Event as E, Program as G, Project as P, Report as R};

pub struct Sector {
    /// Area of work, for titles: "Tập quyết định ... về {area} năm 1999".
    pub area: &'static str,
    /// `inforSign` of its files.
    pub sign: &'static str,
    pub keywords: &'static [&'static str],
    /// The ministry (name, abbreviation) whose documents appear in its files.
    pub ministry: (&'static str, &'static str),
    /// Index in `organs::PROVINCIAL` of the provincial body in charge.
    pub organ: usize,
    pub topics: &'static [Topic],
}

pub const TONG_HOP: usize = 0;
pub const TO_CHUC: usize = 1;
pub const VAN_THU: usize = 2;
pub const TAI_CHINH: usize = 3;
pub const GIAO_DUC: usize = 4;
pub const XAY_DUNG: usize = 5;
pub const NONG_NGHIEP: usize = 6;
pub const TAI_NGUYEN: usize = 7;
pub const Y_TE: usize = 8;
pub const GIAO_THONG: usize = 9;
pub const KE_HOACH: usize = 10;
pub const VAN_HOA: usize = 11;
pub const DAN_TOC: usize = 12;
pub const LAO_DONG: usize = 13;
pub const AN_NINH: usize = 14;

pub const SECTORS: &[Sector] = &[
    Sector {
        area: "công tác chỉ đạo, điều hành",
        sign: "TH",
        keywords: &[
            "kinh tế - xã hội",
            "chỉ đạo điều hành",
            "địa giới hành chính",
            "thi đua khen thưởng",
            "thiên tai",
        ],
        ministry: ("Văn phòng Chính phủ", "VPCP"),
        organ: 0,
        topics: &[
            t(R, "tình hình kinh tế - xã hội {ky} năm {nam}"),
            t(
                R,
                "kết quả thực hiện nhiệm vụ chỉ đạo, điều hành {ky} năm {nam}",
            ),
            t(
                R,
                "công tác tiếp công dân, giải quyết khiếu nại, tố cáo {ky} năm {nam}",
            ),
            t(A, "điều chỉnh địa giới hành chính {xa} để mở rộng {huyen}"),
            t(A, "thành lập thị trấn huyện lỵ {huyen}"),
            t(
                A,
                "khen thưởng các tập thể, cá nhân có thành tích trong phong trào thi đua yêu nước năm {nam}",
            ),
            t(
                A,
                "tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho nhân dân và cán bộ {xa}, {huyen}",
            ),
            t(A, "khắc phục hậu quả cơn bão số 9 năm {nam} tại {huyen}"),
            t(
                A,
                "hỗ trợ gạo cứu đói cho nhân dân {xa}, {huyen} dịp giáp hạt năm {nam}",
            ),
            t(
                A,
                "giải quyết đơn khiếu nại của {ongba} {nguoi}, trú tại {thon}, {xa}",
            ),
            t(
                E,
                "hội nghị tổng kết công tác năm {nam} và triển khai nhiệm vụ năm {nam2}",
            ),
            t(
                E,
                "kỳ họp thường lệ cuối năm {nam} của Hội đồng nhân dân {tinh}",
            ),
            t(
                E,
                "lễ đón nhận danh hiệu Anh hùng Lực lượng vũ trang nhân dân của {xa}",
            ),
            t(
                G,
                "Chương trình phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số giai đoạn {gd}",
            ),
        ],
    },
    Sector {
        area: "tổ chức cán bộ",
        sign: "TCCB",
        keywords: &[
            "tổ chức cán bộ",
            "biên chế",
            "cải cách hành chính",
            "tuyển dụng",
        ],
        ministry: ("Bộ Nội vụ", "BNV"),
        organ: 2,
        topics: &[
            t(
                A,
                "bổ nhiệm {ongba} {nguoi} giữ chức Phó Giám đốc Sở Tài chính",
            ),
            t(
                A,
                "điều động {ongba} {nguoi}, chuyên viên {coquan}, đến nhận công tác tại Ủy ban nhân dân {huyen}",
            ),
            t(
                A,
                "nâng bậc lương thường xuyên năm {nam} cho cán bộ, công chức {coquan}",
            ),
            t(
                A,
                "nghỉ hưu hưởng chế độ bảo hiểm xã hội đối với {ongba} {nguoi}",
            ),
            t(
                A,
                "giao chỉ tiêu biên chế công chức năm {nam} cho các cơ quan hành chính tỉnh",
            ),
            t(
                A,
                "tuyển dụng viên chức sự nghiệp giáo dục {huyen} năm {nam}",
            ),
            t(A, "kiện toàn Hội đồng Thi đua - Khen thưởng tỉnh"),
            t(A, "thành lập Phòng Nội vụ thuộc Ủy ban nhân dân {huyen}"),
            t(
                A,
                "cử cán bộ đi học lớp bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên năm {nam}",
            ),
            t(A, "xử lý kỷ luật {ongba} {nguoi}, cán bộ địa chính {xa}"),
            t(R, "công tác cải cách hành chính {ky} năm {nam}"),
            t(R, "chất lượng đội ngũ cán bộ, công chức cấp xã năm {nam}"),
            t(
                E,
                "hội nghị triển khai công tác cải cách hành chính năm {nam}",
            ),
            t(G, "Đề án tinh giản biên chế giai đoạn {gd}"),
        ],
    },
    Sector {
        area: "văn thư, lưu trữ",
        sign: "VTLT",
        keywords: &["văn thư lưu trữ", "số hóa", "chỉnh lý tài liệu"],
        ministry: ("Cục Văn thư và Lưu trữ nhà nước", "VTLTNN"),
        organ: 2,
        topics: &[
            t(
                A,
                "số hóa tài liệu lưu trữ có giá trị sử dụng thường xuyên của {coquan}",
            ),
            t(
                A,
                "thu thập hồ sơ, tài liệu của Ủy ban nhân dân {huyen} vào Lưu trữ lịch sử tỉnh",
            ),
            t(A, "tiêu hủy tài liệu hết giá trị của {coquan}"),
            t(A, "chỉnh lý tài liệu tồn đọng của {coquan} giai đoạn {gd}"),
            t(P, "dự án xây dựng kho lưu trữ chuyên dụng {tinh}"),
            t(
                R,
                "kết quả kiểm tra công tác văn thư, lưu trữ tại {huyen} năm {nam}",
            ),
            t(A, "ban hành danh mục hồ sơ năm {nam} của {coquan}"),
            t(A, "ban hành Quy chế công tác văn thư, lưu trữ của {coquan}"),
            t(
                A,
                "phục vụ độc giả khai thác tài liệu lưu trữ về địa giới hành chính {huyen}",
            ),
            t(
                E,
                "hội nghị tập huấn nghiệp vụ văn thư, lưu trữ cho cán bộ cấp xã năm {nam}",
            ),
        ],
    },
    Sector {
        area: "tài chính - ngân sách",
        sign: "TC",
        keywords: &["ngân sách", "tài sản công", "giá", "kinh phí"],
        ministry: ("Bộ Tài chính", "BTC"),
        organ: 3,
        topics: &[
            t(
                A,
                "phân bổ dự toán ngân sách nhà nước năm {nam} cho {huyen}",
            ),
            t(
                A,
                "cấp kinh phí khắc phục hậu quả lũ quét tại {xa}, {huyen}",
            ),
            t(
                A,
                "bổ sung kinh phí mua sắm trang thiết bị làm việc cho {coquan}",
            ),
            t(A, "phê duyệt quyết toán ngân sách xã năm {nam} của {xa}"),
            t(A, "thanh lý tài sản công tại {coquan}"),
            t(
                A,
                "điều chuyển xe ô tô công từ {coquan} về Ủy ban nhân dân {huyen}",
            ),
            t(
                A,
                "ban hành bảng giá các loại đất năm {nam} trên địa bàn {tinh}",
            ),
            t(
                A,
                "quy định giá cước vận chuyển hàng hóa bằng ô tô trên địa bàn tỉnh",
            ),
            t(R, "tình hình thu, chi ngân sách nhà nước {ky} năm {nam}"),
            t(
                R,
                "kết quả thanh tra việc quản lý, sử dụng ngân sách tại {xa} năm {nam}",
            ),
            t(
                E,
                "hội nghị triển khai dự toán ngân sách nhà nước năm {nam}",
            ),
            t(
                G,
                "Chương trình thực hành tiết kiệm, chống lãng phí giai đoạn {gd}",
            ),
        ],
    },
    Sector {
        area: "giáo dục và đào tạo",
        sign: "GD",
        keywords: &[
            "giáo dục",
            "trường học",
            "học sinh dân tộc",
            "phổ cập giáo dục",
        ],
        ministry: ("Bộ Giáo dục và Đào tạo", "BGDĐT"),
        organ: 4,
        topics: &[
            t(P, "dự án đầu tư xây dựng trường tiểu học {xa}, {huyen}"),
            t(
                P,
                "công trình phòng học bán trú trường phổ thông dân tộc bán trú trung học cơ sở {xa}",
            ),
            t(
                P,
                "công trình nhà công vụ giáo viên trường mầm non {xa}, {huyen}",
            ),
            t(A, "thành lập trường trung học cơ sở {xa}, {huyen}"),
            t(
                A,
                "tuyển sinh vào trường phổ thông dân tộc nội trú tỉnh năm học {nam}-{nam2}",
            ),
            t(
                A,
                "tổ chức kỳ thi tốt nghiệp trung học phổ thông năm học {nam}-{nam2}",
            ),
            t(A, "công nhận trường mầm non {xa} đạt chuẩn quốc gia"),
            t(
                A,
                "hỗ trợ gạo cho học sinh bán trú tại {huyen} năm học {nam}-{nam2}",
            ),
            t(
                A,
                "điều động giáo viên tăng cường cho các trường vùng sâu, vùng xa {huyen}",
            ),
            t(R, "tổng kết năm học {nam}-{nam2} của ngành giáo dục {tinh}"),
            t(
                R,
                "kết quả phổ cập giáo dục tiểu học đúng độ tuổi tại {huyen} năm {nam}",
            ),
            t(
                E,
                "hội thi giáo viên dạy giỏi cấp tỉnh năm học {nam}-{nam2}",
            ),
            t(E, "Hội khỏe Phù Đổng {tinh} năm {nam}"),
            t(
                G,
                "Chương trình kiên cố hóa trường, lớp học và nhà công vụ cho giáo viên giai đoạn {gd}",
            ),
        ],
    },
    Sector {
        area: "xây dựng cơ bản",
        sign: "XD",
        keywords: &["xây dựng", "quy hoạch", "đô thị", "cấp nước"],
        ministry: ("Bộ Xây dựng", "BXD"),
        organ: 5,
        topics: &[
            t(
                P,
                "công trình xây dựng trụ sở làm việc Ủy ban nhân dân {xa}",
            ),
            t(P, "dự án xây dựng nhà văn hóa cộng đồng {thon}, {xa}"),
            t(P, "dự án chỉnh trang đô thị trung tâm {huyen}"),
            t(P, "đồ án quy hoạch chi tiết khu dân cư {xa}, {huyen}"),
            t(P, "dự án xây dựng chợ trung tâm {xa}"),
            t(P, "dự án cấp nước sinh hoạt tập trung {xa}, {huyen}"),
            t(A, "cấp giấy phép xây dựng nhà ở riêng lẻ tại {xa}"),
            t(A, "xử lý vi phạm trật tự xây dựng tại {xa}, {huyen}"),
            t(A, "công bố giá vật liệu xây dựng {ky} năm {nam}"),
            t(
                R,
                "tình hình quản lý chất lượng công trình xây dựng {ky} năm {nam}",
            ),
            t(E, "hội nghị triển khai Luật Xây dựng trên địa bàn {tinh}"),
        ],
    },
    Sector {
        area: "nông nghiệp và phát triển nông thôn",
        sign: "NN",
        keywords: &[
            "nông nghiệp",
            "lâm nghiệp",
            "thủy lợi",
            "định canh định cư",
            "cà phê",
        ],
        ministry: ("Bộ Nông nghiệp và Phát triển nông thôn", "BNNPTNT"),
        organ: 6,
        topics: &[
            t(
                A,
                "giao khoán quản lý, bảo vệ rừng cho cộng đồng {thon}, {xa}",
            ),
            t(A, "hỗ trợ giống cây cà phê cho hộ nghèo tại {xa}, {huyen}"),
            t(
                A,
                "định canh, định cư cho đồng bào dân tộc thiểu số tại {xa}, {huyen}",
            ),
            t(
                A,
                "phòng, chống dịch lở mồm long móng trên đàn gia súc tại {huyen}",
            ),
            t(A, "cấp phát giống lúa nước cho đồng bào {xa}"),
            t(P, "công trình thủy lợi hồ chứa nước {thon}, {xa}"),
            t(
                P,
                "công trình kiên cố hóa kênh mương nội đồng {xa}, {huyen}",
            ),
            t(A, "trồng rừng phòng hộ đầu nguồn tại {huyen} năm {nam}"),
            t(A, "phòng cháy, chữa cháy rừng mùa khô năm {nam}"),
            t(R, "tình hình sản xuất nông nghiệp vụ đông xuân năm {nam}"),
            t(R, "kết quả trồng rừng và chăm sóc rừng trồng năm {nam}"),
            t(E, "hội nghị sơ kết công tác phòng, chống lụt bão năm {nam}"),
            t(G, "Chương trình xây dựng nông thôn mới giai đoạn {gd}"),
        ],
    },
    Sector {
        area: "quản lý đất đai",
        sign: "ĐĐ",
        keywords: &[
            "đất đai",
            "giao đất",
            "giải phóng mặt bằng",
            "khoáng sản",
            "môi trường",
        ],
        ministry: ("Bộ Tài nguyên và Môi trường", "BTNMT"),
        organ: 7,
        topics: &[
            t(
                A,
                "giao đất trồng rừng cho hộ gia đình, cá nhân tại {xa}, {huyen}",
            ),
            t(
                A,
                "thu hồi đất để mở rộng đường giao thông từ {xa} đi {xa2}",
            ),
            t(
                A,
                "cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình, cá nhân tại {xa}",
            ),
            t(
                A,
                "bồi thường, hỗ trợ giải phóng mặt bằng công trình đường vào trung tâm {xa}",
            ),
            t(A, "cho thuê đất để trồng cao su tại {xa}, {huyen}"),
            t(A, "cấp giấy phép khai thác cát lòng sông tại {xa}"),
            t(
                A,
                "giải quyết tranh chấp đất rẫy giữa {ongba} {nguoi} và các hộ {thon}, {xa}",
            ),
            t(R, "kết quả kiểm kê đất đai năm {nam} của {huyen}"),
            t(R, "tình hình thực hiện kế hoạch sử dụng đất năm {nam}"),
            t(P, "đồ án quy hoạch sử dụng đất {huyen} giai đoạn {gd}"),
            t(
                E,
                "hội nghị triển khai thi hành Luật Đất đai trên địa bàn {tinh}",
            ),
        ],
    },
    Sector {
        area: "y tế",
        sign: "YT",
        keywords: &["y tế", "phòng chống dịch", "bảo hiểm y tế", "sốt rét"],
        ministry: ("Bộ Y tế", "BYT"),
        organ: 8,
        topics: &[
            t(P, "công trình xây dựng trạm y tế {xa}"),
            t(A, "phòng, chống dịch sốt xuất huyết tại {huyen} năm {nam}"),
            t(A, "phòng, chống bệnh sốt rét cho đồng bào vùng sâu {xa}"),
            t(
                A,
                "cấp thẻ bảo hiểm y tế cho người nghèo tại {huyen} năm {nam}",
            ),
            t(A, "điều động bác sĩ tăng cường cho trạm y tế {xa}"),
            t(A, "thành lập Trung tâm Y tế {huyen}"),
            t(R, "công tác tiêm chủng mở rộng {ky} năm {nam}"),
            t(R, "tình hình vệ sinh an toàn thực phẩm {ky} năm {nam}"),
            t(E, "hội nghị tổng kết công tác y tế năm {nam}"),
            t(
                G,
                "Chương trình mục tiêu quốc gia phòng, chống một số bệnh xã hội, bệnh dịch nguy hiểm giai đoạn {gd}",
            ),
        ],
    },
    Sector {
        area: "giao thông vận tải",
        sign: "GT",
        keywords: &["giao thông", "cầu đường", "an toàn giao thông"],
        ministry: ("Bộ Giao thông vận tải", "BGTVT"),
        organ: 9,
        topics: &[
            t(P, "công trình nâng cấp đường giao thông từ {xa} đi {xa2}"),
            t(P, "công trình cầu treo dân sinh {thon}, {xa}"),
            t(P, "dự án cải tạo, nâng cấp đường tỉnh đoạn qua {huyen}"),
            t(
                A,
                "sửa chữa đột xuất các điểm sạt lở trên tuyến đường vào {xa} do mưa lũ năm {nam}",
            ),
            t(
                A,
                "bảo đảm trật tự an toàn giao thông dịp Tết Nguyên đán năm {nam}",
            ),
            t(R, "tình hình trật tự an toàn giao thông {ky} năm {nam}"),
            t(E, "hội nghị triển khai công tác bảo trì đường bộ năm {nam}"),
            t(
                G,
                "Chương trình phát triển giao thông nông thôn giai đoạn {gd}",
            ),
        ],
    },
    Sector {
        area: "kế hoạch và đầu tư",
        sign: "KH",
        keywords: &["kế hoạch", "đầu tư", "doanh nghiệp", "vốn đầu tư"],
        ministry: ("Bộ Kế hoạch và Đầu tư", "BKHĐT"),
        organ: 10,
        topics: &[
            t(
                A,
                "giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm {nam}",
            ),
            t(
                A,
                "chấp thuận chủ trương đầu tư dự án nhà máy chế biến cà phê tại {xa}, {huyen}",
            ),
            t(A, "phân bổ vốn đầu tư xây dựng cơ bản năm {nam}"),
            t(A, "thành lập Ban Quản lý dự án đầu tư xây dựng {huyen}"),
            t(
                A,
                "sắp xếp lại các nông trường, lâm trường quốc doanh trên địa bàn tỉnh",
            ),
            t(
                R,
                "tình hình thu hút đầu tư trên địa bàn tỉnh {ky} năm {nam}",
            ),
            t(
                R,
                "đánh giá giữa kỳ thực hiện kế hoạch phát triển kinh tế - xã hội giai đoạn {gd}",
            ),
            t(E, "hội nghị xúc tiến đầu tư vào {tinh} năm {nam}"),
            t(
                G,
                "Kế hoạch phát triển kinh tế - xã hội 5 năm giai đoạn {gd}",
            ),
        ],
    },
    Sector {
        area: "văn hóa, thể thao và du lịch",
        sign: "VH",
        keywords: &["văn hóa", "lễ hội", "di tích", "du lịch", "thể thao"],
        ministry: ("Bộ Văn hóa, Thể thao và Du lịch", "BVHTTDL"),
        organ: 11,
        topics: &[
            t(
                A,
                "công nhận {thon}, {xa} đạt danh hiệu thôn văn hóa năm {nam}",
            ),
            t(A, "tổ chức Ngày hội văn hóa các dân tộc {huyen} năm {nam}"),
            t(
                A,
                "phục dựng lễ mừng lúa mới của đồng bào dân tộc thiểu số tại {xa}",
            ),
            t(
                A,
                "xếp hạng di tích lịch sử cấp tỉnh địa điểm căn cứ kháng chiến tại {xa}",
            ),
            t(P, "dự án bảo tồn nhà rông truyền thống {thon}, {xa}"),
            t(
                A,
                "cấp giấy phép kinh doanh dịch vụ lưu trú du lịch tại {huyen}",
            ),
            t(
                R,
                "kết quả thực hiện phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa năm {nam}",
            ),
            t(E, "Đại hội Thể dục thể thao {huyen} năm {nam}"),
            t(E, "Liên hoan cồng chiêng các dân tộc {tinh} năm {nam}"),
            t(G, "Chương trình phát triển du lịch {tinh} giai đoạn {gd}"),
        ],
    },
    Sector {
        area: "công tác dân tộc",
        sign: "DT",
        keywords: &[
            "dân tộc thiểu số",
            "định canh định cư",
            "vùng đặc biệt khó khăn",
        ],
        ministry: ("Ủy ban Dân tộc", "UBDT"),
        organ: 12,
        topics: &[
            t(
                A,
                "hỗ trợ đất sản xuất, nhà ở và nước sinh hoạt cho hộ đồng bào dân tộc thiểu số nghèo tại {xa}",
            ),
            t(
                A,
                "cấp không thu tiền muối i-ốt cho đồng bào vùng đặc biệt khó khăn {huyen}",
            ),
            t(
                A,
                "công nhận người có uy tín trong đồng bào dân tộc thiểu số tại {xa} năm {nam}",
            ),
            t(
                A,
                "hỗ trợ trực tiếp cho người dân thuộc hộ nghèo vùng khó khăn tại {huyen}",
            ),
            t(
                A,
                "di dân tái định cư vùng lòng hồ thủy điện về {xa}, {huyen}",
            ),
            t(
                R,
                "tình hình đời sống đồng bào dân tộc thiểu số {ky} năm {nam}",
            ),
            t(E, "Đại hội đại biểu các dân tộc thiểu số {huyen} năm {nam}"),
            t(
                G,
                "Chương trình phát triển kinh tế - xã hội các xã đặc biệt khó khăn vùng đồng bào dân tộc và miền núi giai đoạn {gd}",
            ),
        ],
    },
    Sector {
        area: "lao động, người có công và xã hội",
        sign: "LĐXH",
        keywords: &[
            "giảm nghèo",
            "người có công",
            "bảo trợ xã hội",
            "đào tạo nghề",
        ],
        ministry: ("Bộ Lao động - Thương binh và Xã hội", "BLĐTBXH"),
        organ: 13,
        topics: &[
            t(
                A,
                "trợ cấp thường xuyên cho đối tượng bảo trợ xã hội tại {xa}",
            ),
            t(
                A,
                "tặng quà gia đình chính sách nhân kỷ niệm ngày Thương binh - Liệt sĩ 27/7 năm {nam}",
            ),
            t(
                A,
                "giải quyết chế độ cho người có công với cách mạng tại {huyen}",
            ),
            t(P, "công trình nâng cấp nghĩa trang liệt sĩ {huyen}"),
            t(A, "công nhận hộ nghèo, hộ cận nghèo năm {nam} của {huyen}"),
            t(
                A,
                "đào tạo nghề cho lao động nông thôn tại {huyen} năm {nam}",
            ),
            t(R, "kết quả thực hiện công tác giảm nghèo {ky} năm {nam}"),
            t(
                E,
                "lễ truy điệu và an táng hài cốt liệt sĩ quy tập tại {huyen}",
            ),
            t(
                G,
                "Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn {gd}",
            ),
        ],
    },
    Sector {
        area: "quốc phòng, an ninh",
        sign: "AN",
        keywords: &["quốc phòng", "an ninh trật tự", "tuyển quân"],
        ministry: ("Bộ Quốc phòng", "BQP"),
        organ: 0,
        topics: &[
            t(A, "tuyển chọn và gọi công dân nhập ngũ năm {nam}"),
            t(E, "diễn tập khu vực phòng thủ {huyen} năm {nam}"),
            t(
                R,
                "tình hình an ninh chính trị, trật tự an toàn xã hội {ky} năm {nam}",
            ),
            t(A, "xây dựng lực lượng dân quân tự vệ tại {xa}"),
            t(
                A,
                "bảo đảm an ninh trật tự trong dịp bầu cử đại biểu Quốc hội và Hội đồng nhân dân các cấp",
            ),
        ],
    },
];
