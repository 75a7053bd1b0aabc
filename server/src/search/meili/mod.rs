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
use meilisearch_sdk::client::Client;
use meilisearch_sdk::errors::{Error as MeiliError, ErrorCode, ErrorType, MeilisearchError};
use meilisearch_sdk::indexes::Index;
use meilisearch_sdk::search::{MatchingStrategies, SearchQuery, SearchResults, Selectors};
use meilisearch_sdk::settings::{
    FacetSortValue, FacetingSettings, MinWordSizeForTypos, PaginationSetting, Settings,
    TypoToleranceSettings,
};
use meilisearch_sdk::task_info::TaskInfo;
use meilisearch_sdk::tasks::Task;
use std::collections::BTreeMap;
use std::future::Future;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

/// Waiting for `/health` when opening.
const HEALTH_TIMEOUT: Duration = Duration::from_secs(5);
/// One request (a search, a settings or document upload).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(120);
/// One task: documents or settings on a large index take minutes.
const TASK_TIMEOUT: Duration = Duration::from_secs(60 * 60);
/// How often a task's status is asked.
const TASK_POLL: Duration = Duration::from_millis(25);
/// Ids per delete request.
const REMOVE_BATCH: usize = 10_000;
/// Hits Meilisearch counts: far above any catalogue, so totals are exact (it only caps the
/// reported count; paging stays limited to `app::search::MAX_RESULT_WINDOW` by the parser).
const MAX_TOTAL_HITS: usize = 1_000_000_000;
/// Values returned per facet (the most frequent ones).
const MAX_VALUES_PER_FACET: usize = 100;
/// Oldest server whose tokenizer folds `đ` to `d` (charabia 0.8.10).
const MIN_VERSION: (u32, u32) = (1, 8);

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
            tracing::warn!(url, error = %detail(&e), "cannot read the Meilisearch version; assuming 1.8 or later");
            return Ok(());
        }
        Err(_) => return Ok(()),
    };
    let mut parts = version.split(['.', '-']).map(|p| p.parse::<u32>().ok());
    if let (Some(Some(major)), Some(Some(minor))) = (parts.next(), parts.next())
        && (major, minor) < MIN_VERSION
    {
        anyhow::bail!(
            "Meilisearch {version} tại {url} quá cũ (Meilisearch {version} at {url} is too old): version {}.{} or later is needed (its tokenizer folds đ to d)",
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

    /// Waits for a task: `Ok(Err(_))` when Meilisearch processed it and it failed.
    async fn wait(&self, task: TaskInfo) -> Result<Result<(), MeilisearchError>, SearchError> {
        let uid = task.task_uid;
        let done = self
            .raw(
                TASK_TIMEOUT + REQUEST_TIMEOUT,
                self.client
                    .wait_for_task(task, Some(TASK_POLL), Some(TASK_TIMEOUT)),
            )
            .await?;
        match done {
            Ok(Task::Succeeded { .. }) => Ok(Ok(())),
            Ok(Task::Failed { content }) => Ok(Err(content.error)),
            Ok(Task::Enqueued { .. } | Task::Processing { .. }) | Err(MeiliError::Timeout) => {
                Err(SearchError::Engine(format!(
                    "tác vụ Meilisearch {uid} chưa xong sau {} phút (Meilisearch task {uid} not finished after {} minutes): see GET {}/tasks/{uid}",
                    TASK_TIMEOUT.as_secs() / 60,
                    TASK_TIMEOUT.as_secs() / 60,
                    self.url
                )))
            }
            Err(e) => Err(convert(&self.url, e)),
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
        Ok(created)
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
            self.wait_ok(task).await?;
        }
        let known = *lock(&self.created);
        let created = match known {
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
        let text = translate::query_text(&q.text, q.prefix);
        let filter = translate::filter(&q.filters);
        let paging = translate::paging(q.offset, q.limit);
        let mut s = SearchQuery::new(&self.index);
        s.with_page(paging.page)
            .with_hits_per_page(paging.per_page)
            .with_matching_strategy(MatchingStrategies::ALL)
            .with_attributes_to_retrieve(Selectors::Some(translate::RETRIEVE));
        if let Some(text) = &text {
            s.with_query(text);
            if q.text.idents.is_empty() {
                s.with_attributes_to_search_on(translate::TEXT_ATTRIBUTES);
            }
            if paging.per_page > 0 {
                s.with_attributes_to_highlight(Selectors::Some(translate::HIGHLIGHT))
                    .with_attributes_to_crop(Selectors::Some(translate::CROP))
                    .with_crop_length(translate::CROP_WORDS)
                    .with_highlight_pre_tag(translate::PRE_TAG)
                    .with_highlight_post_tag(translate::POST_TAG);
            }
        }
        if let Some(filter) = &filter {
            s.with_filter(filter);
        }
        if let Some(sort) = translate::sort(q.sort) {
            s.with_sort(sort);
        }
        if q.facets {
            s.with_facets(Selectors::Some(translate::FACETS));
        }
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
            .skip(paging.skip)
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

    /// Meilisearch corrects typos itself and exposes no dictionary to suggest from.
    fn spell(&self, _word: String) -> BoxFuture<'static, Result<Option<String>, SearchError>> {
        Box::pin(async { Ok(None) })
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
            serde_json::json!(["code", "idents", "ancestors"])
        );
        assert_eq!(
            json["sortableAttributes"],
            serde_json::json!(["start", "end", "code_key"])
        );
        assert_eq!(json["distinctAttribute"], serde_json::Value::Null);
        for a in translate::TEXT_ATTRIBUTES.iter().chain(translate::NO_TYPO) {
            assert!(translate::SEARCHABLE.contains(a), "{a}");
        }
        for f in translate::FACETS {
            assert!(translate::FILTERABLE.contains(f), "{f}");
        }
    }
}
