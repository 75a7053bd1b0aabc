//! Tests: registration field checks, each field alone and the whole form at once.
use super::*;

fn form() -> Registration {
    Registration {
        full_name: "  Nguyễn   Thị\tMinh Khai ".into(),
        identity_kind: "cccd".into(),
        identity_number: "062 195 012345".into(),
        email: " An.Nguyen@Example.VN ".into(),
        phone: "0912.345-678".into(),
        employer: "".into(),
        fee_object_type: "01".into(),
        notes: "Nghiên cứu lịch sử Kon Tum\r\nthế kỷ XX".into(),
        password: "sông Đăk Bla mùa lũ".into(),
        accept_rules: true,
    }
}

fn message(r: Result<impl std::fmt::Debug, FieldError>) -> String {
    r.expect_err("expected a field error").message
}

#[test]
fn a_good_form_is_normalised() {
    let v = validate(&form()).expect("valid");
    assert_eq!(v.full_name, "Nguyễn Thị Minh Khai");
    assert_eq!(v.identity, Identity::Cccd("062195012345".into()));
    assert_eq!(v.email, "An.Nguyen@example.vn");
    assert_eq!(v.phone, "+84912345678");
    assert_eq!(v.employer, None);
    assert_eq!(v.fee_object_type, FeeObjectType::Student);
    assert_eq!(
        v.notes.as_deref(),
        Some("Nghiên cứu lịch sử Kon Tum\nthế kỷ XX")
    );
}

#[test]
fn every_bad_field_is_reported_at_once_and_the_form_is_kept() {
    let bad = Registration {
        full_name: "X".into(),
        identity_kind: "cccd".into(),
        identity_number: "123456789".into(),
        email: "not-an-address".into(),
        phone: "12345".into(),
        employer: "e".repeat(201),
        fee_object_type: "11".into(),
        notes: "n".repeat(2001),
        password: "123456789".into(),
        accept_rules: false,
    };
    let before = bad.clone();
    let errors = validate(&bad).expect_err("invalid");
    let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        [
            "full_name",
            "identity_number",
            "email",
            "phone",
            "employer",
            "fee_object_type",
            "notes",
            "password",
            "accept_rules"
        ]
    );
    assert_eq!(bad, before);
    assert!(errors.iter().all(|e| e.message.contains('(')));
}

#[test]
fn one_bad_field_fails_the_form() {
    let mut f = form();
    f.accept_rules = false;
    let errors = validate(&f).expect_err("rules not accepted");
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.contains("Nội quy phòng đọc"));
    let mut f = form();
    f.password = f.full_name.clone();
    assert_eq!(validate(&f).expect_err("password")[0].field, "password");
}

#[test]
fn debug_hides_the_password() {
    let shown = format!("{:?}", form());
    assert!(!shown.contains("Bla"), "{shown}");
    assert!(shown.contains("<redacted>"));
}

#[test]
fn full_names() {
    assert_eq!(full_name("  Y  Niê ").unwrap(), "Y Niê");
    assert_eq!(full_name("Nguyễn Văn Ân").unwrap(), "Nguyễn Văn Ân");
    // Decomposed input (as some keyboards send it) is stored composed.
    assert_eq!(full_name("Nguye\u{302}\u{303}n Ba").unwrap(), "Nguyễn Ba");
    assert_eq!(full_name("O’Brien-Smith Jr.").unwrap(), "O'Brien-Smith Jr.");
    assert_eq!(full_name("Σωκράτης 李小龙").unwrap(), "Σωκράτης 李小龙");
    assert!(message(full_name("   ")).contains("Chưa nhập họ và tên"));
    assert!(message(full_name("A")).contains("từ 2 đến 100"));
    assert!(full_name(&"a".repeat(100)).is_ok());
    assert!(message(full_name(&"a".repeat(101))).contains("hiện có 101"));
    assert!(message(full_name("Trần Văn 2")).contains("chữ số"));
    assert!(message(full_name("Lê_Lợi")).contains("\"_\""));
    let html = message(full_name("<b>Lê</b>"));
    assert!(
        !html.contains('<') && html.contains("ký tự đặc biệt"),
        "{html}"
    );
    assert!(message(full_name("-- ..")).contains("phải có chữ cái"));
}

#[test]
fn cccd_numbers() {
    assert_eq!(
        identity("cccd", "001 099 012345").unwrap(),
        Identity::Cccd("001099012345".into())
    );
    assert_eq!(identity::province(62), Some("Kon Tum"));
    assert_eq!(identity::province(79), Some("Thành phố Hồ Chí Minh"));
    assert_eq!(identity::province(3), None);
    assert!(identity("cccd", "096301000001").is_ok());
    let cmnd = message(identity("cccd", "233123456"));
    assert!(cmnd.contains("chứng minh nhân dân") && cmnd.contains("12 chữ số"));
    assert!(message(identity("cccd", "06219501234")).contains("hiện có 11"));
    assert!(message(identity("cccd", "0621950123ab")).contains("chỉ gồm chữ số"));
    // 003 and 097 are not province codes.
    assert!(message(identity("cccd", "003195012345")).contains("mã tỉnh"));
    assert!(message(identity("cccd", "097195012345")).contains("mã tỉnh"));
    assert!(message(identity("cccd", "062495012345")).contains("Chữ số thứ 4"));
    assert!(message(identity("cccd", "")).contains("Chưa nhập"));
    let e = identity("", "062195012345").unwrap_err();
    assert_eq!(e.field, "identity_kind");
    // A message never repeats the number.
    assert!(!message(identity("cccd", "003195012345")).contains("003195012345"));
}

#[test]
fn passports() {
    assert_eq!(
        identity("passport", " c1234567 ").unwrap(),
        Identity::Passport("C1234567".into())
    );
    assert_eq!(
        identity("passport", "123456789").unwrap().number(),
        "123456789"
    );
    assert!(message(identity("passport", "AB123")).contains("6 đến 12"));
    assert!(message(identity("passport", "AB1234567890X")).contains("6 đến 12"));
    assert!(message(identity("passport", "AB-12345")).contains("6 đến 12"));
    assert!(identity("passport", "ÂB123456").is_err());
}

#[test]
fn emails() {
    assert_eq!(email("Lan@Gmail.COM").unwrap(), "Lan@gmail.com");
    assert_eq!(
        email("a.b+tag@so-noi-vu.kontum.gov.vn").unwrap(),
        "a.b+tag@so-noi-vu.kontum.gov.vn"
    );
    assert_eq!(email("lan@tênmiền.vn").unwrap(), "lan@tênmiền.vn");
    for bad in [
        "",
        "lan",
        "lan@",
        "@x.vn",
        "lan@@x.vn",
        "lan@x@y.vn",
        "lan nguyen@x.vn",
        "lan@localhost",
        "lan@x..vn",
        "lan@-x.vn",
        "lan@x.v",
        "lan@1.2.3.4",
        ".lan@x.vn",
        "lan.@x.vn",
        "l..an@x.vn",
        "<script>@x.vn",
        "lan@x_y.vn",
    ] {
        assert!(email(bad).is_err(), "{bad:?} accepted");
    }
    let local = "a".repeat(64);
    assert!(email(&format!("{local}@x.vn")).is_ok());
    assert!(email(&format!("a{local}@x.vn")).is_err());
    let long = format!("{local}@{}.vn", vec!["d".repeat(60); 4].join("."));
    assert!(long.len() > 254);
    assert!(message(email(&long)).contains("254"));
    let shown = message(email("<script>alert(1)</script>@x.vn"));
    assert!(!shown.contains("script") && !shown.contains('<'), "{shown}");
}

#[test]
fn phones() {
    for (raw, want) in [
        ("0912345678", "+84912345678"),
        ("091 234 5678", "+84912345678"),
        ("0912.345.678", "+84912345678"),
        ("+84 912 345 678", "+84912345678"),
        ("84912345678", "+84912345678"),
        ("+84 (0) 912 345 678", "+84912345678"),
        ("0260 3862 123", "+842603862123"),
        ("+842603862123", "+842603862123"),
        ("0349-999-999", "+84349999999"),
        ("+33 1 42 68 53 00", "+33142685300"),
        ("+1-202-555-0143", "+12025550143"),
    ] {
        assert_eq!(phone(raw).as_deref(), Ok(want), "{raw}");
    }
    for bad in [
        "",
        "912345678",
        "091234567",
        "09123456789",
        "0212345678",
        "0112345678",
        "0412345678",
        "+8491234567",
        "+0123456789",
        "+1234567",
        "+1234567890123456",
        "0912abc678",
        "++84912345678",
    ] {
        assert!(phone(bad).is_err(), "{bad:?} accepted");
    }
    assert!(message(phone("0112345678")).contains("10 chữ số"));
}

#[test]
fn optional_fields() {
    assert_eq!(employer("  ").unwrap(), None);
    assert_eq!(
        employer(" Trường  Đại học Tây Nguyên ").unwrap().as_deref(),
        Some("Trường Đại học Tây Nguyên")
    );
    assert!(employer(&"đ".repeat(200)).is_ok());
    assert!(message(employer(&"đ".repeat(201))).contains("tối đa 200"));
    assert_eq!(notes("").unwrap(), None);
    assert!(notes(&"ê".repeat(2000)).is_ok());
    assert!(message(notes(&"ê".repeat(2001))).contains("tối đa 2000"));
    assert_eq!(notes("a\tb\rc").unwrap().as_deref(), Some("a\tb\nc"));
    assert!(message(notes("a\u{7}b")).contains("ký tự điều khiển"));
}

#[test]
fn fee_object_types() {
    assert_eq!(FeeObjectType::parse("").unwrap(), FeeObjectType::Other);
    assert_eq!(
        FeeObjectType::parse("07").unwrap(),
        FeeObjectType::Pensioner
    );
    assert_eq!(FeeObjectType::parse("7").unwrap(), FeeObjectType::Pensioner);
    for bad in ["0", "00", "11", "001", "x", "-1", "+1"] {
        assert!(FeeObjectType::parse(bad).is_err(), "{bad:?}");
    }
    for (i, t) in FeeObjectType::ALL.iter().enumerate() {
        assert_eq!(t.code(), format!("{:02}", i + 1));
        assert_eq!(FeeObjectType::parse(t.code()).unwrap(), *t);
        assert_eq!(t.needs_evidence(), i < 9, "{t}");
        assert!(!t.name_vi().is_empty() && !t.name_en().is_empty());
    }
    assert_eq!(
        FeeObjectType::MartyrRelative.to_string(),
        "02 Thân nhân liệt sĩ (Relatives of martyrs)"
    );
}
