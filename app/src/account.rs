//! Wire types of accounts (reader-services.md §1): who is signed in, the state of a form, the
//! reader's own account, the staff verification queue and the admin views.
//!
//! Forms are plain HTML forms that POST to the server (they work without JavaScript); the
//! server answers a valid submission with a redirect, and an invalid one by rendering the same
//! page again with a [`FormState`] that holds what was typed and a message per field.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A role; one person may hold several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    Reader,
    Staff,
    Approver,
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Reader, Role::Staff, Role::Approver, Role::Admin];

    /// The stored and form name: `reader`, `staff`, `approver`, `admin`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Reader => "reader",
            Role::Staff => "staff",
            Role::Approver => "approver",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s.trim())
    }

    /// Vietnamese and English names.
    pub fn label(self, english: bool) -> &'static str {
        match (self, english) {
            (Role::Reader, false) => "Độc giả",
            (Role::Reader, true) => "Reader",
            (Role::Staff, false) => "Cán bộ phòng đọc",
            (Role::Staff, true) => "Reading-room staff",
            (Role::Approver, false) => "Lãnh đạo duyệt",
            (Role::Approver, true) => "Approver",
            (Role::Admin, false) => "Quản trị",
            (Role::Admin, true) => "Administrator",
        }
    }

    /// Staff-side roles need a second factor (outside demo mode).
    pub fn is_staff_side(self) -> bool {
        self != Role::Reader
    }
}

/// Where an account stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AccountState {
    /// The e-mail link has not been followed yet.
    Unverified,
    /// Waiting for staff to check the identity (one working day).
    Pending,
    Active,
    /// Staff refused the registration, with a reason.
    Refused,
    Suspended,
    /// The validity period has ended; the reader may ask for renewal.
    Expired,
}

impl AccountState {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountState::Unverified => "unverified",
            AccountState::Pending => "pending",
            AccountState::Active => "active",
            AccountState::Refused => "refused",
            AccountState::Suspended => "suspended",
            AccountState::Expired => "expired",
        }
    }

    pub fn parse(s: &str) -> Option<AccountState> {
        [
            AccountState::Unverified,
            AccountState::Pending,
            AccountState::Active,
            AccountState::Refused,
            AccountState::Suspended,
            AccountState::Expired,
        ]
        .into_iter()
        .find(|st| st.as_str() == s)
    }

    /// Vietnamese and English names.
    pub fn label(self, english: bool) -> &'static str {
        match (self, english) {
            (AccountState::Unverified, false) => "Chưa xác nhận thư điện tử",
            (AccountState::Unverified, true) => "E-mail not yet confirmed",
            (AccountState::Pending, false) => "Đang chờ cán bộ xác minh",
            (AccountState::Pending, true) => "Waiting for staff verification",
            (AccountState::Active, false) => "Đang hoạt động",
            (AccountState::Active, true) => "Active",
            (AccountState::Refused, false) => "Bị từ chối",
            (AccountState::Refused, true) => "Refused",
            (AccountState::Suspended, false) => "Tạm khóa",
            (AccountState::Suspended, true) => "Suspended",
            (AccountState::Expired, false) => "Hết hạn",
            (AccountState::Expired, true) => "Expired",
        }
    }
}

/// The person signed in on this session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Me {
    pub id: i64,
    pub full_name: String,
    pub email: String,
    pub roles: Vec<Role>,
    pub state: AccountState,
}

impl Me {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

/// Who is looking at the page, and the token every form of the session must carry.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Viewer {
    /// Fully signed in (password and, where needed, the second factor).
    pub me: Option<Me>,
    /// The password was right and the second factor is still to come: `Some("enrol")` or
    /// `Some("challenge")`.
    pub second_factor: Option<String>,
    /// The session's anti-CSRF token (the hidden `csrf` field of every form).
    pub csrf: String,
    /// Demo mode (an outbox page for admins, no second factor).
    pub demo: bool,
}

/// A form's state when the page is shown again after an invalid submission; empty on a
/// plain visit. Passwords are never sent back.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FormState {
    pub csrf: String,
    /// What was typed, by field name.
    pub values: BTreeMap<String, String>,
    /// A message per field name, already in the page's language; `_form` is for the form as a
    /// whole (a wrong password, a used link).
    pub errors: BTreeMap<String, String>,
}

impl FormState {
    pub fn value(&self, field: &str) -> String {
        self.values.get(field).cloned().unwrap_or_default()
    }

    pub fn error(&self, field: &str) -> Option<String> {
        self.errors.get(field).cloned()
    }
}

/// The reader's own account, for `/account`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountView {
    pub me: Me,
    pub identity_kind: String,
    /// The document number with all but the last four characters hidden.
    pub identity_masked: String,
    pub phone: String,
    pub employer: Option<String>,
    /// `01`…`10`.
    pub fee_object_type: String,
    pub notes: Option<String>,
    /// ISO-8601.
    pub created_at: String,
    /// `YYYY-MM-DD` in Vietnam time, when the account has a validity period.
    pub expires_on: Option<String>,
    pub refusal_reason: Option<String>,
    /// A new address waiting for its confirmation link.
    pub pending_email: Option<String>,
    /// Whether the reader may ask for renewal now (expired, or active within 30 days of expiry).
    pub renewable: bool,
    /// Whether a second factor is enrolled.
    pub totp_enrolled: bool,
}

/// One line of the verification queue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueueEntry {
    pub id: i64,
    pub full_name: String,
    pub email: String,
    pub fee_object_type: String,
    /// When the e-mail was confirmed (ISO-8601), which starts the working-day clock.
    pub received_at: String,
    /// The deadline (ISO-8601, Vietnam time).
    pub deadline: String,
    pub overdue: bool,
    /// A renewal rather than a first registration.
    pub renewal: bool,
}

/// Everything staff need to decide on a registration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReaderDetail {
    pub id: i64,
    pub full_name: String,
    pub email: String,
    pub state: AccountState,
    pub identity_kind: String,
    pub identity_number: String,
    pub phone: String,
    pub employer: Option<String>,
    pub fee_object_type: String,
    pub notes: Option<String>,
    /// Original name of the evidence file, when one was uploaded; it is served at
    /// `/staff/readers/{id}/evidence`.
    pub evidence_name: Option<String>,
    pub created_at: String,
    pub received_at: Option<String>,
    pub deadline: Option<String>,
    pub refusal_reason: Option<String>,
    pub expires_on: Option<String>,
    /// The account's audit trail, newest first.
    pub history: Vec<AuditEntry>,
}

/// An account as admins list it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserRow {
    pub id: i64,
    pub full_name: String,
    pub email: String,
    pub roles: Vec<Role>,
    pub state: AccountState,
    pub totp_enrolled: bool,
    pub last_sign_in_at: Option<String>,
}

/// One audit log line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    /// ISO-8601.
    pub at: String,
    /// Who acted (an e-mail), when known.
    pub actor: Option<String>,
    /// What happened, e.g. `sign_in.failed`, `reader.activated`.
    pub action: String,
    /// Whom it concerned (an e-mail), when it was an account.
    pub subject: Option<String>,
    /// The client address.
    pub address: Option<String>,
    pub detail: Option<String>,
}

/// One page of the audit log, newest first; `before` fetches the next page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    pub before: Option<i64>,
}

/// A message in the demo outbox.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxRow {
    pub file: String,
    pub to: String,
    pub subject: String,
    pub date: String,
}

/// A message's text, with the links found in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub row: OutboxRow,
    pub text: String,
    pub links: Vec<String>,
}

/// What the second-factor enrolment page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TotpSetup {
    /// Base32, grouped for typing by hand.
    pub secret: String,
    /// The `otpauth://` URI.
    pub uri: String,
    /// The URI as a QR code, an SVG document.
    pub qr_svg: String,
}

pub mod calls;
