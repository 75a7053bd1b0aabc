//! The controls of the search page: the selected filters as removable chips, the facets with
//! their counts, the date range and the sort order. Links and GET forms only, so they work
//! without JavaScript; once hydrated the router follows them in the page.

use super::state::{
    Chip, Facet, chips, facet_href, hidden_pairs, href_without, href_without_filters, is_selected,
};
use crate::codes::{LANGUAGE, TYPE_NAME, name_of};
use crate::components::SearchForm;
use crate::i18n::{Key, Lang, format_number, level_name, t};
use crate::model::Level;
use crate::search::{FacetValue, Facets, Hit, SearchParams};
use leptos::prelude::*;

/// The heading of a facet (and the name of its filter on a chip).
fn facet_heading(facet: Facet) -> Key {
    match facet {
        Facet::Fonds => Key::FacetFonds,
        Facet::Level => Key::FacetLevel,
        Facet::Type => Key::FacetType,
        Facet::Year => Key::FacetYear,
        Facet::Lang => Key::FacetLang,
        Facet::Digitized => Key::FacetDigitized,
        Facet::Access => Key::FacetAccess,
    }
}

fn facet_values(facets: &Facets, facet: Facet) -> &[FacetValue] {
    match facet {
        Facet::Fonds => &facets.fonds,
        Facet::Level => &facets.level,
        Facet::Type => &facets.doc_type,
        Facet::Year => &facets.year,
        Facet::Lang => &facets.lang,
        Facet::Digitized => &facets.digitized,
        Facet::Access => &facets.access,
    }
}

/// A facet value's name in the interface language: codes are named here (the server labels them
/// in Vietnamese); fonds keep their names; anything unknown keeps the server's label.
pub fn value_label(lang: Lang, facet: Facet, value: &str, server_label: Option<&str>) -> String {
    let english = lang.is_english();
    let named = match facet {
        Facet::Level => Level::parse(value).map(|level| level_name(lang, level)),
        Facet::Type => name_of(TYPE_NAME, value, english),
        Facet::Lang => name_of(LANGUAGE, value, english),
        Facet::Digitized => match value {
            "yes" | "true" | "1" => Some(t(lang, Key::Digitized)),
            "no" | "false" | "0" => Some(t(lang, Key::NotDigitized)),
            _ => None,
        },
        Facet::Access => match value {
            "public" => Some(t(lang, Key::AccessPublic)),
            "conditional" => Some(t(lang, Key::AccessConditional)),
            _ => None,
        },
        Facet::Year => {
            return value
                .parse::<i32>()
                .map(|d| format!("{d}–{}", d + 9))
                .unwrap_or_else(|_| value.to_string());
        }
        Facet::Fonds => None,
    };
    named
        .map(str::to_string)
        .or_else(|| server_label.map(str::to_string))
        .unwrap_or_else(|| value.to_string())
}

/// The facet whose parameter is `name`, if any (`from`/`to` are the date chip, not a facet).
fn facet_of(name: &str) -> Option<Facet> {
    Facet::ALL
        .into_iter()
        .find(|f| f.param() == name && *f != Facet::Year)
}

/// How a filter parameter is named in a chip or a hint: `Cấp`, `Thời gian`, `Tìm trong`.
pub fn param_name(lang: Lang, name: &str) -> &'static str {
    match name {
        "from" => t(lang, Key::DateFrom),
        "to" => t(lang, Key::DateTo),
        "within" => t(lang, Key::FacetWithin),
        _ => facet_of(name)
            .map(|f| t(lang, facet_heading(f)))
            .unwrap_or(t(lang, Key::BadSearchParameter)),
    }
}

/// A readable value of a filter: names for codes, a fonds' or a unit's title when the page
/// knows it.
pub fn param_value(lang: Lang, name: &str, value: &str, facets: &Facets, hits: &[Hit]) -> String {
    match name {
        "fonds" => {
            let known = facets
                .fonds
                .iter()
                .find(|f| f.value == value)
                .map(|f| f.label.clone())
                .or_else(|| {
                    hits.iter()
                        .find(|h| h.fonds == value)
                        .and_then(|h| h.fonds_name.clone())
                });
            known.unwrap_or_else(|| value.to_string())
        }
        "within" => hits
            .iter()
            .flat_map(|h| h.parents.iter())
            .find(|c| c.code == value)
            .and_then(|c| c.title.clone())
            .map(|title| format!("{title} ({value})"))
            .unwrap_or_else(|| value.to_string()),
        _ => match facet_of(name) {
            Some(facet) => {
                let server = facet_values(facets, facet)
                    .iter()
                    .find(|f| f.value == value)
                    .map(|f| f.label.as_str());
                value_label(lang, facet, value, server)
            }
            None => value.to_string(),
        },
    }
}

/// The selected filters, each a link that removes it, and a link that removes them all.
#[component]
pub fn SelectedFilters(params: SearchParams, facets: Facets, hits: Vec<Hit>) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let chips = chips(&params);
    if chips.is_empty() {
        return None;
    }
    let many = chips.len() > 1;
    let items = chips
        .into_iter()
        .map(|chip| {
            let label = match &chip {
                Chip::Param(name, value) => format!(
                    "{}: {}",
                    param_name(lang, name),
                    param_value(lang, name, value, &facets, &hits)
                ),
                Chip::Dates(from, to) => format!(
                    "{}: {}–{}",
                    t(lang, Key::FacetYear),
                    from.as_deref().unwrap_or("…"),
                    to.as_deref().unwrap_or("…")
                ),
            };
            let href = href_without(&params, &chip.params());
            let name = chip.params().join(",");
            view! {
                <li>
                    <a class="chip" href=href rel="nofollow" data-testid="chip" data-param=name>
                        <span class="visually-hidden">{t(lang, Key::RemoveFilter)}" "</span>
                        {label}
                        <span class="chip-x" aria-hidden="true">"×"</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    let clear = many.then(|| {
        view! {
            <li>
                <a class="chip-clear" href=href_without_filters(&params) rel="nofollow">
                    {t(lang, Key::ClearFilters)}
                </a>
            </li>
        }
    });
    Some(view! {
        <section class="chips" aria-labelledby="chips-heading" data-testid="selected-filters">
            <h2 id="chips-heading" class="chips-heading">{t(lang, Key::SelectedFilters)}</h2>
            <ul>{items}{clear}</ul>
        </section>
    })
}

/// Every facet with values: each value a link that selects it (or unselects it) with its count.
#[component]
pub fn FacetList(params: SearchParams, facets: Facets) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    Facet::ALL
        .into_iter()
        .filter(|facet| !facet_values(&facets, *facet).is_empty())
        .map(|facet| {
            let heading_id = format!("facet-{}", facet.param());
            let values = facet_values(&facets, facet)
                .iter()
                .map(|fv| {
                    let selected = is_selected(&params, facet, &fv.value);
                    let label = if facet == Facet::Fonds {
                        fv.label.clone()
                    } else {
                        value_label(lang, facet, &fv.value, Some(&fv.label))
                    };
                    view! {
                        <li>
                            <a
                                href=facet_href(&params, facet, &fv.value)
                                rel="nofollow"
                                class="facet-link"
                                aria-current=selected.then_some("true")
                                data-facet=facet.param()
                                data-value=fv.value.clone()
                            >
                                <span class="facet-label">{label}</span>
                                {selected.then(|| view! {
                                    <span class="visually-hidden">" ("{t(lang, Key::Selected)}")"</span>
                                })}
                                " "
                                <span class="facet-count">{format_number(lang, i64::try_from(fv.count).unwrap_or(i64::MAX))}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view();
            let labelled_by = heading_id.clone();
            view! {
                <section class="facet" aria-labelledby=labelled_by data-testid="facet" data-facet=facet.param()>
                    <h3 id=heading_id>{t(lang, facet_heading(facet))}</h3>
                    <ul>{values}</ul>
                </section>
            }
            .into_any()
        })
        .collect_view()
}

/// The hidden inputs that carry the rest of the search through a form.
fn hidden_inputs(params: &SearchParams, except: &[&str]) -> impl IntoView + use<> {
    hidden_pairs(params, except)
        .into_iter()
        .map(|(name, value)| view! { <input type="hidden" name=name value=value/> })
        .collect_view()
}

/// From / to years: matches every unit whose dates overlap the range.
#[component]
pub fn DateRangeForm(params: SearchParams) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let from = params.from.clone().unwrap_or_default();
    let to = params.to.clone().unwrap_or_default();
    view! {
        <SearchForm {..} class="date-form" data-testid="date-form">
            <fieldset>
                <legend>{t(lang, Key::DateRange)}</legend>
                <p class="form-hint" id="date-hint">{t(lang, Key::DateHint)}</p>
                <div class="date-fields">
                    <div>
                        <label for="date-from">{t(lang, Key::DateFrom)}</label>
                        <input
                            id="date-from"
                            name="from"
                            type="text"
                            inputmode="numeric"
                            autocomplete="off"
                            size="10"
                            maxlength="10"
                            aria-describedby="date-hint"
                            value=from
                        />
                    </div>
                    <div>
                        <label for="date-to">{t(lang, Key::DateTo)}</label>
                        <input
                            id="date-to"
                            name="to"
                            type="text"
                            inputmode="numeric"
                            autocomplete="off"
                            size="10"
                            maxlength="10"
                            aria-describedby="date-hint"
                            value=to
                        />
                    </div>
                    <button type="submit" class="button">{t(lang, Key::Apply)}</button>
                </div>
                {hidden_inputs(&params, &["from", "to"])}
            </fieldset>
        </SearchForm>
    }
}

/// The order of the results, applied by a button (changing a select must not navigate by itself).
#[component]
pub fn SortForm(params: SearchParams) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let current = params.sort.clone().unwrap_or_else(|| "relevance".into());
    let options = [
        ("relevance", Key::SortRelevance),
        ("date", Key::SortDateAsc),
        ("-date", Key::SortDateDesc),
        ("code", Key::SortCode),
    ]
    .into_iter()
    .map(|(value, key)| {
        let selected = current == value;
        view! { <option value=value selected=selected>{t(lang, key)}</option> }
    })
    .collect_view();
    view! {
        <SearchForm {..} class="sort-form" data-testid="sort-form">
            <label for="sort">{t(lang, Key::SortLabel)}</label>
            <select id="sort" name="sort">{options}</select>
            <button type="submit" class="button">{t(lang, Key::Apply)}</button>
            {hidden_inputs(&params, &["sort"])}
        </SearchForm>
    }
}

/// The search box of the search page: the words, with every filter kept.
#[component]
pub fn RefineForm(params: SearchParams) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let q = params.q.clone().unwrap_or_default();
    view! {
        <SearchForm
            {..}
            role="search"
            aria-label=t(lang, Key::SearchAgain)
            class="refine-form"
            data-testid="refine-form"
        >
            <label for="search-q">{t(lang, Key::SearchTerms)}</label>
            <div class="search-row">
                <input
                    id="search-q"
                    name="q"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    value=q
                />
                <button type="submit" class="button">{t(lang, Key::SearchButton)}</button>
            </div>
            {hidden_inputs(&params, &["q"])}
        </SearchForm>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_named_in_the_interface_language() {
        assert_eq!(
            value_label(Lang::Vi, Facet::Type, "02", Some("x")),
            "Quyết định"
        );
        assert_eq!(value_label(Lang::En, Facet::Type, "02", None), "Decision");
        assert_eq!(
            value_label(Lang::En, Facet::Level, "item", Some("Tài liệu")),
            "Item"
        );
        assert_eq!(
            value_label(Lang::En, Facet::Digitized, "yes", None),
            "Digitised"
        );
        assert_eq!(
            value_label(Lang::Vi, Facet::Access, "conditional", None),
            "Sử dụng có điều kiện"
        );
        assert_eq!(
            value_label(Lang::Vi, Facet::Year, "1990", None),
            "1990–1999"
        );
        assert_eq!(
            value_label(Lang::Vi, Facet::Lang, "99", Some("Khác")),
            "Khác"
        );
        assert_eq!(value_label(Lang::Vi, Facet::Fonds, "H34", None), "H34");
    }

    #[test]
    fn filters_are_named() {
        assert_eq!(param_name(Lang::Vi, "level"), "Cấp");
        assert_eq!(param_name(Lang::En, "type"), "Document type");
        assert_eq!(param_name(Lang::Vi, "from"), "Từ năm");
        assert_eq!(param_name(Lang::En, "within"), "Within");
        let facets = Facets {
            fonds: vec![FacetValue {
                value: "H34".into(),
                label: "UBND tỉnh".into(),
                count: 3,
            }],
            ..Facets::default()
        };
        assert_eq!(
            param_value(Lang::Vi, "fonds", "H34", &facets, &[]),
            "UBND tỉnh"
        );
        assert_eq!(param_value(Lang::Vi, "fonds", "H35", &facets, &[]), "H35");
        assert_eq!(
            param_value(Lang::En, "lang", "01", &facets, &[]),
            "Vietnamese"
        );
    }
}
