//! Rows of `documents.csv`: each item's type, `trích yếu`, issuer, number and symbol, date and
//! mode, and the deliberate breakage of the rows chosen to be invalid.

use std::fs::File;

use anyhow::Result;
use rand::Rng;
use rand::rngs::StdRng;

use super::dates::{push_date, push_month};
use super::draw::{count, person, pick, place, weighted, word};
use super::organs::{HDND_TINH, UBND_TINH};
use super::patterns::{GENERIC, PERIODS, Pattern, TYPES, fits, for_kind, is_common};
use super::plan::{
    FORCED_ITEMS, FondsPlan, Plan, district_hdnd, district_ubnd, ministry, prime_minister,
};
use super::render::{Ctx, push_num, push_padded, render};
use super::topics::{Kind, SECTORS, Sector, Topic};
use super::{CorpusSummary, InvalidKind, InvalidRow};
use crate::catalogue::model::Mode;

/// The columns of `documents.csv`: the TT05 item tags, placement first (no `digitalFiles`).
pub const DOCUMENTS_HEADER: &[&str] = app::tags::ITEM_TAGS.split_at(23).0;

/// Two-digit `typeName` codes, indexed by code.
const TYPE_CODES: [&str; 33] = [
    "00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15",
    "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31",
    "32",
];

const AUTOGRAPHS: &[&str] = &[
    "Có bút tích phê duyệt của Chủ tịch Ủy ban nhân dân tỉnh",
    "Có bút tích ghi ý kiến chỉ đạo của lãnh đạo cơ quan",
    "Chữ ký trực tiếp, có dấu đỏ",
];
const DESCRIPTIONS: &[&str] = &[
    "Bản chính",
    "Bản sao",
    "Bản thảo có sửa chữa",
    "Bản đánh máy, mực mờ",
];

pub struct SectorRef {
    pub index: usize,
    pub sector: &'static Sector,
}

/// What the items of one file share with it.
pub struct FileRef<'a> {
    pub fonds: &'a FondsPlan,
    pub code: &'a str,
    pub year: u16,
    /// File 0, whose items 2 and 3 get the forced modes.
    pub first_file: bool,
    pub mode: Mode,
    /// The type of every item of a "Tập …" file.
    pub collection: Option<u8>,
    /// The topic of a topic file.
    pub topic: Option<&'static Topic>,
    pub sector: SectorRef,
    pub maintenance: &'static str,
    pub language: &'static str,
    pub format: &'static str,
    pub sign: &'static str,
    pub confidence: &'static str,
    pub risk: &'static str,
    pub risk_status: &'static str,
}

/// Reused text of one item row.
#[derive(Default)]
struct Buf {
    file_code: String,
    ordinal: String,
    doc_id: String,
    doc_code: String,
    number: String,
    notation: String,
    date: String,
    subject: String,
    pages: String,
}

/// The writer of `documents.csv` and the state of the breakage plan.
pub struct ItemRow {
    csv: csv::Writer<File>,
    written: u64,
    /// Invalid rows asked, and the next one to place.
    broken_total: u64,
    broken_next: u64,
    /// Items that may be broken, and how many of them have gone by.
    eligible_total: u64,
    eligible_seen: u64,
    /// docId of the last valid, stored item: what a duplicate copies.
    last_good_id: String,
    invalid: Vec<InvalidRow>,
    /// Cumulative type weights, for drawing a type.
    cumulative: Vec<u32>,
    buf: Buf,
}

impl ItemRow {
    /// Writes the header; `broken_total` of the `eligible_total` breakable items will be broken.
    pub fn new(
        mut csv: csv::Writer<File>,
        broken_total: u64,
        eligible_total: u64,
    ) -> Result<ItemRow> {
        csv.write_record(DOCUMENTS_HEADER)?;
        let mut sum = 0;
        let cumulative = TYPES
            .iter()
            .map(|t| {
                sum += t.weight;
                sum
            })
            .collect();
        Ok(ItemRow {
            csv,
            written: 0,
            broken_total,
            broken_next: 0,
            eligible_total,
            eligible_seen: 0,
            last_good_id: String::new(),
            invalid: Vec::new(),
            cumulative,
            buf: Buf::default(),
        })
    }

    /// Rows written so far.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// Flushes the file; returns the rows written and the broken ones.
    pub fn finish(mut self) -> Result<(u64, Vec<InvalidRow>)> {
        self.csv.flush()?;
        Ok((self.written, self.invalid))
    }

    /// The eligible item (counted from 0) that the `j`-th broken row replaces: evenly spread.
    fn target(&self, j: u64) -> u64 {
        let t = (2 * u128::from(j) + 1) * u128::from(self.eligible_total)
            / (2 * u128::from(self.broken_total));
        u64::try_from(t).unwrap_or(u64::MAX)
    }

    /// Writes item `ordinal` of `file`, issued on `day` of the file's year.
    #[allow(clippy::too_many_arguments)]
    pub fn write<'p>(
        &mut self,
        rng: &mut StdRng,
        plan: &Plan,
        file: &FileRef<'p>,
        ctx: &mut Ctx<'p>,
        ordinal: u16,
        day: u16,
        pages: u16,
        summary: &mut CorpusSummary,
    ) -> Result<()> {
        let forced = FORCED_ITEMS
            .iter()
            .find(|(o, _)| file.first_file && *o == ordinal)
            .map(|(_, m)| *m);
        let mut own = forced.unwrap_or_else(|| own_mode(rng, file.mode));
        let mut broken = None;
        if file.mode != Mode::Secret && forced.is_none() {
            if self.broken_next < self.broken_total
                && self.eligible_seen == self.target(self.broken_next)
            {
                let kinds = InvalidKind::ALL;
                broken = Some(kinds[(self.broken_next % kinds.len() as u64) as usize]);
                self.broken_next += 1;
            }
            self.eligible_seen += 1;
        }
        if broken.is_some() && own == Mode::Secret {
            own = file.mode;
        }
        if broken == Some(InvalidKind::DuplicateDocId) && self.last_good_id.is_empty() {
            broken = Some(InvalidKind::BadMode);
        }

        // What the document is and says.
        let sector = file.sector.sector;
        let (ty, topic) = match file.collection {
            Some(ty) => {
                place(rng, file.fonds, ctx);
                person(rng, ctx);
                let sector = if rng.random_bool(0.2) {
                    &SECTORS[*pick(rng, file.fonds.sectors)]
                } else {
                    sector
                };
                // A few tries for a topic the collection's type phrases well.
                let mut topic = pick(rng, sector.topics);
                for _ in 0..4 {
                    if for_kind(topic.kind).iter().any(|p| p.ty == ty) {
                        break;
                    }
                    topic = pick(rng, sector.topics);
                }
                (ty, topic)
            }
            None => {
                let topic = match file.topic {
                    Some(t) if rng.random_bool(0.8) => t,
                    _ => pick(rng, sector.topics),
                };
                (self.draw_type(rng), topic)
            }
        };
        ctx.ky = word(rng, PERIODS);
        let (ty, pattern) = phrasing(rng, ty, topic, file.collection.is_some());
        let b = &mut self.buf;
        b.subject.clear();
        render(pattern, ctx, topic.text, &mut b.subject);

        // Who issued it, with which number and symbol.
        let issuer_index = issuer(rng, ty, file, ctx.district);
        let Some(issuer) = plan.issuers.get(issuer_index) else {
            anyhow::bail!("corpus plan has no issuer {issuer_index}");
        };
        let no_number = matches!(ty, 29 | 32);
        b.number.clear();
        b.notation.clear();
        if !no_number {
            let factor = match ty {
                2 => 10,
                22 => 15,
                14 | 15 => 3,
                7 | 10 => 2,
                _ => 1,
            };
            let annual = issuer.volume * 10 * factor;
            let n = 1
                + u64::from(day) * u64::from(annual) / 366
                + rng.random_range(0..=u64::from(annual / 50));
            push_num(&mut b.number, n);
            let abbr = if issuer.abbr == "UBND" && file.year < 2004 {
                "UB"
            } else {
                issuer.abbr
            };
            let ty_abbr = TYPES.get(usize::from(ty) - 1).map_or("", |t| t.abbr);
            if ty_abbr.is_empty() {
                b.notation.push_str(abbr);
                b.notation.push('-');
                b.notation.push_str(word(rng, issuer.depts));
            } else {
                b.notation.push_str(ty_abbr);
                b.notation.push('-');
                b.notation.push_str(abbr);
            }
        }
        b.date.clear();
        if rng.random_bool(0.004) {
            push_month(&mut b.date, file.year, day);
        } else {
            push_date(&mut b.date, file.year, day);
        }

        b.file_code.clear();
        b.file_code.push_str(file.code);
        b.ordinal.clear();
        push_num(&mut b.ordinal, u64::from(ordinal));
        let mut type_code = TYPE_CODES.get(usize::from(ty)).copied().unwrap_or("32");
        let mut mode = own.code();
        match broken {
            Some(InvalidKind::ImpossibleDate) => {
                b.date.clear();
                b.date.push_str("31/02/");
                push_num(&mut b.date, u64::from(file.year));
            }
            Some(InvalidKind::UnknownType) => type_code = "99",
            Some(InvalidKind::MissingSubject) => b.subject.clear(),
            Some(InvalidKind::SubjectTooLong) => {
                let base = b.subject.clone();
                while b.subject.chars().count() <= 500 {
                    b.subject.push_str("; ");
                    b.subject.push_str(&base);
                }
            }
            Some(InvalidKind::BadMode) => mode = "05",
            Some(InvalidKind::UnknownFile) => {
                // Same fonds, year and number, in catalogue 99, which no fonds has.
                let number = file.code.rsplit('.').next().unwrap_or("001");
                b.file_code.clear();
                b.file_code.push_str(&file.fonds.code);
                b.file_code.push('.');
                push_num(&mut b.file_code, u64::from(file.year));
                b.file_code.push_str(".99.");
                b.file_code.push_str(number);
            }
            Some(InvalidKind::DuplicateDocId) | None => {}
        }
        b.doc_id.clear();
        b.doc_code.clear();
        if broken == Some(InvalidKind::DuplicateDocId) {
            b.doc_id.push_str(&self.last_good_id);
        } else {
            b.doc_id.push_str(&b.file_code);
            b.doc_id.push('.');
            b.doc_id.push_str(&b.ordinal);
        }
        b.doc_code.push_str(&b.file_code);
        b.doc_code.push('.');
        push_padded(&mut b.doc_code, u64::from(ordinal), 7);
        b.pages.clear();
        push_num(&mut b.pages, u64::from(pages));

        let keyword = if rng.random_bool(0.7) {
            word(rng, sector.keywords)
        } else {
            ""
        };
        let autograph = if rng.random_bool(0.02) {
            word(rng, AUTOGRAPHS)
        } else {
            ""
        };
        let description = if rng.random_bool(0.05) {
            word(rng, DESCRIPTIONS)
        } else {
            ""
        };
        let process = if rng.random_bool(0.1) { "1" } else { "0" };
        let format = if rng.random_bool(0.9) {
            file.format
        } else {
            weighted(rng, &[("01", 75), ("02", 22), ("03", 3)])
        };
        self.csv.write_record([
            b.file_code.as_str(),
            &b.ordinal,
            &b.doc_id,
            &b.doc_code,
            file.maintenance,
            type_code,
            &b.number,
            &b.notation,
            &b.date,
            &issuer.name,
            &b.subject,
            file.language,
            &b.pages,
            file.sign,
            keyword,
            mode,
            file.confidence,
            autograph,
            format,
            file.risk,
            file.risk_status,
            process,
            description,
        ])?;
        self.written += 1;

        match broken {
            Some(kind) => self.invalid.push(InvalidRow {
                source: "documents.csv",
                line: self.written + 1,
                code: b.doc_id.clone(),
                field: kind.field(),
                kind,
            }),
            None => {
                let effective = own.stricter(file.mode);
                count(&mut summary.own_modes.items, own);
                count(&mut summary.effective_modes.items, effective);
                if effective != Mode::Secret {
                    self.last_good_id.clear();
                    self.last_good_id.push_str(&b.doc_id);
                }
            }
        }
        Ok(())
    }

    /// Draws a document type by the weights of `TYPES`.
    fn draw_type(&self, rng: &mut StdRng) -> u8 {
        let total = self.cumulative.last().copied().unwrap_or(1);
        let r = rng.random_range(0..total);
        let i = self.cumulative.partition_point(|&c| c <= r);
        TYPES.get(i).map_or(22, |t| t.code)
    }
}

/// Picks the phrasing of `topic` by a document of type `ty`; a common type the topic's kind does
/// not phrase gives way to one that it does, unless the type is fixed (a collection).
fn phrasing(rng: &mut StdRng, ty: u8, topic: &Topic, fixed: bool) -> (u8, &'static str) {
    let patterns = for_kind(topic.kind);
    let of_type = |p: &&Pattern| p.ty == ty && fits(p.text, topic.text);
    let fitting = patterns.iter().filter(of_type).count();
    if fitting > 0 {
        let k = rng.random_range(0..fitting);
        if let Some(p) = patterns.iter().filter(of_type).nth(k) {
            return (ty, p.text);
        }
    }
    if !fixed && is_common(ty) {
        let any = |p: &&Pattern| fits(p.text, topic.text);
        let fitting = patterns.iter().filter(any).count();
        if fitting > 0 {
            let k = rng.random_range(0..fitting);
            if let Some(p) = patterns.iter().filter(any).nth(k) {
                return (p.ty, p.text);
            }
        }
    }
    let generic = GENERIC
        .iter()
        .find(|p| p.ty == ty)
        .map_or("về việc {o}", |p| p.text);
    (ty, generic)
}

/// An item's own mode in a file of mode `file`: public files hold a few conditional and secret
/// items; most items of a restricted file carry its mode, some say 01 and inherit it.
fn own_mode(rng: &mut StdRng, file: Mode) -> Mode {
    match file {
        Mode::Public => {
            let r: f64 = rng.random();
            if r < 0.005 {
                Mode::Conditional
            } else if r < 0.0075 {
                Mode::Secret
            } else {
                Mode::Public
            }
        }
        restricted => {
            if rng.random_bool(0.7) {
                restricted
            } else {
                Mode::Public
            }
        }
    }
}

/// Index in `Plan::issuers` of the body that issued a document of type `ty` found in `file`.
fn issuer(rng: &mut StdRng, ty: u8, file: &FileRef<'_>, district: usize) -> usize {
    let fonds = file.fonds;
    if ty == 1 {
        // Resolutions come from People's Councils.
        return match fonds.home {
            Some((d, _)) if rng.random_bool(0.7) => district_hdnd(d),
            _ => HDND_TINH,
        };
    }
    let r: f64 = rng.random();
    let sector = file.sector.index;
    if r < 0.72 {
        fonds.issuer
    } else if r < 0.82 {
        UBND_TINH
    } else if r < 0.90 {
        district_ubnd(district)
    } else if r < 0.95 {
        SECTORS[sector].organ
    } else if r < 0.99
        || !matches!(ty, 2 | 3 | 23)
        || file.topic.is_none_or(|t| t.kind != Kind::Program)
    {
        ministry(sector)
    } else {
        prime_minister()
    }
}
