//! Random draws shared by file and item rows: a word of a pool, a weighted choice, a place and a
//! person for the templates, a page count, and the mode tally.

use rand::Rng;
use rand::rngs::StdRng;

use super::ModeCounts;
use super::plan::FondsPlan;
use super::render::Ctx;
use super::words::{DISTRICTS, FAMILY, HIGHLANDERS, MEN, VILLAGES, WOMEN};
use crate::catalogue::model::Mode;

/// Picks one element of a non-empty pool.
pub fn pick<'a, T>(rng: &mut StdRng, pool: &'a [T]) -> &'a T {
    &pool[rng.random_range(0..pool.len())]
}

/// Picks one word (or template) of a non-empty pool.
pub fn word(rng: &mut StdRng, pool: &[&'static str]) -> &'static str {
    pool[rng.random_range(0..pool.len())]
}

/// Picks a district and communes: for a local body mostly its own district (and commune).
pub fn place(rng: &mut StdRng, f: &FondsPlan, ctx: &mut Ctx<'_>) {
    let (district, commune) = match f.home {
        Some((d, c)) if rng.random_bool(0.85) => (d, c.filter(|_| rng.random_bool(0.85))),
        _ => (rng.random_range(0..DISTRICTS.len()), None),
    };
    let d = &DISTRICTS[district];
    let len = d.communes.len();
    let i = commune.unwrap_or_else(|| rng.random_range(0..len));
    let j = (i + rng.random_range(1..len.max(2))) % len;
    ctx.district = district;
    ctx.huyen = d.name;
    ctx.xa = d.communes[i];
    ctx.xa2 = d.communes[j];
    ctx.thon = word(rng, VILLAGES);
}

/// Picks a person: mostly a Kinh name, some names of the highland peoples.
pub fn person(rng: &mut StdRng, ctx: &mut Ctx<'_>) {
    (ctx.ongba, ctx.family, ctx.given) = if rng.random_bool(0.15) {
        let (ongba, name) = *pick(rng, HIGHLANDERS);
        (ongba, "", name)
    } else if rng.random_bool(0.6) {
        ("ông", word(rng, FAMILY), word(rng, MEN))
    } else {
        ("bà", word(rng, FAMILY), word(rng, WOMEN))
    };
}

/// Pages of one document: mostly one or two, a few long reports.
pub fn page_count(rng: &mut StdRng) -> u16 {
    let r: u32 = rng.random_range(0..100);
    match r {
        0..35 => 1,
        35..65 => 2,
        65..77 => 3,
        77..85 => 4,
        85..95 => rng.random_range(5..=8),
        _ => rng.random_range(9..=30),
    }
}

/// Picks a value by integer weights.
pub fn weighted<T: Copy>(rng: &mut StdRng, pool: &[(T, u32)]) -> T {
    let total: u32 = pool.iter().map(|(_, w)| w).sum();
    let mut r = rng.random_range(0..total.max(1));
    for &(value, w) in pool {
        if r < w {
            return value;
        }
        r -= w;
    }
    pool[pool.len() - 1].0
}

pub fn count(counts: &mut ModeCounts, mode: Mode) {
    match mode {
        Mode::Public => counts.public += 1,
        Mode::Conditional => counts.conditional += 1,
        Mode::Secret => counts.secret += 1,
    }
}
