//! The frame of every page: skip link, header with search box, navigation (with the account
//! links of whoever is signed in) and language switch, main, footer.

use super::SiteSearch;
use super::form::SignOutForm;
use crate::account::Role;
use crate::account::calls::get_viewer;
use crate::i18n::{Key, t, use_lang};
use crate::site::use_site;
use crate::urls::{lang_switch_href, percent_encode};
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
                        <AccountNav/>
                        <li><LangSwitch/></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}

/// The account items of the navigation (list items), once the viewer is known: sign-in and
/// registration links, or the account link with the person's name, the staff and admin
/// pages their roles open, and the sign-out button.
#[component]
fn AccountNav() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let viewer = Resource::new(|| (), |_| get_viewer());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let viewer = viewer.await.unwrap_or_default();
                let current = move |href: &'static str| {
                    move || (location.pathname.get() == href).then_some("page")
                };
                let sign_out = move |csrf: String| view! {
                    <li><SignOutForm csrf label=t(lang, Key::NavSignOut) class="nav-button"/></li>
                };
                match viewer.me {
                    Some(me) => {
                        let staff = [Role::Staff, Role::Approver, Role::Admin].iter().any(|r| me.has(*r));
                        view! {
                            <li>
                                <a href="/account" aria-current=current("/account") data-testid="nav-account">
                                    {t(lang, Key::NavAccount)}": "{me.full_name.clone()}
                                </a>
                            </li>
                            {staff.then(|| view! {
                                <li><a href="/staff/readers" aria-current=current("/staff/readers") data-testid="nav-staff">{t(lang, Key::NavStaff)}</a></li>
                            })}
                            {me.has(Role::Admin).then(|| view! {
                                <li><a href="/admin/users" aria-current=current("/admin/users") data-testid="nav-admin">{t(lang, Key::NavAdmin)}</a></li>
                            })}
                            {sign_out(viewer.csrf)}
                        }
                        .into_any()
                    }
                    // The password was right and the second factor is still to come.
                    None if viewer.second_factor.is_some() => sign_out(viewer.csrf).into_any(),
                    None => {
                        let href = move || {
                            sign_in_href(&location.pathname.get(), &location.search.get())
                        };
                        view! {
                            <li>
                                <a href=href aria-current=current("/account/sign-in") data-testid="nav-sign-in">
                                    {t(lang, Key::NavSignIn)}
                                </a>
                            </li>
                            <li>
                                <a href="/account/register" aria-current=current("/account/register") data-testid="nav-register">
                                    {t(lang, Key::NavRegister)}
                                </a>
                            </li>
                        }
                        .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// The sign-in address, leading back to the current page (not to the account pages).
fn sign_in_href(path: &str, search: &str) -> String {
    if path.starts_with("/account") || path == "/" {
        return "/account/sign-in".to_string();
    }
    let search = search.trim_start_matches('?');
    let back = if search.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{search}")
    };
    format!("/account/sign-in?next={}", percent_encode(&back))
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

#[cfg(test)]
mod tests {
    use super::sign_in_href;

    #[test]
    fn sign_in_leads_back_to_the_page() {
        assert_eq!(sign_in_href("/", ""), "/account/sign-in");
        assert_eq!(sign_in_href("/account", "?done=x"), "/account/sign-in");
        assert_eq!(
            sign_in_href("/records/A-1", ""),
            "/account/sign-in?next=%2Frecords%2FA-1"
        );
        assert_eq!(
            sign_in_href("/search", "?q=a b"),
            "/account/sign-in?next=%2Fsearch%3Fq%3Da%20b"
        );
    }
}
