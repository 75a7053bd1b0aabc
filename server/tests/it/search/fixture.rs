//! The judged catalogue: about sixty hand-written units of a Kon Tum archive (decisions, plans,
//! reports with their numbers and symbols, issuing bodies, dates, near-duplicates that compete:
//! twins differing only by tone marks, a record typed without diacritics, the same words in
//! another year, all the words of a phrase scattered), imported together with a generated
//! background corpus so that ranking is tested against real competition.

use crate::support::*;
use portal::config::Visibility;

/// Items of the generated background corpus, and its seed (fixed: the same corpus every run).
pub const NOISE_ITEMS: u64 = 2_000;
pub const NOISE_SEED: u64 = 2025;

/// Fonds: code, name, years, history.
const FONDS: &[(&str, &str, &str, &str)] = &[
    (
        "H34.10",
        "Ủy ban nhân dân tỉnh Kon Tum",
        "1991-2010",
        "Ủy ban nhân dân tỉnh Kon Tum được tái lập năm 1991 khi chia tách tỉnh Gia Lai - Kon Tum.",
    ),
    (
        "H34.11",
        "Sở Giáo dục và Đào tạo tỉnh Kon Tum",
        "1991-2010",
        "Cơ quan chuyên môn quản lý giáo dục mầm non, phổ thông và giáo dục thường xuyên của tỉnh.",
    ),
    (
        "H34.12",
        "Sở Tài nguyên và Môi trường tỉnh Kon Tum",
        "2003-2015",
        "Thành lập năm 2003 trên cơ sở Sở Địa chính.",
    ),
    (
        "H34.13",
        "Ủy ban nhân dân huyện Đắk Hà",
        "1994-2012",
        "Huyện Đắk Hà được thành lập năm 1994.",
    ),
];

/// A file of the judged catalogue.
pub struct FileRec {
    pub code: &'static str,
    pub title: &'static str,
    pub start: &'static str,
    pub end: &'static str,
    pub keyword: &'static str,
    pub lang: &'static str,
    pub digitized: bool,
}

const fn file(
    code: &'static str,
    title: &'static str,
    start: &'static str,
    end: &'static str,
    keyword: &'static str,
) -> FileRec {
    FileRec {
        code,
        title,
        start,
        end,
        keyword,
        lang: "01",
        digitized: false,
    }
}

/// The files; the fonds and catalogue number are parts of the code.
pub const FILES: &[FileRec] = &[
    FileRec {
        digitized: true,
        ..file(
            "H34.10.1996.01.045",
            "Hồ sơ về việc xây dựng Trường Trung học phổ thông chuyên Kon Tum",
            "16/01/1996",
            "19/09/1996",
            "xây dựng cơ bản; giáo dục",
        )
    },
    file(
        "H34.10.1996.01.046",
        "Hồ sơ về việc miễn giảm tiền thuê đất nhà máy thủy điện Plei Krông",
        "03/1996",
        "12/1996",
        "đất đai; thủy điện",
    ),
    file(
        "H34.10.1996.01.047",
        "Hồ sơ về việc miễn giảm tiền thuế đất nhà máy thủy điện Plei Krông",
        "03/1996",
        "12/1996",
        "đất đai; thủy điện",
    ),
    file(
        "H34.10.1997.01.060",
        "Hồ sơ về việc cấp giấy phép khai thác khoáng sản đá xây dựng tại xã Ya Xiêr",
        "1997",
        "1997",
        "khoáng sản",
    ),
    // A legacy record typed without diacritics.
    file(
        "H34.10.1998.01.070",
        "Ho so thanh lap thi tran Dak Glei va xa Dak Man, huyen Dak Glei",
        "1998",
        "1998",
        "",
    ),
    file(
        "H34.10.1998.01.080",
        "Tập quyết định xây dựng trường học năm 1998 của Ủy ban nhân dân tỉnh Kon Tum",
        "01/1998",
        "12/1998",
        "giáo dục",
    ),
    file(
        "H34.10.1999.01.020",
        "Hồ sơ về tái định cư vùng lòng hồ thủy điện Plei Krông năm 1999",
        "1999",
        "1999",
        "tái định cư",
    ),
    file(
        "H34.10.2001.01.030",
        "Hồ sơ về việc bàn giao trụ sở Ủy ban nhân dân xã Ngọk Wang",
        "2001",
        "2001",
        "",
    ),
    // Its twin typed without diacritics.
    file(
        "H34.10.2001.01.031",
        "Ho so ve viec ban giao tru so Uy ban nhan dan xa Ngok Wang",
        "2001",
        "2001",
        "",
    ),
    file(
        "H34.10.2003.01.040",
        "Hồ sơ về việc hỗ trợ đồng bào dân tộc thiểu số ở vùng đặc biệt khó khăn huyện Kon Plông",
        "2003",
        "2003",
        "chính sách dân tộc",
    ),
    file(
        "H34.10.2005.01.050",
        "Hồ sơ về quy hoạch sử dụng đất huyện Sa Thầy đến năm 2010",
        "2005",
        "2005",
        "quy hoạch",
    ),
    // Every word of "quy hoạch sử dụng đất Sa Thầy", scattered.
    file(
        "H34.10.2005.01.051",
        "Hồ sơ về đất rừng huyện Sa Thầy: quy định quản lý, sử dụng và kế hoạch bảo vệ",
        "2005",
        "2005",
        "lâm nghiệp",
    ),
    file(
        "H34.10.2008.01.012",
        "Hồ sơ kế hoạch phát triển giáo dục và đào tạo tỉnh Kon Tum giai đoạn 2008-2010",
        "2008",
        "2010",
        "giáo dục",
    ),
    file(
        "H34.10.2008.01.013",
        "Hồ sơ về thủy điện Plei Krông năm 2008",
        "2008",
        "2008",
        "thủy điện",
    ),
    file(
        "H34.11.2004.01.010",
        "Hồ sơ về việc tổ chức kỳ thi tốt nghiệp trung học phổ thông năm 2004",
        "01/03/2004",
        "30/07/2004",
        "thi cử",
    ),
    file(
        "H34.12.2006.01.003",
        "Hồ sơ về việc thu hồi đất xây dựng Khu công nghiệp Hòa Bình",
        "2006",
        "2006",
        "thu hồi đất; khu công nghiệp",
    ),
    FileRec {
        lang: "01,03",
        ..file(
            "H34.12.2007.02.001",
            "Hồ sơ hợp tác quốc tế về quan trắc môi trường lưu vực sông Sê San",
            "2007",
            "2007",
            "môi trường",
        )
    },
    file(
        "H34.13.2002.01.005",
        "Hồ sơ về việc giải phóng mặt bằng đường Hồ Chí Minh qua huyện Đắk Hà",
        "04/2002",
        "06/2002",
        "giải phóng mặt bằng",
    ),
];

const UBND_KT: &str = "Ủy ban nhân dân tỉnh Kon Tum";
const SGD_KT: &str = "Sở Giáo dục và Đào tạo tỉnh Kon Tum";
const STN_KT: &str = "Sở Tài nguyên và Môi trường tỉnh Kon Tum";
const UBND_DH: &str = "Ủy ban nhân dân huyện Đắk Hà";

/// An item: file, ordinal, typeName, number, notation, issued, issuing body, subject, language.
type ItemRec = (
    &'static str,
    u32,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// The items.
#[rustfmt::skip]
pub const ITEMS: &[ItemRec] = &[
    ("H34.10.1996.01.045", 1, "02", "458", "QĐ-TTg", "12/03/1996", "Thủ tướng Chính phủ",
        "về việc đầu tư xây dựng trường trung học phổ thông chuyên tỉnh Kon Tum", "01"),
    ("H34.10.1996.01.045", 2, "15", "112", "TTr-UBND", "05/02/1996", UBND_KT,
        "đề nghị phê duyệt chủ trương đầu tư xây dựng trường chuyên", "01"),
    ("H34.10.1996.01.045", 3, "20", "14", "BB-SXD", "19/09/1996", "Sở Xây dựng tỉnh Kon Tum",
        "nghiệm thu bàn giao công trình trường trung học phổ thông chuyên Kon Tum", "01"),
    ("H34.10.1996.01.046", 1, "02", "1187", "QĐ-UBND", "20/06/1996", UBND_KT,
        "về việc miễn tiền thuê đất cho Ban Quản lý dự án thủy điện Plei Krông", "01"),
    ("H34.10.1996.01.047", 1, "02", "1188", "QĐ-UBND", "20/06/1996", UBND_KT,
        "về việc miễn tiền thuế đất cho Ban Quản lý dự án thủy điện Plei Krông", "01"),
    ("H34.10.1997.01.060", 1, "02", "640", "QĐ-UB", "14/05/1997", UBND_KT,
        "về việc cấp giấy phép khai thác khoáng sản đá xây dựng tại xã Ya Xiêr, huyện Sa Thầy", "01"),
    ("H34.10.1998.01.080", 1, "02", "77", "QĐ-UB", "15/01/1998", UBND_KT,
        "về việc giao chỉ tiêu xây dựng trường học năm 1998", "01"),
    ("H34.10.1998.01.080", 2, "02", "301", "QĐ-UB", "20/04/1998", UBND_KT,
        "về việc xây dựng trường mầm non Hoa Hồng, thị xã Kon Tum", "01"),
    ("H34.10.1999.01.020", 1, "14", "98", "BC-UB", "15/07/1999", UBND_KT,
        "tình hình tái định cư vùng lòng hồ thủy điện Plei Krông", "01"),
    ("H34.10.2001.01.030", 1, "20", "07", "BB-UBND", "15/08/2001", "Ủy ban nhân dân xã Ngọk Wang",
        "bàn giao trụ sở làm việc Ủy ban nhân dân xã Ngọk Wang", "01"),
    ("H34.10.2003.01.040", 1, "08", "25", "HD-UBND", "10/04/2003", UBND_KT,
        "thực hiện chính sách hỗ trợ đồng bào dân tộc thiểu số ở vùng đặc biệt khó khăn huyện Kon Plông", "01"),
    ("H34.10.2005.01.050", 1, "02", "1205", "QĐ-UBND", "22/12/2005", UBND_KT,
        "phê duyệt quy hoạch sử dụng đất huyện Sa Thầy đến năm 2010", "01"),
    ("H34.10.2005.01.051", 1, "05", "03", "QyĐ-UBND", "10/10/2005", "Ủy ban nhân dân huyện Sa Thầy",
        "quản lý, sử dụng đất rừng và kế hoạch trồng rừng huyện Sa Thầy", "01"),
    ("H34.10.2008.01.012", 1, "10", "3016", "KH-UBND", "12/11/2008", UBND_KT,
        "triển khai thực hiện Đề án phát triển trường trung học phổ thông chuyên giai đoạn 2008-2010", "01"),
    ("H34.10.2008.01.012", 2, "02", "3016", "QĐ-UBND", "12/11/2008", UBND_KT,
        "về việc thành lập Ban chỉ đạo thực hiện kế hoạch phát triển giáo dục", "01"),
    ("H34.10.2008.01.012", 3, "10", "3061", "KH-UBND", "20/11/2008", UBND_KT,
        "tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh năm học 2008-2009", "01"),
    ("H34.10.2008.01.013", 1, "14", "215", "BC-UBND", "10/10/2008", UBND_KT,
        "tình hình tái định cư vùng lòng hồ thủy điện Plei Krông", "01"),
    ("H34.11.2004.01.010", 1, "02", "512", "QĐ-SGDĐT", "02/05/2004", SGD_KT,
        "về việc thành lập Hội đồng coi thi tốt nghiệp trung học phổ thông năm 2004", "01"),
    ("H34.11.2004.01.010", 2, "14", "87", "BC-SGDĐT", "20/07/2004", SGD_KT,
        "kết quả kỳ thi tốt nghiệp trung học phổ thông năm 2004", "01"),
    ("H34.11.2004.01.010", 3, "22", "1022", "BGDĐT-KTKĐ", "10/03/2004", "Bộ Giáo dục và Đào tạo",
        "hướng dẫn tổ chức kỳ thi tốt nghiệp trung học phổ thông năm 2004 tại tỉnh Kon Tum", "01"),
    ("H34.12.2006.01.003", 1, "02", "458", "QĐ-UBND", "15/03/2006", UBND_KT,
        "về việc thu hồi đất giao cho Ban Quản lý các khu công nghiệp tỉnh", "01"),
    ("H34.12.2006.01.003", 2, "14", "45", "BC-STNMT", "30/06/2006", STN_KT,
        "kết quả đo đạc, lập bản đồ địa chính Khu công nghiệp Hòa Bình", "01"),
    ("H34.12.2007.02.001", 1, "24", "01", "BGN-STNMT", "18/09/2007", STN_KT,
        "hợp tác quan trắc chất lượng nước sông Sê San", "03"),
    ("H34.13.2002.01.005", 1, "02", "215", "QĐ-UBND", "03/04/2002", UBND_DH,
        "về việc thành lập Hội đồng bồi thường giải phóng mặt bằng đường Hồ Chí Minh", "01"),
    ("H34.13.2002.01.005", 2, "07", "48", "TB-UBND", "10/05/2002", UBND_DH,
        "kết luận của Chủ tịch về tiến độ giải phóng mặt bằng", "01"),
    ("H34.13.2002.01.005", 3, "22", "311", "UBND-TH", "18/06/2002", UBND_KT,
        "về việc đôn đốc giải phóng mặt bằng đường Hồ Chí Minh đoạn qua huyện Đắk Hà", "01"),
];

/// One CSV line (RFC 4180 quoting where needed).
pub fn csv_line(fields: &[&str]) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| {
            if f.contains([',', '"', '\n']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                (*f).to_string()
            }
        })
        .collect();
    format!("{}\n", quoted.join(","))
}

/// The judged catalogue as `fonds.csv`, `files.csv` and `documents.csv`.
pub fn judged_csv() -> Vec<(&'static str, String)> {
    let mut fonds = String::from(FONDS_HEADER);
    for (code, name, years, history) in FONDS {
        fonds.push_str(&csv_line(&[
            code, "H34", name, years, "01", "01", "01", history,
        ]));
    }
    let mut files = String::from(
        "fondsCode,catalogNo,fileCode,fileNotation,title,maintenance,mode,language,startDate,endDate,keyword,digitalFiles\n",
    );
    for f in FILES {
        let parts: Vec<&str> = f.code.split('.').collect();
        let fonds_code = format!("{}.{}", parts[0], parts[1]);
        let notation = format!("{}.{}", parts[3], parts[4]);
        let digital = if f.digitized {
            format!("{}/0001.jpg", f.code)
        } else {
            String::new()
        };
        files.push_str(&csv_line(&[
            &fonds_code,
            parts[3],
            f.code,
            &notation,
            f.title,
            "01",
            "01",
            f.lang,
            f.start,
            f.end,
            f.keyword,
            &digital,
        ]));
    }
    let mut docs = String::from(
        "fileCode,docOrdinal,docId,typeName,codeNumber,codeNotation,issuedDate,organName,subject,language,mode\n",
    );
    for (file, ord, typ, number, notation, date, organ, subject, lang) in ITEMS {
        docs.push_str(&csv_line(&[
            file,
            &ord.to_string(),
            &format!("{file}.{ord}"),
            typ,
            number,
            notation,
            date,
            organ,
            subject,
            lang,
            "01",
        ]));
    }
    vec![
        ("fonds.csv", fonds),
        ("files.csv", files),
        ("documents.csv", docs),
    ]
}

/// A database holding the background corpus and the judged catalogue, a server over it
/// (conditional units as stubs) and its indexes caught up; returns both.
pub async fn judged_server() -> (TestDb, String) {
    let t = TestDb::new().await;
    let noise = t.write_corpus(NOISE_ITEMS, NOISE_SEED);
    let judged = judged_csv();
    let folder = t.write_folder(&borrow(&judged));
    let report = t.import(&[&noise, &folder]).await;
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    let base = t.serve(Visibility::Stub).await;
    t.sync().await;
    (t, base)
}
