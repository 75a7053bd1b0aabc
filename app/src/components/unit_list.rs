//! An ordered list of units (children of a record, or fonds), each a link to its record page.

use super::unit_label;
use crate::i18n::{Key, Lang, count_of, format_years, level_name, t, use_lang};
use crate::model::{Access, Level, UnitSummary};
use crate::urls::record_href;
use leptos::prelude::*;

/// The units in order, as `<ol data-testid={testid}>`.
#[component]
pub fn UnitList(items: Vec<UnitSummary>, testid: &'static str) -> impl IntoView {
    let lang = use_lang();
    let entries = items
        .into_iter()
        .map(|unit| entry(lang, unit))
        .collect_view();
    view! { <ol class="unit-list" data-testid=testid>{entries}</ol> }
}

/// The level of a unit's children, when it is fixed by the unit's own level.
pub fn child_level(level: Level) -> Option<Level> {
    match level {
        Level::Series => Some(Level::File),
        Level::File => Some(Level::Item),
        // A fonds holds series or files directly; an item has no children.
        Level::Fonds | Level::Item => None,
    }
}

fn entry(lang: Lang, unit: UnitSummary) -> impl IntoView {
    let stub = unit.title.is_none();
    let link_text = if stub {
        unit.code.clone()
    } else {
        unit_label(lang, &unit)
    };
    let when = unit.date.clone().or_else(|| unit.years.map(format_years));
    let count = (!stub && unit.child_count > 0)
        .then(|| count_of(lang, child_level(unit.level), unit.child_count));
    let code = (!stub).then(|| view! { <span class="unit-code">{unit.code.clone()}</span> });
    let notice = (unit.access == Access::Conditional)
        .then(|| view! { <p class="unit-notice">{t(lang, Key::ConditionalNotice)}</p> });
    view! {
        <li class="unit" data-level=unit.level.as_str() data-access=unit.access.as_str()>
            <a class="unit-link" href=record_href(&unit.code)>{link_text}</a>
            <p class="unit-meta">
                <span class="unit-level">{level_name(lang, unit.level)}</span>
                {code}
                {when.map(|when| view! { <span class="unit-date">{when}</span> })}
                {count.map(|count| view! { <span class="unit-count">{count}</span> })}
            </p>
            {notice}
        </li>
    }
}
