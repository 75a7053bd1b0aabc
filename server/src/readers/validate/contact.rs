//! Contact fields: the e-mail address (required, results are delivered by e-mail) and the phone
//! number, both normalised for storage. Messages never repeat what was typed.

use super::FieldError;
use unicode_normalization::UnicodeNormalization;

/// A practical e-mail check: one `@`, a local part of at most 64 bytes without spaces, quotes or
/// brackets, a domain with a dot whose labels are letters, digits and inner hyphens, at most 254
/// bytes in all. The domain is lower-cased; the local part is kept as typed.
pub fn email(raw: &str) -> Result<String, FieldError> {
    let error = |why: &str| {
        Err(FieldError::new(
            "email",
            format!(
                "{why} — ghi địa chỉ thư điện tử dạng ten@vidu.vn; kết quả được gửi qua địa chỉ này \
                 (enter an e-mail address like name@example.vn; results are sent there)"
            ),
        ))
    };
    let value: String = raw.trim().nfc().collect();
    if value.is_empty() {
        return error("Chưa nhập địa chỉ thư điện tử (e-mail is required)");
    }
    if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return error("Địa chỉ thư điện tử không được có khoảng trắng (no spaces)");
    }
    if value.len() > 254 {
        return error("Địa chỉ thư điện tử dài quá 254 ký tự (too long)");
    }
    let Some((local, domain)) = value.split_once('@') else {
        return error("Địa chỉ thư điện tử thiếu dấu @ (missing @)");
    };
    if domain.contains('@') {
        return error("Địa chỉ thư điện tử chỉ có một dấu @ (only one @)");
    }
    if local.is_empty() || local.len() > 64 {
        return error(
            "Phần trước dấu @ phải có từ 1 đến 64 ký tự (the part before @ is 1–64 characters)",
        );
    }
    let bad_local = local.starts_with('.')
        || local.ends_with('.')
        || local.contains("..")
        || local.chars().any(|c| {
            matches!(
                c,
                '"' | '(' | ')' | ',' | ':' | ';' | '<' | '>' | '[' | ']' | '\\'
            )
        });
    if bad_local {
        return error(
            "Phần trước dấu @ có dấu chấm ở đầu, cuối, hai dấu chấm liền nhau hoặc ký tự không \
             dùng được như ngoặc, dấu phẩy (misplaced dot or a character such as brackets or commas \
             before @)",
        );
    }
    let domain = domain.to_lowercase();
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let tld = labels.last().copied().unwrap_or_default();
    if labels.len() < 2
        || !labels.iter().all(label_ok)
        || tld.chars().count() < 2
        || tld.chars().all(|c| c.is_ascii_digit())
    {
        return error(
            "Tên miền sau dấu @ không hợp lệ: cần có dấu chấm và chỉ gồm chữ, số, dấu gạch ngang \
             (the domain after @ needs a dot and only letters, digits and hyphens)",
        );
    }
    Ok(format!("{local}@{domain}"))
}

/// A phone number normalised to `+<digits>`. Spaces, dots, dashes and parentheses are ignored.
///
/// Vietnamese numbers: `0` + 9 digits for mobiles (`03x`, `05x`, `07x`, `08x`, `09x`) or `0` + 10
/// digits for landlines (`02x…`), or the same with `+84` / `84` instead of the `0`; stored as
/// `+84…`. Foreign numbers: E.164, `+` and 8–15 digits, the first not 0.
pub fn phone(raw: &str) -> Result<String, FieldError> {
    let error = |why: &str| {
        Err(FieldError::new(
            "phone",
            format!(
                "{why} — ghi số điện thoại Việt Nam như 0912 345 678 hoặc 0260 3862 123, số nước \
                 ngoài dạng +<mã nước><số> (enter a Vietnamese number like 0912 345 678, or a \
                 foreign one as +<country code><number>)"
            ),
        ))
    };
    let compact: String = raw
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-' | '(' | ')'))
        .collect();
    if compact.is_empty() {
        return error("Chưa nhập số điện thoại (phone is required)");
    }
    let (plus, digits) = match compact.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, compact.as_str()),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return error(
            "Số điện thoại chỉ gồm chữ số, có thể có dấu + ở đầu (digits only, with an optional leading +)",
        );
    }
    let national = if let Some(rest) = digits.strip_prefix("84").filter(|r| {
        // `84…` without `+` is a Vietnamese number only when the rest has a Vietnamese length.
        plus || matches!(r.len(), 9 | 10)
    }) {
        // Tolerate the national 0 written after the country code (`+84 0912…`).
        rest.strip_prefix('0')
            .filter(|r| matches!(r.len(), 9 | 10))
            .unwrap_or(rest)
    } else if plus {
        if !(8..=15).contains(&digits.len()) || digits.starts_with('0') {
            return error(
                "Số nước ngoài phải có mã nước và từ 8 đến 15 chữ số (a foreign number has 8–15 digits after +)",
            );
        }
        return Ok(format!("+{digits}"));
    } else if let Some(rest) = digits.strip_prefix('0') {
        rest
    } else {
        return error(
            "Số điện thoại Việt Nam bắt đầu bằng 0 hoặc +84 (a Vietnamese number starts with 0 or +84)",
        );
    };
    let valid = match national.as_bytes().first() {
        Some(b'2') => national.len() == 10,
        Some(b'3' | b'5' | b'7' | b'8' | b'9') => national.len() == 9,
        _ => false,
    };
    if !valid {
        return error(
            "Số điện thoại Việt Nam gồm 10 chữ số (di động 03x, 05x, 07x, 08x, 09x) hoặc 11 chữ số \
             (cố định 02x) kể cả số 0 đầu (10 digits for mobiles, 11 for landlines, with the leading 0)",
        );
    }
    Ok(format!("+84{national}"))
}
