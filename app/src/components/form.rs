//! Pieces shared by the plain HTML forms of the account, staff and admin pages: the hidden
//! anti-CSRF field, the message for the whole form, the `?done=` confirmation, and labelled
//! fields that show again what was typed with their message beside them.
//!
//! Every form posts to the server and works without JavaScript. After an invalid submission
//! the server renders the page again and [`FormState`] holds the values and the messages; a
//! field's message has the id `<name>-error` and is tied to its input by `aria-describedby`.

use crate::account::FormState;
use crate::i18n::{Lang, use_lang};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The hidden `csrf` field every state-changing form carries.
#[component]
pub fn CsrfField(#[prop(into)] token: String) -> impl IntoView {
    view! { <input type="hidden" name="csrf" value=token/> }
}

/// The message for the form as a whole (`_form`), and, when only fields are wrong, a sentence
/// that points to them. Shown at the top of the form with `role="alert"`.
#[component]
pub fn FormAlert(state: FormState) -> impl IntoView {
    let lang = use_lang();
    let whole = state.error("_form");
    let fields = state
        .errors
        .keys()
        .filter(|k| k.as_str() != "_form")
        .count();
    let summary = (fields > 0).then(|| fields_summary(lang, fields));
    (whole.is_some() || summary.is_some()).then(|| {
        view! {
            <div class="notice notice-error form-alert" role="alert">
                {whole.map(|text| view! { <p data-testid="form-error">{text}</p> })}
                {summary.map(|text| view! { <p data-testid="form-error-summary">{text}</p> })}
            </div>
        }
    })
}

/// "The form has N problems", in the page's language.
fn fields_summary(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Vi, n) => format!("Biểu mẫu có {n} mục cần sửa; xem thông báo bên cạnh từng ô."),
        (Lang::En, 1) => "One field needs correcting; see the message beside it.".to_string(),
        (Lang::En, n) => format!("{n} fields need correcting; see the message beside each."),
    }
}

/// A confirmation after a successful submission: the text for the `?done=` key of the address,
/// from `notices` (key, Vietnamese, English). Unknown keys show nothing.
#[component]
pub fn DoneNotice(notices: &'static [(&'static str, &'static str, &'static str)]) -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    move || {
        let key = query.read().get("done")?;
        let (key, vi, en) = notices.iter().find(|(k, _, _)| *k == key)?;
        Some(view! {
            <p class="notice notice-done" role="status" data-testid="done-notice" data-done=*key>
                {lang.pick(*vi, *en)}
            </p>
        })
    }
}

/// The `aria-describedby` value of a field: its hint and its message, when present.
pub fn described_by(name: &str, hint: bool, error: bool) -> Option<String> {
    let ids: Vec<String> = [(hint, "hint"), (error, "error")]
        .into_iter()
        .filter(|(present, _)| *present)
        .map(|(_, suffix)| format!("{name}-{suffix}"))
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A field's hint (id `<name>-hint`), for fields whose control is written by the page.
#[component]
pub fn FieldHint(name: &'static str, #[prop(into)] text: String) -> impl IntoView {
    view! { <p class="field-hint" id=format!("{name}-hint")>{text}</p> }
}

/// A field's message (id `<id>-error`, `id` being the field's name unless given), when there
/// is one.
#[component]
pub fn FieldError(
    name: &'static str,
    error: Option<String>,
    #[prop(optional)] id: Option<&'static str>,
) -> impl IntoView {
    let id = id.unwrap_or(name);
    error.map(|text| {
        view! {
            <p class="field-error" id=format!("{id}-error") data-testid=format!("field-error-{name}")>
                {text}
            </p>
        }
    })
}

/// A labelled `<input>` with its hint and message, filled with what was typed (never for
/// passwords). `kind` is the input type; `id` (the name unless given) tells apart fields of
/// the same name in two forms of one page.
#[component]
pub fn TextField(
    name: &'static str,
    #[prop(optional)] id: Option<&'static str>,
    #[prop(into)] label: String,
    state: FormState,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] minlength: Option<u32>,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let id = id.unwrap_or(name);
    let error = state.error(name);
    let value = (kind != "password").then(|| state.value(name));
    let describedby = described_by(id, hint.is_some(), error.is_some());
    let invalid = error.is_some().then_some("true");
    view! {
        <div class="form-field" class:form-field-invalid=invalid.is_some()>
            <label for=id>{label}</label>
            {hint.map(|text| view! { <FieldHint name=id text/> })}
            <FieldError name id error/>
            <input
                type=kind
                id=id
                name=name
                value=value
                autocomplete=autocomplete
                inputmode=inputmode
                minlength=minlength
                required=required
                aria-invalid=invalid
                aria-describedby=describedby
            />
        </div>
    }
}

/// `text` with `&`, `<` and `>` escaped. Leptos writes a `<textarea>`'s children to the HTML
/// unescaped (as it does for `<script>`), so what was typed goes in through `inner_html`,
/// escaped here: a value holding `</textarea>` cannot end the element.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// A labelled `<textarea>` with its hint and message, filled with what was typed.
#[component]
pub fn TextArea(
    name: &'static str,
    #[prop(into)] label: String,
    state: FormState,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(default = 4)] rows: u32,
) -> impl IntoView {
    let error = state.error(name);
    let describedby = described_by(name, hint.is_some(), error.is_some());
    let invalid = error.is_some().then_some("true");
    view! {
        <div class="form-field" class:form-field-invalid=invalid.is_some()>
            <label for=name>{label}</label>
            {hint.map(|text| view! { <FieldHint name text/> })}
            <FieldError name error/>
            <textarea
                id=name
                name=name
                rows=rows
                required=required
                aria-invalid=invalid
                aria-describedby=describedby
                inner_html=escape_text(&state.value(name))
            ></textarea>
        </div>
    }
}

/// A labelled `<select>` with its hint and message; `options` are (value, label) pairs. The
/// option typed before, else `default`, is selected.
#[component]
pub fn SelectField(
    name: &'static str,
    #[prop(into)] label: String,
    state: FormState,
    options: Vec<(String, String)>,
    #[prop(optional)] default: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let error = state.error(name);
    let chosen = Some(state.value(name))
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| default.to_string());
    let describedby = described_by(name, hint.is_some(), error.is_some());
    let invalid = error.is_some().then_some("true");
    let options = options
        .into_iter()
        .map(|(value, text)| {
            let selected = value == chosen;
            view! { <option value=value selected=selected>{text}</option> }
        })
        .collect_view();
    view! {
        <div class="form-field" class:form-field-invalid=invalid.is_some()>
            <label for=name>{label}</label>
            {hint.map(|text| view! { <FieldHint name text/> })}
            <FieldError name error/>
            <select
                id=name
                name=name
                required=required
                aria-invalid=invalid
                aria-describedby=describedby
            >
                {options}
            </select>
        </div>
    }
}

/// The sign-out button: a form posting to `/account/sign-out` with the session's token.
#[component]
pub fn SignOutForm(
    #[prop(into)] csrf: String,
    #[prop(into)] label: String,
    #[prop(default = "button")] class: &'static str,
    #[prop(default = "sign-out-form")] testid: &'static str,
) -> impl IntoView {
    view! {
        <form method="post" action="/account/sign-out" class="sign-out-form" data-testid=testid>
            <CsrfField token=csrf/>
            <button type="submit" class=class>{label}</button>
        </form>
    }
}

#[cfg(test)]
mod tests;
