//! Privilege escalation: staff and admin pages, forms and server functions refuse readers and
//! anonymous visitors (403 / 401), admin ones refuse staff, a half-finished staff sign-in
//! (password without the second factor) grants nothing, and evidence files stay with staff.

use super::{PASSWORD, PDF, Site, csrf, excerpt, sign_in};
use crate::accounts::client::Browser;
use portal::accounts::Role;

const READER: &str = "lan.nguyen@example.vn";
const STAFF: &str = "thu.tran@example.vn";
const ADMIN: &str = "quan.tri@example.vn";

/// A request to try: method (`GET`, `POST`, or `SFN` for a server function), path, fields.
type Route = (&'static str, String, Vec<(&'static str, String)>);

fn fields(list: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    list.iter().map(|(k, v)| (*k, v.to_string())).collect()
}

/// What a visitor can try against the staff side (and the admin side).
fn staff_routes(pending: i64, own: i64) -> Vec<Route> {
    let mut routes: Vec<Route> = vec![
        ("GET", "/staff/readers".into(), vec![]),
        ("GET", format!("/staff/readers/{pending}"), vec![]),
        ("POST", format!("/staff/readers/{pending}/activate"), vec![]),
        (
            "POST",
            format!("/staff/readers/{pending}/refuse"),
            fields(&[("reason", "Ảnh CCCD mờ")]),
        ),
        ("SFN", "reader-queue".into(), vec![]),
        (
            "SFN",
            "reader".into(),
            fields(&[("id", &pending.to_string())]),
        ),
    ];
    routes.extend(admin_routes(own));
    routes
}

/// What a visitor can try against the admin side.
fn admin_routes(own: i64) -> Vec<Route> {
    let add = [
        ("email", "ke.gian@example.vn"),
        ("full_name", "Kẻ Gian"),
        ("roles", "admin"),
    ];
    vec![
        ("GET", "/admin/users".into(), vec![]),
        ("GET", "/admin/audit".into(), vec![]),
        ("POST", "/admin/users".into(), fields(&add)),
        (
            "POST",
            format!("/admin/users/{own}/roles"),
            fields(&[("roles", "admin"), ("roles", "staff")]),
        ),
        ("POST", format!("/admin/users/{own}/reactivate"), vec![]),
        ("SFN", "users".into(), vec![]),
        ("SFN", "audit".into(), vec![]),
    ]
}

/// Tries every route with the browser's own CSRF token; asserts `status` for each.
async fn try_all(b: &mut Browser, routes: &[Route], status: u16, who: &str) {
    let token = csrf(b).await;
    for (method, path, fields) in routes {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = match *method {
            "GET" => b.get(path).await,
            "SFN" => b.server_fn(path, &fields).await,
            _ => {
                let mut all = vec![("csrf", token.as_str())];
                all.extend_from_slice(&fields);
                b.post_raw(path, &all).await
            }
        };
        assert_eq!(
            r.status,
            status,
            "{who}: {method} {path}: {}",
            excerpt(&r.body)
        );
    }
}

/// Nothing the routes could change has changed.
async fn assert_unchanged(site: &Site, pending: i64, own: i64, own_roles: &str) {
    assert_eq!(site.state_of(pending).await, "pending");
    assert_eq!(site.column(own, "roles").await, own_roles);
    let added: i64 = sqlx::query_scalar("select count(*) from accounts where email = $1")
        .bind("ke.gian@example.vn")
        .fetch_one(&site.db.db.pool)
        .await
        .expect("count");
    assert_eq!(added, 0);
    for action in [
        "reader.activated",
        "reader.refused",
        "user.roles",
        "user.reactivated",
    ] {
        assert_eq!(site.audited(action, None).await, 0, "{action}");
    }
}

#[tokio::test]
async fn readers_and_anonymous_visitors_cannot_reach_the_staff_side() {
    let site = Site::new(true).await;
    let reader = site.user(READER, "Nguyễn Thị Lan", &[Role::Reader]).await;
    let pending = site
        .pending("mai.le@example.vn", "001099012345", None)
        .await;
    let routes = staff_routes(pending, reader);
    try_all(&mut site.signed_in(READER).await, &routes, 403, "reader").await;
    try_all(&mut site.browser(), &routes, 401, "anonymous").await;
    assert_unchanged(&site, pending, reader, "reader").await;
}

#[tokio::test]
async fn staff_cannot_reach_the_admin_side() {
    let site = Site::new(true).await;
    let staff = site.user(STAFF, "Trần Văn Thu", &[Role::Staff]).await;
    let pending = site
        .pending("mai.le@example.vn", "001099012345", None)
        .await;
    let mut b = site.signed_in(STAFF).await;
    try_all(&mut b, &admin_routes(staff), 403, "staff").await;
    assert_unchanged(&site, pending, staff, "staff").await;
    // The staff side itself is open to them.
    assert_eq!(b.get("/staff/readers").await.status, 200);
    assert_eq!(b.server_fn("reader-queue", &[]).await.status, 200);
}

#[tokio::test]
async fn a_password_without_the_second_factor_grants_nothing() {
    let site = Site::new(false).await;
    site.user(ADMIN, "Phạm Quản Trị", &[Role::Admin, Role::Staff])
        .await;
    let admin = site.id_of(ADMIN).await;
    let roles = site.column(admin, "roles").await;
    let pending = site
        .pending("mai.le@example.vn", "001099012345", None)
        .await;
    let mut b = site.browser();
    let r = sign_in(&mut b, ADMIN, PASSWORD).await;
    assert_eq!(r.status, 303);
    assert_eq!(r.location.as_deref(), Some("/account/2fa/setup"));
    try_all(
        &mut b,
        &staff_routes(pending, admin),
        401,
        "half signed-in admin",
    )
    .await;
    assert_eq!(b.get("/account").await.status, 401);
    assert_unchanged(&site, pending, admin, &roles).await;
}

#[tokio::test]
async fn evidence_files_are_refused_to_readers_and_visitors() {
    let site = Site::new(true).await;
    site.user(READER, "Nguyễn Thị Lan", &[Role::Reader]).await;
    let owner = site
        .pending("mai.le@example.vn", "001099012345", Some(PDF))
        .await;
    // There is a file to protect.
    let file = site.column(owner, "coalesce(evidence_file, '')").await;
    let stored = std::fs::read(site.accounts.evidence_dir.join(&file)).expect("the stored file");
    assert_eq!(stored, PDF);
    let path = format!("/staff/readers/{owner}/evidence");

    let r = site.signed_in(READER).await.get(&path).await;
    assert_eq!(r.status, 403, "another reader");
    assert!(!r.body.contains("%PDF"));
    let r = site.browser().get(&path).await;
    assert_eq!(r.status, 401, "anonymous");
    assert!(!r.body.contains("%PDF"));
    // Not even the owner reads it back through the staff route.
    let r = site.signed_in("mai.le@example.vn").await.get(&path).await;
    assert_eq!(r.status, 403, "the owner");
    assert!(!r.body.contains("%PDF"));
}

#[tokio::test]
async fn staff_do_open_the_evidence_file() {
    let site = Site::new(true).await;
    site.user(STAFF, "Trần Văn Thu", &[Role::Staff]).await;
    let owner = site
        .pending("mai.le@example.vn", "001099012345", Some(PDF))
        .await;
    let r = site
        .signed_in(STAFF)
        .await
        .get(&format!("/staff/readers/{owner}/evidence"))
        .await;
    assert_eq!(r.status, 200, "staff");
    assert_eq!(r.body.as_bytes(), PDF);
}
