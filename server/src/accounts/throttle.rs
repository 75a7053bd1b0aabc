//! Progressive slow-down of guessing (reader-services.md §1): failures are counted per account
//! (by the address typed, known or not) and per client address. Past a few failures each new
//! attempt must wait twice as long as the last, up to a ceiling, and the count is forgotten a day
//! after the last failure, so nobody can be locked out for long by someone else's guessing.

use crate::db::Db;
use sqlx::Row;

/// What is counted, with its free attempts and its longest wait.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    /// Failures allowed before any wait.
    pub free: i64,
    /// The longest wait, in seconds.
    pub ceiling: i64,
}

/// Per account: five free attempts, then 1 s, 2 s, 4 s … up to 15 minutes.
pub const ACCOUNT: Limit = Limit {
    free: 5,
    ceiling: 900,
};
/// Per client address: more free attempts (a shared office address), the same ceiling.
pub const ADDRESS: Limit = Limit {
    free: 20,
    ceiling: 900,
};
/// Second-factor codes per account: a 6-digit code allows fewer free guesses.
pub const SECOND_FACTOR: Limit = Limit {
    free: 3,
    ceiling: 900,
};
/// Failures older than this are forgotten.
pub const FORGET_AFTER: i64 = 24 * 3600;

/// The wait after `failures` failures under `limit`, in seconds.
pub fn wait_after(limit: Limit, failures: i64) -> i64 {
    if failures < limit.free {
        return 0;
    }
    let exponent = (failures - limit.free).min(20) as u32;
    (1i64 << exponent).min(limit.ceiling)
}

/// How many seconds `key` must still wait at `now` (0: it may try).
pub async fn wait(db: &Db, key: &str, limit: Limit, now: i64) -> Result<i64, sqlx::Error> {
    let row = sqlx::query("select failures, last_at from auth_failures where key = $1")
        .bind(key)
        .fetch_optional(&db.pool)
        .await?;
    let Some(row) = row else { return Ok(0) };
    let failures: i64 = row.try_get(0)?;
    let last: i64 = row.try_get(1)?;
    if now - last > FORGET_AFTER {
        return Ok(0);
    }
    Ok((last + wait_after(limit, failures) - now).max(0))
}

/// Counts a failure of `key` at `now`.
pub async fn fail(db: &Db, key: &str, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into auth_failures (key, failures, last_at) values ($1, 1, $2) \
         on conflict (key) do update set failures = case when auth_failures.last_at < $3 then 1 \
         else auth_failures.failures + 1 end, last_at = $2",
    )
    .bind(key)
    .bind(now)
    .bind(now - FORGET_AFTER)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Forgets the failures of `key` (after a success).
pub async fn clear(db: &Db, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("delete from auth_failures where key = $1")
        .bind(key)
        .execute(&db.pool)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_after_the_free_attempts_up_to_the_ceiling() {
        assert_eq!(wait_after(ACCOUNT, 0), 0);
        assert_eq!(wait_after(ACCOUNT, 4), 0);
        assert_eq!(wait_after(ACCOUNT, 5), 1);
        assert_eq!(wait_after(ACCOUNT, 6), 2);
        assert_eq!(wait_after(ACCOUNT, 10), 32);
        assert_eq!(wait_after(ACCOUNT, 15), 900);
        assert_eq!(wait_after(ACCOUNT, 10_000), 900);
        assert_eq!(wait_after(ADDRESS, 19), 0);
        assert_eq!(wait_after(ADDRESS, 20), 1);
    }
}
