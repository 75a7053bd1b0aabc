//! A cache of recent answers of one index, valid for one searcher generation: the first search
//! after a commit (an import, a mode change) starts it afresh, so it never answers from an older
//! state of the index. Frequent queries (the head of every search log) are answered without
//! walking hundreds of thousands of postings again.

use crate::search::Found;
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

/// Answers kept per index.
const CAPACITY: usize = 4096;

/// Recent answers by query, for one searcher generation.
#[derive(Default)]
pub struct ResultCache {
    inner: Mutex<Entries>,
}

#[derive(Default)]
struct Entries {
    generation: u64,
    map: HashMap<String, Arc<Found>>,
    order: VecDeque<String>,
}

impl ResultCache {
    /// The answer to `key` computed on searcher generation `generation`, if kept.
    pub fn get(&self, generation: u64, key: &str) -> Option<Arc<Found>> {
        let mut e = self.inner.lock().ok()?;
        if e.generation != generation {
            e.reset(generation);
            return None;
        }
        e.map.get(key).cloned()
    }

    /// Keeps an answer computed on `generation`, forgetting the oldest beyond the capacity.
    pub fn put(&self, generation: u64, key: String, found: Arc<Found>) {
        let Ok(mut e) = self.inner.lock() else { return };
        if e.generation != generation {
            if generation < e.generation {
                return;
            }
            e.reset(generation);
        }
        if e.map.insert(key.clone(), found).is_none() {
            e.order.push_back(key);
        }
        while e.order.len() > CAPACITY {
            if let Some(old) = e.order.pop_front() {
                e.map.remove(&old);
            }
        }
    }
}

impl Entries {
    fn reset(&mut self, generation: u64) {
        self.generation = generation;
        self.map.clear();
        self.order.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_live_for_one_generation() {
        let cache = ResultCache::default();
        let found = Arc::new(Found {
            total: 3,
            ..Found::default()
        });
        cache.put(1, "q".into(), found.clone());
        assert_eq!(cache.get(1, "q").map(|f| f.total), Some(3));
        assert!(cache.get(2, "q").is_none(), "a new generation forgets");
        assert!(cache.get(1, "q").is_none(), "and does not go back");
        for i in 0..(CAPACITY + 10) {
            cache.put(2, i.to_string(), found.clone());
        }
        assert!(cache.get(2, "0").is_none());
        assert!(cache.get(2, &(CAPACITY + 9).to_string()).is_some());
    }
}
