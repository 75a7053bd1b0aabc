//! Reader account pages under `/account/…` (reader-services.md §1): registration, e-mail
//! links, sign-in with its second factor, password reset and the reader's own account.
//!
//! Every change is a plain `<form method="post">` handled by the server (see
//! [`crate::account`]); a page loads its form's [`FormState`] to show again what was typed and
//! the messages after an invalid submission, and the session's anti-CSRF token.

mod categories;
mod links;
mod profile;
mod profile_forms;
mod register;
mod second_factor;
mod sign_in;

pub use links::{EmailConfirmPage, ForgotPage, ResetPage, VerifyPage};
pub use profile::AccountPage;
pub use register::{RegisterPage, RegisterSentPage};
pub use second_factor::{RecoveryCodesPage, SecondFactorPage, TotpSetupPage};
pub use sign_in::SignInPage;

use super::ErrorPage;
use crate::account::FormState;
use crate::account::calls::get_form_state;
use crate::components::Loading;
use crate::site::use_site;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Renders a page with one form once the archive's name (for the title) and the state of the
/// form named `form` are known; `body` gets both.
fn form_page<V>(
    form: &'static str,
    body: impl Fn(String, FormState) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    V: IntoView + 'static,
{
    let site = use_site();
    let state = Resource::new(|| (), move |_| get_form_state(form.to_string()));
    view! {
        <Suspense fallback=Loading>
            {move || {
                let body = body.clone();
                Suspend::new(async move {
                    let archive = site.archive_name().await;
                    match state.await {
                        Ok(state) => body(archive, state).into_any(),
                        Err(error) => view! { <ErrorPage error/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// A value a form carries along (`token`, `next`): the one sent back with an invalid
/// submission (the address then has no query), else the address's query parameter.
fn carried(state: &FormState, name: &str) -> String {
    let sent = state.value(name);
    if !sent.is_empty() {
        return sent;
    }
    use_query_map()
        .read_untracked()
        .get(name)
        .unwrap_or_default()
}
