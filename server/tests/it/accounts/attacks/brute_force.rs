//! Guessing passwords: after the free attempts every sign-in must wait, the right password
//! included, for a known and an unknown address alike; the wait has a ceiling, and a success
//! forgets the account's failures.

use super::{PASSWORD, Site, WRONG, excerpt, form_error, now, sign_in};
use crate::accounts::client::Browser;
use portal::accounts::{Role, flows, throttle};
use std::time::Duration;

const KNOWN: &str = "lan.nguyen@example.vn";
const UNKNOWN: &str = "khong.ai@example.vn";

/// The seconds of a "try again in N seconds" message.
fn wait_in(message: &str) -> Option<i64> {
    let rest = message.split("thử lại sau ").nth(1)?;
    rest.split_whitespace().next()?.parse().ok()
}

/// The message with its numbers blanked: the shape two messages must share.
fn shape(message: &str) -> String {
    message
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// The failure count stored under a throttle key.
async fn failures(site: &Site, key: &str) -> Option<i64> {
    sqlx::query_scalar("select failures from auth_failures where key = $1")
        .bind(key)
        .fetch_optional(&site.db.db.pool)
        .await
        .expect("read the counter")
}

/// Five wrong passwords, each answered with the one sign-in message.
async fn five_wrong(b: &mut Browser, email: &str) {
    for n in 1..=5 {
        let r = sign_in(b, email, WRONG).await;
        assert_eq!(r.status, 422, "attempt {n} for {email}");
        assert_eq!(
            form_error(&r.body).as_deref(),
            Some(flows::BAD_SIGN_IN),
            "attempt {n}"
        );
    }
}

/// Goes on guessing until the server asks for a wait of at least `min` seconds, so that the
/// next request surely falls inside it (after the fifth failure the wait is one second, shorter
/// than a password check). Returns that message.
async fn guess_until_waiting(b: &mut Browser, email: &str, min: i64) -> String {
    for _ in 0..30 {
        let r = sign_in(b, email, WRONG).await;
        assert_eq!(r.status, 422, "a guess for {email}");
        let message = form_error(&r.body).expect("a message for the form");
        match wait_in(&message) {
            Some(s) if s >= min => return message,
            // Let the short wait pass: the next guess counts and doubles it.
            Some(s) => tokio::time::sleep(Duration::from_secs(s.max(1) as u64)).await,
            None => assert_eq!(message, flows::BAD_SIGN_IN),
        }
    }
    panic!("guessing for {email} was never slowed down");
}

#[tokio::test]
async fn guessing_is_slowed_down_for_known_and_unknown_addresses_alike() {
    let site = Site::new(false).await;
    site.user(KNOWN, "Nguyễn Thị Lan", &[Role::Reader]).await;

    let mut b = site.browser();
    five_wrong(&mut b, KNOWN).await;
    assert_eq!(failures(&site, &format!("account:{KNOWN}")).await, Some(5));
    let known = guess_until_waiting(&mut b, KNOWN, 3).await;
    // The right password is refused too while the wait lasts.
    let r = sign_in(&mut b, KNOWN, PASSWORD).await;
    assert_eq!(r.status, 422, "{}", excerpt(&r.body));
    let message = form_error(&r.body).expect("a message");
    assert!(message.contains("thử lại sau"), "{message}");
    assert!(wait_in(&message).is_some_and(|s| s > 0), "{message}");
    assert_eq!(
        b.get("/account").await.status,
        401,
        "the guesser is not signed in"
    );
    assert!(site.audited("sign_in.throttled", Some(KNOWN)).await >= 2);
    assert_eq!(site.audited("sign_in.ok", None).await, 0);

    // Forget the client address's count, so only the typed address is throttled below.
    sqlx::query("delete from auth_failures where key like 'address:%'")
        .execute(&site.db.db.pool)
        .await
        .expect("reset the address counter");
    let mut other = site.browser();
    five_wrong(&mut other, UNKNOWN).await;
    let unknown = guess_until_waiting(&mut other, UNKNOWN, 3).await;
    assert_eq!(
        shape(&known),
        shape(&unknown),
        "the wait reads the same for both"
    );
    assert!(site.audited("sign_in.throttled", Some(UNKNOWN)).await >= 1);
}

#[tokio::test]
async fn the_wait_has_a_ceiling_and_a_success_forgets_the_failures() {
    for limit in [
        throttle::ACCOUNT,
        throttle::ADDRESS,
        throttle::SECOND_FACTOR,
    ] {
        assert!(
            limit.ceiling <= 15 * 60,
            "nobody is locked out for long: {limit:?}"
        );
        assert_eq!(throttle::wait_after(limit, 1_000_000), limit.ceiling);
        assert_eq!(throttle::wait_after(limit, i64::MAX), limit.ceiling);
    }
    let site = Site::new(false).await;
    site.user(KNOWN, "Nguyễn Thị Lan", &[Role::Reader]).await;
    let key = format!("account:{KNOWN}");
    // A million failures just now: the wait is the ceiling, not more.
    sqlx::query("insert into auth_failures (key, failures, last_at) values ($1, 1000000, $2)")
        .bind(&key)
        .bind(now())
        .execute(&site.db.db.pool)
        .await
        .expect("store failures");
    let mut b = site.browser();
    let r = sign_in(&mut b, KNOWN, PASSWORD).await;
    assert_eq!(r.status, 422);
    let message = form_error(&r.body).expect("a message");
    let wait = wait_in(&message).expect("a wait in the message");
    assert!(
        (throttle::ACCOUNT.ceiling - 5..=throttle::ACCOUNT.ceiling).contains(&wait),
        "{message}"
    );

    // Once the wait has passed, the right password signs in and clears the account's count.
    sqlx::query("update auth_failures set last_at = $1 where key = $2")
        .bind(now() - throttle::ACCOUNT.ceiling - 1)
        .bind(&key)
        .execute(&site.db.db.pool)
        .await
        .expect("age the failures");
    let r = sign_in(&mut b, KNOWN, PASSWORD).await;
    assert_eq!(r.status, 303, "{}", excerpt(&r.body));
    assert_eq!(b.get("/account").await.status, 200);
    assert_eq!(failures(&site, &key).await, None, "the counter is gone");
    // A later mistake starts from one again, without any wait.
    let mut c = site.browser();
    let r = sign_in(&mut c, KNOWN, WRONG).await;
    assert_eq!(form_error(&r.body).as_deref(), Some(flows::BAD_SIGN_IN));
    assert_eq!(failures(&site, &key).await, Some(1));
}
