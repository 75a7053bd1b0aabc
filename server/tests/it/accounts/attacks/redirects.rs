//! Where the portal sends people: the `next` of the sign-in never leads off the site, what was
//! typed comes back escaped, and mailed links are built on the portal's own address whatever
//! Host the request claims.

use super::{PASSWORD, Site, excerpt, form_error};
use crate::accounts::client::{self, Browser};
use portal::accounts::Role;

const READER: &str = "lan.nguyen@example.vn";

/// Whether a browser following `location` stays on this site: after the tabs and newlines
/// browsers drop, a path that is not protocol-relative.
fn stays_here(location: &str) -> bool {
    let cleaned: String = location
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let cleaned = cleaned.trim_start();
    cleaned.starts_with('/') && !cleaned.starts_with("//") && !cleaned.starts_with("/\\")
}

/// Signs in with a `next` field; returns the answer.
async fn sign_in_to(b: &mut Browser, next: &str) -> client::Answer {
    b.submit(
        "/account/sign-in",
        "/account/sign-in",
        &[("email", READER), ("password", PASSWORD), ("next", next)],
    )
    .await
}

#[tokio::test]
async fn the_sign_in_never_sends_anyone_off_the_site() {
    let site = Site::new(false).await;
    site.user(READER, "Nguyễn Thị Lan", &[Role::Reader]).await;
    let hostile = [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "\\\\evil.example/",
        " //evil.example/",
        "javascript:alert(1)",
        "http:evil.example",
    ];
    for next in hostile {
        let r = sign_in_to(&mut site.browser(), next).await;
        assert_eq!(r.status, 303, "next {next:?}: {}", excerpt(&r.body));
        let to = r.location.unwrap_or_default();
        assert!(stays_here(&to), "next {next:?} led to {to:?}");
    }
    // A local page is kept.
    let r = sign_in_to(&mut site.browser(), "/account?tab=1").await;
    assert_eq!(r.location.as_deref(), Some("/account?tab=1"));
}

#[tokio::test]
async fn control_characters_in_next_do_not_lead_off_the_site() {
    let site = Site::new(false).await;
    site.user(READER, "Nguyễn Thị Lan", &[Role::Reader]).await;
    for next in [
        "/\t/evil.example/",
        "/\n/evil.example/",
        "/\r\n/evil.example/",
    ] {
        let r = sign_in_to(&mut site.browser(), next).await;
        assert_eq!(r.status, 303, "next {next:?}: {}", excerpt(&r.body));
        let to = r.location.unwrap_or_default();
        assert!(stays_here(&to), "next {next:?} led to {to:?}");
    }
}

#[tokio::test]
async fn what_was_typed_comes_back_escaped() {
    let site = Site::new(false).await;
    let script = "\"><script>alert(1)</script>";
    let mut b = site.browser();
    let page = b
        .get("/account/sign-in?next=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E")
        .await;
    assert_eq!(page.status, 200);
    assert!(
        !page.body.contains(script),
        "the next parameter is reflected raw"
    );
    let email = format!("x{script}@example.vn");
    let r = b
        .submit(
            "/account/sign-in",
            "/account/sign-in",
            &[
                ("email", &email),
                ("password", "Khong-dung-2026"),
                ("next", script),
            ],
        )
        .await;
    assert_eq!(r.status, 422, "{}", excerpt(&r.body));
    assert!(form_error(&r.body).is_some());
    assert!(
        !r.body.contains("<script>alert(1)</script>"),
        "the typed address is reflected raw"
    );
}

#[tokio::test]
async fn mailed_links_ignore_the_claimed_host() {
    let site = Site::new(false).await;
    site.user(READER, "Nguyễn Thị Lan", &[Role::Reader]).await;
    let mut b = site.browser();
    let token = super::csrf(&mut b).await;
    let headers = [
        ("Host", "evil.example"),
        ("X-Forwarded-Host", "evil.example"),
        ("Forwarded", "host=evil.example;proto=https"),
    ];
    let r = b
        .post_with_headers(
            "/account/forgot",
            &[("csrf", &token), ("email", READER)],
            &headers,
        )
        .await;
    assert_eq!(r.status, 303, "{}", excerpt(&r.body));
    let (_, text) = client::last_mail_to(site.db.dir.path(), READER).expect("a reset message");
    assert!(!text.contains("evil.example"), "{text}");
    let link = portal::readers::mail::links_in(&text)
        .into_iter()
        .find(|l| l.contains("/account/reset?token="))
        .expect("a reset link");
    assert!(
        link.starts_with(&format!("{}/account/reset?token=", site.base)),
        "{link}"
    );
}
