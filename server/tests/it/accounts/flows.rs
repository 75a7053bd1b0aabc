//! A reader's own flows against a real server: registration (field messages, evidence files,
//! the e-mail link), a forgotten password, changing the password and the address.

use super::client::{self, Browser};
use super::steps::*;

/// Every field named has its message beside it, linked to the input and marked invalid.
fn assert_field_errors(html: &str, fields: &[&str]) {
    for f in fields {
        assert!(
            html.contains(&format!("id=\"{f}-error\"")),
            "no message beside {f}"
        );
        let described = format!("aria-describedby=\"{f}-error\"");
        let described_with_hint = format!("aria-describedby=\"{f}-hint {f}-error\"");
        assert!(
            html.contains(&described) || html.contains(&described_with_hint),
            "{f} is not described by its message"
        );
    }
    assert!(html.contains("aria-invalid=\"true\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invalid_registration_shows_each_message_and_keeps_what_was_typed() {
    let p = Portal::start(false).await;
    let mut b = p.browser();
    let short = "ngan-qua";
    let fields = [
        ("full_name", "Nguyễn Thị Lan"),
        ("identity_kind", "cccd"),
        ("identity_number", "0012345"),
        ("email", "lan.nguyen@"),
        ("phone", "0912345678"),
        ("employer", "Viện Sử học"),
        ("fee_object_type", "10"),
        ("notes", "Tìm hồ sơ địa chính năm 1996"),
        ("password", short),
    ];
    let r = register(&mut b, &fields, None).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert_field_errors(
        &r.body,
        &["identity_number", "email", "password", "accept_rules"],
    );
    assert!(
        !r.body.contains("id=\"full_name-error\""),
        "a right field has no message"
    );
    for typed in [
        "Nguyễn Thị Lan",
        "0012345",
        "lan.nguyen@",
        "0912345678",
        "Viện Sử học",
    ] {
        assert!(
            r.body.contains(&format!("value=\"{typed}\"")),
            "{typed} not kept"
        );
    }
    assert!(
        r.body.contains("Tìm hồ sơ địa chính năm 1996"),
        "the notes are kept"
    );
    assert!(!r.body.contains(short), "the password is never sent back");
    assert!(r.body.contains("role=\"alert\""));
    let rows: i64 = sqlx::query_scalar("select count(*) from accounts")
        .fetch_one(&p.db.db.pool)
        .await
        .expect("count");
    assert_eq!(rows, 0);
    assert_eq!(client::mail_count(p.dir(), "lan.nguyen"), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_priority_category_needs_a_pdf_jpeg_or_png_evidence_file() {
    let p = Portal::start(false).await;
    let mut b = p.browser();
    let email = "minh.tran@example.vn";
    let fields = registration("Trần Văn Minh", email, "01");
    let r = register(&mut b, &fields, None).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert_field_errors(&r.body, &["evidence"]);
    assert!(r.body.contains("cần tệp minh chứng"), "{}", r.body);
    let r = register(
        &mut b,
        &fields,
        Some(("the-card.pdf", b"GIF89a not a pdf at all")),
    )
    .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert_field_errors(&r.body, &["evidence"]);
    assert!(r.body.contains("PDF, JPEG hoặc PNG"), "{}", r.body);
    assert!(
        p.column(email, "state").await.is_none(),
        "nothing stored yet"
    );
    let r = register(&mut b, &fields, Some(("thẻ sinh viên.pdf", PDF))).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(r.location.as_deref(), Some("/account/register/sent"));
    assert_eq!(p.state(email).await, "unverified");
    assert_eq!(
        p.column(email, "fee_object_type").await.as_deref(),
        Some("01")
    );
    assert_eq!(
        p.column(email, "evidence_type").await.as_deref(),
        Some("application/pdf")
    );
    assert_eq!(
        p.column(email, "evidence_name").await.as_deref(),
        Some("thẻ sinh viên.pdf")
    );
    let file = p.column(email, "evidence_file").await.expect("stored file");
    let stored = std::fs::read(p.dir().join("evidence").join(file)).expect("evidence on disk");
    assert_eq!(stored, PDF);

    // A JPEG is recognised by its content too, whatever its name.
    let photo = "photo@example.vn";
    let jpeg: &[u8] = b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01";
    let fields = registration("Trần Thị Ảnh", photo, "07");
    let r = register(&mut p.browser(), &fields, Some(("IMG_0001", jpeg))).await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account/register/sent"),
        "{}",
        r.body
    );
    assert_eq!(
        p.column(photo, "evidence_type").await.as_deref(),
        Some("image/jpeg")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_registration_mails_one_link_that_works_once_and_the_account_waits_for_staff() {
    let p = Portal::start(false).await;
    let mut b = p.browser();
    let email = "hoa.le@example.vn";
    let r = register(&mut b, &registration("Lê Thị Hoa", email, "10"), None).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(r.location.as_deref(), Some("/account/register/sent"));
    let sent = b.get("/account/register/sent").await;
    assert_eq!(sent.status, 200);
    assert!(sent.body.contains("24 giờ"), "{}", sent.body);
    assert_eq!(client::mail_count(p.dir(), email), 1);
    let (subject, text) = p.mail(email);
    assert!(subject.contains("Xác nhận địa chỉ e-mail"), "{subject}");
    assert!(
        text.contains("24 giờ") && text.contains("24 hours"),
        "{text}"
    );
    assert_eq!(p.state(email).await, "unverified");

    let link = p.link(email, "/account/verify?token=");
    let token = link.split("token=").nth(1).expect("token").to_string();
    let page = b.get(&link).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains(&format!("value=\"{token}\"")),
        "the page posts the token"
    );
    assert_eq!(
        p.state(email).await,
        "unverified",
        "opening the link changes nothing"
    );
    let r = b
        .submit(&link, "/account/verify", &[("token", &token)])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(
        r.location.as_deref(),
        Some("/account/sign-in?done=verified")
    );
    assert_eq!(p.state(email).await, "pending");
    assert!(p.column(email, "email_verified_at").await.is_some());
    let again = b
        .submit(&link, "/account/verify", &[("token", &token)])
        .await;
    assert_eq!(again.status, 422, "{}", again.body);
    assert!(again.body.contains("đã được dùng"), "{}", again.body);

    let r = sign_in(&mut b, email, PASSWORD).await;
    assert_eq!(r.location.as_deref(), Some("/account"), "{}", r.body);
    let account = b.get("/account").await;
    assert_eq!(account.status, 200);
    assert!(
        account.body.contains("data-state=\"pending\""),
        "{}",
        account.body
    );
    assert!(account.body.contains("một ngày làm việc"));
    assert!(
        !account.body.contains(CCCD),
        "the identity number is masked"
    );
    assert!(account.body.contains("2345"), "its last four digits show");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forgotten_password_is_reset_by_a_one_hour_link_that_a_weak_password_does_not_spend() {
    let p = Portal::start(false).await;
    let email = "quang.pham@example.vn";
    p.add_user(email, "Phạm Văn Quang", &[portal::accounts::Role::Reader])
        .await;
    let mut elsewhere = p.browser();
    assert_eq!(
        sign_in(&mut elsewhere, email, PASSWORD)
            .await
            .location
            .as_deref(),
        Some("/account")
    );

    let mut b = p.browser();
    let r = b
        .submit("/account/forgot", "/account/forgot", &[("email", email)])
        .await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account/forgot?done=sent"),
        "{}",
        r.body
    );
    let (subject, text) = p.mail(email);
    assert!(subject.contains("Đặt lại mật khẩu"), "{subject}");
    assert!(text.contains("1 giờ") && text.contains("1 hour"), "{text}");
    let valid: i64 = sqlx::query_scalar(
        "select expires_at - created_at from account_tokens where purpose = 'reset'",
    )
    .fetch_one(&p.db.db.pool)
    .await
    .expect("reset token");
    assert_eq!(valid, 3600);

    let link = p.link(email, "/account/reset?token=");
    let token = link.split("token=").nth(1).expect("token").to_string();
    assert_eq!(b.get(&link).await.status, 200);
    let weak = b
        .submit(
            &link,
            "/account/reset",
            &[("token", &token), ("password", "123")],
        )
        .await;
    assert_eq!(weak.status, 422, "{}", weak.body);
    assert!(weak.body.contains("id=\"password-error\""), "{}", weak.body);
    let r = b
        .submit(
            &link,
            "/account/reset",
            &[("token", &token), ("password", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(r.status, 303, "the link still works: {}", r.body);
    assert_eq!(r.location.as_deref(), Some("/account/sign-in?done=reset"));

    assert_eq!(
        elsewhere.get("/account").await.status,
        401,
        "other sessions end"
    );
    let old = sign_in(&mut b, email, PASSWORD).await;
    assert_eq!(old.status, 422, "the old password no longer works");
    let new = sign_in(&mut b, email, NEW_PASSWORD).await;
    assert_eq!(new.location.as_deref(), Some("/account"), "{}", new.body);
    assert_eq!(p.audit_count("password.reset").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_password_and_the_address_change_from_the_account_page() {
    let p = Portal::start(false).await;
    let email = "an.vo@example.vn";
    p.add_user(email, "Võ Văn An", &[portal::accounts::Role::Reader])
        .await;
    let mut other = p.browser();
    let r = sign_in(&mut other, email, PASSWORD).await;
    assert_eq!(r.location.as_deref(), Some("/account"), "{}", r.body);
    let mut b = p.browser();
    assert_eq!(
        sign_in(&mut b, email, PASSWORD).await.location.as_deref(),
        Some("/account")
    );

    let wrong = [
        ("current_password", "not-the-password-1"),
        ("password", NEW_PASSWORD),
    ];
    let r = b.submit("/account", "/account/password", &wrong).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body
            .contains("data-testid=\"field-error-current_password\""),
        "{}",
        r.body
    );
    let right = [("current_password", PASSWORD), ("password", NEW_PASSWORD)];
    let r = b.submit("/account", "/account/password", &right).await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account?done=password"),
        "{}",
        r.body
    );
    assert_eq!(
        b.get("/account").await.status,
        200,
        "this session stays signed in"
    );
    assert_eq!(
        other.get("/account").await.status,
        401,
        "the other session ended"
    );
    assert_eq!(
        sign_in(&mut Browser::new(&p.base), email, PASSWORD)
            .await
            .status,
        422
    );

    let new_email = "an.vo@truong.edu.vn";
    let change = [("email", new_email), ("current_password", NEW_PASSWORD)];
    let r = b.submit("/account", "/account/email", &change).await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account?done=email-sent"),
        "{}",
        r.body
    );
    assert_eq!(
        client::mail_count(p.dir(), new_email),
        1,
        "the link goes to the new address"
    );
    let page = b.get("/account").await;
    assert!(
        page.body.contains("data-testid=\"pending-email\""),
        "{}",
        page.body
    );
    assert!(page.body.contains(new_email));
    assert_eq!(
        p.state(email).await,
        "active",
        "the address is unchanged until confirmed"
    );

    let link = p.link(new_email, "/account/email/confirm?token=");
    let token = link.split("token=").nth(1).expect("token").to_string();
    assert_eq!(b.get(&link).await.status, 200);
    let r = b
        .submit(&link, "/account/email/confirm", &[("token", &token)])
        .await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account?done=email"),
        "{}",
        r.body
    );
    assert!(
        p.column(email, "state").await.is_none(),
        "the old address is gone"
    );
    assert_eq!(p.state(new_email).await, "active");
    let old = sign_in(&mut Browser::new(&p.base), email, NEW_PASSWORD).await;
    assert_eq!(old.status, 422, "the old address no longer signs in");
    let new = sign_in(&mut Browser::new(&p.base), new_email, NEW_PASSWORD).await;
    assert_eq!(new.location.as_deref(), Some("/account"), "{}", new.body);
}
