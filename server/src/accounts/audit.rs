//! The audit log: every authentication event and every staff or admin decision, with who acted,
//! on whom, from which address. Admins read it at `/admin/audit`; it also goes to the
//! `security` tracing target.

use crate::db::{Db, now_text};
use app::account::{AuditEntry, AuditPage};
use sqlx::Row;

/// One event to record.
#[derive(Clone, Debug, Default)]
pub struct Event<'a> {
    pub action: &'a str,
    pub actor_id: Option<i64>,
    pub actor: Option<&'a str>,
    pub subject_id: Option<i64>,
    pub subject: Option<&'a str>,
    pub address: Option<&'a str>,
    pub detail: Option<&'a str>,
}

impl<'a> Event<'a> {
    /// Something a person did to their own account.
    pub fn own(
        action: &'a str,
        account: &'a super::store::Account,
        address: Option<&'a str>,
    ) -> Event<'a> {
        Event {
            action,
            actor_id: Some(account.id),
            actor: Some(&account.email),
            ..Event::about(action, account, address)
        }
    }

    /// Something that happened to an account with nobody signed in acting (an attempt, a link).
    pub fn about(
        action: &'a str,
        account: &'a super::store::Account,
        address: Option<&'a str>,
    ) -> Event<'a> {
        Event {
            action,
            subject_id: Some(account.id),
            subject: Some(&account.email),
            address,
            ..Default::default()
        }
    }
}

/// Records an event. A failure to write the log is itself logged, never hidden.
pub async fn record(db: &Db, e: Event<'_>) {
    tracing::info!(
        target: "security",
        action = e.action,
        actor = e.actor.unwrap_or("-"),
        subject = e.subject.unwrap_or("-"),
        address = e.address.unwrap_or("-"),
        detail = e.detail.unwrap_or(""),
        "audit"
    );
    let done = sqlx::query(
        "insert into audit_log (at, actor_id, actor, action, subject_id, subject, address, detail) \
         values ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(now_text())
    .bind(e.actor_id)
    .bind(e.actor)
    .bind(e.action)
    .bind(e.subject_id)
    .bind(e.subject)
    .bind(e.address)
    .bind(e.detail)
    .execute(&db.pool)
    .await;
    if let Err(err) = done {
        tracing::error!(target: "security", action = e.action, "the audit log could not be written: {err}");
    }
}

const PAGE: i64 = 100;

fn entry(r: &sqlx::any::AnyRow) -> Result<AuditEntry, sqlx::Error> {
    Ok(AuditEntry {
        id: r.try_get("audit_id")?,
        at: r.try_get("at")?,
        actor: r.try_get("actor")?,
        action: r.try_get("action")?,
        subject: r.try_get("subject")?,
        address: r.try_get("address")?,
        detail: r.try_get("detail")?,
    })
}

/// A page of the log, newest first, before the entry id `before`.
pub async fn page(db: &Db, before: Option<i64>) -> Result<AuditPage, sqlx::Error> {
    let rows = sqlx::query(
        "select audit_id, at, actor, action, subject, address, detail from audit_log \
         where audit_id < $1 order by audit_id desc limit $2",
    )
    .bind(before.unwrap_or(i64::MAX))
    .bind(PAGE + 1)
    .fetch_all(&db.pool)
    .await?;
    let mut entries = rows.iter().map(entry).collect::<Result<Vec<_>, _>>()?;
    let more = entries.len() as i64 > PAGE;
    entries.truncate(PAGE as usize);
    let before = if more {
        entries.last().map(|e| e.id)
    } else {
        None
    };
    Ok(AuditPage { entries, before })
}

/// The events about one account (as subject or actor), newest first.
pub async fn of_account(db: &Db, id: i64) -> Result<Vec<AuditEntry>, sqlx::Error> {
    let rows = sqlx::query(
        "select audit_id, at, actor, action, subject, address, detail from audit_log \
         where subject_id = $1 or actor_id = $1 order by audit_id desc limit 200",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(entry).collect()
}
