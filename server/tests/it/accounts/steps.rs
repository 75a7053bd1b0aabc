//! Steps the account flow tests share: a server with its data directory, a reader taken
//! through registration, staff and admins with their second factor, bytes of a download, and
//! look-ups in the database and the outbox.

use super::client::{self, Answer, Browser};
use crate::support::TestDb;
use portal::accounts::{Accounts, Role, flows};
use portal::config::Config;
use std::path::Path;

/// A password the policy accepts for every test person (no name or address in it).
pub const PASSWORD: &str = "Hoa-sen-no-giua-dam-2026";
/// Another one, for changes and resets.
pub const NEW_PASSWORD: &str = "Trong-dong-Ngoc-Lu-1893";
/// A valid CCCD: 001 = Hà Nội, then a century-and-sex digit 0–3.
pub const CCCD: &str = "001099012345";
/// A small PDF with the binary comment line real PDFs carry (bytes that are not UTF-8).
pub const PDF: &[u8] = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// A fresh database, its configuration and a real server on it.
pub struct Portal {
    pub db: TestDb,
    pub config: Config,
    pub base: String,
}

impl Portal {
    /// A server in production mode (second factor for staff) or in demo mode.
    pub async fn start(demo: bool) -> Portal {
        let db = TestDb::new().await;
        let mut config = client::config(db.dir.path(), demo);
        let base = db.serve_config(config.clone()).await;
        config.base_url = Some(base.clone());
        Portal { db, config, base }
    }

    pub fn dir(&self) -> &Path {
        self.db.dir.path()
    }

    pub fn browser(&self) -> Browser {
        Browser::new(&self.base)
    }

    /// The account flows on the server's database and outbox.
    pub fn accounts(&self) -> Accounts {
        Accounts::from_config(self.db.db.clone(), &self.config, &self.base).expect("accounts")
    }

    /// An account with [`PASSWORD`], made the way `portal user add --password-stdin` makes it.
    pub async fn add_user(&self, email: &str, name: &str, roles: &[Role]) -> i64 {
        let accounts = self.accounts();
        let made = flows::add_user(&accounts, None, email, name, roles, Some(PASSWORD), None);
        made.await.expect("add a user").0
    }

    /// One text column of the account with this address (`state`, `roles`…).
    pub async fn column(&self, email: &str, column: &str) -> Option<String> {
        let sql = format!("select {column} from accounts where email = $1");
        sqlx::query_scalar(&sql)
            .bind(email)
            .fetch_optional(&self.db.db.pool)
            .await
            .expect("account column")
            .flatten()
    }

    /// The stored state of the account with this address.
    pub async fn state(&self, email: &str) -> String {
        self.column(email, "state")
            .await
            .expect("an account with this address")
    }

    /// The id of the account with this address.
    pub async fn id(&self, email: &str) -> i64 {
        sqlx::query_scalar("select account_id from accounts where email = $1")
            .bind(email)
            .fetch_one(&self.db.db.pool)
            .await
            .expect("account id")
    }

    /// Runs one statement with an integer and an address bound as `$1` and `$2`.
    pub async fn exec(&self, sql: &str, number: i64, email: &str) {
        sqlx::query(sql)
            .bind(number)
            .bind(email)
            .execute(&self.db.db.pool)
            .await
            .expect("update");
    }

    /// How many audit entries of `action` the log holds.
    pub async fn audit_count(&self, action: &str) -> i64 {
        sqlx::query_scalar("select count(*) from audit_log where action = $1")
            .bind(action)
            .fetch_one(&self.db.db.pool)
            .await
            .expect("audit count")
    }

    /// The newest mail to `to`: (subject, text).
    pub fn mail(&self, to: &str) -> (String, String) {
        client::last_mail_to(self.dir(), to).unwrap_or_else(|| panic!("no mail to {to}"))
    }

    /// The link to `path` in the newest mail to `to`, as a path with its query.
    pub fn link(&self, to: &str, path: &str) -> String {
        let (_, text) = self.mail(to);
        client::link_in(&text, path).unwrap_or_else(|| panic!("no {path} link in: {text}"))
    }

    /// Registers a reader in category 10 and follows the e-mail link: the account is pending.
    pub async fn pending_reader(&self, name: &str, email: &str) {
        let mut b = self.browser();
        let r = register(&mut b, &registration(name, email, "10"), None).await;
        assert_eq!(
            r.location.as_deref(),
            Some("/account/register/sent"),
            "{}",
            r.body
        );
        self.verify(email).await;
    }

    /// Follows the verification link in the newest mail to `email`.
    pub async fn verify(&self, email: &str) {
        let link = self.link(email, "/account/verify");
        let token = link.split("token=").nth(1).expect("token").to_string();
        let r = self
            .browser()
            .submit(&link, "/account/verify", &[("token", &token)])
            .await;
        assert_eq!(
            r.location.as_deref(),
            Some("/account/sign-in?done=verified"),
            "{}",
            r.body
        );
    }
}

/// The fields of a valid registration (everything but the evidence file).
pub fn registration<'a>(
    name: &'a str,
    email: &'a str,
    category: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("full_name", name),
        ("identity_kind", "cccd"),
        ("identity_number", CCCD),
        ("email", email),
        ("phone", "0912345678"),
        ("employer", "Trường Đại học Khoa học Xã hội và Nhân văn"),
        ("fee_object_type", category),
        ("notes", "Nghiên cứu lịch sử địa phương"),
        ("password", PASSWORD),
        ("accept_rules", "on"),
    ]
}

/// Posts the registration form as a browser does; `file` is (file name, bytes) of the evidence.
pub async fn register(
    b: &mut Browser,
    fields: &[(&str, &str)],
    file: Option<(&str, &[u8])>,
) -> Answer {
    let file = file.map(|(name, bytes)| ("evidence", name, bytes.to_vec()));
    b.submit_multipart("/account/register", "/account/register", fields, file)
        .await
}

/// Signs in with an address and a password.
pub async fn sign_in(b: &mut Browser, email: &str, password: &str) -> Answer {
    let fields = [("email", email), ("password", password)];
    b.submit("/account/sign-in", "/account/sign-in", &fields)
        .await
}

/// Sends a second-factor code (after a right password).
pub async fn code(b: &mut Browser, code: &str) -> Answer {
    b.submit("/account/2fa", "/account/2fa", &[("code", code)])
        .await
}

/// The text inside the first element carrying `marker` (an attribute such as
/// `data-testid="totp-secret"`), tags and hydration comments removed.
pub fn text_at(html: &str, marker: &str) -> String {
    let at = html
        .find(marker)
        .unwrap_or_else(|| panic!("no {marker} in the page"));
    let rest = &html[at..];
    let start = rest.find('>').expect("end of tag") + 1;
    let end = rest[start..].find("</").map_or(rest.len(), |e| start + e);
    strip_tags(&rest[start..end])
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in html.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// First sign-in of a staff-side account in production mode: the password leads to the
/// enrolment page, whose secret (as text) and first code turn the second factor on; returns the
/// secret and the ten recovery codes shown once.
pub async fn enrol(b: &mut Browser, email: &str) -> (String, Vec<String>) {
    let r = sign_in(b, email, PASSWORD).await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account/2fa/setup"),
        "{}",
        r.body
    );
    let page = b.get("/account/2fa/setup").await;
    assert_eq!(page.status, 200, "{}", page.body);
    let secret: String = text_at(&page.body, "data-testid=\"totp-secret\"")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(secret.len() >= 26, "secret {secret:?}");
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
    let page = b.get("/account/2fa/recovery-codes").await;
    assert_eq!(page.status, 200, "{}", page.body);
    (secret, recovery_codes(&page.body))
}

/// The recovery codes listed on the recovery-codes page.
pub fn recovery_codes(html: &str) -> Vec<String> {
    let Some(at) = html.find("data-testid=\"recovery-codes\"") else {
        return Vec::new();
    };
    let list = &html[at..];
    let list = &list[..list.find("</ol>").unwrap_or(list.len())];
    list.split("<code>")
        .skip(1)
        .map(|c| strip_tags(c.split("</code>").next().unwrap_or("")))
        .collect()
}

/// A staff-side account made and enrolled in one go: its browser is fully signed in.
pub async fn enrolled(
    p: &Portal,
    email: &str,
    name: &str,
    roles: &[Role],
) -> (Browser, String, Vec<String>) {
    p.add_user(email, name, roles).await;
    let mut b = p.browser();
    let (secret, codes) = enrol(&mut b, email).await;
    (b, secret, codes)
}

/// A download as bytes with its status and content type, with the browser's session cookie.
pub async fn download(b: &Browser, path: &str) -> (u16, String, Vec<u8>) {
    let mut request = reqwest::Client::new().get(format!("{}{path}", b.base));
    if let Some(s) = &b.session {
        request = request.header("cookie", format!("{}={s}", client::SESSION));
    }
    let response = request.send().await.expect("download");
    let status = response.status().as_u16();
    let media = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    (
        status,
        media,
        response.bytes().await.expect("bytes").to_vec(),
    )
}
