//! CSV reading and folder handling.

use super::*;
use crate::catalogue::model::Level;
use std::fs;

const FILES_HEADER: &str = "fondsCode,catalogNo,fileCode,title,maintenance,mode,language";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, bytes).unwrap_or_else(|e| panic!("{e}"));
    p
}

/// The one readable source of `path` (shared with the package tests).
pub(in crate::catalogue::read) fn one(path: &Path) -> Source {
    let input = open(path).unwrap_or_else(|e| panic!("{e}"));
    assert!(input.failed.is_empty(), "{:?}", input.failed);
    assert_eq!(input.sources.len(), 1);
    input
        .sources
        .into_iter()
        .next()
        .unwrap_or_else(|| unreachable!())
}

fn failure(path: &Path) -> ReadError {
    let input = open(path).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        input.sources.is_empty(),
        "nothing of a rejected file may be imported"
    );
    input
        .failed
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("expected a failure"))
}

fn all_rows(input: &Input) -> Vec<SourceRow> {
    input
        .rows()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

#[test]
fn bom_and_crlf_are_read() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text = format!(
        "\u{feff}{FILES_HEADER}\r\nH34.10,1,H34.10.1996.01.001,Hồ sơ một,01,01,01\r\nH34.10,1,H34.10.1996.01.002,Hồ sơ hai,01,02,01\r\n"
    );
    let src = one(&write(dir.path(), "hs.csv", text.as_bytes()));
    assert_eq!(
        (src.format, src.table, src.rows),
        (Format::Csv, Some(Table::Files), 2)
    );
    assert!(src.warnings.is_empty(), "{:?}", src.warnings);
    let rows: Vec<_> = src
        .rows()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0].line, rows[0].level, rows[0].source.as_ref()),
        (2, Level::File, "hs.csv")
    );
    assert_eq!(rows[0].get("fondsCode"), Some("H34.10"));
    assert_eq!(rows[1].get("title"), Some("Hồ sơ hai"), "no trailing CR");
    assert_eq!(rows[1].line, 3);
}

#[test]
fn a_bom_before_a_quoted_header_is_not_a_stray_quote() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text = "\u{feff}\"fileCode\",\"title\"\r\n\"A.1\",\"Một\"\r\n";
    let src = one(&write(dir.path(), "b.csv", text.as_bytes()));
    let rows: Vec<_> = src
        .rows()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect();
    assert_eq!((rows[0].line, rows[0].get("fileCode")), (2, Some("A.1")));
}

#[test]
fn quoted_fields_keep_commas_quotes_and_newlines_and_lines_start_where_the_record_starts() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text = format!(
        "{FILES_HEADER}\nH34.10,1,A.1,\"Hồ sơ, \"\"đặc biệt\"\"\nhai dòng\nba dòng\",01,01,01\n\nH34.10,1,A.2,  Hai  ,01,01,01\n,,,,,,\n"
    );
    let src = one(&write(dir.path(), "q.csv", text.as_bytes()));
    assert_eq!(
        src.rows, 2,
        "blank lines and rows of empty cells are skipped"
    );
    let rows: Vec<_> = src
        .rows()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect();
    assert_eq!(
        rows[0].get("title"),
        Some("Hồ sơ, \"đặc biệt\"\nhai dòng\nba dòng")
    );
    assert_eq!(rows[0].line, 2);
    assert_eq!(rows[1].line, 6);
    assert_eq!(rows[1].get("title"), Some("Hai"), "trimmed");
}

#[test]
fn an_unterminated_quote_rejects_the_whole_file_with_its_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text = format!(
        "{FILES_HEADER}\nH34.10,1,A.1,Một,01,01,01\nH34.10,1,A.2,\"Hai,01,01,01\nH34.10,1,A.3,Ba,01,01,01\n"
    );
    let e = failure(&write(dir.path(), "u.csv", text.as_bytes()));
    assert_eq!(
        e,
        ReadError::Unterminated {
            file: Arc::from("u.csv"),
            line: 3
        }
    );
    assert!(
        e.to_string().starts_with("u.csv, dòng 3: dấu ngoặc kép"),
        "{e}"
    );
}

#[test]
fn a_stray_quote_rejects_the_whole_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text =
        format!("{FILES_HEADER}\nH34.10,1,A.1,Một,01,01,01\nH34.10,1,A.2,Hai 5\" đĩa,01,01,01\n");
    assert_eq!(
        failure(&write(dir.path(), "s.csv", text.as_bytes())).line(),
        Some(3)
    );
    let text = format!("{FILES_HEADER}\nH34.10,1,A.2,\"Hai\"x,01,01,01\n");
    assert!(matches!(
        failure(&write(dir.path(), "s2.csv", text.as_bytes())),
        ReadError::StrayQuote { line: 2, .. }
    ));
}

#[test]
fn bytes_that_are_not_utf8_reject_the_whole_file_with_their_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut bytes =
        format!("{FILES_HEADER}\nH34.10,1,A.1,Một,01,01,01\nH34.10,1,A.2,").into_bytes();
    bytes.extend_from_slice(b"H\xf4 s\xa1,01,01,01\n");
    let e = failure(&write(dir.path(), "w.csv", &bytes));
    assert_eq!(
        e,
        ReadError::NotUtf8 {
            file: Arc::from("w.csv"),
            line: 3
        }
    );
    assert!(e.to_string().contains("UTF-8"), "{e}");
    let e = failure(&write(dir.path(), "w16.csv", b"\xff\xfef\x00i\x00"));
    assert!(matches!(e, ReadError::Utf16 { .. }), "{e}");
}

#[test]
fn a_row_with_another_number_of_columns_rejects_the_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text =
        format!("{FILES_HEADER}\nH34.10,1,A.1,Một,01,01,01\nH34.10,1,A.2,Hai, ba,01,01,01\n");
    let e = failure(&write(dir.path(), "c.csv", text.as_bytes()));
    assert_eq!(
        e,
        ReadError::FieldCount {
            file: Arc::from("c.csv"),
            line: 3,
            expected: 7,
            found: 8
        }
    );
}

#[test]
fn headers_that_name_no_table_or_repeat_a_column_reject_the_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let e = failure(&write(dir.path(), "x.csv", b"a,b\n1,2\n"));
    assert!(matches!(e, ReadError::Header { line: 1, .. }), "{e}");
    let e = failure(&write(
        dir.path(),
        "d.csv",
        "fileCode,Mã hồ sơ\n1,2\n".as_bytes(),
    ));
    assert!(e.to_string().contains("giữ lại một cột"), "{e}");
    assert!(matches!(
        failure(&write(dir.path(), "e.csv", b"")),
        ReadError::Empty { .. }
    ));
}

#[test]
fn unknown_columns_are_warnings() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let src = one(&write(
        dir.path(),
        "k.csv",
        "fileCode,title,Người nhập\nA.1,Một,Lan\n".as_bytes(),
    ));
    assert_eq!(src.warnings.len(), 1);
    assert_eq!(
        (src.warnings[0].field.as_str(), src.warnings[0].line),
        ("Người nhập", Some(1))
    );
    let rows: Vec<_> = src
        .rows()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect();
    assert_eq!(rows[0].cells.len(), 2);
}

#[test]
fn tt02_and_vietnamese_headers_in_csv() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let legacy = "FileCode,OrganId,FileCatalog,Title,Rights\nA.1,H34.10,1,Một,Mật\n";
    let src = one(&write(dir.path(), "l.csv", legacy.as_bytes()));
    assert_eq!(src.table, Some(Table::Files));
    let rows: Vec<_> = src
        .rows()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect();
    assert_eq!(rows[0].get("fondsCode"), Some("H34.10"));
    assert_eq!(rows[0].get("mode"), Some("Mật"));
    let vi = "Mã hồ sơ,Số thứ tự văn bản trong hồ sơ,Tên loại văn bản,Trích yếu nội dung\nA.1,1,Công văn,về việc\n";
    assert_eq!(
        one(&write(dir.path(), "v.csv", vi.as_bytes())).table,
        Some(Table::Documents)
    );
}

#[test]
fn a_folder_is_read_fonds_then_files_then_documents_whatever_the_names() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(
        dir.path(),
        "a.csv",
        b"fileCode,docOrdinal,subject\nA.1,1,x\nA.1,2,y\n",
    );
    write(dir.path(), "b.csv", b"fileCode,title\nA.1,t\n");
    write(dir.path(), "z.csv", b"fondsCode,fondsName\nH,n\n");
    write(dir.path(), "notes.txt", b"ignored");
    write(dir.path(), ".hidden.csv", b"ignored");
    write(dir.path(), "broken.csv", b"fileCode,title\n\"A.2,t\n");
    fs::create_dir(dir.path().join("sub")).unwrap_or_else(|e| panic!("{e}"));
    write(
        &dir.path().join("sub"),
        "c.csv",
        b"fondsCode,fondsName\nX,n\n",
    );
    let input = open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = input.sources.iter().map(|s| s.name.as_ref()).collect();
    assert_eq!(names, vec!["z.csv", "b.csv", "a.csv"]);
    assert_eq!(input.failed.len(), 1);
    assert_eq!(input.failed[0].file(), "broken.csv");
    assert_eq!(input.total_rows(), 4);
    let levels: Vec<Level> = all_rows(&input).iter().map(|r| r.level).collect();
    assert_eq!(
        levels,
        vec![Level::Fonds, Level::File, Level::Item, Level::Item]
    );
}

#[test]
fn paths_that_cannot_be_used() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(
        open(dir.path()),
        Err(ReadError::EmptyFolder { .. })
    ));
    let p = write(dir.path(), "x.xls", b"old");
    assert!(matches!(open(&p), Err(ReadError::Unsupported { .. })));
    assert!(matches!(
        open(&dir.path().join("missing.csv")),
        Err(ReadError::Io { .. })
    ));
    let p = write(dir.path(), "noext", b"fondsCode,fondsName\nH,n\n");
    assert_eq!(one(&p).format, Format::Csv, "sniffed");
}

#[test]
fn the_stream_is_lazy() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut text = String::from("fileCode,title\n");
    for i in 0..5000 {
        text.push_str(&format!("A.{i},Hồ sơ {i}\n"));
    }
    let src = one(&write(dir.path(), "big.csv", text.as_bytes()));
    assert_eq!(src.rows, 5000);
    let first: Vec<_> = src.rows().take(2).map(|r| r.map(|r| r.line)).collect();
    assert_eq!(first, vec![Ok(2), Ok(3)]);
}
