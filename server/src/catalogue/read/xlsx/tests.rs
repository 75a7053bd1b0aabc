//! XLSX reading from a spreadsheet written here: header search, typed numbers and dates.

use super::*;
use crate::catalogue::model::{Level, Table};
use crate::catalogue::read::{Format, open};
use calamine::{ExcelDateTime, ExcelDateTimeType};
use std::io::Write;
use zip::write::SimpleFileOptions;

const NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn inline(r: &str, text: &str) -> String {
    format!(r#"<c r="{r}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

fn num(r: &str, v: &str, style: u8) -> String {
    format!(r#"<c r="{r}" s="{style}"><v>{v}</v></c>"#)
}

/// Writes a minimal workbook: the given first sheet, and a second sheet that must be ignored.
fn write_xlsx(path: &Path, rows: &[Vec<String>]) {
    let mut sheet = format!(r#"<worksheet xmlns="{NS}"><sheetData>"#);
    for (i, cells) in rows.iter().enumerate() {
        if cells.is_empty() {
            continue;
        }
        sheet.push_str(&format!(r#"<row r="{}">{}</row>"#, i + 1, cells.concat()));
    }
    sheet.push_str("</sheetData></worksheet>");
    let other = format!(
        r#"<worksheet xmlns="{NS}"><sheetData><row r="1">{}</row></sheetData></worksheet>"#,
        inline("A1", "fondsCode")
    );
    let parts: Vec<(&str, String)> = vec![
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#.to_string(),
        ),
        (
            "_rels/.rels",
            format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
        ),
        (
            "xl/workbook.xml",
            format!(r#"<workbook xmlns="{NS}" xmlns:r="{REL}"><sheets><sheet name="Mục lục hồ sơ" sheetId="1" r:id="rId1"/><sheet name="Khác" sheetId="2" r:id="rId2"/></sheets></workbook>"#),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#),
        ),
        (
            "xl/styles.xml",
            format!(r#"<styleSheet xmlns="{NS}"><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="46" applyNumberFormat="1"/></cellXfs></styleSheet>"#),
        ),
        (
            "xl/sharedStrings.xml",
            format!(r#"<sst xmlns="{NS}" count="1" uniqueCount="1"><si><t>Hồ sơ về đất đai năm 1996</t></si></sst>"#),
        ),
        ("xl/worksheets/sheet1.xml", sheet),
        ("xl/worksheets/sheet2.xml", other),
    ];
    let file = std::fs::File::create(path).unwrap_or_else(|e| panic!("{e}"));
    let mut zip = zip::ZipWriter::new(file);
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, body) in parts {
        zip.start_file(name, opts).unwrap_or_else(|e| panic!("{e}"));
        zip.write_all(body.as_bytes())
            .unwrap_or_else(|e| panic!("{e}"));
    }
    zip.finish().unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn numbers_and_dates_come_out_as_typed() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("hs.xlsx");
    let headers = [
        "Mã phông",
        "Mục lục số",
        "Mã hồ sơ",
        "Tiêu đề hồ sơ",
        "Thời hạn lưu trữ",
        "Chế độ sử dụng",
        "Thời gian bắt đầu",
        "Tổng số tài liệu trong hồ sơ",
        "Người lập",
    ];
    let cols = ["A", "B", "C", "D", "E", "F", "G", "H", "I"];
    let header_row: Vec<String> = headers
        .iter()
        .zip(cols)
        .map(|(h, c)| inline(&format!("{c}2"), h))
        .collect();
    let row3 = vec![
        inline("A3", "H34.10"),
        num("B3", "1", 0),
        inline("C3", "H34.10.1996.01.001"),
        r#"<c r="D3" t="s"><v>0</v></c>"#.to_string(),
        num("E3", "1", 0),
        inline("F3", "Công khai"),
        num("G3", "35080", 1),
        num("H3", "3.0", 0),
        inline("I3", "Lan"),
    ];
    let row5 = vec![
        inline("A5", "H34.10"),
        inline("C5", "H34.10.1996.01.002"),
        num("H5", "2.5", 0),
    ];
    write_xlsx(
        &path,
        &[
            vec![inline("A1", "MỤC LỤC HỒ SƠ")],
            header_row,
            row3,
            vec![],
            row5,
        ],
    );

    let input = open(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(input.failed.is_empty(), "{:?}", input.failed);
    let src = &input.sources[0];
    assert_eq!(
        (src.format, src.table, src.rows),
        (Format::Xlsx, Some(Table::Files), 2)
    );
    assert_eq!(src.warnings.len(), 1, "the unknown column");
    assert_eq!(
        src.warnings[0].line,
        Some(2),
        "the header is on sheet row 2"
    );
    let rows: Vec<_> = src
        .rows()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[0].line, rows[0].level), (3, Level::File));
    assert_eq!(rows[0].get("catalogNo"), Some("1"));
    assert_eq!(rows[0].get("title"), Some("Hồ sơ về đất đai năm 1996"));
    assert_eq!(
        rows[0].get("maintenance"),
        Some("1"),
        "words.rs turns 1 into 01"
    );
    assert_eq!(rows[0].get("startDate"), Some("16/01/1996"));
    assert_eq!(rows[0].get("totalDoc"), Some("3"));
    assert_eq!(rows[1].line, 5);
    assert_eq!(rows[1].get("title"), Some(""), "a missing cell is empty");
    assert_eq!(rows[1].get("totalDoc"), Some("2.5"));
}

#[test]
fn a_sheet_without_a_known_header_is_rejected() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("x.xlsx");
    write_xlsx(
        &path,
        &[
            vec![inline("A1", "Cột A"), inline("B1", "Cột B")],
            vec![inline("A2", "1")],
        ],
    );
    let input = open(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(input.sources.is_empty());
    assert_eq!(input.failed[0].line(), Some(1));
    let path = dir.path().join("broken.xlsx");
    std::fs::write(&path, b"PK\x03\x04 not really").unwrap_or_else(|e| panic!("{e}"));
    let input = open(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(input.failed[0], ReadError::Xlsx { .. }),
        "{}",
        input.failed[0]
    );
}

#[test]
fn cell_values_as_text() {
    assert_eq!(cell_text(&DataRef::Float(1.0)), "1");
    assert_eq!(cell_text(&DataRef::Float(0.25)), "0.25");
    assert_eq!(cell_text(&DataRef::Int(7)), "7");
    assert_eq!(cell_text(&DataRef::Bool(true)), "1");
    assert_eq!(cell_text(&DataRef::Empty), "");
    assert_eq!(
        cell_text(&DataRef::DateTimeIso("1996-02-05T00:00:00".into())),
        "05/02/1996"
    );
    let date = ExcelDateTime::new(35080.0, ExcelDateTimeType::DateTime, false);
    assert_eq!(cell_text(&DataRef::DateTime(date)), "16/01/1996");
    let leap = ExcelDateTime::new(35124.0, ExcelDateTimeType::DateTime, false);
    assert_eq!(cell_text(&DataRef::DateTime(leap)), "29/02/1996");
    let duration = ExcelDateTime::new(
        1.5 / 24.0 + 5.0 / 86_400.0,
        ExcelDateTimeType::TimeDelta,
        false,
    );
    assert_eq!(cell_text(&DataRef::DateTime(duration)), "1:30:05");
}
