//! Signing in and out: the password with the slow-down, the second factor (a code or a
//! recovery code), its enrolment, and signing out of one or every session.

use super::{BAD_SIGN_IN, FlowError, field, wait_message};
use crate::accounts::audit::{self, Event};
use crate::accounts::guard::{self, SessionError};
use crate::accounts::store::{self, Account};
use crate::accounts::{AccountState, Accounts, now, throttle, tokens, totp};
use crate::readers::password;
use tower_sessions::Session;

/// Where a right password leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignedIn {
    /// Fully signed in; go to this local path.
    Done(String),
    /// The TOTP code (or a recovery code) is still to come.
    SecondFactor,
    /// A staff-side account without a second factor must enrol one first.
    Enrol,
}

/// A local path to return to after sign-in; anything else becomes `/account`.
pub fn safe_next(next: &str) -> String {
    let next = next.trim();
    // Browsers drop tabs and newlines inside URLs, so `/\t/evil.example` would become
    // `//evil.example`: refuse every control or space character outright.
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.contains("://")
        && !next.chars().any(|c| c.is_control() || c.is_whitespace());
    if local {
        next.to_string()
    } else {
        "/account".to_string()
    }
}

/// Signs in with an e-mail address and a password. Failures are counted per address typed and
/// per client address; past the free attempts the caller must wait, doubling each time.
pub async fn sign_in(
    a: &Accounts,
    session: &Session,
    email: &str,
    password_typed: &str,
    next: &str,
    address: Option<&str>,
) -> Result<SignedIn, FlowError> {
    let email = email.trim().to_lowercase();
    let at = now();
    let account_key = format!("account:{email}");
    let address_key = format!("address:{}", address.unwrap_or("unknown"));
    let wait = throttle::wait(&a.db, &account_key, throttle::ACCOUNT, at)
        .await?
        .max(throttle::wait(&a.db, &address_key, throttle::ADDRESS, at).await?);
    let account = store::by_email(&a.db, &email).await?;
    let known_id = account.as_ref().map(|x| x.id);
    if wait > 0 {
        audit::record(
            &a.db,
            Event {
                action: "sign_in.throttled",
                subject_id: known_id,
                subject: Some(&email),
                address,
                detail: Some(&format!("{wait} s")),
                ..Default::default()
            },
        )
        .await;
        return Err(FlowError::Form(wait_message(wait)));
    }
    let ok = match &account {
        Some(acc) => password::verify(password_typed, &acc.password_hash),
        None => password::verify_unknown_account(password_typed),
    };
    let Some(account) = account.filter(|_| ok) else {
        throttle::fail(&a.db, &account_key, at).await?;
        throttle::fail(&a.db, &address_key, at).await?;
        audit::record(
            &a.db,
            Event {
                action: "sign_in.failed",
                subject_id: known_id,
                subject: Some(&email),
                address,
                ..Default::default()
            },
        )
        .await;
        return Err(FlowError::Form(BAD_SIGN_IN.into()));
    };
    throttle::clear(&a.db, &account_key).await?;
    if account.stored_state == AccountState::Suspended {
        audit::record(&a.db, Event::about("sign_in.suspended", &account, address)).await;
        return Err(FlowError::Form(
            "Tài khoản đang bị tạm khóa; xin liên hệ phòng đọc. (This account is suspended; \
             please contact the reading room.)"
                .into(),
        ));
    }
    if password::needs_rehash(&account.password_hash) {
        store::set_text(
            &a.db,
            account.id,
            "password_hash",
            Some(&password::hash(password_typed)),
        )
        .await?;
    }
    let next = safe_next(next);
    let second = guard::password_ok(a, session, &account, &next).await?;
    if second {
        return Ok(if account.totp_secret.is_some() {
            SignedIn::SecondFactor
        } else {
            SignedIn::Enrol
        });
    }
    finish_sign_in(a, &account, address).await?;
    Ok(SignedIn::Done(next))
}

async fn finish_sign_in(
    a: &Accounts,
    account: &Account,
    address: Option<&str>,
) -> Result<(), FlowError> {
    store::set_text(
        &a.db,
        account.id,
        "last_sign_in_at",
        Some(&crate::db::now_text()),
    )
    .await?;
    audit::record(&a.db, Event::own("sign_in.ok", account, address)).await;
    Ok(())
}

/// Checks the second factor (a TOTP code or a recovery code) of the session's pending sign-in;
/// returns where to go.
pub async fn second_factor(
    a: &Accounts,
    session: &Session,
    code: &str,
    address: Option<&str>,
) -> Result<String, FlowError> {
    let Some(account) = guard::pending(a, session).await? else {
        return Err(FlowError::Form(
            "Phiên đăng nhập đã hết hạn; hãy đăng nhập lại. (The sign-in expired; sign in again.)"
                .into(),
        ));
    };
    let Some(secret) = account.totp_secret.clone() else {
        return Err(FlowError::Forbidden);
    };
    let at = now();
    let key = format!("totp:{}", account.id);
    let wait = throttle::wait(&a.db, &key, throttle::SECOND_FACTOR, at).await?;
    let event = |action: &'static str| Event::own(action, &account, address);
    if wait > 0 {
        audit::record(&a.db, event("second_factor.throttled")).await;
        return Err(field("code", wait_message(wait)));
    }
    let accepted =
        if let Some(step) = totp::verify(&secret, code, at as u64, account.totp_last_step) {
            store::set_int(&a.db, account.id, "totp_last_step", Some(step)).await?;
            true
        } else {
            let hash = tokens::digest(&tokens::normalise_recovery_code(code));
            let used = code.chars().filter(char::is_ascii_alphanumeric).count() == 12
                && store::use_recovery_code(&a.db, account.id, &hash, at).await?;
            if used {
                audit::record(&a.db, event("recovery_code.used")).await;
            }
            used
        };
    if !accepted {
        throttle::fail(&a.db, &key, at).await?;
        audit::record(&a.db, event("second_factor.failed")).await;
        return Err(field(
            "code",
            "Mã không đúng hoặc đã dùng; nhập mã 6 chữ số đang hiện trong ứng dụng xác thực, hoặc một \
             mã khôi phục. (Wrong or used code: type the 6 digits your authenticator shows now, or a \
             recovery code.)",
        ));
    }
    throttle::clear(&a.db, &key).await?;
    let next = session
        .get::<String>(crate::accounts::sessions::keys::NEXT)
        .await
        .map_err(SessionError::from)?
        .unwrap_or_else(|| "/account".into());
    guard::signed_in(session, &account).await?;
    audit::record(&a.db, event("second_factor.ok")).await;
    finish_sign_in(a, &account, address).await?;
    Ok(safe_next(&next))
}

/// Confirms a TOTP enrolment with a first code; stores the secret, makes ten recovery codes
/// (kept in the session to be shown once) and completes the sign-in.
pub async fn enrol_second_factor(
    a: &Accounts,
    session: &Session,
    code: &str,
    address: Option<&str>,
) -> Result<(), FlowError> {
    let account = match guard::enrolling(a, session).await? {
        Some(acc) => acc,
        None => return Err(FlowError::Forbidden),
    };
    let Some(secret) = session
        .get::<String>(crate::accounts::sessions::keys::TOTP_SECRET)
        .await
        .map_err(SessionError::from)?
    else {
        return Err(FlowError::Form(
            "Hãy mở lại trang đăng ký mã xác thực. (Open the enrolment page again.)".into(),
        ));
    };
    let Some(step) = totp::verify(&secret, code, now() as u64, None) else {
        return Err(field(
            "code",
            "Mã không đúng; kiểm tra giờ của điện thoại và nhập mã 6 chữ số đang hiện. (Wrong code: \
             check the phone's clock and type the 6 digits shown now.)",
        ));
    };
    store::set_text(&a.db, account.id, "totp_secret", Some(&secret)).await?;
    store::set_int(&a.db, account.id, "totp_last_step", Some(step)).await?;
    let codes = tokens::recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|c| tokens::digest(c)).collect();
    store::set_recovery_codes(&a.db, account.id, &hashes).await?;
    session
        .remove_value(crate::accounts::sessions::keys::TOTP_SECRET)
        .await
        .map_err(SessionError::from)?;
    session
        .insert(crate::accounts::sessions::keys::RECOVERY, &codes)
        .await
        .map_err(SessionError::from)?;
    guard::signed_in(session, &account).await?;
    audit::record(
        &a.db,
        Event::own("second_factor.enrolled", &account, address),
    )
    .await;
    finish_sign_in(a, &account, address).await?;
    Ok(())
}

/// Ends this session; with `everywhere`, every session of the account.
pub async fn sign_out(
    a: &Accounts,
    session: &Session,
    everywhere: bool,
    address: Option<&str>,
) -> Result<(), FlowError> {
    if let Some(account) = guard::current(a, session).await? {
        if everywhere {
            store::bump_epoch(&a.db, account.id).await?;
        }
        audit::record(
            &a.db,
            Event {
                action: if everywhere {
                    "sign_out.everywhere"
                } else {
                    "sign_out"
                },
                actor_id: Some(account.id),
                actor: Some(&account.email),
                subject_id: Some(account.id),
                subject: Some(&account.email),
                address,
                ..Default::default()
            },
        )
        .await;
    }
    session.flush().await.map_err(SessionError::from)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_kept_after_sign_in() {
        assert_eq!(safe_next("/account?tab=1"), "/account?tab=1");
        assert_eq!(safe_next("/staff/readers"), "/staff/readers");
        for bad in [
            "//evil.example",
            "/\\evil.example",
            "https://evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/ /x",
            "evil",
            "",
        ] {
            assert_eq!(safe_next(bad), "/account", "{bad:?}");
        }
    }
}
