//! The pages' view of accounts: [`app::service::AccountService`] implemented for one request's
//! session. Built per request by the HTTP layer and placed in Leptos context.

use super::flows::self_service::renewable;
use super::guard;
use super::sessions::keys;
use super::store::{self, Account};
use super::{AccountState, Accounts, Role, now, totp};
use crate::readers::deadline::{OfficeHours, add_working_days};
use crate::readers::mail;
use app::account::{
    AccountView, AuditPage, FormState, Me, OutboxMessage, OutboxRow, QueueEntry, ReaderDetail,
    TotpSetup, UserRow, Viewer,
};
use app::service::{AccountService, ServiceError};
use futures::future::BoxFuture;
use std::collections::BTreeMap;
use time::format_description::well_known::Rfc3339;
use tower_sessions::Session;

/// What an invalid form submission typed, and its messages, for the page shown again.
#[derive(Clone, Debug, Default)]
pub struct FormEcho {
    pub form: String,
    pub values: BTreeMap<String, String>,
    pub errors: BTreeMap<String, String>,
}

/// Accounts seen through one request's session.
#[derive(Clone)]
pub struct SessionAccounts {
    pub accounts: Accounts,
    pub session: Option<Session>,
    pub echo: Option<FormEcho>,
}

fn internal(e: impl std::fmt::Display) -> ServiceError {
    tracing::error!("accounts: {e}");
    ServiceError::Internal
}

pub(crate) fn me(account: &Account) -> Me {
    Me {
        id: account.id,
        full_name: account.full_name.clone(),
        email: account.email.clone(),
        roles: account.roles.clone(),
        state: account.state(now()),
    }
}

/// `YYYY-MM-DD` in Vietnam time.
pub(crate) fn vietnam_day(unix: i64) -> Option<String> {
    let t = time::OffsetDateTime::from_unix_timestamp(unix).ok()?;
    Some(t.to_offset(OfficeHours::VIETNAM.offset).date().to_string())
}

/// The verification deadline of something received at `received` (ISO-8601).
pub(crate) fn deadline(a: &Accounts, received: &str) -> Option<time::OffsetDateTime> {
    let at = time::OffsetDateTime::parse(received, &Rfc3339).ok()?;
    Some(add_working_days(at, 1, &OfficeHours::VIETNAM, &a.holidays))
}

fn mask(number: &str) -> String {
    let n = number.chars().count();
    number
        .chars()
        .enumerate()
        .map(|(i, c)| if i + 4 < n { '•' } else { c })
        .collect()
}

impl SessionAccounts {
    async fn current(&self) -> Result<Option<Account>, ServiceError> {
        match &self.session {
            Some(s) => guard::current(&self.accounts, s).await.map_err(internal),
            None => Ok(None),
        }
    }

    async fn signed_in(&self) -> Result<Account, ServiceError> {
        self.current().await?.ok_or(ServiceError::Unauthorized)
    }

    async fn verifier(&self) -> Result<Account, ServiceError> {
        let a = self.signed_in().await?;
        if guard::may_verify(&a) {
            Ok(a)
        } else {
            Err(ServiceError::Forbidden)
        }
    }

    async fn admin(&self) -> Result<Account, ServiceError> {
        let a = self.signed_in().await?;
        if guard::may(&a, Role::Admin) {
            Ok(a)
        } else {
            Err(ServiceError::Forbidden)
        }
    }

    fn session(&self) -> Result<&Session, ServiceError> {
        self.session.as_ref().ok_or(ServiceError::Internal)
    }

    async fn viewer_now(self) -> Result<Viewer, ServiceError> {
        let demo = self.accounts.demo;
        let Some(session) = self.session.clone() else {
            return Ok(Viewer {
                demo,
                ..Viewer::default()
            });
        };
        if let Some(account) = self.current().await? {
            let csrf = guard::csrf_token(&session).await.map_err(internal)?;
            return Ok(Viewer {
                me: Some(me(&account)),
                second_factor: None,
                csrf,
                demo,
            });
        }
        let pending = guard::pending(&self.accounts, &session)
            .await
            .map_err(internal)?;
        let second_factor = pending.map(|p| {
            if p.totp_secret.is_some() {
                "challenge"
            } else {
                "enrol"
            }
            .to_string()
        });
        let csrf = if second_factor.is_some() {
            guard::csrf_token(&session).await.map_err(internal)?
        } else {
            String::new()
        };
        Ok(Viewer {
            me: None,
            second_factor,
            csrf,
            demo,
        })
    }

    async fn account_now(self) -> Result<AccountView, ServiceError> {
        let a = self.signed_in().await?;
        let at = now();
        let pending_email = store::pending_email(&self.accounts.db, a.id, at)
            .await
            .map_err(internal)?;
        Ok(AccountView {
            me: me(&a),
            identity_kind: a.identity_kind.clone(),
            identity_masked: mask(&a.identity_number),
            phone: a.phone.clone(),
            employer: a.employer.clone(),
            fee_object_type: a.fee_object_type.clone(),
            notes: a.notes.clone(),
            created_at: a.created_at.clone(),
            expires_on: a.expires_at.and_then(vietnam_day),
            refusal_reason: a.refusal_reason.clone(),
            pending_email,
            renewable: a.has(Role::Reader) && renewable(&a, at),
            totp_enrolled: a.totp_secret.is_some(),
        })
    }

    async fn totp_setup_now(self) -> Result<TotpSetup, ServiceError> {
        let session = self.session()?.clone();
        let account = guard::enrolling(&self.accounts, &session)
            .await
            .map_err(internal)?
            .ok_or(ServiceError::Forbidden)?;
        let secret = match session
            .get::<String>(keys::TOTP_SECRET)
            .await
            .map_err(internal)?
        {
            Some(s) => s,
            None => {
                let s = totp::new_secret();
                session
                    .insert(keys::TOTP_SECRET, &s)
                    .await
                    .map_err(internal)?;
                s
            }
        };
        let uri = totp::uri(&secret, &self.accounts.archive, &account.email);
        Ok(TotpSetup {
            secret: totp::grouped(&secret),
            qr_svg: totp::qr_svg(&uri),
            uri,
        })
    }

    async fn queue_now(self) -> Result<Vec<QueueEntry>, ServiceError> {
        self.verifier().await?;
        let now_t = time::OffsetDateTime::now_utc();
        let rows = store::in_state(&self.accounts.db, AccountState::Pending)
            .await
            .map_err(internal)?;
        Ok(rows
            .into_iter()
            .map(|a| {
                let received = a
                    .email_verified_at
                    .clone()
                    .unwrap_or_else(|| a.created_at.clone());
                let due = deadline(&self.accounts, &received);
                QueueEntry {
                    id: a.id,
                    full_name: a.full_name.clone(),
                    email: a.email.clone(),
                    fee_object_type: a.fee_object_type.clone(),
                    deadline: due
                        .and_then(|d| d.format(&Rfc3339).ok())
                        .unwrap_or_default(),
                    overdue: due.is_some_and(|d| d < now_t),
                    received_at: received,
                    renewal: a.decided_at.is_some(),
                }
            })
            .collect())
    }

    async fn reader_now(self, id: i64) -> Result<ReaderDetail, ServiceError> {
        self.verifier().await?;
        let a = store::by_id(&self.accounts.db, id)
            .await
            .map_err(internal)?
            .filter(|a| a.has(Role::Reader))
            .ok_or(ServiceError::NotFound)?;
        let history = super::audit::of_account(&self.accounts.db, id)
            .await
            .map_err(internal)?;
        let due = a
            .email_verified_at
            .as_deref()
            .and_then(|r| deadline(&self.accounts, r));
        Ok(ReaderDetail {
            id: a.id,
            full_name: a.full_name.clone(),
            email: a.email.clone(),
            state: a.state(now()),
            identity_kind: a.identity_kind.clone(),
            identity_number: a.identity_number.clone(),
            phone: a.phone.clone(),
            employer: a.employer.clone(),
            fee_object_type: a.fee_object_type.clone(),
            notes: a.notes.clone(),
            evidence_name: a.evidence_name.clone(),
            created_at: a.created_at.clone(),
            received_at: a.email_verified_at.clone(),
            deadline: due.and_then(|d| d.format(&Rfc3339).ok()),
            refusal_reason: a.refusal_reason.clone(),
            expires_on: a.expires_at.and_then(vietnam_day),
            history,
        })
    }

    async fn users_now(self) -> Result<Vec<UserRow>, ServiceError> {
        self.admin().await?;
        let at = now();
        Ok(store::all(&self.accounts.db)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|a| UserRow {
                id: a.id,
                full_name: a.full_name.clone(),
                email: a.email.clone(),
                roles: a.roles.clone(),
                state: a.state(at),
                totp_enrolled: a.totp_secret.is_some(),
                last_sign_in_at: a.last_sign_in_at.clone(),
            })
            .collect())
    }

    fn outbox_dir(&self) -> Result<std::path::PathBuf, ServiceError> {
        match self.accounts.mailer.outbox_dir() {
            Some(dir) if self.accounts.demo => Ok(dir.to_path_buf()),
            _ => Err(ServiceError::NotFound),
        }
    }
}

fn row(e: mail::OutboxEntry) -> OutboxRow {
    OutboxRow {
        file: e.file,
        to: e.to,
        subject: e.subject,
        date: e.date,
    }
}

impl AccountService for SessionAccounts {
    fn viewer(&self) -> BoxFuture<'static, Result<Viewer, ServiceError>> {
        Box::pin(self.clone().viewer_now())
    }

    fn form_state(&self, form: String) -> BoxFuture<'static, Result<FormState, ServiceError>> {
        let this = self.clone();
        Box::pin(async move {
            let csrf = guard::csrf_token(this.session()?).await.map_err(internal)?;
            let (values, errors) = match this.echo.filter(|e| e.form == form) {
                Some(e) => (e.values, e.errors),
                None => Default::default(),
            };
            Ok(FormState {
                csrf,
                values,
                errors,
            })
        })
    }

    fn account(&self) -> BoxFuture<'static, Result<AccountView, ServiceError>> {
        Box::pin(self.clone().account_now())
    }

    fn totp_setup(&self) -> BoxFuture<'static, Result<TotpSetup, ServiceError>> {
        Box::pin(self.clone().totp_setup_now())
    }

    fn recovery_codes(&self) -> BoxFuture<'static, Result<Vec<String>, ServiceError>> {
        let this = self.clone();
        Box::pin(async move {
            this.signed_in().await?;
            let codes = this
                .session()?
                .remove::<Vec<String>>(keys::RECOVERY)
                .await
                .map_err(internal)?;
            Ok(codes.unwrap_or_default())
        })
    }

    fn reader_queue(&self) -> BoxFuture<'static, Result<Vec<QueueEntry>, ServiceError>> {
        Box::pin(self.clone().queue_now())
    }

    fn reader(&self, id: i64) -> BoxFuture<'static, Result<ReaderDetail, ServiceError>> {
        Box::pin(self.clone().reader_now(id))
    }

    fn users(&self) -> BoxFuture<'static, Result<Vec<UserRow>, ServiceError>> {
        Box::pin(self.clone().users_now())
    }

    fn audit(&self, before: Option<i64>) -> BoxFuture<'static, Result<AuditPage, ServiceError>> {
        let this = self.clone();
        Box::pin(async move {
            this.admin().await?;
            super::audit::page(&this.accounts.db, before)
                .await
                .map_err(internal)
        })
    }

    fn outbox(&self) -> BoxFuture<'static, Result<Vec<OutboxRow>, ServiceError>> {
        let this = self.clone();
        Box::pin(async move {
            this.admin().await?;
            let dir = this.outbox_dir()?;
            Ok(mail::list_outbox(&dir).into_iter().map(row).collect())
        })
    }

    fn outbox_message(
        &self,
        file: String,
    ) -> BoxFuture<'static, Result<OutboxMessage, ServiceError>> {
        let this = self.clone();
        Box::pin(async move {
            this.admin().await?;
            let dir = this.outbox_dir()?;
            let raw = mail::read_outbox(&dir, &file).ok_or(ServiceError::NotFound)?;
            let entry = mail::outbox_entry(file, &raw);
            let text = mail::message_text(&raw);
            let links = mail::links_in(&text);
            Ok(OutboxMessage {
                row: row(entry),
                text,
                links,
            })
        })
    }
}
