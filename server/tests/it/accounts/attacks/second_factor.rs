//! The second factor under attack: guessing codes is slowed down like passwords, a stolen
//! password cannot replace an enrolled authenticator, and a recovery code works once.

use super::{PASSWORD, Site, excerpt, now, post_with_token, sign_in};
use crate::accounts::client::{self, Browser};
use portal::accounts::Role;
use std::time::Duration;

const STAFF: &str = "thu.tran@example.vn";

/// The message beside a field, if any.
fn field_error(html: &str, name: &str) -> Option<String> {
    let at = html.find(&format!("data-testid=\"field-error-{name}\""))?;
    let rest = &html[at..];
    let text = &rest[rest.find('>')? + 1..];
    Some(text[..text.find('<')?].to_string())
}

fn wait_in(message: &str) -> Option<i64> {
    let rest = message.split("thử lại sau ").nth(1)?;
    rest.split_whitespace().next()?.parse().ok()
}

/// A six-digit code that is not valid around now.
fn wrong_code(secret: &str) -> String {
    let valid: Vec<String> = (-2..=2).map(|o| client::totp_code(secret, o)).collect();
    (0..10)
        .map(|d| format!("{d}{d}{d}{d}{d}{d}"))
        .find(|c| !valid.contains(c))
        .expect("a wrong code")
}

/// A staff account signed in and enrolled; returns its secret and recovery codes.
async fn enrolled(site: &Site, email: &str) -> (String, Vec<String>) {
    site.user(email, "Trần Văn Thu", &[Role::Staff]).await;
    let mut b = site.browser();
    let r = sign_in(&mut b, email, PASSWORD).await;
    assert_eq!(r.location.as_deref(), Some("/account/2fa/setup"));
    let setup = b.server_fn("totp-setup", &[]).await;
    assert_eq!(setup.status, 200, "{}", setup.body);
    let setup: serde_json::Value = serde_json::from_str(&setup.body).expect("JSON");
    let secret = setup["secret"].as_str().expect("a secret").to_string();
    let code = client::totp_code(&secret, 0);
    let r = post_with_token(&mut b, "/account/2fa/setup", &[("code", &code)]).await;
    assert_eq!(r.status, 303, "{}", excerpt(&r.body));
    let codes = b.server_fn("recovery-codes", &[]).await;
    assert_eq!(codes.status, 200, "{}", codes.body);
    let codes: Vec<String> = serde_json::from_str(&codes.body).expect("JSON");
    assert!(!codes.is_empty());
    (secret, codes)
}

/// A browser past the password, facing the second factor.
async fn at_second_factor(site: &Site, email: &str) -> Browser {
    let mut b = site.browser();
    let r = sign_in(&mut b, email, PASSWORD).await;
    assert_eq!(r.status, 303);
    assert_eq!(r.location.as_deref(), Some("/account/2fa"));
    b
}

async fn code(b: &mut Browser, code: &str) -> crate::accounts::client::Answer {
    post_with_token(b, "/account/2fa", &[("code", code)]).await
}

#[tokio::test]
async fn guessing_codes_is_slowed_down() {
    let site = Site::new(false).await;
    let (secret, _) = enrolled(&site, STAFF).await;
    let id = site.id_of(STAFF).await;
    let mut b = at_second_factor(&site, STAFF).await;
    let wrong = wrong_code(&secret);
    let mut waiting = None;
    for _ in 0..30 {
        let r = code(&mut b, &wrong).await;
        assert_eq!(r.status, 422, "{}", excerpt(&r.body));
        let message = field_error(&r.body, "code").expect("a message beside the code");
        match wait_in(&message) {
            Some(s) if s >= 3 => {
                waiting = Some(message);
                break;
            }
            Some(s) => tokio::time::sleep(Duration::from_secs(s.max(1) as u64)).await,
            None => assert!(message.contains("Mã không đúng"), "{message}"),
        }
    }
    assert!(waiting.is_some(), "guessing codes was never slowed down");
    // Inside the wait even the right code is refused.
    let r = code(&mut b, &client::totp_code(&secret, 1)).await;
    assert_eq!(r.status, 422);
    let message = field_error(&r.body, "code").unwrap_or_default();
    assert!(message.contains("thử lại sau"), "{message}");
    assert_eq!(b.get("/account").await.status, 401);
    assert!(site.audited("second_factor.throttled", Some(STAFF)).await >= 2);

    // Once the wait is over the right code signs in and the count is forgotten.
    let key = format!("totp:{id}");
    sqlx::query("update auth_failures set last_at = $1 where key = $2")
        .bind(now() - 3600)
        .bind(&key)
        .execute(&site.db.db.pool)
        .await
        .expect("age the failures");
    let r = code(&mut b, &client::totp_code(&secret, 1)).await;
    assert_eq!(r.status, 303, "{}", excerpt(&r.body));
    assert_eq!(b.get("/account").await.status, 200);
    let left: i64 = sqlx::query_scalar("select count(*) from auth_failures where key = $1")
        .bind(&key)
        .fetch_one(&site.db.db.pool)
        .await
        .expect("count");
    assert_eq!(left, 0);
}

#[tokio::test]
async fn a_stolen_password_cannot_replace_the_authenticator() {
    let site = Site::new(false).await;
    let (secret, _) = enrolled(&site, STAFF).await;
    let id = site.id_of(STAFF).await;
    let stored = site.column(id, "totp_secret").await;
    let mut thief = at_second_factor(&site, STAFF).await;
    let setup = thief.server_fn("totp-setup", &[]).await;
    assert_eq!(
        setup.status, 403,
        "a new secret for a half signed-in account: {}",
        setup.body
    );
    assert!(!setup.body.contains("otpauth"));
    for guess in [wrong_code(&secret), "123456".to_string()] {
        let r = post_with_token(&mut thief, "/account/2fa/setup", &[("code", &guess)]).await;
        assert_ne!(r.status, 303, "enrolment with {guess}");
        assert!(r.status >= 400, "enrolment with {guess}: {}", r.status);
    }
    assert_eq!(site.column(id, "totp_secret").await, stored);
    assert_eq!(thief.get("/account").await.status, 401);
    assert_eq!(thief.server_fn("recovery-codes", &[]).await.status, 401);
    assert_eq!(site.audited("second_factor.enrolled", Some(STAFF)).await, 1);
}

#[tokio::test]
async fn a_recovery_code_works_once() {
    let site = Site::new(false).await;
    let (_, codes) = enrolled(&site, STAFF).await;
    let mut first = at_second_factor(&site, STAFF).await;
    let r = code(&mut first, &codes[0]).await;
    assert_eq!(r.status, 303, "{}", excerpt(&r.body));
    assert_eq!(first.get("/account").await.status, 200);
    assert_eq!(site.audited("recovery_code.used", Some(STAFF)).await, 1);

    let mut again = at_second_factor(&site, STAFF).await;
    let r = code(&mut again, &codes[0]).await;
    assert_eq!(r.status, 422, "a used recovery code");
    assert!(field_error(&r.body, "code").is_some());
    assert_eq!(again.get("/account").await.status, 401);
    // Another one of the codes still works.
    let r = code(&mut again, &codes[1]).await;
    assert_eq!(r.status, 303, "{}", excerpt(&r.body));
}
