//! Staff and admin decisions: activating or refusing a registration, creating accounts,
//! roles, suspension, resetting a second factor; and the hourly housekeeping.

use super::{FlowError, addressee, field, link, send};
use crate::accounts::audit::{self, Event};
use crate::accounts::guard;
use crate::accounts::sessions::DbSessions;
use crate::accounts::store::{self, Account, NewAccount};
use crate::accounts::{AccountState, Accounts, Role, now, validity};
use crate::readers::mail::templates;
use crate::readers::{password, validate};

fn decision<'a>(
    action: &'a str,
    by: Option<&'a Account>,
    on: &'a Account,
    address: Option<&'a str>,
) -> Event<'a> {
    Event {
        action,
        actor_id: by.map(|b| b.id),
        actor: by.map(|b| b.email.as_str()),
        subject_id: Some(on.id),
        subject: Some(&on.email),
        address,
        ..Default::default()
    }
}

fn require(actor: &Account, role: Role) -> Result<(), FlowError> {
    if guard::may(actor, role) {
        Ok(())
    } else {
        Err(FlowError::Forbidden)
    }
}

fn require_verifier(actor: &Account) -> Result<(), FlowError> {
    if guard::may_verify(actor) {
        Ok(())
    } else {
        Err(FlowError::Forbidden)
    }
}

async fn target(a: &Accounts, id: i64) -> Result<Account, FlowError> {
    store::by_id(&a.db, id)
        .await?
        .ok_or_else(|| FlowError::Form("Không có tài khoản này (no such account)".into()))
}

/// The end of validity of an account activated now.
fn validity_end(a: &Accounts) -> i64 {
    let today = time::OffsetDateTime::now_utc();
    let months = a.months as i64;
    let (mut y, mut m) = (today.year() as i64, today.month() as i64 - 1 + months);
    y += m / 12;
    m %= 12;
    let month = time::Month::try_from((m + 1) as u8).unwrap_or(time::Month::January);
    let day = today.day().min(time::util::days_in_month(month, y as i32));
    time::Date::from_calendar_date(y as i32, month, day)
        .map(|d| d.with_time(today.time()).assume_utc().unix_timestamp())
        .unwrap_or(now() + months * 30 * 24 * 3600)
}

/// Staff activate a pending registration; the reader is told by e-mail.
pub async fn activate(
    a: &Accounts,
    staff: &Account,
    id: i64,
    address: Option<&str>,
) -> Result<(), FlowError> {
    require_verifier(staff)?;
    let reader = target(a, id).await?;
    if !store::decide(
        &a.db,
        id,
        AccountState::Active,
        staff.id,
        None,
        Some(validity_end(a)),
    )
    .await?
    {
        return Err(FlowError::Form(
            "Hồ sơ này không còn chờ xác minh (this registration is no longer pending)".into(),
        ));
    }
    send(
        a,
        &templates::activated(
            &addressee(a, &reader),
            &format!("{}/account/sign-in", a.base_url),
        ),
    )
    .await?;
    audit::record(
        &a.db,
        decision("reader.activated", Some(staff), &reader, address),
    )
    .await;
    Ok(())
}

/// Staff refuse a pending registration with a reason the reader receives.
pub async fn refuse(
    a: &Accounts,
    staff: &Account,
    id: i64,
    reason: &str,
    address: Option<&str>,
) -> Result<(), FlowError> {
    require_verifier(staff)?;
    let reason = validate::one_line(reason);
    if reason.chars().count() < 5 {
        return Err(field(
            "reason",
            "Ghi lý do từ chối (ít nhất 5 ký tự); độc giả sẽ nhận được lý do này qua thư \
             (write the reason, at least 5 characters; the reader receives it)",
        ));
    }
    let reader = target(a, id).await?;
    if !store::decide(
        &a.db,
        id,
        AccountState::Refused,
        staff.id,
        Some(&reason),
        None,
    )
    .await?
    {
        return Err(FlowError::Form(
            "Hồ sơ này không còn chờ xác minh (this registration is no longer pending)".into(),
        ));
    }
    send(a, &templates::refused(&addressee(a, &reader), &reason)).await?;
    audit::record(
        &a.db,
        Event {
            detail: Some(&reason),
            ..decision("reader.refused", Some(staff), &reader, address)
        },
    )
    .await;
    Ok(())
}

/// A new account made by an admin (`actor`) or from the command line (`None`). Without a
/// password, a set-password link valid 72 hours is mailed and returned.
pub async fn add_user(
    a: &Accounts,
    actor: Option<&Account>,
    email: &str,
    full_name: &str,
    roles: &[Role],
    password_given: Option<&str>,
    address: Option<&str>,
) -> Result<(i64, Option<String>), FlowError> {
    if let Some(actor) = actor {
        require(actor, Role::Admin)?;
    }
    let mut errors = Vec::new();
    let email = validate::email(email)
        .map(|e| e.to_lowercase())
        .map_err(|e| errors.push(("email".to_string(), e.message)))
        .ok();
    let name = validate::full_name(full_name)
        .map_err(|e| errors.push(("full_name".to_string(), e.message)))
        .ok();
    if roles.is_empty() {
        errors.push((
            "roles".into(),
            "Chọn ít nhất một vai trò (choose at least one role)".into(),
        ));
    }
    if let (Some(p), Some(e), Some(n)) = (password_given, &email, &name)
        && let Err(err) = password::check_policy(p, &[e, n])
    {
        errors.push(("password".into(), err.message));
    }
    let (Some(email), Some(name), true) = (email, name, errors.is_empty()) else {
        return Err(FlowError::Fields(errors));
    };
    if store::by_email(&a.db, &email).await?.is_some() {
        return Err(field(
            "email",
            "Địa chỉ này đã có tài khoản (this address already has an account)",
        ));
    }
    // Without a password the account can be used only through the mailed link.
    let hash = password::hash(
        &password_given.map_or_else(super::super::tokens::random_token, str::to_string),
    );
    let id = store::insert(
        &a.db,
        &NewAccount {
            email: email.clone(),
            full_name: name.clone(),
            fee_object_type: "10".into(),
            password_hash: hash,
            state: Some(AccountState::Active),
            roles: roles.to_vec(),
            ..Default::default()
        },
    )
    .await?;
    let created = target(a, id).await?;
    let invite = if password_given.is_none() {
        let url = link(a, id, "reset", "/account/reset", validity::INVITE, None).await?;
        send(
            a,
            &templates::password_reset(&addressee(a, &created), &url, 72),
        )
        .await?;
        Some(url)
    } else {
        None
    };
    let roles_text = store::roles_text(roles);
    audit::record(
        &a.db,
        Event {
            detail: Some(&roles_text),
            ..decision("user.added", actor, &created, address)
        },
    )
    .await;
    Ok((id, invite))
}

/// Replaces an account's roles. The last active admin keeps the admin role.
pub async fn set_roles(
    a: &Accounts,
    admin: &Account,
    id: i64,
    roles: &[Role],
    address: Option<&str>,
) -> Result<(), FlowError> {
    require(admin, Role::Admin)?;
    let user = target(a, id).await?;
    if roles.is_empty() {
        return Err(field(
            "roles",
            "Chọn ít nhất một vai trò (choose at least one role)",
        ));
    }
    if user.has(Role::Admin)
        && !roles.contains(&Role::Admin)
        && store::admin_count(&a.db).await? <= 1
    {
        return Err(FlowError::Form(
            "Không thể bỏ vai trò quản trị của quản trị viên cuối cùng (the last administrator keeps the role)".into(),
        ));
    }
    let text = store::roles_text(roles);
    store::set_text(&a.db, id, "roles", Some(&text)).await?;
    store::bump_epoch(&a.db, id).await?;
    audit::record(
        &a.db,
        Event {
            detail: Some(&text),
            ..decision("user.roles", Some(admin), &user, address)
        },
    )
    .await;
    Ok(())
}

/// Suspends (every session ends) or reactivates an account.
pub async fn set_suspended(
    a: &Accounts,
    admin: &Account,
    id: i64,
    suspended: bool,
    address: Option<&str>,
) -> Result<(), FlowError> {
    require(admin, Role::Admin)?;
    let user = target(a, id).await?;
    if suspended {
        if user.id == admin.id {
            return Err(FlowError::Form(
                "Không thể tự khóa tài khoản của mình (you cannot suspend yourself)".into(),
            ));
        }
        store::set_text(&a.db, id, "state", Some(AccountState::Suspended.as_str())).await?;
        store::bump_epoch(&a.db, id).await?;
    } else if !store::transition(&a.db, id, AccountState::Suspended, AccountState::Active).await? {
        return Err(FlowError::Form(
            "Tài khoản này không bị khóa (this account is not suspended)".into(),
        ));
    }
    let action = if suspended {
        "user.suspended"
    } else {
        "user.reactivated"
    };
    audit::record(&a.db, decision(action, Some(admin), &user, address)).await;
    Ok(())
}

/// Removes an account's second factor (a lost phone); it enrols again at the next sign-in.
pub async fn reset_second_factor(
    a: &Accounts,
    admin: &Account,
    id: i64,
    address: Option<&str>,
) -> Result<(), FlowError> {
    require(admin, Role::Admin)?;
    let user = target(a, id).await?;
    store::set_text(&a.db, id, "totp_secret", None).await?;
    store::set_int(&a.db, id, "totp_last_step", None).await?;
    store::set_recovery_codes(&a.db, id, &[]).await?;
    store::bump_epoch(&a.db, id).await?;
    audit::record(
        &a.db,
        decision("second_factor.reset", Some(admin), &user, address),
    )
    .await;
    Ok(())
}

/// Deletes expired sessions, marks accounts past their validity expired, and tells readers a
/// month ahead that their account will expire.
pub async fn housekeeping(a: &Accounts) -> anyhow::Result<()> {
    DbSessions::new(a.db.clone()).delete_expired().await?;
    let at = now();
    for acc in store::expiring(&a.db, at, at + 30 * 24 * 3600).await? {
        let Some(end) = acc.expires_at else { continue };
        let day = time::OffsetDateTime::from_unix_timestamp(end)?
            .to_offset(time::macros::offset!(+7))
            .date();
        let mail =
            templates::expiring(&addressee(a, &acc), day, &format!("{}/account", a.base_url));
        if let Err(e) = a.mailer.send(&mail).await {
            tracing::warn!("expiry notice to {}: {e}", acc.email);
            continue;
        }
        store::set_int(&a.db, acc.id, "expiry_notified", Some(1)).await?;
    }
    for (id, email) in store::expire_due(&a.db, at).await? {
        audit::record(
            &a.db,
            Event {
                action: "account.expired",
                subject_id: Some(id),
                subject: Some(&email),
                ..Default::default()
            },
        )
        .await;
    }
    Ok(())
}
