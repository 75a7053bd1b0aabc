//! Server-side sessions in the database (tower-sessions), so that sessions survive a restart
//! and several portal instances on one PostgreSQL share them.
//!
//! tower-sessions' own SQL stores need a typed pool per database; this store works on the
//! portal's `Any` pool and also writes the signed-in account's id beside the session, which
//! makes "sign out everywhere" one `delete`.

use crate::db::Db;
use async_trait::async_trait;
use sqlx::Row;
use std::time::Duration;
use tower_sessions::cookie::SameSite;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{Error, Result};
use tower_sessions::{Expiry, SessionManagerLayer, SessionStore};

/// The session cookie's name.
pub const COOKIE: &str = "portal_session";
/// A session unused for this long ends (reader-services.md §1).
pub const IDLE: Duration = Duration::from_secs(2 * 3600);
/// A sign-in lasts at most this long, used or not.
pub const ABSOLUTE: Duration = Duration::from_secs(12 * 3600);

/// Session keys.
pub mod keys {
    /// The fully signed-in account.
    pub const UID: &str = "uid";
    /// The account whose password was right, waiting for its second factor.
    pub const PENDING_UID: &str = "pending_uid";
    /// Where to go after the second factor.
    pub const NEXT: &str = "next";
    /// Unix seconds of the sign-in (absolute timeout).
    pub const SIGNED_IN_AT: &str = "signed_in_at";
    /// The account's session epoch at sign-in.
    pub const EPOCH: &str = "epoch";
    /// The anti-CSRF token.
    pub const CSRF: &str = "csrf";
    /// A TOTP secret being enrolled.
    pub const TOTP_SECRET: &str = "totp_secret";
    /// Recovery codes to show once.
    pub const RECOVERY: &str = "recovery_codes";
}

/// The session store over the portal's database.
#[derive(Clone, Debug)]
pub struct DbSessions {
    db: Db,
}

impl DbSessions {
    pub fn new(db: Db) -> DbSessions {
        DbSessions { db }
    }

    /// Deletes expired sessions; returns how many.
    pub async fn delete_expired(&self) -> std::result::Result<u64, sqlx::Error> {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let done = sqlx::query("delete from sessions where expires_at < $1")
            .bind(now)
            .execute(&self.db.pool)
            .await?;
        Ok(done.rows_affected())
    }
}

fn backend(e: impl std::fmt::Display) -> Error {
    Error::Backend(e.to_string())
}

/// The account a session belongs to (signed in, or half-way through a second factor).
fn account_of(record: &Record) -> Option<i64> {
    [keys::UID, keys::PENDING_UID]
        .iter()
        .find_map(|k| record.data.get(*k).and_then(serde_json::Value::as_i64))
}

#[async_trait]
impl SessionStore for DbSessions {
    async fn create(&self, record: &mut Record) -> Result<()> {
        // A fresh random id; retry on the (astronomically unlikely) collision.
        loop {
            let data = serde_json::to_string(&record.data).map_err(backend)?;
            let done = sqlx::query(
                "insert into sessions (id, account_id, data, expires_at) values ($1, $2, $3, $4) \
                 on conflict (id) do nothing",
            )
            .bind(record.id.to_string())
            .bind(account_of(record))
            .bind(data)
            .bind(record.expiry_date.unix_timestamp())
            .execute(&self.db.pool)
            .await
            .map_err(backend)?;
            if done.rows_affected() == 1 {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> Result<()> {
        let data = serde_json::to_string(&record.data).map_err(backend)?;
        sqlx::query(
            "insert into sessions (id, account_id, data, expires_at) values ($1, $2, $3, $4) \
             on conflict (id) do update set account_id = excluded.account_id, data = excluded.data, \
             expires_at = excluded.expires_at",
        )
        .bind(record.id.to_string())
        .bind(account_of(record))
        .bind(data)
        .bind(record.expiry_date.unix_timestamp())
        .execute(&self.db.pool)
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let row =
            sqlx::query("select data, expires_at from sessions where id = $1 and expires_at > $2")
                .bind(id.to_string())
                .bind(now)
                .fetch_optional(&self.db.pool)
                .await
                .map_err(backend)?;
        let Some(row) = row else { return Ok(None) };
        let data: String = row.try_get(0).map_err(backend)?;
        let expires: i64 = row.try_get(1).map_err(backend)?;
        Ok(Some(Record {
            id: *id,
            data: serde_json::from_str(&data).map_err(backend)?,
            expiry_date: time::OffsetDateTime::from_unix_timestamp(expires).map_err(backend)?,
        }))
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        sqlx::query("delete from sessions where id = $1")
            .bind(id.to_string())
            .execute(&self.db.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }
}

/// The session layer: HttpOnly, SameSite=Lax, Secure when the portal is served over HTTPS, and
/// an idle timeout (the absolute one is checked on every use, see [`super::guard`]).
pub fn layer(db: Db, secure: bool) -> SessionManagerLayer<DbSessions> {
    SessionManagerLayer::new(DbSessions::new(db))
        .with_name(COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(secure)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(
            time::Duration::try_from(IDLE).unwrap_or(time::Duration::hours(2)),
        ))
}
