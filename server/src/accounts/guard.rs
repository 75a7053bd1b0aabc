//! What a session says about its user: who is signed in (checked against the absolute timeout,
//! the account's session epoch and its state on every use), the half-way state of a second
//! factor, and the session's anti-CSRF token.

use super::sessions::{ABSOLUTE, keys};
use super::store::{self, Account};
use super::{AccountState, Accounts, Role, now, tokens};
use tower_sessions::Session;

/// A session problem: the store failed.
#[derive(Debug, thiserror::Error)]
#[error("session store: {0}")]
pub struct SessionError(String);

impl From<tower_sessions::session::Error> for SessionError {
    fn from(e: tower_sessions::session::Error) -> Self {
        SessionError(e.to_string())
    }
}

impl From<sqlx::Error> for SessionError {
    fn from(e: sqlx::Error) -> Self {
        SessionError(e.to_string())
    }
}

/// The fully signed-in account of the session, if any. A sign-in older than twelve hours, one
/// made before "sign out everywhere" or a password change, and one of a suspended account end
/// here: the session is emptied and a new id issued.
pub async fn current(
    accounts: &Accounts,
    session: &Session,
) -> Result<Option<Account>, SessionError> {
    let Some(uid) = session.get::<i64>(keys::UID).await? else {
        return Ok(None);
    };
    let signed_in_at = session.get::<i64>(keys::SIGNED_IN_AT).await?.unwrap_or(0);
    let epoch = session.get::<i64>(keys::EPOCH).await?.unwrap_or(-1);
    let account = store::by_id(&accounts.db, uid).await?;
    let valid = account.as_ref().is_some_and(|a| {
        now() - signed_in_at < ABSOLUTE.as_secs() as i64
            && a.session_epoch == epoch
            && a.stored_state != AccountState::Suspended
    });
    if !valid {
        if let Some(a) = &account {
            super::audit::record(
                &accounts.db,
                super::audit::Event {
                    action: "session.expired",
                    subject_id: Some(a.id),
                    subject: Some(&a.email),
                    ..Default::default()
                },
            )
            .await;
        }
        session.flush().await?;
        return Ok(None);
    }
    Ok(account)
}

/// The account waiting for its second factor, with what it still has to do.
pub async fn pending(
    accounts: &Accounts,
    session: &Session,
) -> Result<Option<Account>, SessionError> {
    let Some(uid) = session.get::<i64>(keys::PENDING_UID).await? else {
        return Ok(None);
    };
    let signed_in_at = session.get::<i64>(keys::SIGNED_IN_AT).await?.unwrap_or(0);
    // The half-way state lasts at most a quarter of an hour.
    if now() - signed_in_at > 900 {
        session.flush().await?;
        return Ok(None);
    }
    Ok(store::by_id(&accounts.db, uid).await?)
}

/// Whether an account must pass a second factor at sign-in: every account that has enrolled
/// one (readers may), and staff-side roles outside demo mode (they enrol at first sign-in).
pub fn needs_second_factor(accounts: &Accounts, account: &Account) -> bool {
    account.totp_secret.is_some() || (!accounts.demo && account.is_staff_side())
}

/// The account that may enrol a second factor on this session: the signed-in one, or one
/// half-way through a sign-in that has none yet. An account half-way through a sign-in that
/// already has a second factor may not replace it (that would skip it).
pub async fn enrolling(
    accounts: &Accounts,
    session: &Session,
) -> Result<Option<Account>, SessionError> {
    if let Some(pending) = pending(accounts, session).await? {
        return Ok(pending.totp_secret.is_none().then_some(pending));
    }
    current(accounts, session).await
}

/// After a right password: a new session id (no fixation), then either fully signed in or
/// waiting for the second factor. Returns whether the second factor is still to come.
pub async fn password_ok(
    accounts: &Accounts,
    session: &Session,
    account: &Account,
    next: &str,
) -> Result<bool, SessionError> {
    session.clear().await;
    session.cycle_id().await?;
    session.insert(keys::SIGNED_IN_AT, now()).await?;
    session.insert(keys::CSRF, tokens::random_token()).await?;
    if needs_second_factor(accounts, account) {
        session.insert(keys::PENDING_UID, account.id).await?;
        session.insert(keys::NEXT, next).await?;
        Ok(true)
    } else {
        signed_in(session, account).await?;
        Ok(false)
    }
}

/// Makes the session fully signed in as `account` (after the second factor too), with a new id.
pub async fn signed_in(session: &Session, account: &Account) -> Result<(), SessionError> {
    session.remove_value(keys::PENDING_UID).await?;
    session.cycle_id().await?;
    session.insert(keys::UID, account.id).await?;
    session.insert(keys::EPOCH, account.session_epoch).await?;
    if session.get::<i64>(keys::SIGNED_IN_AT).await?.is_none() {
        session.insert(keys::SIGNED_IN_AT, now()).await?;
    }
    session.insert(keys::CSRF, tokens::random_token()).await?;
    Ok(())
}

/// The session's anti-CSRF token, made (with the session) on first use.
pub async fn csrf_token(session: &Session) -> Result<String, SessionError> {
    if let Some(t) = session.get::<String>(keys::CSRF).await? {
        return Ok(t);
    }
    let t = tokens::random_token();
    session.insert(keys::CSRF, &t).await?;
    Ok(t)
}

/// Whether a submitted token is the session's (a session without a token accepts none).
pub async fn csrf_ok(session: &Session, given: Option<&str>) -> Result<bool, SessionError> {
    let expected = session.get::<String>(keys::CSRF).await?;
    Ok(match (expected, given) {
        (Some(e), Some(g)) => !g.is_empty() && tokens::same(&e, g),
        _ => false,
    })
}

/// Whether the account may act as `role` now: it holds the role and is active (readers' own
/// expiry does not apply to staff-side roles).
pub fn may(account: &Account, role: Role) -> bool {
    account.has(role)
        && match role {
            Role::Reader => account.state(now()) == AccountState::Active,
            _ => account.stored_state == AccountState::Active,
        }
}

/// Whether the account may verify readers (reading-room staff, or the approver).
pub fn may_verify(account: &Account) -> bool {
    may(account, Role::Staff) || may(account, Role::Approver)
}
