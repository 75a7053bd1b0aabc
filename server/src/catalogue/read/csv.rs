//! CSV input (RFC 4180, UTF-8 with or without BOM, CRLF or LF): a strict first pass that rejects
//! an unreadable file whole with the line at fault, and a streaming second pass.

use super::{ReadError, Rows, cells};
use crate::catalogue::headers::{HeaderMap, level_of, recognise};
use crate::catalogue::model::SourceRow;
use ::csv::{ByteRecord, Reader, ReaderBuilder};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;
use std::sync::Arc;

/// Where the bytes are in RFC 4180 terms.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    /// A `"` inside a quoted field: the closing quote, or the first of `""`.
    ClosingQuote,
}

/// A quoting problem and its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum QuoteFault {
    Unterminated(u64),
    Stray(u64),
}

impl QuoteFault {
    fn line(self) -> u64 {
        match self {
            QuoteFault::Unterminated(l) | QuoteFault::Stray(l) => l,
        }
    }
}

/// Passes bytes through to the CSV parser while checking RFC 4180 quoting, which the parser
/// itself accepts leniently (an unterminated quote would swallow the rest of the file).
///
/// It also notes the line where each record starts, which the parser's own position does not
/// give (it points before skipped blank lines and the LF of a CRLF).
struct QuoteCheck<R> {
    inner: R,
    state: State,
    line: u64,
    open_line: u64,
    fault: Option<QuoteFault>,
    /// Between two records: the next byte that is not CR or LF starts one.
    between: bool,
    /// Start lines of the records seen but not yet taken by the parser.
    starts: VecDeque<u64>,
    /// Bytes seen so far, up to 3: a UTF-8 BOM at the start is not data.
    seen: usize,
}

impl<R> QuoteCheck<R> {
    fn new(inner: R) -> Self {
        QuoteCheck {
            inner,
            state: State::FieldStart,
            line: 1,
            open_line: 1,
            fault: None,
            between: true,
            starts: VecDeque::new(),
            seen: 0,
        }
    }

    fn step(&mut self, b: u8) {
        const BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];
        if self.seen < 3 {
            let bom = BOM.get(self.seen) == Some(&b) && self.starts.is_empty() && self.between;
            self.seen = if bom { self.seen + 1 } else { 3 };
            if bom {
                return;
            }
        }
        let newline = b == b'\n' || b == b'\r';
        if self.between && !newline {
            self.starts.push_back(self.line);
            self.between = false;
        }
        let stray = |line| Some(QuoteFault::Stray(line));
        let before = self.state;
        self.state = match (self.state, b) {
            (State::FieldStart, b'"') => {
                self.open_line = self.line;
                State::Quoted
            }
            (State::FieldStart | State::Unquoted | State::ClosingQuote, b',' | b'\n' | b'\r') => {
                State::FieldStart
            }
            (State::FieldStart | State::Unquoted, _) if b != b'"' => State::Unquoted,
            (State::Quoted, b'"') => State::ClosingQuote,
            (State::Quoted, _) => State::Quoted,
            (State::ClosingQuote, b'"') => State::Quoted,
            _ => {
                if self.fault.is_none() {
                    self.fault = stray(self.line);
                }
                State::Unquoted
            }
        };
        if newline && before != State::Quoted && self.state == State::FieldStart {
            self.between = true;
        }
        if b == b'\n' {
            self.line += 1;
        }
    }
}

impl<R: Read> Read for QuoteCheck<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && self.state == State::Quoted && self.fault.is_none() {
            self.fault = Some(QuoteFault::Unterminated(self.open_line));
        }
        for &b in &buf[..n] {
            self.step(b);
        }
        Ok(n)
    }
}

fn reader<R: Read>(r: R) -> Reader<R> {
    ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(r)
}

/// The line where the record just read starts.
fn start_line<R: Read>(rdr: &mut Reader<QuoteCheck<R>>, rec: &ByteRecord) -> u64 {
    let fallback = rec.position().map_or(0, |p| p.line());
    rdr.get_mut().starts.pop_front().unwrap_or(fallback)
}

fn is_blank(rec: &ByteRecord) -> bool {
    rec.iter().all(|f| f.trim_ascii().is_empty())
}

/// Reads and maps the header row (line 1).
fn header<R: Read>(
    rdr: &mut Reader<QuoteCheck<R>>,
    name: &Arc<str>,
) -> Result<HeaderMap, ReadError> {
    let mut rec = ByteRecord::new();
    let more = rdr
        .read_byte_record(&mut rec)
        .map_err(|e| ReadError::io(name, e))?;
    if !more {
        return Err(ReadError::Empty { file: name.clone() });
    }
    let line = start_line(rdr, &rec);
    let mut headers = Vec::with_capacity(rec.len());
    for field in rec.iter() {
        let text = std::str::from_utf8(field).map_err(|_| ReadError::NotUtf8 {
            file: name.clone(),
            line,
        })?;
        headers.push(text.trim_start_matches('\u{feff}').to_string());
    }
    recognise(&headers).map_err(|e| ReadError::Header {
        file: name.clone(),
        line,
        reason: e.to_string(),
    })
}

/// First pass: checks encoding, quoting and column counts of the whole file and counts its rows.
pub(super) fn scan(path: &Path, name: &Arc<str>) -> Result<(HeaderMap, u64), ReadError> {
    let mut file = File::open(path).map_err(|e| ReadError::io(name, e))?;
    let mut bom = [0u8; 2];
    let n = file.read(&mut bom).map_err(|e| ReadError::io(name, e))?;
    if n == 2 && (bom == [0xFF, 0xFE] || bom == [0xFE, 0xFF]) {
        return Err(ReadError::Utf16 { file: name.clone() });
    }
    let file = File::open(path).map_err(|e| ReadError::io(name, e))?;
    let mut rdr = reader(QuoteCheck::new(BufReader::new(file)));
    let quote_error = |fault: QuoteFault| match fault {
        QuoteFault::Unterminated(line) => ReadError::Unterminated {
            file: name.clone(),
            line,
        },
        QuoteFault::Stray(line) => ReadError::StrayQuote {
            file: name.clone(),
            line,
        },
    };
    let map = header(&mut rdr, name);
    if let Some(fault) = rdr.get_ref().fault.filter(|f| f.line() <= 1) {
        return Err(quote_error(fault));
    }
    let map = map?;
    let width = map.columns.len();
    let mut rec = ByteRecord::new();
    let mut rows = 0;
    loop {
        let more = rdr
            .read_byte_record(&mut rec)
            .map_err(|e| ReadError::io(name, e))?;
        let line = if more { start_line(&mut rdr, &rec) } else { 0 };
        if let Some(fault) = rdr.get_ref().fault.filter(|f| !more || f.line() <= line) {
            return Err(quote_error(fault));
        }
        if !more {
            break;
        }
        if std::str::from_utf8(rec.as_slice()).is_err() {
            return Err(ReadError::NotUtf8 {
                file: name.clone(),
                line,
            });
        }
        if rec.len() != width {
            return Err(ReadError::FieldCount {
                file: name.clone(),
                line,
                expected: width,
                found: rec.len(),
            });
        }
        if !is_blank(&rec) {
            rows += 1;
        }
    }
    Ok((map, rows))
}

/// Second pass: streams the rows of a file the first pass accepted.
pub(super) fn rows(path: &Path, name: Arc<str>, map: HeaderMap) -> Rows {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return Box::new(std::iter::once(Err(ReadError::io(&name, e)))),
    };
    let mut rdr = reader(QuoteCheck::new(BufReader::new(file)));
    let mut rec = ByteRecord::new();
    let mut done = !matches!(rdr.read_byte_record(&mut rec), Ok(true));
    if !done {
        start_line(&mut rdr, &rec);
    }
    let level = level_of(map.table);
    Box::new(std::iter::from_fn(move || {
        while !done {
            let line = match rdr.read_byte_record(&mut rec) {
                Ok(true) => start_line(&mut rdr, &rec),
                Ok(false) => {
                    done = true;
                    return None;
                }
                Err(e) => {
                    done = true;
                    return Some(Err(ReadError::io(&name, e)));
                }
            };
            let text = std::str::from_utf8(rec.as_slice()).ok();
            if text.is_none() || rec.len() != map.columns.len() {
                done = true;
                return Some(Err(ReadError::Changed { file: name.clone() }));
            }
            let values = rec
                .iter()
                .map(|f| std::str::from_utf8(f).unwrap_or_default());
            if let Some(cells) = cells(&map.columns, values) {
                return Some(Ok(SourceRow {
                    source: name.clone(),
                    line,
                    level,
                    cells,
                    defaults: Vec::new(),
                }));
            }
        }
        None
    }))
}
