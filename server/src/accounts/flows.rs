//! The account flows, one function per thing a person does: register, confirm the e-mail, sign
//! in (with the slow-down and the second factor), sign out. Self-service changes are in
//! `flows/self_service.rs`, staff and admin decisions in `flows/staff.rs`.
//!
//! Messages that could tell whether an address has an account are the same either way.

pub mod self_service;
pub mod staff;

pub use self_service::{
    change_password, confirm_email_change, forgot, renew, request_email_change, reset,
};
pub use staff::{
    activate, add_user, housekeeping, refuse, reset_second_factor, set_roles, set_suspended,
};

use super::audit::{self, Event};
use super::guard::{self, SessionError};
use super::store::{self, Account, NewAccount};
use super::{AccountState, Accounts, Role, now, throttle, tokens, totp};
use crate::readers::mail::templates::{self, Addressee};
use crate::readers::validate::{self, Registration};
use crate::readers::{mail::Mail, password};
use tower_sessions::Session;

/// Why a flow did not go through.
#[derive(Debug, thiserror::Error)]
pub enum FlowError {
    /// Field problems: (field name, message).
    #[error("invalid fields")]
    Fields(Vec<(String, String)>),
    /// A problem with the form as a whole (wrong password, used link, waiting time).
    #[error("{0}")]
    Form(String),
    /// The acting user may not do this.
    #[error("forbidden")]
    Forbidden,
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sqlx::Error> for FlowError {
    fn from(e: sqlx::Error) -> Self {
        FlowError::Internal(e.into())
    }
}

impl From<SessionError> for FlowError {
    fn from(e: SessionError) -> Self {
        FlowError::Internal(e.into())
    }
}

fn field(name: &str, message: impl Into<String>) -> FlowError {
    FlowError::Fields(vec![(name.to_string(), message.into())])
}

/// The one message for a link that is unknown, used or expired.
pub const BAD_LINK: &str = "Đường dẫn không hợp lệ, đã được dùng hoặc đã hết hạn. Hãy yêu cầu một \
    đường dẫn mới. (This link is invalid, already used or expired; ask for a new one.)";
/// The one message for a failed sign-in, whatever failed.
pub const BAD_SIGN_IN: &str = "Địa chỉ thư điện tử hoặc mật khẩu không đúng. \
    (The e-mail address or the password is wrong.)";

fn wait_message(seconds: i64) -> String {
    format!(
        "Đã có nhiều lần đăng nhập sai. Vui lòng thử lại sau {seconds} giây. \
         (Too many failed attempts; try again in {seconds} seconds.)"
    )
}

/// A file uploaded with a form.
#[derive(Clone, Debug)]
pub struct Upload {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The largest evidence file accepted.
pub const EVIDENCE_MAX: usize = 10 * 1024 * 1024;

/// The media type of an evidence file, recognised by content (PDF, JPEG, PNG), or why not.
pub fn evidence_type(bytes: &[u8]) -> Result<&'static str, &'static str> {
    if bytes.len() > EVIDENCE_MAX {
        Err(
            "Tệp minh chứng lớn hơn 10 MB; hãy chụp hoặc quét lại với độ phân giải thấp hơn (the file is larger than 10 MB)",
        )
    } else if bytes.starts_with(b"%PDF-") {
        Ok("application/pdf")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok("image/jpeg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok("image/png")
    } else {
        Err(
            "Tệp minh chứng phải là PDF, JPEG hoặc PNG (the evidence must be a PDF, JPEG or PNG file)",
        )
    }
}

pub(crate) fn addressee<'a>(a: &'a Accounts, account: &'a Account) -> Addressee<'a> {
    Addressee {
        email: &account.email,
        name: &account.full_name,
        archive: &a.archive,
    }
}

/// Sends a message; a failure is an internal error (logged with the transport's reason).
pub(crate) async fn send(a: &Accounts, mail: &Mail) -> Result<(), FlowError> {
    a.mailer
        .send(mail)
        .await
        .map_err(|e| FlowError::Internal(anyhow::anyhow!("sending mail to {}: {e}", mail.to)))
}

/// Sends a message whose sending must not show in the answer's timing (registration, reset: an
/// SMTP round trip would tell an address with an account from one without). Over SMTP it is sent
/// in the background, and a failure is logged and audited as `mail.failed`; the outbox is
/// written at once (a local file, no telltale delay).
pub(crate) async fn send_quietly(a: &Accounts, mail: Mail) -> Result<(), FlowError> {
    if a.mailer.outbox_dir().is_some() {
        return send(a, &mail).await;
    }
    let a = a.clone();
    tokio::spawn(async move {
        if let Err(e) = a.mailer.send(&mail).await {
            tracing::error!(to = mail.to, "account mail not sent: {e}");
            audit::record(
                &a.db,
                Event {
                    action: "mail.failed",
                    subject: Some(&mail.to),
                    detail: Some(&mail.subject),
                    ..Default::default()
                },
            )
            .await;
        }
    });
    Ok(())
}

/// Makes a single-use link for `account` and returns its URL.
pub(crate) async fn link(
    a: &Accounts,
    account_id: i64,
    purpose: &str,
    path: &str,
    valid: i64,
    new_email: Option<&str>,
) -> Result<String, FlowError> {
    let token = tokens::random_token();
    let at = now();
    store::insert_token(
        &a.db,
        &tokens::digest(&token),
        account_id,
        purpose,
        new_email,
        at + valid,
        at,
    )
    .await?;
    Ok(format!("{}{path}?token={token}", a.base_url))
}

/// Registers a reader (reader-services.md §1). Every field problem comes back at once. Whether
/// the address already had an account makes no difference to the answer; an unconfirmed
/// registration of the same address is replaced.
pub async fn register(
    a: &Accounts,
    form: &Registration,
    evidence: Option<Upload>,
    address: Option<&str>,
) -> Result<(), FlowError> {
    let mut errors: Vec<(String, String)> = Vec::new();
    let valid = validate::validate(form).map_err(|es| {
        es.into_iter()
            .map(|e| (e.field.to_string(), e.message))
            .collect::<Vec<_>>()
    });
    let evidence = evidence.filter(|u| !u.bytes.is_empty());
    let media = match &evidence {
        Some(u) => match evidence_type(&u.bytes) {
            Ok(m) => Some(m),
            Err(why) => {
                errors.push(("evidence".into(), why.into()));
                None
            }
        },
        None => None,
    };
    let valid = match valid {
        Ok(v) => Some(v),
        Err(es) => {
            errors.extend(es);
            None
        }
    };
    if let Some(v) = &valid
        && v.fee_object_type.needs_evidence()
        && evidence.is_none()
    {
        errors.push((
            "evidence".into(),
            "Đối tượng ưu tiên này cần tệp minh chứng (thẻ sinh viên, giấy xác nhận…) dạng PDF, \
             JPEG hoặc PNG (this priority category needs an evidence file)"
                .into(),
        ));
    }
    let (Some(v), true) = (valid, errors.is_empty()) else {
        return Err(FlowError::Fields(errors));
    };
    let email = v.email.to_lowercase();
    // Hash first, whatever happens next, so the answer takes the same time.
    let hash = password::hash(&form.password);
    match store::by_email(&a.db, &email).await? {
        Some(old) if old.stored_state == AccountState::Unverified => {
            store::delete(&a.db, old.id).await?;
        }
        Some(old) => {
            audit::record(
                &a.db,
                Event {
                    action: "register.duplicate",
                    subject_id: Some(old.id),
                    subject: Some(&old.email),
                    address,
                    ..Default::default()
                },
            )
            .await;
            return Ok(());
        }
        None => {}
    }
    let stored_evidence = match (evidence, media) {
        (Some(u), Some(m)) => {
            std::fs::create_dir_all(&a.evidence_dir)
                .map_err(|e| anyhow::anyhow!("{}: {e}", a.evidence_dir.display()))?;
            let file = format!("{}.bin", tokens::random_token());
            std::fs::write(a.evidence_dir.join(&file), &u.bytes)
                .map_err(|e| anyhow::anyhow!("evidence file: {e}"))?;
            let name: String = u
                .name
                .chars()
                .filter(|c| !c.is_control())
                .take(200)
                .collect();
            Some((file, name, m.to_string()))
        }
        _ => None,
    };
    let id = store::insert(
        &a.db,
        &NewAccount {
            email: email.clone(),
            full_name: v.full_name.clone(),
            identity_kind: form.identity_kind.trim().to_string(),
            identity_number: v.identity.number().to_string(),
            phone: v.phone.clone(),
            employer: v.employer.clone(),
            fee_object_type: v.fee_object_type.code().to_string(),
            evidence: stored_evidence,
            notes: v.notes.clone(),
            password_hash: hash,
            state: Some(AccountState::Unverified),
            roles: vec![Role::Reader],
        },
    )
    .await?;
    let url = link(
        a,
        id,
        "verify",
        "/account/verify",
        super::validity::VERIFY,
        None,
    )
    .await?;
    let to = Addressee {
        email: &email,
        name: &v.full_name,
        archive: &a.archive,
    };
    send_quietly(a, templates::verification(&to, &url, 24)).await?;
    audit::record(
        &a.db,
        Event {
            action: "register",
            subject_id: Some(id),
            subject: Some(&email),
            address,
            ..Default::default()
        },
    )
    .await;
    Ok(())
}

/// Follows the e-mail link of a registration: the account waits for staff (`pending`).
pub async fn verify_email(
    a: &Accounts,
    token: &str,
    address: Option<&str>,
) -> Result<(), FlowError> {
    let Some(t) = store::use_token(&a.db, &tokens::digest(token), "verify", now()).await? else {
        return Err(FlowError::Form(BAD_LINK.into()));
    };
    if store::transition(
        &a.db,
        t.account_id,
        AccountState::Unverified,
        AccountState::Pending,
    )
    .await?
    {
        store::set_text(
            &a.db,
            t.account_id,
            "email_verified_at",
            Some(&crate::db::now_text()),
        )
        .await?;
    }
    let account = store::by_id(&a.db, t.account_id).await?;
    audit::record(
        &a.db,
        Event {
            action: "email.verified",
            subject_id: Some(t.account_id),
            subject: account.as_ref().map(|x| x.email.as_str()),
            address,
            ..Default::default()
        },
    )
    .await;
    Ok(())
}

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
    if wait > 0 {
        audit::record(
            &a.db,
            Event {
                action: "sign_in.throttled",
                subject_id: account.as_ref().map(|x| x.id),
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
        let known = store::by_email(&a.db, &email).await?;
        audit::record(
            &a.db,
            Event {
                action: "sign_in.failed",
                subject_id: known.map(|x| x.id),
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
        audit::record(
            &a.db,
            Event {
                action: "sign_in.suspended",
                subject_id: Some(account.id),
                subject: Some(&account.email),
                address,
                ..Default::default()
            },
        )
        .await;
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
    audit::record(
        &a.db,
        Event {
            action: "sign_in.ok",
            actor_id: Some(account.id),
            actor: Some(&account.email),
            subject_id: Some(account.id),
            subject: Some(&account.email),
            address,
            ..Default::default()
        },
    )
    .await;
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
    let event = |action: &'static str| Event {
        action,
        actor_id: Some(account.id),
        actor: Some(&account.email),
        subject_id: Some(account.id),
        subject: Some(&account.email),
        address,
        ..Default::default()
    };
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
        .get::<String>(super::sessions::keys::NEXT)
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
        .get::<String>(super::sessions::keys::TOTP_SECRET)
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
        .remove_value(super::sessions::keys::TOTP_SECRET)
        .await
        .map_err(SessionError::from)?;
    session
        .insert(super::sessions::keys::RECOVERY, &codes)
        .await
        .map_err(SessionError::from)?;
    guard::signed_in(session, &account).await?;
    audit::record(
        &a.db,
        Event {
            action: "second_factor.enrolled",
            actor_id: Some(account.id),
            actor: Some(&account.email),
            subject_id: Some(account.id),
            subject: Some(&account.email),
            address,
            ..Default::default()
        },
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
