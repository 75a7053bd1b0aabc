//! The Meilisearch engine through meilisearch-sdk: one Meilisearch index per audience
//! (`{MEILI_INDEX_PREFIX}_public`, `…_staff`), configured on open, fed by the indexer, and its
//! applied marker kept in the database (`search_state`), since Meilisearch has no commit payload.
//!
//! Document additions are queued without waiting; a step that records a marker first waits for
//! every queued task (Meilisearch processes one index's tasks in order) and writes the marker
//! only when all succeeded. The marker names the creation time of the index it describes, so an
//! index deleted or recreated behind the portal's back is rebuilt from the database.

mod translate;

use super::query::Query;
use super::{Applied, Changes, Found, FoundHit, SearchError, SearchIndex, store};
use futures::future::BoxFuture;
use meilisearch_sdk::DefaultHttpClient;
use meilisearch_sdk::client::Client;
use meilisearch_sdk::errors::{Error as MeiliError, ErrorCode, ErrorType, MeilisearchError};
use meilisearch_sdk::indexes::Index;
use meilisearch_sdk::search::{
    MatchingStrategies, MultiSearchResponse, SearchQuery, SearchResults, Selectors,
};
use meilisearch_sdk::settings::{
    FacetSortValue, FacetingSettings, LocalizedAttributes, MinWordSizeForTypos, PaginationSetting,
    Settings, TypoToleranceSettings,
};
use meilisearch_sdk::task_info::TaskInfo;
use meilisearch_sdk::tasks::Task;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::future::Future;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// Waiting for `/health` when opening.
const HEALTH_TIMEOUT: Duration = Duration::from_secs(5);
/// One request (a search, a settings or document upload).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(120);
/// One task: documents or settings on a large index take minutes.
const TASK_TIMEOUT: Duration = Duration::from_secs(60 * 60);
/// Pauses between two looks at a task's status: the first, and the longest.
const TASK_POLL_FIRST: Duration = Duration::from_millis(5);
const TASK_POLL_MAX: Duration = Duration::from_millis(250);
/// Ids per delete request.
const REMOVE_BATCH: usize = 10_000;
/// Hits Meilisearch counts: far above any catalogue, so totals are exact (it only caps the
/// reported count; paging stays limited to `app::search::MAX_RESULT_WINDOW` by the parser).
const MAX_TOTAL_HITS: usize = 1_000_000_000;
/// Values returned per facet (the most frequent ones).
const MAX_VALUES_PER_FACET: usize = 100;
/// Exact keys (synonyms) an index holds at most.
const MAX_EXACT_KEYS: usize = 30_000;
/// How often the synonyms are read again (another process may have added some).
const KNOWN_REFRESH: Duration = Duration::from_secs(60);
/// Words asked about (and candidates counted) when looking for a close spelling.
const SPELLING_HITS: usize = 5;
const SPELLING_CANDIDATES: usize = 8;
/// Oldest server with every setting used here (`localizedAttributes` came in 1.10; the
/// tokenizer folds `đ` to `d` since 1.8).
const MIN_VERSION: (u32, u32) = (1, 10);

/// One Meilisearch index.
pub struct MeiliIndex {
    inner: Arc<Inner>,
}

struct Inner {
    db: crate::db::Db,
    url: String,
    uid: String,
    client: Client,
    index: Index,
    /// Creation time (ns since the epoch) of the index this process configured.
    created: Mutex<Option<i128>>,
    /// Tasks queued since the last marker.
    pending: Mutex<Vec<TaskInfo>>,
    /// Exact keys the index's synonyms map to their folded words (see
    /// [`translate::exact_key`]); only these are sent in queries.
    known: Mutex<HashSet<String>>,
    /// Keys (with their folded words) sent in a synonyms update not yet waited for.
    staged: Mutex<HashMap<String, String>>,
    /// When `known` was last read from the server (another process may add synonyms).
    known_at: Mutex<Option<Instant>>,
}

impl MeiliIndex {
    /// Connects to the index `uid` of the server at `url`, creating and configuring it.
    pub async fn open(
        db: crate::db::Db,
        url: &str,
        key: Option<&str>,
        uid: &str,
    ) -> anyhow::Result<MeiliIndex> {
        let url = url.trim().trim_end_matches('/').to_string();
        if !url.starts_with("http://") {
            anyhow::bail!(
                "MEILI_URL={url}: cần địa chỉ http://máy:cổng (MEILI_URL must be an http:// address such as http://127.0.0.1:7700; this build talks plain HTTP to Meilisearch, so put it on a private network or behind a local TLS proxy)"
            );
        }
        let key = key.map(str::trim).filter(|k| !k.is_empty());
        if let Some(k) = key
            && !k.bytes().all(|b| b == b'\t' || (0x20..0x7f).contains(&b))
        {
            anyhow::bail!(
                "MEILI_API_KEY chứa ký tự không hợp lệ (MEILI_API_KEY holds characters an HTTP header cannot carry): copy the key again"
            );
        }
        let client = Client::new(url.clone(), key).map_err(|e| {
            anyhow::anyhow!("không tạo được kết nối Meilisearch (cannot set up the Meilisearch client for {url}): {e}")
        })?;
        match tokio::time::timeout(HEALTH_TIMEOUT, client.health()).await {
            Ok(Ok(h)) if h.status == "available" => {}
            Ok(Ok(h)) => anyhow::bail!(
                "Meilisearch tại {url} báo trạng thái \"{}\" (Meilisearch at {url} reports status \"{}\"): wait until it is available or set MEILI_URL to another server",
                h.status,
                h.status
            ),
            Ok(Err(e)) => anyhow::bail!(
                "Meilisearch tại {url} không trả lời /health (Meilisearch at {url} does not answer /health: {}): start Meilisearch or set MEILI_URL to its address",
                detail(&e)
            ),
            Err(_) => anyhow::bail!(
                "Meilisearch tại {url} không trả lời /health trong {}s (Meilisearch at {url} does not answer /health within {}s): start Meilisearch or set MEILI_URL to its address",
                HEALTH_TIMEOUT.as_secs(),
                HEALTH_TIMEOUT.as_secs()
            ),
        }
        check_version(&client, &url).await?;
        let inner = Inner {
            db,
            url,
            uid: uid.to_string(),
            index: client.index(uid),
            client,
            created: Mutex::new(None),
            pending: Mutex::new(Vec::new()),
            known: Mutex::new(HashSet::new()),
            staged: Mutex::new(HashMap::new()),
            known_at: Mutex::new(None),
        };
        inner
            .ensure_index()
            .await
            .map_err(|e| anyhow::anyhow!("Meilisearch index {uid}: {e}"))?;
        Ok(MeiliIndex {
            inner: Arc::new(inner),
        })
    }
}

/// Refuses servers too old to fold Vietnamese; a key not allowed to read the version passes.
async fn check_version(client: &Client, url: &str) -> anyhow::Result<()> {
    let version = match tokio::time::timeout(HEALTH_TIMEOUT, client.get_version()).await {
        Ok(Ok(v)) => v.pkg_version,
        Ok(Err(e)) => {
            tracing::warn!(url, error = %detail(&e), "cannot read the Meilisearch version; assuming 1.10 or later");
            return Ok(());
        }
        Err(_) => return Ok(()),
    };
    let mut parts = version.split(['.', '-']).map(|p| p.parse::<u32>().ok());
    if let (Some(Some(major)), Some(Some(minor))) = (parts.next(), parts.next())
        && (major, minor) < MIN_VERSION
    {
        anyhow::bail!(
            "Meilisearch {version} tại {url} quá cũ (Meilisearch {version} at {url} is too old): version {}.{} or later is needed",
            MIN_VERSION.0,
            MIN_VERSION.1
        );
    }
    Ok(())
}

/// The index settings, applied on every open (Meilisearch skips what is unchanged).
fn settings() -> Settings {
    Settings::new()
        .with_searchable_attributes(translate::SEARCHABLE)
        .with_filterable_attributes(translate::FILTERABLE)
        .with_sortable_attributes(translate::SORTABLE)
        .with_ranking_rules(translate::RANKING_RULES)
        .with_typo_tolerance(TypoToleranceSettings {
            enabled: Some(true),
            disable_on_attributes: Some(translate::NO_TYPO.iter().map(|a| a.to_string()).collect()),
            disable_on_words: Some(Vec::new()),
            min_word_size_for_typos: Some(MinWordSizeForTypos {
                one_typo: Some(5),
                two_typos: Some(9),
            }),
            disable_on_numbers: None,
        })
        .with_pagination(PaginationSetting {
            max_total_hits: MAX_TOTAL_HITS,
        })
        .with_faceting(FacetingSettings {
            max_values_per_facet: MAX_VALUES_PER_FACET,
            sort_facet_values_by: Some(BTreeMap::from([("*".to_string(), FacetSortValue::Count)])),
        })
        .with_stop_words(Vec::<String>::new())
        .with_separation_tokens(Vec::<String>::new())
        .with_non_separation_tokens(Vec::<String>::new())
        .with_distinct_attribute(None::<String>)
        // Every text is Vietnamese: no language guessing (a short text taken for German would be
        // cut into compound parts, one taken for Turkish would lowercase I to ı).
        .with_localized_attributes([LocalizedAttributes {
            locales: translate::LOCALES.iter().map(|l| l.to_string()).collect(),
            attribute_patterns: vec!["*".to_string()],
        }])
}

impl Inner {
    /// Runs one request with a time limit, keeping Meilisearch's own error for the caller.
    async fn raw<T>(
        &self,
        limit: Duration,
        request: impl Future<Output = Result<T, MeiliError>>,
    ) -> Result<Result<T, MeiliError>, SearchError> {
        tokio::time::timeout(limit, request).await.map_err(|_| {
            SearchError::Unavailable(format!(
                "{}: không trả lời trong {}s (no answer within {}s): check that Meilisearch is running, or set MEILI_URL",
                self.url,
                limit.as_secs(),
                limit.as_secs()
            ))
        })
    }

    /// Runs one request with a time limit.
    async fn call<T>(
        &self,
        limit: Duration,
        request: impl Future<Output = Result<T, MeiliError>>,
    ) -> Result<T, SearchError> {
        self.raw(limit, request)
            .await?
            .map_err(|e| convert(&self.url, e))
    }

    /// Waits for a task: `Ok(Err(_))` when Meilisearch processed it and it failed. Asks for its
    /// status often at first (small steps finish in milliseconds), then every quarter second.
    async fn wait(&self, task: TaskInfo) -> Result<Result<(), MeilisearchError>, SearchError> {
        let uid = task.task_uid;
        let deadline = tokio::time::Instant::now() + TASK_TIMEOUT;
        let mut pause = TASK_POLL_FIRST;
        loop {
            match self
                .call(REQUEST_TIMEOUT, self.client.get_task(&task))
                .await?
            {
                Task::Succeeded { .. } => return Ok(Ok(())),
                Task::Failed { content } => return Ok(Err(content.error)),
                Task::Enqueued { .. } | Task::Processing { .. } => {}
            }
            if tokio::time::Instant::now() >= deadline {
                return Err(SearchError::Engine(format!(
                    "tác vụ Meilisearch {uid} chưa xong sau {} phút (Meilisearch task {uid} not finished after {} minutes): see GET {}/tasks/{uid}",
                    TASK_TIMEOUT.as_secs() / 60,
                    TASK_TIMEOUT.as_secs() / 60,
                    self.url
                )));
            }
            tokio::time::sleep(pause).await;
            pause = (pause * 2).min(TASK_POLL_MAX);
        }
    }

    /// Waits for a task that must succeed.
    async fn wait_ok(&self, task: TaskInfo) -> Result<(), SearchError> {
        let uid = task.task_uid;
        self.wait(task)
            .await?
            .map_err(|e| task_failed(&self.url, &self.uid, uid, &e))
    }

    /// Creates the index when missing and applies the settings; returns its creation time.
    async fn ensure_index(&self) -> Result<i128, SearchError> {
        let info = match self
            .raw(REQUEST_TIMEOUT, self.client.get_index(&self.uid))
            .await?
        {
            Ok(info) => info,
            Err(e) if is_missing(&e) => {
                tracing::info!(index = %self.uid, url = %self.url, "creating the Meilisearch index");
                let task = self
                    .call(
                        REQUEST_TIMEOUT,
                        self.client.create_index(&self.uid, Some("id")),
                    )
                    .await?;
                let uid = task.task_uid;
                if let Err(e) = self.wait(task).await?
                    && e.error_code != ErrorCode::IndexAlreadyExists
                {
                    return Err(task_failed(&self.url, &self.uid, uid, &e));
                }
                self.call(REQUEST_TIMEOUT, self.client.get_index(&self.uid))
                    .await?
            }
            Err(e) => return Err(convert(&self.url, e)),
        };
        if let Some(pk) = info.primary_key.as_deref()
            && pk != "id"
        {
            return Err(SearchError::Engine(format!(
                "chỉ mục {} có khóa chính \"{pk}\" (the Meilisearch index {} has primary key \"{pk}\", not \"id\"): it belongs to something else; set MEILI_INDEX_PREFIX to another prefix or delete that index",
                self.uid, self.uid
            )));
        }
        let task = self
            .call(REQUEST_TIMEOUT, self.index.set_settings(&settings()))
            .await?;
        tracing::debug!(index = %self.uid, task = task.task_uid, "waiting for the Meilisearch settings");
        self.wait_ok(task).await?;
        let created = created_at(&info);
        *lock(&self.created) = Some(created);
        self.refresh_known().await?;
        Ok(created)
    }

    /// Reads which exact keys the index's synonyms hold.
    async fn refresh_known(&self) -> Result<(), SearchError> {
        let synonyms = self
            .call(REQUEST_TIMEOUT, self.index.get_synonyms())
            .await?;
        let keys: HashSet<String> = synonyms
            .into_keys()
            .filter(|k| k.starts_with("qz"))
            .collect();
        *lock(&self.known) = keys;
        *lock(&self.known_at) = Some(Instant::now());
        Ok(())
    }

    /// Queues a synonyms update for the exact keys of `docs` the index lacks (merged with what
    /// the server holds, which another process may have extended).
    async fn add_exact_keys(&self, docs: &[super::document::IndexDoc]) -> Result<(), SearchError> {
        let mut new: HashMap<String, String> = HashMap::new();
        {
            let known = lock(&self.known);
            let staged = lock(&self.staged);
            if known.len() + staged.len() >= MAX_EXACT_KEYS {
                return Ok(());
            }
            for d in docs {
                for (key, folded) in translate::exact_entries(d) {
                    if !known.contains(&key) && !staged.contains_key(&key) {
                        new.insert(key, folded);
                    }
                }
            }
        }
        if new.is_empty() {
            return Ok(());
        }
        let mut synonyms = self
            .call(REQUEST_TIMEOUT, self.index.get_synonyms())
            .await?;
        {
            let staged = lock(&self.staged);
            for (key, folded) in staged.iter().chain(new.iter()) {
                synonyms.insert(key.clone(), vec![folded.clone()]);
            }
        }
        let task = self
            .call(REQUEST_TIMEOUT, self.index.set_synonyms(&synonyms))
            .await?;
        lock(&self.pending).push(task);
        lock(&self.staged).extend(new);
        Ok(())
    }

    async fn forget(&self) -> Result<(), SearchError> {
        store::set_index_state(&self.db, &self.uid, None)
            .await
            .map_err(database)
    }

    async fn applied(&self) -> Result<Option<Applied>, SearchError> {
        let info = match self
            .raw(REQUEST_TIMEOUT, self.client.get_index(&self.uid))
            .await?
        {
            Ok(info) => info,
            Err(e) if is_missing(&e) => {
                tracing::warn!(index = %self.uid, "the Meilisearch index is missing: recreating it; the indexer rebuilds it from the database");
                lock(&self.pending).clear();
                lock(&self.staged).clear();
                self.ensure_index().await?;
                self.forget().await?;
                return Ok(None);
            }
            Err(e) => return Err(convert(&self.url, e)),
        };
        let created = created_at(&info);
        let Some((seq, stored)) = store::index_state(&self.db, &self.uid)
            .await
            .map_err(database)?
        else {
            return Ok(None);
        };
        if let Some(applied) = translate::applied_from(seq, &stored, created) {
            *lock(&self.created) = Some(created);
            let stale = lock(&self.known_at).is_none_or(|at| at.elapsed() >= KNOWN_REFRESH);
            if stale {
                self.refresh_known().await?;
            }
            return Ok(Some(applied));
        }
        // Recreated since its marker was written (by a new server, by hand, or by a document
        // addition after a deletion, which leaves it without settings): empty it, configure
        // it, and let the indexer fill it again.
        tracing::warn!(index = %self.uid, "the Meilisearch index was recreated since it was last filled; rebuilding it from the database");
        self.clear().await?;
        Ok(None)
    }

    async fn apply(&self, changes: Changes) -> Result<(), SearchError> {
        self.add_exact_keys(&changes.upserts).await?;
        for ids in changes.removals.chunks(REMOVE_BATCH) {
            let task = self
                .call(REQUEST_TIMEOUT, self.index.delete_documents(ids))
                .await?;
            lock(&self.pending).push(task);
        }
        for range in translate::batches(&changes.upserts) {
            let docs: Vec<translate::MeiliDoc<'_>> = changes.upserts[range]
                .iter()
                .map(translate::document)
                .collect();
            let task = self
                .call(
                    REQUEST_TIMEOUT,
                    self.index.add_or_replace(&docs, Some("id")),
                )
                .await?;
            lock(&self.pending).push(task);
        }
        let Some(applied) = changes.applied else {
            return Ok(());
        };
        // On a failure the tasks not yet waited for are dropped: the marker stays where it was
        // and the indexer sends everything after it again.
        let tasks = std::mem::take(&mut *lock(&self.pending));
        for task in tasks {
            if let Err(e) = self.wait_ok(task).await {
                lock(&self.staged).clear();
                return Err(e);
            }
        }
        let staged = std::mem::take(&mut *lock(&self.staged));
        lock(&self.known).extend(staged.into_keys());
        let cached = *lock(&self.created);
        let created = match cached {
            Some(c) => c,
            None => self.ensure_index().await?,
        };
        let stored = translate::encode_marker(&applied.settings, created);
        store::set_index_state(&self.db, &self.uid, Some((applied.seq, &stored)))
            .await
            .map_err(database)
    }

    async fn clear(&self) -> Result<(), SearchError> {
        lock(&self.pending).clear();
        lock(&self.staged).clear();
        match self
            .raw(REQUEST_TIMEOUT, self.index.delete_all_documents())
            .await?
        {
            Ok(task) => {
                let uid = task.task_uid;
                if let Err(e) = self.wait(task).await?
                    && e.error_code != ErrorCode::IndexNotFound
                {
                    return Err(task_failed(&self.url, &self.uid, uid, &e));
                }
            }
            Err(e) if is_missing(&e) => {}
            Err(e) => return Err(convert(&self.url, e)),
        }
        self.ensure_index().await?;
        self.forget().await
    }

    async fn search(&self, q: Query) -> Result<Found, SearchError> {
        let parts = {
            let known = lock(&self.known);
            Parts::of(&q, &|k: &str| known.contains(k))
        };
        let s = parts.request(&self.index);
        let res: SearchResults<translate::HitId> = self
            .call(REQUEST_TIMEOUT, self.index.execute_query(&s))
            .await?;
        let total = res
            .total_hits
            .or(res.estimated_total_hits)
            .unwrap_or(res.hits.len());
        let hits = res
            .hits
            .iter()
            .skip(parts.paging.skip)
            .map(|h| FoundHit {
                unit_id: h.result.id,
                snippet: h.formatted_result.as_ref().and_then(translate::snippet),
            })
            .collect();
        Ok(Found {
            total: total as u64,
            hits,
            facets: res
                .facet_distribution
                .as_ref()
                .map(translate::facets)
                .unwrap_or_default(),
        })
    }

    /// A close spelling of `word` that the index holds: Meilisearch has no word list to read, so
    /// it is asked (in one multi-search) for the word and the word less one letter, with typo
    /// tolerance; the words it marks in the hits are the candidates, kept within the embedded
    /// engine's distance (1, or 2 from six letters) and ranked by distance, then by how many
    /// units hold them (a second multi-search of exact counts).
    async fn spell(&self, word: String) -> Result<Option<String>, SearchError> {
        let len = word.chars().count();
        if len < 3 || word.chars().all(|c| c.is_ascii_digit()) {
            return Ok(None);
        }
        let max = if len >= 6 { 2 } else { 1 };
        let texts: Vec<String> = translate::spelling_probes(&word, max)
            .into_iter()
            .map(|p| format!("{p} "))
            .collect();
        let mut probes = self.client.multi_search();
        for text in &texts {
            let mut s = SearchQuery::new(&self.index);
            s.with_query(text)
                .with_page(1)
                .with_hits_per_page(SPELLING_HITS)
                .with_matching_strategy(MatchingStrategies::ALL)
                .with_locales(translate::LOCALES)
                .with_attributes_to_search_on(translate::WORD_ATTRIBUTES)
                .with_attributes_to_retrieve(Selectors::Some(translate::RETRIEVE))
                .with_attributes_to_highlight(Selectors::Some(translate::HIGHLIGHT))
                .with_attributes_to_crop(Selectors::Some(translate::SPELLING_CROP))
                .with_highlight_pre_tag(translate::PRE_TAG)
                .with_highlight_post_tag(translate::POST_TAG);
            probes.with_search_query(s);
        }
        let found: MultiSearchResponse<translate::HitId> = self
            .call(
                REQUEST_TIMEOUT,
                self.client.execute_multi_search_query(&probes),
            )
            .await?;
        let mut candidates: BTreeMap<String, usize> = BTreeMap::new();
        for hit in found.results.iter().flat_map(|r| r.hits.iter()) {
            let Some(formatted) = &hit.formatted_result else {
                continue;
            };
            for w in translate::marked_words(formatted) {
                if w == word {
                    return Ok(None);
                }
                if w.starts_with(|c: char| c.is_ascii_digit()) {
                    continue;
                }
                if let Some(d) = translate::distance_within(&word, &w, max) {
                    candidates.entry(w).or_insert(d);
                }
            }
        }
        let mut ranked: Vec<(String, usize)> = candidates.into_iter().collect();
        ranked.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
        ranked.truncate(SPELLING_CANDIDATES);
        if ranked.is_empty() {
            return Ok(None);
        }
        let phrases: Vec<String> = ranked.iter().map(|(w, _)| format!("\"{w}\"")).collect();
        let mut counts = self.client.multi_search();
        for phrase in &phrases {
            let mut s = SearchQuery::new(&self.index);
            s.with_query(phrase)
                .with_page(1)
                .with_hits_per_page(0)
                .with_locales(translate::LOCALES)
                .with_attributes_to_search_on(translate::WORD_ATTRIBUTES);
            counts.with_search_query(s);
        }
        let counted: MultiSearchResponse<translate::HitId> = self
            .call(
                REQUEST_TIMEOUT,
                self.client.execute_multi_search_query(&counts),
            )
            .await?;
        let best = ranked
            .into_iter()
            .zip(
                counted
                    .results
                    .iter()
                    .map(|r| r.total_hits.or(r.estimated_total_hits).unwrap_or(0)),
            )
            .filter(|(_, n)| *n > 0)
            .min_by(|((a, da), na), ((b, db), nb)| {
                da.cmp(db).then(nb.cmp(na)).then_with(|| a.cmp(b))
            })
            .map(|((w, _), _)| w);
        Ok(best)
    }
}

/// What a search request is made of, owned so that the SDK's borrowing request can be built
/// (and tested) from it.
struct Parts {
    text: Option<String>,
    /// Words only: identifiers, codes and ancestors are left out of the search.
    text_only: bool,
    filter: Option<String>,
    paging: translate::Paging,
    sort: Option<&'static [&'static str]>,
    facets: bool,
}

impl Parts {
    fn of(q: &Query, known: &dyn Fn(&str) -> bool) -> Parts {
        Parts {
            text: translate::query_text(&q.text, q.prefix, known),
            text_only: q.text.idents.is_empty(),
            filter: translate::filter(&q.filters),
            paging: translate::paging(q.offset, q.limit),
            sort: translate::sort(q.sort),
            facets: q.facets,
        }
    }

    fn request<'a>(&'a self, index: &'a Index) -> SearchQuery<'a, DefaultHttpClient> {
        let mut s = SearchQuery::new(index);
        s.with_page(self.paging.page)
            .with_hits_per_page(self.paging.per_page)
            .with_matching_strategy(MatchingStrategies::ALL)
            .with_locales(translate::LOCALES)
            .with_attributes_to_retrieve(Selectors::Some(translate::RETRIEVE));
        if let Some(text) = &self.text {
            s.with_query(text);
            if self.text_only {
                s.with_attributes_to_search_on(translate::TEXT_ATTRIBUTES);
            }
            if self.paging.per_page > 0 {
                s.with_attributes_to_highlight(Selectors::Some(translate::HIGHLIGHT))
                    .with_attributes_to_crop(Selectors::Some(translate::CROP))
                    .with_crop_length(translate::CROP_WORDS)
                    .with_highlight_pre_tag(translate::PRE_TAG)
                    .with_highlight_post_tag(translate::POST_TAG);
            }
        }
        if let Some(filter) = &self.filter {
            s.with_filter(filter);
        }
        if let Some(sort) = self.sort {
            s.with_sort(sort);
        }
        if self.facets {
            s.with_facets(Selectors::Some(translate::FACETS));
        }
        s
    }
}

impl SearchIndex for MeiliIndex {
    fn search(&self, query: Query) -> BoxFuture<'static, Result<Found, SearchError>> {
        let inner = self.inner.clone();
        Box::pin(async move { inner.search(query).await })
    }

    fn applied(&self) -> BoxFuture<'static, Result<Option<Applied>, SearchError>> {
        let inner = self.inner.clone();
        Box::pin(async move { inner.applied().await })
    }

    fn apply(&self, changes: Changes) -> BoxFuture<'static, Result<(), SearchError>> {
        let inner = self.inner.clone();
        Box::pin(async move { inner.apply(changes).await })
    }

    fn clear(&self) -> BoxFuture<'static, Result<(), SearchError>> {
        let inner = self.inner.clone();
        Box::pin(async move { inner.clear().await })
    }

    fn spell(&self, word: String) -> BoxFuture<'static, Result<Option<String>, SearchError>> {
        let inner = self.inner.clone();
        Box::pin(async move { inner.spell(word).await })
    }
}

impl std::fmt::Debug for MeiliIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "MeiliIndex({} at {})", self.inner.uid, self.inner.url)
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

fn created_at(index: &Index) -> i128 {
    index.created_at.map_or(0, |t| t.unix_timestamp_nanos())
}

fn is_missing(e: &MeiliError) -> bool {
    matches!(e, MeiliError::Meilisearch(m) if m.error_code == ErrorCode::IndexNotFound)
}

/// An error of the SDK as the portal reports it: the server out of reach (or refusing the key)
/// is "unavailable" with the fix; anything else carries Meilisearch's message.
fn convert(url: &str, e: MeiliError) -> SearchError {
    match &e {
        MeiliError::HttpError(_) | MeiliError::MeilisearchCommunication(_) => {
            SearchError::Unavailable(format!(
                "{url}: {} — hãy chạy Meilisearch hoặc đặt MEILI_URL đúng địa chỉ (start Meilisearch or set MEILI_URL)",
                detail(&e)
            ))
        }
        MeiliError::InvalidRequest => SearchError::Unavailable(format!(
            "{url}: không gửi được yêu cầu (the request could not be built): check MEILI_API_KEY"
        )),
        MeiliError::Meilisearch(m) if m.error_type == ErrorType::Auth => {
            SearchError::Unavailable(format!(
                "{url}: {} — kiểm tra MEILI_API_KEY (check MEILI_API_KEY: it needs search, documents, indexes, settings, tasks and version rights)",
                m.error_message
            ))
        }
        MeiliError::Meilisearch(m) => SearchError::Engine(format!(
            "Meilisearch: {} ({})",
            m.error_message,
            code_name(&m.error_code)
        )),
        _ => SearchError::Engine(format!("Meilisearch: {}", detail(&e))),
    }
}

fn task_failed(url: &str, index: &str, uid: u32, e: &MeilisearchError) -> SearchError {
    SearchError::Engine(format!(
        "tác vụ Meilisearch {uid} trên chỉ mục {index} thất bại (Meilisearch task {uid} on index {index} failed): {} ({}); see GET {url}/tasks/{uid}",
        e.error_message,
        code_name(&e.error_code)
    ))
}

fn code_name(code: &ErrorCode) -> String {
    serde_json::to_value(code)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| format!("{code:?}"))
}

/// An error with its causes (`connection refused` lies a few sources down).
fn detail(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = s.source();
    }
    out
}

fn database(e: sqlx::Error) -> SearchError {
    SearchError::Engine(format!("cơ sở dữ liệu (database, search_state): {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use meilisearch_sdk::errors::MeilisearchCommunicationError;

    fn meili(code: ErrorCode, kind: ErrorType, message: &str) -> MeiliError {
        MeiliError::Meilisearch(MeilisearchError {
            error_message: message.into(),
            error_code: code,
            error_type: kind,
            error_link: String::new(),
        })
    }

    #[test]
    fn errors_name_the_server_and_the_fix() {
        let url = "http://127.0.0.1:7700";
        let e = convert(
            url,
            MeiliError::MeilisearchCommunication(MeilisearchCommunicationError {
                status_code: 502,
                message: None,
                url: url.into(),
            }),
        );
        match e {
            SearchError::Unavailable(m) => {
                assert!(m.contains(url) && m.contains("MEILI_URL"), "{m}")
            }
            other => panic!("{other:?}"),
        }
        let e = convert(
            url,
            meili(
                ErrorCode::InvalidApiKey,
                ErrorType::Auth,
                "The provided API key is invalid.",
            ),
        );
        match e {
            SearchError::Unavailable(m) => assert!(m.contains("MEILI_API_KEY"), "{m}"),
            other => panic!("{other:?}"),
        }
        let e = convert(
            url,
            meili(
                ErrorCode::InvalidSearchFilter,
                ErrorType::InvalidRequest,
                "bad filter",
            ),
        );
        match e {
            SearchError::Engine(m) => {
                assert!(
                    m.contains("bad filter") && m.contains("invalid_search_filter"),
                    "{m}"
                )
            }
            other => panic!("{other:?}"),
        }
        assert!(is_missing(&meili(
            ErrorCode::IndexNotFound,
            ErrorType::InvalidRequest,
            "Index `x` not found."
        )));
        assert!(!is_missing(&MeiliError::Timeout));
    }

    #[test]
    fn settings_are_the_documented_ones() {
        let json = serde_json::to_value(settings()).expect("json");
        assert_eq!(
            json["rankingRules"],
            serde_json::json!([
                "sort",
                "words",
                "typo",
                "proximity",
                "attribute",
                "exactness"
            ])
        );
        assert_eq!(json["pagination"]["maxTotalHits"], MAX_TOTAL_HITS);
        assert_eq!(json["faceting"]["maxValuesPerFacet"], 100);
        assert_eq!(json["faceting"]["sortFacetValuesBy"]["*"], "count");
        assert_eq!(json["typoTolerance"]["minWordSizeForTypos"]["oneTypo"], 5);
        assert_eq!(json["typoTolerance"]["minWordSizeForTypos"]["twoTypos"], 9);
        assert_eq!(
            json["typoTolerance"]["disableOnAttributes"],
            serde_json::json!(["code", "idents", "ancestors", "exact"])
        );
        assert!(
            json.get("synonyms").is_none(),
            "synonyms are kept: they hold the exact keys"
        );
        assert_eq!(
            json["sortableAttributes"],
            serde_json::json!(["start", "end", "code_key"])
        );
        assert_eq!(json["distinctAttribute"], serde_json::Value::Null);
        assert_eq!(
            json["localizedAttributes"],
            serde_json::json!([{"attributePatterns": ["*"], "locales": ["vie"]}])
        );
        for a in translate::TEXT_ATTRIBUTES
            .iter()
            .chain(translate::NO_TYPO)
            .chain(translate::WORD_ATTRIBUTES)
            .chain(translate::HIGHLIGHT)
        {
            assert!(translate::SEARCHABLE.contains(a), "{a}");
        }
        for f in translate::FACETS {
            assert!(translate::FILTERABLE.contains(f), "{f}");
        }
    }

    #[test]
    fn search_requests_ask_for_exact_totals_snippets_and_facets() {
        let client = Client::new("http://127.0.0.1:9", None::<&str>).expect("client");
        let index = client.index("t_public");
        let (text, _) = crate::search::query::parse_text("quyết định");
        let q = Query {
            text,
            filters: crate::search::query::Filters {
                fonds: Some("H34".into()),
                ..Default::default()
            },
            sort: crate::search::query::Sort::DateDesc,
            offset: 40,
            limit: 20,
            facets: true,
            prefix: false,
        };
        let parts = Parts::of(&q, &|_: &str| false);
        let json = serde_json::to_value(parts.request(&index)).expect("json");
        assert_eq!(json["q"], "quyết định ");
        assert_eq!(json["page"], 3);
        assert_eq!(json["hitsPerPage"], 20);
        assert!(json.get("offset").is_none() && json.get("limit").is_none());
        assert_eq!(json["matchingStrategy"], "all");
        assert_eq!(json["locales"], serde_json::json!(["vie"]));
        assert_eq!(json["filter"], "fonds = \"H34\"");
        assert_eq!(json["sort"], serde_json::json!(["start:desc"]));
        assert_eq!(json["attributesToRetrieve"], serde_json::json!(["id"]));
        assert_eq!(
            json["attributesToSearchOn"],
            serde_json::json!(["issuer", "title", "body", "exact"])
        );
        assert_eq!(
            json["attributesToCrop"],
            serde_json::json!(["body", "title:40"])
        );
        assert_eq!(
            json["attributesToHighlight"],
            serde_json::json!(["title", "body"])
        );
        assert_eq!(json["cropLength"], 24);
        assert_eq!(json["highlightPreTag"], "\u{E000}");
        assert_eq!(
            json["facets"],
            serde_json::json!([
                "fonds",
                "level",
                "type",
                "langs",
                "decades",
                "digitized",
                "access"
            ])
        );

        // A count with an identifier: every attribute searched, nothing highlighted.
        let (text, _) = crate::search::query::parse_text("3016/KH-UBND");
        let count = Query {
            text,
            limit: 0,
            ..Query::default()
        };
        let parts = Parts::of(&count, &|_: &str| false);
        let json = serde_json::to_value(parts.request(&index)).expect("json");
        assert_eq!(json["q"], "\"3016 kh ubnd\" ");
        assert_eq!(json["hitsPerPage"], 0);
        assert!(json.get("attributesToSearchOn").is_none());
        assert!(json.get("attributesToHighlight").is_none());
        assert!(json.get("facets").is_none() && json.get("sort").is_none());

        // No text: a placeholder search.
        let parts = Parts::of(
            &Query {
                limit: 10,
                ..Query::default()
            },
            &|_: &str| false,
        );
        let json = serde_json::to_value(parts.request(&index)).expect("json");
        assert!(json.get("q").is_none() && json.get("filter").is_none());
    }

    #[tokio::test]
    async fn opening_names_meili_url_when_nothing_answers() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = crate::db::Db::connect(&format!("sqlite://{}/portal.db", dir.path().display()))
            .await
            .expect("db");
        // Port 9 (discard) on loopback: nothing listens there.
        let err = MeiliIndex::open(db.clone(), "http://127.0.0.1:9/", None, "t_public")
            .await
            .expect_err("no server");
        let msg = err.to_string();
        assert!(
            msg.contains("http://127.0.0.1:9")
                && msg.contains("MEILI_URL")
                && msg.contains("/health"),
            "{msg}"
        );
        let err = MeiliIndex::open(db.clone(), "https://search.example", None, "t_public")
            .await
            .expect_err("https");
        assert!(err.to_string().contains("http://"), "{err}");
        let err = MeiliIndex::open(
            db,
            "http://127.0.0.1:9",
            Some("key\nwith newline"),
            "t_public",
        )
        .await
        .expect_err("bad key");
        assert!(err.to_string().contains("MEILI_API_KEY"), "{err}");
    }
}
