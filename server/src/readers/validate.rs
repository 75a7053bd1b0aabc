//! The reader registration form (reader-services.md §1, Circular 05/2025 art. 35), checked field by
//! field. Each checker trims and normalises what was typed and returns either the value to store or
//! a [`FieldError`] to show beside the field: Vietnamese first, English in parentheses, saying what
//! is wrong and how to fix it. Messages are plain text and never repeat an e-mail address, a
//! password or an identity number; escaping them is the page's job.
//!
//! [`validate`] checks the whole form and reports every field's problem at once. It borrows the
//! [`Registration`], so the caller still holds every raw value to show again in the form.

use super::password;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

mod category;
mod contact;
mod identity;

pub use category::FeeObjectType;
pub use contact::{email, phone};
pub use identity::{Identity, identity};

/// A problem with one form field, shown beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The form field's name (`full_name`, `email`, …), as in [`Registration`].
    pub field: &'static str,
    /// What is wrong and how to fix it: Vietnamese, English in parentheses; plain text.
    pub message: String,
}

impl FieldError {
    pub(crate) fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for FieldError {}

/// The registration form exactly as submitted (every field a raw string).
///
/// `Debug` never prints the password.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Registration {
    pub full_name: String,
    /// `cccd` (Vietnamese citizens) or `passport` (foreigners).
    pub identity_kind: String,
    pub identity_number: String,
    pub email: String,
    pub phone: String,
    pub employer: String,
    /// `feeObjectType`: `01`–`10`; empty means `10` (no priority category claimed).
    pub fee_object_type: String,
    pub notes: String,
    pub password: String,
    /// The reading-room rules checkbox.
    pub accept_rules: bool,
}

impl std::fmt::Debug for Registration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Registration")
            .field("full_name", &self.full_name)
            .field("identity_kind", &self.identity_kind)
            .field("identity_number", &self.identity_number)
            .field("email", &self.email)
            .field("phone", &self.phone)
            .field("employer", &self.employer)
            .field("fee_object_type", &self.fee_object_type)
            .field("notes", &self.notes)
            .field("password", &"<redacted>")
            .field("accept_rules", &self.accept_rules)
            .finish()
    }
}

/// A registration whose every field passed, normalised for storage. The password is not here: the
/// caller hashes `Registration::password` with [`password::hash`] once this succeeds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidRegistration {
    pub full_name: String,
    pub identity: Identity,
    pub email: String,
    /// `+84…` for Vietnamese numbers, E.164 otherwise.
    pub phone: String,
    pub employer: Option<String>,
    pub fee_object_type: FeeObjectType,
    pub notes: Option<String>,
}

/// Checks every field of the form; on failure, one error per failing field, in form order.
pub fn validate(form: &Registration) -> Result<ValidRegistration, Vec<FieldError>> {
    fn keep<T>(errors: &mut Vec<FieldError>, r: Result<T, FieldError>) -> Option<T> {
        r.map_err(|e| errors.push(e)).ok()
    }
    let mut errors = Vec::new();
    let e = &mut errors;
    let full_name = keep(e, full_name(&form.full_name));
    let identity = keep(e, identity(&form.identity_kind, &form.identity_number));
    let email = keep(e, email(&form.email));
    let phone = keep(e, phone(&form.phone));
    let employer = keep(e, employer(&form.employer));
    let fee_object_type = keep(e, FeeObjectType::parse(&form.fee_object_type));
    let notes = keep(e, notes(&form.notes));
    let context = [form.email.as_str(), form.full_name.as_str()];
    keep(e, password::check_policy(&form.password, &context));
    if !form.accept_rules {
        errors.push(FieldError::new(
            "accept_rules",
            "Cần đánh dấu ô đồng ý với Nội quy phòng đọc để đăng ký \
             (tick the box to accept the reading-room rules)",
        ));
    }
    match (
        full_name,
        identity,
        email,
        phone,
        employer,
        fee_object_type,
        notes,
    ) {
        (
            Some(full_name),
            Some(identity),
            Some(email),
            Some(phone),
            Some(employer),
            Some(fee_object_type),
            Some(notes),
        ) if errors.is_empty() => Ok(ValidRegistration {
            full_name,
            identity,
            email,
            phone,
            employer,
            fee_object_type,
            notes,
        }),
        _ => Err(errors),
    }
}

/// Trimmed, NFC, every run of white space made one space.
pub(crate) fn one_line(value: &str) -> String {
    value
        .nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Full name: 2–100 characters of letters (any script, with diacritics), spaces and `' - .`.
/// Typographic apostrophes become `'`.
pub fn full_name(raw: &str) -> Result<String, FieldError> {
    const FIELD: &str = "full_name";
    let name: String = one_line(raw)
        .chars()
        .map(|c| {
            if matches!(c, '’' | 'ʼ' | '‘') {
                '\''
            } else {
                c
            }
        })
        .collect();
    if name.is_empty() {
        return Err(FieldError::new(
            FIELD,
            "Chưa nhập họ và tên — ghi đầy đủ họ, tên đệm và tên như trên giấy tờ tùy thân \
             (enter your full name as on your identity document)",
        ));
    }
    let n = name.chars().count();
    if !(2..=100).contains(&n) {
        return Err(FieldError::new(
            FIELD,
            format!(
                "Họ và tên phải dài từ 2 đến 100 ký tự, hiện có {n} — ghi đầy đủ hoặc rút gọn \
                 (full name must be 2–100 characters, now {n})"
            ),
        ));
    }
    let mut previous_letter = false;
    for c in name.chars() {
        let ok = c.is_alphabetic()
            || matches!(c, ' ' | '\'' | '-' | '.')
            || (previous_letter && is_combining_mark(c));
        if !ok {
            let what = if c.is_numeric() {
                "chữ số (digits)".to_string()
            } else if c.is_ascii_graphic() && !matches!(c, '<' | '>' | '&' | '"' | '`') {
                format!("ký tự \"{c}\" (character \"{c}\")")
            } else {
                "ký tự đặc biệt (special characters)".to_string()
            };
            return Err(FieldError::new(
                FIELD,
                format!(
                    "Họ và tên không được chứa {what} — chỉ dùng chữ cái (có dấu), khoảng trắng và \
                     các dấu ' - . (letters, spaces, apostrophes, hyphens and full stops only)"
                ),
            ));
        }
        previous_letter = c.is_alphabetic() || (previous_letter && is_combining_mark(c));
    }
    if !name.chars().any(char::is_alphabetic) {
        return Err(FieldError::new(
            FIELD,
            "Họ và tên phải có chữ cái — ghi họ và tên như trên giấy tờ tùy thân \
             (the full name must contain letters)",
        ));
    }
    Ok(name)
}

/// Employer or school (optional): one line, at most 200 characters; `None` when empty.
pub fn employer(raw: &str) -> Result<Option<String>, FieldError> {
    let value = one_line(raw);
    let n = value.chars().count();
    if n > 200 {
        return Err(FieldError::new(
            "employer",
            format!(
                "Cơ quan, đơn vị công tác dài {n} ký tự, tối đa 200 — rút gọn tên cơ quan \
                 (employer: at most 200 characters, now {n})"
            ),
        ));
    }
    Ok((!value.is_empty()).then_some(value))
}

/// Notes (optional): trimmed, NFC, line ends as `\n`, at most 2000 characters, no control
/// characters other than line breaks and tabs; `None` when empty.
pub fn notes(raw: &str) -> Result<Option<String>, FieldError> {
    const FIELD: &str = "notes";
    let value: String = raw
        .trim()
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .nfc()
        .collect();
    let n = value.chars().count();
    if n > 2000 {
        return Err(FieldError::new(
            FIELD,
            format!(
                "Ghi chú dài {n} ký tự, tối đa 2000 — rút gọn nội dung (notes: at most 2000 \
                 characters, now {n})"
            ),
        ));
    }
    if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\t'))
    {
        return Err(FieldError::new(
            FIELD,
            "Ghi chú có ký tự điều khiển không in được — gõ lại nội dung thay vì dán \
             (notes contain invisible control characters; type the text again)",
        ));
    }
    Ok((!value.is_empty()).then_some(value))
}

#[cfg(test)]
mod tests;
