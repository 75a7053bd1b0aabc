//! Passwords of reader and staff accounts (reader-services.md §1, architecture.md "Security"):
//! the policy a new password must meet, and argon2id hashing with OWASP's parameters.
//!
//! Passwords are NFKC-normalised before they are counted, compared or hashed (NIST SP 800-63B
//! §5.1.1.2), so the same words typed with a composed or decomposed Vietnamese keyboard are the
//! same password. They are never trimmed.

use super::validate::FieldError;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use password_hash::rand_core::OsRng;
use std::collections::HashSet;
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Fewest characters (Unicode scalar values) of a password.
pub const MIN_CHARS: usize = 10;
/// Most characters of a password.
pub const MAX_CHARS: usize = 128;

/// OWASP Password Storage Cheat Sheet, argon2id: 19 MiB of memory, 2 passes, 1 lane.
const M_COST_KIB: u32 = 19_456;
const T_COST: u32 = 2;
const P_COST: u32 = 1;
const OUTPUT_LEN: usize = 32;

/// The form field the policy's messages belong to.
const FIELD: &str = "password";

/// The common-password list (see the header of the data file for its source and licence).
static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("password/common-passwords.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with("# "))
        .collect()
});

/// Whether the password is in the common-password list, ignoring case.
pub fn is_common(password: &str) -> bool {
    let lower = normalise(password).to_lowercase();
    COMMON.contains(lower.as_str())
}

fn normalise(password: &str) -> String {
    password.nfkc().collect()
}

/// Lower case, without diacritics (`đ` → `d`), letters and digits only: `Nguyễn Văn An` →
/// `nguyenvanan`, to find a name or e-mail inside a password however it is written.
fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Checks a new password: 10–128 characters, at least 4 different characters, not a common
/// password, and neither equal to nor containing any of `context` (the person's name, their
/// e-mail address — of which the part before `@` counts), compared without case or diacritics.
pub fn check_policy(password: &str, context: &[&str]) -> Result<(), FieldError> {
    let password = normalise(password);
    let n = password.chars().count();
    if n < MIN_CHARS {
        return Err(FieldError::new(
            FIELD,
            format!(
                "Mật khẩu phải có ít nhất {MIN_CHARS} ký tự, hiện có {n} — dùng một cụm vài từ dễ \
                 nhớ (the password needs at least {MIN_CHARS} characters, now {n}; a few words make \
                 a good one)"
            ),
        ));
    }
    if n > MAX_CHARS {
        return Err(FieldError::new(
            FIELD,
            format!(
                "Mật khẩu dài tối đa {MAX_CHARS} ký tự, hiện có {n} — rút ngắn lại (the password \
                 may have at most {MAX_CHARS} characters, now {n})"
            ),
        ));
    }
    if password.chars().collect::<HashSet<_>>().len() < 4 {
        return Err(FieldError::new(
            FIELD,
            "Mật khẩu lặp lại quá ít ký tự khác nhau — chọn mật khẩu khó đoán hơn (the password \
             repeats too few different characters)",
        ));
    }
    if is_common(&password) {
        return Err(FieldError::new(
            FIELD,
            "Mật khẩu này nằm trong danh sách mật khẩu phổ biến, dễ bị đoán — chọn mật khẩu khác \
             (this password is on a list of common passwords; choose another)",
        ));
    }
    let folded = fold(&password);
    let personal = context.iter().any(|c| {
        let c = c.trim();
        let c = c.split_once('@').map_or(c, |(local, _)| local);
        let c = fold(c);
        !c.is_empty() && (c == folded || (c.chars().count() >= 4 && folded.contains(&c)))
    });
    if personal {
        return Err(FieldError::new(
            FIELD,
            "Mật khẩu không được là hoặc chứa họ tên hay phần trước dấu @ của địa chỉ thư điện tử \
             — chọn mật khẩu khác (the password must not be or contain your name or e-mail name)",
        ));
    }
    Ok(())
}

/// The argon2id hasher with the current parameters.
fn hasher() -> Argon2<'static> {
    let params = Params::new(M_COST_KIB, T_COST, P_COST, Some(OUTPUT_LEN))
        .expect("the OWASP argon2id parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password with argon2id (m = 19456 KiB, t = 2, p = 1) and a 16-byte random salt from
/// the operating system; returns the PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) to store.
///
/// Takes about a tenth of a second of CPU in release builds: call it from a blocking task.
pub fn hash(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(normalise(password).as_bytes(), &salt)
        .expect("argon2id with valid parameters and a generated salt cannot fail")
        .to_string()
}

/// Whether `password` matches the stored PHC string (compared in constant time by the argon2
/// crate); false for a malformed string. Uses the parameters recorded in the string.
pub fn verify(password: &str, phc: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(phc) else {
        return false;
    };
    Argon2::default()
        .verify_password(normalise(password).as_bytes(), &parsed)
        .is_ok()
}

/// Spends the time of one [`verify`] and returns false: for sign-in attempts on an unknown
/// account, so that response times do not reveal which accounts exist.
pub fn verify_unknown_account(password: &str) -> bool {
    static DUMMY: LazyLock<String> = LazyLock::new(|| hash("no account has this password"));
    let _ = verify(password, &DUMMY);
    false
}

/// Whether a stored hash should be replaced (after a successful sign-in) because it is not
/// argon2id version 19 or its memory, passes or output are below the current parameters.
/// A string that cannot be read also needs rehashing.
pub fn needs_rehash(phc: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(phc) else {
        return true;
    };
    if parsed.algorithm != argon2::ARGON2ID_IDENT || parsed.version != Some(0x13) {
        return true;
    }
    match Params::try_from(&parsed) {
        Ok(p) => {
            p.m_cost() < M_COST_KIB
                || p.t_cost() < T_COST
                || p.output_len().unwrap_or(Params::DEFAULT_OUTPUT_LEN) < OUTPUT_LEN
        }
        Err(_) => true,
    }
}

#[cfg(test)]
mod tests;
