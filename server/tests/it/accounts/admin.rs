//! Administrators in production mode: adding staff from /admin/users (who set their password
//! from a mailed link), roles, the last admin, suspension, resetting a second factor, and the
//! audit page.

use super::client::Browser;
use super::steps::*;
use portal::accounts::Role;

const ADMIN: &str = "quan.tri@archives.example.vn";
const ADMIN_NAME: &str = "Lý Quản Trị";

/// The stored roles of an account, as a sorted list of names.
async fn roles(p: &Portal, email: &str) -> Vec<String> {
    let text = p.column(email, "roles").await.expect("an account");
    let mut roles: Vec<String> = text.split(',').map(str::to_string).collect();
    roles.sort();
    roles
}

/// Posts one of the per-user forms of /admin/users.
async fn act(
    admin: &mut Browser,
    id: i64,
    action: &str,
    fields: &[(&str, &str)],
) -> super::client::Answer {
    admin
        .submit(
            "/admin/users",
            &format!("/admin/users/{id}/{action}"),
            fields,
        )
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_add_staff_who_set_their_password_from_the_mailed_link() {
    let p = Portal::start(false).await;
    let (mut admin, _, _) = enrolled(&p, ADMIN, ADMIN_NAME, &[Role::Admin]).await;
    let staff = "mai.dinh@archives.example.vn";
    let none = [("email", staff), ("full_name", "Đinh Thị Mai")];
    let r = admin.submit("/admin/users", "/admin/users", &none).await;
    assert_eq!(r.status, 422, "a role is required: {}", r.body);
    assert!(
        r.body.contains("id=\"roles-error\"") || r.body.contains("vai trò"),
        "{}",
        r.body
    );
    assert!(p.column(staff, "state").await.is_none());

    let fields = [
        ("email", staff),
        ("full_name", "Đinh Thị Mai"),
        ("roles", "staff"),
    ];
    let r = admin.submit("/admin/users", "/admin/users", &fields).await;
    assert_eq!(
        r.location.as_deref(),
        Some("/admin/users?done=added"),
        "{}",
        r.body
    );
    assert_eq!(p.state(staff).await, "active");
    assert_eq!(roles(&p, staff).await, ["staff"]);
    let list = admin.get("/admin/users?done=added").await;
    assert!(
        list.body.contains(staff) && list.body.contains("data-done=\"added\""),
        "{}",
        list.body
    );
    assert_eq!(
        p.audit_count("user.added").await,
        2,
        "the admin and the new staff member"
    );

    let link = p.link(staff, "/account/reset?token=");
    let token = link.split("token=").nth(1).expect("token").to_string();
    let mut b = p.browser();
    assert_eq!(b.get(&link).await.status, 200);
    let r = b
        .submit(
            &link,
            "/account/reset",
            &[("token", &token), ("password", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account/sign-in?done=reset"),
        "{}",
        r.body
    );
    let r = sign_in(&mut b, staff, NEW_PASSWORD).await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account/2fa/setup"),
        "staff enrol first: {}",
        r.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn roles_change_but_the_last_admin_keeps_the_admin_role() {
    let p = Portal::start(false).await;
    let (mut admin, _, _) = enrolled(&p, ADMIN, ADMIN_NAME, &[Role::Admin]).await;
    let staff = "mai.dinh@archives.example.vn";
    let staff_id = p.add_user(staff, "Đinh Thị Mai", &[Role::Staff]).await;
    let mut staff_browser = p.browser();
    enrol(&mut staff_browser, staff).await;

    let r = act(
        &mut admin,
        staff_id,
        "roles",
        &[("roles", "staff"), ("roles", "approver")],
    )
    .await;
    assert_eq!(
        r.location.as_deref(),
        Some("/admin/users?done=roles"),
        "{}",
        r.body
    );
    assert_eq!(roles(&p, staff).await, ["approver", "staff"]);
    assert_eq!(
        staff_browser.get("/account").await.status,
        401,
        "a role change signs the user out"
    );
    assert_eq!(p.audit_count("user.roles").await, 1);

    let r = act(&mut admin, staff_id, "roles", &[]).await;
    assert_eq!(r.status, 422, "at least one role: {}", r.body);
    assert_eq!(roles(&p, staff).await, ["approver", "staff"]);

    let admin_id = p.id(ADMIN).await;
    let r = act(&mut admin, admin_id, "roles", &[("roles", "staff")]).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("quản trị viên cuối cùng"), "{}", r.body);
    assert_eq!(roles(&p, ADMIN).await, ["admin"]);
    assert_eq!(
        admin.get("/admin/users").await.status,
        200,
        "still an admin"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn suspension_ends_sessions_and_refuses_sign_in_until_reactivation() {
    let p = Portal::start(false).await;
    let (mut admin, _, _) = enrolled(&p, ADMIN, ADMIN_NAME, &[Role::Admin]).await;
    let reader = "son.cao@example.vn";
    let id = p.add_user(reader, "Cao Văn Sơn", &[Role::Reader]).await;
    let mut r_browser = p.browser();
    assert_eq!(
        sign_in(&mut r_browser, reader, PASSWORD)
            .await
            .location
            .as_deref(),
        Some("/account")
    );

    let r = act(&mut admin, id, "suspend", &[]).await;
    assert_eq!(
        r.location.as_deref(),
        Some("/admin/users?done=suspended"),
        "{}",
        r.body
    );
    assert_eq!(p.state(reader).await, "suspended");
    assert_eq!(
        r_browser.get("/account").await.status,
        401,
        "the session ended"
    );
    let r = sign_in(&mut p.browser(), reader, PASSWORD).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("tạm khóa"), "{}", r.body);
    assert_eq!(p.audit_count("sign_in.suspended").await, 1);

    let admin_id = p.id(ADMIN).await;
    let r = act(&mut admin, admin_id, "suspend", &[]).await;
    assert_eq!(
        r.status, 422,
        "an admin cannot suspend themself: {}",
        r.body
    );
    assert_eq!(p.state(ADMIN).await, "active");

    let r = act(&mut admin, id, "reactivate", &[]).await;
    assert_eq!(
        r.location.as_deref(),
        Some("/admin/users?done=reactivated"),
        "{}",
        r.body
    );
    assert_eq!(p.state(reader).await, "active");
    let r = sign_in(&mut p.browser(), reader, PASSWORD).await;
    assert_eq!(r.location.as_deref(), Some("/account"), "{}", r.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resetting_a_second_factor_makes_the_next_sign_in_enrol_again() {
    let p = Portal::start(false).await;
    let (mut admin, _, _) = enrolled(&p, ADMIN, ADMIN_NAME, &[Role::Admin]).await;
    let staff = "mai.dinh@archives.example.vn";
    let id = p.add_user(staff, "Đinh Thị Mai", &[Role::Staff]).await;
    let mut staff_browser = p.browser();
    let (secret, _) = enrol(&mut staff_browser, staff).await;

    let r = act(&mut admin, id, "reset-2fa", &[]).await;
    assert_eq!(
        r.location.as_deref(),
        Some("/admin/users?done=reset-2fa"),
        "{}",
        r.body
    );
    assert!(p.column(staff, "totp_secret").await.is_none());
    let codes: i64 =
        sqlx::query_scalar("select count(*) from recovery_codes where account_id = $1")
            .bind(id)
            .fetch_one(&p.db.db.pool)
            .await
            .expect("count");
    assert_eq!(codes, 0);
    assert_eq!(
        staff_browser.get("/account").await.status,
        401,
        "the session ended"
    );
    let mut b = p.browser();
    let r = sign_in(&mut b, staff, PASSWORD).await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account/2fa/setup"),
        "{}",
        r.body
    );
    let page = b.get("/account/2fa/setup").await;
    let new_secret = text_at(&page.body, "data-testid=\"totp-secret\"").replace(' ', "");
    assert_ne!(new_secret, secret, "a new secret");
    assert_eq!(p.audit_count("second_factor.reset").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_page_lists_the_events_newest_first() {
    let p = Portal::start(false).await;
    let (mut admin, _, _) = enrolled(&p, ADMIN, ADMIN_NAME, &[Role::Admin, Role::Staff]).await;
    let reader = "tam.trinh@example.vn";
    p.pending_reader("Trịnh Văn Tâm", reader).await;
    let id = p.id(reader).await;
    let page = format!("/staff/readers/{id}");
    let r = admin.submit(&page, &format!("{page}/activate"), &[]).await;
    assert_eq!(
        r.location.as_deref(),
        Some("/staff/readers?done=activated"),
        "{}",
        r.body
    );
    sign_in(&mut p.browser(), reader, "wrong-password-0").await;

    let audit = admin.get("/admin/audit").await;
    assert_eq!(audit.status, 200, "{}", audit.body);
    let at = |action: &str| {
        audit
            .body
            .find(&format!("data-action=\"{action}\""))
            .unwrap_or_else(|| panic!("no {action} in the audit page"))
    };
    for action in [
        "user.added",
        "sign_in.ok",
        "second_factor.enrolled",
        "register",
        "email.verified",
    ] {
        at(action);
    }
    assert!(
        at("sign_in.failed") < at("reader.activated"),
        "newest first"
    );
    assert!(at("reader.activated") < at("email.verified"));
    assert!(audit.body.contains(reader) && audit.body.contains(ADMIN));
    assert_eq!(p.browser().get("/admin/audit").await.status, 401);
}
