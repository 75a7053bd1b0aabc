//! Attacks on accounts (reader-services.md §1): password guessing, session fixation and
//! tampering, cross-site requests, replayed or misused e-mail links, account enumeration,
//! privilege escalation, stolen or stale sessions, and the security headers of personal pages.
//! Each test drives a real server the way an attacker's browser would, and checks both the
//! answer and that nothing changed behind it.

mod brute_force;
mod csrf;
mod enumeration;
mod headers;
mod links;
mod redirects;
mod roles;
mod second_factor;
mod sessions;

use super::client::{self, Answer, Browser};
use crate::support::TestDb;
use portal::accounts::{Accounts, Role, flows};
use portal::config::Config;

/// The password every test account starts with (meets the policy).
pub const PASSWORD: &str = "Hoa-sen-no-giua-dam-2026";
/// A second password that meets the policy.
pub const NEW_PASSWORD: &str = "Cau-vong-sau-mua-tren-song-2027";
/// A wrong password.
pub const WRONG: &str = "Sai-mat-khau-roi-nhe-99";
/// A tiny PDF, recognised by its content.
pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

/// A running portal on a fresh database, with the account flows of the same data directory
/// (same outbox) for setting things up.
pub struct Site {
    pub db: TestDb,
    pub config: Config,
    pub base: String,
    pub accounts: Accounts,
}

impl Site {
    /// A new portal: `demo` turns the second factor of staff-side roles off.
    pub async fn new(demo: bool) -> Site {
        let db = TestDb::new().await;
        let config = client::config(db.dir.path(), demo);
        let base = db.serve_config(config.clone()).await;
        let accounts = Accounts::from_config(db.db.clone(), &config, &base).expect("accounts");
        Site {
            db,
            config,
            base,
            accounts,
        }
    }

    /// A browser without a session.
    pub fn browser(&self) -> Browser {
        Browser::new(&self.base)
    }

    /// An active account with [`PASSWORD`], made the way the CLI makes one; returns its id.
    pub async fn user(&self, email: &str, name: &str, roles: &[Role]) -> i64 {
        flows::add_user(
            &self.accounts,
            None,
            email,
            name,
            roles,
            Some(PASSWORD),
            None,
        )
        .await
        .expect("add a user")
        .0
    }

    /// A browser fully signed in as `email`.
    pub async fn signed_in(&self, email: &str) -> Browser {
        let mut b = self.browser();
        let r = sign_in(&mut b, email, PASSWORD).await;
        assert_eq!(r.status, 303, "sign-in of {email}: {}", excerpt(&r.body));
        let to = r.location.unwrap_or_default();
        assert!(!to.contains("2fa"), "{email} was sent to {to}");
        b
    }

    /// Registers a reader through the form; with `evidence`, in category 01 with that PDF.
    pub async fn register(&self, email: &str, identity: &str, evidence: Option<&[u8]>) -> Answer {
        let fee = if evidence.is_some() { "01" } else { "10" };
        let fields = [
            ("full_name", "Nguyễn Thị Lan"),
            ("identity_kind", "cccd"),
            ("identity_number", identity),
            ("email", email),
            ("phone", "0912345678"),
            ("employer", ""),
            ("fee_object_type", fee),
            ("notes", ""),
            ("password", PASSWORD),
            ("accept_rules", "on"),
        ];
        let file = evidence.map(|bytes| ("evidence", "the-sinh-vien.pdf", bytes.to_vec()));
        let mut b = self.browser();
        b.submit_multipart("/account/register", "/account/register", &fields, file)
            .await
    }

    /// Registers a reader and returns its id and the token of its verification link.
    pub async fn unverified(
        &self,
        email: &str,
        identity: &str,
        evidence: Option<&[u8]>,
    ) -> (i64, String) {
        let r = self.register(email, identity, evidence).await;
        assert_eq!(
            r.status,
            303,
            "registration of {email}: {}",
            excerpt(&r.body)
        );
        let token = self.mailed_token(email, "/account/verify");
        (self.id_of(email).await, token)
    }

    /// A registration whose e-mail link was followed: waiting for staff.
    pub async fn pending(&self, email: &str, identity: &str, evidence: Option<&[u8]>) -> i64 {
        let (id, token) = self.unverified(email, identity, evidence).await;
        let mut b = self.browser();
        let r = post_with_token(&mut b, "/account/verify", &[("token", &token)]).await;
        assert_eq!(r.status, 303, "verification: {}", excerpt(&r.body));
        assert_eq!(self.state_of(id).await, "pending");
        id
    }

    /// The token of the newest link to `path` mailed to `to`.
    pub fn mailed_token(&self, to: &str, path: &str) -> String {
        let (_, text) = client::last_mail_to(self.db.dir.path(), to).expect("a message");
        let link = client::link_in(&text, path).expect("a link in the message");
        link.split("token=").nth(1).expect("a token").to_string()
    }

    pub async fn id_of(&self, email: &str) -> i64 {
        sqlx::query_scalar("select account_id from accounts where email = $1")
            .bind(email)
            .fetch_one(&self.db.db.pool)
            .await
            .expect("the account")
    }

    /// A text column of an account.
    pub async fn column(&self, id: i64, column: &str) -> String {
        sqlx::query_scalar(&format!(
            "select {column} from accounts where account_id = $1"
        ))
        .bind(id)
        .fetch_one(&self.db.db.pool)
        .await
        .expect("the account")
    }

    pub async fn state_of(&self, id: i64) -> String {
        self.column(id, "state").await
    }

    /// How many audit entries have this action (and this subject, when given).
    pub async fn audited(&self, action: &str, subject: Option<&str>) -> i64 {
        let query = match subject {
            Some(s) => sqlx::query_scalar(
                "select count(*) from audit_log where action = $1 and subject = $2",
            )
            .bind(action)
            .bind(s),
            None => {
                sqlx::query_scalar("select count(*) from audit_log where action = $1").bind(action)
            }
        };
        query
            .fetch_one(&self.db.db.pool)
            .await
            .expect("count the audit log")
    }

    /// How many accounts exist.
    pub async fn account_count(&self) -> i64 {
        sqlx::query_scalar("select count(*) from accounts")
            .fetch_one(&self.db.db.pool)
            .await
            .expect("count accounts")
    }
}

/// Submits the sign-in form.
pub async fn sign_in(b: &mut Browser, email: &str, password: &str) -> Answer {
    b.submit(
        "/account/sign-in",
        "/account/sign-in",
        &[("email", email), ("password", password)],
    )
    .await
}

/// The session's CSRF token, as the pages read it (creates the session when needed).
pub async fn csrf(b: &mut Browser) -> String {
    let r = b.server_fn("form-state", &[("form", "sign-in")]).await;
    assert_eq!(r.status, 200, "form-state: {}", r.body);
    let state: serde_json::Value = serde_json::from_str(&r.body).expect("form state JSON");
    state["csrf"].as_str().expect("a token").to_string()
}

/// POSTs `fields` with the session's own CSRF token.
pub async fn post_with_token(b: &mut Browser, path: &str, fields: &[(&str, &str)]) -> Answer {
    let token = csrf(b).await;
    let mut all = vec![("csrf", token.as_str())];
    all.extend_from_slice(fields);
    b.post_raw(path, &all).await
}

/// The message shown for the form as a whole (`_form`), if any.
pub fn form_error(html: &str) -> Option<String> {
    let at = html.find("data-testid=\"form-error\"")?;
    let rest = &html[at..];
    let text = &rest[rest.find('>')? + 1..];
    Some(text[..text.find('<')?].to_string())
}

/// The start of a body, for assertion messages.
pub fn excerpt(body: &str) -> String {
    match form_error(body) {
        Some(m) => m,
        None => body.chars().take(300).collect(),
    }
}

/// Unix seconds now.
pub fn now() -> i64 {
    portal::accounts::now()
}
