//! The forms of the account page: renewal, two-step verification, password, e-mail address,
//! and signing out on every device.

use crate::account::{AccountView, FormState};
use crate::components::form::{CsrfField, FormAlert, TextField};
use crate::i18n::{Lang, use_lang};
use leptos::prelude::*;

/// Every form of the account page, each in its own section.
#[component]
pub fn AccountForms(
    account: AccountView,
    password: FormState,
    email: FormState,
    renew: FormState,
) -> impl IntoView {
    let lang = use_lang();
    let csrf = password.csrf.clone();
    view! {
        {account.renewable.then(|| renew_form(lang, renew))}
        {second_factor(lang, &account)}
        {password_form(lang, password)}
        {email_form(lang, email, account.pending_email.clone())}
        <section class="account-section" aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{lang.pick("Phiên đăng nhập", "Sessions")}</h2>
            <p>
                {lang.pick(
                    "Nếu bạn đã đăng nhập trên máy dùng chung hoặc nghi ngờ người khác dùng tài khoản, hãy đăng xuất khỏi mọi thiết bị, kể cả thiết bị này.",
                    "If you signed in on a shared computer or suspect someone else uses your account, sign out on every device, this one included.",
                )}
            </p>
            <form method="post" action="/account/sign-out-everywhere" data-testid="sign-out-everywhere-form">
                <CsrfField token=csrf/>
                <button type="submit" class="button button-secondary">
                    {lang.pick("Đăng xuất khỏi mọi thiết bị", "Sign out everywhere")}
                </button>
            </form>
        </section>
    }
}

fn renew_form(lang: Lang, state: FormState) -> impl IntoView {
    view! {
        <section class="account-section" aria-labelledby="renew-heading">
            <h2 id="renew-heading">{lang.pick("Gia hạn tài khoản", "Renew the account")}</h2>
            <p>
                {lang.pick(
                    "Gửi yêu cầu gia hạn; cán bộ phòng đọc sẽ xác minh lại thông tin của bạn trong vòng một ngày làm việc.",
                    "Ask for renewal; the reading-room staff will check your details again within one working day.",
                )}
            </p>
            <form method="post" action="/account/renew" data-testid="renew-form">
                <FormAlert state=state.clone()/>
                <CsrfField token=state.csrf/>
                <button type="submit" class="button">{lang.pick("Gửi yêu cầu gia hạn", "Ask for renewal")}</button>
            </form>
        </section>
    }
}

fn second_factor(lang: Lang, account: &AccountView) -> impl IntoView + use<> {
    let (status, link) = if account.totp_enrolled {
        (
            lang.pick(
                "Xác thực hai bước đang bật.",
                "Two-step verification is on.",
            ),
            None,
        )
    } else {
        (
            lang.pick(
                "Xác thực hai bước chưa bật.",
                "Two-step verification is off.",
            ),
            Some(view! {
                <p>
                    <a href="/account/2fa/setup" data-testid="totp-setup-link">
                        {lang.pick("Bật xác thực hai bước", "Turn on two-step verification")}
                    </a>
                </p>
            }),
        )
    };
    view! {
        <section class="account-section" aria-labelledby="totp-heading">
            <h2 id="totp-heading">{lang.pick("Xác thực hai bước", "Two-step verification")}</h2>
            <p data-testid="totp-status" data-enrolled=account.totp_enrolled.to_string()>{status}</p>
            {link}
        </section>
    }
}

fn password_form(lang: Lang, state: FormState) -> impl IntoView {
    let s = move || state.clone();
    view! {
        <section class="account-section" aria-labelledby="password-heading">
            <h2 id="password-heading">{lang.pick("Đổi mật khẩu", "Change the password")}</h2>
            <form method="post" action="/account/password" class="account-form" data-testid="password-form">
                <FormAlert state=s()/>
                <CsrfField token=s().csrf/>
                <TextField name="current_password" id="password-current" kind="password" state=s()
                    required=true autocomplete="current-password"
                    label=lang.pick("Mật khẩu hiện tại", "Current password")/>
                <TextField name="password" id="password-new" kind="password" state=s()
                    required=true autocomplete="new-password" minlength=10
                    label=lang.pick("Mật khẩu mới", "New password")
                    hint=lang.pick(
                        "Ít nhất 10 ký tự, không dùng mật khẩu phổ biến.",
                        "At least 10 characters; not a common password.",
                    )/>
                <div class="form-actions">
                    <button type="submit" class="button">{lang.pick("Đổi mật khẩu", "Change the password")}</button>
                </div>
            </form>
        </section>
    }
}

fn email_form(lang: Lang, state: FormState, pending: Option<String>) -> impl IntoView {
    let s = move || state.clone();
    let pending = pending.map(|address| {
        view! {
            <p class="notice" data-testid="pending-email">
                {lang.pick("Đang chờ xác nhận địa chỉ mới: ", "Waiting for confirmation of the new address: ")}
                {address}
            </p>
        }
    });
    view! {
        <section class="account-section" aria-labelledby="email-heading">
            <h2 id="email-heading">{lang.pick("Đổi địa chỉ thư điện tử", "Change the e-mail address")}</h2>
            {pending}
            <p>
                {lang.pick(
                    "Chúng tôi sẽ gửi một liên kết xác nhận đến địa chỉ mới; địa chỉ chỉ được đổi khi bạn mở liên kết đó.",
                    "We will send a confirmation link to the new address; the address changes once you open it.",
                )}
            </p>
            <form method="post" action="/account/email" class="account-form" data-testid="email-form">
                <FormAlert state=s()/>
                <CsrfField token=s().csrf/>
                <TextField name="email" id="email-new" kind="email" state=s() required=true
                    autocomplete="email"
                    label=lang.pick("Địa chỉ mới", "New address")/>
                <TextField name="current_password" id="email-current-password" kind="password"
                    state=s() required=true autocomplete="current-password"
                    label=lang.pick("Mật khẩu hiện tại", "Current password")/>
                <div class="form-actions">
                    <button type="submit" class="button">{lang.pick("Gửi liên kết xác nhận", "Send the confirmation link")}</button>
                </div>
            </form>
        </section>
    }
}
