//! The Leptos application: routes, pages, components, wire types and server functions.
//! It compiles for the server (feature `ssr`) and for WebAssembly (feature `hydrate`) and holds
//! no database or file-system code: server functions reach the backend through [`service`].
#![recursion_limit = "256"]

pub mod account;
pub mod api;
pub mod codes;
pub mod components;
pub mod i18n;
pub mod model;
pub mod pages;
pub mod search;
pub mod service;
pub mod site;
pub mod tags;
pub mod urls;

use leptos::prelude::*;
use leptos_meta::{Html, MetaTags, Stylesheet, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

/// The HTML document around the application (server side). `<html lang>` is set by [`App`]
/// through leptos_meta, from the request's language.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="icon" href="data:,"/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The application: every route of the public portal. Routes render with [`SsrMode::Async`]
/// so a page's HTTP status (404 for an unknown record) is known before anything is sent.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let lang = i18n::provide_lang();
    site::provide_site();
    // Effects run only in the browser, once the server's HTML has been hydrated.
    #[cfg(feature = "hydrate")]
    Effect::new(|_| mark_hydrated());
    view! {
        <Html {..} lang=lang.code()/>
        <Stylesheet id="leptos" href="/pkg/portal.css"/>
        <Router>
            <components::Layout>
                <Routes fallback=pages::NotFound>
                    <Route path=path!("/") view=pages::HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/fonds") view=pages::FondsPage ssr=SsrMode::Async/>
                    <Route path=path!("/records/:code") view=pages::RecordPage ssr=SsrMode::Async/>
                    <Route path=path!("/search") view=pages::SearchPage ssr=SsrMode::Async/>
                    <Route path=path!("/account") view=pages::account::AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/register") view=pages::account::RegisterPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/register/sent") view=pages::account::RegisterSentPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/verify") view=pages::account::VerifyPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/sign-in") view=pages::account::SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/2fa") view=pages::account::SecondFactorPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/2fa/setup") view=pages::account::TotpSetupPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/2fa/recovery-codes") view=pages::account::RecoveryCodesPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/forgot") view=pages::account::ForgotPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/reset") view=pages::account::ResetPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/email/confirm") view=pages::account::EmailConfirmPage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/readers") view=pages::staff::ReaderQueuePage ssr=SsrMode::Async/>
                    <Route path=path!("/staff/readers/:id") view=pages::staff::ReaderPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/users") view=pages::admin::UsersPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/audit") view=pages::admin::AuditLogPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/outbox") view=pages::admin::OutboxPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/outbox/:file") view=pages::admin::OutboxMessagePage ssr=SsrMode::Async/>
                </Routes>
            </components::Layout>
        </Router>
    }
}

/// Sets `window.__hydrated = true`, the signal end-to-end tests wait for before they rely on
/// client-side navigation.
#[cfg(feature = "hydrate")]
fn mark_hydrated() {
    use leptos::wasm_bindgen::JsValue;
    use leptos::web_sys::js_sys::Reflect;
    // Failing to set a flag on `window` cannot happen in a browser and would only slow tests.
    let _ = Reflect::set(&window(), &JsValue::from_str("__hydrated"), &JsValue::TRUE);
}
