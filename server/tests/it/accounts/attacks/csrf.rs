//! Cross-site request forgery: a state-changing POST without the session's own token, or sent
//! from another site (even with the right token), is refused with 403 and changes nothing.

use super::{NEW_PASSWORD, PASSWORD, Site, csrf, excerpt, sign_in};
use crate::accounts::client::Browser;
use portal::accounts::Role;

const READER: &str = "lan.nguyen@example.vn";
const STAFF: &str = "thu.tran@example.vn";
const EVIL: (&str, &str) = ("Origin", "https://evil.example");
const CROSS_SITE: (&str, &str) = ("Sec-Fetch-Site", "cross-site");

/// The wrong tokens an attacker can send: none, an invented one, another session's.
async fn bad_tokens(site: &Site) -> Vec<Option<String>> {
    let mut other = site.browser();
    let theirs = csrf(&mut other).await;
    vec![
        None,
        Some("invented-token-0123456789abcdef".into()),
        Some(theirs),
    ]
}

/// POSTs `fields` with `token` as the CSRF field (left out when `None`).
async fn post(b: &mut Browser, path: &str, token: &Option<String>, fields: &[(&str, &str)]) -> u16 {
    let mut all: Vec<(&str, &str)> = Vec::new();
    if let Some(t) = token {
        all.push(("csrf", t));
    }
    all.extend_from_slice(fields);
    b.post_raw(path, &all).await.status
}

/// Whether `password` signs `email` in, from a fresh browser.
async fn password_works(site: &Site, email: &str, password: &str) -> bool {
    sign_in(&mut site.browser(), email, password).await.status == 303
}

#[tokio::test]
async fn a_password_change_needs_the_sessions_own_token() {
    let site = Site::new(false).await;
    let id = site.user(READER, "Nguyễn Thị Lan", &[Role::Reader]).await;
    let hash = site.column(id, "password_hash").await;
    let mut b = site.signed_in(READER).await;
    let fields = [("current_password", PASSWORD), ("password", NEW_PASSWORD)];
    for token in bad_tokens(&site).await {
        let status = post(&mut b, "/account/password", &token, &fields).await;
        assert_eq!(status, 403, "token {token:?}");
    }
    assert_eq!(
        site.column(id, "password_hash").await,
        hash,
        "the password is unchanged"
    );
    assert!(site.audited("csrf.rejected", None).await >= 3);
    assert_eq!(
        b.get("/account").await.status,
        200,
        "the victim is still signed in"
    );
    assert!(password_works(&site, READER, PASSWORD).await);
    assert!(!password_works(&site, READER, NEW_PASSWORD).await);
}

#[tokio::test]
async fn a_sign_in_needs_the_sessions_own_token() {
    let site = Site::new(false).await;
    site.user(READER, "Nguyễn Thị Lan", &[Role::Reader]).await;
    for token in bad_tokens(&site).await {
        // A fresh browser each time: with no token it has no session at all.
        let mut b = site.browser();
        if token.is_some() {
            csrf(&mut b).await;
        }
        let fields = [("email", READER), ("password", PASSWORD)];
        let status = post(&mut b, "/account/sign-in", &token, &fields).await;
        assert_eq!(status, 403, "token {token:?}");
        assert_eq!(
            b.get("/account").await.status,
            401,
            "not signed in with {token:?}"
        );
    }
    assert_eq!(site.audited("sign_in.ok", None).await, 0);
}

#[tokio::test]
async fn an_activation_needs_the_sessions_own_token() {
    let site = Site::new(true).await;
    site.user(STAFF, "Trần Văn Thu", &[Role::Staff]).await;
    let reader = site.pending(READER, "001099012345", None).await;
    let mut staff = site.signed_in(STAFF).await;
    let path = format!("/staff/readers/{reader}/activate");
    for token in bad_tokens(&site).await {
        assert_eq!(
            post(&mut staff, &path, &token, &[]).await,
            403,
            "token {token:?}"
        );
    }
    assert_eq!(site.state_of(reader).await, "pending");
    assert_eq!(site.audited("reader.activated", None).await, 0);
    // With its own token the same staff member can activate: the refusals were the tokens'.
    let token = Some(csrf(&mut staff).await);
    let r = staff
        .post_raw(&path, &[("csrf", token.as_deref().unwrap_or(""))])
        .await;
    assert_eq!(r.status, 303, "{}", excerpt(&r.body));
    assert_eq!(r.location.as_deref(), Some("/staff/readers?done=activated"));
    assert_eq!(site.state_of(reader).await, "active");
}

#[tokio::test]
async fn a_cross_site_post_is_refused_even_with_the_right_token() {
    let site = Site::new(true).await;
    let id = site.user(READER, "Nguyễn Thị Lan", &[Role::Reader]).await;
    site.user(STAFF, "Trần Văn Thu", &[Role::Staff]).await;
    let pending = site
        .pending("mai.le@example.vn", "001099012346", None)
        .await;
    let hash = site.column(id, "password_hash").await;

    let mut b = site.signed_in(READER).await;
    let token = csrf(&mut b).await;
    let change = [
        ("csrf", token.as_str()),
        ("current_password", PASSWORD),
        ("password", NEW_PASSWORD),
    ];
    for header in [
        EVIL,
        CROSS_SITE,
        ("Sec-Fetch-Site", "same-site"),
        ("Origin", "null"),
    ] {
        let r = b
            .post_with_headers("/account/password", &change, &[header])
            .await;
        assert_eq!(r.status, 403, "{header:?}: {}", excerpt(&r.body));
    }
    assert_eq!(site.column(id, "password_hash").await, hash);

    let mut staff = site.signed_in(STAFF).await;
    let token = csrf(&mut staff).await;
    let path = format!("/staff/readers/{pending}/activate");
    for header in [EVIL, CROSS_SITE] {
        let r = staff
            .post_with_headers(&path, &[("csrf", &token)], &[header])
            .await;
        assert_eq!(r.status, 403, "{header:?}");
    }
    assert_eq!(site.state_of(pending).await, "pending");

    let mut visitor = site.browser();
    let token = csrf(&mut visitor).await;
    let fields = [
        ("csrf", token.as_str()),
        ("email", READER),
        ("password", PASSWORD),
    ];
    for header in [EVIL, CROSS_SITE] {
        let r = visitor
            .post_with_headers("/account/sign-in", &fields, &[header])
            .await;
        assert_eq!(r.status, 403, "{header:?}");
    }
    assert_eq!(visitor.get("/account").await.status, 401);

    // The same requests from the portal's own pages go through.
    let origin = ("Origin", site.base.as_str());
    let same = [origin, ("Sec-Fetch-Site", "same-origin")];
    let r = visitor
        .post_with_headers("/account/sign-in", &fields, &same)
        .await;
    assert_eq!(r.status, 303, "{}", excerpt(&r.body));
    let token = csrf(&mut staff).await;
    let r = staff
        .post_with_headers(&path, &[("csrf", &token)], &same)
        .await;
    assert_eq!(r.status, 303, "{}", excerpt(&r.body));
    assert_eq!(site.state_of(pending).await, "active");
}

#[tokio::test]
async fn server_functions_refuse_cross_site_calls() {
    let site = Site::new(true).await;
    site.user(READER, "Nguyễn Thị Lan", &[Role::Reader]).await;
    site.user("quan.tri@example.vn", "Phạm Quản Trị", &[Role::Admin])
        .await;
    let mut reader = site.signed_in(READER).await;
    let mut admin = site.signed_in("quan.tri@example.vn").await;
    for header in [EVIL, CROSS_SITE] {
        for name in ["viewer", "form-state", "account"] {
            let r = reader
                .post_with_headers(&format!("/sfn/{name}"), &[("form", "password")], &[header])
                .await;
            assert_eq!(r.status, 403, "{name} {header:?}");
            assert!(!r.body.contains(READER), "{name} leaked the account");
        }
        for name in ["users", "audit"] {
            let r = admin
                .post_with_headers(&format!("/sfn/{name}"), &[], &[header])
                .await;
            assert_eq!(r.status, 403, "{name} {header:?}");
            assert!(!r.body.contains(READER), "{name} leaked the users");
        }
    }
    // Called from the portal itself they answer.
    let r = reader.server_fn("account", &[]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains(READER));
    let r = admin.server_fn("users", &[]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains(READER));
}
