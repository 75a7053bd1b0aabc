//! The error page of the staff and admin pages: the shared error page and, when the visitor is
//! not signed in, a link to sign in and come back.

use crate::i18n::use_lang;
use crate::pages::ErrorPage;
use crate::service::ServiceError;
use crate::urls::percent_encode;
use leptos::prelude::*;

/// The error page; for [`ServiceError::Unauthorized`] also a link to sign in and return to
/// `next`.
#[component]
pub(crate) fn DeniedPage(error: ServiceError, #[prop(into)] next: String) -> impl IntoView {
    let lang = use_lang();
    let sign_in = (error == ServiceError::Unauthorized).then(|| {
        let href = format!("/account/sign-in?next={}", percent_encode(&next));
        view! {
            <p>
                <a href=href data-testid="sign-in-link">{lang.pick("Đăng nhập", "Sign in")}</a>
            </p>
        }
    });
    view! {
        <ErrorPage error/>
        {sign_in}
    }
}
