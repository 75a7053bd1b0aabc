//! Search: one interface over two engines (tantivy embedded, Meilisearch), two indexes (public and
//! staff), the query language readers type, and the indexer that keeps both indexes up to date
//! with the database.
//!
//! The database is the source of truth. Every write stamps the units it changes with a change
//! sequence number (`catalogue::store::next_change_seq`); [`sync::Indexer`] applies everything
//! after the number an index last applied, so an index can be deleted and rebuilt at any time.
//! The public index is fed only from `access::PublicUnit` ([`document::IndexDoc::public`]), so a
//! public query cannot reach restricted text even by mistake.

pub mod document;
pub mod embedded;
pub mod fold;
mod http;
pub mod meili;
pub mod query;
mod results;
pub mod store;
pub mod sync;

pub(crate) use http::router;
pub use results::{Audience, Search};

use crate::config::{Config, SearchEngine};
use document::IndexDoc;
use futures::future::BoxFuture;
use query::Query;
use std::sync::Arc;

/// What went wrong inside a search engine.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// Another process (a running `portal serve`) holds the embedded index for writing.
    #[error(
        "chỉ mục tìm kiếm đang được một tiến trình portal khác ghi (the search index is held by a running portal server): máy chủ sẽ tự cập nhật chỉ mục; để dựng lại, dừng máy chủ rồi chạy lại lệnh"
    )]
    Busy,
    /// The engine could not be reached or refused the request.
    #[error("máy tìm kiếm không trả lời (search engine unavailable): {0}")]
    Unavailable(String),
    /// Anything else, with the engine's own message.
    #[error("lỗi chỉ mục tìm kiếm (search index error): {0}")]
    Engine(String),
}

/// What an index has applied: the last change sequence number and the settings it was built
/// with (a different setting, e.g. another conditional visibility, means a rebuild).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub seq: i64,
    pub settings: String,
}

/// One step of an index's update: documents to add or replace (by unit id), unit ids to drop,
/// and the sequence number the index has reached once they are in.
#[derive(Clone, Debug, Default)]
pub struct Changes {
    pub upserts: Vec<IndexDoc>,
    pub removals: Vec<i64>,
    pub applied: Option<Applied>,
}

/// One result as an engine finds it: the unit's id and a highlighted passage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundHit {
    pub unit_id: i64,
    /// HTML-escaped text with `<mark>…</mark>` around matches.
    pub snippet: Option<String>,
}

/// Facet counts as an engine finds them: raw values (codes), labelled later.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawFacets {
    pub fonds: Vec<(String, u64)>,
    pub level: Vec<(String, u64)>,
    pub doc_type: Vec<(String, u64)>,
    /// Decade start year → number of results whose dates overlap that decade.
    pub decade: Vec<(i32, u64)>,
    pub lang: Vec<(String, u64)>,
    /// `yes` / `no`.
    pub digitized: Vec<(String, u64)>,
    /// `public` / `conditional`.
    pub access: Vec<(String, u64)>,
}

/// What an engine answers to a query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    pub total: u64,
    pub hits: Vec<FoundHit>,
    pub facets: RawFacets,
}

/// One index (public or staff) in one engine.
pub trait SearchIndex: Send + Sync + 'static {
    /// Runs a query.
    fn search(&self, query: Query) -> BoxFuture<'static, Result<Found, SearchError>>;
    /// What the index has applied; `None` for an empty or missing index (rebuild from scratch).
    fn applied(&self) -> BoxFuture<'static, Result<Option<Applied>, SearchError>>;
    /// Applies changes; when `changes.applied` is set, makes everything durable and visible to
    /// searches and records it, atomically with the documents where the engine allows.
    fn apply(&self, changes: Changes) -> BoxFuture<'static, Result<(), SearchError>>;
    /// Removes every document and the applied marker.
    fn clear(&self) -> BoxFuture<'static, Result<(), SearchError>>;
    /// A close spelling of `word` (already folded: lowercase, no diacritics) that the index
    /// holds, for "did you mean"; `None` when the engine cannot tell or nothing is close.
    fn spell(&self, word: String) -> BoxFuture<'static, Result<Option<String>, SearchError>>;
    /// Ends a bulk run: waits for background work (segment merges) and releases the writer.
    fn finish(&self) -> BoxFuture<'static, Result<(), SearchError>> {
        Box::pin(async { Ok(()) })
    }
}

/// The two indexes of one engine.
#[derive(Clone)]
pub struct Indexes {
    /// Only what an anonymous visitor may see.
    pub public: Arc<dyn SearchIndex>,
    /// Everything stored.
    pub staff: Arc<dyn SearchIndex>,
    /// Whether other processes write the same indexes (a Meilisearch server shared by several
    /// portal instances): catch-ups then take turns across processes.
    pub shared: bool,
}

/// Opens the indexes of the configured engine for a server.
pub async fn open(config: &Config, db: &crate::db::Db) -> anyhow::Result<Indexes> {
    open_with(config, db, false).await
}

/// Opens the indexes for a bulk run (`portal import`, `portal reindex`): bigger writers.
pub async fn open_bulk(config: &Config, db: &crate::db::Db) -> anyhow::Result<Indexes> {
    open_with(config, db, true).await
}

async fn open_with(config: &Config, db: &crate::db::Db, bulk: bool) -> anyhow::Result<Indexes> {
    match config.search {
        SearchEngine::Embedded => {
            let dir = config.data_dir.join("index");
            let open = |name: &str| {
                let path = dir.join(name);
                if bulk {
                    embedded::EmbeddedIndex::open_bulk(&path)
                } else {
                    embedded::EmbeddedIndex::open(&path)
                }
            };
            // One public index per visibility setting: changing the setting switches folders
            // instead of rebuilding under a running server.
            let vis = match config.conditional_visibility {
                crate::config::Visibility::Stub => "stub",
                crate::config::Visibility::Hidden => "hidden",
                crate::config::Visibility::Metadata => "metadata",
            };
            let public = open(&format!("public-{vis}"))?;
            let staff = open("staff")?;
            Ok(Indexes {
                public: Arc::new(public),
                staff: Arc::new(staff),
                shared: false,
            })
        }
        SearchEngine::Meilisearch => {
            let url = config
                .meili_url
                .as_deref()
                .map(str::trim)
                .filter(|u| !u.is_empty())
                .ok_or_else(|| {
                    anyhow::anyhow!(
                        "PORTAL_SEARCH=meilisearch cần MEILI_URL (set MEILI_URL to the Meilisearch server, e.g. http://127.0.0.1:7700)"
                    )
                })?;
            let key = config.meili_api_key.as_deref();
            let prefix = &config.meili_index_prefix;
            let public =
                meili::MeiliIndex::open(db.clone(), url, key, &format!("{prefix}_public")).await?;
            let staff =
                meili::MeiliIndex::open(db.clone(), url, key, &format!("{prefix}_staff")).await?;
            Ok(Indexes {
                public: Arc::new(public),
                staff: Arc::new(staff),
                shared: true,
            })
        }
    }
}
