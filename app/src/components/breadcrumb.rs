//! The trail from the home page through the record's ancestors to the record itself.

use super::unit_label;
use crate::i18n::{Key, t, use_lang};
use crate::model::UnitSummary;
use crate::urls::record_href;
use leptos::prelude::*;

/// Home › Fonds › each ancestor (fonds first) › the current record (not a link).
#[component]
pub fn Breadcrumb(parents: Vec<UnitSummary>, current: String) -> impl IntoView {
    let lang = use_lang();
    let parents = parents
        .into_iter()
        .map(|unit| {
            view! { <li><a href=record_href(&unit.code)>{unit_label(lang, &unit)}</a></li> }
        })
        .collect_view();
    view! {
        <nav class="breadcrumb" aria-label=t(lang, Key::Breadcrumb) data-testid="breadcrumb">
            <ol>
                <li><a href="/">{t(lang, Key::NavHome)}</a></li>
                <li><a href="/fonds">{t(lang, Key::NavFonds)}</a></li>
                {parents}
                <li aria-current="page">{current}</li>
            </ol>
        </nav>
    }
}
