//! The error pages: 404 for unknown, secret or unpublished records and unknown paths, 400, 500.

use crate::i18n::{Key, t, use_lang};
use crate::service::ServiceError;
use crate::site::page_title;
use leptos::prelude::*;
use leptos_meta::Title;

/// The page for a failed request, with the matching HTTP status during server rendering.
#[component]
pub fn ErrorPage(error: ServiceError) -> impl IntoView {
    let lang = use_lang();
    let (status, title, text) = match error {
        ServiceError::NotFound => (404, Key::NotFoundTitle, Key::NotFoundText),
        ServiceError::BadRequest { .. } => (400, Key::BadRequestTitle, Key::BadRequestText),
        ServiceError::Unauthorized => (401, Key::SignInNeededTitle, Key::SignInNeededText),
        ServiceError::Forbidden => (403, Key::ForbiddenTitle, Key::ForbiddenText),
        ServiceError::Internal => (500, Key::ErrorTitle, Key::ErrorText),
    };
    set_status(status);
    view! {
        <Title text=page_title(lang, t(lang, title), "")/>
        <div class="error-page" data-testid="error-page" data-status=status>
            <h1>{t(lang, title)}</h1>
            <p>{t(lang, text)}</p>
            <p><a href="/">{t(lang, Key::BackHome)}</a></p>
        </div>
    }
}

/// The router's fallback: any path that is not a page.
#[component]
pub fn NotFound() -> impl IntoView {
    view! { <ErrorPage error=ServiceError::NotFound/> }
}

#[cfg(feature = "ssr")]
fn set_status(status: u16) {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(code) = http::StatusCode::from_u16(status)
    {
        response.set_status(code);
    }
}

#[cfg(not(feature = "ssr"))]
fn set_status(_status: u16) {}
