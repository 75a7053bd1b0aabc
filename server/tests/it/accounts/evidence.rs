//! The evidence file of a registration: staff open it from the registration's page and get
//! back the bytes that were uploaded, with the type recognised from its content.

use super::client::Browser;
use super::steps::*;
use portal::accounts::Role;

/// The eight-byte PNG signature, an IHDR chunk header and some bytes that are not UTF-8.
const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\xff\xfe";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_download_the_uploaded_evidence_with_its_type() {
    let p = Portal::start(false).await;
    let staff = "thu.ngo@archives.example.vn";
    let (mut staff_browser, _, _) = enrolled(&p, staff, "Ngô Thị Thu", &[Role::Staff]).await;
    let uploads = [
        (
            "pdf@example.vn",
            "Hoàng Văn Bình",
            "thẻ.pdf",
            PDF,
            "application/pdf",
        ),
        ("png@example.vn", "Đặng Thị An", "the.png", PNG, "image/png"),
    ];
    for (email, name, file, bytes, _) in uploads {
        let r = register(
            &mut p.browser(),
            &registration(name, email, "01"),
            Some((file, bytes)),
        )
        .await;
        assert_eq!(
            r.location.as_deref(),
            Some("/account/register/sent"),
            "{}",
            r.body
        );
        p.verify(email).await;
    }
    for (email, _, file, bytes, media) in uploads {
        let id = p.id(email).await;
        let detail = staff_browser
            .get(&format!("/staff/readers/{id}"))
            .await
            .body;
        let path = format!("/staff/readers/{id}/evidence");
        assert!(detail.contains(&format!("href=\"{path}\"")) && detail.contains(file));
        let (status, got_media, got) = download(&staff_browser, &path).await;
        assert_eq!((status, got_media.as_str()), (200, media), "{email}");
        assert_eq!(got, bytes, "the same bytes for {email}");
        let (status, _, _) = download(&Browser::new(&p.base), &path).await;
        assert_eq!(status, 401, "not for anonymous visitors");
    }
}
