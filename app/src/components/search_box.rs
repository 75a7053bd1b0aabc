//! The search forms: [`SearchForm`], a GET form to `/search` that works without JavaScript and,
//! once hydrated, navigates in the page; the header's box on every page, which offers completions
//! while typing; and the "search within this fonds / file" form of a record page.

use crate::i18n::{Key, suggestions_status, t, use_lang};
use crate::model::Level;
use crate::search::Suggestion;
use crate::urls::{record_href, search_href_from_fields};
use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use std::time::Duration;

/// Completions are asked for once typing pauses this long.
const DEBOUNCE: Duration = Duration::from_millis(150);
/// Fewer characters than this ask for nothing.
const MIN_CHARS: usize = 2;

/// Whether `text` is long enough to ask for completions.
pub fn wants_suggestions(text: &str) -> bool {
    text.trim().chars().count() >= MIN_CHARS
}

/// `<form method="get" action="/search">`: submitted by the browser without JavaScript; once
/// hydrated, the router goes to the same search (empty fields left out) without reloading.
/// Attributes given to it go to the `<form>`.
#[component]
pub fn SearchForm(children: Children) -> impl IntoView {
    let navigate = use_navigate();
    let on_submit = move |event: ev::SubmitEvent| {
        use leptos::wasm_bindgen::JsCast;
        use leptos::web_sys::{FormData, HtmlFormElement, js_sys};
        let Some(form) = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        let Ok(data) = FormData::new_with_form(&form) else {
            return;
        };
        let mut fields: Vec<(String, String)> = Vec::new();
        if let Ok(Some(entries)) = js_sys::try_iter(&data) {
            for entry in entries.flatten() {
                let entry = js_sys::Array::from(&entry);
                if let (Some(name), Some(value)) =
                    (entry.get(0).as_string(), entry.get(1).as_string())
                {
                    fields.push((name, value));
                }
            }
        }
        event.prevent_default();
        let href = search_href_from_fields(fields.iter().map(|(n, v)| (n.as_str(), v.as_str())));
        navigate(&href, Default::default());
    };
    view! {
        <form method="get" action="/search" on:submit=on_submit>
            {children()}
        </form>
    }
}

/// The header's search box. Completions appear below it as a list of links that keyboard users
/// reach with Tab or the down arrow; Escape closes the list.
#[component]
pub fn SiteSearch() -> impl IntoView {
    let lang = use_lang();
    let suggestions = RwSignal::new(Vec::<Suggestion>::new());
    // The text the latest request was made for: older answers are dropped.
    let latest = StoredValue::new(String::new());
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let list_ref = NodeRef::<leptos::html::Ul>::new();
    let box_ref = NodeRef::<leptos::html::Div>::new();

    let close = move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(None);
        latest.set_value(String::new());
        suggestions.set(Vec::new());
    };

    // A navigation (a completion followed, the form submitted) closes the list.
    let location = use_location();
    Effect::new(move |_| {
        location.pathname.track();
        location.search.track();
        close();
    });

    let on_input = move |event: ev::Event| {
        let text = event_target_value(&event);
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        if !wants_suggestions(&text) {
            latest.set_value(String::new());
            suggestions.set(Vec::new());
            return;
        }
        latest.set_value(text.clone());
        let handle = set_timeout_with_handle(
            move || {
                leptos::task::spawn_local(async move {
                    let answer = crate::api::suggest(text.clone()).await;
                    if latest.try_get_value().as_deref() == Some(text.as_str()) {
                        suggestions.try_set(answer.unwrap_or_default());
                    }
                });
            },
            DEBOUNCE,
        )
        .ok();
        timer.set_value(handle);
    };

    let on_input_key = move |event: ev::KeyboardEvent| match event.key().as_str() {
        "Escape" if !suggestions.read_untracked().is_empty() => {
            event.prevent_default();
            close();
        }
        "ArrowDown" => {
            if let Some(list) = list_ref.get_untracked() {
                event.prevent_default();
                focus_link(list.first_element_child());
            }
        }
        _ => {}
    };

    // Up and down move between the completions; Escape goes back to the box.
    let on_list_key = move |event: ev::KeyboardEvent| {
        let key = event.key();
        if !matches!(key.as_str(), "ArrowDown" | "ArrowUp" | "Escape") {
            return;
        }
        event.prevent_default();
        let item = document()
            .active_element()
            .and_then(|link| link.parent_element());
        match key.as_str() {
            "ArrowDown" => focus_link(item.and_then(|li| li.next_element_sibling())),
            "ArrowUp" => match item.and_then(|li| li.previous_element_sibling()) {
                Some(previous) => focus_link(Some(previous)),
                None => focus_input(input_ref),
            },
            _ => {
                close();
                focus_input(input_ref);
            }
        }
    };

    // Leaving the box and its list for anywhere else closes the list.
    let on_focus_out = move |event: ev::FocusEvent| {
        use leptos::wasm_bindgen::JsCast;
        let next = event
            .related_target()
            .and_then(|target| target.dyn_into::<leptos::web_sys::Node>().ok());
        let inside = match (box_ref.get_untracked(), next) {
            (Some(container), Some(next)) => container.contains(Some(&next)),
            _ => false,
        };
        if !inside {
            close();
        }
    };

    let status = move || suggestions_status(lang, suggestions.read().len());
    let list = move || {
        let items = suggestions.get();
        (!items.is_empty()).then(|| {
            let links = items
                .into_iter()
                .map(|s| {
                    view! {
                        <li>
                            <a href=record_href(&s.code) data-testid="suggestion" data-code=s.code.clone()>
                                {s.title}
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <ul
                    id="site-search-suggestions"
                    class="suggestions"
                    aria-label=t(lang, Key::Suggestions)
                    data-testid="suggestions"
                    node_ref=list_ref
                    on:keydown=on_list_key
                    // Clicking a completion must not take the focus from the box first (which
                    // would close the list before the click lands).
                    on:mousedown=|event: ev::MouseEvent| event.prevent_default()
                >
                    {links}
                </ul>
            }
        })
    };

    view! {
        <SearchForm
            {..}
            role="search"
            aria-label=t(lang, Key::SearchLabel)
            class="site-search"
            data-testid="site-search"
        >
            <label for="site-search-q" class="visually-hidden">{t(lang, Key::SearchLabel)}</label>
            <div class="site-search-box" node_ref=box_ref on:focusout=on_focus_out>
                <input
                    id="site-search-q"
                    name="q"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder=t(lang, Key::SearchPlaceholder)
                    aria-describedby="site-search-status"
                    node_ref=input_ref
                    on:input=on_input
                    on:keydown=on_input_key
                />
                <p id="site-search-status" class="visually-hidden" role="status">{status}</p>
                {list}
            </div>
            <button type="submit" class="site-search-button">{t(lang, Key::SearchButton)}</button>
        </SearchForm>
    }
}

/// Focuses the link inside a list item.
fn focus_link(item: Option<leptos::web_sys::Element>) {
    use leptos::wasm_bindgen::JsCast;
    if let Some(link) = item
        .and_then(|li| li.first_element_child())
        .and_then(|a| a.dyn_into::<leptos::web_sys::HtmlElement>().ok())
    {
        let _ = link.focus();
    }
}

fn focus_input(input: NodeRef<leptos::html::Input>) {
    if let Some(input) = input.get_untracked() {
        let _ = input.focus();
    }
}

/// "Search within this fonds / series / file": the words, limited to the units below `code`.
#[component]
pub fn SearchWithin(code: String, level: Level) -> impl IntoView {
    let lang = use_lang();
    let label = match level {
        Level::Fonds => Key::SearchWithinFonds,
        Level::Series => Key::SearchWithinSeries,
        Level::File | Level::Item => Key::SearchWithinFile,
    };
    view! {
        <SearchForm
            {..}
            role="search"
            aria-label=t(lang, label)
            class="within-form"
            data-testid="search-within"
        >
            <input type="hidden" name="within" value=code/>
            <label for="within-q">{t(lang, label)}</label>
            <div class="search-row">
                <input id="within-q" name="q" type="search" autocomplete="off"/>
                <button type="submit" class="button">{t(lang, Key::SearchButton)}</button>
            </div>
        </SearchForm>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completions_need_two_characters() {
        assert!(!wants_suggestions(""));
        assert!(!wants_suggestions(" q "));
        assert!(!wants_suggestions("đ"));
        assert!(wants_suggestions("đa"));
        assert!(wants_suggestions("xây"));
    }
}
