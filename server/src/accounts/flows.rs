//! The account flows, one function per thing a person does: register, confirm the e-mail, sign
//! in (with the slow-down and the second factor), sign out. Self-service changes are in
//! `flows/self_service.rs`, staff and admin decisions in `flows/staff.rs`.
//!
//! Messages that could tell whether an address has an account are the same either way.

pub mod self_service;
pub mod sign_in;
pub mod staff;

pub use self_service::{
    change_password, confirm_email_change, forgot, renew, request_email_change, reset,
};
pub use sign_in::{SignedIn, enrol_second_factor, safe_next, second_factor, sign_in, sign_out};
pub use staff::{
    activate, add_user, housekeeping, refuse, reset_second_factor, set_roles, set_suspended,
};

use super::audit::{self, Event};
use super::guard::SessionError;
use super::store::{self, Account, NewAccount};
use super::{AccountState, Accounts, Role, now, tokens};
use crate::readers::mail::templates::{self, Addressee};
use crate::readers::validate::{self, Registration};
use crate::readers::{mail::Mail, password};

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
            audit::record(&a.db, Event::about("register.duplicate", &old, address)).await;
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
