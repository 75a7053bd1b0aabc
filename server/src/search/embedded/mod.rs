//! The embedded engine: one tantivy index per audience under `$PORTAL_DATA_DIR/index/`.
//!
//! A process writes an index only while it holds tantivy's writer lock (a running server keeps
//! it; `portal import` and `portal reindex` take it when no server runs). What an index has
//! applied is recorded in its commit payload, atomically with the documents.

mod cache;
mod collect;
mod query;
pub mod schema;

use super::query::{Query, Sort};
use super::{Applied, Changes, Found, FoundHit, SearchError, SearchIndex};
use futures::future::BoxFuture;
use schema::Fields;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tantivy::collector::{Count, TopDocs};
use tantivy::directory::MmapDirectory;
use tantivy::schema::Value;
use tantivy::snippet::SnippetGenerator;
use tantivy::{
    DocAddress, Index, IndexReader, IndexWriter, Order, ReloadPolicy, TantivyDocument, Term,
};

/// Memory of one writer in a server, and when bulk indexing (`portal import`, `reindex`).
const SERVE_HEAP: usize = 64 * 1024 * 1024;
const BULK_HEAP: usize = 200 * 1024 * 1024;
/// Characters of a snippet.
const SNIPPET_CHARS: usize = 180;

/// One tantivy index.
pub struct EmbeddedIndex {
    inner: Arc<Inner>,
}

struct Inner {
    dir: PathBuf,
    index: Index,
    fields: Fields,
    reader: IndexReader,
    writer: Mutex<Option<IndexWriter>>,
    heap: usize,
    cache: cache::ResultCache,
}

impl EmbeddedIndex {
    /// Opens (creating when missing) the index in `dir`. An index of another schema version
    /// is deleted and recreated empty: the database rebuilds it.
    pub fn open(dir: &Path) -> anyhow::Result<EmbeddedIndex> {
        Self::open_with(dir, SERVE_HEAP)
    }

    /// Opens the index for bulk indexing (a bigger writer).
    pub fn open_bulk(dir: &Path) -> anyhow::Result<EmbeddedIndex> {
        Self::open_with(dir, BULK_HEAP)
    }

    fn open_with(dir: &Path, heap: usize) -> anyhow::Result<EmbeddedIndex> {
        // One index folder has one writer: every opener in this process shares it (several
        // servers in one process, as in the tests, or a server and an in-process import).
        static OPEN: Mutex<Vec<(PathBuf, std::sync::Weak<Inner>)>> = Mutex::new(Vec::new());
        std::fs::create_dir_all(dir).map_err(|e| {
            anyhow::anyhow!(
                "{}: không tạo được thư mục chỉ mục ({e}); kiểm tra quyền ghi của PORTAL_DATA_DIR",
                dir.display()
            )
        })?;
        let key = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        let mut open = OPEN
            .lock()
            .map_err(|_| anyhow::anyhow!("search index registry poisoned"))?;
        open.retain(|(_, w)| w.strong_count() > 0);
        if let Some(inner) = open
            .iter()
            .find(|(k, _)| *k == key)
            .and_then(|(_, w)| w.upgrade())
        {
            return Ok(EmbeddedIndex { inner });
        }
        let index = Self::create(dir, heap)?;
        open.push((key, Arc::downgrade(&index.inner)));
        Ok(index)
    }

    fn create(dir: &Path, heap: usize) -> anyhow::Result<EmbeddedIndex> {
        let (schema, fields) = schema::schema();
        let index = match open_or_create(dir, &schema) {
            Ok(index) => index,
            Err(e) => {
                tracing::warn!(dir = %dir.display(), error = %e, "search index unreadable or of another version: recreating it from the database");
                std::fs::remove_dir_all(dir).ok();
                open_or_create(dir, &schema)?
            }
        };
        schema::register(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(EmbeddedIndex {
            inner: Arc::new(Inner {
                dir: dir.to_path_buf(),
                index,
                fields,
                reader,
                writer: Mutex::new(None),
                heap,
                cache: cache::ResultCache::default(),
            }),
        })
    }
}

fn open_or_create(dir: &Path, schema: &tantivy::schema::Schema) -> anyhow::Result<Index> {
    std::fs::create_dir_all(dir)?;
    let directory = MmapDirectory::open(dir)?;
    Ok(Index::open_or_create(directory, schema.clone())?)
}

impl Inner {
    /// Runs `f` with the writer, opening it (and taking the lock) on first use.
    fn with_writer<T>(
        &self,
        f: impl FnOnce(&mut IndexWriter) -> Result<T, SearchError>,
    ) -> Result<T, SearchError> {
        let mut guard = self.writer.lock().map_err(poisoned)?;
        if guard.is_none() {
            let threads = 1;
            let writer = self
                .index
                .writer_with_num_threads(threads, self.heap)
                .map_err(|e| match e {
                    tantivy::TantivyError::LockFailure(..) => SearchError::Busy,
                    e => engine(e),
                })?;
            *guard = Some(writer);
        }
        match guard.as_mut() {
            Some(w) => f(w),
            None => Err(SearchError::Engine("no writer".into())),
        }
    }

    fn apply(&self, changes: Changes) -> Result<(), SearchError> {
        let f = self.fields;
        self.with_writer(|w| {
            for id in &changes.removals {
                w.delete_term(Term::from_field_u64(f.id, id_u64(*id)));
            }
            for doc in &changes.upserts {
                w.delete_term(Term::from_field_u64(f.id, id_u64(doc.unit_id)));
                w.add_document(schema::to_tantivy(&f, doc))
                    .map_err(engine)?;
            }
            if let Some(applied) = &changes.applied {
                let payload = format!("{}\n{}", applied.seq, applied.settings);
                let mut commit = w.prepare_commit().map_err(engine)?;
                commit.set_payload(&payload);
                commit.commit().map_err(engine)?;
            }
            Ok(())
        })?;
        if changes.applied.is_some() {
            self.reader.reload().map_err(engine)?;
        }
        Ok(())
    }

    fn applied(&self) -> Result<Option<Applied>, SearchError> {
        let metas = self.index.load_metas().map_err(engine)?;
        Ok(metas.payload.as_deref().and_then(|p| {
            let (seq, settings) = p.split_once('\n')?;
            Some(Applied {
                seq: seq.parse().ok()?,
                settings: settings.to_string(),
            })
        }))
    }

    fn clear(&self) -> Result<(), SearchError> {
        self.with_writer(|w| {
            w.delete_all_documents().map_err(engine)?;
            w.commit().map_err(engine)?;
            Ok(())
        })?;
        self.reader.reload().map_err(engine)
    }

    fn search(&self, q: &Query) -> Result<Found, SearchError> {
        let searcher = self.reader.searcher();
        let generation = searcher.generation().generation_id();
        let key = format!("{q:?}");
        if let Some(found) = self.cache.get(generation, &key) {
            return Ok(Found::clone(&found));
        }
        let found = self.search_in(&searcher, q)?;
        self.cache.put(generation, key, Arc::new(found.clone()));
        Ok(found)
    }

    fn search_in(&self, searcher: &tantivy::Searcher, q: &Query) -> Result<Found, SearchError> {
        let df = |field: tantivy::schema::Field, text: &str| {
            searcher
                .doc_freq(&Term::from_field_text(field, text))
                .unwrap_or(0)
        };
        // A word in more than one record in ten thousand (and at least ten) is a real word.
        let common = (searcher.num_docs() / 10_000).max(10);
        let built = query::build(&self.fields, q, &df, common);
        let facets = collect::Facets { wanted: q.facets };
        let limit = q.limit as usize;
        let offset = q.offset as usize;
        let (total, addresses, counts) = if limit == 0 {
            let (total, counts) = searcher.search(&*built, &(Count, facets)).map_err(engine)?;
            (total, Vec::new(), counts)
        } else {
            let top = TopDocs::with_limit(limit).and_offset(offset);
            let (addresses, total, counts): (Vec<DocAddress>, usize, _) = match q.sort {
                Sort::Relevance => {
                    let (docs, total, counts) = searcher
                        .search(&*built, &(top, Count, facets))
                        .map_err(engine)?;
                    (docs.into_iter().map(|(_, a)| a).collect(), total, counts)
                }
                Sort::DateAsc | Sort::DateDesc => {
                    let (field, order) = if q.sort == Sort::DateAsc {
                        (schema::DATE_ASC, Order::Asc)
                    } else {
                        (schema::DATE_DESC, Order::Desc)
                    };
                    let (docs, total, counts) = searcher
                        .search(
                            &*built,
                            &(top.order_by_fast_field::<i64>(field, order), Count, facets),
                        )
                        .map_err(engine)?;
                    (docs.into_iter().map(|(_, a)| a).collect(), total, counts)
                }
                Sort::Code => {
                    let (docs, total, counts) = searcher
                        .search(
                            &*built,
                            &(
                                top.order_by_string_fast_field(schema::CODE_KEY, Order::Asc),
                                Count,
                                facets,
                            ),
                        )
                        .map_err(engine)?;
                    (docs.into_iter().map(|(_, a)| a).collect(), total, counts)
                }
            };
            (total, addresses, counts)
        };
        let hits = self.hits(searcher, &*built, &addresses, q)?;
        Ok(Found {
            total: total as u64,
            hits,
            facets: counts,
        })
    }

    fn hits(
        &self,
        searcher: &tantivy::Searcher,
        built: &dyn tantivy::query::Query,
        addresses: &[DocAddress],
        q: &Query,
    ) -> Result<Vec<FoundHit>, SearchError> {
        let f = self.fields;
        let textual = !q.text.is_empty();
        let generator = |field| -> Result<Option<SnippetGenerator>, SearchError> {
            if !textual {
                return Ok(None);
            }
            let mut g = SnippetGenerator::create(searcher, built, field).map_err(engine)?;
            g.set_max_num_chars(SNIPPET_CHARS);
            Ok(Some(g))
        };
        let body_gen = generator(f.body_f)?;
        let title_gen = generator(f.title_f)?;
        let mut out = Vec::with_capacity(addresses.len());
        for addr in addresses {
            let segment = searcher.segment_reader(addr.segment_ord);
            let ids = segment.fast_fields().u64(schema::ID).map_err(engine)?;
            let Some(id) = ids.first(addr.doc_id) else {
                continue;
            };
            let snippet = match (&body_gen, &title_gen) {
                (Some(bg), Some(tg)) => {
                    let doc: TantivyDocument = searcher.doc(*addr).map_err(engine)?;
                    let text = |field| {
                        doc.get_first(field)
                            .and_then(|v| v.as_str())
                            .unwrap_or_default()
                            .to_string()
                    };
                    let mut body = bg.snippet(&text(f.body));
                    if !body.highlighted().is_empty() {
                        body.set_snippet_prefix_postfix("<mark>", "</mark>");
                        Some(body.to_html())
                    } else {
                        let mut title = tg.snippet(&text(f.title));
                        title.set_snippet_prefix_postfix("<mark>", "</mark>");
                        (!title.highlighted().is_empty()).then(|| title.to_html())
                    }
                }
                _ => None,
            };
            out.push(FoundHit {
                unit_id: i64::try_from(id).unwrap_or(0),
                snippet,
            });
        }
        Ok(out)
    }

    /// Waits for background merges and releases the writer (end of a bulk run).
    fn finish(&self) -> Result<(), SearchError> {
        let writer = self.writer.lock().map_err(poisoned)?.take();
        if let Some(w) = writer {
            w.wait_merging_threads().map_err(engine)?;
        }
        Ok(())
    }

    fn spell(&self, word: &str) -> Result<Option<String>, SearchError> {
        collect::closest_term(
            &self.reader.searcher(),
            &[self.fields.title_f, self.fields.body_f],
            word,
        )
    }
}

impl SearchIndex for EmbeddedIndex {
    fn search(&self, query: Query) -> BoxFuture<'static, Result<Found, SearchError>> {
        let inner = self.inner.clone();
        Box::pin(async move { blocking(move || inner.search(&query)).await })
    }

    fn applied(&self) -> BoxFuture<'static, Result<Option<Applied>, SearchError>> {
        let inner = self.inner.clone();
        Box::pin(async move { blocking(move || inner.applied()).await })
    }

    fn apply(&self, changes: Changes) -> BoxFuture<'static, Result<(), SearchError>> {
        let inner = self.inner.clone();
        Box::pin(async move { blocking(move || inner.apply(changes)).await })
    }

    fn clear(&self) -> BoxFuture<'static, Result<(), SearchError>> {
        let inner = self.inner.clone();
        Box::pin(async move { blocking(move || inner.clear()).await })
    }

    fn spell(&self, word: String) -> BoxFuture<'static, Result<Option<String>, SearchError>> {
        let inner = self.inner.clone();
        Box::pin(async move { blocking(move || inner.spell(&word)).await })
    }

    fn finish(&self) -> BoxFuture<'static, Result<(), SearchError>> {
        let inner = self.inner.clone();
        Box::pin(async move { blocking(move || inner.finish()).await })
    }
}

impl std::fmt::Debug for EmbeddedIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "EmbeddedIndex({})", self.inner.dir.display())
    }
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, SearchError> + Send + 'static,
) -> Result<T, SearchError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| SearchError::Engine(e.to_string()))?
}

fn id_u64(id: i64) -> u64 {
    u64::try_from(id).unwrap_or(0)
}

fn engine(e: tantivy::TantivyError) -> SearchError {
    SearchError::Engine(e.to_string())
}

fn poisoned<T>(_: std::sync::PoisonError<T>) -> SearchError {
    SearchError::Engine("index writer lock poisoned".into())
}

#[cfg(test)]
mod tests;
