//! The record page's viewer of digitised pages.
//!
//! The server renders a version that needs no JavaScript: the current page (`?page=N`) as an
//! `<img>` at a stored fixed size, previous/next links, a window of thumbnails around it with
//! page-number links, a "go to page" form, the downloads a public record allows and the IIIF
//! manifest. Once hydrated, an effect loads OpenSeadragon and `/viewer.js` and mounts the
//! deep-zoom viewer ([`mount`]) into an element Leptos leaves empty, then hides the plain version.

mod mount;
#[cfg(test)]
mod tests;

use crate::i18n::{Key, Lang, page_of, t, use_lang};
use crate::model::{Digitised, PageView};
use crate::urls::{percent_encode, record_href};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Longer side of the thumbnails in the page strips and search results.
pub const THUMB_EDGE: u32 = 200;
/// Longer side of the page image shown without JavaScript (small screens), and the largest
/// fixed size stored at ingest (wide screens).
const PAGE_EDGE: u32 = 1024;
const PAGE_EDGE_LARGE: u32 = 2048;
/// Thumbnails shown on each side of the current page without JavaScript.
const WINDOW: u32 = 3;

/// The size of the smallest stored fixed size of a `width` × `height` image whose longer side
/// fits `max_edge`: the whole image at scale factor sf (a power of two) is
/// `ceil(width/sf) × ceil(height/sf)`.
pub fn fixed_size(width: u32, height: u32, max_edge: u32) -> (u32, u32) {
    let max_edge = max_edge.max(1);
    let mut sf: u32 = 1;
    loop {
        let size = (width.div_ceil(sf), height.div_ceil(sf));
        if size.0.max(size.1) <= max_edge || sf >= 1 << 30 {
            return size;
        }
        sf *= 2;
    }
}

/// The IIIF address of the whole page at its smallest stored size that fits `max_edge`
/// (served straight from disk).
pub fn size_url(page: &PageView, max_edge: u32) -> String {
    let (w, h) = fixed_size(page.width, page.height, max_edge);
    format!("{}/full/{w},{h}/0/default.jpg", image_base(page))
}

/// `/iiif/3/{image}/info.json`.
pub fn info_url(page: &PageView) -> String {
    format!("{}/info.json", image_base(page))
}

/// The full-size page, for downloads.
pub fn full_url(page: &PageView) -> String {
    format!("{}/full/max/0/default.jpg", image_base(page))
}

fn image_base(page: &PageView) -> String {
    format!("/iiif/3/{}", percent_encode(&page.image))
}

/// The 1-based page `?page=` asks for, within `1..=total`; 1 when absent or not a number.
pub fn current_page(raw: Option<&str>, total: u32) -> u32 {
    raw.and_then(|s| s.trim().parse::<u32>().ok())
        .unwrap_or(1)
        .clamp(1, total.max(1))
}

/// One entry of the page strip shown without JavaScript.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StripItem {
    /// A page link with its thumbnail (near the current page).
    Thumb(u32),
    /// A page link with its number only (the first and the last page).
    Number(u32),
    /// Pages left out.
    Gap,
}

/// The strip around `current`: thumbnails of the [`WINDOW`] pages on each side, the first and
/// last page as numbers, gaps between; never more than `2 × WINDOW + 5` entries.
pub fn strip_items(current: u32, total: u32) -> Vec<StripItem> {
    let from = current.saturating_sub(WINDOW).max(1);
    let to = current.saturating_add(WINDOW).min(total);
    let mut items = Vec::new();
    if from > 1 {
        items.push(StripItem::Number(1));
        if from > 2 {
            items.push(StripItem::Gap);
        }
    }
    items.extend((from..=to).map(StripItem::Thumb));
    if to < total {
        if to + 1 < total {
            items.push(StripItem::Gap);
        }
        items.push(StripItem::Number(total));
    }
    items
}

/// A record's digitised pages: the viewer, or for a record whose pages the visitor may not see,
/// only a notice. Nothing when there are no pages.
#[component]
pub fn Viewer(code: String, title: String, digitised: Digitised) -> impl IntoView {
    let lang = use_lang();
    if digitised.locked {
        return view! {
            <section class="viewer viewer-locked" aria-labelledby="viewer-heading" data-testid="viewer">
                <h2 id="viewer-heading">{t(lang, Key::ViewerHeading)}</h2>
                <p class="notice" data-testid="viewer-locked">{t(lang, Key::ViewerLocked)}</p>
            </section>
        }
        .into_any();
    }
    if digitised.pages.is_empty() {
        return ().into_any();
    }
    let Digitised {
        manifest,
        pages,
        pdf,
        ..
    } = digitised;
    let public = pdf.is_some();
    let total = u32::try_from(pages.len()).unwrap_or(u32::MAX);
    let query = use_query_map();
    let current = Memo::new(move |_| current_page(query.read().get("page").as_deref(), total));
    let mounted = RwSignal::new(false);
    let live = NodeRef::<leptos::html::Div>::new();
    let options = mount::Options::new(lang, &title, &pages, current.get_untracked(), public);
    Effect::new(move |_| {
        if let Some(element) = live.get() {
            mount::start(element, options.clone(), mounted);
        }
    });
    let plain = {
        let path = record_href(&code);
        move || plain_view(lang, &path, &title, &pages, public, current.get())
    };
    let pdf = pdf.map(|href| {
        view! {
            <p class="viewer-pdf">
                <a href=href download data-testid="viewer-pdf">{t(lang, Key::ViewerDownloadPdf)}</a>
            </p>
        }
    });
    view! {
        <section class="viewer" aria-labelledby="viewer-heading" data-testid="viewer" data-pages=total>
            <h2 id="viewer-heading">{t(lang, Key::ViewerHeading)}</h2>
            <div class="viewer-plain" data-testid="viewer-plain" hidden=move || mounted.get()>
                {plain}
            </div>
            <div class="viewer-live" node_ref=live></div>
            {pdf}
            {manifest.map(|manifest| view! { <ManifestLink manifest/> })}
        </section>
    }
    .into_any()
}

/// The page without JavaScript: the image, previous/next, the strip and "go to page".
fn plain_view(
    lang: Lang,
    path: &str,
    title: &str,
    pages: &[PageView],
    public: bool,
    current: u32,
) -> impl IntoView + use<> {
    let total = u32::try_from(pages.len()).unwrap_or(u32::MAX);
    let page_at = |n: u32| &pages[usize::try_from(n - 1).unwrap_or(0).min(pages.len() - 1)];
    let href = |n: u32| format!("{path}?page={n}");
    let page = page_at(current);
    let where_ = page_of(lang, current, total);
    let alt = format!("{where_} — {title}");
    let (w, h) = fixed_size(page.width, page.height, PAGE_EDGE);
    let (lw, _) = fixed_size(page.width, page.height, PAGE_EDGE_LARGE);
    let srcset = format!(
        "{} {w}w, {} {lw}w",
        size_url(page, PAGE_EDGE),
        size_url(page, PAGE_EDGE_LARGE)
    );
    let prev = (current > 1).then(|| {
        view! {
            <li><a href=href(current - 1) rel="prev" data-testid="viewer-prev">
                <span aria-hidden="true">"← "</span>{t(lang, Key::PrevPage)}
            </a></li>
        }
    });
    let next = (current < total).then(|| {
        view! {
            <li><a href=href(current + 1) rel="next" data-testid="viewer-next">
                {t(lang, Key::NextPage)}<span aria-hidden="true">" →"</span>
            </a></li>
        }
    });
    let strip = strip_items(current, total)
        .into_iter()
        .map(|item| match item {
            StripItem::Thumb(n) => {
                let (tw, th) = fixed_size(page_at(n).width, page_at(n).height, THUMB_EDGE);
                view! {
                    <li class="viewer-thumb">
                        <a href=href(n) aria-current=(n == current).then_some("page")>
                            <img src=size_url(page_at(n), THUMB_EDGE) alt="" width=tw height=th loading="lazy"/>
                            <span><span class="visually-hidden">{t(lang, Key::PageNumber)}" "</span>{n}</span>
                        </a>
                    </li>
                }
                .into_any()
            }
            StripItem::Number(n) => view! {
                <li class="viewer-number">
                    <a href=href(n)><span class="visually-hidden">{t(lang, Key::PageNumber)}" "</span>{n}</a>
                </li>
            }
            .into_any(),
            StripItem::Gap => view! { <li class="viewer-gap" aria-hidden="true">"…"</li> }.into_any(),
        })
        .collect_view();
    let goto = (total > 2 * WINDOW + 1).then(|| {
        view! {
            <form method="get" action=path.to_string() class="viewer-goto">
                <label for="viewer-goto-page">{t(lang, Key::ViewerGoTo)}</label>
                <input id="viewer-goto-page" type="number" name="page" min="1" max=total value=current inputmode="numeric"/>
                <button type="submit" class="button">{t(lang, Key::ViewerGo)}</button>
            </form>
        }
    });
    let download = public.then(|| {
        view! {
            <p class="viewer-download">
                <a href=full_url(page) download data-testid="viewer-download">
                    {t(lang, Key::ViewerDownloadPage)}" ("{where_.clone()}")"
                </a>
            </p>
        }
    });
    view! {
        <figure class="viewer-page" data-page=current>
            <img
                class="viewer-image"
                data-testid="viewer-image"
                src=size_url(page, PAGE_EDGE)
                srcset=srcset
                sizes="(min-width: 64rem) 60rem, 100vw"
                width=w
                height=h
                alt=alt
            />
            <figcaption>{where_.clone()}</figcaption>
        </figure>
        <nav class="viewer-nav" aria-label=t(lang, Key::ViewerPages)>
            <ul class="viewer-steps">{prev}{next}</ul>
            <ol class="viewer-thumbs">{strip}</ol>
            {goto}
        </nav>
        {download}
    }
}

/// The manifest's address to copy (a read-only field, plus a copy button once hydrated) and the
/// IIIF logo linking to it, which can be dragged into another IIIF viewer.
#[component]
fn ManifestLink(manifest: String) -> impl IntoView {
    let lang = use_lang();
    // A path on the server; the page's origin is prefixed once in the browser.
    let address = RwSignal::new(manifest);
    let hydrated = RwSignal::new(false);
    let copied = RwSignal::new(false);
    Effect::new(move |_| {
        address.set(mount::absolute(&address.get_untracked()));
        hydrated.set(true);
    });
    let drag_href = move || {
        let address = address.get();
        format!("{address}?manifest={}", percent_encode(&address))
    };
    let copy = move |_| mount::copy_text(address.get_untracked(), copied);
    view! {
        <div class="viewer-manifest" data-testid="viewer-manifest">
            <label for="viewer-manifest-url">{t(lang, Key::ViewerManifest)}</label>
            <div class="viewer-manifest-row">
                <a class="iiif-link" href=drag_href title=t(lang, Key::ViewerIiifLink)>
                    <img src="/iiif-logo.svg" alt=t(lang, Key::ViewerIiifLink) width="32" height="29"/>
                </a>
                <input id="viewer-manifest-url" type="text" readonly value=move || address.get()/>
                <button type="button" class="button" hidden=move || !hydrated.get() on:click=copy>
                    {t(lang, Key::ViewerCopy)}
                </button>
                <span class="viewer-copied" role="status">
                    {move || copied.get().then(|| t(lang, Key::ViewerCopied))}
                </span>
            </div>
        </div>
    }
}
