//! Tests: the outbox round trip (RFC 5322 file, decoded headers, links), transport choice from
//! `SMTP_URL` without leaking the password, and the texts of every template.
use super::templates::{self, Addressee, SEPARATOR};
use super::*;

const FROM: &str = "Trung tâm Lưu trữ tỉnh Kon Tum <noreply@luutru.kontum.gov.vn>";
const LINK: &str = "https://luutru.example.vn/account/verify?token=AbC123_xyz-789&x=1";

fn to() -> Addressee<'static> {
    Addressee {
        email: "vanan.kontum@gmail.com",
        name: "Nguyễn Văn An",
        archive: "Trung tâm Lưu trữ tỉnh Kon Tum",
    }
}

fn outbox(tmp: &tempfile::TempDir) -> Mailer {
    Mailer::from_config(None, tmp.path(), FROM).unwrap()
}

#[tokio::test]
async fn a_sent_mail_becomes_one_parseable_eml_in_the_outbox() {
    let tmp = tempfile::tempdir().unwrap();
    let mailer = outbox(&tmp);
    let mail = templates::verification(&to(), LINK, 24);
    mailer.send(&mail).await.unwrap();

    let dir = tmp.path().join("outbox");
    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
    assert_eq!(files.len(), 1, "exactly one file, no temporary left");
    let name = files[0].file_name().into_string().unwrap();
    assert!(name.ends_with(".eml") && !name.starts_with('.'), "{name}");

    let raw = read_outbox(&dir, &name).unwrap();
    assert!(
        raw.contains("\r\n\r\n"),
        "headers end with an empty CRLF line"
    );
    for h in ["From", "To", "Subject", "Date", "Message-ID"] {
        assert!(
            header(&raw, h).is_some_and(|v| !v.is_empty()),
            "{h} missing:\n{raw}"
        );
    }
    assert!(raw.contains("MIME-Version: 1.0"), "{raw}");
    let ctype = header(&raw, "Content-Type").unwrap().to_ascii_lowercase();
    assert!(
        ctype.contains("text/plain") && ctype.contains("charset=utf-8"),
        "{ctype}"
    );
    let cte = header(&raw, "Content-Transfer-Encoding").unwrap();
    assert!(
        ["base64", "quoted-printable"].contains(&cte.as_str()),
        "{cte}"
    );
    // The subject is encoded (non-ASCII is not allowed raw in headers) and decodes back.
    assert!(raw.is_ascii(), "the file must be 7-bit clean");
    assert_eq!(header(&raw, "Subject").unwrap(), mail.subject);
    assert!(mail.subject.starts_with("Xác nhận địa chỉ e-mail"));
    assert!(
        header(&raw, "To")
            .unwrap()
            .contains("vanan.kontum@gmail.com")
    );
    assert!(
        header(&raw, "From")
            .unwrap()
            .contains("Trung tâm Lưu trữ tỉnh Kon Tum")
    );
    assert!(
        header(&raw, "Message-ID")
            .unwrap()
            .ends_with("@luutru.kontum.gov.vn>")
    );

    let text = message_text(&raw);
    assert!(
        text.lines().any(|l| l == LINK),
        "link on its own line:\n{text}"
    );
    assert_eq!(links_in(&text), vec![LINK.to_owned()]);

    let list = list_outbox(&dir);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].file, name);
    assert_eq!(list[0].subject, mail.subject);
    assert!(list[0].to.contains("vanan.kontum@gmail.com"));
    assert!(!list[0].date.is_empty());
}

#[tokio::test]
async fn the_outbox_lists_newest_first_and_refuses_paths() {
    let tmp = tempfile::tempdir().unwrap();
    let mailer = outbox(&tmp);
    let dir = mailer.outbox_dir().unwrap().to_path_buf();
    for (i, subject) in ["một", "hai"].iter().enumerate() {
        let mail = Mail {
            to: format!("reader{i}@example.vn"),
            subject: subject.to_string(),
            text: "Nội dung\n".into(),
        };
        mailer.send(&mail).await.unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(2)).await;
    }
    let list = list_outbox(&dir);
    let subjects: Vec<_> = list.iter().map(|e| e.subject.as_str()).collect();
    assert_eq!(subjects, ["hai", "một"]);

    std::fs::write(tmp.path().join("x.eml"), "secret").unwrap();
    for bad in [
        "../x.eml",
        "..",
        "a/b.eml",
        "a\\b.eml",
        ".hidden.eml",
        "x.txt",
        "",
    ] {
        assert_eq!(read_outbox(&dir, bad), None, "{bad}");
    }
    assert!(read_outbox(&dir, &list[0].file).is_some());
    assert!(list_outbox(&tmp.path().join("absent")).is_empty());
}

#[tokio::test]
async fn a_bad_recipient_is_refused_with_a_clear_message() {
    let tmp = tempfile::tempdir().unwrap();
    let mail = Mail {
        to: "không phải e-mail".into(),
        subject: "x".into(),
        text: "x".into(),
    };
    let err = outbox(&tmp).send(&mail).await.unwrap_err();
    assert!(matches!(err, MailError::BadRecipient { .. }), "{err:?}");
    assert!(err.to_string().contains("người nhận"), "{err}");
}

#[test]
fn without_smtp_url_mail_goes_to_the_outbox_folder() {
    let tmp = tempfile::tempdir().unwrap();
    for url in [None, Some(""), Some("  ")] {
        let mailer = Mailer::from_config(url, tmp.path(), FROM).unwrap();
        match &mailer {
            Mailer::Outbox { dir, .. } => assert_eq!(dir, &tmp.path().join("outbox")),
            Mailer::Smtp { .. } => panic!("expected the outbox for {url:?}"),
        }
    }
    assert!(tmp.path().join("outbox").is_dir());
}

#[test]
fn good_smtp_urls_build_a_transport_without_connecting() {
    let tmp = tempfile::tempdir().unwrap();
    for url in [
        "smtp://user:s3cr%40t@mail.example.vn:587?tls=required",
        "smtps://user:s3cret@mail.example.vn:465",
        "smtp://mail.example.vn?tls=opportunistic",
        "smtp://localhost:25",
    ] {
        let mailer = Mailer::from_config(Some(url), tmp.path(), FROM).unwrap();
        assert!(mailer.outbox_dir().is_none(), "{url}");
        let shown = format!("{mailer:?}");
        assert!(!shown.contains("s3cr"), "{shown}");
        assert!(shown.contains("mail.example.vn") || shown.contains("localhost"));
    }
    assert!(!tmp.path().join("outbox").exists(), "no outbox with SMTP");
}

#[test]
fn a_bad_smtp_url_names_the_setting_and_hides_the_password() {
    let tmp = tempfile::tempdir().unwrap();
    for url in [
        "smtp://user:Pw0rdXYZ@mail.example.vn:587?tls=sometimes",
        "http://user:Pw0rdXYZ@mail.example.vn",
        "smtps://user:Pw0rdXYZ@:465",
        "user:Pw0rdXYZ@mail.example.vn",
        "smtp://user:Pw0rdXYZ@mail.example.vn:99999",
    ] {
        let err = Mailer::from_config(Some(url), tmp.path(), FROM).unwrap_err();
        assert!(
            matches!(err, MailError::BadSmtpUrl { .. }),
            "{url}: {err:?}"
        );
        let text = err.to_string();
        assert!(
            text.contains("SMTP_URL") && text.contains("không hợp lệ"),
            "{text}"
        );
        assert!(!text.contains("Pw0rdXYZ"), "password leaked: {text}");
        assert!(
            !format!("{err:?}").contains("Pw0rdXYZ"),
            "password leaked in Debug"
        );
    }
}

#[tokio::test]
async fn an_smtp_failure_names_the_server_but_not_the_password() {
    let tmp = tempfile::tempdir().unwrap();
    // A local port that nobody listens on: the connection is refused at once.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("smtp://user:Pw0rdXYZ@127.0.0.1:{port}");
    let mailer = Mailer::from_config(Some(&url), tmp.path(), FROM).unwrap();
    let err = mailer
        .send(&templates::verification(&to(), LINK, 24))
        .await
        .unwrap_err();
    assert!(matches!(err, MailError::Smtp { .. }), "{err:?}");
    let text = err.to_string();
    assert!(
        text.contains("127.0.0.1") && text.contains("SMTP_URL"),
        "{text}"
    );
    assert!(
        !text.contains("Pw0rdXYZ") && !format!("{err:?}").contains("Pw0rdXYZ"),
        "{text}"
    );
}

#[test]
fn a_bad_sender_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let err = Mailer::from_config(None, tmp.path(), "noreply at example").unwrap_err();
    assert!(matches!(err, MailError::BadFrom { .. }), "{err:?}");
    assert!(err.to_string().contains("người gửi"), "{err}");
}

#[test]
fn folded_and_encoded_headers_decode() {
    let raw = "Subject: =?utf-8?b?WMOhYyBuaOG6rW4g?=\r\n =?utf-8?b?xJHhu4thIGNo4buJ?=\r\n\
               To: =?utf-8?q?Nguy=E1=BB=85n_V=C4=83n_An?= <a@b.vn>\r\nX-Other: 1\r\n\r\nbody";
    assert_eq!(header(raw, "subject").unwrap(), "Xác nhận địa chỉ");
    assert_eq!(header(raw, "To").unwrap(), "Nguyễn Văn An <a@b.vn>");
    assert_eq!(header(raw, "X-Other").unwrap(), "1");
    assert_eq!(header(raw, "Cc"), None);
    assert_eq!(decode_words("=?bogus plain"), "=?bogus plain");
    assert_eq!(quoted_printable("a=3Db=\r\nc=\nd=ZZ"), b"a=bcd=ZZ");
    assert_eq!(base64_decode("WMOh\r\nYw==").unwrap(), "Xác".as_bytes());
}

#[test]
fn links_are_found_without_trailing_punctuation() {
    let text = "Mở https://a.vn/x?t=1. Rồi http://b.vn/y, hoặc (https://c.vn/z) — không phải http: hay https://";
    assert_eq!(
        links_in(text),
        vec!["https://a.vn/x?t=1", "http://b.vn/y", "https://c.vn/z"]
    );
    assert!(links_in("không có đường dẫn").is_empty());
    assert_eq!(
        links_in("https://a.vn/1\nhttps://a.vn/1\n"),
        vec!["https://a.vn/1"]
    );
}

#[test]
fn redaction_masks_the_password_only() {
    assert_eq!(
        redact_url("smtps://user:pw@host:465/?a=b@c"),
        "smtps://user:***@host:465/?a=b@c"
    );
    assert_eq!(redact_url("smtp://host:25"), "smtp://host:25");
    assert_eq!(redact_url("u:pw@host"), "u:***@host");
    assert_eq!(redact_url("u:pw@host/x@y"), "u:***@host/x@y");
    assert_eq!(scrub("x p%40ss y", "smtp://u:p%40ss@h"), "x *** y");
}

/// Every template: both languages around the separator, the link alone on a line, the archive.
fn check(mail: &Mail, vi: &[&str], en: &[&str], link: Option<&str>) {
    let (vi_part, en_part) = mail.text.split_once(SEPARATOR).expect("separator line");
    for w in vi {
        assert!(
            vi_part.contains(w),
            "Vietnamese part lacks {w:?}:\n{vi_part}"
        );
    }
    for w in en {
        assert!(en_part.contains(w), "English part lacks {w:?}:\n{en_part}");
    }
    assert!(vi_part.contains("Kính gửi Nguyễn Văn An") && en_part.contains("Dear Nguyễn Văn An"));
    assert!(vi_part.contains("Trung tâm Lưu trữ tỉnh Kon Tum"));
    assert!(mail.subject.contains("Trung tâm Lưu trữ tỉnh Kon Tum") && mail.subject.contains('('));
    assert_eq!(mail.to, "vanan.kontum@gmail.com");
    assert!(!mail.text.contains('<'), "plain text, no HTML");
    match link {
        Some(link) => {
            assert_eq!(vi_part.lines().filter(|l| *l == link).count(), 1);
            assert_eq!(en_part.lines().filter(|l| *l == link).count(), 1);
        }
        None => assert!(links_in(&mail.text).is_empty()),
    }
}

#[test]
fn every_template_says_what_it_should_in_both_languages() {
    let t = to();
    let m = templates::verification(&t, LINK, 24);
    check(
        &m,
        &["xác nhận", "24 giờ", "một lần"],
        &["confirm", "24 hours", "single use"],
        Some(LINK),
    );

    let m = templates::email_change(&t, LINK, 24);
    check(
        &m,
        &["đổi địa chỉ e-mail", "24 giờ"],
        &["changed the e-mail", "24 hours"],
        Some(LINK),
    );

    let m = templates::password_reset(&t, LINK, 1);
    check(
        &m,
        &["đặt lại mật khẩu", "1 giờ", "một lần"],
        &["reset the password", "1 hour)"],
        Some(LINK),
    );
    assert!(m.subject.starts_with("Đặt lại mật khẩu"));

    let m = templates::activated(&t, "https://luutru.example.vn/account/sign-in");
    check(
        &m,
        &["đã được kích hoạt"],
        &["has been activated"],
        Some("https://luutru.example.vn/account/sign-in"),
    );

    let reason = "Ảnh CCCD không đọc được; xin tải lại bản rõ nét.";
    let m = templates::refused(&t, reason);
    check(&m, &["Lý do", reason], &["Reason", reason], None);

    let date = time::macros::date!(2026 - 03 - 05);
    let m = templates::expiring(&t, date, "https://luutru.example.vn/account/renew");
    check(
        &m,
        &["hết hạn", "05/03/2026", "gia hạn"],
        &["expires on 05/03/2026", "renew"],
        Some("https://luutru.example.vn/account/renew"),
    );
}
