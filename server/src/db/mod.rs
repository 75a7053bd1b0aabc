//! The database: one pool over SQLite (default, a file in the data directory) or PostgreSQL,
//! with the migrations of its dialect applied at start.
//!
//! Queries are written once with `$N` placeholders and run through sqlx's `Any` driver; integers
//! are 64-bit and timestamps ISO-8601 text on both databases, so one decoding path serves both.

mod migrations;

use anyhow::Context;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};
use std::str::FromStr;
use std::time::Duration;

/// Which database a URL selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// The connection pool and its dialect; cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub dialect: Dialect,
}

impl Dialect {
    /// The dialect of a `sqlite:` or `postgres:` URL.
    pub fn of_url(url: &str) -> anyhow::Result<Dialect> {
        if url.starts_with("sqlite:") {
            Ok(Dialect::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Dialect::Postgres)
        } else {
            anyhow::bail!(
                "DATABASE_URL phải bắt đầu bằng sqlite:// hoặc postgres:// (DATABASE_URL must start with sqlite:// or postgres://)"
            )
        }
    }
}

impl Db {
    /// Opens the pool (creating the SQLite file when missing) and runs pending migrations.
    pub async fn connect(url: &str) -> anyhow::Result<Db> {
        sqlx::any::install_default_drivers();
        let dialect = Dialect::of_url(url)?;
        let url = match dialect {
            // WAL for concurrent readers; secure_delete so that a purged unit's text does not
            // linger in free pages (domain.md §3 rule 1); foreign keys for cascades.
            Dialect::Sqlite if !url.contains('?') => format!("{url}?mode=rwc"),
            _ => url.to_string(),
        };
        let options =
            AnyConnectOptions::from_str(&url).context("DATABASE_URL is not a valid URL")?;
        let pool = AnyPoolOptions::new()
            .max_connections(match dialect {
                Dialect::Sqlite => 8,
                Dialect::Postgres => 16,
            })
            .acquire_timeout(Duration::from_secs(30))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if dialect == Dialect::Sqlite {
                        conn.execute(
                            "pragma journal_mode = wal; pragma synchronous = normal; pragma foreign_keys = on; \
                             pragma secure_delete = on; pragma busy_timeout = 30000; pragma cache_size = -65536; \
                             pragma temp_store = memory",
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await
            .with_context(|| format!("cannot open the database ({})", redact(&url)))?;
        let db = Db { pool, dialect };
        migrations::run(&db).await?;
        Ok(db)
    }

    /// Folds the SQLite write-ahead log back into the database file and empties it, so that
    /// purged text does not survive in the log.
    pub async fn checkpoint(&self) -> anyhow::Result<()> {
        if self.dialect == Dialect::Sqlite {
            sqlx::query("pragma wal_checkpoint(truncate)")
                .execute(&self.pool)
                .await?;
        }
        Ok(())
    }

    /// Whether the database answers (for `/healthz`).
    pub async fn ping(&self) -> bool {
        sqlx::query("select 1").execute(&self.pool).await.is_ok()
    }
}

/// A URL with its password hidden, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(s), Some(at)) if at > s => format!("{}://***{}", &url[..s], &url[at..]),
        _ => url.to_string(),
    }
}

/// Now, as the ISO-8601 UTC text stored in `created_at`/`updated_at`.
pub fn now_text() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dialect_and_redaction() {
        assert_eq!(
            Dialect::of_url("sqlite://data/portal.db").ok(),
            Some(Dialect::Sqlite)
        );
        assert_eq!(
            Dialect::of_url("postgres://u:p@h/db").ok(),
            Some(Dialect::Postgres)
        );
        assert!(Dialect::of_url("mysql://x").is_err());
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://***@h/db");
    }
}
