//! Sessions under attack: a planted session id, forged or altered cookies, stolen sessions that
//! "sign out everywhere" and a password change must end, the twelve-hour limit, and sessions
//! kept in the database (they survive a restart and are shared by instances).

use super::{NEW_PASSWORD, PASSWORD, Site, excerpt, now, post_with_token, sign_in};
use crate::accounts::client::Browser;
use portal::accounts::Role;

const READER: &str = "lan.nguyen@example.vn";

/// A browser that presents `cookie` as its session.
fn with_cookie(site: &Site, cookie: &str) -> Browser {
    let mut b = site.browser();
    b.session = Some(cookie.to_string());
    b
}

/// Asserts the browser is treated as anonymous, by the page and by the server function.
async fn assert_anonymous(b: &mut Browser, what: &str) {
    let r = b.get("/account").await;
    assert_eq!(r.status, 401, "{what}: /account");
    assert!(
        !r.body.contains(READER),
        "{what}: the page names the reader"
    );
    let r = b.server_fn("account", &[]).await;
    assert_eq!(r.status, 401, "{what}: /sfn/account: {}", r.body);
}

#[tokio::test]
async fn signing_in_issues_a_new_session_id() {
    let site = Site::new(false).await;
    site.user(READER, "Nguyễn Thị Lan", &[Role::Reader]).await;
    let mut b = site.browser();
    let page = b.get("/account/sign-in").await;
    assert_eq!(page.status, 200);
    let planted = b
        .session
        .clone()
        .expect("the sign-in page starts a session");
    // An attacker who planted (or read) that id before the sign-in…
    let r = sign_in(&mut b, READER, PASSWORD).await;
    assert_eq!(r.status, 303, "{}", excerpt(&r.body));
    let after = b.session.clone().expect("a session after sign-in");
    assert_ne!(planted, after, "the id changes at sign-in");
    assert_eq!(b.get("/account").await.status, 200);
    // …gets nobody with it.
    assert_anonymous(&mut with_cookie(&site, &planted), "the planted id").await;
    let row: Option<Option<i64>> =
        sqlx::query_scalar("select account_id from sessions where id = $1")
            .bind(&planted)
            .fetch_optional(&site.db.db.pool)
            .await
            .expect("read sessions");
    assert!(row.flatten().is_none(), "the old id carries no account");
}

#[tokio::test]
async fn altered_and_invented_cookies_are_anonymous() {
    let site = Site::new(false).await;
    site.user(READER, "Nguyễn Thị Lan", &[Role::Reader]).await;
    let mut b = site.signed_in(READER).await;
    let real = b.session.clone().expect("a session");
    let mut flipped: Vec<char> = real.chars().collect();
    let i = flipped.len() / 2;
    flipped[i] = if flipped[i] == 'A' { 'B' } else { 'A' };
    let flipped: String = flipped.into_iter().collect();
    let forged = [
        ("one character changed", flipped),
        ("invented", "AAAAAAAAAAAAAAAAAAAAAA".to_string()),
        ("extra junk", format!("{real}x")),
        ("extra junk after a dot", format!("{real}.eyJ1aWQiOjF9")),
        ("too short", real.chars().take(8).collect()),
        ("path", "..%2F..%2Fetc%2Fpasswd".to_string()),
        ("empty", String::new()),
    ];
    for (what, cookie) in forged {
        assert_anonymous(&mut with_cookie(&site, &cookie), what).await;
    }
    assert_eq!(
        b.get("/account").await.status,
        200,
        "the real cookie still works"
    );
}

#[tokio::test]
async fn signing_out_everywhere_ends_every_session() {
    let site = Site::new(false).await;
    let id = site.user(READER, "Nguyễn Thị Lan", &[Role::Reader]).await;
    let mut laptop = site.signed_in(READER).await;
    let mut stolen = site.signed_in(READER).await;
    let stolen_cookie = stolen.session.clone().expect("a session");
    assert_eq!(stolen.get("/account").await.status, 200);

    let r = post_with_token(&mut laptop, "/account/sign-out-everywhere", &[]).await;
    assert_eq!(r.status, 303, "{}", excerpt(&r.body));
    assert_eq!(
        r.location.as_deref(),
        Some("/account/sign-in?done=signed-out-everywhere")
    );
    assert_anonymous(&mut stolen, "the other browser").await;
    assert_anonymous(
        &mut with_cookie(&site, &stolen_cookie),
        "a copy of its cookie",
    )
    .await;
    assert_anonymous(&mut laptop, "the browser that signed out").await;
    let left: i64 = sqlx::query_scalar("select count(*) from sessions where account_id = $1")
        .bind(id)
        .fetch_one(&site.db.db.pool)
        .await
        .expect("count sessions");
    assert_eq!(left, 0);
    assert_eq!(site.audited("sign_out.everywhere", Some(READER)).await, 1);
    // Signing in again works.
    assert_eq!(
        site.signed_in(READER).await.get("/account").await.status,
        200
    );
}

#[tokio::test]
async fn a_password_change_ends_the_other_sessions_but_not_this_one() {
    let site = Site::new(false).await;
    site.user(READER, "Nguyễn Thị Lan", &[Role::Reader]).await;
    let mut mine = site.signed_in(READER).await;
    let mut stolen = site.signed_in(READER).await;
    let before = mine.session.clone();
    let fields = [("current_password", PASSWORD), ("password", NEW_PASSWORD)];
    let r = post_with_token(&mut mine, "/account/password", &fields).await;
    assert_eq!(r.status, 303, "{}", excerpt(&r.body));
    assert_eq!(r.location.as_deref(), Some("/account?done=password"));
    assert_ne!(mine.session, before, "a new id after the change");
    assert_eq!(
        mine.get("/account").await.status,
        200,
        "this session goes on"
    );
    assert_anonymous(&mut stolen, "the other session").await;
    if let Some(old) = before {
        assert_anonymous(&mut with_cookie(&site, &old), "the old id of this session").await;
    }
    assert_eq!(
        sign_in(&mut site.browser(), READER, PASSWORD).await.status,
        422
    );
    assert_eq!(
        sign_in(&mut site.browser(), READER, NEW_PASSWORD)
            .await
            .status,
        303
    );
}

#[tokio::test]
async fn a_sign_in_ends_after_twelve_hours_however_busy() {
    let site = Site::new(false).await;
    site.user(READER, "Nguyễn Thị Lan", &[Role::Reader]).await;
    let mut b = site.signed_in(READER).await;
    assert_eq!(b.get("/account").await.status, 200);
    let id = b.session.clone().expect("a session");
    let data: String = sqlx::query_scalar("select data from sessions where id = $1")
        .bind(&id)
        .fetch_one(&site.db.db.pool)
        .await
        .expect("the session row");
    let mut data: serde_json::Value = serde_json::from_str(&data).expect("session JSON");
    assert!(data["signed_in_at"].is_i64(), "{data}");
    // Used a minute ago, but signed in thirteen hours ago.
    data["signed_in_at"] = serde_json::json!(now() - 13 * 3600);
    sqlx::query("update sessions set data = $1 where id = $2")
        .bind(data.to_string())
        .bind(&id)
        .execute(&site.db.db.pool)
        .await
        .expect("age the sign-in");
    assert_anonymous(&mut b, "a sign-in of thirteen hours ago").await;
    assert!(site.audited("session.expired", Some(READER)).await >= 1);
    assert_anonymous(&mut with_cookie(&site, &id), "its old cookie").await;
}

#[tokio::test]
async fn sessions_survive_a_restart_and_are_shared_by_instances() {
    let site = Site::new(false).await;
    site.user(READER, "Nguyễn Thị Lan", &[Role::Reader]).await;
    let mut a = site.signed_in(READER).await;
    let cookie = a.session.clone().expect("a session");
    // A second server on the same database: a restart, or a second instance.
    let other = site.db.serve_config(site.config.clone()).await;
    assert_ne!(other, site.base);
    let mut b = Browser::new(&other);
    b.session = Some(cookie);
    let r = b.get("/account").await;
    assert_eq!(r.status, 200, "{}", excerpt(&r.body));
    assert!(r.body.contains(READER) || r.body.contains("Nguyễn Thị Lan"));
    // Signing out on the second ends the session on the first.
    let r = post_with_token(&mut b, "/account/sign-out", &[]).await;
    assert_eq!(r.status, 303, "{}", excerpt(&r.body));
    assert_anonymous(&mut a, "after signing out on the other instance").await;
}
