//! The frame of every page: skip link, header with search box, navigation and language switch,
//! main, footer.

use super::SiteSearch;
use crate::i18n::{Key, t, use_lang};
use crate::site::use_site;
use crate::urls::lang_switch_href;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Wraps a page in the site's header and footer.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let lang = use_lang();
    view! {
        <a class="skip-link" href="#main">{t(lang, Key::SkipLink)}</a>
        <SiteHeader/>
        <main id="main" class="wrap" tabindex="-1">{children()}</main>
        <SiteFooter/>
    }
}

/// Shown while a page's data loads after a client-side navigation.
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">{t(use_lang(), Key::Loading)}</p> }
}

/// The archive's name as soon as it is known.
#[component]
fn ArchiveName() -> impl IntoView {
    let site = use_site();
    view! { <Suspense fallback=|| ()>{move || Suspend::new(site.archive_name())}</Suspense> }
}

#[component]
fn SiteHeader() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let current =
        move |path: &'static str| move || (location.pathname.get() == path).then_some("page");
    view! {
        <header class="site-header">
            <div class="wrap header-inner">
                <a class="brand" href="/">
                    <span class="brand-archive"><ArchiveName/></span>
                    <span class="brand-portal">{t(lang, Key::PortalName)}</span>
                </a>
                <SiteSearch/>
                <nav class="site-nav" aria-label=t(lang, Key::MainNav)>
                    <ul>
                        <li><a href="/" aria-current=current("/")>{t(lang, Key::NavHome)}</a></li>
                        <li><a href="/fonds" aria-current=current("/fonds")>{t(lang, Key::NavFonds)}</a></li>
                        <li><LangSwitch/></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}

/// A real link to the current address in the other language. `target="_self"` makes the
/// router leave it to the browser: the server then sets the cookie and renders the new language.
#[component]
fn LangSwitch() -> impl IntoView {
    let lang = use_lang();
    let target = lang.other();
    let location = use_location();
    let href = move || lang_switch_href(&location.pathname.get(), &location.search.get(), target);
    view! {
        <a
            class="lang-switch"
            data-testid="lang-switch"
            href=href
            hreflang=target.code()
            lang=target.code()
            target="_self"
        >
            {t(lang, Key::LangSwitch)}
        </a>
    }
}

#[component]
fn SiteFooter() -> impl IntoView {
    let lang = use_lang();
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p class="footer-name"><ArchiveName/></p>
                <p>{t(lang, Key::PortalName)}</p>
                <p class="footer-note">{t(lang, Key::FooterNote)}</p>
            </div>
        </footer>
    }
}
