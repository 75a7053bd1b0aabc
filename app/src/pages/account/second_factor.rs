//! The second factor (TOTP): `/account/2fa` asks for a code after the password,
//! `/account/2fa/setup` enrols an authenticator app, `/account/2fa/recovery-codes` shows the
//! recovery codes made at enrolment.

use super::{ErrorPage, form_page};
use crate::account::calls::{get_form_state, get_recovery_codes, get_totp_setup};
use crate::account::{FormState, TotpSetup};
use crate::components::Loading;
use crate::components::form::{CsrfField, FormAlert, SignOutForm, TextField};
use crate::i18n::{Lang, use_lang};
use crate::site::{page_title, use_site};
use leptos::prelude::*;
use leptos_meta::Title;

/// The code field shared by the challenge and the enrolment.
fn code_field(lang: Lang, state: FormState, hint: &'static str) -> impl IntoView {
    view! {
        <TextField name="code" state required=true inputmode="numeric"
            autocomplete="one-time-code" hint
            label=lang.pick("Mã xác thực", "Verification code")/>
    }
}

/// The challenge after a correct password.
#[component]
pub fn SecondFactorPage() -> impl IntoView {
    let lang = use_lang();
    form_page("second-factor", move |archive, state| {
        let heading = lang.pick("Xác thực hai bước", "Two-step verification");
        let csrf = state.csrf.clone();
        view! {
            <Title text=page_title(lang, heading, &archive)/>
            <h1>{heading}</h1>
            <form method="post" action="/account/2fa" class="account-form" data-testid="second-factor-form">
                <FormAlert state=state.clone()/>
                <CsrfField token=state.csrf.clone()/>
                {code_field(lang, state, lang.pick(
                    "Nhập mã 6 chữ số đang hiện trong ứng dụng xác thực. Nếu không có ứng dụng bên mình, nhập một mã khôi phục.",
                    "Enter the 6-digit code your authenticator app shows. Without the app, enter a recovery code.",
                ))}
                <div class="form-actions">
                    <button type="submit" class="button">{lang.pick("Xác nhận", "Verify")}</button>
                </div>
            </form>
            <SignOutForm csrf label=lang.pick("Hủy và đăng xuất", "Cancel and sign out") class="button button-secondary" testid="cancel-sign-in-form"/>
        }
    })
}

/// Enrolment: the secret as a QR code, as text and as a link, then a first code.
#[component]
pub fn TotpSetupPage() -> impl IntoView {
    let lang = use_lang();
    let site = use_site();
    let setup = Resource::new(|| (), |_| get_totp_setup());
    let state = Resource::new(|| (), |_| get_form_state("totp-setup".to_string()));
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let archive = site.archive_name().await;
                match (setup.await, state.await) {
                    (Ok(setup), Ok(state)) => setup_view(lang, &archive, setup, state).into_any(),
                    (Err(error), _) | (_, Err(error)) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn setup_view(
    lang: Lang,
    archive: &str,
    setup: TotpSetup,
    state: FormState,
) -> impl IntoView + use<> {
    let heading = lang.pick("Bật xác thực hai bước", "Set up two-step verification");
    let qr_label = lang.pick(
        "Mã QR chứa khóa bí mật cho ứng dụng xác thực",
        "QR code holding the secret key for the authenticator app",
    );
    view! {
        <Title text=page_title(lang, heading, archive)/>
        <h1>{heading}</h1>
        <p class="lead">
            {lang.pick(
                "Tài khoản cán bộ cần thêm một bước khi đăng nhập: một mã 6 chữ số do ứng dụng xác thực trên điện thoại tạo ra (ví dụ Google Authenticator, Microsoft Authenticator, FreeOTP).",
                "Staff accounts need one more step at sign-in: a 6-digit code made by an authenticator app on your phone (Google Authenticator, Microsoft Authenticator or FreeOTP, for example).",
            )}
        </p>
        <ol class="steps">
            <li>
                <p>{lang.pick("Quét mã QR này bằng ứng dụng xác thực:", "Scan this QR code with the authenticator app:")}</p>
                <div class="totp-qr" role="img" aria-label=qr_label data-testid="totp-qr" inner_html=setup.qr_svg></div>
            </li>
            <li>
                <p>{lang.pick("Hoặc nhập khóa bí mật bằng tay:", "Or type the secret key by hand:")}</p>
                <p><code class="totp-secret" data-testid="totp-secret">{setup.secret}</code></p>
                <p>
                    <a href=setup.uri.clone() rel="external" data-testid="totp-uri">
                        {lang.pick("Mở trong ứng dụng xác thực trên thiết bị này", "Open in an authenticator app on this device")}
                    </a>
                </p>
                <details>
                    <summary>{lang.pick("Địa chỉ otpauth", "The otpauth address")}</summary>
                    <p><code class="totp-uri">{setup.uri}</code></p>
                </details>
            </li>
            <li>
                <p>{lang.pick("Nhập mã ứng dụng hiện ra để xác nhận:", "Enter the code the app shows to confirm:")}</p>
                <form method="post" action="/account/2fa/setup" class="account-form" data-testid="totp-setup-form">
                    <FormAlert state=state.clone()/>
                    <CsrfField token=state.csrf.clone()/>
                    {code_field(lang, state, lang.pick("6 chữ số.", "6 digits."))}
                    <div class="form-actions">
                        <button type="submit" class="button">{lang.pick("Bật xác thực hai bước", "Turn on two-step verification")}</button>
                    </div>
                </form>
            </li>
        </ol>
    }
}

/// The recovery codes, shown once after enrolment.
#[component]
pub fn RecoveryCodesPage() -> impl IntoView {
    let lang = use_lang();
    let site = use_site();
    let codes = Resource::new(|| (), |_| get_recovery_codes());
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let archive = site.archive_name().await;
                match codes.await {
                    Ok(codes) => recovery_view(lang, &archive, codes).into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn recovery_view(lang: Lang, archive: &str, codes: Vec<String>) -> impl IntoView + use<> {
    let heading = lang.pick("Mã khôi phục", "Recovery codes");
    let items = codes
        .into_iter()
        .map(|code| view! { <li><code>{code}</code></li> })
        .collect_view();
    view! {
        <Title text=page_title(lang, heading, archive)/>
        <h1>{heading}</h1>
        <p class="notice notice-done" role="status">
            {lang.pick("Xác thực hai bước đã được bật.", "Two-step verification is on.")}
        </p>
        <p>
            {lang.pick(
                "Hãy lưu các mã dưới đây ở nơi an toàn (in ra hoặc chép lại). Khi không có ứng dụng xác thực, nhập một mã thay cho mã 6 chữ số; mỗi mã chỉ dùng được một lần. Các mã chỉ hiện ở đây một lần.",
                "Store the codes below somewhere safe (print or copy them). Without the authenticator app, enter one in place of the 6-digit code; each code works once. They are shown here only once.",
            )}
        </p>
        <ol class="recovery-codes" data-testid="recovery-codes">{items}</ol>
        <p>
            <a class="button-link" href="/account" data-testid="continue-link">
                {lang.pick("Tiếp tục đến tài khoản", "Continue to your account")}
            </a>
        </p>
    }
}
