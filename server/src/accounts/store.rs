//! All SQL on accounts, their single-use links and recovery codes. Instants compared in SQL
//! are Unix seconds; shown ones are ISO-8601 text.

use super::{AccountState, Role};
use crate::db::{Db, now_text};
use sqlx::Row;
use sqlx::any::AnyRow;

/// An account row.
#[derive(Clone, Debug)]
pub struct Account {
    pub id: i64,
    pub email: String,
    pub full_name: String,
    pub identity_kind: String,
    pub identity_number: String,
    pub phone: String,
    pub employer: Option<String>,
    pub fee_object_type: String,
    pub evidence_file: Option<String>,
    pub evidence_name: Option<String>,
    pub evidence_type: Option<String>,
    pub notes: Option<String>,
    pub password_hash: String,
    /// The stored state; see [`Account::state`] for the one in force now.
    pub stored_state: AccountState,
    pub refusal_reason: Option<String>,
    pub roles: Vec<Role>,
    pub totp_secret: Option<String>,
    pub totp_last_step: Option<i64>,
    pub session_epoch: i64,
    pub created_at: String,
    pub email_verified_at: Option<String>,
    pub decided_at: Option<String>,
    /// Unix seconds.
    pub expires_at: Option<i64>,
    pub last_sign_in_at: Option<String>,
}

impl Account {
    /// The state in force at `now` (Unix seconds): an active account past its date is expired.
    pub fn state(&self, now: i64) -> AccountState {
        match (self.stored_state, self.expires_at) {
            (AccountState::Active, Some(end)) if end <= now => AccountState::Expired,
            (state, _) => state,
        }
    }

    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// Whether the account holds a staff-side role (which needs a second factor).
    pub fn is_staff_side(&self) -> bool {
        self.roles.iter().any(|r| r.is_staff_side())
    }
}

/// The stored form of a set of roles: `reader,staff`.
pub fn roles_text(roles: &[Role]) -> String {
    let mut roles = roles.to_vec();
    roles.sort();
    roles.dedup();
    roles
        .iter()
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn parse_roles(text: &str) -> Vec<Role> {
    text.split(',').filter_map(Role::parse).collect()
}

const COLUMNS: &str = "account_id, email, full_name, identity_kind, identity_number, phone, employer, \
    fee_object_type, evidence_file, evidence_name, evidence_type, notes, password_hash, state, \
    refusal_reason, roles, totp_secret, totp_last_step, session_epoch, created_at, \
    email_verified_at, decided_at, expires_at, last_sign_in_at";

fn account(row: &AnyRow) -> Result<Account, sqlx::Error> {
    let state: String = row.try_get("state")?;
    Ok(Account {
        id: row.try_get("account_id")?,
        email: row.try_get("email")?,
        full_name: row.try_get("full_name")?,
        identity_kind: row.try_get("identity_kind")?,
        identity_number: row.try_get("identity_number")?,
        phone: row.try_get("phone")?,
        employer: row.try_get("employer")?,
        fee_object_type: row.try_get("fee_object_type")?,
        evidence_file: row.try_get("evidence_file")?,
        evidence_name: row.try_get("evidence_name")?,
        evidence_type: row.try_get("evidence_type")?,
        notes: row.try_get("notes")?,
        password_hash: row.try_get("password_hash")?,
        stored_state: AccountState::parse(&state).unwrap_or(AccountState::Suspended),
        refusal_reason: row.try_get("refusal_reason")?,
        roles: parse_roles(&row.try_get::<String, _>("roles")?),
        totp_secret: row.try_get("totp_secret")?,
        totp_last_step: row.try_get("totp_last_step")?,
        session_epoch: row.try_get("session_epoch")?,
        created_at: row.try_get("created_at")?,
        email_verified_at: row.try_get("email_verified_at")?,
        decided_at: row.try_get("decided_at")?,
        expires_at: row.try_get("expires_at")?,
        last_sign_in_at: row.try_get("last_sign_in_at")?,
    })
}

/// The account with this id.
pub async fn by_id(db: &Db, id: i64) -> Result<Option<Account>, sqlx::Error> {
    let sql = format!("select {COLUMNS} from accounts where account_id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(&db.pool).await?;
    row.as_ref().map(account).transpose()
}

/// The account with this (normalised, lower-case) e-mail address.
pub async fn by_email(db: &Db, email: &str) -> Result<Option<Account>, sqlx::Error> {
    let sql = format!("select {COLUMNS} from accounts where email = $1");
    let row = sqlx::query(&sql)
        .bind(email)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(account).transpose()
}

/// Accounts in `state`, oldest e-mail confirmation first (the verification queue).
pub async fn in_state(db: &Db, state: AccountState) -> Result<Vec<Account>, sqlx::Error> {
    let sql = format!(
        "select {COLUMNS} from accounts where state = $1 order by email_verified_at, account_id"
    );
    let rows = sqlx::query(&sql)
        .bind(state.as_str())
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(account).collect()
}

/// Every account, staff-side roles first, then by name.
pub async fn all(db: &Db) -> Result<Vec<Account>, sqlx::Error> {
    let sql =
        format!("select {COLUMNS} from accounts order by roles = 'reader', full_name, account_id");
    let rows = sqlx::query(&sql).fetch_all(&db.pool).await?;
    rows.iter().map(account).collect()
}

/// A new account's fields.
#[derive(Clone, Debug, Default)]
pub struct NewAccount {
    pub email: String,
    pub full_name: String,
    pub identity_kind: String,
    pub identity_number: String,
    pub phone: String,
    pub employer: Option<String>,
    pub fee_object_type: String,
    pub evidence: Option<(String, String, String)>,
    pub notes: Option<String>,
    pub password_hash: String,
    pub state: Option<AccountState>,
    pub roles: Vec<Role>,
}

/// Inserts an account and returns its id.
pub async fn insert(db: &Db, a: &NewAccount) -> Result<i64, sqlx::Error> {
    let (file, name, media) = a
        .evidence
        .clone()
        .map_or((None, None, None), |(f, n, m)| (Some(f), Some(n), Some(m)));
    let row = sqlx::query(
        "insert into accounts (email, full_name, identity_kind, identity_number, phone, employer, \
         fee_object_type, evidence_file, evidence_name, evidence_type, notes, password_hash, state, \
         roles, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) \
         returning account_id",
    )
    .bind(&a.email)
    .bind(&a.full_name)
    .bind(&a.identity_kind)
    .bind(&a.identity_number)
    .bind(&a.phone)
    .bind(&a.employer)
    .bind(if a.fee_object_type.is_empty() { "10" } else { a.fee_object_type.as_str() })
    .bind(file)
    .bind(name)
    .bind(media)
    .bind(&a.notes)
    .bind(&a.password_hash)
    .bind(a.state.unwrap_or(AccountState::Unverified).as_str())
    .bind(roles_text(&a.roles))
    .bind(now_text())
    .fetch_one(&db.pool)
    .await?;
    row.try_get(0)
}

/// Deletes an account (an unverified registration replaced by a new one).
pub async fn delete(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("delete from accounts where account_id = $1")
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Sets one text-or-null column. `column` is always a constant of this crate.
pub async fn set_text(
    db: &Db,
    id: i64,
    column: &'static str,
    value: Option<&str>,
) -> Result<(), sqlx::Error> {
    let sql = format!("update accounts set {column} = $1 where account_id = $2");
    sqlx::query(&sql)
        .bind(value)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Sets one integer-or-null column. `column` is always a constant of this crate.
pub async fn set_int(
    db: &Db,
    id: i64,
    column: &'static str,
    value: Option<i64>,
) -> Result<(), sqlx::Error> {
    let sql = format!("update accounts set {column} = $1 where account_id = $2");
    sqlx::query(&sql)
        .bind(value)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Moves an account to `state` only if it is in `from` now; whether it moved.
pub async fn transition(
    db: &Db,
    id: i64,
    from: AccountState,
    to: AccountState,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("update accounts set state = $1 where account_id = $2 and state = $3")
        .bind(to.as_str())
        .bind(id)
        .bind(from.as_str())
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Ends every session of the account: sessions carry the epoch they were made in.
pub async fn bump_epoch(db: &Db, id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query("update accounts set session_epoch = session_epoch + 1 where account_id = $1")
        .bind(id)
        .execute(&db.pool)
        .await?;
    sqlx::query("delete from sessions where account_id = $1")
        .bind(id)
        .execute(&db.pool)
        .await?;
    let row = sqlx::query("select session_epoch from accounts where account_id = $1")
        .bind(id)
        .fetch_one(&db.pool)
        .await?;
    row.try_get(0)
}

/// Records a decision: state, who, when, reason and (for activation) the end of validity.
pub async fn decide(
    db: &Db,
    id: i64,
    to: AccountState,
    by: i64,
    reason: Option<&str>,
    expires_at: Option<i64>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "update accounts set state = $1, decided_by = $2, decided_at = $3, refusal_reason = $4, \
         expires_at = coalesce($5, expires_at), expiry_notified = 0 \
         where account_id = $6 and state = 'pending'",
    )
    .bind(to.as_str())
    .bind(by)
    .bind(now_text())
    .bind(reason)
    .bind(expires_at)
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A single-use link's token, as stored (only its SHA-256).
pub struct TokenRow {
    pub account_id: i64,
    pub new_email: Option<String>,
}

/// Stores a new link token's hash.
pub async fn insert_token(
    db: &Db,
    hash: &str,
    account_id: i64,
    purpose: &str,
    new_email: Option<&str>,
    expires_at: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into account_tokens (token_hash, account_id, purpose, new_email, expires_at, created_at) \
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(hash)
    .bind(account_id)
    .bind(purpose)
    .bind(new_email)
    .bind(expires_at)
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Marks a valid, unused token of `purpose` used and returns it; `None` when it is unknown,
/// used, expired or of another purpose (indistinguishable to the caller). The update is atomic,
/// so two simultaneous uses cannot both succeed.
pub async fn use_token(
    db: &Db,
    hash: &str,
    purpose: &str,
    now: i64,
) -> Result<Option<TokenRow>, sqlx::Error> {
    let row = sqlx::query(
        "update account_tokens set used_at = $1 \
         where token_hash = $2 and purpose = $3 and used_at is null and expires_at > $1 \
         returning account_id, new_email",
    )
    .bind(now)
    .bind(hash)
    .bind(purpose)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| {
        Ok(TokenRow {
            account_id: r.try_get(0)?,
            new_email: r.try_get(1)?,
        })
    })
    .transpose()
}

/// The account of a valid, unused token of `purpose`, without using it.
pub async fn token_owner(
    db: &Db,
    hash: &str,
    purpose: &str,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let row = sqlx::query(
        "select account_id from account_tokens where token_hash = $1 and purpose = $2 \
         and used_at is null and expires_at > $3",
    )
    .bind(hash)
    .bind(purpose)
    .bind(now)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| r.try_get(0)).transpose()
}

/// The new address of the account's latest unused, unexpired e-mail change.
pub async fn pending_email(
    db: &Db,
    account_id: i64,
    now: i64,
) -> Result<Option<String>, sqlx::Error> {
    let row = sqlx::query(
        "select new_email from account_tokens where account_id = $1 and purpose = 'email_change' \
         and used_at is null and expires_at > $2 order by created_at desc limit 1",
    )
    .bind(account_id)
    .bind(now)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| r.try_get(0)).transpose().map(Option::flatten)
}

/// Replaces the account's recovery codes with these hashes.
pub async fn set_recovery_codes(
    db: &Db,
    account_id: i64,
    hashes: &[String],
) -> Result<(), sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    sqlx::query("delete from recovery_codes where account_id = $1")
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    for h in hashes {
        sqlx::query("insert into recovery_codes (account_id, code_hash) values ($1, $2)")
            .bind(account_id)
            .bind(h)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}

/// Uses one recovery code; whether it was valid and unused.
pub async fn use_recovery_code(
    db: &Db,
    account_id: i64,
    hash: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "update recovery_codes set used_at = $1 where account_id = $2 and code_hash = $3 and used_at is null",
    )
    .bind(now)
    .bind(account_id)
    .bind(hash)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Active reader accounts whose validity ends after `after` but before `before` and who were
/// not told yet.
pub async fn expiring(db: &Db, after: i64, before: i64) -> Result<Vec<Account>, sqlx::Error> {
    let sql = format!(
        "select {COLUMNS} from accounts where state = 'active' and expires_at is not null \
         and expires_at > $1 and expires_at < $2 and expiry_notified = 0"
    );
    let rows = sqlx::query(&sql)
        .bind(after)
        .bind(before)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(account).collect()
}

/// How many accounts hold the admin role and are not suspended.
pub async fn admin_count(db: &Db) -> Result<i64, sqlx::Error> {
    // Role names never contain one another, so the comma-delimited match is exact.
    sqlx::query_scalar(
        "select count(*) from accounts where state <> 'suspended' \
         and (',' || roles || ',') like '%,admin,%'",
    )
    .fetch_one(&db.pool)
    .await
}

/// Puts an account back in the verification queue (a renewal), received now.
pub async fn request_renewal(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update accounts set state = 'pending', email_verified_at = $1 where account_id = $2",
    )
    .bind(now_text())
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Marks active accounts whose validity ended by `now` expired; returns their (id, e-mail).
pub async fn expire_due(db: &Db, now: i64) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let rows = sqlx::query(
        "update accounts set state = 'expired' where state = 'active' and expires_at is not null \
         and expires_at <= $1 returning account_id, email",
    )
    .bind(now)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
        .collect()
}
