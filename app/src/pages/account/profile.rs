//! `/account`: where the reader's account stands, the registration details, and the forms to
//! renew, change the password or the e-mail address, and sign out everywhere.

use super::ErrorPage;
use super::categories::{category_name, identity_kind_name};
use super::profile_forms::AccountForms;
use crate::account::calls::{get_account, get_form_state};
use crate::account::{AccountState, AccountView};
use crate::components::Loading;
use crate::components::form::DoneNotice;
use crate::i18n::dates::{vn_date, vn_datetime};
use crate::i18n::{Lang, use_lang};
use crate::service::ServiceError;
use crate::site::{page_title, use_site};
use leptos::prelude::*;
use leptos_meta::Title;

/// The `?done=` keys of the account page.
const DONE: &[(&str, &str, &str)] = &[
    (
        "password",
        "Mật khẩu đã được đổi.",
        "Your password has been changed.",
    ),
    (
        "email-sent",
        "Chúng tôi đã gửi một liên kết xác nhận đến địa chỉ mới. Địa chỉ chỉ được đổi khi bạn mở liên kết đó.",
        "We have sent a confirmation link to the new address. The address changes once you open that link.",
    ),
    (
        "email",
        "Địa chỉ thư điện tử mới đã được xác nhận.",
        "Your new e-mail address is confirmed.",
    ),
    (
        "renewal",
        "Yêu cầu gia hạn đã được gửi. Cán bộ phòng đọc sẽ xác minh trong vòng một ngày làm việc.",
        "Your renewal request has been sent. The reading-room staff will handle it within one working day.",
    ),
    (
        "totp",
        "Xác thực hai bước đã được bật.",
        "Two-step verification is on.",
    ),
];

/// The signed-in person's own account.
#[component]
pub fn AccountPage() -> impl IntoView {
    let lang = use_lang();
    let site = use_site();
    let account = Resource::new(|| (), |_| get_account());
    let forms = ["password", "email", "renew"]
        .map(|form| Resource::new(|| (), move |_| get_form_state(form.to_string())));
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let archive = site.archive_name().await;
                let account = match account.await {
                    Ok(account) => account,
                    Err(ServiceError::Unauthorized) => return signed_out(lang).into_any(),
                    Err(error) => return view! { <ErrorPage error/> }.into_any(),
                };
                let [password, email, renew] = forms;
                match (password.await, email.await, renew.await) {
                    (Ok(password), Ok(email), Ok(renew)) => view! {
                        {account_view(lang, &archive, &account)}
                        <AccountForms account password email renew/>
                    }
                    .into_any(),
                    (Err(error), _, _) | (_, Err(error), _) | (_, _, Err(error)) => {
                        view! { <ErrorPage error/> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// Not signed in: the 401 page with a way to sign in and come back.
fn signed_out(lang: Lang) -> impl IntoView {
    view! {
        <ErrorPage error=ServiceError::Unauthorized/>
        <p>
            <a class="button-link" href="/account/sign-in?next=/account" data-testid="sign-in-link">
                {lang.pick("Đăng nhập", "Sign in")}
            </a>
        </p>
    }
}

/// What the state means for the reader.
fn state_text(lang: Lang, account: &AccountView) -> String {
    let until = account.expires_on.as_deref().map(vn_date);
    match account.me.state {
        AccountState::Unverified => lang.pick(
            "Hãy mở liên kết xác nhận trong thư chúng tôi đã gửi đến địa chỉ thư điện tử của bạn.",
            "Open the confirmation link in the e-mail we sent to your address.",
        ).to_string(),
        AccountState::Pending => lang.pick(
            "Cán bộ phòng đọc sẽ xác minh thông tin của bạn trong vòng một ngày làm việc. Bạn sẽ nhận được thư khi tài khoản được kích hoạt.",
            "The reading-room staff will verify your details within one working day. You will get an e-mail once the account is active.",
        ).to_string(),
        AccountState::Active => match until {
            Some(date) => format!("{} {date}.", lang.pick(
                "Bạn có thể gửi yêu cầu đọc tài liệu. Tài khoản có giá trị đến hết ngày",
                "You can submit requests to read records. The account is valid until",
            )),
            None => lang.pick("Bạn có thể gửi yêu cầu đọc tài liệu.", "You can submit requests to read records.").to_string(),
        },
        AccountState::Refused => format!(
            "{} {} {}",
            lang.pick("Cán bộ phòng đọc đã từ chối đăng ký. Lý do:", "The reading-room staff refused the registration. Reason:"),
            account.refusal_reason.as_deref().unwrap_or(lang.pick("không ghi rõ.", "not given.")),
            lang.pick("Bạn có thể liên hệ phòng đọc hoặc đăng ký lại.", "You may contact the reading room or register again."),
        ),
        AccountState::Suspended => lang.pick(
            "Tài khoản đang tạm khóa. Xin liên hệ phòng đọc.",
            "The account is suspended. Please contact the reading room.",
        ).to_string(),
        AccountState::Expired => format!(
            "{}{} {}",
            lang.pick("Tài khoản đã hết hạn", "The account has expired"),
            until.map(|date| format!(" {} {date}", lang.pick("từ ngày", "on"))).unwrap_or_default(),
            lang.pick("— hãy gửi yêu cầu gia hạn bên dưới.", "— ask for renewal below."),
        ),
    }
}

fn account_view(lang: Lang, archive: &str, account: &AccountView) -> impl IntoView + use<> {
    let heading = lang.pick("Tài khoản của tôi", "My account");
    let me = &account.me;
    let state = me.state;
    let none = lang.pick("Không có", "None");
    let roles = me
        .roles
        .iter()
        .map(|r| r.label(lang.is_english()))
        .collect::<Vec<_>>()
        .join(", ");
    let rows: Vec<(&str, String)> = vec![
        (lang.pick("Họ và tên", "Full name"), me.full_name.clone()),
        (lang.pick("Thư điện tử", "E-mail"), me.email.clone()),
        (
            lang.pick("Giấy tờ tùy thân", "Identity document"),
            format!(
                "{}: {}",
                identity_kind_name(lang, &account.identity_kind),
                account.identity_masked
            ),
        ),
        (lang.pick("Số điện thoại", "Phone"), account.phone.clone()),
        (
            lang.pick("Cơ quan, đơn vị công tác", "Employer or school"),
            account.employer.clone().unwrap_or_else(|| none.to_string()),
        ),
        (
            lang.pick("Đối tượng ưu tiên", "Priority category"),
            category_name(lang, &account.fee_object_type),
        ),
        (
            lang.pick("Ghi chú", "Notes"),
            account.notes.clone().unwrap_or_else(|| none.to_string()),
        ),
        (
            lang.pick("Ngày đăng ký", "Registered on"),
            vn_datetime(&account.created_at),
        ),
        (
            lang.pick("Có giá trị đến", "Valid until"),
            account
                .expires_on
                .as_deref()
                .map(vn_date)
                .unwrap_or_else(|| none.to_string()),
        ),
        (lang.pick("Vai trò", "Roles"), roles),
    ];
    let rows = rows
        .into_iter()
        .map(|(label, value)| view! { <div><dt>{label}</dt><dd>{value}</dd></div> })
        .collect_view();
    view! {
        <Title text=page_title(lang, heading, archive)/>
        <h1>{heading}</h1>
        <DoneNotice notices=DONE/>
        <section class="account-section" aria-labelledby="state-heading">
            <h2 id="state-heading">{lang.pick("Tình trạng tài khoản", "Account status")}</h2>
            <p class=format!("account-state state-{}", state.as_str()) data-testid="account-state" data-state=state.as_str()>
                {state.label(lang.is_english())}
            </p>
            <p data-testid="account-state-text">{state_text(lang, account)}</p>
        </section>
        <section class="account-section" aria-labelledby="details-heading">
            <h2 id="details-heading">{lang.pick("Thông tin đăng ký", "Registration details")}</h2>
            <dl class="summary-list" data-testid="account-details">{rows}</dl>
        </section>
    }
}
