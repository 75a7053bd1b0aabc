//! The TOTP second factor (RFC 6238: SHA-1, 6 digits, 30-second steps, one step of clock skew
//! either way) through `totp-rs`, with replay protection: a code's time step must be later than
//! the last one accepted for the account.

use qrcode::QrCode;
use qrcode::render::svg;
use totp_rs::{Algorithm, Secret, TOTP};

const STEP: u64 = 30;

fn totp(secret_base32: &str, issuer: &str, account: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret_base32.to_string()).to_bytes().ok()?;
    // The otpauth label may not hold ':'.
    let clean = |s: &str| s.replace(':', " ");
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        STEP,
        bytes,
        Some(clean(issuer)),
        clean(account),
    )
    .ok()
}

/// A new random secret (160 bits), base32 without padding.
pub fn new_secret() -> String {
    match Secret::generate_secret().to_encoded() {
        Secret::Encoded(s) => s,
        Secret::Raw(raw) => Secret::Raw(raw).to_encoded().to_string(),
    }
}

/// The secret grouped by four for typing by hand.
pub fn grouped(secret: &str) -> String {
    let chars: Vec<char> = secret.chars().collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `otpauth://` URI an authenticator app reads.
pub fn uri(secret: &str, issuer: &str, account: &str) -> String {
    totp(secret, issuer, account).map_or_else(String::new, |t| t.get_url())
}

/// The URI as an SVG QR code.
pub fn qr_svg(uri: &str) -> String {
    QrCode::new(uri.as_bytes()).map_or_else(
        |_| String::new(),
        |code| {
            code.render::<svg::Color>()
                .min_dimensions(200, 200)
                .quiet_zone(true)
                .build()
        },
    )
}

/// The time step of `code` if it is valid at `now` (Unix seconds) and later than `last_step`.
pub fn verify(secret: &str, code: &str, now: u64, last_step: Option<i64>) -> Option<i64> {
    let code: String = code.chars().filter(char::is_ascii_digit).collect();
    if code.len() != 6 {
        return None;
    }
    let t = totp(secret, "x", "x")?;
    let current = now / STEP;
    let mut found = None;
    for step in [current.saturating_sub(1), current, current + 1] {
        if super::tokens::same(&t.generate(step * STEP), &code) {
            found = Some(step as i64);
        }
    }
    found.filter(|s| last_step.is_none_or(|last| *s > last))
}

/// The code for `now` (tests and the command line's check).
pub fn code_at(secret: &str, now: u64) -> String {
    totp(secret, "x", "x").map_or_else(String::new, |t| t.generate(now))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_6238_vector_and_replay() {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (8 digits); the 6-digit code is its tail.
        let secret = Secret::Raw(b"12345678901234567890".to_vec())
            .to_encoded()
            .to_string();
        assert_eq!(code_at(&secret, 59), "287082");
        let step = verify(&secret, "287 082", 59, None).expect("valid");
        assert_eq!(step, 1);
        assert_eq!(
            verify(&secret, "287082", 59, Some(step)),
            None,
            "replay refused"
        );
        assert_eq!(
            verify(&secret, "287082", 59 + 30, None),
            Some(1),
            "one step of skew"
        );
        assert_eq!(verify(&secret, "287082", 59 + 90, None), None, "too old");
        assert_eq!(verify(&secret, "12345", 59, None), None);
    }

    #[test]
    fn enrolment_material() {
        let s = new_secret();
        assert!(s.len() >= 32, "{s}");
        let u = uri(&s, "Trung tâm: Lưu trữ", "a@b.vn");
        assert!(u.starts_with("otpauth://totp/"), "{u}");
        assert!(u.contains(&s));
        assert!(qr_svg(&u).contains("<svg"));
        assert_eq!(grouped("ABCDEFGH"), "ABCD EFGH");
    }
}
