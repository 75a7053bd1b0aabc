//! The demo's digitised records: generated scan-like pages for a few dozen items, one
//! multi-page two-layer PDF (page images with a searchable text layer), one large map for deep
//! zoom, and one conditional item with pages (to show what the public does not get). They are
//! written as files beside a `documents.csv` that lists them in `digitalFiles` — the same input
//! an archivist would import — and imported after the catalogue.

use crate::corpus::scans;
use std::path::Path;

/// Items given scanned pages.
const SCANNED_ITEMS: usize = 36;

/// Page size of generated scans (A4 at 150 dpi).
const PAGE: (u32, u32) = (1240, 1754);

/// Writes `out/documents.csv` and the files it lists, choosing items from the generated
/// catalogue in `catalogue`. Returns how many items got pages.
pub fn write(catalogue: &Path, out: &Path) -> anyhow::Result<usize> {
    std::fs::create_dir_all(out.join("scans"))?;
    let files_mode = file_modes(&catalogue.join("files.csv"))?;
    let mut reader = csv::Reader::from_path(catalogue.join("documents.csv"))?;
    let headers = reader.headers()?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (Some(file_col), Some(id_col), Some(mode_col), Some(subject_col)) =
        (col("fileCode"), col("docId"), col("mode"), col("subject"))
    else {
        anyhow::bail!("documents.csv of the demo lacks fileCode/docId/mode/subject");
    };
    let mut writer = csv::Writer::from_path(out.join("documents.csv"))?;
    let mut header: Vec<&str> = headers.iter().collect();
    header.push("digitalFiles");
    writer.write_record(&header)?;

    let (mut public, mut conditional, mut files_seen) = (0usize, 0usize, Vec::new());
    for (n, record) in reader.records().enumerate() {
        let record = record?;
        let file = &record[file_col];
        let public_row = &record[mode_col] == "01"
            && files_mode.get(file).map(String::as_str) == Some("01")
            && public < SCANNED_ITEMS
            && !files_seen.iter().any(|f| f == file);
        let conditional_row = &record[mode_col] == "02" && conditional == 0;
        if !(public_row || conditional_row) {
            continue;
        }
        let code = record[id_col].to_string();
        let title = record[subject_col].to_string();
        let names = if conditional_row {
            conditional += 1;
            scan_pages(out, &code, &title, 2)?
        } else {
            public += 1;
            files_seen.push(file.to_string());
            match public {
                1 => vec![pdf(out, &code, &title)?],
                2 => vec![map(out, &code)?],
                _ => scan_pages(out, &code, &title, 1 + (n % 3))?,
            }
        };
        let mut row: Vec<String> = record.iter().map(str::to_string).collect();
        row.push(names.join(";"));
        writer.write_record(&row)?;
        if public >= SCANNED_ITEMS && conditional > 0 {
            break;
        }
    }
    writer.flush()?;
    Ok(public + conditional)
}

fn file_modes(path: &Path) -> anyhow::Result<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(path)?;
    let headers = reader.headers()?.clone();
    let code = headers.iter().position(|h| h == "fileCode");
    let mode = headers.iter().position(|h| h == "mode");
    let (Some(code), Some(mode)) = (code, mode) else {
        anyhow::bail!("files.csv of the demo lacks fileCode/mode");
    };
    let mut out = std::collections::HashMap::new();
    for r in reader.records() {
        let r = r?;
        out.insert(r[code].to_string(), r[mode].to_string());
    }
    Ok(out)
}

fn seed_of(code: &str) -> u64 {
    code.bytes().fold(1469598103934665603u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(1099511628211)
    })
}

/// The body lines of a generated page.
fn lines_of(title: &str, page: usize) -> Vec<String> {
    vec![
        format!("Trang {page}"),
        format!("V/v {title}"),
        "Căn cứ Luật Tổ chức chính quyền địa phương;".to_string(),
        "Căn cứ Luật Lưu trữ ngày 21 tháng 6 năm 2024;".to_string(),
        "Xét đề nghị của Giám đốc Sở Nội vụ,".to_string(),
        "QUYẾT ĐỊNH:".to_string(),
        "Điều 1. Phê duyệt kế hoạch số hóa tài liệu lưu trữ có tần suất sử dụng cao.".to_string(),
        "Điều 2. Giao Trung tâm Lưu trữ lịch sử tổ chức thực hiện.".to_string(),
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.".to_string(),
    ]
}

fn encode_jpeg(image: &image::RgbImage) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85).encode_image(image)?;
    Ok(out)
}

fn scan_pages(out: &Path, code: &str, title: &str, pages: usize) -> anyhow::Result<Vec<String>> {
    let mut names = Vec::new();
    for p in 1..=pages {
        let image = scans::scan_page(
            seed_of(code) + p as u64,
            title,
            &lines_of(title, p),
            PAGE.0,
            PAGE.1,
        );
        let name = format!("scans/{code}-{p:03}.jpg");
        std::fs::write(out.join(&name), encode_jpeg(&image)?)?;
        names.push(name);
    }
    Ok(names)
}

/// A phrase only on page 3 of the demo's two-layer PDF: searching for it opens that page.
pub const PAGE_THREE_PHRASE: &str = "biên bản nghiệm thu kè sông Pô Kô";

fn pdf(out: &Path, code: &str, title: &str) -> anyhow::Result<String> {
    let mut pages: Vec<Vec<String>> = (1..=4).map(|p| lines_of(title, p)).collect();
    pages[2].push(format!(
        "Phụ lục III: {PAGE_THREE_PHRASE} đoạn qua thị trấn."
    ));
    let bytes = scans::two_layer_pdf(seed_of(code), title, &pages).map_err(anyhow::Error::msg)?;
    let name = format!("scans/{code}.pdf");
    std::fs::write(out.join(&name), bytes)?;
    Ok(name)
}

fn map(out: &Path, code: &str) -> anyhow::Result<String> {
    let image = scans::map_image(seed_of(code), 6000, 4500);
    let name = format!("scans/{code}-ban-do.jpg");
    std::fs::write(out.join(&name), encode_jpeg(&image)?)?;
    Ok(name)
}
