//! Background jobs recorded in the database: they survive a restart, report progress and
//! per-file failures, and can be worked by several processes at once (a `portal import` and a
//! running server, or several servers on one PostgreSQL).
//!
//! A worker claims the oldest queued job by moving it to `running` under its own name, in one
//! statement (`for update skip locked` on PostgreSQL; SQLite serialises writers anyway). A job
//! left `running` by a process that died is queued again once its claim is older than
//! [`STALE_AFTER`]: every worker refreshes its claim as it reports progress.

pub mod http;

use crate::db::{Db, Dialect, now_text};
use serde::{Deserialize, Serialize};
use sqlx::Row;
use std::time::Duration;

/// A claim not refreshed for this long belongs to a dead worker.
pub const STALE_AFTER: Duration = Duration::from_secs(120);

/// A claimed job.
#[derive(Clone, Debug)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    /// What the job is about (a unit code, an image id), for progress views and de-duplication.
    pub subject: String,
    pub payload: String,
    pub attempts: i64,
}

/// One input a job could not process, and why; the rest of the job goes on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    /// The file as the input named it.
    pub file: String,
    pub reason: String,
}

/// Counts and recent failures, for the CLI bar and the status views.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Status {
    pub queued: i64,
    pub running: i64,
    pub done: i64,
    pub failed: i64,
    /// Progress of the running jobs: (subject, done, total).
    pub current: Vec<(String, i64, i64)>,
    /// Latest jobs with failures: (subject, failures).
    pub failures: Vec<(String, Vec<Failure>)>,
}

/// Queues a job; a job of the same kind and subject still queued is replaced (its payload is out
/// of date). Returns the job id.
pub async fn enqueue(db: &Db, kind: &str, subject: &str, payload: &str) -> sqlx::Result<i64> {
    let now = now_text();
    sqlx::query("delete from jobs where kind = $1 and subject = $2 and state = 'queued'")
        .bind(kind)
        .bind(subject)
        .execute(&db.pool)
        .await?;
    sqlx::query_scalar(
        "insert into jobs (kind, subject, payload, state, created_at, updated_at) \
         values ($1, $2, $3, 'queued', $4, $4) returning job_id",
    )
    .bind(kind)
    .bind(subject)
    .bind(payload)
    .bind(&now)
    .fetch_one(&db.pool)
    .await
}

/// The payload of the latest job of this kind and subject that is queued, running or done.
pub async fn latest_payload(db: &Db, kind: &str, subject: &str) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(
        "select payload from jobs where kind = $1 and subject = $2 \
         and state in ('queued', 'running', 'done') order by job_id desc limit 1",
    )
    .bind(kind)
    .bind(subject)
    .fetch_optional(&db.pool)
    .await
}

/// Claims the oldest queued job of one of `kinds` for `worker`, first requeueing stale claims.
pub async fn claim(db: &Db, worker: &str, kinds: &[&str]) -> sqlx::Result<Option<Job>> {
    requeue_stale(db).await?;
    let now = now_text();
    let kinds_list = kinds
        .iter()
        .map(|k| format!("'{}'", k.replace('\'', "")))
        .collect::<Vec<_>>()
        .join(", ");
    let pick = match db.dialect {
        Dialect::Postgres => format!(
            "select job_id from jobs where state = 'queued' and kind in ({kinds_list}) \
             order by job_id limit 1 for update skip locked"
        ),
        Dialect::Sqlite => format!(
            "select job_id from jobs where state = 'queued' and kind in ({kinds_list}) \
             order by job_id limit 1"
        ),
    };
    let row = sqlx::query(&format!(
        "update jobs set state = 'running', claimed_by = $1, claimed_at = $2, updated_at = $2, \
         attempts = attempts + 1 where job_id = ({pick}) and state = 'queued' \
         returning job_id, kind, subject, payload, attempts"
    ))
    .bind(worker)
    .bind(&now)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|r| Job {
        id: r.get(0),
        kind: r.get(1),
        subject: r.get(2),
        payload: r.get(3),
        attempts: r.get(4),
    }))
}

async fn requeue_stale(db: &Db) -> sqlx::Result<()> {
    let limit = time::OffsetDateTime::now_utc() - STALE_AFTER;
    let limit = limit
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    sqlx::query(
        "update jobs set state = 'queued', claimed_by = null where state = 'running' and claimed_at < $1",
    )
    .bind(limit)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Reports progress (and refreshes the claim).
pub async fn progress(db: &Db, id: i64, done: i64, total: i64) -> sqlx::Result<()> {
    let now = now_text();
    sqlx::query(
        "update jobs set done = $1, total = $2, claimed_at = $3, updated_at = $3 where job_id = $4",
    )
    .bind(done)
    .bind(total)
    .bind(&now)
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Marks a job done, with the inputs it could not process.
pub async fn finish(db: &Db, id: i64, failures: &[Failure]) -> sqlx::Result<()> {
    let now = now_text();
    sqlx::query(
        "update jobs set state = 'done', failures = $1, claimed_by = null, updated_at = $2 where job_id = $3",
    )
    .bind(serde_json::to_string(failures).unwrap_or_else(|_| "[]".into()))
    .bind(&now)
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Marks a job failed as a whole (it will not be retried by itself).
pub async fn fail(db: &Db, id: i64, error: &str) -> sqlx::Result<()> {
    let now = now_text();
    sqlx::query(
        "update jobs set state = 'failed', error = $1, claimed_by = null, updated_at = $2 where job_id = $3",
    )
    .bind(error)
    .bind(&now)
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Counts by state, running progress and the latest failures.
pub async fn status(db: &Db, kind: &str) -> sqlx::Result<Status> {
    let mut status = Status::default();
    let rows = sqlx::query("select state, count(*) from jobs where kind = $1 group by state")
        .bind(kind)
        .fetch_all(&db.pool)
        .await?;
    for r in rows {
        let n: i64 = r.get(1);
        match r.get::<String, _>(0).as_str() {
            "queued" => status.queued = n,
            "running" => status.running = n,
            "done" => status.done = n,
            _ => status.failed += n,
        }
    }
    let rows = sqlx::query(
        "select subject, done, total from jobs where kind = $1 and state = 'running' order by job_id",
    )
    .bind(kind)
    .fetch_all(&db.pool)
    .await?;
    status.current = rows
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    let rows = sqlx::query(
        "select subject, failures, error from jobs where kind = $1 and (failures <> '[]' or error is not null) \
         order by job_id desc limit 20",
    )
    .bind(kind)
    .fetch_all(&db.pool)
    .await?;
    for r in rows {
        let mut failures: Vec<Failure> =
            serde_json::from_str(&r.get::<String, _>(1)).unwrap_or_default();
        if let Some(error) = r.get::<Option<String>, _>(2) {
            failures.push(Failure {
                file: String::new(),
                reason: error,
            });
        }
        status.failures.push((r.get(0), failures));
    }
    Ok(status)
}

/// Jobs of `kind` not finished yet (queued or running).
pub async fn pending(db: &Db, kind: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "select count(*) from jobs where kind = $1 and state in ('queued', 'running')",
    )
    .bind(kind)
    .fetch_one(&db.pool)
    .await
}

/// A worker name unique to this process.
pub fn worker_name(n: usize) -> String {
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "local".into());
    format!("{host}:{}:{n}", std::process::id())
}

#[cfg(test)]
mod tests;
