//! Tests: the password policy, the common-password list, argon2id hashing and rehash checks.
use super::*;

const NAME: &str = "Nguyễn Văn An";
const EMAIL: &str = "vanan.kontum@gmail.com";

fn check(p: &str) -> Result<(), FieldError> {
    check_policy(p, &[EMAIL, NAME])
}

#[test]
fn the_common_list_is_loaded_and_large() {
    assert!(COMMON.len() >= 10_000, "{}", COMMON.len());
    for p in [
        "123456",
        "password",
        "qwertyuiop",
        "1q2w3e4r5t",
        "basketball",
    ] {
        assert!(is_common(p), "{p}");
    }
    assert!(is_common("QwertyUIOP"));
    assert!(!is_common("sông Đăk Bla mùa lũ"));
    // The licence header is not a password.
    assert!(!is_common(
        "# licence: mit. copyright (c) 2012-2016 dan wheeler and dropbox, inc.; copyright (c) 2021 @zxcvbn-ts."
    ));
}

#[test]
fn length_is_counted_in_characters() {
    // Nine Vietnamese characters are more than nine bytes but still too short.
    let e = check("đường sắt").unwrap_err();
    assert_eq!(e.field, "password");
    assert!(
        e.message.contains("ít nhất 10") && e.message.contains("hiện có 9"),
        "{}",
        e.message
    );
    assert!(check("đường sắt!").is_ok());
    assert!(check(&"abcdefgh".repeat(16)).is_ok()); // 128
    assert!(
        check(&"abcdefgh".repeat(16).replace('h', "hi"))
            .unwrap_err()
            .message
            .contains("tối đa 128")
    );
}

#[test]
fn decomposed_input_counts_like_composed() {
    // "đường sắt!" typed with combining marks is still 10 characters after normalisation.
    let decomposed: String = "đường sắt!".nfd().collect();
    assert!(decomposed.chars().count() > 10);
    assert!(check(&decomposed).is_ok());
}

#[test]
fn common_passwords_are_refused_in_any_case() {
    for p in ["qwertyuiop", "Password123", "1234567890", "BASKETBALL"] {
        let e = check(p).unwrap_err();
        assert!(e.message.contains("phổ biến"), "{p}: {}", e.message);
    }
}

#[test]
fn too_few_different_characters() {
    assert!(
        check("aaaaaaaaaaaa")
            .unwrap_err()
            .message
            .contains("quá ít ký tự khác nhau")
    );
    assert!(
        check("abcabcabcabc")
            .unwrap_err()
            .message
            .contains("quá ít")
    );
}

#[test]
fn name_and_email_are_refused_inside_passwords() {
    for p in [
        "nguyenvanan",
        "Nguyễn Văn An",
        "NguyenVanAn@2024",
        "vanan.kontum",
        "xx-vanankontum-99",
    ] {
        let e = check(p).unwrap_err();
        assert!(e.message.contains("họ tên"), "{p}: {}", e.message);
        assert!(!e.message.contains("vanan"), "{}", e.message);
    }
    // Short context values only count when the password equals them.
    assert!(check_policy("thác Yaly đổ về", &["Ly"]).is_ok());
    assert!(check_policy("sông Đăk Bla mùa lũ", &[EMAIL, NAME]).is_ok());
}

#[test]
fn hash_verify_and_rehash() {
    let phc = hash("sông Đăk Bla mùa lũ");
    assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
    assert!(verify("sông Đăk Bla mùa lũ", &phc));
    // The same password typed decomposed verifies too.
    let decomposed: String = "sông Đăk Bla mùa lũ".nfd().collect();
    assert!(verify(&decomposed, &phc));
    assert!(!verify("sông Đăk Bla mùa lũ ", &phc));
    assert!(!verify("song Dak Bla mua lu", &phc));
    assert!(!verify("sông Đăk Bla mùa lũ", "not a hash"));
    assert!(!needs_rehash(&phc));
    // A new salt every time.
    assert_ne!(phc, hash("sông Đăk Bla mùa lũ"));
    assert!(!verify_unknown_account("sông Đăk Bla mùa lũ"));
}

#[test]
fn weaker_hashes_need_rehashing_but_still_verify() {
    let salt = SaltString::encode_b64(b"0123456789abcdef").unwrap();
    let weak = |alg, m, t| {
        Argon2::new(alg, Version::V0x13, Params::new(m, t, 1, None).unwrap())
            .hash_password(b"correct horse battery", &salt)
            .unwrap()
            .to_string()
    };
    let low_memory = weak(Algorithm::Argon2id, 4096, 3);
    assert!(verify("correct horse battery", &low_memory));
    assert!(needs_rehash(&low_memory));
    assert!(needs_rehash(&weak(Algorithm::Argon2id, 19_456, 1)));
    assert!(needs_rehash(&weak(Algorithm::Argon2i, 19_456, 2)));
    assert!(!needs_rehash(&weak(Algorithm::Argon2id, 65_536, 3)));
    assert!(needs_rehash("$2b$12$abcdefghijklmnopqrstuv"));
    assert!(needs_rehash(""));
}
