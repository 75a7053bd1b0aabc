//! Reader and staff accounts (reader-services.md §1, docs/accounts.md): registration with
//! e-mail verification, the staff verification queue, sign-in with a progressive slow-down,
//! the TOTP second factor for staff-side roles, password reset, e-mail change, expiry and
//! renewal, roles, server-side sessions in the database and the audit log.
//!
//! The pure parts (field validation, password policy and hashing, the working-day deadline,
//! the mail messages) are in [`crate::readers`]; this module keeps the state.

pub mod audit;
pub mod edge;
pub mod flows;
pub mod guard;
pub mod http;
pub mod service;
pub mod sessions;
pub mod store;
pub mod throttle;
pub mod tokens;
pub mod totp;

pub use app::account::{AccountState, Role};

use crate::config::Config;
use crate::db::Db;
use crate::readers::deadline::Holidays;
use crate::readers::mail::Mailer;
use std::path::PathBuf;
use std::sync::Arc;

/// How long links stay valid, in seconds.
pub mod validity {
    /// The e-mail verification link of a registration (reader-services.md §1).
    pub const VERIFY: i64 = 24 * 3600;
    /// A password reset link.
    pub const RESET: i64 = 3600;
    /// The confirmation link of a new e-mail address.
    pub const EMAIL_CHANGE: i64 = 24 * 3600;
    /// The set-password link of an account an admin created.
    pub const INVITE: i64 = 72 * 3600;
}

/// Everything the account flows need; cheap to clone.
#[derive(Clone)]
pub struct Accounts {
    pub db: Db,
    pub mailer: Arc<Mailer>,
    /// The portal's public URL without a trailing slash: links in e-mail are built on it, never
    /// on a request's Host header.
    pub base_url: String,
    pub archive: String,
    /// Demo mode: no second factor, the outbox page.
    pub demo: bool,
    /// Validity of a reader account, in months.
    pub months: u32,
    pub holidays: Arc<Holidays>,
    /// Evidence files of registrations (outside the web root).
    pub evidence_dir: PathBuf,
}

impl std::fmt::Debug for Accounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Accounts")
            .field("base_url", &self.base_url)
            .field("demo", &self.demo)
            .finish_non_exhaustive()
    }
}

impl Accounts {
    /// From the configuration; `base_url` is the portal's public URL. A wrong mail or holiday
    /// setting stops the program with a message naming it.
    pub fn from_config(db: Db, config: &Config, base_url: &str) -> anyhow::Result<Accounts> {
        let archive = config.archive_name();
        let base_url = base_url.trim_end_matches('/').to_string();
        let from = match config
            .smtp_from
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(from) => from.to_string(),
            None => {
                let host = base_url
                    .split("://")
                    .nth(1)
                    .unwrap_or("localhost")
                    .split(['/', ':'])
                    .next()
                    .filter(|h| {
                        h.contains('.') && !h.chars().all(|c| c.is_ascii_digit() || c == '.')
                    })
                    .unwrap_or("portal.invalid");
                format!("\"{}\" <noreply@{host}>", archive.replace('"', ""))
            }
        };
        let mailer = Mailer::from_config(config.smtp_url.as_deref(), &config.data_dir, &from)
            .map_err(|e| anyhow::anyhow!("SMTP_URL / SMTP_FROM: {e}"))?;
        let mut holidays = Holidays::default();
        let year = time::OffsetDateTime::now_utc().year();
        for y in year - 1..=year + 1 {
            holidays.merge(&Holidays::vietnam_default(y));
        }
        if let Some(path) = &config.holidays_file {
            let text = std::fs::read_to_string(path).map_err(|e| {
                anyhow::anyhow!(
                    "PORTAL_HOLIDAYS_FILE={}: không đọc được ({e})",
                    path.display()
                )
            })?;
            let own = Holidays::parse(&text)
                .map_err(|e| anyhow::anyhow!("PORTAL_HOLIDAYS_FILE={}: {e}", path.display()))?;
            holidays.merge(&own);
        }
        Ok(Accounts {
            db,
            mailer: Arc::new(mailer),
            base_url,
            archive,
            demo: config.is_demo(),
            months: config.account_months,
            holidays: Arc::new(holidays),
            evidence_dir: config.data_dir.join("evidence"),
        })
    }

    /// Whether a session cookie must be `Secure`.
    pub fn secure(&self) -> bool {
        self.base_url.starts_with("https://")
    }

    /// Starts the hourly housekeeping: expired sessions deleted, accounts past their validity
    /// marked expired, readers told a month before their account expires.
    pub fn spawn_housekeeping(&self) {
        let accounts = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
            loop {
                tick.tick().await;
                if let Err(e) = flows::housekeeping(&accounts).await {
                    tracing::warn!("account housekeeping failed: {e:#}");
                }
            }
        });
    }
}

/// Now, in Unix seconds.
pub fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}
