//! `/account/sign-in`: e-mail and password, with the confirmations that lead here (address
//! confirmed, password reset, signed out, session expired).

use super::{carried, form_page};
use crate::components::form::{CsrfField, DoneNotice, FormAlert, TextField};
use crate::i18n::use_lang;
use crate::site::page_title;
use leptos::prelude::*;
use leptos_meta::Title;

/// The `?done=` keys of the sign-in page.
const DONE: &[(&str, &str, &str)] = &[
    (
        "verified",
        "Địa chỉ thư điện tử đã được xác nhận. Cán bộ phòng đọc sẽ xác minh thông tin của bạn trong vòng một ngày làm việc; bạn có thể đăng nhập để xem tình trạng tài khoản.",
        "Your e-mail address is confirmed. The reading-room staff will check your details within one working day; you can sign in to see where your account stands.",
    ),
    (
        "reset",
        "Mật khẩu mới đã được lưu. Hãy đăng nhập bằng mật khẩu mới.",
        "Your new password is saved. Sign in with it.",
    ),
    ("signed-out", "Bạn đã đăng xuất.", "You have signed out."),
    (
        "signed-out-everywhere",
        "Bạn đã đăng xuất khỏi mọi thiết bị.",
        "You have signed out on every device.",
    ),
    (
        "expired",
        "Phiên làm việc đã hết hạn. Xin vui lòng đăng nhập lại.",
        "Your session has expired. Please sign in again.",
    ),
];

/// The sign-in form.
#[component]
pub fn SignInPage() -> impl IntoView {
    let lang = use_lang();
    form_page("sign-in", move |archive, state| {
        let heading = lang.pick("Đăng nhập", "Sign in");
        let next = carried(&state, "next");
        let s = move || state.clone();
        view! {
            <Title text=page_title(lang, heading, &archive)/>
            <h1>{heading}</h1>
            <DoneNotice notices=DONE/>
            <form method="post" action="/account/sign-in" class="account-form" data-testid="sign-in-form">
                <FormAlert state=s()/>
                <CsrfField token=s().csrf/>
                <input type="hidden" name="next" value=next/>
                <TextField name="email" kind="email" state=s() required=true autocomplete="email"
                    label=lang.pick("Thư điện tử", "E-mail")/>
                <TextField name="password" kind="password" state=s() required=true
                    autocomplete="current-password"
                    label=lang.pick("Mật khẩu", "Password")/>
                <div class="form-actions">
                    <button type="submit" class="button">{heading}</button>
                </div>
            </form>
            <ul class="account-links">
                <li>
                    <a href="/account/forgot" data-testid="forgot-link">
                        {lang.pick("Quên mật khẩu?", "Forgot your password?")}
                    </a>
                </li>
                <li>
                    {lang.pick("Chưa có tài khoản? ", "No account yet? ")}
                    <a href="/account/register">{lang.pick("Đăng ký độc giả", "Register as a reader")}</a>
                </li>
            </ul>
        }
    })
}
