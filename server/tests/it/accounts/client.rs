//! A browser-like test client: one session cookie, the CSRF token read from the last page, no
//! automatic redirects (tests look at each 303), and helpers for the outbox and TOTP codes.

use portal::config::{Config, RunMode, Visibility};
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use std::path::{Path, PathBuf};

/// The session cookie's name.
pub const SESSION: &str = "portal_session";

/// An answer: status, `Location` (for redirects) and body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub location: Option<String>,
    pub body: String,
}

/// One browser: a cookie jar of the session cookie.
pub struct Browser {
    pub base: String,
    http: reqwest::Client,
    /// The session cookie's value, when one was set.
    pub session: Option<String>,
}

impl Browser {
    pub fn new(base: &str) -> Browser {
        Browser {
            base: base.trim_end_matches('/').to_string(),
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client"),
            session: None,
        }
    }

    fn url(&self, path: &str) -> String {
        if path.starts_with("http") {
            path.to_string()
        } else {
            format!("{}{path}", self.base)
        }
    }

    async fn send(&mut self, request: reqwest::RequestBuilder) -> Answer {
        let request = match &self.session {
            Some(s) => request.header(COOKIE, format!("{SESSION}={s}")),
            None => request,
        };
        let response = request.send().await.expect("request");
        for value in response.headers().get_all(SET_COOKIE) {
            let v = value.to_str().unwrap_or("");
            if let Some(rest) = v.strip_prefix(&format!("{SESSION}=")) {
                let id = rest.split(';').next().unwrap_or("").to_string();
                // An expired cookie (deletion) has an empty value or Max-Age=0.
                self.session = if id.is_empty() || v.contains("Max-Age=0") {
                    None
                } else {
                    Some(id)
                };
            }
        }
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get(LOCATION)
            .and_then(|l| l.to_str().ok())
            .map(str::to_string);
        let body = response.text().await.unwrap_or_default();
        Answer {
            status,
            location,
            body,
        }
    }

    /// GET a path.
    pub async fn get(&mut self, path: &str) -> Answer {
        let r = self.http.get(self.url(path));
        self.send(r).await
    }

    /// POST url-encoded fields to a path as they are (no token added).
    pub async fn post_raw(&mut self, path: &str, fields: &[(&str, &str)]) -> Answer {
        let r = self.http.post(self.url(path)).form(fields);
        self.send(r).await
    }

    /// POST a form the way a browser does after loading `page`: the page's CSRF token is added.
    pub async fn submit(&mut self, page: &str, action: &str, fields: &[(&str, &str)]) -> Answer {
        let token = csrf_in(&self.get(page).await.body);
        let mut all: Vec<(&str, &str)> = vec![("csrf", &token)];
        all.extend_from_slice(fields);
        self.post_raw(action, &all).await
    }

    /// POST a multipart form (registration) after loading `page` for its token; `file` is
    /// (field, file name, bytes).
    pub async fn submit_multipart(
        &mut self,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
        file: Option<(&str, &str, Vec<u8>)>,
    ) -> Answer {
        let token = csrf_in(&self.get(page).await.body);
        let mut form = reqwest::multipart::Form::new().text("csrf", token);
        for (k, v) in fields {
            form = form.text(k.to_string(), v.to_string());
        }
        if let Some((name, file_name, bytes)) = file {
            form = form.part(
                name.to_string(),
                reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_string()),
            );
        }
        let r = self.http.post(self.url(action)).multipart(form);
        self.send(r).await
    }

    /// A request with extra headers (Origin, Sec-Fetch-Site).
    pub async fn post_with_headers(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Answer {
        let mut r = self.http.post(self.url(path)).form(fields);
        for (k, v) in headers {
            r = r.header(*k, *v);
        }
        self.send(r).await
    }

    /// Calls a server function (POST, url-encoded arguments).
    pub async fn server_fn(&mut self, name: &str, args: &[(&str, &str)]) -> Answer {
        let r = self.http.post(self.url(&format!("/sfn/{name}"))).form(args);
        self.send(r).await
    }
}

/// The first hidden `csrf` value in a page.
pub fn csrf_in(html: &str) -> String {
    let Some(at) = html.find("name=\"csrf\"") else {
        return String::new();
    };
    let rest = &html[at..];
    let Some(v) = rest.find("value=\"") else {
        return String::new();
    };
    rest[v + 7..].split('"').next().unwrap_or("").to_string()
}

/// The portal's configuration for account tests: production (second factor on) or demo.
pub fn config(data_dir: &Path, demo: bool) -> Config {
    let mut c = crate::support::test_config(data_dir, Visibility::Stub);
    c.run_mode = Some(if demo {
        RunMode::Demo
    } else {
        RunMode::Production
    });
    c
}

/// The outbox folder of a data directory.
pub fn outbox(data_dir: &Path) -> PathBuf {
    data_dir.join("outbox")
}

/// The newest message to `to` in the outbox: (subject, text).
pub fn last_mail_to(data_dir: &Path, to: &str) -> Option<(String, String)> {
    let dir = outbox(data_dir);
    let entries = portal::readers::mail::list_outbox(&dir);
    let entry = entries
        .into_iter()
        .filter(|e| e.to.contains(to))
        .max_by(|a, b| a.file.cmp(&b.file))?;
    let raw = portal::readers::mail::read_outbox(&dir, &entry.file)?;
    Some((entry.subject, portal::readers::mail::message_text(&raw)))
}

/// How many messages the outbox holds for `to`.
pub fn mail_count(data_dir: &Path, to: &str) -> usize {
    portal::readers::mail::list_outbox(&outbox(data_dir))
        .into_iter()
        .filter(|e| e.to.contains(to))
        .count()
}

/// The first link in `text` whose path starts with `path`, as a path with its query.
pub fn link_in(text: &str, path: &str) -> Option<String> {
    portal::readers::mail::links_in(text)
        .into_iter()
        .find_map(|l| {
            let at = l.find("://").map(|i| i + 3)?;
            let p = &l[at..];
            let p = &p[p.find('/')?..];
            p.starts_with(path).then(|| p.to_string())
        })
}

/// The current TOTP code of a base32 secret (spaces allowed), `offset` steps away.
pub fn totp_code(secret: &str, offset: i64) -> String {
    let secret: String = secret.chars().filter(|c| !c.is_whitespace()).collect();
    let now = time::OffsetDateTime::now_utc().unix_timestamp() + offset * 30;
    portal::accounts::totp::code_at(&secret, now as u64)
}
