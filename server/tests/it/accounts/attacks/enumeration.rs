//! Account enumeration: registration, "forgot password" and a failed sign-in answer the same
//! whether or not the address has an account (status, redirect, page and message).

use super::{PASSWORD, Site, excerpt, form_error, post_with_token, sign_in};
use crate::accounts::client::{self, Answer, Browser};
use portal::accounts::{Role, flows};

const KNOWN: &str = "lan.nguyen@example.vn";
const UNKNOWN: &str = "khong.ai@example.vn";

/// The first value of attribute `name` in a page.
fn attribute<'a>(html: &'a str, name: &str) -> Option<&'a str> {
    let pattern = format!("{name}=\"");
    let at = html.find(&pattern)? + pattern.len();
    html[at..].split('"').next()
}

/// A page with what may differ between two visitors blanked: the session's CSRF token, the
/// page's script nonce and the address that was typed.
fn normalised(b: &Answer, typed: &str) -> String {
    let mut body = b.body.replace(typed, "EMAIL");
    let token = client::csrf_in(&b.body);
    let nonce = attribute(&b.body, "crossorigin").or_else(|| attribute(&b.body, "nonce"));
    for (secret, blank) in [(Some(token.as_str()), "CSRF"), (nonce, "NONCE")] {
        if let Some(secret) = secret.filter(|s| s.len() >= 8) {
            body = body.replace(secret, blank);
        }
    }
    body
}

/// The first line where two bodies differ, for assertion messages.
fn first_difference(a: &str, b: &str) -> String {
    let at = a
        .chars()
        .zip(b.chars())
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    let from = at.saturating_sub(80);
    let part = |s: &str| s.chars().skip(from).take(200).collect::<String>();
    format!("\n  known:   {}\n  unknown: {}", part(a), part(b))
}

#[tokio::test]
async fn registration_answers_the_same_for_a_taken_address() {
    let site = Site::new(false).await;
    let id = site.user(KNOWN, "Nguyễn Thị Lan", &[Role::Reader]).await;
    let hash = site.column(id, "password_hash").await;

    let taken = site.register(KNOWN, "001099012345", None).await;
    let fresh = site
        .register("mai.le@example.vn", "001099012346", None)
        .await;
    assert_eq!(taken.status, 303, "{}", excerpt(&taken.body));
    assert_eq!(
        (taken.status, &taken.location),
        (fresh.status, &fresh.location)
    );
    assert_eq!(taken.location.as_deref(), Some("/account/register/sent"));

    // The existing account was neither replaced nor changed.
    assert_eq!(site.id_of(KNOWN).await, id);
    assert_eq!(site.state_of(id).await, "active");
    assert_eq!(site.column(id, "password_hash").await, hash);
    assert_eq!(site.column(id, "identity_number").await, "");
    assert_eq!(site.account_count().await, 2);
    assert_eq!(site.audited("register.duplicate", Some(KNOWN)).await, 1);
    assert_eq!(
        client::mail_count(site.db.dir.path(), "mai.le@example.vn"),
        1
    );
}

/// Asks for a reset link for `email` from a fresh browser, then follows the redirect.
async fn forgot(site: &Site, email: &str) -> (Answer, Answer) {
    let mut b = site.browser();
    let r = post_with_token(&mut b, "/account/forgot", &[("email", email)]).await;
    let page = b
        .get(r.location.as_deref().unwrap_or("/account/forgot"))
        .await;
    (r, page)
}

#[tokio::test]
async fn forgot_password_answers_the_same_for_an_unknown_address() {
    let site = Site::new(false).await;
    site.user(KNOWN, "Nguyễn Thị Lan", &[Role::Reader]).await;
    let (known, known_page) = forgot(&site, KNOWN).await;
    let (unknown, unknown_page) = forgot(&site, UNKNOWN).await;
    assert_eq!(known.status, 303, "{}", excerpt(&known.body));
    assert_eq!(
        (known.status, &known.location),
        (unknown.status, &unknown.location)
    );
    assert_eq!(known.location.as_deref(), Some("/account/forgot?done=sent"));
    assert_eq!(known_page.status, 200);
    assert_eq!(known_page.status, unknown_page.status);
    let (a, b) = (
        normalised(&known_page, KNOWN),
        normalised(&unknown_page, UNKNOWN),
    );
    assert!(a == b, "the pages differ:{}", first_difference(&a, &b));
    assert!(
        a.contains("data-done=\"sent\""),
        "the confirmation is shown"
    );
    // Only the real account got a message.
    assert_eq!(client::mail_count(site.db.dir.path(), KNOWN), 1);
    assert_eq!(client::mail_count(site.db.dir.path(), UNKNOWN), 0);
}

async fn wrong_password(site: &Site, email: &str) -> Answer {
    let mut b: Browser = site.browser();
    sign_in(&mut b, email, "Khong-dung-dau-nhe-2026").await
}

#[tokio::test]
async fn a_failed_sign_in_reads_the_same_for_an_unknown_address() {
    let site = Site::new(false).await;
    site.user(KNOWN, "Nguyễn Thị Lan", &[Role::Reader]).await;
    let known = wrong_password(&site, KNOWN).await;
    let unknown = wrong_password(&site, UNKNOWN).await;
    assert_eq!(known.status, 422, "{}", excerpt(&known.body));
    assert_eq!(known.status, unknown.status);
    assert_eq!(known.location, unknown.location);
    let message = form_error(&known.body);
    assert_eq!(message.as_deref(), Some(flows::BAD_SIGN_IN));
    assert_eq!(message, form_error(&unknown.body));
    let (a, b) = (normalised(&known, KNOWN), normalised(&unknown, UNKNOWN));
    assert!(a == b, "the pages differ:{}", first_difference(&a, &b));

    // A suspended account's right password is the only case told apart, and only to someone
    // who knows the password; its wrong password reads like any other.
    let id = site.id_of(KNOWN).await;
    sqlx::query("update accounts set state = 'suspended' where account_id = $1")
        .bind(id)
        .execute(&site.db.db.pool)
        .await
        .expect("suspend");
    let suspended = wrong_password(&site, KNOWN).await;
    assert_eq!(suspended.status, 422);
    assert_eq!(
        form_error(&suspended.body).as_deref(),
        Some(flows::BAD_SIGN_IN)
    );
    let right = sign_in(&mut site.browser(), KNOWN, PASSWORD).await;
    assert_eq!(right.status, 422, "a suspended account does not sign in");
}
