//! EAD 2002 and EAD3 reading: nesting, mapping, secrecy, lines, warnings and broken input.

use super::*;
use crate::catalogue::model::{Level, Mode, Validated};
use crate::catalogue::validate::validate;

const EAD2002: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<ead xmlns="urn:isbn:1-931666-22-9" xmlns:xlink="http://www.w3.org/1999/xlink">
<eadheader><eadid>H99.1</eadid></eadheader>
<archdesc level="fonds">
<did><unitid repositorycode="H99">H99.1</unitid><unittitle>Phông &amp; thử</unittitle><unitdate normal="1976/2015">1976-2015</unitdate>
<langmaterial><language langcode="vie">Tiếng Việt</language></langmaterial></did>
<bioghist><head>Lịch sử</head><p>Đoạn   một.</p><p>Đoạn hai.</p></bioghist>
<dsc>
<c01 level="series"><did><unitid>Mục lục số 2</unitid><unittitle>Mục lục số 2</unittitle></did>
<c02 level="file"><did><unitid>H99.1.1996.02.001</unitid><unittitle>Hồ sơ về lũ lụt</unittitle><unitdate normal="1996-01-16/1996-09-19">16/01/1996 - 19/09/1996</unitdate><physdesc><extent>25 trang</extent></physdesc></did>
<accessrestrict type="conditional"><p>Sử dụng có điều kiện</p></accessrestrict>
<c03 level="item"><did><unitid>H99.1.1996.02.001.1</unitid><unittitle>Quyết định số 12/QĐ-UBND về việc &#x111;ắp đê</unittitle><unitdate normal="1996-02-05">05/02/1996</unitdate><origination><corpname>UBND tỉnh</corpname></origination><dao xlink:href="scans/a/001.jpg"/></did></c03>
<c03 level="otherlevel" otherlevel="tài liệu"><did><unitid>H99.1.1996.02.001.2</unitid><unittitle>Danh sách hộ dân</unittitle><unitdate>1996</unitdate></did>
<scopecontent><p>Ghi chú</p></scopecontent></c03>
</c02>
<c02 level="file"><did><unitid>H99.1.1996.02.002</unitid><unittitle>Hồ sơ mật</unittitle></did>
<accessrestrict type="secret"><p>Mật</p></accessrestrict>
<c03 level="item"><did><unitid>H99.1.1996.02.002.1</unitid><unittitle>Báo cáo số 3/BC về nội dung mật</unittitle></did></c03>
</c02></c01>
<c01 level="file"><did><unitid>H99.1.2000.01.001</unitid><unittitle>Hồ sơ không thuộc mục lục</unittitle></did></c01>
<c01 level="file" audience="internal"><did><unitid>H99.1.2000.01.002</unitid><unittitle>Nội bộ</unittitle></did></c01>
</dsc></archdesc></ead>
"#;

const EAD3: &str = r#"<ead xmlns="http://ead3.archivists.org/schema/">
<control><recordid>X</recordid></control>
<archdesc level="fonds"><did><unitid>H98.2</unitid><unittitle>Phông EAD3</unittitle><unitdatestructured><daterange><fromdate standarddate="1990">1990</fromdate><todate standarddate="2000">2000</todate></daterange></unitdatestructured></did>
<accessrestrict localtype="restricted"><p>Hạn chế</p></accessrestrict>
<dsc><c level="file"><did><unitid>H98.2.1995.01.001</unitid><unittitle>Hồ sơ EAD3</unittitle><unitdatestructured><datesingle standarddate="1995-03">03/1995</datesingle></unitdatestructured><physdesc>12 tờ</physdesc></did>
<c level="item"><did><unitid>H98.2.1995.01.001.1</unitid><unittitle>Công văn 45/UBND-VP về việc xây trường</unittitle><origination><corpname><part>Sở Giáo dục</part></corpname></origination><langmaterial><language langcode="fre"/></langmaterial><dao href="p/1.pdf"/></did></c>
</c></dsc></archdesc></ead>
"#;

fn read(xml: &str) -> (Vec<SourceRow>, Vec<Warning>) {
    let mut it = EadRows::new(xml.as_bytes(), Arc::from("t.xml"));
    let rows: Vec<SourceRow> = it
        .by_ref()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect();
    (rows, std::mem::take(&mut it.warnings))
}

fn cells(row: &SourceRow) -> Vec<(&str, &str)> {
    row.cells.iter().map(|(t, v)| (*t, v.as_str())).collect()
}

#[test]
fn ead2002_levels_lines_and_order() {
    let (rows, _) = read(EAD2002);
    let shape: Vec<(Level, u64)> = rows.iter().map(|r| (r.level, r.line)).collect();
    assert_eq!(
        shape,
        vec![
            (Level::Fonds, 4),
            (Level::Series, 9),
            (Level::File, 10),
            (Level::Item, 12),
            (Level::Item, 13),
            (Level::File, 16),
            (Level::Item, 18),
            (Level::File, 20),
            (Level::File, 21),
        ]
    );
}

#[test]
fn ead2002_fonds_series_and_file_mapping() {
    let (rows, _) = read(EAD2002);
    assert_eq!(
        cells(&rows[0]),
        vec![
            ("fondsCode", "H99.1"),
            ("archiveCode", "H99"),
            ("fondsName", "Phông & thử"),
            ("archivesTime", "1976-2015"),
            ("fondsHistory", "Đoạn một.\nĐoạn hai."),
            ("language", "01"),
            ("mode", "01"),
        ]
    );
    assert_eq!(
        cells(&rows[1]),
        vec![
            ("fondsCode", "H99.1"),
            ("catalogNo", "2"),
            ("title", "Mục lục số 2"),
            ("mode", "01")
        ]
    );
    assert_eq!(
        cells(&rows[2]),
        vec![
            ("fondsCode", "H99.1"),
            ("catalogNo", "2"),
            ("fileCode", "H99.1.1996.02.001"),
            ("title", "Hồ sơ về lũ lụt"),
            ("mode", "02"),
            ("language", "01"),
            ("startDate", "16/01/1996"),
            ("endDate", "19/09/1996"),
            ("numberOfPage", "25"),
        ]
    );
    assert_eq!(rows[7].get("catalogNo"), None, "a file outside any series");
    assert_eq!(rows[7].get("fondsCode"), Some("H99.1"));
}

#[test]
fn ead2002_item_mapping() {
    let (rows, _) = read(EAD2002);
    assert_eq!(
        cells(&rows[3]),
        vec![
            ("fileCode", "H99.1.1996.02.001"),
            ("docOrdinal", "1"),
            ("docId", "H99.1.1996.02.001.1"),
            ("typeName", "02"),
            ("codeNumber", "12"),
            ("codeNotation", "QĐ-UBND"),
            ("subject", "về việc đắp đê"),
            ("issuedDate", "05/02/1996"),
            ("organName", "UBND tỉnh"),
            ("language", "01"),
            ("mode", "01"),
            ("digitalFiles", "scans/a/001.jpg"),
        ]
    );
    let second = &rows[4];
    assert_eq!(second.get("docOrdinal"), Some("2"));
    assert_eq!(second.get("typeName"), Some("32"));
    assert_eq!(second.get("subject"), Some("Danh sách hộ dân"));
    assert_eq!(second.get("issuedDate"), Some("1996"));
    assert_eq!(second.get("description"), Some("Ghi chú"));
}

#[test]
fn secret_and_internal_components_and_their_children_are_secret() {
    let (rows, _) = read(EAD2002);
    assert_eq!(rows[5].get("mode"), Some("03"));
    assert_eq!(rows[6].get("mode"), Some("03"), "an item of a secret file");
    assert_eq!(rows[8].get("mode"), Some("03"), "audience=internal");
    let results: Vec<Validated> = rows.into_iter().map(validate).collect();
    let secret: Vec<String> = results
        .iter()
        .filter_map(|v| match v {
            Validated::Secret { code, .. } => Some(code.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        secret,
        vec![
            "H99.1.1996.02.002",
            "H99.1.1996.02.002.1",
            "H99.1.2000.01.002"
        ]
    );
    assert!(
        results.iter().all(|v| !matches!(v, Validated::Rejected(_))),
        "{results:?}"
    );
    let series = results.iter().find_map(|v| match v {
        Validated::Unit(u, _) if u.level == Level::Series => Some(u.clone()),
        _ => None,
    });
    assert_eq!(
        series.map(|s| (s.code, s.parent_code)),
        Some(("H99.1-ML2".to_string(), Some("H99.1".to_string())))
    );
}

#[test]
fn one_warning_per_document_for_defaults() {
    let (_, warnings) = read(EAD2002);
    let maintenance: Vec<&Warning> = warnings
        .iter()
        .filter(|w| w.field == "maintenance")
        .collect();
    assert_eq!(maintenance.len(), 1);
    assert!(
        maintenance[0].reason.contains("4 hồ sơ"),
        "{}",
        maintenance[0].reason
    );
    let types: Vec<&Warning> = warnings.iter().filter(|w| w.field == "typeName").collect();
    assert_eq!(types.len(), 1);
    assert!(
        types[0].reason.starts_with("1 tài liệu"),
        "{}",
        types[0].reason
    );
}

#[test]
fn ead3_structured_dates_localtype_and_parts() {
    let (rows, warnings) = read(EAD3);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].get("archivesTime"), Some("1990-2000"));
    assert_eq!(rows[0].get("mode"), Some("02"));
    assert_eq!(rows[1].get("startDate"), Some("03/1995"));
    assert_eq!(rows[1].get("endDate"), Some("03/1995"));
    assert_eq!(rows[1].get("numberOfPaper"), Some("12"));
    assert_eq!(rows[1].get("language"), None);
    assert_eq!(rows[1].line, 5);
    let item = &rows[2];
    assert_eq!(item.line, 6);
    assert_eq!(item.get("typeName"), Some("22"));
    assert_eq!(
        (item.get("codeNumber"), item.get("codeNotation")),
        (Some("45"), Some("UBND-VP"))
    );
    assert_eq!(item.get("subject"), Some("về việc xây trường"));
    assert_eq!(item.get("organName"), Some("Sở Giáo dục"));
    assert_eq!(item.get("language"), Some("03"));
    assert_eq!(item.get("digitalFiles"), Some("p/1.pdf"));
    assert_eq!(
        warnings.iter().filter(|w| w.field == "maintenance").count(),
        1
    );
}

#[test]
fn an_unreadable_restriction_is_conditional_with_a_warning() {
    let xml = r#"<ead><archdesc level="fonds"><did><unitid>H1</unitid></did>
<accessrestrict><p>Xem quy chế</p></accessrestrict></archdesc></ead>"#;
    let (rows, warnings) = read(xml);
    assert_eq!(rows[0].get("mode"), Some("02"));
    assert_eq!(
        (warnings[0].field.as_str(), warnings[0].line),
        ("mode", Some(1))
    );
    assert!(
        !warnings[0].reason.contains("quy chế"),
        "the text is not echoed"
    );
}

#[test]
fn not_ead_and_broken_xml_are_whole_file_errors() {
    let mut it = EadRows::new(&b"<?xml version=\"1.0\"?>\n<mets/>"[..], Arc::from("m.xml"));
    assert_eq!(
        it.next(),
        Some(Err(ReadError::NotEad {
            file: Arc::from("m.xml"),
            root: "mets".into()
        }))
    );
    let broken = "<ead>\n<archdesc level=\"fonds\"><did><unitid>H1</unitid></did>\n<dsc><c01 level=\"file\"></c02>\n</dsc></archdesc></ead>";
    let mut it = EadRows::new(broken.as_bytes(), Arc::from("b.xml"));
    let results: Vec<_> = it.by_ref().collect();
    let err = results.into_iter().find_map(Result::err);
    assert!(
        matches!(err, Some(ReadError::Xml { line: 3, .. })),
        "{err:?}"
    );
}

#[test]
fn open_reads_an_ead_file_in_two_passes() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("H99.1.xml");
    std::fs::write(&path, EAD2002).unwrap_or_else(|e| panic!("{e}"));
    let input = crate::catalogue::read::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let src = &input.sources[0];
    assert_eq!((src.table, src.rows), (None, 9));
    assert_eq!(src.warnings.len(), 2);
    assert_eq!(input.rows().count(), 9);
    let modes: Vec<Option<Mode>> = input
        .rows()
        .map(|r| r.ok().and_then(|r| r.get("mode").and_then(Mode::from_code)))
        .collect();
    assert_eq!(modes[2], Some(Mode::Conditional));
}
