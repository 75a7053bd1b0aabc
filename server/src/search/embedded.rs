//! The embedded engine (tantivy), stored under `$PORTAL_DATA_DIR/index/`.

use super::query::Query;
use super::{Applied, Changes, Found, SearchError, SearchIndex};
use futures::future::BoxFuture;
use std::path::Path;

/// One tantivy index.
pub struct EmbeddedIndex {}

impl EmbeddedIndex {
    /// Opens (creating when missing) the index in `dir`.
    pub fn open(_dir: &Path) -> anyhow::Result<EmbeddedIndex> {
        Ok(EmbeddedIndex {})
    }
}

impl SearchIndex for EmbeddedIndex {
    fn search(&self, _query: Query) -> BoxFuture<'static, Result<Found, SearchError>> {
        Box::pin(async { Err(SearchError::Engine("in progress".into())) })
    }
    fn applied(&self) -> BoxFuture<'static, Result<Option<Applied>, SearchError>> {
        Box::pin(async { Ok(None) })
    }
    fn apply(&self, _changes: Changes) -> BoxFuture<'static, Result<(), SearchError>> {
        Box::pin(async { Ok(()) })
    }
    fn clear(&self) -> BoxFuture<'static, Result<(), SearchError>> {
        Box::pin(async { Ok(()) })
    }
    fn spell(&self, _word: String) -> BoxFuture<'static, Result<Option<String>, SearchError>> {
        Box::pin(async { Ok(None) })
    }
}
