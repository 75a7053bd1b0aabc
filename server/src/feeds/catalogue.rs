//! The catalogue as an anonymous visitor sees it: every answer is built from
//! `access::public_view`, so restricted text cannot reach a page or a JSON response.

use crate::access::{self, PublicUnit};
use crate::catalogue::store::{self, Cursor, PageFrom, StoredUnit};
use crate::config::Visibility;
use crate::db::Db;
use crate::search::{Audience, Search};
use app::model::{
    ChildrenPage, Counts, DEFAULT_PAGE_SIZE, HomeData, MAX_PAGE_SIZE, MetadataField, PageRequest,
    RecordPage, RecordView, SiteInfo, UnitSummary,
};
use app::search::{SearchPage, SearchParams, Suggestion};
use app::service::{CatalogueService, ServiceError};
use futures::future::BoxFuture;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long the home page's counts are reused before being counted again in the background
/// (counting is a scan of the whole catalogue; the numbers carry no restricted text).
const COUNTS_TTL: Duration = Duration::from_secs(60);

/// The public catalogue over the database.
#[derive(Clone)]
pub struct PublicCatalogue {
    db: Db,
    visibility: Visibility,
    archive_name: Arc<str>,
    counts: Arc<Mutex<Option<(Instant, Counts)>>>,
    refreshing: Arc<AtomicBool>,
    counting: Arc<tokio::sync::Mutex<()>>,
    search: Search,
}

impl PublicCatalogue {
    /// The public catalogue of `db` under a visibility setting.
    pub fn new(
        db: Db,
        visibility: Visibility,
        archive_name: String,
        search: Search,
    ) -> PublicCatalogue {
        PublicCatalogue {
            db,
            visibility,
            archive_name: archive_name.into(),
            counts: Arc::new(Mutex::new(None)),
            refreshing: Arc::new(AtomicBool::new(false)),
            counting: Arc::new(tokio::sync::Mutex::new(())),
            search,
        }
    }

    /// Published counts per level. They cost a scan of the catalogue, so they are kept in
    /// memory: a stale value is answered at once while one task recounts in the background, and
    /// only the very first call waits.
    pub async fn counts(&self) -> Result<Counts, ServiceError> {
        let cached = self.counts.lock().ok().and_then(|g| g.clone());
        match cached {
            Some((at, counts)) => {
                if at.elapsed() >= COUNTS_TTL && !self.refreshing.swap(true, Ordering::SeqCst) {
                    let this = self.clone();
                    tokio::spawn(async move {
                        let _ = this.recount().await;
                        this.refreshing.store(false, Ordering::SeqCst);
                    });
                }
                Ok(counts)
            }
            None => self.recount().await,
        }
    }

    async fn recount(&self) -> Result<Counts, ServiceError> {
        // One count at a time: callers that waited take the fresh value instead of counting again.
        let _turn = self.counting.lock().await;
        if let Some((at, counts)) = self.counts.lock().ok().and_then(|g| g.clone())
            && at.elapsed() < COUNTS_TTL
        {
            return Ok(counts);
        }
        let by_level = store::level_counts(&self.db, access::lists_only_open(self.visibility))
            .await
            .map_err(internal)?;
        let get = |l: &str| by_level.get(l).copied().unwrap_or(0);
        let counts = Counts {
            fonds: get("fonds"),
            series: get("series"),
            files: get("file"),
            items: get("item"),
        };
        if let Ok(mut guard) = self.counts.lock() {
            *guard = Some((Instant::now(), counts.clone()));
        }
        Ok(counts)
    }

    /// One page of fonds.
    pub async fn fonds_page(&self, page: PageRequest) -> Result<ChildrenPage, ServiceError> {
        let only_open = access::lists_only_open(self.visibility);
        let total = store::root_count(&self.db, only_open)
            .await
            .map_err(internal)?;
        self.page_of(None, total, &page).await
    }

    /// A unit with its ancestors and one page of children.
    pub async fn record_page(
        &self,
        code: &str,
        page: PageRequest,
    ) -> Result<RecordPage, ServiceError> {
        let from = page_from(&page)?;
        let limit = limit_of(&page)?;
        let (unit, view, parents) = self.visible(code).await?;
        let children = self
            .children_of(&unit, &from, limit, view.child_count())
            .await?;
        let digitised = digitised(&self.db, &unit).await.map_err(internal)?;
        Ok(RecordPage {
            record: record_view(&view, &parents),
            children,
            digitised,
        })
    }

    /// A unit with its ancestors, without children (the JSON record).
    pub async fn record(&self, code: &str) -> Result<RecordView, ServiceError> {
        let (_, view, parents) = self.visible(code).await?;
        Ok(record_view(&view, &parents))
    }

    /// One page of the children of a visible unit.
    pub async fn children_page(
        &self,
        code: &str,
        page: PageRequest,
    ) -> Result<ChildrenPage, ServiceError> {
        let from = page_from(&page)?;
        let (unit, view, _) = self.visible(code).await?;
        self.children_of(&unit, &from, limit_of(&page)?, view.child_count())
            .await
    }

    /// The unit, its public view and its ancestors' views; `NotFound` when any is invisible.
    async fn visible(
        &self,
        code: &str,
    ) -> Result<(StoredUnit, PublicUnit, Vec<PublicUnit>), ServiceError> {
        let (unit, chain) = store::unit_with_ancestors(&self.db, code)
            .await
            .map_err(internal)?
            .ok_or(ServiceError::NotFound)?;
        let view = access::public_view(&unit, self.visibility).ok_or(ServiceError::NotFound)?;
        let parents = chain
            .iter()
            .map(|u| access::public_view(u, self.visibility))
            .collect::<Option<Vec<_>>>()
            .ok_or(ServiceError::NotFound)?;
        Ok((unit, view, parents))
    }

    async fn children_of(
        &self,
        unit: &StoredUnit,
        from: &PageFrom,
        limit: u32,
        total: i64,
    ) -> Result<ChildrenPage, ServiceError> {
        self.rows_to_page(Some(unit.unit_id), from, limit, total)
            .await
    }

    async fn page_of(
        &self,
        parent: Option<i64>,
        total: i64,
        page: &PageRequest,
    ) -> Result<ChildrenPage, ServiceError> {
        let from = page_from(page)?;
        self.rows_to_page(parent, &from, limit_of(page)?, total)
            .await
    }

    async fn rows_to_page(
        &self,
        parent: Option<i64>,
        from: &PageFrom,
        limit: u32,
        total: i64,
    ) -> Result<ChildrenPage, ServiceError> {
        let only_open = access::lists_only_open(self.visibility);
        let rows = store::children(&self.db, parent, from, limit, only_open)
            .await
            .map_err(internal)?;
        let cursor = |u: &StoredUnit| {
            Cursor {
                position: u.position,
                code: u.code.clone(),
            }
            .encode()
        };
        let next = rows.units.last().filter(|_| rows.more_after).map(cursor);
        let prev = rows.units.first().filter(|_| rows.more_before).map(cursor);
        let items = rows
            .units
            .iter()
            .filter_map(|u| access::public_view(u, self.visibility))
            .map(|v| summary(&v))
            .collect();
        Ok(ChildrenPage {
            items,
            total,
            next,
            prev,
        })
    }
}

impl CatalogueService for PublicCatalogue {
    fn home(&self) -> BoxFuture<'static, Result<HomeData, ServiceError>> {
        let this = self.clone();
        Box::pin(async move {
            Ok(HomeData {
                archive_name: this.archive_name.to_string(),
                counts: this.counts().await?,
                fonds: this.fonds_page(PageRequest::default()).await?,
            })
        })
    }

    fn site(&self) -> BoxFuture<'static, Result<SiteInfo, ServiceError>> {
        let archive_name = self.archive_name.to_string();
        Box::pin(async move { Ok(SiteInfo { archive_name }) })
    }

    fn fonds(&self, page: PageRequest) -> BoxFuture<'static, Result<ChildrenPage, ServiceError>> {
        let this = self.clone();
        Box::pin(async move { this.fonds_page(page).await })
    }

    fn record(
        &self,
        code: String,
        page: PageRequest,
    ) -> BoxFuture<'static, Result<RecordPage, ServiceError>> {
        let this = self.clone();
        Box::pin(async move { this.record_page(&code, page).await })
    }

    fn search(&self, params: SearchParams) -> BoxFuture<'static, Result<SearchPage, ServiceError>> {
        let search = self.search.clone();
        Box::pin(async move { search.search(&params, Audience::Public).await })
    }

    fn suggest(&self, q: String) -> BoxFuture<'static, Result<Vec<Suggestion>, ServiceError>> {
        let search = self.search.clone();
        Box::pin(async move { search.suggest(&q).await })
    }
}

/// The full form of a public view, given its ancestors' views.
/// The pages of a record as the public may see them.
async fn digitised(
    db: &crate::db::Db,
    unit: &StoredUnit,
) -> Result<Option<app::model::Digitised>, sqlx::Error> {
    use crate::iiif::present;
    let (pages, locked) =
        present::record_pages(db, unit, &crate::iiif::auth::Viewer::Public).await?;
    if locked {
        return Ok(Some(app::model::Digitised {
            locked: true,
            manifest: None,
            pages: Vec::new(),
            pdf: None,
        }));
    }
    if pages.is_empty() {
        return Ok(None);
    }
    let code = &unit.code;
    Ok(Some(app::model::Digitised {
        locked: false,
        manifest: Some(format!("/iiif/3/manifests/{code}")),
        pdf: present::downloadable(&pages).then(|| format!("/api/v1/records/{code}/pdf")),
        pages: pages
            .into_iter()
            .map(|p| app::model::PageView {
                seq: p.seq,
                image: p.image_id,
                width: p.width,
                height: p.height,
                item: (p.unit_id != unit.unit_id).then_some(p.unit_code),
                has_text: p.has_text,
            })
            .collect(),
    }))
}

fn record_view(view: &PublicUnit, parents: &[PublicUnit]) -> RecordView {
    let fonds = parents.first().unwrap_or(view);
    RecordView {
        summary: summary(view),
        fonds_code: fonds.code().to_string(),
        fonds_name: fonds.title().map(str::to_string),
        metadata: view
            .metadata()
            .iter()
            .map(|(field, value)| MetadataField {
                field: field.clone(),
                value: value.clone(),
            })
            .collect(),
        parents: parents.iter().map(summary).collect(),
    }
}

/// The list form of a public view.
fn summary(v: &PublicUnit) -> UnitSummary {
    UnitSummary {
        code: v.code().to_string(),
        level: v.level(),
        title: v.title().map(str::to_string),
        date: v.date_text().map(str::to_string),
        years: v.years(),
        access: v.access(),
        child_count: v.child_count(),
    }
}

fn page_from(page: &PageRequest) -> Result<PageFrom, ServiceError> {
    let parse = |name: &str, v: &str| {
        Cursor::decode(v).ok_or_else(|| ServiceError::BadRequest {
            parameter: name.to_string(),
            reason: "con trỏ trang không hợp lệ (invalid page cursor): dùng giá trị next/prev của trang trước".into(),
        })
    };
    match (
        page.after.as_deref().filter(|s| !s.is_empty()),
        page.before.as_deref().filter(|s| !s.is_empty()),
    ) {
        (Some(_), Some(_)) => Err(ServiceError::BadRequest {
            parameter: "before".into(),
            reason: "chỉ dùng một trong after hoặc before (use either after or before)".into(),
        }),
        (Some(a), None) => Ok(PageFrom::After(parse("after", a)?)),
        (None, Some(b)) => Ok(PageFrom::Before(parse("before", b)?)),
        (None, None) => Ok(PageFrom::Start),
    }
}

fn limit_of(page: &PageRequest) -> Result<u32, ServiceError> {
    match page.limit {
        None => Ok(DEFAULT_PAGE_SIZE),
        Some(n) if (1..=MAX_PAGE_SIZE).contains(&n) => Ok(n),
        Some(_) => Err(ServiceError::BadRequest {
            parameter: "limit".into(),
            reason: format!(
                "limit phải từ 1 đến {MAX_PAGE_SIZE} (limit must be 1–{MAX_PAGE_SIZE})"
            ),
        }),
    }
}

fn internal(e: sqlx::Error) -> ServiceError {
    tracing::error!(error = %e, "database error while serving the catalogue");
    ServiceError::Internal
}
