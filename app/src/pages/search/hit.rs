//! One search result: its link (to the page the words were found on, if any), what it is and
//! where it belongs, the highlighted passage and a thumbnail of a digitised record.

use crate::components::Snippet;
use crate::i18n::{Key, Lang, format_years, found_on_page, level_name, t};
use crate::model::{Access, Level};
use crate::search::Hit;
use crate::urls::record_href;
use leptos::prelude::*;

/// The record's address; `?page=N` when the words were found on page N of its scans.
pub(super) fn hit_href(hit: &Hit) -> String {
    match hit.page {
        Some(n) => format!("{}?page={n}", record_href(&hit.code)),
        None => record_href(&hit.code),
    }
}

/// One result: title (or, for a stub, its code), level, code, dates, where it belongs, the
/// highlighted passage, the badges and notices that apply, and for a digitised record a
/// thumbnail; a hit inside a scanned page's text links to that page.
pub(super) fn hit_view(lang: Lang, hit: Hit) -> impl IntoView {
    let stub = hit.title.is_none();
    let link_text = hit.title.clone().unwrap_or_else(|| hit.code.clone());
    let when = hit.date.clone().or_else(|| hit.years.map(format_years));
    let code = (!stub).then(|| view! { <span class="unit-code">{hit.code.clone()}</span> });
    let digitized = hit.digitized.then(|| {
        view! { <span class="badge badge-digitized" data-testid="digitized">{t(lang, Key::Digitized)}</span> }
    });
    let notice = (hit.access == Access::Conditional).then(|| {
        view! { <p class="unit-notice" data-testid="hit-notice">{t(lang, Key::ConditionalNotice)}</p> }
    });
    let trail = trail_view(lang, &hit);
    let snippet = hit.snippet.clone().map(|text| view! { <Snippet text/> });
    let href = hit_href(&hit);
    let found = hit.page.map(|n| {
        view! { <p class="hit-page" data-testid="hit-page">{found_on_page(lang, n)}</p> }
    });
    let with_thumb = hit.thumbnail.is_some();
    // Decorative: the title is the link text.
    let thumbnail = hit.thumbnail.clone().map(|src| {
        view! {
            <img class="hit-thumb" data-testid="hit-thumb" src=src alt="" loading="lazy" decoding="async"/>
        }
    });
    view! {
        <li
            class="hit"
            class:hit-with-thumb=with_thumb
            data-testid="hit"
            data-level=hit.level.as_str()
            data-access=hit.access.as_str()
            data-code=hit.code.clone()
        >
            <h3 class="hit-title">
                <a class="hit-link" href=href>{link_text}</a>
            </h3>
            <p class="unit-meta">
                <span class="unit-level">{level_name(lang, hit.level)}</span>
                {code}
                {when.map(|when| view! { <span class="unit-date">{when}</span> })}
                {digitized}
            </p>
            {trail}
            {found}
            {snippet}
            {notice}
            {thumbnail}
        </li>
    }
}

/// The fonds and every ancestor down to the parent, each a link.
fn trail_view(lang: Lang, hit: &Hit) -> Option<impl IntoView + use<>> {
    let mut crumbs: Vec<(String, String)> = hit
        .parents
        .iter()
        .map(|crumb| {
            let name = crumb
                .title
                .clone()
                .unwrap_or_else(|| format!("{} {}", level_name(lang, crumb.level), crumb.code));
            (crumb.code.clone(), name)
        })
        .collect();
    if crumbs.is_empty() && hit.level != Level::Fonds {
        let name = hit.fonds_name.clone().unwrap_or_else(|| hit.fonds.clone());
        crumbs.push((hit.fonds.clone(), name));
    }
    if crumbs.is_empty() {
        return None;
    }
    let links = crumbs
        .into_iter()
        .enumerate()
        .map(|(i, (code, name))| {
            view! {
                {(i > 0).then(|| view! { <span class="trail-sep" aria-hidden="true">" › "</span> })}
                <a href=record_href(&code)>{name}</a>
            }
        })
        .collect_view();
    Some(view! {
        <p class="hit-trail" data-testid="hit-trail">
            <span class="trail-label">{t(lang, Key::PartOf)}": "</span>
            {links}
        </p>
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(page: Option<u32>, thumbnail: Option<&str>) -> Hit {
        Hit {
            code: "H34.10.1999.01.004".into(),
            level: Level::File,
            title: Some("Hồ sơ xây dựng đê".into()),
            date: None,
            years: Some((1999, 1999)),
            fonds: "H34.10".into(),
            fonds_name: None,
            parents: Vec::new(),
            snippet: None,
            digitized: thumbnail.is_some(),
            access: Access::Public,
            page,
            thumbnail: thumbnail.map(str::to_string),
        }
    }

    #[test]
    fn a_hit_on_a_page_links_to_that_page() {
        assert_eq!(
            hit_href(&hit(Some(3), None)),
            "/records/H34.10.1999.01.004?page=3"
        );
        assert_eq!(hit_href(&hit(None, None)), "/records/H34.10.1999.01.004");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_digitised_hit_shows_its_thumbnail_and_page() {
        let thumb = "/iiif/3/abc/full/150,200/0/default.jpg";
        let html = hit_view(Lang::Vi, hit(Some(3), Some(thumb))).to_html();
        assert!(
            html.contains(r#"href="/records/H34.10.1999.01.004?page=3""#),
            "{html}"
        );
        assert!(html.contains("Tìm thấy trong trang 3"), "{html}");
        assert!(
            html.contains(&format!(r#"src="{thumb}" alt="" loading="lazy""#)),
            "{html}"
        );
        let plain = hit_view(Lang::En, hit(None, None)).to_html();
        assert!(!plain.contains("<img"), "{plain}");
        assert!(!plain.contains("Found on page"), "{plain}");
    }
}
