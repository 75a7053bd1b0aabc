//! The TT05 metadata of a record as a description list of human labels and readable values.

use crate::codes::display_value;
use crate::i18n::{Lang, field_label, field_rank, format_number, is_quantity_field, use_lang};
use crate::model::{Level, MetadataField};
use leptos::prelude::*;

/// A field's value as shown: code names for coded fields, grouped digits for quantities,
/// everything else (dates included) exactly as given.
pub fn display_field(lang: Lang, field: &MetadataField) -> String {
    if is_quantity_field(&field.field)
        && let Ok(n) = field.value.trim().parse::<i64>()
    {
        return format_number(lang, n);
    }
    display_value(&field.field, &field.value, lang.is_english())
}

/// Every visible metadata field of a record of `level`, in the circular's order.
#[component]
pub fn MetadataList(level: Level, mut fields: Vec<MetadataField>) -> impl IntoView {
    let lang = use_lang();
    fields.sort_by_key(|field| field_rank(level, &field.field));
    let rows = fields
        .into_iter()
        .map(|field| {
            let value = display_field(lang, &field);
            view! {
                <div class="field" data-field=field.field.clone()>
                    <dt>{field_label(&field.field, lang.is_english()).to_string()}</dt>
                    <dd>{value}</dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="metadata" data-testid="metadata">{rows}</dl> }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(field: &str, value: &str) -> MetadataField {
        MetadataField {
            field: field.into(),
            value: value.into(),
        }
    }

    #[test]
    fn values_are_shown_for_readers() {
        assert_eq!(
            display_field(Lang::Vi, &field("typeName", "02")),
            "Quyết định"
        );
        assert_eq!(
            display_field(Lang::En, &field("maintenance", "01")),
            "Permanent"
        );
        assert_eq!(
            display_field(Lang::Vi, &field("numberOfPage", "1234")),
            "1.234"
        );
        assert_eq!(
            display_field(Lang::En, &field("paperTotal", "12345")),
            "12,345"
        );
        assert_eq!(
            display_field(Lang::Vi, &field("codeNumber", "2218")),
            "2218"
        );
        assert_eq!(
            display_field(Lang::Vi, &field("startDate", "01/04/1983")),
            "01/04/1983"
        );
        assert_eq!(
            display_field(Lang::Vi, &field("numberOfPage", "khoảng 40")),
            "khoảng 40"
        );
    }
}
