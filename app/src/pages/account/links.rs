//! The pages e-mailed links open: `/account/verify` (confirm the address after registering),
//! `/account/email/confirm` (confirm a new address), `/account/reset` (choose a new password),
//! and `/account/forgot`, which sends the reset link.
//!
//! Opening a link changes nothing: the page shows a button that posts the token, so mail
//! scanners that follow links cannot use them up.

use super::{carried, form_page};
use crate::account::FormState;
use crate::components::form::{CsrfField, DoneNotice, FormAlert, TextField};
use crate::i18n::{Lang, use_lang};
use crate::site::page_title;
use leptos::prelude::*;
use leptos_meta::Title;

/// Shown instead of the form when there is no token: the server's message about the link,
/// or else that the address is incomplete.
fn missing_token(lang: Lang, state: FormState) -> AnyView {
    if state.error("_form").is_some() {
        return view! { <FormAlert state/> }.into_any();
    }
    view! {
        <p class="notice notice-error" role="alert" data-testid="form-error">
            {lang.pick(
                "Liên kết không đầy đủ. Hãy mở lại liên kết trong thư, hoặc chép nguyên cả địa chỉ vào trình duyệt.",
                "The link is incomplete. Open the link in the e-mail again, or copy the whole address into the browser.",
            )}
        </p>
    }
    .into_any()
}

/// A page whose form only posts its token (with an explanation and a button).
fn token_page(
    lang: Lang,
    archive: String,
    state: FormState,
    (heading, text, button): (&'static str, &'static str, &'static str),
    (action, testid): (&'static str, &'static str),
) -> impl IntoView {
    let token = carried(&state, "token");
    let form = if token.is_empty() {
        missing_token(lang, state)
    } else {
        view! {
            <form method="post" action=action class="account-form" data-testid=testid>
                <FormAlert state=state.clone()/>
                <CsrfField token=state.csrf.clone()/>
                <input type="hidden" name="token" value=token/>
                <div class="form-actions">
                    <button type="submit" class="button">{button}</button>
                </div>
            </form>
        }
        .into_any()
    };
    view! {
        <Title text=page_title(lang, heading, &archive)/>
        <h1>{heading}</h1>
        <p>{text}</p>
        {form}
    }
}

/// Confirms the address given at registration.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let lang = use_lang();
    form_page("verify", move |archive, state| {
        let texts = (
            lang.pick("Xác nhận địa chỉ thư điện tử", "Confirm your e-mail address"),
            lang.pick(
                "Bấm nút dưới đây để xác nhận địa chỉ và gửi đăng ký của bạn đến cán bộ phòng đọc.",
                "Press the button below to confirm your address and send your registration to the reading-room staff.",
            ),
            lang.pick("Xác nhận", "Confirm"),
        );
        view! {
            {token_page(lang, archive, state, texts, ("/account/verify", "verify-form"))}
            <p>
                {lang.pick("Liên kết đã hết hạn? ", "Has the link expired? ")}
                <a href="/account/register">{lang.pick("Đăng ký lại", "Register again")}</a>
            </p>
        }
    })
}

/// Confirms a new address asked for on the account page.
#[component]
pub fn EmailConfirmPage() -> impl IntoView {
    let lang = use_lang();
    form_page("email-confirm", move |archive, state| {
        let texts = (
            lang.pick(
                "Xác nhận địa chỉ thư điện tử mới",
                "Confirm your new e-mail address",
            ),
            lang.pick(
                "Bấm nút dưới đây để dùng địa chỉ này cho tài khoản của bạn từ nay.",
                "Press the button below to use this address for your account from now on.",
            ),
            lang.pick("Xác nhận địa chỉ mới", "Confirm the new address"),
        );
        token_page(
            lang,
            archive,
            state,
            texts,
            ("/account/email/confirm", "email-confirm-form"),
        )
    })
}

/// Asks for a password reset link.
#[component]
pub fn ForgotPage() -> impl IntoView {
    let lang = use_lang();
    form_page("forgot", move |archive, state| {
        let heading = lang.pick("Quên mật khẩu", "Forgot your password");
        let done: &'static [(&str, &str, &str)] = &[(
            "sent",
            "Nếu địa chỉ này có tài khoản, chúng tôi đã gửi đến đó một liên kết để đặt mật khẩu mới. Liên kết có hiệu lực trong 1 giờ và chỉ dùng được một lần. Nếu không thấy thư, hãy xem thư mục thư rác.",
            "If this address has an account, we have sent it a link to choose a new password. The link is valid for 1 hour and works once. If nothing arrives, look in your spam folder.",
        )];
        let s = move || state.clone();
        view! {
            <Title text=page_title(lang, heading, &archive)/>
            <h1>{heading}</h1>
            <DoneNotice notices=done/>
            <p>
                {lang.pick(
                    "Nhập địa chỉ thư điện tử của tài khoản; chúng tôi sẽ gửi một liên kết để đặt mật khẩu mới.",
                    "Enter your account's e-mail address; we will send a link to choose a new password.",
                )}
            </p>
            <form method="post" action="/account/forgot" class="account-form" data-testid="forgot-form">
                <FormAlert state=s()/>
                <CsrfField token=s().csrf/>
                <TextField name="email" kind="email" state=s() required=true autocomplete="email"
                    label=lang.pick("Thư điện tử", "E-mail")/>
                <div class="form-actions">
                    <button type="submit" class="button">{lang.pick("Gửi liên kết", "Send the link")}</button>
                </div>
            </form>
            <p><a href="/account/sign-in">{lang.pick("Quay lại đăng nhập", "Back to sign-in")}</a></p>
        }
    })
}

/// Chooses a new password with the e-mailed link.
#[component]
pub fn ResetPage() -> impl IntoView {
    let lang = use_lang();
    form_page("reset", move |archive, state| {
        let heading = lang.pick("Đặt mật khẩu mới", "Choose a new password");
        let token = carried(&state, "token");
        let form = if token.is_empty() {
            missing_token(lang, state)
        } else {
            let s = move || state.clone();
            view! {
                <form method="post" action="/account/reset" class="account-form" data-testid="reset-form">
                    <FormAlert state=s()/>
                    <CsrfField token=s().csrf/>
                    <input type="hidden" name="token" value=token/>
                    <TextField name="password" kind="password" state=s() required=true
                        autocomplete="new-password" minlength=10
                        label=lang.pick("Mật khẩu mới", "New password")
                        hint=lang.pick(
                            "Ít nhất 10 ký tự, không dùng mật khẩu phổ biến.",
                            "At least 10 characters; not a common password.",
                        )/>
                    <div class="form-actions">
                        <button type="submit" class="button">{lang.pick("Lưu mật khẩu", "Save the password")}</button>
                    </div>
                </form>
            }
            .into_any()
        };
        view! {
            <Title text=page_title(lang, heading, &archive)/>
            <h1>{heading}</h1>
            {form}
            <p>
                {lang.pick("Liên kết đã hết hạn? ", "Has the link expired? ")}
                <a href="/account/forgot">{lang.pick("Xin liên kết mới", "Ask for a new link")}</a>
            </p>
        }
    })
}
