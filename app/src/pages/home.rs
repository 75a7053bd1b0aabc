//! `/`: the archive's name, what it has published, and the first fonds.

use super::ErrorPage;
use crate::api::get_home;
use crate::components::{Loading, UnitList};
use crate::i18n::{Key, Lang, format_number, t, use_lang};
use crate::model::HomeData;
use crate::site::page_title;
use leptos::prelude::*;
use leptos_meta::Title;

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| get_home());
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(home) => home_view(lang, home).into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn home_view(lang: Lang, home: HomeData) -> impl IntoView {
    let name = if home.archive_name.is_empty() {
        t(lang, Key::PortalName).to_string()
    } else {
        home.archive_name.clone()
    };
    let count = move |key: Key, n: i64| {
        view! { <div class="count"><dt>{t(lang, key)}</dt><dd>{format_number(lang, n)}</dd></div> }
    };
    let fonds = if home.fonds.items.is_empty() {
        view! { <p>{t(lang, Key::NoFonds)}</p> }.into_any()
    } else {
        view! { <UnitList items=home.fonds.items testid="fonds-list"/> }.into_any()
    };
    let all_fonds = format!(
        "{} ({})",
        t(lang, Key::AllFonds),
        format_number(lang, home.fonds.total)
    );
    view! {
        <Title text=page_title(lang, t(lang, Key::PortalName), &home.archive_name)/>
        <div class="home-intro">
            <h1>{name}</h1>
            <p class="lead">{t(lang, Key::HomeIntro)}</p>
        </div>
        <section aria-labelledby="counts-heading">
            <h2 id="counts-heading">{t(lang, Key::CountsHeading)}</h2>
            <dl class="counts" data-testid="counts">
                {count(Key::CountFonds, home.counts.fonds)}
                {count(Key::CountFiles, home.counts.files)}
                {count(Key::CountItems, home.counts.items)}
            </dl>
        </section>
        <section aria-labelledby="fonds-heading">
            <h2 id="fonds-heading">{t(lang, Key::FondsHeading)}</h2>
            {fonds}
            <p class="more">
                <a href="/fonds">{all_fonds}</a>
            </p>
        </section>
    }
}
