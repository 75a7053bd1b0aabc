//! The judged relevance suite: every query of the list runs against the judged catalogue with
//! the background corpus, and each states which unit must come first or within the first
//! three (and what must not be found at all). Every failure is collected and reported together,
//! with the five codes and titles that came back.

use super::fixture::judged_server;
use super::*;

/// What the first results must hold.
#[derive(Clone, Copy, Debug)]
enum Want {
    /// The first hit is one of these.
    First(&'static [&'static str]),
    /// One of these is among the first three.
    Top3(&'static [&'static str]),
    /// Each of the first `n` hits is one of these.
    FirstAll(usize, &'static [&'static str]),
}

/// One judged query.
struct Judged {
    q: &'static str,
    /// Filters besides `q`.
    filters: &'static [(&'static str, &'static str)],
    want: Want,
    /// Units that must not be found at all.
    absent: &'static [&'static str],
    /// The exact total, where the catalogue fixes it.
    total: Option<u64>,
    /// What the query checks.
    why: &'static str,
}

const fn j(q: &'static str, want: Want, why: &'static str) -> Judged {
    Judged {
        q,
        filters: &[],
        want,
        absent: &[],
        total: None,
        why,
    }
}

use Want::{First, FirstAll, Top3};

const F045: &[&str] = &[
    "H34.10.1996.01.045",
    "H34.10.1996.01.045.1",
    "H34.10.1996.01.045.2",
    "H34.10.1996.01.045.3",
];
const THUE: &[&str] = &["H34.10.1996.01.046", "H34.10.1996.01.046.1"];
const THUE_TAX: &[&str] = &["H34.10.1996.01.047", "H34.10.1996.01.047.1"];
const BAN_GIAO: &[&str] = &["H34.10.2001.01.030", "H34.10.2001.01.030.1"];
const QUY_HOACH: &[&str] = &["H34.10.2005.01.050", "H34.10.2005.01.050.1"];
const SCATTERED: &[&str] = &["H34.10.2005.01.051", "H34.10.2005.01.051.1"];
const TDC: &[&str] = &[
    "H34.10.1999.01.020",
    "H34.10.1999.01.020.1",
    "H34.10.2008.01.013.1",
];
const HO_TRO: &[&str] = &["H34.10.2003.01.040", "H34.10.2003.01.040.1"];
const KHOANG_SAN: &[&str] = &["H34.10.1997.01.060", "H34.10.1997.01.060.1"];
const THI: &[&str] = &[
    "H34.11.2004.01.010",
    "H34.11.2004.01.010.1",
    "H34.11.2004.01.010.2",
    "H34.11.2004.01.010.3",
];
const SGD_RECORDS: &[&str] = &["H34.11", "H34.11.2004.01.010.1", "H34.11.2004.01.010.2"];
const DAK_HA_RECORDS: &[&str] = &["H34.13", "H34.13.2002.01.005.1", "H34.13.2002.01.005.2"];
const GPMB: &[&str] = &[
    "H34.13.2002.01.005",
    "H34.13.2002.01.005.1",
    "H34.13.2002.01.005.2",
    "H34.13.2002.01.005.3",
];
const STN_RECORDS: &[&str] = &["H34.12", "H34.12.2006.01.003.2", "H34.12.2007.02.001.1"];
const PLEI_KRONG: &[&str] = &[
    "H34.10.1996.01.046",
    "H34.10.1996.01.046.1",
    "H34.10.1996.01.047",
    "H34.10.1996.01.047.1",
    "H34.10.1999.01.020",
    "H34.10.1999.01.020.1",
    "H34.10.2008.01.013",
    "H34.10.2008.01.013.1",
];

/// The judged queries.
fn judged() -> Vec<Judged> {
    vec![
        // Diacritics stripped, every tone mark, upper case, old-style tone placement.
        j(
            "quyet dinh xay dung truong",
            Top3(&["H34.10.1998.01.080"]),
            "diacritics stripped: the whole phrase in a title",
        ),
        j(
            "Quyết định xây dựng trường",
            Top3(&["H34.10.1998.01.080"]),
            "the same with diacritics",
        ),
        j(
            "ho tro dong bao dan toc thieu so o vung dac biet kho khan",
            Top3(HO_TRO),
            "all five tone marks and ă â đ ô ơ ư stripped",
        ),
        j(
            "HUONG DAN THUC HIEN CHINH SACH HO TRO DONG BAO",
            Top3(&["H34.10.2003.01.040.1"]),
            "upper case without diacritics",
        ),
        j(
            "hỗ trợ đồng bào dân tộc thiểu số vùng đặc biệt khó khăn Kon Plông",
            First(HO_TRO),
            "every tone mark typed",
        ),
        j(
            "thuỷ điện Plei Krông tái định cư",
            First(TDC),
            "old-style tone placement (thuỷ = thủy)",
        ),
        j(
            "tai dinh cu long ho thuy dien plei krong",
            First(TDC),
            "folded words against marked text",
        ),
        // đ and d.
        j(
            "thành lập thị trấn Đắk Glei",
            Top3(&["H34.10.1998.01.070"]),
            "marked query against a legacy record typed without diacritics",
        ),
        j(
            "dak glei dak man",
            First(&["H34.10.1998.01.070"]),
            "d for đ",
        ),
        j(
            "quyet dinh dak ha hoi dong boi thuong",
            First(&["H34.13.2002.01.005.1"]),
            "d for đ in a place name",
        ),
        j("Đắk Hà giải phóng mặt bằng", Top3(GPMB), "đ typed"),
        // Exact diacritics before a folded near-twin.
        j(
            "tiền thuê đất Plei Krông",
            First(THUE),
            "thuê (rent) before its twin thuế (tax)",
        ),
        j(
            "tiền thuế đất Plei Krông",
            First(THUE_TAX),
            "thuế (tax) before its twin thuê (rent)",
        ),
        j(
            "miễn tiền thuế đất",
            Top3(&["H34.10.1996.01.047.1"]),
            "the tax twin among the first three against the corpus",
        ),
        j(
            "bàn giao trụ sở xã Ngọk Wang",
            First(BAN_GIAO),
            "marked record before its twin typed without diacritics",
        ),
        // A phrase before its words scattered.
        j(
            "quy hoạch sử dụng đất Sa Thầy",
            First(QUY_HOACH),
            "the phrase before every word scattered",
        ),
        j(
            "quy hoach su dung dat sa thay",
            First(QUY_HOACH),
            "the phrase before scattered words, without diacritics",
        ),
        Judged {
            absent: SCATTERED,
            ..j(
                "\"quy hoạch sử dụng đất\" Sa Thầy",
                First(QUY_HOACH),
                "a quoted phrase excludes scattered words",
            )
        },
        Judged {
            absent: &[
                "H34.10.1996.01.046.1",
                "H34.10.1996.01.047.1",
                "H34.10.2008.01.013",
            ],
            ..j(
                "\"tái định cư\" Plei Krông",
                First(TDC),
                "a quoted phrase with a word outside it",
            )
        },
        // One typo in a word of five letters or more (transposition included).
        j(
            "xay dung truogn chuyen Kon Tum",
            Top3(F045),
            "transposed letters: truogn",
        ),
        j(
            "quyeet dinh mien tien thue dat Plei Krong",
            Top3(&["H34.10.1996.01.046.1"]),
            "a doubled letter: quyeet",
        ),
        j(
            "giay phep khai thac khoagn san Ya Xier",
            First(KHOANG_SAN),
            "transposed letters: khoagn",
        ),
        j(
            "bao cao tai dinh cu Plei Kronng",
            Top3(&["H34.10.2008.01.013.1"]),
            "a doubled letter: Kronng",
        ),
        j(
            "thanhf lap Hoi dong coi thi tot nghiep",
            First(&["H34.11.2004.01.010.1"]),
            "an extra letter: thanhf",
        ),
        j(
            "ky thi tot nghiep trung hoc pho thnog",
            Top3(THI),
            "transposed letters: thnog",
        ),
        j(
            "nghiemm thu ban giao cong trinh truong chuyen",
            First(&["H34.10.1996.01.045.3"]),
            "a doubled letter: nghiemm",
        ),
        // Reference codes.
        j(
            "H34.10.1996.01.045",
            First(&["H34.10.1996.01.045"]),
            "a file's code",
        ),
        j(
            "h34.10.1996.01.045",
            First(&["H34.10.1996.01.045"]),
            "a file's code in lower case",
        ),
        j(
            "H34.10.1996.01.045.3",
            First(&["H34.10.1996.01.045.3"]),
            "an item's code",
        ),
        j(
            "H34.12.2007.02.001",
            First(&["H34.12.2007.02.001"]),
            "a file of a second catalogue",
        ),
        j(
            "H34.13.2002.01.005 giải phóng mặt bằng",
            First(&["H34.13.2002.01.005"]),
            "a code with words",
        ),
        // Numbers and symbols.
        j(
            "3016/KH-UBND",
            First(&["H34.10.2008.01.012.1"]),
            "number/symbol of a plan; 3016/QĐ-UBND and 3061/KH-UBND compete",
        ),
        j(
            "3016/kh-ubnd",
            First(&["H34.10.2008.01.012.1"]),
            "number/symbol in lower case",
        ),
        j(
            "3016/QĐ-UBND",
            First(&["H34.10.2008.01.012.2"]),
            "same number, another symbol",
        ),
        j(
            "3061/KH-UBND",
            First(&["H34.10.2008.01.012.3"]),
            "same symbol, digits swapped",
        ),
        j(
            "kế hoạch 3016/KH-UBND",
            First(&["H34.10.2008.01.012.1"]),
            "number/symbol with the type",
        ),
        j(
            "458/QĐ-TTg",
            First(&["H34.10.1996.01.045.1"]),
            "a Prime Minister's decision; 458/QĐ-UBND competes",
        ),
        j(
            "458/QD-TTg",
            First(&["H34.10.1996.01.045.1"]),
            "the symbol typed with d for đ",
        ),
        j(
            "Quyết định số 458/QĐ-TTg",
            First(&["H34.10.1996.01.045.1"]),
            "the citation as written",
        ),
        j(
            "458/QĐ-UBND",
            First(&["H34.12.2006.01.003.1"]),
            "same number, the province's symbol",
        ),
        // Issuing bodies.
        j(
            "Sở Giáo dục và Đào tạo tỉnh Kon Tum",
            FirstAll(2, SGD_RECORDS),
            "the body's records first; the Ministry's letter on the same exam competes",
        ),
        j(
            "Ủy ban nhân dân huyện Đắk Hà",
            FirstAll(2, DAK_HA_RECORDS),
            "the district's records first; a provincial letter naming the district competes",
        ),
        j(
            "uy ban nhan dan huyen dak ha",
            FirstAll(2, DAK_HA_RECORDS),
            "the same without diacritics",
        ),
        j(
            "Thủ tướng Chính phủ",
            First(&["H34.10.1996.01.045.1"]),
            "the only record the Prime Minister issued",
        ),
        j(
            "Sở Tài nguyên và Môi trường tỉnh Kon Tum",
            FirstAll(2, STN_RECORDS),
            "the department's records first",
        ),
        // Dates.
        Judged {
            filters: &[("from", "2008"), ("to", "2008")],
            absent: &[
                "H34.10.1999.01.020",
                "H34.10.1999.01.020.1",
                "H34.10.1996.01.046",
                "H34.10.1996.01.047",
            ],
            ..j(
                "thủy điện Plei Krông",
                First(&["H34.10.2008.01.013", "H34.10.2008.01.013.1"]),
                "a year filter keeps the 2008 record, not its 1996 and 1999 twins",
            )
        },
        Judged {
            filters: &[("to", "2000")],
            absent: &["H34.10.2008.01.013.1"],
            ..j(
                "tái định cư thủy điện Plei Krông",
                First(&["H34.10.1999.01.020", "H34.10.1999.01.020.1"]),
                "to-only keeps the 1999 record",
            )
        },
        Judged {
            filters: &[("from", "2004-05-01"), ("to", "2004-05-31")],
            absent: &["H34.11.2004.01.010.2", "H34.11.2004.01.010.3"],
            ..j(
                "thi tốt nghiệp",
                Top3(&["H34.11.2004.01.010.1"]),
                "a month: the decision of 02/05/2004, not the report of July or the letter of March",
            )
        },
        Judged {
            filters: &[("from", "1996-03-01"), ("to", "1996-12-31")],
            ..j(
                "Plei Krông thuê đất",
                First(THUE),
                "a date range with the exact-diacritics twin",
            )
        },
        // Facets.
        Judged {
            filters: &[("type", "10")],
            ..j(
                "trường trung học phổ thông chuyên",
                First(&["H34.10.2008.01.012.1"]),
                "type=10 (Kế hoạch)",
            )
        },
        Judged {
            filters: &[("level", "file")],
            ..j(
                "xây dựng trường chuyên Kon Tum",
                First(&["H34.10.1996.01.045"]),
                "level=file",
            )
        },
        Judged {
            filters: &[("fonds", "H34.11")],
            ..j(
                "quyết định",
                First(&["H34.11.2004.01.010.1"]),
                "fonds=H34.11",
            )
        },
        Judged {
            filters: &[("lang", "03")],
            total: Some(2),
            ..j(
                "hợp tác quan trắc",
                FirstAll(2, &["H34.12.2007.02.001", "H34.12.2007.02.001.1"]),
                "lang=03 (Tiếng Pháp): the French memorandum and its bilingual file only",
            )
        },
        Judged {
            filters: &[("digitized", "yes")],
            ..j(
                "trường chuyên Kon Tum",
                First(&["H34.10.1996.01.045"]),
                "digitized=yes",
            )
        },
        // Within a fonds or a file.
        Judged {
            filters: &[("within", "H34.13")],
            ..j(
                "quyết định",
                First(&["H34.13.2002.01.005.1"]),
                "within=H34.13",
            )
        },
        Judged {
            filters: &[("within", "H34.13")],
            total: Some(4),
            ..j(
                "giải phóng mặt bằng",
                First(GPMB),
                "within a fonds: exactly its file and three items",
            )
        },
        Judged {
            filters: &[("within", "H34.10.1996.01.045")],
            absent: &["H34.10.1996.01.045"],
            total: Some(3),
            ..j("trường", First(&F045[1..]), "within a file: its items only")
        },
        Judged {
            filters: &[("within", "H34.10")],
            ..j(
                "Plei Krông",
                FirstAll(3, PLEI_KRONG),
                "within the province's fonds the generated corpus cannot compete",
            )
        },
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn judged_queries_rank_the_expected_units_first() {
    let (_t, base) = judged_server().await;
    let list = judged();
    assert!(list.len() >= 40, "{} judged queries", list.len());
    let mut failures = Vec::new();
    for case in &list {
        let mut params: Vec<(&str, &str)> = vec![("q", case.q), ("per_page", "100")];
        params.extend_from_slice(case.filters);
        let page = search(&base, &params).await;
        let got = codes(&page);
        let mut problems = Vec::new();
        match case.want {
            First(set) => {
                if !got.first().is_some_and(|c| set.contains(&c.as_str())) {
                    problems.push(format!("first should be one of {set:?}"));
                }
            }
            Top3(set) => {
                if !got.iter().take(3).any(|c| set.contains(&c.as_str())) {
                    problems.push(format!("one of {set:?} should be in the first three"));
                }
            }
            FirstAll(n, set) => {
                if got.len() < n || !got.iter().take(n).all(|c| set.contains(&c.as_str())) {
                    problems.push(format!("the first {n} should all be in {set:?}"));
                }
            }
        }
        for a in case.absent {
            if got.iter().any(|c| c == a) {
                problems.push(format!("{a} should not be found"));
            }
        }
        if let Some(n) = case.total
            && total(&page) != n
        {
            problems.push(format!("total should be {n}, is {}", total(&page)));
        }
        if !problems.is_empty() {
            let top: Vec<String> = hits(&page)
                .iter()
                .take(5)
                .enumerate()
                .map(|(i, h)| {
                    format!(
                        "      {}. {} — {}",
                        i + 1,
                        h["code"].as_str().unwrap_or("?"),
                        h["title"].as_str().unwrap_or("(no title)")
                    )
                })
                .collect();
            failures.push(format!(
                "  q={:?} {:?} ({}): {}; total {}, top 5:\n{}",
                case.q,
                case.filters,
                case.why,
                problems.join("; "),
                total(&page),
                top.join("\n")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} judged queries failed:\n{}",
        failures.len(),
        list.len(),
        failures.join("\n")
    );
}
