//! Tests: decoding JPEG, PNG, TIFF and PDF masters (with their text layer).
use std::io::Cursor;
use std::path::{Path, PathBuf};

use ::tiff::encoder::{Compression, DeflateLevel, TiffEncoder, colortype};
use image::{DynamicImage, ImageFormat, Rgba, RgbaImage};

use super::*;

fn sample() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/sample-kontum");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("sample data absent: skipped");
        None
    }
}

/// The PDFs of one sample package.
fn sample_pdfs(zip_name: &str) -> Option<Vec<Vec<u8>>> {
    let file = std::fs::File::open(sample()?.join("sip").join(zip_name)).ok()?;
    let mut archive = zip::ZipArchive::new(file).ok()?;
    let mut out = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).ok()?;
        if entry.name().is_ok_and(|n| n.ends_with(".pdf")) {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut bytes).ok()?;
            out.push(bytes);
        }
    }
    Some(out)
}

#[test]
fn sniffs_by_magic_bytes() {
    assert_eq!(
        MediaType::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]),
        Some(MediaType::Jpeg)
    );
    assert_eq!(
        MediaType::sniff(b"\x89PNG\r\n\x1a\n...."),
        Some(MediaType::Png)
    );
    assert_eq!(MediaType::sniff(b"II*\0...."), Some(MediaType::Tiff));
    assert_eq!(MediaType::sniff(b"MM\0*...."), Some(MediaType::Tiff));
    assert_eq!(MediaType::sniff(b"II+\0...."), Some(MediaType::Tiff));
    assert_eq!(MediaType::sniff(b"%PDF-1.7\n"), Some(MediaType::Pdf));
    assert_eq!(MediaType::sniff(b"GIF89a"), None);
    assert_eq!(MediaType::sniff(b""), None);
    assert_eq!(MediaType::parse("application/pdf"), Some(MediaType::Pdf));
}

#[test]
fn png_with_alpha_and_16_bits_becomes_rgb8_on_white() {
    let mut img = RgbaImage::new(4, 2);
    img.put_pixel(0, 0, Rgba([255, 0, 0, 255]));
    img.put_pixel(1, 0, Rgba([0, 0, 0, 0]));
    let img16 = DynamicImage::ImageRgba8(img).to_rgba16();
    let mut png = Vec::new();
    DynamicImage::ImageRgba16(img16)
        .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .unwrap();
    assert_eq!(MediaType::sniff(&png), Some(MediaType::Png));
    assert_eq!(page_count(&png, MediaType::Png).unwrap(), 1);
    let page = decode_page(&png, MediaType::Png, 0).unwrap();
    let DynamicImage::ImageRgb8(rgb) = page.image else {
        panic!("not RGB8");
    };
    assert_eq!(rgb.get_pixel(0, 0).0, [255, 0, 0]);
    assert_eq!(rgb.get_pixel(1, 0).0, [255, 255, 255]);
    assert!(page.text.is_none());
    assert!(decode_page(&png, MediaType::Png, 1).is_err());
}

#[test]
fn gray_jpeg_stays_gray() {
    let gray = image::GrayImage::from_fn(16, 8, |x, _| image::Luma([(x * 16) as u8]));
    let mut jpeg = Vec::new();
    DynamicImage::ImageLuma8(gray)
        .write_to(&mut Cursor::new(&mut jpeg), ImageFormat::Jpeg)
        .unwrap();
    let page = decode_page(&jpeg, MediaType::Jpeg, 0).unwrap();
    assert!(matches!(page.image, DynamicImage::ImageLuma8(_)));
    assert_eq!((page.image.width(), page.image.height()), (16, 8));
}

/// A three-page TIFF: RGB 8-bit LZW, gray 16-bit Deflate, RGBA 8-bit PackBits.
fn multi_page_tiff() -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    let mut enc = TiffEncoder::new(&mut out)
        .unwrap()
        .with_compression(Compression::Lzw);
    let rgb: Vec<u8> = (0..6 * 4).flat_map(|i| [i as u8 * 10, 100, 200]).collect();
    enc.write_image::<colortype::RGB8>(6, 4, &rgb).unwrap();
    let mut enc = enc.with_compression(Compression::Deflate(DeflateLevel::Balanced));
    let gray: Vec<u16> = (0..5 * 3).map(|i| i as u16 * 4000).collect();
    enc.write_image::<colortype::Gray16>(5, 3, &gray).unwrap();
    let mut enc = enc.with_compression(Compression::Packbits);
    let rgba: Vec<u8> = [[0u8, 0, 0, 0], [0, 0, 255, 255]].concat();
    enc.write_image::<colortype::RGBA8>(2, 1, &rgba).unwrap();
    out.into_inner()
}

#[test]
fn tiff_pages_each_decode() {
    let tiff = multi_page_tiff();
    assert_eq!(MediaType::sniff(&tiff), Some(MediaType::Tiff));
    assert_eq!(page_count(&tiff, MediaType::Tiff).unwrap(), 3);

    let p0 = decode_page(&tiff, MediaType::Tiff, 0).unwrap().image;
    let DynamicImage::ImageRgb8(p0) = p0 else {
        panic!("page 1 not RGB8")
    };
    assert_eq!(p0.dimensions(), (6, 4));
    assert_eq!(p0.get_pixel(1, 0).0, [10, 100, 200]);

    let p1 = decode_page(&tiff, MediaType::Tiff, 1).unwrap().image;
    let DynamicImage::ImageLuma8(p1) = p1 else {
        panic!("page 2 not gray")
    };
    assert_eq!(p1.dimensions(), (5, 3));
    // 16-bit 4000 → 8-bit round(4000 / 257) = 16.
    assert_eq!(p1.get_pixel(1, 0).0, [16]);

    let p2 = decode_page(&tiff, MediaType::Tiff, 2).unwrap().image;
    let DynamicImage::ImageRgb8(p2) = p2 else {
        panic!("page 3 not RGB8")
    };
    assert_eq!(
        p2.get_pixel(0, 0).0,
        [255, 255, 255],
        "transparent is white"
    );
    assert_eq!(p2.get_pixel(1, 0).0, [0, 0, 255]);

    let err = decode_page(&tiff, MediaType::Tiff, 3)
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("trang 4"), "{err}");
}

#[test]
fn float_tiff_is_refused_in_vietnamese() {
    let mut out = Cursor::new(Vec::new());
    let mut enc = TiffEncoder::new(&mut out).unwrap();
    enc.write_image::<colortype::Gray32Float>(2, 2, &[0.0, 0.5, 1.0, 0.25])
        .unwrap();
    let err = decode_page(out.get_ref(), MediaType::Tiff, 0)
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("không được hỗ trợ"), "{err}");
}

#[test]
fn damaged_files_say_what_is_wrong() {
    let err = page_count(b"%PDF-1.4 garbage", MediaType::Pdf)
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("PDF") && err.contains("hỏng"), "{err}");
    let err = decode_page(&[0xFF, 0xD8, 0xFF, 0x00], MediaType::Jpeg, 0)
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("JPEG") && err.contains("hỏng"), "{err}");
    let err = decode_page(b"II*\0\0\0\0\0", MediaType::Tiff, 0)
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("TIFF"), "{err}");
}

/// A hand-written vector PDF (no image): a black square and visible Helvetica text.
fn vector_pdf() -> Vec<u8> {
    let content = b"0 0 0 rg 72 600 100 100 re f\nBT /F1 24 Tf 72 500 Td (Hello world) Tj ET\n";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_owned(),
        format!(
            "<< /Length {} >>\nstream\n{}endstream",
            content.len(),
            String::from_utf8_lossy(content)
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        pdf.extend(format!("{o:010} 00000 n \n").bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    pdf
}

#[test]
fn vector_pdf_renders_at_200_dpi_with_its_text() {
    let pdf = vector_pdf();
    assert_eq!(page_count(&pdf, MediaType::Pdf).unwrap(), 1);
    let page = decode_page(&pdf, MediaType::Pdf, 0).unwrap();
    let DynamicImage::ImageRgb8(img) = &page.image else {
        panic!("not RGB8")
    };
    assert_eq!(img.dimensions(), (1700, 2200));
    let s = 200.0 / 72.0;
    // Inside the square (PDF y 600..700 → top-down 92..192 pt), and the white margin.
    assert_eq!(
        img.get_pixel((120.0 * s) as u32, (140.0 * s) as u32).0,
        [0, 0, 0]
    );
    assert_eq!(img.get_pixel(10, 10).0, [255, 255, 255]);
    assert_eq!(page.text.as_deref(), Some("Hello world"));
}

#[test]
fn sample_pdfs_keep_scan_size_and_vietnamese_text() {
    let Some(pdfs) = sample_pdfs("6bd610de-ea24-cb32-687d-2782db8a19c4.zip") else {
        return;
    };
    assert!(!pdfs.is_empty());
    let doc = open_pdf(&pdfs[0]).unwrap();
    assert_eq!(doc.page_count(), 2);
    let page = doc.page(0).unwrap();
    assert_eq!((page.image.width(), page.image.height()), (1654, 2339));
    assert!(matches!(page.image, DynamicImage::ImageRgb8(_)));
    let text = page.text.unwrap();
    for needle in [
        "ỦY BAN NHÂN DÂN TỈNH KON TUM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "QUYẾT ĐỊNH",
        "về việc số hóa tài liệu lưu trữ có tần suất sử dụng cao",
    ] {
        assert!(text.contains(needle), "{needle:?} not in {text}");
    }
    // Header first, lines in reading order.
    assert!(text.find("ỦY BAN").unwrap() < text.find("QUYẾT ĐỊNH").unwrap());
    assert!(doc.page(2).is_err());
}

#[test]
fn sample_lzw_tiff_scan_decodes() {
    let Some(dir) = sample() else { return };
    let bytes = std::fs::read(dir.join("scans/H34.10.2000.01.003.1/001.tif")).unwrap();
    assert_eq!(MediaType::sniff(&bytes), Some(MediaType::Tiff));
    assert_eq!(page_count(&bytes, MediaType::Tiff).unwrap(), 1);
    let page = decode_page(&bytes, MediaType::Tiff, 0).unwrap();
    assert!(matches!(page.image, DynamicImage::ImageRgb8(_)));
    assert!(page.image.width() > 1000 && page.image.height() > 1000);
}

#[test]
fn sample_jpeg_scans_and_the_map_decode_at_their_size() {
    let Some(dir) = sample() else { return };
    for (path, size) in [
        ("scans/H34.10.1983.01.001.1/001.jpg", (1654, 2339)),
        ("scans/map/ban-do-hanh-chinh-1992.jpg", (6000, 4500)),
    ] {
        let bytes = std::fs::read(dir.join(path)).unwrap();
        assert_eq!(MediaType::sniff(&bytes), Some(MediaType::Jpeg), "{path}");
        assert_eq!(page_count(&bytes, MediaType::Jpeg).unwrap(), 1);
        let page = decode_page(&bytes, MediaType::Jpeg, 0).unwrap();
        assert!(matches!(page.image, DynamicImage::ImageRgb8(_)), "{path}");
        assert_eq!((page.image.width(), page.image.height()), size, "{path}");
        assert!(page.text.is_none());
    }
}
