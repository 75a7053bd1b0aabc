//! A small digitised catalogue: fonds H77.1 with
//! - file 001 (public): item 1 with a PNG and a JPEG page, item 2 with a two-page PDF whose text
//!   layer holds a phrase found nowhere else, item 3 conditional (02) with a one-page PDF whose
//!   text holds the canary;
//! - file 002 (conditional): item 1 with a JPEG page.

use crate::support::TestDb;
use portal::iiif::pdf::{PdfPage, write_pdf};
use std::path::PathBuf;

pub const FONT: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
pub const PUBLIC_FILE: &str = "H77.1.1996.01.001";
pub const CONDITIONAL_FILE: &str = "H77.1.1996.01.002";
/// A phrase only on page 2 of item 2's PDF.
pub const PAGE_PHRASE: &str = "hợp tác xã nông nghiệp Đắk Tô";
/// A word only in the text layer of the conditional item's page.
pub const CANARY: &str = "zqxcanaryocr";

/// A test image: a gradient with a dark square at the top left (so orientation shows).
pub fn picture(w: u32, h: u32) -> image::RgbImage {
    image::RgbImage::from_fn(w, h, |x, y| {
        if x < w / 4 && y < h / 4 {
            image::Rgb([20, 20, 20])
        } else {
            image::Rgb([(200 + x * 55 / w) as u8, (190 + y * 60 / h) as u8, 170])
        }
    })
}

pub fn jpeg(img: &image::RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(img)
        .expect("encode jpeg");
    out
}

fn png(img: &image::RgbImage) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("encode png");
    out.into_inner()
}

/// A PDF whose pages are `texts.len()` pictures with those texts as the text layer.
pub fn pdf(texts: &[&str]) -> Vec<u8> {
    let font = std::fs::read(FONT).expect("DejaVu font (Debian fonts-dejavu-core)");
    let pages: Vec<PdfPage> = texts
        .iter()
        .map(|t| PdfPage {
            jpeg: jpeg(&picture(620, 877)),
            width: 620,
            height: 877,
            text: Some((*t).to_string()),
        })
        .collect();
    write_pdf(&pages, "Tài liệu thử", 75.0, Some(&font)).expect("write pdf")
}

/// Writes the catalogue and its files; returns the folder to import.
pub fn write(t: &TestDb) -> PathBuf {
    let docs = format!(
        "fileCode,docOrdinal,docId,typeName,codeNumber,codeNotation,issuedDate,organName,subject,language,mode,keyword,digitalFiles\n\
         {PUBLIC_FILE},1,{PUBLIC_FILE}.1,02,11,QĐ-UBND,05/02/1996,Ủy ban nhân dân tỉnh,về việc lập trường học,01,01,giáo dục,scans/a.png;scans/b.jpg\n\
         {PUBLIC_FILE},2,{PUBLIC_FILE}.2,02,12,QĐ-UBND,06/02/1996,Ủy ban nhân dân tỉnh,về việc giao đất,01,01,đất đai,scans/c.pdf\n\
         {PUBLIC_FILE},3,{PUBLIC_FILE}.3,02,13,QĐ-UBND,07/02/1996,Ủy ban nhân dân tỉnh,về việc nhân sự mật danh kín,01,02,nhân sự,scans/d.pdf\n\
         {CONDITIONAL_FILE},1,{CONDITIONAL_FILE}.1,02,14,QĐ-UBND,08/02/1996,Ủy ban nhân dân tỉnh,về việc biên giới,01,01,biên giới,scans/e.jpg\n"
    );
    let files = format!(
        "{}{}{}",
        crate::support::FILES_HEADER,
        crate::support::file_row("H77.1", 1, "Hồ sơ số hóa công khai", "01"),
        crate::support::file_row("H77.1", 2, "Hồ sơ số hóa có điều kiện", "02"),
    );
    let fonds = format!(
        "{}{}",
        crate::support::FONDS_HEADER,
        crate::support::fonds_row("H77.1", "Phông thử số hóa", "01")
    );
    let folder = t.write_folder(&[
        ("fonds.csv", &fonds),
        ("files.csv", &files),
        ("documents.csv", &docs),
    ]);
    let scans = folder.join("scans");
    std::fs::create_dir_all(&scans).expect("mkdir");
    std::fs::write(scans.join("a.png"), png(&picture(1001, 757))).expect("write");
    std::fs::write(scans.join("b.jpg"), jpeg(&picture(640, 480))).expect("write");
    std::fs::write(
        scans.join("c.pdf"),
        pdf(&[
            "Trang một: về việc giao đất cho trường",
            &format!("Trang hai: thành lập {PAGE_PHRASE}"),
        ]),
    )
    .expect("write");
    std::fs::write(
        scans.join("d.pdf"),
        pdf(&[&format!("Mật danh {CANARY} kín")]),
    )
    .expect("write");
    std::fs::write(scans.join("e.jpg"), jpeg(&picture(500, 700))).expect("write");
    folder
}

/// Imports the fixture and makes its pages; returns the image ids of each unit's pages.
pub async fn load(t: &TestDb) {
    let folder = write(t);
    let report = t.import(&[&folder]).await;
    assert_eq!(report.pages.added, 5, "{:?}", report.warnings);
    assert_eq!(report.pages.failed, 0);
    assert_eq!(report.pages.queued, 4);
    let failed = portal::iiif::ingest::work_until_idle(&t.db, &t.store(), 2, &|_, _| {})
        .await
        .expect("ingest");
    assert!(failed.is_empty(), "{failed:?}");
}

/// The image ids of a unit's pages, in order.
pub async fn images_of(t: &TestDb, code: &str) -> Vec<String> {
    sqlx::query_scalar(
        "select p.image_id from pages p join units u on u.unit_id = p.unit_id where u.code = $1 order by p.seq",
    )
    .bind(code)
    .fetch_all(&t.db.pool)
    .await
    .expect("pages")
}
