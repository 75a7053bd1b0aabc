//! First / previous / next links of a cursor-paged list; plain links, so paging works without JavaScript.

use crate::i18n::{Key, t, use_lang};
use crate::urls::{PageLink, page_href};
use leptos::prelude::*;

/// The paging links of the list at `path`; nothing when everything fits on one page.
#[component]
pub fn Pager(path: String, next: Option<String>, prev: Option<String>) -> impl IntoView {
    let lang = use_lang();
    if next.is_none() && prev.is_none() {
        return None;
    }
    let first = prev.is_some().then(|| {
        let href = page_href(&path, PageLink::First);
        view! { <li><a href=href data-testid="first-page">{t(lang, Key::FirstPage)}</a></li> }
    });
    let prev = prev.map(|cursor| {
        let href = page_href(&path, PageLink::Before(&cursor));
        view! {
            <li>
                <a href=href rel="prev" data-testid="prev-page">
                    <span aria-hidden="true">"← "</span>{t(lang, Key::PrevPage)}
                </a>
            </li>
        }
    });
    let next = next.map(|cursor| {
        let href = page_href(&path, PageLink::After(&cursor));
        view! {
            <li>
                <a href=href rel="next" data-testid="next-page">
                    {t(lang, Key::NextPage)}<span aria-hidden="true">" →"</span>
                </a>
            </li>
        }
    });
    Some(view! {
        <nav class="pager" aria-label=t(lang, Key::Pagination)>
            <ul>{first}{prev}{next}</ul>
        </nav>
    })
}
