//! `/admin/users`: every account with its roles, state and second factor; per account the
//! roles form and the suspend, reactivate and reset-2FA buttons; then the form that adds a
//! staff account.

use super::user_add::UserAddForm;
use crate::account::calls::{get_form_state, get_users, get_viewer};
use crate::account::{AccountState, FormState, Role, UserRow};
use crate::components::Loading;
use crate::components::form::{CsrfField, DoneNotice};
use crate::i18n::{Lang, use_lang};
use crate::pages::staff::{DeniedPage, vn_datetime, yes_no};
use crate::service::ServiceError;
use crate::site::{page_title, use_site};
use leptos::prelude::*;
use leptos_meta::Title;

/// The confirmations after a change to an account.
const NOTICES: &[(&str, &str, &str)] = &[
    (
        "added",
        "Đã thêm tài khoản. Người dùng mới sẽ nhận thư có liên kết để đặt mật khẩu.",
        "The account has been added. The new user gets an e-mail with a link to set a password.",
    ),
    (
        "roles",
        "Đã cập nhật vai trò.",
        "The roles have been updated.",
    ),
    (
        "suspended",
        "Đã tạm khóa tài khoản.",
        "The account has been suspended.",
    ),
    (
        "reactivated",
        "Đã mở lại tài khoản.",
        "The account has been reactivated.",
    ),
    (
        "reset-2fa",
        "Đã đặt lại xác thực hai bước; người dùng sẽ thiết lập lại ở lần đăng nhập tới.",
        "The second factor has been reset; the user sets it up again at the next sign-in.",
    ),
];

/// The accounts page.
#[component]
pub fn UsersPage() -> impl IntoView {
    let lang = use_lang();
    let site = use_site();
    let data = Resource::new(
        || (),
        |_| async move {
            let users = get_users().await?;
            let viewer = get_viewer().await?;
            let add = get_form_state("user-add".to_string()).await?;
            let roles = get_form_state("roles".to_string()).await?;
            Ok::<_, ServiceError>((users, viewer.demo, add, roles))
        },
    );
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let archive = site.archive_name().await;
                match data.await {
                    Ok((users, demo, add, roles)) => {
                        users_view(lang, users, demo, add, roles, &archive).into_any()
                    }
                    Err(error) => view! { <DeniedPage error next="/admin/users"/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn users_view(
    lang: Lang,
    users: Vec<UserRow>,
    demo: bool,
    add: FormState,
    roles: FormState,
    archive: &str,
) -> impl IntoView {
    let heading = lang.pick("Quản lý tài khoản", "Accounts");
    let outbox = demo.then(|| {
        view! {
            <li>
                <a href="/admin/outbox">
                    {lang.pick("Hộp thư (chế độ trình diễn)", "Outbox (demo mode)")}
                </a>
            </li>
        }
    });
    // A refused change of roles or state: the page is shown again with its messages.
    let problems: Vec<String> = roles.errors.values().cloned().collect();
    let alert = (!problems.is_empty()).then(|| {
        let items = problems
            .into_iter()
            .map(|text| view! { <p>{text}</p> })
            .collect_view();
        view! {
            <div class="notice notice-error" role="alert" data-testid="form-error">{items}</div>
        }
    });
    let csrf = roles.csrf.clone();
    view! {
        <Title text=page_title(lang, heading, archive)/>
        <h1>{heading}</h1>
        <nav class="admin-links" aria-label=lang.pick("Quản trị", "Administration")>
            <ul>
                <li><a href="/admin/audit">{lang.pick("Nhật ký hệ thống", "Audit log")}</a></li>
                {outbox}
            </ul>
        </nav>
        <DoneNotice notices=NOTICES/>
        {alert}
        <section aria-labelledby="users-heading">
            <h2 id="users-heading">{lang.pick("Tài khoản", "Accounts")}</h2>
            {users_table(lang, users, csrf)}
        </section>
        <UserAddForm state=add/>
    }
}

fn users_table(lang: Lang, users: Vec<UserRow>, csrf: String) -> impl IntoView {
    let caption = match lang {
        Lang::Vi => format!("{} tài khoản", users.len()),
        Lang::En if users.len() == 1 => "1 account".to_string(),
        Lang::En => format!("{} accounts", users.len()),
    };
    let rows = users
        .into_iter()
        .map(|user| user_row(lang, user, csrf.clone()))
        .collect_view();
    view! {
        <div class="table-scroll" role="region" aria-labelledby="users-caption" tabindex="0">
            <table class="data-table users-table" data-testid="users-table">
                <caption id="users-caption">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.pick("Người dùng", "User")}</th>
                        <th scope="col">{lang.pick("Vai trò", "Roles")}</th>
                        <th scope="col">{lang.pick("Trạng thái", "State")}</th>
                        <th scope="col">{lang.pick("Xác thực hai bước", "Second factor")}</th>
                        <th scope="col">{lang.pick("Đăng nhập gần nhất", "Last sign-in")}</th>
                        <th scope="col">{lang.pick("Thao tác", "Actions")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn user_row(lang: Lang, user: UserRow, csrf: String) -> impl IntoView {
    let english = lang.is_english();
    let id = user.id;
    let roles = if user.roles.is_empty() {
        view! { <span>{lang.pick("Không có", "None")}</span> }.into_any()
    } else {
        let tags = user
            .roles
            .iter()
            .map(|role| view! { <li class="tag">{role.label(english)}</li> })
            .collect_view();
        view! { <ul class="tag-list">{tags}</ul> }.into_any()
    };
    let last = user.last_sign_in_at.as_deref().map_or_else(
        || lang.pick("Chưa đăng nhập", "Never").to_string(),
        vn_datetime,
    );
    let (state_action, state_label) = if user.state == AccountState::Suspended {
        ("reactivate", lang.pick("Mở lại", "Reactivate"))
    } else {
        ("suspend", lang.pick("Tạm khóa", "Suspend"))
    };
    let who = format!(": {}", user.full_name);
    let reset = user.totp_enrolled.then(|| {
        view! {
            <form method="post" action=format!("/admin/users/{id}/reset-2fa") class="inline-form">
                <CsrfField token=csrf.clone()/>
                <button type="submit" class="button button-secondary">
                    {lang.pick("Đặt lại xác thực hai bước", "Reset 2FA")}
                    <span class="visually-hidden">{who.clone()}</span>
                </button>
            </form>
        }
    });
    let roles_form = roles_form(
        lang,
        id,
        user.full_name.clone(),
        user.roles.clone(),
        csrf.clone(),
    );
    view! {
        <tr data-testid="user-row" data-user-id=id.to_string()>
            <th scope="row">
                <span class="user-name">{user.full_name}</span>
                <span class="user-email">{user.email}</span>
            </th>
            <td>{roles}</td>
            <td>{user.state.label(english)}</td>
            <td>{yes_no(lang, user.totp_enrolled)}</td>
            <td>{last}</td>
            <td class="user-actions">
                {roles_form}
                <form method="post" action=format!("/admin/users/{id}/{state_action}") class="inline-form">
                    <CsrfField token=csrf/>
                    <button type="submit" class="button button-secondary">
                        {state_label}
                        <span class="visually-hidden">{who.clone()}</span>
                    </button>
                </form>
                {reset}
            </td>
        </tr>
    }
}

fn roles_form(lang: Lang, id: i64, name: String, held: Vec<Role>, csrf: String) -> impl IntoView {
    let boxes = Role::ALL
        .into_iter()
        .map(|role| {
            let box_id = format!("roles-{id}-{}", role.as_str());
            view! {
                <span class="check">
                    <input
                        type="checkbox"
                        id=box_id.clone()
                        name="roles"
                        value=role.as_str()
                        checked=held.contains(&role)
                    />
                    <label for=box_id>{role.label(lang.is_english())}</label>
                </span>
            }
        })
        .collect_view();
    view! {
        <form method="post" action=format!("/admin/users/{id}/roles") class="roles-form">
            <CsrfField token=csrf/>
            <fieldset>
                <legend>
                    {lang.pick("Vai trò", "Roles")}
                    <span class="visually-hidden">
                        {format!(" {} {name}", lang.pick("của", "of"))}
                    </span>
                </legend>
                {boxes}
            </fieldset>
            <button type="submit" class="button button-secondary">
                {lang.pick("Lưu vai trò", "Save roles")}
                <span class="visually-hidden">{format!(": {name}")}</span>
            </button>
        </form>
    }
}
