//! Tests of the shared form pieces.

use super::*;

#[test]
fn describedby_lists_hint_then_error() {
    assert_eq!(described_by("email", false, false), None);
    assert_eq!(
        described_by("email", true, false).as_deref(),
        Some("email-hint")
    );
    assert_eq!(
        described_by("password", true, true).as_deref(),
        Some("password-hint password-error")
    );
    assert_eq!(
        described_by("code", false, true).as_deref(),
        Some("code-error")
    );
}

#[test]
fn textarea_text_cannot_close_the_element() {
    assert_eq!(
        escape_text("a & b</textarea><script>"),
        "a &amp; b&lt;/textarea&gt;&lt;script&gt;"
    );
    assert_eq!(escape_text("Ghi chú\n"), "Ghi chú\n");
}

#[test]
fn fields_show_what_was_typed_and_their_message() {
    let mut state = FormState::default();
    state
        .values
        .insert("notes".into(), "x</textarea><b>".into());
    state.values.insert("email".into(), "a\"b".into());
    state.errors.insert("email".into(), "Sai".into());
    let notes = view! { <TextArea name="notes" label="Ghi chú" state=state.clone()/> }.to_html();
    assert!(
        notes.contains("x&lt;/textarea&gt;&lt;b&gt;</textarea>"),
        "{notes}"
    );
    let email = view! { <TextField name="email" label="E" state/> }.to_html();
    assert!(email.contains(r#"aria-invalid="true""#), "{email}");
    assert!(
        email.contains(r#"aria-describedby="email-error""#),
        "{email}"
    );
    assert!(
        email.contains(r#"data-testid="field-error-email""#),
        "{email}"
    );
    assert!(email.contains(r#"value="a&quot;b""#), "{email}");
}

#[test]
fn summary_counts_fields() {
    assert!(fields_summary(Lang::Vi, 3).starts_with("Biểu mẫu có 3 mục"));
    assert!(fields_summary(Lang::En, 1).starts_with("One field"));
    assert!(fields_summary(Lang::En, 2).starts_with("2 fields"));
}
