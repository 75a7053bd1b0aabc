//! Staff in production mode: enrolling the second factor, the verification queue with its
//! deadline, a registration's details and evidence file, activating and refusing; the second
//! factor at later sign-ins; demo mode without a second factor and with the outbox page.

use super::client::{self, Browser};
use super::steps::*;
use app::account::QueueEntry;
use portal::accounts::Role;

const STAFF: &str = "thu.ngo@archives.example.vn";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_enrol_a_second_factor_at_their_first_sign_in() {
    let p = Portal::start(false).await;
    p.add_user(STAFF, "Ngô Thị Thu", &[Role::Staff]).await;
    let mut b = p.browser();
    let r = sign_in(&mut b, STAFF, PASSWORD).await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account/2fa/setup"),
        "{}",
        r.body
    );
    assert_eq!(
        b.get("/staff/readers").await.status,
        401,
        "not signed in before enrolment"
    );
    let page = b.get("/account/2fa/setup").await;
    assert_eq!(page.status, 200, "{}", page.body);
    let secret: String = text_at(&page.body, "data-testid=\"totp-secret\"").replace(' ', "");
    let uri_at = page.body.find("otpauth://totp/").expect("the otpauth URI");
    let uri_secret = page.body[uri_at..]
        .split("secret=")
        .nth(1)
        .expect("secret=");
    assert!(
        uri_secret.starts_with(&secret),
        "the URI carries the secret shown as text"
    );
    assert!(
        page.body.contains("role=\"img\"") && page.body.contains("<svg"),
        "a QR code"
    );

    let wrong = wrong_code(&secret);
    let r = b
        .submit(
            "/account/2fa/setup",
            "/account/2fa/setup",
            &[("code", &wrong)],
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("id=\"code-error\""), "{}", r.body);
    assert!(p.column(STAFF, "totp_secret").await.is_none());

    let code = client::totp_code(&secret, 0);
    let r = b
        .submit(
            "/account/2fa/setup",
            "/account/2fa/setup",
            &[("code", &code)],
        )
        .await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account/2fa/recovery-codes"),
        "{}",
        r.body
    );
    let shown = b.get("/account/2fa/recovery-codes").await;
    let codes = recovery_codes(&shown.body);
    assert_eq!(codes.len(), 10, "{}", shown.body);
    assert!(codes.iter().all(|c| c.len() == 14), "{codes:?}");
    let again = b.get("/account/2fa/recovery-codes").await;
    assert!(recovery_codes(&again.body).is_empty(), "shown once");
    assert_eq!(p.column(STAFF, "totp_secret").await, Some(secret));
    let stored: i64 = sqlx::query_scalar("select count(*) from recovery_codes")
        .fetch_one(&p.db.db.pool)
        .await
        .expect("count");
    assert_eq!(stored, 10);
    assert_eq!(
        b.get("/staff/readers").await.status,
        200,
        "signed in after enrolment"
    );
    assert_eq!(p.audit_count("second_factor.enrolled").await, 1);
}

/// A 6-digit code that is valid at no step near now.
fn wrong_code(secret: &str) -> String {
    let valid: Vec<String> = (-2..=2).map(|o| client::totp_code(secret, o)).collect();
    (0..1000)
        .map(|n| format!("{:06}", n * 997 % 1_000_000))
        .find(|c| !valid.contains(c))
        .expect("a wrong code")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_see_the_queue_oldest_first_and_activate_or_refuse_with_a_reason() {
    let p = Portal::start(false).await;
    let (mut staff, _, _) = enrolled(&p, STAFF, "Ngô Thị Thu", &[Role::Staff]).await;
    let (first, second) = ("an@example.vn", "binh@example.vn");
    // The second registers first (a smaller id) but confirms its address later.
    let mut b = p.browser();
    let fields = registration("Hoàng Văn Bình", second, "01");
    let r = register(&mut b, &fields, Some(("the sinh vien.pdf", PDF))).await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account/register/sent"),
        "{}",
        r.body
    );
    let r = register(
        &mut p.browser(),
        &registration("Đặng Thị An", first, "10"),
        None,
    )
    .await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account/register/sent"),
        "{}",
        r.body
    );
    p.verify(first).await;
    p.verify(second).await;

    let queue = staff.server_fn("reader-queue", &[]).await;
    assert_eq!(queue.status, 200, "{}", queue.body);
    let queue: Vec<QueueEntry> = serde_json::from_str(&queue.body).expect("queue JSON");
    let order: Vec<&str> = queue.iter().map(|e| e.email.as_str()).collect();
    assert_eq!(order, [first, second], "oldest confirmation first");
    for e in &queue {
        assert!(!e.deadline.is_empty() && !e.overdue && !e.renewal, "{e:?}");
        let received = time::OffsetDateTime::parse(
            &e.received_at,
            &time::format_description::well_known::Rfc3339,
        );
        let deadline = time::OffsetDateTime::parse(
            &e.deadline,
            &time::format_description::well_known::Rfc3339,
        );
        assert!(
            deadline.expect("deadline") > received.expect("received"),
            "{e:?}"
        );
    }
    let page = staff.get("/staff/readers").await;
    assert_eq!(page.status, 200);
    let (a, c) = (
        page.body.find("Đặng Thị An"),
        page.body.find("Hoàng Văn Bình"),
    );
    assert!(a.is_some() && a < c, "listed oldest first");

    let (id_first, id_second) = (p.id(first).await, p.id(second).await);
    let detail = staff.get(&format!("/staff/readers/{id_second}")).await;
    assert_eq!(detail.status, 200, "{}", detail.body);
    for shown in [
        "Hoàng Văn Bình",
        second,
        CCCD,
        "Nghiên cứu lịch sử địa phương",
    ] {
        assert!(
            detail.body.contains(shown),
            "{shown} missing from the detail page"
        );
    }
    let evidence = format!("/staff/readers/{id_second}/evidence");
    assert!(
        detail.body.contains(&format!("href=\"{evidence}\"")),
        "the evidence link"
    );

    let page = format!("/staff/readers/{id_first}");
    let r = staff.submit(&page, &format!("{page}/activate"), &[]).await;
    assert_eq!(
        r.location.as_deref(),
        Some("/staff/readers?done=activated"),
        "{}",
        r.body
    );
    assert_eq!(p.state(first).await, "active");
    let expires: i64 = sqlx::query_scalar("select expires_at from accounts where email = $1")
        .bind(first)
        .fetch_one(&p.db.db.pool)
        .await
        .expect("expiry");
    let days = (expires - portal::accounts::now()) / (24 * 3600);
    assert!(
        (360..=370).contains(&days),
        "valid about a year: {days} days"
    );
    let (subject, text) = p.mail(first);
    assert!(subject.contains("kích hoạt"), "{subject}");
    assert!(
        client::link_in(&text, "/account/sign-in").is_some(),
        "{text}"
    );
    assert_eq!(p.audit_count("reader.activated").await, 1);

    let page = format!("/staff/readers/{id_second}");
    let refuse = format!("{page}/refuse");
    let r = staff.submit(&page, &refuse, &[("reason", "")]).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("id=\"reason-error\""), "{}", r.body);
    assert_eq!(p.state(second).await, "pending");
    let reason = "Ảnh thẻ sinh viên bị mờ, không đọc được họ tên";
    let r = staff.submit(&page, &refuse, &[("reason", reason)]).await;
    assert_eq!(
        r.location.as_deref(),
        Some("/staff/readers?done=refused"),
        "{}",
        r.body
    );
    assert_eq!(p.state(second).await, "refused");
    assert_eq!(
        p.column(second, "refusal_reason").await.as_deref(),
        Some(reason)
    );
    let (_, text) = p.mail(second);
    assert!(text.contains(reason), "{text}");
    let mut reader = p.browser();
    sign_in(&mut reader, second, PASSWORD).await;
    let account = reader.get("/account").await;
    assert!(
        account.body.contains("data-state=\"refused\""),
        "{}",
        account.body
    );
    assert!(account.body.contains(reason));
    let left: Vec<QueueEntry> =
        serde_json::from_str(&staff.server_fn("reader-queue", &[]).await.body).expect("JSON");
    assert!(left.is_empty(), "{left:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn later_sign_ins_need_a_fresh_code_or_an_unused_recovery_code() {
    let p = Portal::start(false).await;
    let (_, secret, codes) = enrolled(&p, STAFF, "Ngô Thị Thu", &[Role::Staff]).await;
    let mut b = p.browser();
    let r = sign_in(&mut b, STAFF, PASSWORD).await;
    assert_eq!(r.location.as_deref(), Some("/account/2fa"), "{}", r.body);
    assert_eq!(
        b.get("/account").await.status,
        401,
        "the password alone does not sign in"
    );
    let r = code(&mut b, &wrong_code(&secret)).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("id=\"code-error\""), "{}", r.body);
    assert_eq!(p.audit_count("second_factor.failed").await, 1);
    // The enrolment used the code of the current step; the next step's code is fresh.
    let fresh = client::totp_code(&secret, 1);
    let r = code(&mut b, &fresh).await;
    assert_eq!(r.location.as_deref(), Some("/account"), "{}", r.body);
    assert_eq!(b.get("/account").await.status, 200);

    let mut replay = p.browser();
    sign_in(&mut replay, STAFF, PASSWORD).await;
    let r = code(&mut replay, &fresh).await;
    assert_eq!(r.status, 422, "a code is accepted once: {}", r.body);
    assert_eq!(replay.get("/account").await.status, 401);
    let r = code(&mut replay, &codes[0].to_uppercase()).await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account"),
        "a recovery code: {}",
        r.body
    );
    assert_eq!(p.audit_count("recovery_code.used").await, 1);

    let mut reuse = p.browser();
    sign_in(&mut reuse, STAFF, PASSWORD).await;
    let r = code(&mut reuse, &codes[0]).await;
    assert_eq!(r.status, 422, "a recovery code works once: {}", r.body);
    assert_eq!(p.audit_count("second_factor.failed").await, 3);
    let r = code(&mut reuse, &codes[1]).await;
    assert_eq!(r.location.as_deref(), Some("/account"), "{}", r.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_mode_signs_staff_in_without_a_second_factor_and_shows_the_outbox() {
    let p = Portal::start(true).await;
    p.add_user(STAFF, "Ngô Thị Thu", &[Role::Staff, Role::Admin])
        .await;
    let reader = "khanh@example.vn";
    let r = register(
        &mut p.browser(),
        &registration("Bùi Văn Khánh", reader, "10"),
        None,
    )
    .await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account/register/sent"),
        "{}",
        r.body
    );
    let mut b = p.browser();
    let r = sign_in(&mut b, STAFF, PASSWORD).await;
    assert_eq!(r.location.as_deref(), Some("/account"), "{}", r.body);
    assert_eq!(b.get("/staff/readers").await.status, 200);

    let outbox = b.get("/admin/outbox").await;
    assert_eq!(outbox.status, 200, "{}", outbox.body);
    assert_eq!(outbox.body.matches("data-testid=\"outbox-row\"").count(), 1);
    assert!(outbox.body.contains(reader) && outbox.body.contains("Xác nhận địa chỉ e-mail"));
    let file = portal::readers::mail::list_outbox(&client::outbox(p.dir()))
        .remove(0)
        .file;
    assert!(
        outbox
            .body
            .contains(&format!("href=\"/admin/outbox/{file}\"")),
        "{}",
        outbox.body
    );
    let message = b.get(&format!("/admin/outbox/{file}")).await;
    assert_eq!(message.status, 200, "{}", message.body);
    let link = client::link_in(&p.mail(reader).1, "/account/verify").expect("link");
    assert!(
        message.body.contains(&link.replace('&', "&amp;")),
        "{}",
        message.body
    );
    assert!(message.body.contains("data-testid=\"outbox-link\""));
    assert_eq!(Browser::new(&p.base).get("/admin/outbox").await.status, 401);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn production_mode_has_no_outbox_page() {
    let p = Portal::start(false).await;
    let (mut admin, _, _) = enrolled(&p, STAFF, "Ngô Thị Thu", &[Role::Admin]).await;
    p.pending_reader("Bùi Văn Khánh", "khanh@example.vn").await;
    assert_eq!(
        admin.get("/admin/users").await.status,
        200,
        "a signed-in admin"
    );
    assert_eq!(admin.get("/admin/outbox").await.status, 404);
    let file = portal::readers::mail::list_outbox(&client::outbox(p.dir()))
        .remove(0)
        .file;
    let message = admin.get(&format!("/admin/outbox/{file}")).await;
    assert_eq!(message.status, 404);
    assert!(
        !message.body.contains("/account/verify?token="),
        "no mail leaks"
    );
}
