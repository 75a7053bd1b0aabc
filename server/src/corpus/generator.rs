//! Streams the planned corpus to CSV: one fonds row per fonds, then its files catalogue by
//! catalogue, each file row followed by its items.

use std::fs::{self, File};
use std::path::Path;

use anyhow::{Context as _, Result};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::dates::{days_in_year, push_date};
use super::draw::{count, page_count, person, pick, place, weighted, word};
use super::items::{ItemRow, SectorRef};
use super::patterns::{COLLECTION_TITLES, COLLECTIONS, FILE_PERIODS, PERIODS, file_titles, fits};
use super::plan::{self, FondsPlan, Plan};
use super::render::{Ctx, capitalise, push_num, push_padded, render};
use super::topics::{SECTORS, Topic};
use super::words::ARCHIVE_CODE;
use super::{CorpusSpec, CorpusSummary};
use crate::catalogue::model::Mode;

/// The columns of `fonds.csv`: the TT05 tags of the level (without `digitalFiles`).
pub const FONDS_HEADER: &[&str] = app::tags::FONDS_TAGS;

/// The columns of `files.csv`: the TT05 tags of the level (without `digitalFiles`).
pub const FILES_HEADER: &[&str] = app::tags::FILE_TAGS.split_at(21).0;

/// How often `progress` is called, in items.
const PROGRESS_EVERY: u64 = 16_384;

pub fn run(spec: &CorpusSpec, out: &Path, progress: &dyn Fn(u64)) -> Result<CorpusSummary> {
    let mut rng = StdRng::seed_from_u64(spec.seed);
    let plan = plan::make(spec, &mut rng)?;
    fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut g = Generator {
        plan: &plan,
        rng,
        fonds_csv: writer(out, "fonds.csv")?,
        files_csv: writer(out, "files.csv")?,
        item: ItemRow::new(
            writer(out, "documents.csv")?,
            spec.invalid_rows,
            plan.eligible,
        )?,
        summary: CorpusSummary {
            seed: spec.seed,
            archive_code: ARCHIVE_CODE.to_owned(),
            ..CorpusSummary::default()
        },
        file_index: 0,
        progress,
        reported: 0,
        buf: FileBuf::default(),
    };
    g.fonds_csv.write_record(FONDS_HEADER)?;
    g.files_csv.write_record(FILES_HEADER)?;
    for f in &plan.fonds {
        g.fonds(f)?;
    }
    g.fonds_csv.flush()?;
    g.files_csv.flush()?;
    let (items, invalid) = g.item.finish()?;
    let mut summary = g.summary;
    summary.items = items;
    summary.invalid = invalid;
    summary.big_fonds_code = plan
        .fonds
        .first()
        .map(|f| f.code.clone())
        .unwrap_or_default();
    summary.big_fonds_files = plan
        .fonds
        .first()
        .map(|f| f.catalogues.iter().sum())
        .unwrap_or(0);
    progress(items);
    Ok(summary)
}

fn writer(dir: &Path, name: &str) -> Result<csv::Writer<File>> {
    let path = dir.join(name);
    let file = File::create(&path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .buffer_capacity(1 << 20)
        .from_writer(file))
}

/// Reused text of one file row.
#[derive(Default)]
struct FileBuf {
    code: String,
    notation: String,
    title: String,
    start: String,
    end: String,
    keyword: String,
    total: String,
    papers: String,
    pages: String,
    paper_code: String,
    days: Vec<u16>,
    page_counts: Vec<u16>,
}

struct Generator<'p> {
    plan: &'p Plan,
    rng: StdRng,
    fonds_csv: csv::Writer<File>,
    files_csv: csv::Writer<File>,
    item: ItemRow,
    summary: CorpusSummary,
    file_index: usize,
    progress: &'p dyn Fn(u64),
    reported: u64,
    buf: FileBuf,
}

impl<'p> Generator<'p> {
    fn fonds(&mut self, f: &'p FondsPlan) -> Result<()> {
        let files: u64 = f.catalogues.iter().sum();
        let mut groups: Vec<&str> = Vec::new();
        let mut len = 0;
        for &s in f.sectors {
            let area = SECTORS[s].area;
            if !groups.contains(&area) && len + area.chars().count() + 2 <= 300 {
                len += area.chars().count() + 2;
                groups.push(area);
            }
        }
        let years = format!("{}-{}", f.from, f.to);
        let total = files.to_string();
        let other = if self.rng.random_bool(0.5) {
            "Ảnh; Bản đồ"
        } else {
            ""
        };
        self.fonds_csv.write_record([
            f.code.as_str(),
            ARCHIVE_CODE,
            &f.name,
            &f.history,
            &years,
            &total,
            "0",
            &groups.join("; "),
            other,
            "01",
            "Mục lục hồ sơ; Cơ sở dữ liệu",
            "0",
            "01",
            "01",
            "",
        ])?;
        self.summary.fonds += 1;
        self.summary.own_modes.fonds.public += 1;
        self.summary.effective_modes.fonds.public += 1;
        for (i, &count) in f.catalogues.iter().enumerate() {
            self.summary.series += 1;
            let mut years: Vec<u16> = (0..count)
                .map(|_| self.rng.random_range(f.from..=f.to))
                .collect();
            years.sort_unstable();
            for (n, &year) in years.iter().enumerate() {
                self.file(f, i as u64 + 1, n as u64 + 1, year)?;
            }
        }
        Ok(())
    }

    /// Binds the placeholders for one file of fonds `f`: a place (mostly the fonds' own district
    /// for local bodies), a person, the year.
    fn bind(&mut self, f: &'p FondsPlan, year: u16) -> Ctx<'p> {
        let rng = &mut self.rng;
        let mut ctx = Ctx {
            district: 0,
            huyen: "",
            xa: "",
            xa2: "",
            thon: "",
            ongba: "",
            family: "",
            given: "",
            nam: year,
            ky: word(rng, PERIODS),
            coquan: &f.short,
            linhvuc: "",
            loai: "",
            thang1: rng.random_range(1..=6),
            thang2: rng.random_range(7..=12),
        };
        place(rng, f, &mut ctx);
        person(rng, &mut ctx);
        ctx
    }

    fn file(&mut self, f: &'p FondsPlan, catalog: u64, number: u64, year: u16) -> Result<()> {
        let index = self.file_index;
        self.file_index += 1;
        let size = self.plan.sizes.get(index).copied().unwrap_or(1);
        let mode = self.plan.modes.get(index).copied().unwrap_or(Mode::Public);
        let sector_index = *pick(&mut self.rng, f.sectors);
        let sector = &SECTORS[sector_index];
        let mut ctx = self.bind(f, year);
        let b = &mut self.buf;

        b.code.clear();
        b.code.push_str(&f.code);
        b.code.push('.');
        push_num(&mut b.code, u64::from(year));
        b.code.push('.');
        push_padded(&mut b.code, catalog, 2);
        b.code.push('.');
        push_padded(&mut b.code, number, 3);
        b.notation.clear();
        push_padded(&mut b.notation, catalog, 2);
        b.notation.push('.');
        push_padded(&mut b.notation, number, 3);

        // A "Tập …" of one document type on many topics, or a file on one topic.
        let rng = &mut self.rng;
        let (collection, topic): (Option<u8>, Option<&'static Topic>) = if rng.random_bool(0.4) {
            let (mut ty, mut loai) = *pick(rng, COLLECTIONS);
            let council = self
                .plan
                .issuers
                .get(f.issuer)
                .is_some_and(|i| i.abbr == "HĐND");
            if (ty == 1 && !council) || (ty == 3 && council) {
                (ty, loai) = (2, "quyết định");
            }
            ctx.loai = loai;
            ctx.linhvuc = sector.area;
            b.title.clear();
            render(word(rng, COLLECTION_TITLES), &ctx, "", &mut b.title);
            (Some(ty), None)
        } else {
            let topic = pick(rng, sector.topics);
            let ky = ctx.ky;
            ctx.ky = word(rng, FILE_PERIODS);
            b.title.clear();
            let titles = file_titles(topic.kind);
            let fitting = titles.iter().filter(|t| fits(t, topic.text)).count();
            let k = rng.random_range(0..fitting.max(1));
            let title = titles
                .iter()
                .filter(|t| fits(t, topic.text))
                .nth(k)
                .copied()
                .unwrap_or("Hồ sơ {o}");
            render(title, &ctx, topic.text, &mut b.title);
            ctx.ky = ky;
            (None, Some(topic))
        };
        capitalise(&mut b.title);

        // Dates: a collection spans the year, a topic file a few months; items in date order.
        let year_days = days_in_year(year);
        let (first, last) = if collection.is_some() {
            (
                rng.random_range(0..40),
                year_days - 1 - rng.random_range(0..40),
            )
        } else {
            let first = rng.random_range(0..year_days);
            (
                first,
                first + rng.random_range(0..=(year_days - 1 - first).min(240)),
            )
        };
        b.days.clear();
        b.days
            .extend((0..size).map(|_| rng.random_range(first..=last)));
        b.days.sort_unstable();
        b.page_counts.clear();
        b.page_counts.extend((0..size).map(|_| page_count(rng)));
        let pages: u64 = b.page_counts.iter().map(|&p| u64::from(p)).sum();
        let papers: u64 = b
            .page_counts
            .iter()
            .map(|&p| u64::from(p).div_ceil(2))
            .sum();
        let (start_day, end_day) = (
            b.days.first().copied().unwrap_or(first),
            b.days.last().copied().unwrap_or(last),
        );
        b.start.clear();
        push_date(&mut b.start, year, start_day);
        b.end.clear();
        push_date(&mut b.end, year, end_day);

        b.keyword.clear();
        b.keyword.push_str(word(rng, sector.keywords));
        if rng.random_bool(0.5) {
            let second = word(rng, sector.keywords);
            if !b.keyword.starts_with(second) {
                b.keyword.push_str("; ");
                b.keyword.push_str(second);
            }
        }
        b.total.clear();
        push_num(&mut b.total, u64::from(size));
        b.papers.clear();
        push_num(&mut b.papers, papers);
        b.pages.clear();
        push_num(&mut b.pages, pages);

        let maintenance = weighted(
            rng,
            &[
                ("01", 55),
                ("02", 20),
                ("03", 10),
                ("04", 8),
                ("05", 4),
                ("06", 3),
            ],
        );
        let language = weighted(
            rng,
            &[
                ("01", 960),
                ("01,02", 20),
                ("01,03", 10),
                ("06", 5),
                ("08", 5),
            ],
        );
        let format = weighted(rng, &[("01", 75), ("02", 22), ("03", 3)]);
        let sign = if rng.random_bool(0.6) {
            sector.sign
        } else {
            ""
        };
        let confidence = if year >= 2012 && rng.random_bool(0.3) {
            "01"
        } else if rng.random_bool(0.9) {
            "02"
        } else {
            "03"
        };
        b.paper_code.clear();
        if confidence != "01" {
            b.paper_code.push_str(ARCHIVE_CODE);
            b.paper_code.push_str(".K");
            push_num(&mut b.paper_code, rng.random_range(1..=4));
            b.paper_code.push_str(".G");
            push_padded(&mut b.paper_code, rng.random_range(1..=40), 2);
            b.paper_code.push_str(".H");
            push_padded(&mut b.paper_code, rng.random_range(1..=250), 3);
            b.paper_code.push('.');
            push_num(&mut b.paper_code, number);
        }
        let risk = rng.random_bool(0.4);
        let risk_status = if !risk {
            ""
        } else if rng.random_bool(0.7) {
            "01"
        } else {
            "02"
        };
        let description = match format {
            "02" if rng.random_bool(0.3) => "Tài liệu ố vàng, một số trang mờ chữ",
            "03" => "Giấy giòn, rách mép, cần tu bổ",
            _ => "",
        };
        let catalog_text = catalog.to_string();
        self.files_csv.write_record([
            f.code.as_str(),
            &catalog_text,
            &b.code,
            &b.notation,
            &b.title,
            maintenance,
            mode.code(),
            language,
            &b.start,
            &b.end,
            &b.keyword,
            &b.total,
            &b.papers,
            &b.pages,
            format,
            sign,
            confidence,
            &b.paper_code,
            if risk { "1" } else { "0" },
            risk_status,
            description,
        ])?;
        self.summary.files += 1;
        count(&mut self.summary.own_modes.files, mode);
        count(&mut self.summary.effective_modes.files, mode);

        let file = super::items::FileRef {
            fonds: f,
            code: &b.code,
            year,
            first_file: index == 0,
            mode,
            collection,
            topic,
            sector: SectorRef {
                index: sector_index,
                sector,
            },
            maintenance,
            language: language.split(',').next().unwrap_or("01"),
            format,
            sign,
            confidence,
            risk: if risk { "1" } else { "0" },
            risk_status,
        };
        for ordinal in 0..size {
            let day = b.days[usize::from(ordinal)];
            let pages = b.page_counts[usize::from(ordinal)];
            self.item.write(
                &mut self.rng,
                self.plan,
                &file,
                &mut ctx,
                ordinal + 1,
                day,
                pages,
                &mut self.summary,
            )?;
        }
        let written = self.item.written();
        if written - self.reported >= PROGRESS_EVERY {
            self.reported = written;
            (self.progress)(written);
        }
        Ok(())
    }
}
