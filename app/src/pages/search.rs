//! `/search`: one page of results with facets, selected filters, a date range, the order and
//! paging. The URL holds the whole state (back and forward work, every control is a link or a GET
//! form, so the page works without JavaScript); once hydrated the router follows them in place.

mod filters;
mod hit;
mod state;

use super::ErrorPage;
use crate::components::Loading;
use crate::i18n::{Key, Lang, results_count, results_found, t, use_lang};
use crate::search::{Hint, SearchPage as Results, SearchParams};
use crate::service::ServiceError;
use crate::site::{page_title, use_site};
use crate::urls::search_href;
use filters::{
    DateRangeForm, FacetList, RefineForm, SelectedFilters, SortForm, param_name, param_value,
};
use hit::hit_view;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use state::{drop_word, href_with, href_without, last_page, page_numbers, params_from_query};

/// The search page.
#[component]
pub fn SearchPage() -> impl IntoView {
    let lang = use_lang();
    let site = use_site();
    let query = use_query_map();
    let params = Memo::new(move |_| params_from_query(&query.read()));
    // The answer carries the parameters it is for, so a page never mixes two searches.
    let data = Resource::new(
        move || params.get(),
        |params| async move {
            let result = crate::api::search(params.clone()).await;
            (params, result)
        },
    );
    // While the next results load, the current ones stay on screen, dimmed and marked busy.
    let pending = RwSignal::new(false);
    view! {
        <div class="search-transition" aria-busy=move || pending.get().then_some("true")>
            <Transition fallback=Loading set_pending=pending>
                {move || Suspend::new(async move {
                    let archive = site.archive_name().await;
                    let (params, result) = data.await;
                    match result {
                        Ok(page) => results_view(lang, &archive, params, page).into_any(),
                        Err(ServiceError::BadRequest { parameter, reason }) => {
                            bad_request_view(lang, &archive, &params, parameter, reason).into_any()
                        }
                        Err(error) => view! { <ErrorPage error/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// `Tìm kiếm: {q}`, or `Tìm kiếm` without words.
fn heading(lang: Lang, params: &SearchParams) -> String {
    match params.get("q").map(str::trim) {
        Some(q) if !q.is_empty() => format!("{}: {q}", t(lang, Key::SearchHeading)),
        _ => t(lang, Key::SearchHeading).to_string(),
    }
}

fn results_view(
    lang: Lang,
    archive: &str,
    params: SearchParams,
    page: Results,
) -> impl IntoView + use<> {
    let heading = heading(lang, &params);
    let Results {
        total,
        page: current,
        per_page,
        hits,
        facets,
        hints,
        ignored,
    } = page;
    let ignored = (!ignored.is_empty()).then(|| {
        let notes = ignored
            .into_iter()
            .map(|note| view! { <li>{note}</li> })
            .collect_view();
        view! {
            <div class="notice notice-info" data-testid="ignored">
                <p>{t(lang, Key::IgnoredHeading)}</p>
                <ul>{notes}</ul>
            </div>
        }
        .into_any()
    });
    let any_facet = [
        &facets.fonds,
        &facets.level,
        &facets.doc_type,
        &facets.year,
        &facets.lang,
        &facets.digitized,
        &facets.access,
    ]
    .iter()
    .any(|values| !values.is_empty());
    // Each part is type-erased: the whole page as one type is too deep for the compiler.
    let chips = view! {
        <SelectedFilters params=params.clone() facets=facets.clone() hits=hits.clone()/>
    }
    .into_any();
    let refine = view! { <RefineForm params=params.clone()/> }.into_any();
    let filters = view! {
        <DateRangeForm params=params.clone()/>
        <FacetList params=params.clone() facets/>
    }
    .into_any();
    let body = if hits.is_empty() {
        no_results_view(lang, &params, hints).into_any()
    } else {
        let first = (current.max(1) - 1)
            .saturating_mul(per_page)
            .saturating_add(1);
        let items = hits
            .into_iter()
            .map(|hit| hit_view(lang, hit).into_any())
            .collect_view();
        let sort = (total > 1).then(|| view! { <SortForm params=params.clone()/> }.into_any());
        view! {
            {sort}
            <ol class="hits" start=first data-testid="hits">{items}</ol>
            {pager_view(lang, &params, current, last_page(total, per_page)).map(IntoAny::into_any)}
        }
        .into_any()
    };
    let skip = any_facet.then(|| {
        view! { <p class="skip-filters"><a href="#filters">{t(lang, Key::SkipToFilters)}</a></p> }
    });
    // The search shown, for tests that wait for a client-side navigation to finish.
    let shown = search_href(&params);
    view! {
        <Title text=page_title(lang, &heading, archive)/>
        <div class="search-page" data-testid="search-page" data-search=shown>
            <h1>{heading}</h1>
            {refine}
            <p class="total" data-testid="total" role="status">{results_found(lang, total)}</p>
            {ignored}
            {chips}
            <div class="search-layout">
                <section class="search-results" aria-labelledby="results-heading">
                    <h2 id="results-heading" class="visually-hidden">{t(lang, Key::ResultsHeading)}</h2>
                    {skip}
                    {body}
                </section>
                <aside
                    id="filters"
                    class="search-filters"
                    aria-labelledby="filters-heading"
                    tabindex="-1"
                    data-testid="filters"
                >
                    <h2 id="filters-heading">{t(lang, Key::FiltersHeading)}</h2>
                    {filters}
                </aside>
            </div>
        </div>
    }
}

/// Previous / numbered / next links; nothing when everything fits on one page.
fn pager_view(
    lang: Lang,
    params: &SearchParams,
    current: u32,
    last: u32,
) -> Option<impl IntoView + use<>> {
    let current = current.max(1);
    if last <= 1 && current <= 1 {
        return None;
    }
    let prev = (current > 1).then(|| {
        let href = state::page_href(params, (current - 1).min(last));
        view! {
            <li>
                <a href=href rel="prev" data-testid="prev-page">
                    <span aria-hidden="true">"← "</span>{t(lang, Key::PrevPage)}
                </a>
            </li>
        }
    });
    let next = (current < last).then(|| {
        let href = state::page_href(params, current + 1);
        view! {
            <li>
                <a href=href rel="next" data-testid="next-page">
                    {t(lang, Key::NextPage)}<span aria-hidden="true">" →"</span>
                </a>
            </li>
        }
    });
    let numbers = page_numbers(current, last)
        .into_iter()
        .map(|n| match n {
            Some(n) => {
                let here = n == current;
                view! {
                    <li>
                        <a
                            href=state::page_href(params, n)
                            class="page-number"
                            aria-current=here.then_some("page")
                            data-testid="page-number"
                        >
                            <span class="visually-hidden">{t(lang, Key::PageNumber)}" "</span>
                            {n}
                        </a>
                    </li>
                }
                .into_any()
            }
            None => view! { <li class="page-gap" aria-hidden="true">"…"</li> }.into_any(),
        })
        .collect_view();
    Some(view! {
        <nav class="pager" aria-label=t(lang, Key::Pagination) data-testid="search-pager">
            <ul>{prev}{numbers}{next}</ul>
        </nav>
    })
}

/// Nothing found: what to change (a close spelling, a filter or a word to leave out).
fn no_results_view(lang: Lang, params: &SearchParams, hints: Vec<Hint>) -> impl IntoView + use<> {
    let mut spelling = None;
    let mut others = Vec::new();
    for hint in hints {
        match hint {
            Hint::Spelling { query, total } => {
                let href = href_with(params, &[("q", Some(&query))]);
                spelling.get_or_insert(view! {
                    <p class="spelling" data-testid="hint-spelling">
                        {t(lang, Key::HintSpelling)}" "
                        <a href=href rel="nofollow"><strong>{query}</strong></a>
                        " ("{results_count(lang, total)}")"
                    </p>
                });
            }
            Hint::RemoveFilter { parameter, total } => {
                let value = params.get(&parameter).unwrap_or_default().to_string();
                let label = format!(
                    "{} {}: {}",
                    t(lang, Key::HintRemoveFilter),
                    param_name(lang, &parameter),
                    param_value(lang, &parameter, &value, &Default::default(), &[])
                );
                let href = href_without(params, &[parameter.as_str()]);
                others.push(view! {
                    <li>
                        <a href=href rel="nofollow" data-testid="hint" data-kind="remove-filter">{label}</a>
                        " — "{results_count(lang, total)}
                    </li>
                });
            }
            Hint::DropWord { word, total } => {
                let q = drop_word(params.get("q").unwrap_or_default(), &word);
                let href = href_with(params, &[("q", Some(&q))]);
                let label = format!("{} “{word}”", t(lang, Key::HintDropWord));
                others.push(view! {
                    <li>
                        <a href=href rel="nofollow" data-testid="hint" data-kind="drop-word">{label}</a>
                        " — "{results_count(lang, total)}
                    </li>
                });
            }
        }
    }
    let others = (!others.is_empty()).then(|| {
        view! {
            <h3>{t(lang, Key::HintsHeading)}</h3>
            <ul class="hints">{others.into_iter().collect_view()}</ul>
        }
    });
    view! {
        <div class="no-results" data-testid="no-results">
            <p class="no-results-text">{t(lang, Key::NoResults)}</p>
            {spelling}
            {others}
        </div>
    }
}

/// A parameter the server refused: which one and why, and the way back.
fn bad_request_view(
    lang: Lang,
    archive: &str,
    params: &SearchParams,
    parameter: String,
    reason: String,
) -> impl IntoView + use<> {
    let title = t(lang, Key::BadSearchTitle);
    let without = href_without(params, &[parameter.as_str()]);
    let mut rest = params.clone();
    rest.set(&parameter, None);
    let named = parameter.clone();
    view! {
        <Title text=page_title(lang, title, archive)/>
        <div class="search-page search-error" data-testid="search-error" data-parameter=named>
            <h1>{title}</h1>
            <p class="notice notice-error" role="alert">
                {t(lang, Key::BadSearchParameter)}" “"<code>{parameter}</code>"”: "{reason}
            </p>
            <p><a href=without>{t(lang, Key::BadSearchRemove)}</a></p>
            <RefineForm params=rest/>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heading_names_the_words() {
        let mut p = SearchParams::default();
        assert_eq!(heading(Lang::Vi, &p), "Tìm kiếm");
        p.q = Some(" xây dựng ".into());
        assert_eq!(heading(Lang::Vi, &p), "Tìm kiếm: xây dựng");
        assert_eq!(heading(Lang::En, &p), "Search: xây dựng");
    }
}
