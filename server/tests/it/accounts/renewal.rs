//! The end of a reader account's validity: the account page shows it expired, the reader asks
//! for renewal and goes back to the staff queue; the hourly housekeeping marks accounts expired
//! and warns readers a month ahead, once.

use super::client;
use super::steps::*;
use app::account::QueueEntry;
use portal::accounts::{Role, flows, now};

const DAY: i64 = 24 * 3600;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_reader_asks_for_renewal_and_is_queued_again_as_a_renewal() {
    let p = Portal::start(true).await;
    let email = "binh.do@example.vn";
    p.pending_reader("Đỗ Văn Bình", email).await;
    let mut staff = p.browser();
    p.add_user(
        "staff@archives.example.vn",
        "Cán Bộ Phòng Đọc",
        &[Role::Staff],
    )
    .await;
    let r = sign_in(&mut staff, "staff@archives.example.vn", PASSWORD).await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account"),
        "demo mode: no second factor"
    );
    let id = p.id(email).await;
    let page = format!("/staff/readers/{id}");
    let r = staff.submit(&page, &format!("{page}/activate"), &[]).await;
    assert_eq!(
        r.location.as_deref(),
        Some("/staff/readers?done=activated"),
        "{}",
        r.body
    );
    assert_eq!(p.state(email).await, "active");

    let mut reader = p.browser();
    sign_in(&mut reader, email, PASSWORD).await;
    let active = reader.get("/account").await;
    assert!(
        active.body.contains("data-state=\"active\""),
        "{}",
        active.body
    );
    assert!(
        !active.body.contains("data-testid=\"renew-form\""),
        "not renewable a year ahead"
    );
    let r = reader.submit("/account", "/account/renew", &[]).await;
    assert_eq!(r.status, 422, "too early to renew: {}", r.body);
    assert_eq!(p.state(email).await, "active");

    p.exec(
        "update accounts set expires_at = $1 where email = $2",
        now() - DAY,
        email,
    )
    .await;
    let expired = reader.get("/account").await;
    assert_eq!(expired.status, 200);
    assert!(
        expired.body.contains("data-state=\"expired\""),
        "{}",
        expired.body
    );
    assert!(expired.body.contains("data-testid=\"renew-form\""));
    let r = reader.submit("/account", "/account/renew", &[]).await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account?done=renewal"),
        "{}",
        r.body
    );
    assert_eq!(p.state(email).await, "pending");
    assert!(
        reader
            .get("/account")
            .await
            .body
            .contains("data-state=\"pending\"")
    );
    assert_eq!(p.audit_count("account.renewal_requested").await, 1);

    let queue = staff.server_fn("reader-queue", &[]).await;
    assert_eq!(queue.status, 200, "{}", queue.body);
    let queue: Vec<QueueEntry> = serde_json::from_str(&queue.body).expect("queue JSON");
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].email, email);
    assert!(queue[0].renewal, "marked as a renewal");
    let html = staff.get("/staff/readers").await.body;
    assert!(html.contains("Gia hạn"), "the queue page marks the renewal");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn housekeeping_marks_expired_accounts_and_warns_a_month_ahead_once() {
    let p = Portal::start(false).await;
    let soon = "soon@example.vn";
    let past = "past@example.vn";
    let later = "later@example.vn";
    for (email, name) in [
        (soon, "Người Sắp Hết"),
        (past, "Người Đã Hết"),
        (later, "Người Còn Lâu"),
    ] {
        p.add_user(email, name, &[Role::Reader]).await;
    }
    let at = now();
    p.exec(
        "update accounts set expires_at = $1 where email = $2",
        at + 10 * DAY,
        soon,
    )
    .await;
    p.exec(
        "update accounts set expires_at = $1 where email = $2",
        at - DAY,
        past,
    )
    .await;
    p.exec(
        "update accounts set expires_at = $1 where email = $2",
        at + 90 * DAY,
        later,
    )
    .await;

    let accounts = p.accounts();
    flows::housekeeping(&accounts).await.expect("housekeeping");
    assert_eq!(p.state(past).await, "expired");
    assert_eq!(p.state(soon).await, "active");
    assert_eq!(p.state(later).await, "active");
    assert_eq!(p.audit_count("account.expired").await, 1);
    assert_eq!(client::mail_count(p.dir(), soon), 1);
    let (subject, text) = p.mail(soon);
    assert!(subject.contains("sắp hết hạn"), "{subject}");
    let day = time::OffsetDateTime::from_unix_timestamp(at + 10 * DAY)
        .expect("date")
        .to_offset(time::macros::offset!(+7));
    let date = format!(
        "{:02}/{:02}/{}",
        day.day(),
        u8::from(day.month()),
        day.year()
    );
    assert!(
        text.contains(&date),
        "the mail names the day {date}: {text}"
    );
    assert!(client::link_in(&text, "/account").is_some(), "{text}");
    assert_eq!(client::mail_count(p.dir(), later), 0);

    flows::housekeeping(&accounts)
        .await
        .expect("housekeeping again");
    assert_eq!(client::mail_count(p.dir(), soon), 1, "warned once");
    assert_eq!(p.audit_count("account.expired").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_account_already_past_its_end_gets_no_will_expire_notice() {
    let p = Portal::start(false).await;
    let past = "past@example.vn";
    p.add_user(past, "Người Đã Hết", &[Role::Reader]).await;
    p.exec(
        "update accounts set expires_at = $1 where email = $2",
        now() - DAY,
        past,
    )
    .await;
    flows::housekeeping(&p.accounts())
        .await
        .expect("housekeeping");
    assert_eq!(p.state(past).await, "expired");
    assert_eq!(
        client::mail_count(p.dir(), past),
        0,
        "an account that has already ended is not told it 'will expire' on a past day"
    );
}
