//! The form on `/admin/users` that adds a staff account (form `user-add`): name, e-mail and
//! roles; the new user sets a password through a link sent by e-mail.

use crate::account::{FormState, Role};
use crate::components::form::{CsrfField, FieldError, FormAlert, TextField, described_by};
use crate::i18n::use_lang;
use leptos::prelude::*;

/// The roles ticked on the form: what was sent back after an invalid submission, otherwise
/// `staff`.
fn ticked(state: &FormState) -> Vec<Role> {
    match state.values.get("roles") {
        Some(sent) => sent
            .split([',', ' ', ';'])
            .filter_map(Role::parse)
            .collect(),
        None => vec![Role::Staff],
    }
}

/// The "add a staff account" form.
#[component]
pub(super) fn UserAddForm(state: FormState) -> impl IntoView {
    let lang = use_lang();
    let english = lang.is_english();
    let ticked = ticked(&state);
    let roles_error = state.error("roles");
    let roles_invalid = roles_error.is_some().then_some("true");
    let roles_described = described_by("roles", false, roles_error.is_some());
    let boxes = [Role::Staff, Role::Approver, Role::Admin, Role::Reader]
        .into_iter()
        .map(|role| {
            let box_id = format!("add-role-{}", role.as_str());
            view! {
                <span class="check">
                    <input
                        type="checkbox"
                        id=box_id.clone()
                        name="roles"
                        value=role.as_str()
                        checked=ticked.contains(&role)
                        aria-invalid=roles_invalid
                    />
                    <label for=box_id>{role.label(english)}</label>
                </span>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="user-add-heading">
            <h2 id="user-add-heading">{lang.pick("Thêm tài khoản cán bộ", "Add a staff account")}</h2>
            <p>
                {lang.pick(
                    "Người dùng mới sẽ nhận thư có liên kết để tự đặt mật khẩu. Tài khoản cán bộ, lãnh đạo và quản trị phải thiết lập xác thực hai bước ở lần đăng nhập đầu tiên.",
                    "The new user gets an e-mail with a link to set a password. Staff, approver and administrator accounts set up a second factor at their first sign-in.",
                )}
            </p>
            <form method="post" action="/admin/users" class="stack-form" data-testid="user-add-form">
                <CsrfField token=state.csrf.clone()/>
                <FormAlert state=state.clone()/>
                <TextField
                    name="full_name"
                    label=lang.pick("Họ và tên", "Full name")
                    state=state.clone()
                    autocomplete="off"
                    required=true
                />
                <TextField
                    name="email"
                    kind="email"
                    label=lang.pick("Thư điện tử", "E-mail")
                    state=state.clone()
                    autocomplete="off"
                    required=true
                />
                <fieldset class="form-field checks" aria-describedby=roles_described>
                    <legend>{lang.pick("Vai trò", "Roles")}</legend>
                    <FieldError name="roles" error=roles_error/>
                    {boxes}
                </fieldset>
                <button type="submit" class="button">{lang.pick("Thêm tài khoản", "Add the account")}</button>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_is_ticked_by_default_and_sent_roles_come_back() {
        let mut state = FormState::default();
        assert_eq!(ticked(&state), vec![Role::Staff]);
        state.values.insert("roles".into(), "approver,admin".into());
        assert_eq!(ticked(&state), vec![Role::Approver, Role::Admin]);
        state.values.insert("roles".into(), String::new());
        assert!(ticked(&state).is_empty());
    }
}
