//! Writes the two-layer PDF of the pyramid benchmark (`scripts/bench`, row `iiif-pyramid-pdf`).
//!
//! ```text
//! cargo run --release -p portal --example bench_pdf -- <out.pdf> [pages]
//! ```
//! The PDF has `pages` pages (default 100), each a scanned-looking A4 page at 150 dpi
//! ([`portal::corpus::scans::PAGE_SIZE`]) stored as a JPEG, with its lines as an invisible text
//! layer: what a digitised record delivered as PDF/A looks like. The bytes are reproducible.

use portal::corpus::scans;

/// Pages when none is given.
const DEFAULT_PAGES: usize = 100;

/// The text lines of page `n` (0-based): a few sentences of an administrative record.
fn lines(n: usize) -> Vec<String> {
    vec![
        format!(
            "Trang {} — Quyết định về việc giao đất xây dựng trường học",
            n + 1
        ),
        "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân;".to_owned(),
        "Xét đề nghị của Giám đốc Sở Địa chính tỉnh Kon Tum,".to_owned(),
        format!(
            "Điều {}. Giao cho Ủy ban nhân dân huyện thực hiện quyết định này.",
            n % 9 + 1
        ),
        "Quyết định có hiệu lực kể từ ngày ký.".to_owned(),
    ]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (out, pages) = match &args[..] {
        [out] => (out, DEFAULT_PAGES),
        [out, n] => match n.parse::<usize>() {
            Ok(n) if n > 0 => (out, n),
            _ => {
                eprintln!("Số trang không hợp lệ: {n} (pages must be a positive integer)");
                std::process::exit(2);
            }
        },
        _ => {
            eprintln!("usage: bench_pdf <out.pdf> [pages]");
            std::process::exit(2);
        }
    };
    let content: Vec<Vec<String>> = (0..pages).map(lines).collect();
    let pdf = match scans::two_layer_pdf(1, "Hồ sơ thử tốc độ tạo kim tự tháp ảnh", &content)
    {
        Ok(pdf) => pdf,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    if let Err(e) = std::fs::write(out, &pdf) {
        eprintln!("Không ghi được {out}: {e} (cannot write the PDF)");
        std::process::exit(1);
    }
    let (w, h) = scans::PAGE_SIZE;
    println!(
        "{out}: {pages} pages of {w}x{h} px at {} dpi, {} bytes",
        scans::PAGE_DPI,
        pdf.len()
    );
}
