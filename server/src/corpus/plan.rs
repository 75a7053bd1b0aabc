//! The shape of a corpus, decided before any row is written: which fonds, how many files in each
//! catalogue, how many items in each file, each file's mode, and which bodies issue documents.

use anyhow::{Result, bail};
use rand::Rng;
use rand::rngs::StdRng;

use super::CorpusSpec;
use super::organs::{
    COMMUNE_DEPTS, COMMUNE_HISTORY, COMMUNE_SECTORS, DISTRICT_DEPTS, DISTRICT_HISTORY,
    DISTRICT_SECTORS, HDND_TINH, PRIME_MINISTER, PROVINCIAL, UBND_TINH,
};
use super::render::{Ctx, render};
use super::topics::SECTORS;
use super::words::{ARCHIVE_CODE, DISTRICTS, TINH};
use crate::catalogue::model::Mode;

/// Average number of items in a file.
pub const ITEMS_PER_FILE: u64 = 8;
/// Most items in one file: keeps every `docId` within its 25 characters.
pub const MAX_ITEMS_PER_FILE: u16 = 60;
/// Most catalogues (mục lục) in one fonds.
const MAX_CATALOGUES: u64 = 5;

/// A body that issues documents: the creator of a fonds, a ministry, a district.
pub struct Issuer {
    pub name: String,
    pub abbr: &'static str,
    pub depts: &'static [&'static str],
    /// Documents of one type it numbers in a busy year, in hundreds.
    pub volume: u32,
}

pub struct FondsPlan {
    pub code: String,
    pub name: String,
    /// How titles name the body: "Sở Nội vụ", "Ủy ban nhân dân huyện".
    pub short: String,
    pub history: String,
    pub sectors: &'static [usize],
    pub from: u16,
    pub to: u16,
    /// The district (index in `DISTRICTS`) and commune a local body serves.
    pub home: Option<(usize, Option<usize>)>,
    /// Index in `Plan::issuers` of the fonds' own body.
    pub issuer: usize,
    /// Number of files in each catalogue; catalogue `n` is `catalogues[n - 1]`.
    pub catalogues: Vec<u64>,
}

pub struct Plan {
    pub fonds: Vec<FondsPlan>,
    pub issuers: Vec<Issuer>,
    /// Items per file, in file order.
    pub sizes: Vec<u16>,
    /// Each file's own mode, in file order.
    pub modes: Vec<Mode>,
    /// Items that may be broken: those of non-secret files, without the forced modes of file 0.
    pub eligible: u64,
}

/// Issuer indices: provincial bodies first (same index as `PROVINCIAL`), then one ministry per
/// sector, the Prime Minister, the district People's Committees and the district Councils.
pub fn ministry(sector: usize) -> usize {
    PROVINCIAL.len() + sector
}
pub fn prime_minister() -> usize {
    PROVINCIAL.len() + SECTORS.len()
}
pub fn district_ubnd(district: usize) -> usize {
    prime_minister() + 1 + district
}
pub fn district_hdnd(district: usize) -> usize {
    prime_minister() + 1 + DISTRICTS.len() + district
}

/// Items of file 0 given modes 02 and 03 whatever the draw, so small corpora hold every mode.
pub const FORCED_ITEMS: [(u16, Mode); 2] = [(2, Mode::Conditional), (3, Mode::Secret)];

/// How many fonds the pool can supply: the provincial bodies, the districts and the communes.
pub fn fonds_pool() -> usize {
    PROVINCIAL.len() + DISTRICTS.len() + DISTRICTS.iter().map(|d| d.communes.len()).sum::<usize>()
}

pub fn make(spec: &CorpusSpec, rng: &mut StdRng) -> Result<Plan> {
    if spec.items == 0 {
        bail!("the corpus needs at least one item (--items 1 or more)");
    }
    if !(0.0..=1.0).contains(&spec.big_fonds_share) {
        bail!(
            "big_fonds_share must be between 0 and 1, not {}",
            spec.big_fonds_share
        );
    }
    let files = (spec.items + ITEMS_PER_FILE / 2) / ITEMS_PER_FILE;
    let files = files.max(1);
    let pool = fonds_pool() as u64;
    let fonds_count = match spec.fonds_count {
        Some(0) => bail!("fonds_count must be at least 1"),
        Some(n) if u64::from(n) > pool => {
            bail!("at most {pool} fonds can be generated, not {n}")
        }
        Some(n) => u64::from(n),
        None => (files / 10).clamp(2, 4 + spec.items / 100_000).min(pool),
    }
    .min(files);

    let mut issuers = base_issuers();
    let mut fonds = Vec::new();
    let per_fonds = split_fonds(files, fonds_count, spec.big_fonds_share, rng);
    for (i, &count) in per_fonds.iter().enumerate() {
        let mut f = fonds_at(i, &mut issuers);
        f.catalogues = if i == 0 {
            // The big fonds keeps all its files in one catalogue: one list of 100,000 files.
            vec![count]
        } else {
            let k = rng.random_range(1..=MAX_CATALOGUES).min(count);
            split_weighted(count, k, rng)
        };
        fonds.push(f);
    }

    let sizes = file_sizes(spec.items, files, rng);
    let modes = file_modes(&fonds, rng);
    let forced = if sizes.first().is_some_and(|&s| s >= 3) {
        2
    } else {
        0
    };
    let eligible = sizes
        .iter()
        .zip(&modes)
        .filter(|(_, m)| **m != Mode::Secret)
        .map(|(s, _)| u64::from(*s))
        .sum::<u64>()
        - forced;
    if spec.invalid_rows > eligible {
        bail!(
            "{} invalid rows asked, but only {eligible} items can be broken: ask for more items",
            spec.invalid_rows
        );
    }
    Ok(Plan {
        fonds,
        issuers,
        sizes,
        modes,
        eligible,
    })
}

fn base_issuers() -> Vec<Issuer> {
    let mut issuers: Vec<Issuer> = PROVINCIAL
        .iter()
        .enumerate()
        .map(|(i, o)| Issuer {
            name: format!("{} {TINH}", o.name),
            abbr: o.abbr,
            depts: o.depts,
            volume: if i == UBND_TINH { 20 } else { 6 },
        })
        .collect();
    for s in SECTORS {
        issuers.push(Issuer {
            name: s.ministry.0.to_owned(),
            abbr: s.ministry.1,
            depts: &["VP"],
            volume: 15,
        });
    }
    issuers.push(Issuer {
        name: PRIME_MINISTER.0.to_owned(),
        abbr: PRIME_MINISTER.1,
        depts: &["KTTH"],
        volume: 15,
    });
    for d in DISTRICTS {
        issuers.push(Issuer {
            name: format!("Ủy ban nhân dân {}", d.name),
            abbr: "UBND",
            depts: DISTRICT_DEPTS,
            volume: 8,
        });
    }
    for d in DISTRICTS {
        issuers.push(Issuer {
            name: format!("Hội đồng nhân dân {}", d.name),
            abbr: "HĐND",
            depts: &["VP"],
            volume: 1,
        });
    }
    issuers
}

/// The `index`-th fonds of the pool: the provincial People's Committee, the departments, the
/// provincial Council, then the districts' and the communes' People's Committees.
fn fonds_at(index: usize, issuers: &mut Vec<Issuer>) -> FondsPlan {
    let code = format!("{ARCHIVE_CODE}.{}", 10 + index);
    let order: Vec<usize> = std::iter::once(UBND_TINH)
        .chain((0..PROVINCIAL.len()).filter(|&i| i != UBND_TINH && i != HDND_TINH))
        .chain(std::iter::once(HDND_TINH))
        .collect();
    if let Some(&o) = order.get(index) {
        let organ = &PROVINCIAL[o];
        return FondsPlan {
            code,
            name: format!("{} {TINH}", organ.name),
            short: organ.short.to_owned(),
            history: fill(organ.history, "", ""),
            sectors: organ.sectors,
            from: organ.from,
            to: super::organs::LAST_YEAR,
            home: None,
            issuer: o,
            catalogues: Vec::new(),
        };
    }
    let local = index - order.len();
    if let Some(d) = DISTRICTS.get(local) {
        return FondsPlan {
            code,
            name: format!("Ủy ban nhân dân {}", d.name),
            short: format!("Ủy ban nhân dân {}", d.kind),
            history: fill(DISTRICT_HISTORY, d.name, ""),
            sectors: DISTRICT_SECTORS,
            from: 1979,
            to: super::organs::LAST_YEAR,
            home: Some((local, None)),
            issuer: district_ubnd(local),
            catalogues: Vec::new(),
        };
    }
    let mut n = local - DISTRICTS.len();
    for (di, d) in DISTRICTS.iter().enumerate() {
        if let Some(&commune) = d.communes.get(n) {
            issuers.push(Issuer {
                name: format!("Ủy ban nhân dân {commune}"),
                abbr: "UBND",
                depts: COMMUNE_DEPTS,
                volume: 2,
            });
            let kind = commune.split(' ').next().unwrap_or("xã");
            let kind = if commune.starts_with("thị trấn") {
                "thị trấn"
            } else {
                kind
            };
            return FondsPlan {
                code,
                name: format!("Ủy ban nhân dân {commune}, {}", d.name),
                short: format!("Ủy ban nhân dân {kind}"),
                history: fill(COMMUNE_HISTORY, d.name, commune),
                sectors: COMMUNE_SECTORS,
                from: 1986,
                to: super::organs::LAST_YEAR,
                home: Some((di, Some(n))),
                issuer: issuers.len() - 1,
                catalogues: Vec::new(),
            };
        }
        n -= d.communes.len();
    }
    // `make` never asks for more fonds than the pool holds; fall back on the first body.
    fonds_at(0, issuers)
}

fn fill(template: &str, huyen: &str, xa: &str) -> String {
    let ctx = Ctx {
        district: 0,
        huyen,
        xa,
        xa2: xa,
        thon: "",
        ongba: "",
        family: "",
        given: "",
        nam: 2000,
        ky: "",
        coquan: "",
        linhvuc: "",
        loai: "",
        thang1: 1,
        thang2: 12,
    };
    let mut out = String::new();
    render(template, &ctx, "", &mut out);
    out
}

/// Files per fonds: the first gets `share` of them, the others split the rest, each at least one.
fn split_fonds(files: u64, fonds: u64, share: f64, rng: &mut StdRng) -> Vec<u64> {
    if fonds <= 1 {
        return vec![files];
    }
    let others = fonds - 1;
    // Rounding a share of a file count: the product is far below 2^52.
    let big = ((files as f64) * share).round() as u64;
    let big = big.clamp(1, files - others);
    let mut out = vec![big];
    out.extend(split_weighted(files - big, others, rng));
    out
}

/// Splits `total` into `parts` random-sized parts of at least one each (`parts` ≤ `total`).
fn split_weighted(total: u64, parts: u64, rng: &mut StdRng) -> Vec<u64> {
    let weights: Vec<u64> = (0..parts).map(|_| rng.random_range(1..=10)).collect();
    let sum: u64 = weights.iter().sum();
    let spare = total - parts;
    let mut out: Vec<u64> = weights.iter().map(|w| 1 + spare * w / sum).collect();
    let mut left = total - out.iter().sum::<u64>();
    let (mut i, len) = (0, out.len());
    while left > 0 {
        out[i % len] += 1;
        left -= 1;
        i += 1;
    }
    out
}

/// Items per file: mostly a handful, a few large files, `items` in all, file 0 with at least 3.
fn file_sizes(items: u64, files: u64, rng: &mut StdRng) -> Vec<u16> {
    let mut sizes: Vec<u16> = (0..files)
        .map(|_| {
            if rng.random_bool(0.04) {
                rng.random_range(20..=MAX_ITEMS_PER_FILE)
            } else {
                1 + rng.random_range(0..=6) + rng.random_range(0..=6)
            }
        })
        .collect();
    let len = sizes.len();
    let mut sum: u64 = sizes.iter().map(|&s| u64::from(s)).sum();
    while sum > items {
        let i = rng.random_range(0..len);
        if sizes[i] > 1 {
            sizes[i] -= 1;
            sum -= 1;
        }
    }
    while sum < items {
        let i = rng.random_range(0..len);
        if sizes[i] < MAX_ITEMS_PER_FILE {
            sizes[i] += 1;
            sum += 1;
        }
    }
    for j in 1..len {
        if sizes[0] >= 3 {
            break;
        }
        while sizes[j] > 1 && sizes[0] < 3 {
            sizes[j] -= 1;
            sizes[0] += 1;
        }
    }
    sizes
}

/// Files' own modes: about 90 % public, 8 % conditional, 2 % secret; the first file of each
/// catalogue public (so every catalogue is published), and at least one file of each mode.
fn file_modes(fonds: &[FondsPlan], rng: &mut StdRng) -> Vec<Mode> {
    let mut modes = Vec::new();
    let mut firsts = Vec::new();
    for f in fonds {
        for &count in &f.catalogues {
            for n in 0..count {
                let first = n == 0;
                firsts.push(first);
                let r: f64 = rng.random();
                modes.push(if first || r < 0.90 {
                    Mode::Public
                } else if r < 0.98 {
                    Mode::Conditional
                } else {
                    Mode::Secret
                });
            }
        }
    }
    for wanted in [Mode::Conditional, Mode::Secret] {
        if !modes.contains(&wanted) {
            let spare = (0..modes.len()).find(|&i| !firsts[i] && modes[i] == Mode::Public);
            if let Some(i) = spare {
                modes[i] = wanted;
            }
        }
    }
    modes
}
