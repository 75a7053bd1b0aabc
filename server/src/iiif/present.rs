//! The pages of a record as one viewer may see them — an item's own pages, or a file's own
//! then its items' in order — and the data of its manifest, built from the access policy's
//! public view (or, for staff, the stored unit).

use super::auth::{self, Decision, PageOf, Viewer};
use super::manifest::{ManifestPage, ManifestRange, ManifestSource};
use crate::access::{self, PublicUnit};
use crate::catalogue::model::{Level, Mode};
use crate::catalogue::store::StoredUnit;
use crate::config::Visibility;
use crate::db::Db;
use sqlx::Row;

/// One page of a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordPage {
    /// 1-based position in the record's page list.
    pub seq: u32,
    pub image_id: String,
    pub width: u32,
    pub height: u32,
    pub has_text: bool,
    /// The unit the page belongs to (the record itself or one of its items).
    pub unit_code: String,
    pub unit_id: i64,
    /// Title of that unit when the viewer may read it (for ranges).
    pub unit_title: Option<String>,
    pub decision: Decision,
}

/// The pages `viewer` may see on the record of `unit`, and whether pages exist that the viewer
/// may not see (the record is then "locked" for them).
pub async fn record_pages(
    db: &Db,
    unit: &StoredUnit,
    viewer: &Viewer,
) -> sqlx::Result<(Vec<RecordPage>, bool)> {
    if !matches!(unit.level, Level::File | Level::Item) {
        return Ok((Vec::new(), false));
    }
    let rows = sqlx::query(
        "select u.unit_id, u.parent_id, u.code, u.title, u.effective_mode, u.withdrawn, p.image_id, \
         i.width, i.height, case when p.text is null or p.text = '' then 0 else 1 end \
         from units u join pages p on p.unit_id = u.unit_id join images i on i.image_id = p.image_id \
         where (u.unit_id = $1 or u.parent_id = $1) and i.state = 'ready' \
         order by case when u.unit_id = $1 then 0 else 1 end, u.position, u.code, p.seq",
    )
    .bind(unit.unit_id)
    .fetch_all(&db.pool)
    .await?;
    let mut pages = Vec::new();
    let mut locked = false;
    for r in rows {
        let of = PageOf {
            unit_id: r.get(0),
            parent_id: r.get(1),
            effective_mode: Mode::from_code(&r.get::<String, _>(4)).unwrap_or(Mode::Secret),
            withdrawn: r.get::<i64, _>(5) != 0,
        };
        let decision = auth::decide(viewer, false, std::slice::from_ref(&of));
        if decision == Decision::Denied {
            locked = true;
            continue;
        }
        let readable = auth::public_pages(of.effective_mode, of.withdrawn)
            || !matches!(viewer, Viewer::Public);
        pages.push(RecordPage {
            seq: pages.len() as u32 + 1,
            image_id: r.get(6),
            width: r.get::<i64, _>(7) as u32,
            height: r.get::<i64, _>(8) as u32,
            has_text: r.get::<i64, _>(9) != 0,
            unit_code: r.get(2),
            unit_id: of.unit_id,
            unit_title: if readable { r.get(3) } else { None },
            decision,
        });
    }
    let locked = locked && pages.is_empty();
    Ok((pages, locked))
}

/// Whether every page may be downloaded (public pages only; never a reading copy).
pub fn downloadable(pages: &[RecordPage]) -> bool {
    !pages.is_empty()
        && pages
            .iter()
            .all(|p| p.decision == Decision::Full { public: true })
}

/// The data of the manifest of a record whose public view is `view` (or the stored unit's for
/// staff), with its pages.
pub fn manifest_source(
    base: &str,
    unit: &StoredUnit,
    view: Option<&PublicUnit>,
    pages: &[RecordPage],
    settings: &ManifestSettings,
) -> ManifestSource {
    let (title, metadata) = match view {
        Some(v) => (v.title().map(str::to_string), v.metadata().to_vec()),
        None => (unit.title.clone(), unit.metadata()),
    };
    let label = title.unwrap_or_else(|| unit.code.clone());
    let mut meta = vec![(
        "Mã".to_string(),
        "Reference code".to_string(),
        unit.code.clone(),
    )];
    for (tag, value) in metadata {
        if value.is_empty() || tag == "digitalFiles" {
            continue;
        }
        meta.push((
            app::i18n::field_label(&tag, false).to_string(),
            app::i18n::field_label(&tag, true).to_string(),
            value,
        ));
    }
    let mut ranges: Vec<ManifestRange> = Vec::new();
    if unit.level == Level::File {
        for p in pages.iter().filter(|p| p.unit_id != unit.unit_id) {
            match ranges.last_mut() {
                Some(r) if r.code == p.unit_code => r.pages.push(p.seq),
                _ => ranges.push(ManifestRange {
                    code: p.unit_code.clone(),
                    label: p.unit_title.clone().unwrap_or_else(|| p.unit_code.clone()),
                    pages: vec![p.seq],
                }),
            }
        }
    }
    let protected = pages
        .iter()
        .any(|p| p.decision != Decision::Full { public: true });
    ManifestSource {
        base: base.to_string(),
        code: unit.code.clone(),
        label_vi: label.clone(),
        label_en: label,
        metadata: meta,
        summary: None,
        rights: settings.rights.clone(),
        required_statement: (
            settings.attribution_vi.clone(),
            settings.attribution_en.clone(),
        ),
        pages: pages
            .iter()
            .map(|p| ManifestPage {
                seq: p.seq,
                image_id: p.image_id.clone(),
                width: p.width,
                height: p.height,
                label: format!("Trang {}", p.seq),
            })
            .collect(),
        ranges,
        auth: protected.then(|| auth::services(base, &format!("record/{}", unit.code))),
        provider: Some(super::manifest::Provider {
            label_vi: settings.archive_name.clone(),
            label_en: settings.archive_name.clone(),
            homepage: None,
        }),
    }
}

/// What manifests say about rights, from configuration.
#[derive(Clone, Debug, Default)]
pub struct ManifestSettings {
    pub archive_name: String,
    pub rights: Option<String>,
    pub attribution_vi: String,
    pub attribution_en: String,
}

/// The public view of a unit and its ancestors, when all are visible.
pub fn public_chain(
    unit: &StoredUnit,
    chain: &[StoredUnit],
    visibility: Visibility,
) -> Option<PublicUnit> {
    if chain
        .iter()
        .any(|u| access::public_view(u, visibility).is_none())
    {
        return None;
    }
    access::public_view(unit, visibility)
}

/// The manifest JSON of a record for `viewer`: 404 when the record is unknown to them or has no
/// pages, 403 when its pages exist but are not theirs to see.
pub async fn manifest_for(
    state: &crate::http::AppState,
    base: &str,
    code: &str,
    viewer: &Viewer,
) -> Result<serde_json::Value, super::serve::Refusal> {
    use super::serve::Refusal;
    let visibility = state.config.conditional_visibility;
    let (unit, chain) = super::http::unit(state, code).await?;
    let view = public_chain(&unit, &chain, visibility);
    if view.is_none() && *viewer == Viewer::Public {
        return Err(Refusal::NotFound);
    }
    let (pages, locked) = record_pages(&state.db, &unit, viewer)
        .await
        .map_err(|e| Refusal::Internal(e.to_string()))?;
    if locked {
        return Err(Refusal::Denied);
    }
    if pages.is_empty() {
        return Err(Refusal::NotFound);
    }
    // Staff see the stored description; everyone else the public view.
    let view = if *viewer == Viewer::Staff { None } else { view };
    let source = manifest_source(base, &unit, view.as_ref(), &pages, &settings(state));
    Ok(super::manifest::manifest(&source))
}

/// Whether `viewer` may see the pages of the record `code` (the probe of a manifest).
pub async fn record_visible(state: &crate::http::AppState, code: &str, viewer: &Viewer) -> bool {
    let Ok((unit, _)) = super::http::unit(state, code).await else {
        return false;
    };
    matches!(record_pages(&state.db, &unit, viewer).await, Ok((p, false)) if !p.is_empty())
}

/// What manifests say about rights, from configuration.
pub fn settings(state: &crate::http::AppState) -> ManifestSettings {
    let name = state.config.archive_name();
    let attribution = state.config.iiif_attribution.clone();
    ManifestSettings {
        archive_name: name.clone(),
        rights: state.config.iiif_rights.clone().filter(|r| !r.is_empty()),
        attribution_vi: attribution
            .clone()
            .unwrap_or_else(|| format!("Nguồn: {name}")),
        attribution_en: attribution.unwrap_or_else(|| format!("Source: {name}")),
    }
}

/// Most manifests listed in one collection.
const COLLECTION_LIMIT: i64 = 10_000;

/// The collection of a fonds: a manifest per public file or item with public pages (a file
/// rather than each of its items).
pub async fn collection_for(
    state: &crate::http::AppState,
    base: &str,
    code: &str,
) -> Result<serde_json::Value, super::serve::Refusal> {
    use super::serve::Refusal;
    let internal = |e: sqlx::Error| Refusal::Internal(e.to_string());
    let (fonds, chain) = super::http::unit(state, code).await?;
    let view = public_chain(&fonds, &chain, state.config.conditional_visibility)
        .filter(|_| fonds.level == Level::Fonds)
        .ok_or(Refusal::NotFound)?;
    let rows = sqlx::query(
        "select case when u.level = 'item' then f.code else u.code end as c, \
         case when u.level = 'item' then f.title else u.title end as t, min(p.image_id), \
         min(case when u.level = 'item' then f.position else u.position end) as pos \
         from pages p join units u on u.unit_id = p.unit_id \
         left join units f on f.unit_id = u.parent_id and u.level = 'item' \
         where u.fonds_id = $1 and u.effective_mode = '01' and u.withdrawn = 0 \
         and (f.unit_id is null or (f.effective_mode = '01' and f.withdrawn = 0)) \
         group by 1, 2 order by 4, 1 limit $2",
    )
    .bind(fonds.unit_id)
    .bind(COLLECTION_LIMIT)
    .fetch_all(&state.db.pool)
    .await
    .map_err(internal)?;
    let mut items = Vec::with_capacity(rows.len());
    for r in rows {
        let image: String = r.get(2);
        let thumb = super::store::image(&state.db, &image)
            .await
            .map_err(internal)?
            .map(|i| (i.image_id, i.width, i.height));
        let code: String = r.get(0);
        items.push(super::manifest::CollectionItem {
            label: r
                .get::<Option<String>, _>(1)
                .unwrap_or_else(|| code.clone()),
            code,
            thumbnail: thumb,
        });
    }
    let label = view.title().unwrap_or(view.code()).to_string();
    Ok(super::manifest::collection(
        base, code, &label, &label, &items,
    ))
}
