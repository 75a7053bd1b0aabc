//! `/fonds`: every fonds, paged by cursor.

use super::{ErrorPage, page_request};
use crate::api::get_fonds;
use crate::components::{Loading, Pager, UnitList};
use crate::i18n::{Key, Lang, count_of, t, use_lang};
use crate::model::{ChildrenPage, Level};
use crate::site::{page_title, use_site};
use leptos::prelude::*;
use leptos_meta::Title;

/// The list of fonds.
#[component]
pub fn FondsPage() -> impl IntoView {
    let lang = use_lang();
    let site = use_site();
    let request = page_request();
    let data = Resource::new(move || request.get(), get_fonds);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let archive = site.archive_name().await;
                match data.await {
                    Ok(page) => fonds_view(lang, page, &archive).into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn fonds_view(lang: Lang, page: ChildrenPage, archive: &str) -> impl IntoView {
    let heading = t(lang, Key::FondsHeading);
    let list = if page.items.is_empty() {
        view! { <p>{t(lang, Key::NoFonds)}</p> }.into_any()
    } else {
        view! { <UnitList items=page.items testid="fonds-list"/> }.into_any()
    };
    view! {
        <Title text=page_title(lang, heading, archive)/>
        <h1>{heading}</h1>
        <p class="total" data-testid="total">{count_of(lang, Some(Level::Fonds), page.total)}</p>
        {list}
        <Pager path="/fonds".to_string() next=page.next prev=page.prev/>
    }
}
