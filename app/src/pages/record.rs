//! `/records/{code}`: one unit at any level — breadcrumb, description, access, digitised pages
//! (the viewer, `?page=N` opens it at page N), children.

use super::{ErrorPage, page_request};
use crate::codes::{MODE, name_of};
use crate::components::{
    AccessNotice, Breadcrumb, Loading, MetadataList, Pager, SearchWithin, UnitList, Viewer,
    unit_label,
};
use crate::i18n::{Key, Lang, count_of, format_years, level_name, t, use_lang};
use crate::model::{Access, ChildrenPage, Level, RecordPage, RecordView};
use crate::site::{page_title, use_site};
use crate::urls::record_href;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// A record page.
#[component]
pub fn RecordPage() -> impl IntoView {
    let lang = use_lang();
    let site = use_site();
    let params = use_params_map();
    let request = page_request();
    let data = Resource::new(
        move || (params.read().get("code").unwrap_or_default(), request.get()),
        |(code, request)| crate::api::get_record(code, request),
    );
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let archive = site.archive_name().await;
                match data.await {
                    Ok(page) => record_view(lang, page, &archive).into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn record_view(lang: Lang, page: RecordPage, archive: &str) -> impl IntoView {
    let RecordPage {
        record,
        children,
        digitised,
    } = page;
    let heading = unit_label(lang, &record.summary);
    // A stub's heading already starts with its level.
    let eyebrow = record
        .summary
        .title
        .is_some()
        .then(|| level_name(lang, record.summary.level));
    let metadata = (!record.metadata.is_empty()).then(|| {
        view! {
            <section aria-labelledby="metadata-heading">
                <h2 id="metadata-heading">{t(lang, Key::MetadataHeading)}</h2>
                <MetadataList level=record.summary.level fields=record.metadata.clone()/>
            </section>
        }
    });
    // A fonds, series or file the reader may see can be searched on its own.
    let within =
        (record.summary.title.is_some() && record.summary.level != Level::Item).then(|| {
            view! { <SearchWithin code=record.summary.code.clone() level=record.summary.level/> }
        });
    // The pages right below the summary (above the children list); for a locked record only a
    // notice.
    let viewer = digitised.map(|digitised| {
        view! {
            <Viewer code=record.summary.code.clone() title=heading.clone() digitised/>
        }
    });
    let contents = children_view(lang, &record, children);
    view! {
        <Title text=page_title(lang, &heading, archive)/>
        <Breadcrumb parents=record.parents.clone() current=heading.clone()/>
        <article
            class="record"
            data-level=record.summary.level.as_str()
            data-code=record.summary.code.clone()
        >
            <header class="record-header">
                {eyebrow.map(|level| view! { <p class="record-level">{level}</p> })}
                <h1>{heading}</h1>
                <AccessNotice access=record.summary.access/>
            </header>
            {summary_view(lang, &record)}
            {viewer}
            {within}
            {metadata}
            {contents}
        </article>
    }
}

/// Level, code, dates, fonds and access: what even a stub shows.
fn summary_view(lang: Lang, record: &RecordView) -> impl IntoView + use<> {
    let unit = &record.summary;
    let dates = match (&unit.date, unit.years) {
        (Some(date), _) => Some((Key::Dates, date.clone())),
        (None, Some(years)) => Some((Key::Years, format_years(years))),
        (None, None) => None,
    };
    let fonds = (unit.level != Level::Fonds).then(|| {
        let name = record.fonds_name.clone().unwrap_or_else(|| record.fonds_code.clone());
        view! {
            <div><dt>{t(lang, Key::Fonds)}</dt><dd><a href=record_href(&record.fonds_code)>{name}</a></dd></div>
        }
    });
    let access = match unit.access {
        Access::Public => name_of(MODE, "01", lang.is_english()),
        Access::Conditional | Access::Granted => name_of(MODE, "02", lang.is_english()),
    };
    view! {
        <section class="summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading" class="visually-hidden">{t(lang, Key::SummaryHeading)}</h2>
            <dl class="summary-list" data-testid="summary">
                <div><dt>{t(lang, Key::Level)}</dt><dd>{level_name(lang, unit.level)}</dd></div>
                <div><dt>{t(lang, Key::ReferenceCode)}</dt><dd class="code">{unit.code.clone()}</dd></div>
                {dates.map(|(key, value)| view! { <div><dt>{t(lang, key)}</dt><dd>{value}</dd></div> })}
                {fonds}
                <div><dt>{t(lang, Key::Access)}</dt><dd>{access}</dd></div>
            </dl>
        </section>
    }
}

/// One page of children with its total and paging links; nothing for a unit without children.
fn children_view(
    lang: Lang,
    record: &RecordView,
    children: ChildrenPage,
) -> Option<impl IntoView + use<>> {
    if children.total == 0 && children.items.is_empty() {
        return None;
    }
    let level = children
        .items
        .first()
        .map(|child| child.level)
        .or_else(|| crate::components::child_level(record.summary.level));
    let path = record_href(&record.summary.code);
    Some(view! {
        <section class="contents" aria-labelledby="contents-heading">
            <h2 id="contents-heading">{t(lang, Key::ContentsHeading)}</h2>
            <p class="total" data-testid="total">{count_of(lang, level, children.total)}</p>
            <UnitList items=children.items testid="children"/>
            <Pager path next=children.next prev=children.prev/>
        </section>
    })
}
