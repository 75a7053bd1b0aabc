//! `portal user add` through the built binary: with a password from standard input, with a
//! set-password link instead, and with a role that does not exist.

use super::client;
use super::steps::*;
use std::io::Write;
use std::process::{Output, Stdio};

/// Runs `portal user add` with these arguments and, when given, a line on standard input.
fn user_add(p: &Portal, args: &[&str], stdin: Option<&str>) -> Output {
    let mut command = p.db.portal_command(&p.config);
    command.args(["user", "add"]).args(args);
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    if stdin.is_some() {
        command.stdin(Stdio::piped());
    }
    let mut child = command.spawn().expect("start portal");
    if let Some(line) = stdin {
        let mut input = child.stdin.take().expect("stdin");
        writeln!(input, "{line}").expect("write the password");
    }
    child.wait_with_output().expect("portal user add")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn user_add_with_a_password_from_stdin_makes_an_account_that_signs_in() {
    let p = Portal::start(true).await;
    let email = "first.admin@archives.example.vn";
    let args = [
        "--email",
        email,
        "--name",
        "Quản Trị Đầu Tiên",
        "--role",
        "admin",
        "--role",
        "staff",
        "--password-stdin",
    ];
    let out = user_add(&p, &args, Some(PASSWORD));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).trim().is_empty(),
        "no link is printed: {}",
        text(&out.stdout)
    );
    assert_eq!(p.state(email).await, "active");
    let roles = p.column(email, "roles").await.expect("roles");
    assert!(
        roles.contains("admin") && roles.contains("staff"),
        "{roles}"
    );
    assert_eq!(client::mail_count(p.dir(), email), 0, "no mail needed");
    let mut b = p.browser();
    let r = sign_in(&mut b, email, PASSWORD).await;
    assert_eq!(r.location.as_deref(), Some("/account"), "{}", r.body);
    assert_eq!(b.get("/admin/users").await.status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn user_add_without_a_password_prints_and_mails_a_set_password_link() {
    let p = Portal::start(false).await;
    let email = "staff.two@archives.example.vn";
    let out = user_add(
        &p,
        &["--email", email, "--name", "Cán Bộ Hai", "--role", "staff"],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let printed = text(&out.stdout).trim().to_string();
    let path = client::link_in(&printed, "/account/reset?token=").expect("a printed link");
    assert_eq!(
        p.link(email, "/account/reset?token="),
        path,
        "the same link is mailed"
    );
    assert_eq!(p.column(email, "roles").await.as_deref(), Some("staff"));
    let valid: i64 = sqlx::query_scalar("select expires_at - created_at from account_tokens")
        .fetch_one(&p.db.db.pool)
        .await
        .expect("token");
    assert_eq!(valid, 72 * 3600);

    let token = path.split("token=").nth(1).expect("token").to_string();
    let mut b = p.browser();
    let r = b
        .submit(
            &path,
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
    let r = sign_in(&mut b, email, NEW_PASSWORD).await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account/2fa/setup"),
        "{}",
        r.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn user_add_with_an_unknown_role_exits_1_naming_the_option() {
    let p = Portal::start(false).await;
    let email = "nobody@archives.example.vn";
    let out = user_add(
        &p,
        &["--email", email, "--name", "Không Ai", "--role", "boss"],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("--role"), "{stderr}");
    assert!(stderr.contains("boss"), "{stderr}");
    assert!(p.column(email, "state").await.is_none(), "no account made");
    let out = user_add(
        &p,
        &[
            "--email",
            "not-an-address",
            "--name",
            "Không Ai",
            "--role",
            "staff",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("--email"),
        "{}",
        text(&out.stderr)
    );
}
