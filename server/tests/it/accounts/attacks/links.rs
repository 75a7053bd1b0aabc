//! E-mail links: each works once, not after it expires, and only for its own purpose. Every
//! refusal reads the same ("invalid, already used or expired").

use super::{NEW_PASSWORD, PASSWORD, Site, excerpt, form_error, now, post_with_token, sign_in};
use portal::accounts::{Role, flows};

const READER: &str = "lan.nguyen@example.vn";
const USED: &str = "không hợp lệ, đã được dùng hoặc đã hết hạn";

/// Asserts a refused link: the page again (422) with the one message for bad links.
fn assert_bad_link(r: &crate::accounts::client::Answer, what: &str) {
    assert_eq!(r.status, 422, "{what}: {}", excerpt(&r.body));
    let message = form_error(&r.body).unwrap_or_default();
    assert!(message.contains(USED), "{what}: {message}");
    assert_eq!(message, flows::BAD_LINK, "{what}");
}

/// Asks for a reset link for `email` and returns its token.
async fn reset_token(site: &Site, email: &str) -> String {
    let mut b = site.browser();
    let r = post_with_token(&mut b, "/account/forgot", &[("email", email)]).await;
    assert_eq!(r.status, 303, "{}", excerpt(&r.body));
    site.mailed_token(email, "/account/reset")
}

#[tokio::test]
async fn a_verification_link_works_once() {
    let site = Site::new(false).await;
    let (id, token) = site.unverified(READER, "001099012345", None).await;
    assert_eq!(site.state_of(id).await, "unverified");
    let mut b = site.browser();
    let r = post_with_token(&mut b, "/account/verify", &[("token", &token)]).await;
    assert_eq!(r.status, 303, "{}", excerpt(&r.body));
    assert_eq!(
        r.location.as_deref(),
        Some("/account/sign-in?done=verified")
    );
    assert_eq!(site.state_of(id).await, "pending");

    // The same link again, from the same browser and from another one.
    let r = post_with_token(&mut b, "/account/verify", &[("token", &token)]).await;
    assert_bad_link(&r, "second use");
    let r = post_with_token(&mut site.browser(), "/account/verify", &[("token", &token)]).await;
    assert_bad_link(&r, "second use elsewhere");
    assert_eq!(site.audited("email.verified", Some(READER)).await, 1);
    assert_eq!(site.state_of(id).await, "pending");
}

#[tokio::test]
async fn an_expired_verification_link_is_refused() {
    let site = Site::new(false).await;
    let (id, token) = site.unverified(READER, "001099012345", None).await;
    sqlx::query("update account_tokens set expires_at = $1 where account_id = $2")
        .bind(now() - 60)
        .bind(id)
        .execute(&site.db.db.pool)
        .await
        .expect("expire the link");
    let r = post_with_token(&mut site.browser(), "/account/verify", &[("token", &token)]).await;
    assert_bad_link(&r, "expired");
    assert_eq!(site.state_of(id).await, "unverified");
    assert!(
        site.column(id, "coalesce(email_verified_at, '')")
            .await
            .is_empty()
    );

    // An invented token reads the same.
    let r = post_with_token(
        &mut site.browser(),
        "/account/verify",
        &[("token", "0123456789abcdef")],
    )
    .await;
    assert_bad_link(&r, "invented");
}

#[tokio::test]
async fn a_reset_link_works_once() {
    let site = Site::new(false).await;
    let id = site.user(READER, "Nguyễn Thị Lan", &[Role::Reader]).await;
    let token = reset_token(&site, READER).await;
    let mut b = site.browser();
    let r = post_with_token(
        &mut b,
        "/account/reset",
        &[("token", &token), ("password", NEW_PASSWORD)],
    )
    .await;
    assert_eq!(r.status, 303, "{}", excerpt(&r.body));
    assert_eq!(r.location.as_deref(), Some("/account/sign-in?done=reset"));
    let hash = site.column(id, "password_hash").await;

    // Replayed by someone who read the mail later: refused, the password stays.
    let again = [
        ("token", token.as_str()),
        ("password", "Mot-mat-khau-khac-han-2028"),
    ];
    let r = post_with_token(&mut site.browser(), "/account/reset", &again).await;
    assert_bad_link(&r, "second use");
    assert_eq!(site.column(id, "password_hash").await, hash);
    assert_eq!(
        sign_in(&mut site.browser(), READER, NEW_PASSWORD)
            .await
            .status,
        303
    );
    assert_eq!(
        sign_in(&mut site.browser(), READER, PASSWORD).await.status,
        422
    );
}

#[tokio::test]
async fn an_expired_reset_link_is_refused() {
    let site = Site::new(false).await;
    let id = site.user(READER, "Nguyễn Thị Lan", &[Role::Reader]).await;
    let token = reset_token(&site, READER).await;
    sqlx::query("update account_tokens set expires_at = $1 where account_id = $2")
        .bind(now() - 1)
        .bind(id)
        .execute(&site.db.db.pool)
        .await
        .expect("expire the link");
    let hash = site.column(id, "password_hash").await;
    let fields = [("token", token.as_str()), ("password", NEW_PASSWORD)];
    let r = post_with_token(&mut site.browser(), "/account/reset", &fields).await;
    assert_bad_link(&r, "expired reset");
    assert_eq!(site.column(id, "password_hash").await, hash);
}

#[tokio::test]
async fn a_link_works_only_for_its_own_purpose() {
    let site = Site::new(false).await;
    let (id, verify) = site.unverified(READER, "001099012345", None).await;
    let hash = site.column(id, "password_hash").await;

    // A verification link posted as a password reset: refused, nothing set, nothing spent.
    let fields = [("token", verify.as_str()), ("password", NEW_PASSWORD)];
    let r = post_with_token(&mut site.browser(), "/account/reset", &fields).await;
    assert_bad_link(&r, "verify token at reset");
    assert_eq!(site.column(id, "password_hash").await, hash);
    assert_eq!(site.state_of(id).await, "unverified");

    // A reset link posted as a verification: refused, and the account stays unverified.
    let active = site
        .user("mai.le@example.vn", "Lê Thị Mai", &[Role::Reader])
        .await;
    let reset = reset_token(&site, "mai.le@example.vn").await;
    let r = post_with_token(&mut site.browser(), "/account/verify", &[("token", &reset)]).await;
    assert_bad_link(&r, "reset token at verify");
    let r = post_with_token(
        &mut site.browser(),
        "/account/email/confirm",
        &[("token", &reset)],
    )
    .await;
    assert_bad_link(&r, "reset token at e-mail confirmation");
    assert_eq!(site.column(active, "email").await, "mai.le@example.vn");

    // Both links still do their own job afterwards.
    let r = post_with_token(
        &mut site.browser(),
        "/account/verify",
        &[("token", &verify)],
    )
    .await;
    assert_eq!(r.status, 303, "{}", excerpt(&r.body));
    assert_eq!(site.state_of(id).await, "pending");
    let fields = [("token", reset.as_str()), ("password", NEW_PASSWORD)];
    let r = post_with_token(&mut site.browser(), "/account/reset", &fields).await;
    assert_eq!(r.status, 303, "{}", excerpt(&r.body));
}
