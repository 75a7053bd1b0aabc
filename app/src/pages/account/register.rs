//! `/account/register`: the registration form (Circular 05/2025 art. 35), and
//! `/account/register/sent`: what to do next.

use super::categories::{DEFAULT_FEE_OBJECT_TYPE, FEE_OBJECT_TYPES, IDENTITY_KINDS, RULES};
use super::form_page;
use crate::account::FormState;
use crate::codes::CodeList;
use crate::components::form::{
    CsrfField, FieldError, FieldHint, FormAlert, SelectField, TextArea, TextField, described_by,
};
use crate::i18n::{Lang, use_lang};
use crate::site::{page_title, use_site};
use leptos::prelude::*;
use leptos_meta::Title;

/// The registration form.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let lang = use_lang();
    form_page("register", move |archive, state| {
        let heading = lang.pick("Đăng ký độc giả", "Register as a reader");
        view! {
            <Title text=page_title(lang, heading, &archive)/>
            <h1>{heading}</h1>
            <p class="lead">
                {lang.pick(
                    "Tài khoản độc giả dùng để gửi yêu cầu đọc và sao tài liệu. Tra cứu và đọc tài liệu công khai không cần tài khoản.",
                    "A reader account lets you ask to read and copy records. Searching and reading public records needs no account.",
                )}
            </p>
            <p>
                {lang.pick("Đã có tài khoản? ", "Already registered? ")}
                <a href="/account/sign-in">{lang.pick("Đăng nhập", "Sign in")}</a>
            </p>
            {register_form(lang, state)}
            <Rules/>
        }
    })
}

/// (code, label) pairs of a code list in the page's language, optionally prefixed by the code.
fn choices(lang: Lang, list: CodeList, with_code: bool) -> Vec<(String, String)> {
    list.iter()
        .map(|(code, vi, en)| {
            let name = lang.pick(*vi, *en);
            let label = if with_code {
                format!("{code} — {name}")
            } else {
                name.to_string()
            };
            (code.to_string(), label)
        })
        .collect()
}

fn register_form(lang: Lang, state: FormState) -> impl IntoView {
    let optional = lang.pick(" (không bắt buộc)", " (optional)");
    let kept = state.clone();
    let s = move || kept.clone();
    view! {
        <form
            method="post"
            action="/account/register"
            enctype="multipart/form-data"
            class="account-form"
            data-testid="register-form"
        >
            <FormAlert state=s()/>
            <CsrfField token=s().csrf/>
            <fieldset>
                <legend>{lang.pick("Thông tin cá nhân", "About you")}</legend>
                <TextField name="full_name" state=s() required=true autocomplete="name"
                    label=lang.pick("Họ và tên", "Full name")
                    hint=lang.pick("Ghi đầy đủ như trên giấy tờ tùy thân.", "As written on your identity document.")/>
                <SelectField name="identity_kind" state=s() required=true default="cccd"
                    label=lang.pick("Loại giấy tờ tùy thân", "Identity document")
                    options=choices(lang, IDENTITY_KINDS, false)/>
                <TextField name="identity_number" state=s() required=true autocomplete="off"
                    label=lang.pick("Số giấy tờ tùy thân", "Document number")
                    hint=lang.pick(
                        "Căn cước công dân: 12 chữ số. Người nước ngoài: số hộ chiếu.",
                        "Citizen identity card: 12 digits. Foreigners: passport number.",
                    )/>
            </fieldset>
            <fieldset>
                <legend>{lang.pick("Liên hệ", "Contact")}</legend>
                <TextField name="email" kind="email" state=s() required=true autocomplete="email"
                    label=lang.pick("Thư điện tử", "E-mail")
                    hint=lang.pick(
                        "Liên kết xác nhận và mọi thông báo được gửi đến địa chỉ này.",
                        "The confirmation link and every notice are sent to this address.",
                    )/>
                <TextField name="phone" kind="tel" state=s() required=true autocomplete="tel"
                    label=lang.pick("Số điện thoại", "Phone")/>
                <TextField name="employer" state=s() autocomplete="organization"
                    label=format!("{}{optional}", lang.pick("Cơ quan, đơn vị công tác", "Employer or school"))/>
            </fieldset>
            <fieldset>
                <legend>{lang.pick("Đối tượng ưu tiên", "Priority category")}</legend>
                <SelectField name="fee_object_type" state=s() default=DEFAULT_FEE_OBJECT_TYPE
                    label=lang.pick("Đối tượng", "Category")
                    hint=lang.pick(
                        "Dùng để giảm phí theo quy định. Chọn 10 — Khác nếu không thuộc đối tượng nào.",
                        "Used for fee reductions. Choose 10 — Others if none applies.",
                    )
                    options=choices(lang, FEE_OBJECT_TYPES, true)/>
                {evidence_field(lang, &state)}
                <TextArea name="notes" state=s()
                    label=format!("{}{optional}", lang.pick("Ghi chú", "Notes"))/>
            </fieldset>
            <TextField name="password" kind="password" state=s() required=true
                autocomplete="new-password" minlength=10
                label=lang.pick("Mật khẩu", "Password")
                hint=lang.pick(
                    "Ít nhất 10 ký tự, không dùng mật khẩu phổ biến.",
                    "At least 10 characters; not a common password.",
                )/>
            {rules_checkbox(lang, &state)}
            <div class="form-actions">
                <button type="submit" class="button">{lang.pick("Đăng ký", "Register")}</button>
            </div>
        </form>
    }
}

/// The evidence file for categories 01–09 (a file cannot be filled in again after an error).
fn evidence_field(lang: Lang, state: &FormState) -> impl IntoView + use<> {
    const NAME: &str = "evidence";
    let error = state.error(NAME);
    let again = if state.errors.is_empty() {
        ""
    } else {
        lang.pick(
            " Nếu đã chọn tệp, hãy chọn lại.",
            " If you chose a file, choose it again.",
        )
    };
    let hint = format!(
        "{}{again}",
        lang.pick(
            "Cần cho đối tượng 01–09: giấy tờ chứng minh, tệp PDF, JPG hoặc PNG, tối đa 10 MB.",
            "Needed for categories 01–09: proof of the category, a PDF, JPG or PNG file of at most 10 MB.",
        )
    );
    let describedby = described_by(NAME, true, error.is_some());
    let invalid = error.is_some().then_some("true");
    view! {
        <div class="form-field" class:form-field-invalid=invalid.is_some()>
            <label for=NAME>{lang.pick("Giấy tờ chứng minh đối tượng ưu tiên", "Proof of priority category")}</label>
            <FieldHint name=NAME text=hint/>
            <FieldError name=NAME error/>
            <input type="file" id=NAME name=NAME accept=".pdf,.jpg,.jpeg,.png"
                aria-invalid=invalid aria-describedby=describedby/>
        </div>
    }
}

/// The box accepting the reading-room rules, with a link to them.
fn rules_checkbox(lang: Lang, state: &FormState) -> impl IntoView + use<> {
    const NAME: &str = "accept_rules";
    let error = state.error(NAME);
    let checked = state.value(NAME) == "on";
    let describedby = described_by(NAME, false, error.is_some());
    let invalid = error.is_some().then_some("true");
    view! {
        <div class="form-field form-check" class:form-field-invalid=invalid.is_some()>
            <FieldError name=NAME error/>
            <input type="checkbox" id=NAME name=NAME value="on" checked=checked required=true
                aria-invalid=invalid aria-describedby=describedby/>
            <label for=NAME>
                {lang.pick("Tôi đã đọc và đồng ý với ", "I have read and accept the ")}
                <a href="#noi-quy" target="_self">{lang.pick("nội quy phòng đọc", "reading-room rules")}</a>
            </label>
        </div>
    }
}

/// The reading-room rules, linked from the form.
#[component]
fn Rules() -> impl IntoView {
    let lang = use_lang();
    let items = RULES
        .iter()
        .map(|(vi, en)| view! { <li>{lang.pick(*vi, *en)}</li> })
        .collect_view();
    view! {
        <section id="noi-quy" class="rules" aria-labelledby="noi-quy-heading" data-testid="reading-room-rules">
            <h2 id="noi-quy-heading">{lang.pick("Nội quy phòng đọc", "Reading-room rules")}</h2>
            <ol>{items}</ol>
        </section>
    }
}

/// After registering: the same text whatever happened, so that nobody learns which
/// addresses have accounts.
#[component]
pub fn RegisterSentPage() -> impl IntoView {
    let lang = use_lang();
    let site = use_site();
    let heading = lang.pick("Hãy kiểm tra hộp thư", "Check your mailbox");
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let archive = site.archive_name().await;
                view! { <Title text=page_title(lang, heading, &archive)/> }
            })}
        </Suspense>
        <h1>{heading}</h1>
        <div class="notice notice-done" role="status" data-testid="register-sent">
            <p>
                {lang.pick(
                    "Chúng tôi đã gửi một liên kết xác nhận đến địa chỉ thư điện tử bạn đã nhập. Mở liên kết đó để hoàn tất việc đăng ký; liên kết có hiệu lực trong 24 giờ.",
                    "We have sent a confirmation link to the e-mail address you entered. Open it to complete your registration; the link is valid for 24 hours.",
                )}
            </p>
        </div>
        <p>
            {lang.pick(
                "Nếu không thấy thư, hãy xem thư mục thư rác hoặc ",
                "If nothing arrives, look in your spam folder or ",
            )}
            <a href="/account/register">{lang.pick("đăng ký lại", "register again")}</a>
            "."
        </p>
        <p>
            {lang.pick(
                "Sau khi xác nhận, cán bộ phòng đọc sẽ kiểm tra thông tin của bạn trong vòng một ngày làm việc.",
                "Once you have confirmed, the reading-room staff check your details within one working day.",
            )}
        </p>
    }
}
