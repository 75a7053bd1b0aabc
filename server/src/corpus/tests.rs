//! Tests of the corpus generator: determinism, counts, modes, TT05 lengths and formats, the CSV
//! read back with the csv crate, and the deliberately broken rows.

use std::cell::Cell;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use rand::SeedableRng;
use rand::rngs::StdRng;
use unicode_normalization::is_nfc;

use super::dates::days_in_month;
use super::*;

type Row = HashMap<String, String>;

fn generate_into(spec: &CorpusSpec) -> (tempfile::TempDir, CorpusSummary) {
    let dir = tempfile::tempdir().expect("temp dir");
    let summary = generate(spec, dir.path(), &|_| {}).expect("generate");
    (dir, summary)
}

/// Reads a CSV back as header-keyed rows, with the csv crate, checking the header too.
fn read(dir: &Path, name: &str, header: &[&str]) -> Vec<Row> {
    let mut reader = csv::Reader::from_path(dir.join(name)).expect("open csv");
    let found: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(found, header, "{name} header");
    reader
        .records()
        .map(|r| {
            let r = r.expect("record");
            assert_eq!(r.len(), header.len(), "{name}: every row has every column");
            found
                .iter()
                .cloned()
                .zip(r.iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

fn read_all(dir: &Path) -> (Vec<Row>, Vec<Row>, Vec<Row>) {
    (
        read(dir, "fonds.csv", generator::FONDS_HEADER),
        read(dir, "files.csv", generator::FILES_HEADER),
        read(dir, "documents.csv", items::DOCUMENTS_HEADER),
    )
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// (year, month, day) of a `DD/MM/YYYY` date that exists; month-only dates give day 0.
fn parse_date(s: &str) -> Option<(u16, u8, u8)> {
    let parts: Vec<&str> = s.split('/').collect();
    let (day, month, year) = match parts.as_slice() {
        [d, m, y] if d.len() == 2 => (
            d.parse::<u8>().ok()?,
            m.parse::<u8>().ok()?,
            y.parse::<u16>().ok()?,
        ),
        [m, y] => (0, m.parse::<u8>().ok()?, y.parse::<u16>().ok()?),
        _ => return None,
    };
    if !(1..=12).contains(&month)
        || !(1000..=2100).contains(&year)
        || day > days_in_month(year, month)
    {
        return None;
    }
    if parts.len() == 3 && day == 0 {
        return None;
    }
    Some((year, month, day))
}

/// Checks a file row against TT05; returns the first field in error.
fn file_problem(row: &Row) -> Option<&'static str> {
    let code = &row["fileCode"];
    let parts: Vec<&str> = code.split('.').collect();
    let catalog: u64 = row["catalogNo"].parse().ok()?;
    if parts.len() != 5
        || chars(code) > 100
        || parts[3] != format!("{catalog:02}")
        || parts[4].len() < 3
    {
        return Some("fileCode");
    }
    if format!("{}.{}", parts[0], parts[1]) != row["fondsCode"] {
        return Some("fondsCode");
    }
    if row["title"].is_empty() || chars(&row["title"]) > 1000 {
        return Some("title");
    }
    if chars(&row["fileNotation"]) > 20 {
        return Some("fileNotation");
    }
    if !["01", "02", "03"].contains(&row["mode"].as_str()) {
        return Some("mode");
    }
    let (Some(start), Some(end)) = (parse_date(&row["startDate"]), parse_date(&row["endDate"]))
    else {
        return Some("startDate");
    };
    if start > end || start.0.to_string() != parts[2] {
        return Some("endDate");
    }
    if chars(&row["keyword"]) > 100 {
        return Some("keyword");
    }
    if chars(&row["inforSign"]) > 30 {
        return Some("inforSign");
    }
    if row["confidenceLevel"] == "02" && row["paperFileCode"].is_empty() {
        return Some("paperFileCode");
    }
    if row["riskRecovery"] == "1" && row["riskRecoveryStatus"].is_empty() {
        return Some("riskRecoveryStatus");
    }
    if chars(&row["description"]) > 2000 {
        return Some("description");
    }
    None
}

/// Checks a document row against TT05 and the files; returns the first field in error.
/// `seen` holds the docIds of the valid rows before it.
fn doc_problem(
    row: &Row,
    files: &HashMap<String, &Row>,
    seen: &HashSet<String>,
) -> Option<&'static str> {
    let file_code = &row["fileCode"];
    let Some(file) = files.get(file_code) else {
        return Some("fileCode");
    };
    let ordinal = &row["docOrdinal"];
    let doc_id = &row["docId"];
    if *doc_id != format!("{file_code}.{ordinal}") || chars(doc_id) > 25 || seen.contains(doc_id) {
        return Some("docId");
    }
    let ordinal: u64 = ordinal.parse().ok()?;
    if row["docCode"] != format!("{file_code}.{ordinal:07}") {
        return Some("docCode");
    }
    let ty = &row["typeName"];
    if ty.len() != 2 || !ty.parse::<u8>().is_ok_and(|t| (1..=32).contains(&t)) {
        return Some("typeName");
    }
    if chars(&row["codeNumber"]) > 11 {
        return Some("codeNumber");
    }
    if chars(&row["codeNotation"]) > 30 {
        return Some("codeNotation");
    }
    let Some(date) = parse_date(&row["issuedDate"]) else {
        return Some("issuedDate");
    };
    let start = parse_date(&file["startDate"]);
    let end = parse_date(&file["endDate"]);
    let within = |d: (u16, u8, u8)| {
        let month_only = |x: (u16, u8, u8)| (x.0, x.1);
        start.is_some_and(|s| month_only(s) <= month_only(d) && (d.2 == 0 || s <= d))
            && end.is_some_and(|e| month_only(d) <= month_only(e) && (d.2 == 0 || d <= e))
    };
    if !within(date) {
        return Some("issuedDate");
    }
    if row["organName"].is_empty() || chars(&row["organName"]) > 200 {
        return Some("organName");
    }
    if row["subject"].is_empty() || chars(&row["subject"]) > 500 {
        return Some("subject");
    }
    if !["01", "02", "03"].contains(&row["mode"].as_str()) {
        return Some("mode");
    }
    if chars(&row["numberOfPage"]) > 4
        || chars(&row["inforSign"]) > 30
        || chars(&row["keyword"]) > 100
    {
        return Some("numberOfPage");
    }
    if chars(&row["autograph"]) > 2000 || chars(&row["description"]) > 500 {
        return Some("description");
    }
    None
}

fn mode_of(code: &str) -> Mode {
    match code {
        "02" => Mode::Conditional,
        "03" => Mode::Secret,
        _ => Mode::Public,
    }
}

use crate::catalogue::model::Mode;

fn add(counts: &mut ModeCounts, mode: Mode) {
    draw::count(counts, mode);
}

/// What checking every row of a corpus finds.
struct Audit {
    /// (line, field) of every document row in error.
    problems: BTreeSet<(u64, String)>,
    /// Mode counts of the valid rows, recounted from the CSV.
    own: LevelModes,
    effective: LevelModes,
}

fn audit(dir: &Path) -> Audit {
    let (fonds, files, docs) = read_all(dir);
    let mut modes = LevelModes::default();
    let mut effective = LevelModes::default();
    for f in &fonds {
        assert!(
            chars(&f["fondsCode"]) <= 13 && chars(&f["fondsName"]) <= 200,
            "fonds lengths"
        );
        assert!(
            chars(&f["keyGroups"]) <= 300 && chars(&f["archivesTime"]) <= 30,
            "fonds lengths"
        );
        add(&mut modes.fonds, mode_of(&f["mode"]));
        add(&mut effective.fonds, mode_of(&f["mode"]));
    }
    let fonds_codes: HashSet<&str> = fonds.iter().map(|f| f["fondsCode"].as_str()).collect();
    let mut by_code = HashMap::new();
    for f in &files {
        assert_eq!(file_problem(f), None, "file row {f:?}");
        assert!(
            fonds_codes.contains(f["fondsCode"].as_str()),
            "file of a known fonds"
        );
        assert!(
            by_code.insert(f["fileCode"].clone(), f).is_none(),
            "unique fileCode"
        );
        add(&mut modes.files, mode_of(&f["mode"]));
        add(&mut effective.files, mode_of(&f["mode"]));
    }
    let mut seen = HashSet::new();
    let mut problems = BTreeSet::new();
    for (i, d) in docs.iter().enumerate() {
        for (field, value) in d {
            assert!(is_nfc(value), "{field} is NFC: {value}");
            assert!(
                !value.contains(['{', '}', '\n', '\r']),
                "{field} is filled in: {value}"
            );
        }
        match doc_problem(d, &by_code, &seen) {
            Some(field) => {
                problems.insert((i as u64 + 2, field.to_owned()));
            }
            None => {
                let own = mode_of(&d["mode"]);
                let file_mode = mode_of(&by_code[&d["fileCode"]]["mode"]);
                add(&mut modes.items, own);
                add(&mut effective.items, own.stricter(file_mode));
                seen.insert(d["docId"].clone());
            }
        }
    }
    Audit {
        problems,
        own: modes,
        effective,
    }
}

#[test]
fn same_seed_gives_the_same_bytes_and_another_seed_does_not() {
    let spec = CorpusSpec::new(3_000);
    let (a, _) = generate_into(&spec);
    let (b, _) = generate_into(&spec);
    for name in ["fonds.csv", "files.csv", "documents.csv"] {
        let x = std::fs::read(a.path().join(name)).expect("read");
        let y = std::fs::read(b.path().join(name)).expect("read");
        assert!(x == y, "{name} differs between two runs with one seed");
    }
    let mut other = spec.clone();
    other.seed += 1;
    let (c, _) = generate_into(&other);
    let x = std::fs::read(a.path().join("documents.csv")).expect("read");
    let z = std::fs::read(c.path().join("documents.csv")).expect("read");
    assert!(x != z, "another seed gives another corpus");
}

#[test]
fn counts_match_the_csv_and_the_first_fonds_is_big() {
    let progress = Cell::new(0);
    let dir = tempfile::tempdir().expect("temp dir");
    let spec = CorpusSpec::new(20_000);
    let summary = generate(&spec, dir.path(), &|n| progress.set(n)).expect("generate");
    assert_eq!(progress.get(), 20_000, "progress ends at the item count");
    let (fonds, files, docs) = read_all(dir.path());
    assert_eq!(docs.len() as u64, 20_000);
    assert_eq!(summary.items, 20_000);
    assert_eq!(summary.files, files.len() as u64);
    assert_eq!(summary.fonds, fonds.len() as u64);
    assert_eq!(summary.files, 2_500, "8 items per file on average");
    assert!(summary.fonds >= 2, "several fonds");

    let big: Vec<&Row> = files
        .iter()
        .filter(|f| f["fondsCode"] == summary.big_fonds_code)
        .collect();
    assert_eq!(
        fonds[0]["fondsCode"], summary.big_fonds_code,
        "the big fonds comes first"
    );
    assert_eq!(big.len() as u64, summary.big_fonds_files);
    assert_eq!(summary.big_fonds_files, 2_000, "80 % of the files");
    assert!(
        big.iter().all(|f| f["catalogNo"] == "1"),
        "the big fonds is one list"
    );

    let mut catalogues: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for f in &files {
        catalogues
            .entry(&f["fondsCode"])
            .or_default()
            .insert(&f["catalogNo"]);
    }
    assert_eq!(
        catalogues.values().map(BTreeSet::len).sum::<usize>() as u64,
        summary.series
    );
    assert!(
        catalogues.values().all(|c| (1..=5).contains(&c.len())),
        "1–5 catalogues per fonds"
    );

    let mut per_file: HashMap<&str, u64> = HashMap::new();
    for d in &docs {
        *per_file.entry(&d["fileCode"]).or_default() += 1;
    }
    for f in &files {
        let n = per_file.get(f["fileCode"].as_str()).copied().unwrap_or(0);
        assert_eq!(
            f["totalDoc"],
            n.to_string(),
            "totalDoc of {}",
            f["fileCode"]
        );
        assert!((1..=60).contains(&n), "items per file");
    }
}

#[test]
fn every_row_is_valid_tt05_and_the_summary_counts_the_modes() {
    let (dir, summary) = generate_into(&CorpusSpec::new(20_000));
    let audit = audit(dir.path());
    assert_eq!(
        audit.problems,
        BTreeSet::new(),
        "a clean corpus has no invalid row"
    );
    assert_eq!(audit.own, summary.own_modes);
    assert_eq!(audit.effective, summary.effective_modes);
    assert!(summary.invalid.is_empty());
    let files = &summary.own_modes.files;
    let share = |n: u64| n as f64 / summary.files as f64;
    assert!(
        (0.86..0.94).contains(&share(files.public)),
        "about 90 % public files: {files:?}"
    );
    assert!(
        (0.05..0.11).contains(&share(files.conditional)),
        "about 8 % conditional: {files:?}"
    );
    assert!(
        (0.005..0.04).contains(&share(files.secret)),
        "about 2 % secret: {files:?}"
    );
    let (_, stored_files, stored_items) = summary.expected_stored();
    assert_eq!(
        stored_files + summary.effective_modes.files.secret,
        summary.files
    );
    assert_eq!(
        stored_items + summary.effective_modes.items.secret,
        summary.items
    );
}

#[test]
fn every_mode_appears_in_a_corpus_of_50_items() {
    let (dir, summary) = generate_into(&CorpusSpec::new(50));
    let Audit {
        problems,
        own,
        effective,
    } = audit(dir.path());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(own, summary.own_modes);
    assert_eq!(effective, summary.effective_modes);
    for counts in [&own.files, &own.items] {
        assert!(
            counts.public > 0 && counts.conditional > 0 && counts.secret > 0,
            "{own:?}"
        );
    }
    // Items with their own 02 and 03 inside a public file.
    let (_, files, docs) = read_all(dir.path());
    let public: HashSet<&str> = files
        .iter()
        .filter(|f| f["mode"] == "01")
        .map(|f| f["fileCode"].as_str())
        .collect();
    for mode in ["02", "03"] {
        assert!(
            docs.iter()
                .any(|d| d["mode"] == mode && public.contains(d["fileCode"].as_str())),
            "{mode}"
        );
    }
}

#[test]
fn tiny_corpora_have_exactly_the_items_asked() {
    for n in [1, 2, 3, 7, 13, 50, 101] {
        let (dir, summary) = generate_into(&CorpusSpec::new(n));
        let (_, _, docs) = read_all(dir.path());
        assert_eq!(docs.len() as u64, n);
        assert_eq!(summary.items, n);
        let problems = audit(dir.path()).problems;
        assert!(problems.is_empty(), "n = {n}: {problems:?}");
    }
}

#[test]
fn broken_rows_are_exactly_where_the_summary_says() {
    let mut spec = CorpusSpec::new(5_000);
    spec.invalid_rows = 21;
    let (dir, summary) = generate_into(&spec);
    assert_eq!(summary.invalid.len(), 21);
    let Audit {
        problems,
        own,
        effective,
    } = audit(dir.path());
    let listed: BTreeSet<(u64, String)> = summary
        .invalid
        .iter()
        .map(|r| (r.line, r.field.to_owned()))
        .collect();
    assert_eq!(
        problems, listed,
        "the checker finds exactly the listed rows"
    );
    assert_eq!(
        effective, summary.effective_modes,
        "broken rows are not counted"
    );
    assert_eq!(own, summary.own_modes);
    for kind in InvalidKind::ALL {
        assert_eq!(
            summary.invalid.iter().filter(|r| r.kind == kind).count(),
            3,
            "{kind:?}"
        );
    }
    let (_, files, docs) = read_all(dir.path());
    let codes: HashSet<&str> = files.iter().map(|f| f["fileCode"].as_str()).collect();
    for r in &summary.invalid {
        assert_eq!(r.source, "documents.csv");
        let row = &docs[(r.line - 2) as usize];
        assert_eq!(row["docId"], r.code);
        let value = &row[r.field];
        match r.kind {
            InvalidKind::ImpossibleDate => assert!(value.starts_with("31/02/"), "{value}"),
            InvalidKind::UnknownType => assert_eq!(value, "99"),
            InvalidKind::MissingSubject => assert_eq!(value, ""),
            InvalidKind::SubjectTooLong => assert!(chars(value) > 500),
            InvalidKind::BadMode => assert_eq!(value, "05"),
            InvalidKind::UnknownFile => assert!(!codes.contains(value.as_str())),
            InvalidKind::DuplicateDocId => {
                let earlier = docs[..(r.line - 2) as usize]
                    .iter()
                    .any(|d| d["docId"] == *value);
                assert!(earlier, "duplicates an earlier docId");
            }
        }
        let file_mode = files
            .iter()
            .find(|f| f["fileCode"] == row["fileCode"])
            .map(|f| f["mode"].as_str());
        assert_ne!(
            file_mode,
            Some("03"),
            "no broken row hides in a secret file"
        );
        assert_ne!(row["mode"], "03", "no broken row is secret itself");
    }
    assert_eq!(summary.items, 5_000);
    assert_eq!(
        summary.effective_modes.items.public
            + summary.effective_modes.items.conditional
            + summary.effective_modes.items.secret
            + 21,
        5_000
    );
}

#[test]
fn a_million_items_give_a_fonds_of_100_000_files_within_tt05_lengths() {
    let spec = CorpusSpec::new(1_000_000);
    let mut rng = StdRng::seed_from_u64(spec.seed);
    let plan = plan::make(&spec, &mut rng).expect("plan");
    assert_eq!(plan.sizes.len(), 125_000);
    assert_eq!(
        plan.sizes.iter().map(|&s| u64::from(s)).sum::<u64>(),
        1_000_000
    );
    assert_eq!(plan.fonds[0].catalogues, vec![100_000]);
    // The longest docId: the big fonds' last file number and the largest ordinal.
    let longest = format!(
        "{}.2020.01.{:03}.{}",
        plan.fonds[0].code,
        100_000,
        plan::MAX_ITEMS_PER_FILE
    );
    assert!(longest.chars().count() <= 25, "{longest}");
    assert!(plan.fonds.len() <= plan::fonds_pool());
}

#[test]
fn impossible_specs_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fail = |spec: CorpusSpec| {
        generate(&spec, dir.path(), &|_| {})
            .expect_err("refused")
            .to_string()
    };
    assert!(fail(CorpusSpec::new(0)).contains("at least one item"));
    let mut spec = CorpusSpec::new(100);
    spec.fonds_count = Some(500);
    assert!(fail(spec).contains("fonds"));
    let mut spec = CorpusSpec::new(10);
    spec.invalid_rows = 100;
    assert!(fail(spec).contains("invalid rows"));
    let mut spec = CorpusSpec::new(10);
    spec.big_fonds_share = 1.5;
    assert!(fail(spec).contains("big_fonds_share"));
}

#[test]
fn many_fonds_and_the_whole_pool_work() {
    let mut spec = CorpusSpec::new(4_000);
    spec.fonds_count = Some(plan::fonds_pool() as u32);
    spec.big_fonds_share = 0.2;
    let (dir, summary) = generate_into(&spec);
    assert_eq!(summary.fonds as usize, plan::fonds_pool());
    let problems = audit(dir.path()).problems;
    assert!(problems.is_empty(), "{problems:?}");
    let (fonds, _, _) = read_all(dir.path());
    let names: HashSet<&str> = fonds.iter().map(|f| f["fondsName"].as_str()).collect();
    assert_eq!(names.len(), fonds.len(), "fonds names are unique");
}

#[test]
fn type_weights_add_up() {
    assert_eq!(
        patterns::TYPES.iter().map(|t| t.weight).sum::<u32>(),
        patterns::TOTAL_WEIGHT
    );
    assert!(
        patterns::TYPES
            .iter()
            .enumerate()
            .all(|(i, t)| usize::from(t.code) == i + 1)
    );
    assert!(
        patterns::GENERIC
            .iter()
            .enumerate()
            .all(|(i, p)| usize::from(p.ty) == i + 1)
    );
}
