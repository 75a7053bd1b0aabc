//! What a person changes for themself: a forgotten password, the password, the e-mail address,
//! the renewal of an expired account.

use super::{BAD_LINK, FlowError, addressee, field, link, send, send_quietly};
use crate::accounts::audit::{self, Event};
use crate::accounts::guard::SessionError;
use crate::accounts::store::{self, Account};
use crate::accounts::{AccountState, Accounts, now, sessions::keys, throttle, tokens, validity};
use crate::readers::mail::templates::{self, Addressee};
use crate::readers::{password, validate};
use tower_sessions::Session;

/// "Forgot password": mails a single-use link valid one hour when the address has an account
/// (at most one a minute); the answer is the same either way.
pub async fn forgot(a: &Accounts, email: &str, address: Option<&str>) -> Result<(), FlowError> {
    let email = match validate::email(email) {
        Ok(e) => e.to_lowercase(),
        Err(e) => return Err(field("email", e.message)),
    };
    let Some(account) = store::by_email(&a.db, &email).await? else {
        return Ok(());
    };
    let key = format!("reset-mail:{}", account.id);
    let at = now();
    if throttle::wait(
        &a.db,
        &key,
        throttle::Limit {
            free: 1,
            ceiling: 60,
        },
        at,
    )
    .await?
        > 0
    {
        return Ok(());
    }
    throttle::fail(&a.db, &key, at).await?;
    let url = link(
        a,
        account.id,
        "reset",
        "/account/reset",
        validity::RESET,
        None,
    )
    .await?;
    send_quietly(
        a,
        templates::password_reset(&addressee(a, &account), &url, 1),
    )
    .await?;
    audit::record(
        &a.db,
        Event::about("password.reset_requested", &account, address),
    )
    .await;
    Ok(())
}

/// Sets a new password from a reset (or invitation) link; every session of the account ends.
pub async fn reset(
    a: &Accounts,
    token: &str,
    new_password: &str,
    address: Option<&str>,
) -> Result<(), FlowError> {
    let hash = tokens::digest(token);
    // The policy is checked before the link is spent, so a weak password costs nothing.
    let Some(id) = store::token_owner(&a.db, &hash, "reset", now()).await? else {
        return Err(FlowError::Form(BAD_LINK.into()));
    };
    let account = store::by_id(&a.db, id)
        .await?
        .ok_or_else(|| FlowError::Form(BAD_LINK.into()))?;
    password::check_policy(new_password, &[&account.email, &account.full_name])
        .map_err(|e| field("password", e.message))?;
    if store::use_token(&a.db, &hash, "reset", now())
        .await?
        .is_none()
    {
        return Err(FlowError::Form(BAD_LINK.into()));
    }
    store::set_text(
        &a.db,
        id,
        "password_hash",
        Some(&password::hash(new_password)),
    )
    .await?;
    store::set_text(
        &a.db,
        id,
        "password_changed_at",
        Some(&crate::db::now_text()),
    )
    .await?;
    // Following the link proves the address: an unconfirmed registration goes to staff.
    if store::transition(&a.db, id, AccountState::Unverified, AccountState::Pending).await? {
        store::set_text(&a.db, id, "email_verified_at", Some(&crate::db::now_text())).await?;
    }
    store::bump_epoch(&a.db, id).await?;
    throttle::clear(&a.db, &format!("account:{}", account.email)).await?;
    audit::record(&a.db, Event::own("password.reset", &account, address)).await;
    Ok(())
}

/// Changes the password of the signed-in account after checking the current one. Other
/// sessions end; this one stays signed in.
pub async fn change_password(
    a: &Accounts,
    session: &Session,
    account: &Account,
    current: &str,
    new_password: &str,
    address: Option<&str>,
) -> Result<(), FlowError> {
    let mut errors = Vec::new();
    if !password::verify(current, &account.password_hash) {
        errors.push((
            "current_password".to_string(),
            "Mật khẩu hiện tại không đúng (the current password is wrong)".to_string(),
        ));
    }
    if let Err(e) = password::check_policy(new_password, &[&account.email, &account.full_name]) {
        errors.push(("password".to_string(), e.message));
    }
    if !errors.is_empty() {
        if errors[0].0 == "current_password" {
            audit::record(
                &a.db,
                Event::own("password.change_failed", account, address),
            )
            .await;
        }
        return Err(FlowError::Fields(errors));
    }
    store::set_text(
        &a.db,
        account.id,
        "password_hash",
        Some(&password::hash(new_password)),
    )
    .await?;
    store::set_text(
        &a.db,
        account.id,
        "password_changed_at",
        Some(&crate::db::now_text()),
    )
    .await?;
    let epoch = store::bump_epoch(&a.db, account.id).await?;
    session
        .insert(keys::EPOCH, epoch)
        .await
        .map_err(SessionError::from)?;
    session.cycle_id().await.map_err(SessionError::from)?;
    audit::record(&a.db, Event::own("password.changed", account, address)).await;
    Ok(())
}

/// Asks to change the address: a confirmation link goes to the new address (valid 24 h). The
/// answer is the same whether or not the new address already has an account.
pub async fn request_email_change(
    a: &Accounts,
    account: &Account,
    new_email: &str,
    current: &str,
    address: Option<&str>,
) -> Result<(), FlowError> {
    let mut errors = Vec::new();
    let email = match validate::email(new_email) {
        Ok(e) => Some(e.to_lowercase()),
        Err(e) => {
            errors.push(("email".to_string(), e.message));
            None
        }
    };
    if !password::verify(current, &account.password_hash) {
        errors.push((
            "current_password".to_string(),
            "Mật khẩu hiện tại không đúng (the current password is wrong)".to_string(),
        ));
    }
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return Err(FlowError::Fields(errors));
    };
    if email == account.email || store::by_email(&a.db, &email).await?.is_some() {
        return Ok(());
    }
    let url = link(
        a,
        account.id,
        "email_change",
        "/account/email/confirm",
        validity::EMAIL_CHANGE,
        Some(&email),
    )
    .await?;
    let to = Addressee {
        email: &email,
        name: &account.full_name,
        archive: &a.archive,
    };
    send(a, &templates::email_change(&to, &url, 24)).await?;
    audit::record(
        &a.db,
        Event {
            detail: Some(&email),
            ..Event::own("email.change_requested", account, address)
        },
    )
    .await;
    Ok(())
}

/// Follows the confirmation link of a new address.
pub async fn confirm_email_change(
    a: &Accounts,
    token: &str,
    address: Option<&str>,
) -> Result<(), FlowError> {
    let Some(t) = store::use_token(&a.db, &tokens::digest(token), "email_change", now()).await?
    else {
        return Err(FlowError::Form(BAD_LINK.into()));
    };
    let (Some(email), Some(account)) = (t.new_email, store::by_id(&a.db, t.account_id).await?)
    else {
        return Err(FlowError::Form(BAD_LINK.into()));
    };
    if store::by_email(&a.db, &email).await?.is_some() {
        return Err(FlowError::Form(BAD_LINK.into()));
    }
    store::set_text(&a.db, account.id, "email", Some(&email)).await?;
    audit::record(
        &a.db,
        Event {
            detail: Some(&email),
            ..Event::own("email.changed", &account, address)
        },
    )
    .await;
    Ok(())
}

/// Whether the reader may ask for renewal at `now`: expired, or active within 30 days of expiry.
pub fn renewable(account: &Account, at: i64) -> bool {
    match (account.state(at), account.expires_at) {
        (AccountState::Expired, _) => true,
        (AccountState::Active, Some(end)) => end - at <= 30 * 24 * 3600,
        _ => false,
    }
}

/// Asks for renewal: the account goes back to the staff queue (identity checked again).
pub async fn renew(
    a: &Accounts,
    account: &Account,
    address: Option<&str>,
) -> Result<(), FlowError> {
    if !renewable(account, now()) {
        return Err(FlowError::Form(
            "Tài khoản chưa đến hạn gia hạn (the account cannot be renewed yet)".into(),
        ));
    }
    store::request_renewal(&a.db, account.id).await?;
    audit::record(
        &a.db,
        Event::own("account.renewal_requested", account, address),
    )
    .await;
    Ok(())
}
