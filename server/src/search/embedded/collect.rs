//! Counting facets over every matching document in one pass (string facets by term ordinal
//! per segment, decades from a multi-valued column), and the closest indexed word for
//! "did you mean".

use super::schema;
use crate::search::{RawFacets, SearchError};
use std::collections::HashMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::schema::Field;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// String facets in the order of [`Counts::strings`].
const STRING_FACETS: [&str; 6] = [
    schema::FONDS,
    schema::LEVEL,
    schema::TYPE,
    schema::LANG,
    schema::DIGITIZED,
    schema::ACCESS,
];

/// Counts facets when `wanted`.
pub struct Facets {
    pub wanted: bool,
}

/// The string facet that may hold several values per document (languages).
const MULTI: usize = 3;
/// Documents decoded together from the single-valued columns.
const BLOCK: usize = 256;
/// Decades counted in an array: 1500–2490.
const DECADE_FROM: u64 = 150;
const DECADE_SLOTS: usize = 100;

/// Per-segment counts.
pub struct Counts {
    columns: Vec<Option<StrColumn>>,
    strings: Vec<Vec<u64>>,
    decade_column: Option<Column<u64>>,
    decade_slots: Vec<u64>,
    decades: HashMap<u64, u64>,
    buffer: Vec<DocId>,
    values: Vec<Option<u64>>,
    wanted: bool,
}

impl Counts {
    fn empty(wanted: bool) -> Counts {
        Counts {
            columns: Vec::new(),
            strings: Vec::new(),
            decade_column: None,
            decade_slots: vec![0; DECADE_SLOTS],
            decades: HashMap::new(),
            buffer: Vec::with_capacity(BLOCK),
            values: vec![None; BLOCK],
            wanted,
        }
    }

    /// Counts the buffered documents: single-valued columns a block at a time.
    fn flush(&mut self) {
        let n = self.buffer.len();
        if n == 0 {
            return;
        }
        for (i, (col, counts)) in self.columns.iter().zip(self.strings.iter_mut()).enumerate() {
            let Some(col) = col else { continue };
            if i == MULTI {
                for doc in &self.buffer {
                    for ord in col.ords().values_for_doc(*doc) {
                        if let Some(c) = counts.get_mut(ord as usize) {
                            *c += 1;
                        }
                    }
                }
                continue;
            }
            col.ords().first_vals(&self.buffer, &mut self.values[..n]);
            for ord in self.values[..n].iter_mut().filter_map(Option::take) {
                if let Some(c) = counts.get_mut(ord as usize) {
                    *c += 1;
                }
            }
        }
        if let Some(col) = &self.decade_column {
            for doc in &self.buffer {
                for year in col.values_for_doc(*doc) {
                    let slot = (year / 10).wrapping_sub(DECADE_FROM) as usize;
                    match self.decade_slots.get_mut(slot) {
                        Some(c) => *c += 1,
                        None => *self.decades.entry(year).or_default() += 1,
                    }
                }
            }
        }
        self.buffer.clear();
    }
}

/// What one segment counted, with ordinals resolved to values.
pub struct SegmentCounts {
    strings: Vec<HashMap<String, u64>>,
    decades: HashMap<u64, u64>,
}

impl Collector for Facets {
    type Fruit = RawFacets;
    type Child = Counts;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<Counts> {
        if !self.wanted {
            return Ok(Counts::empty(false));
        }
        let ff = segment.fast_fields();
        let mut columns = Vec::with_capacity(STRING_FACETS.len());
        let mut strings = Vec::with_capacity(STRING_FACETS.len());
        for name in STRING_FACETS {
            let col = ff.str(name)?;
            strings.push(vec![0u64; col.as_ref().map_or(0, |c| c.num_terms())]);
            columns.push(col);
        }
        Ok(Counts {
            columns,
            strings,
            decade_column: ff.u64(schema::DECADES).ok(),
            ..Counts::empty(true)
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<SegmentCounts>) -> tantivy::Result<RawFacets> {
        let mut strings: Vec<HashMap<String, u64>> = vec![HashMap::new(); STRING_FACETS.len()];
        let mut decades: HashMap<u64, u64> = HashMap::new();
        for fruit in fruits {
            for (i, map) in fruit.strings.into_iter().enumerate() {
                if let Some(total) = strings.get_mut(i) {
                    for (k, v) in map {
                        *total.entry(k).or_default() += v;
                    }
                }
            }
            for (k, v) in fruit.decades {
                *decades.entry(k).or_default() += v;
            }
        }
        let mut it = strings.into_iter().map(sorted);
        let mut next = || it.next().unwrap_or_default();
        let (fonds, level, doc_type, lang, digitized, access) =
            (next(), next(), next(), next(), next(), next());
        let mut decade: Vec<(i32, u64)> = decades
            .into_iter()
            .filter_map(|(d, n)| Some((i32::try_from(d).ok()?, n)))
            .collect();
        decade.sort_unstable();
        Ok(RawFacets {
            fonds,
            level,
            doc_type,
            decade,
            lang,
            digitized,
            access,
        })
    }
}

/// Values by count, most first, then by value.
fn sorted(map: HashMap<String, u64>) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = map.into_iter().filter(|(_, n)| *n > 0).collect();
    v.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

impl SegmentCollector for Counts {
    type Fruit = SegmentCounts;

    fn collect(&mut self, doc: DocId, _: Score) {
        if !self.wanted {
            return;
        }
        self.buffer.push(doc);
        if self.buffer.len() == BLOCK {
            self.flush();
        }
    }

    fn harvest(mut self) -> SegmentCounts {
        self.flush();
        for (slot, n) in self.decade_slots.iter().enumerate() {
            if *n > 0 {
                let year = (DECADE_FROM + slot as u64) * 10;
                *self.decades.entry(year).or_default() += n;
            }
        }
        let mut strings = Vec::with_capacity(self.strings.len());
        for (col, counts) in self.columns.iter().zip(self.strings) {
            let mut map = HashMap::new();
            if let Some(col) = col {
                let mut value = String::new();
                for (ord, n) in counts.into_iter().enumerate() {
                    if n > 0 && col.ord_to_str(ord as u64, &mut value).unwrap_or(false) {
                        map.insert(value.clone(), n);
                    }
                }
            }
            strings.push(map);
        }
        SegmentCounts {
            strings,
            decades: self.decades,
        }
    }
}

/// The indexed word closest to `word` (folded) in `fields`, within two edits, preferring the
/// fewest edits and then the most documents; `None` when `word` itself is indexed.
pub fn closest_term(
    searcher: &tantivy::Searcher,
    fields: &[Field],
    word: &str,
) -> Result<Option<String>, SearchError> {
    let engine = |e: std::io::Error| SearchError::Engine(e.to_string());
    let target: Vec<char> = word.chars().collect();
    if target.len() < 3 || target.iter().all(char::is_ascii_digit) {
        return Ok(None);
    }
    let max = if target.len() >= 6 { 2 } else { 1 };
    let mut best: HashMap<String, (usize, u64)> = HashMap::new();
    for segment in searcher.segment_readers() {
        for field in fields {
            let inverted = segment
                .inverted_index(*field)
                .map_err(|e| SearchError::Engine(e.to_string()))?;
            let mut stream = inverted.terms().stream().map_err(engine)?;
            while stream.advance() {
                let Ok(term) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                if term == word {
                    return Ok(None);
                }
                let len = term.chars().count();
                if len.abs_diff(target.len()) > max
                    || term.starts_with(|c: char| c.is_ascii_digit())
                {
                    continue;
                }
                if let Some(d) = distance_within(&target, term, max) {
                    let entry = best.entry(term.to_string()).or_insert((d, 0));
                    entry.1 += u64::from(stream.value().doc_freq);
                }
            }
        }
    }
    Ok(best
        .into_iter()
        .min_by(|a, b| {
            a.1.0
                .cmp(&b.1.0)
                .then(b.1.1.cmp(&a.1.1))
                .then(a.0.cmp(&b.0))
        })
        .map(|(t, _)| t))
}

/// Levenshtein distance between `a` and `b` when at most `max`.
fn distance_within(a: &[char], b: &str, max: usize) -> Option<usize> {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > max {
            return None;
        }
        prev = cur;
    }
    prev.last().copied().filter(|d| *d <= max)
}

#[cfg(test)]
mod tests {
    use super::distance_within;

    #[test]
    fn edit_distance_is_bounded() {
        let w: Vec<char> = "truong".chars().collect();
        assert_eq!(distance_within(&w, "truong", 2), Some(0));
        assert_eq!(distance_within(&w, "truon", 2), Some(1));
        assert_eq!(distance_within(&w, "tuorng", 2), Some(2));
        assert_eq!(distance_within(&w, "xyz", 2), None);
    }
}
