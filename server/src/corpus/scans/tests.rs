//! Tests: generated scans, map and two-layer PDF.
use super::*;
use crate::iiif::decode::open_pdf;

fn lines() -> Vec<String> {
    [
        "Điều 1. Phê duyệt nội dung theo đề nghị của cơ quan chủ trì.",
        "Điều 2. Giao các sở, ban, ngành tổ chức thực hiện.",
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
    ]
    .map(str::to_owned)
    .to_vec()
}

#[test]
fn scan_page_is_deterministic_and_not_blank() {
    let a = scan_page(7, "Quyết định", &lines(), 620, 877);
    let b = scan_page(7, "Quyết định", &lines(), 620, 877);
    let c = scan_page(8, "Quyết định", &lines(), 620, 877);
    assert_eq!(a.dimensions(), (620, 877));
    assert_eq!(a.as_raw(), b.as_raw());
    assert_ne!(a.as_raw(), c.as_raw());
    let dark = a.pixels().filter(|p| p.0.iter().all(|&v| v < 110)).count();
    let red = a
        .pixels()
        .filter(|p| p.0[0] > 150 && p.0[1] < 120 && p.0[2] < 120)
        .count();
    let paper = a.pixels().filter(|p| p.0[0] > 200 && p.0[2] > 180).count();
    assert!(dark > 2_000, "only {dark} ink pixels");
    assert!(red > 500, "only {red} stamp pixels");
    assert!(paper > a.pixels().len() / 2, "paper is not off-white");
}

#[test]
fn map_is_deterministic_with_water_land_and_roads() {
    let a = map_image(3, 900, 600);
    assert_eq!(a.as_raw(), map_image(3, 900, 600).as_raw());
    assert_ne!(a.as_raw(), map_image(4, 900, 600).as_raw());
    let water = a
        .pixels()
        .filter(|p| u16::from(p.0[2]) > u16::from(p.0[0]) + 30)
        .count();
    let land = a
        .pixels()
        .filter(|p| u16::from(p.0[1]) > u16::from(p.0[2]) + 20)
        .count();
    let road = a
        .pixels()
        .filter(|p| p.0[0] > 170 && p.0[1] < 90 && p.0[2] < 90)
        .count();
    assert!(
        water > 1_000 && land > 1_000 && road > 100,
        "water {water}, land {land}, road {road}"
    );
}

#[test]
fn two_layer_pdf_decodes_back_with_its_text() {
    if load_font().is_err() {
        eprintln!("{FONT} absent: skipped");
        return;
    }
    let pages = vec![lines(), vec!["Nơi nhận: Như Điều 3; Lưu VT.".to_owned()]];
    let pdf = two_layer_pdf(11, "Quyết định về lưu trữ", &pages).unwrap();
    assert_eq!(
        pdf,
        two_layer_pdf(11, "Quyết định về lưu trữ", &pages).unwrap()
    );
    let doc = open_pdf(&pdf).unwrap();
    assert_eq!(doc.page_count(), 2);
    let first = doc.page(0).unwrap();
    assert_eq!((first.image.width(), first.image.height()), PAGE_SIZE);
    let text = first.text.unwrap();
    assert!(text.starts_with("QUYẾT ĐỊNH VỀ LƯU TRỮ\n"), "{text}");
    assert!(
        text.contains("Điều 2. Giao các sở, ban, ngành tổ chức thực hiện."),
        "{text}"
    );
    let second = doc.page(1).unwrap().text.unwrap();
    assert!(second.contains("Nơi nhận: Như Điều 3; Lưu VT."), "{second}");
}

#[test]
fn load_font_names_the_debian_package() {
    match load_font() {
        Ok(bytes) => assert!(bytes.len() > 100_000),
        Err(e) => assert!(e.contains("fonts-dejavu-core"), "{e}"),
    }
}
