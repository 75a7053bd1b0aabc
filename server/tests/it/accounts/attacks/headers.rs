//! The headers of personal pages: never cached, never framed, no content sniffing, and a session
//! cookie that scripts cannot read and other sites cannot send (Secure under HTTPS).

use super::{PASSWORD, Site};
use crate::accounts::client::{self, SESSION};
use portal::accounts::Role;
use reqwest::header::{self, HeaderMap};

const READER: &str = "lan.nguyen@example.vn";

fn raw_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

fn one(headers: &HeaderMap, name: header::HeaderName) -> String {
    headers
        .get(&name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("no {name} header"))
        .to_string()
}

/// The raw `Set-Cookie` of the session cookie, if the answer sets it.
fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{SESSION}=")))
        .map(str::to_string)
}

/// Asserts the headers every personal answer carries.
fn assert_personal(headers: &HeaderMap, what: &str) {
    assert!(
        one(headers, header::CACHE_CONTROL).contains("no-store"),
        "{what}"
    );
    let csp = one(headers, header::CONTENT_SECURITY_POLICY);
    assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp}");
    assert_eq!(
        one(headers, header::X_CONTENT_TYPE_OPTIONS),
        "nosniff",
        "{what}"
    );
}

/// Asserts the flags of a session `Set-Cookie`.
fn assert_flags(cookie: &str, secure: bool) {
    let flags: Vec<String> = cookie
        .split(';')
        .skip(1)
        .map(|f| f.trim().to_ascii_lowercase())
        .collect();
    assert!(flags.iter().any(|f| f == "httponly"), "{cookie}");
    assert!(flags.iter().any(|f| f == "samesite=lax"), "{cookie}");
    assert!(flags.iter().any(|f| f == "path=/"), "{cookie}");
    assert_eq!(flags.iter().any(|f| f == "secure"), secure, "{cookie}");
}

#[tokio::test]
async fn account_pages_are_private_and_the_cookie_is_locked_down() {
    let site = Site::new(false).await;
    site.user(READER, "Nguyễn Thị Lan", &[Role::Reader]).await;
    let http = raw_client();

    let page = http
        .get(format!("{}/account/sign-in", site.base))
        .send()
        .await
        .expect("sign-in page");
    assert_eq!(page.status(), 200);
    assert_personal(page.headers(), "sign-in page");
    let first = session_cookie(page.headers()).expect("the page starts a session");
    assert_flags(&first, false);
    let id = first[SESSION.len() + 1..]
        .split(';')
        .next()
        .unwrap_or("")
        .to_string();
    let token = client::csrf_in(&page.text().await.expect("body"));

    let cookie = format!("{SESSION}={id}");
    let form = [
        ("csrf", token.as_str()),
        ("email", READER),
        ("password", PASSWORD),
    ];
    let signed = http
        .post(format!("{}/account/sign-in", site.base))
        .header(header::COOKIE, &cookie)
        .form(&form)
        .send()
        .await
        .expect("sign in");
    assert_eq!(signed.status(), 303);
    assert_personal(signed.headers(), "sign-in answer");
    let new = session_cookie(signed.headers()).expect("a new cookie at sign-in");
    assert_flags(&new, false);
    let new_id = new[SESSION.len() + 1..]
        .split(';')
        .next()
        .unwrap_or("")
        .to_string();
    assert_ne!(new_id, id);

    let cookie = format!("{SESSION}={new_id}");
    for path in ["/account", "/sfn/account"] {
        let request = if path.starts_with("/sfn/") {
            http.post(format!("{}{path}", site.base))
                .form(&[] as &[(&str, &str)])
        } else {
            http.get(format!("{}{path}", site.base))
        };
        let r = request
            .header(header::COOKIE, &cookie)
            .send()
            .await
            .expect(path);
        assert_eq!(r.status(), 200, "{path}");
        assert_eq!(
            one(r.headers(), header::CACHE_CONTROL),
            "no-store",
            "{path}"
        );
        assert_eq!(
            one(r.headers(), header::X_CONTENT_TYPE_OPTIONS),
            "nosniff",
            "{path}"
        );
    }

    // A refused sign-in page (422) is as private.
    let mut fresh = site.browser();
    let token = super::csrf(&mut fresh).await;
    let session = fresh.session.clone().expect("a session");
    let wrong = [
        ("csrf", token.as_str()),
        ("email", READER),
        ("password", "Khong-dung-2026"),
    ];
    let r = http
        .post(format!("{}/account/sign-in", site.base))
        .header(header::COOKIE, format!("{SESSION}={session}"))
        .form(&wrong)
        .send()
        .await
        .expect("wrong sign-in");
    assert_eq!(r.status(), 422);
    assert_personal(r.headers(), "refused sign-in");
}

#[tokio::test]
async fn under_https_the_cookie_is_secure_and_hsts_is_sent() {
    let db = crate::support::TestDb::new().await;
    let mut config = client::config(db.dir.path(), false);
    config.base_url = Some("https://portal.example.vn".into());
    let base = db.serve_config(config).await;
    let r = raw_client()
        .get(format!("{base}/account/sign-in"))
        .send()
        .await
        .expect("sign-in page");
    assert_eq!(r.status(), 200);
    assert_personal(r.headers(), "sign-in page under https");
    assert_flags(&session_cookie(r.headers()).expect("a cookie"), true);
    let hsts = one(r.headers(), header::STRICT_TRANSPORT_SECURITY);
    assert!(hsts.contains("max-age="), "{hsts}");
}
