//! Account e-mails (issue 5): sends a plain-text [`Mail`] through SMTP (lettre, rustls) when
//! `SMTP_URL` is set, otherwise writes it as an RFC 5322 `.eml` file into
//! `$PORTAL_DATA_DIR/outbox/`, and reads that outbox back for the admin page and the end-to-end
//! tests ([`list_outbox`], [`read_outbox`], [`message_text`], [`links_in`]).
//! The message texts themselves are in [`templates`].

pub mod templates;
#[cfg(test)]
mod tests;

use lettre::message::Mailbox;
use lettre::message::header::{ContentType, MIME_VERSION_1_0};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use password_hash::rand_core::{OsRng, RngCore};
use std::path::{Path, PathBuf};

/// One e-mail: a recipient address, a subject and a plain-text UTF-8 body (Vietnamese first,
/// English below a separator line; see [`templates`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub text: String,
}

/// Where mail goes: an SMTP server, or the outbox folder (no `SMTP_URL`, e.g. demo mode).
#[derive(Clone)]
pub enum Mailer {
    Smtp {
        transport: Box<AsyncSmtpTransport<Tokio1Executor>>,
        from: Mailbox,
        /// The SMTP URL with its password masked, for messages and logs.
        server: String,
    },
    Outbox {
        dir: PathBuf,
        from: Mailbox,
    },
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Mailer::Smtp { server, from, .. } => write!(f, "Mailer::Smtp({server}, from {from})"),
            Mailer::Outbox { dir, from } => {
                write!(f, "Mailer::Outbox({}, from {from})", dir.display())
            }
        }
    }
}

/// Why a mail could not be prepared or sent. Messages are Vietnamese first, English in
/// parentheses; none of them contains the SMTP password.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error(
        "SMTP_URL không hợp lệ ({shown}): {reason}. Sửa SMTP_URL theo dạng \
         smtps://tài-khoản:mật-khẩu@máy-chủ:465 hoặc smtp://tài-khoản:mật-khẩu@máy-chủ:587?tls=required, \
         hoặc bỏ trống để lưu thư vào thư mục outbox (invalid SMTP_URL; expected \
         smtps://user:pass@host:465 or smtp://user:pass@host:587?tls=required, or unset it to write mail to the outbox folder)"
    )]
    BadSmtpUrl { shown: String, reason: String },
    #[error(
        "Địa chỉ người gửi «{value}» không hợp lệ: {reason}; cần dạng \"Tên <dia-chi@ten-mien>\" \
         (invalid sender address)"
    )]
    BadFrom { value: String, reason: String },
    #[error(
        "Địa chỉ e-mail người nhận «{value}» không hợp lệ: {reason}; kiểm tra trường e-mail của tài khoản \
         (invalid recipient address)"
    )]
    BadRecipient { value: String, reason: String },
    #[error("Không tạo được thư gửi {to}: {reason} (could not build the message)")]
    Build { to: String, reason: String },
    #[error(
        "Không ghi được thư vào {path}: {source}; kiểm tra quyền ghi của thư mục PORTAL_DATA_DIR/outbox \
         (could not write to the outbox folder)"
    )]
    Outbox {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "Máy chủ thư ({server}) không nhận thư gửi {to}: {reason}; kiểm tra SMTP_URL (máy chủ, cổng, \
         tài khoản) và kết nối mạng (the SMTP server did not accept the message)"
    )]
    Smtp {
        server: String,
        to: String,
        reason: String,
    },
}

impl Mailer {
    /// Chooses the transport: SMTP when `smtp_url` is set (lettre's URL form:
    /// `smtp://user:pass@host:587?tls=required`, `smtps://user:pass@host:465`), otherwise the
    /// folder `{data_dir}/outbox` (created here). `from` is the sender, e.g.
    /// `"Trung tâm Lưu trữ <noreply@example.vn>"`. Building the SMTP transport opens no
    /// connection and needs no running runtime.
    pub fn from_config(
        smtp_url: Option<&str>,
        data_dir: &Path,
        from: &str,
    ) -> Result<Mailer, MailError> {
        let from: Mailbox = from.trim().parse().map_err(|e| MailError::BadFrom {
            value: from.to_owned(),
            reason: format!("{e}"),
        })?;
        match smtp_url.map(str::trim).filter(|u| !u.is_empty()) {
            Some(url) => {
                let server = redact_url(url);
                let builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(url).map_err(|e| {
                    MailError::BadSmtpUrl {
                        shown: server.clone(),
                        reason: scrub(&e.to_string(), url),
                    }
                })?;
                Ok(Mailer::Smtp {
                    transport: Box::new(builder.build()),
                    from,
                    server,
                })
            }
            None => {
                let dir = data_dir.join("outbox");
                std::fs::create_dir_all(&dir).map_err(|source| MailError::Outbox {
                    path: dir.clone(),
                    source,
                })?;
                Ok(Mailer::Outbox { dir, from })
            }
        }
    }

    /// The outbox folder, when mail goes there (for the admin outbox page).
    pub fn outbox_dir(&self) -> Option<&Path> {
        match self {
            Mailer::Outbox { dir, .. } => Some(dir),
            Mailer::Smtp { .. } => None,
        }
    }

    /// Sends one mail (SMTP), or writes it as one `.eml` file into the outbox.
    pub async fn send(&self, mail: &Mail) -> Result<(), MailError> {
        match self {
            Mailer::Smtp {
                transport,
                from,
                server,
            } => {
                let message = build_message(from, mail)?;
                transport
                    .send(message)
                    .await
                    .map(drop)
                    .map_err(|e| MailError::Smtp {
                        server: server.clone(),
                        to: mail.to.clone(),
                        reason: e.to_string(),
                    })
            }
            Mailer::Outbox { dir, from } => {
                let message = build_message(from, mail)?;
                write_outbox(dir, &message.formatted()).await.map(drop)
            }
        }
    }
}

/// Builds the RFC 5322 message: From, To, Subject (RFC 2047 for UTF-8), Date, Message-ID,
/// MIME-Version, `Content-Type: text/plain; charset=utf-8` and a transfer encoding lettre chooses.
fn build_message(from: &Mailbox, mail: &Mail) -> Result<Message, MailError> {
    let to: Mailbox = mail
        .to
        .trim()
        .parse()
        .map_err(|e| MailError::BadRecipient {
            value: mail.to.clone(),
            reason: format!("{e}"),
        })?;
    let message_id = format!("<{}@{}>", random_hex(16), from.email.domain());
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(mail.subject.as_str())
        .date_now()
        .message_id(Some(message_id))
        .header(MIME_VERSION_1_0)
        .header(ContentType::TEXT_PLAIN)
        .body(mail.text.clone())
        .map_err(|e| MailError::Build {
            to: mail.to.clone(),
            reason: e.to_string(),
        })
}

/// Writes `bytes` to `{dir}/{timestamp}-{random}.eml` through a hidden temporary name and a
/// rename, so a reader of the folder never sees half a message. Returns the file's path.
async fn write_outbox(dir: &Path, bytes: &[u8]) -> Result<PathBuf, MailError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| MailError::Outbox { path, source }
    };
    tokio::fs::create_dir_all(dir).await.map_err(io(dir))?;
    let now = time::OffsetDateTime::now_utc();
    let stamp = now
        .format(time::macros::format_description!(
            "[year][month][day]T[hour][minute][second][subsecond digits:6]Z"
        ))
        .unwrap_or_else(|_| now.unix_timestamp().to_string());
    let name = format!("{stamp}-{}.eml", random_hex(4));
    let tmp = dir.join(format!(".{name}.tmp"));
    let path = dir.join(name);
    tokio::fs::write(&tmp, bytes).await.map_err(io(&tmp))?;
    tokio::fs::rename(&tmp, &path).await.map_err(io(&path))?;
    Ok(path)
}

fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    OsRng.fill_bytes(&mut buf);
    hex::encode(buf)
}

/// The URL with the password of its user part replaced by `***` (whole user part when the URL
/// cannot be split), for messages.
fn redact_url(url: &str) -> String {
    let (scheme, rest) = match url.split_once("://") {
        Some((s, r)) => (format!("{s}://"), r),
        None => (String::new(), url),
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    match authority.rsplit_once('@') {
        Some((user, host)) => {
            let user = user.split_once(':').map_or(user, |(u, _)| u);
            format!("{scheme}{user}:***@{host}{tail}")
        }
        None if !scheme.is_empty() => url.to_owned(),
        // No "scheme://": any '@' later in the text may still follow a password.
        None => match url.rsplit_once('@') {
            Some((_, host)) => format!("***@{host}"),
            None => url.to_owned(),
        },
    }
}

/// Removes the URL's password from an error text (lettre's messages do not quote the URL, but a
/// later version might).
fn scrub(text: &str, url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    match authority
        .rsplit_once('@')
        .and_then(|(user, _)| user.split_once(':'))
    {
        Some((_, password)) if !password.is_empty() => text.replace(password, "***"),
        _ => text.to_owned(),
    }
}

fn hex_pair(pair: &[u8]) -> Option<u8> {
    let s = std::str::from_utf8(pair).ok()?;
    u8::from_str_radix(s, 16).ok()
}

/// One message of the outbox, as the admin page lists it (headers decoded).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OutboxEntry {
    pub file: String,
    pub to: String,
    pub subject: String,
    pub date: String,
}

/// The outbox's messages, newest first (file names start with a UTC timestamp). A missing or
/// unreadable folder gives an empty list.
pub fn list_outbox(dir: &Path) -> Vec<OutboxEntry> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut list: Vec<OutboxEntry> = entries
        .flatten()
        .filter_map(|e| {
            let file = e.file_name().into_string().ok()?;
            let raw = read_outbox(dir, &file)?;
            Some(outbox_entry(file, &raw))
        })
        .collect();
    list.sort_by(|a, b| b.file.cmp(&a.file));
    list
}

/// The list entry of the message `raw` stored as `file`.
pub fn outbox_entry(file: String, raw: &str) -> OutboxEntry {
    OutboxEntry {
        to: header(raw, "To").unwrap_or_default(),
        subject: header(raw, "Subject").unwrap_or_default(),
        date: header(raw, "Date").unwrap_or_default(),
        file,
    }
}

/// The raw text of one outbox message, or `None` for a name that is not a plain `.eml` file
/// name of the folder (`/`, `\`, `..`, hidden or temporary files are refused).
pub fn read_outbox(dir: &Path, file_name: &str) -> Option<String> {
    let plain = !file_name.starts_with('.')
        && !file_name.contains("..")
        && file_name.ends_with(".eml")
        && file_name
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'));
    if !plain {
        return None;
    }
    let bytes = std::fs::read(dir.join(file_name)).ok()?;
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// The decoded value of a header of a raw message (unfolded, RFC 2047 words decoded).
pub fn header(raw: &str, name: &str) -> Option<String> {
    let head = raw.split("\r\n\r\n").next().unwrap_or(raw);
    let head = head.split("\n\n").next().unwrap_or(head);
    let mut found: Option<String> = None;
    for line in head.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some(v) = found.as_mut() {
                v.push_str(line);
            }
        } else if found.is_some() {
            break;
        } else if let Some((key, value)) = line.split_once(':')
            && key.trim().eq_ignore_ascii_case(name)
        {
            found = Some(value.to_owned());
        }
    }
    found.map(|v| decode_words(v.trim()))
}

/// Decodes RFC 2047 encoded words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`); blanks between two
/// adjacent encoded words are dropped as the RFC says.
fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut run: Vec<u8> = Vec::new();
    let mut rest = value;
    while let Some(i) = rest.find("=?") {
        let (before, word) = rest.split_at(i);
        match encoded_word(word) {
            Some((bytes, len)) => {
                if run.is_empty() || !before.trim().is_empty() {
                    out.push_str(&String::from_utf8_lossy(&std::mem::take(&mut run)));
                    out.push_str(before);
                }
                run.extend(bytes);
                rest = &word[len..];
            }
            None => {
                out.push_str(&String::from_utf8_lossy(&std::mem::take(&mut run)));
                out.push_str(&rest[..i + 2]);
                rest = &rest[i + 2..];
            }
        }
    }
    out.push_str(&String::from_utf8_lossy(&run));
    out.push_str(rest);
    out
}

/// Parses one encoded word at the start of `s`: its bytes and its length in `s`.
fn encoded_word(s: &str) -> Option<(Vec<u8>, usize)> {
    let inner = s.strip_prefix("=?")?;
    let (_charset, rest) = inner.split_once('?')?;
    let (encoding, rest) = rest.split_once('?')?;
    let end = rest.find("?=")?;
    let text = &rest[..end];
    if text.contains([' ', '\t', '\r', '\n']) {
        return None;
    }
    let bytes = match encoding {
        "b" | "B" => base64_decode(text)?,
        "q" | "Q" => quoted_printable(&text.replace('_', " ")),
        _ => return None,
    };
    Some((bytes, s.len() - rest.len() + end + 2))
}

/// The decoded body of a raw message (base64 or quoted-printable undone), with `\n` line ends.
pub fn message_text(raw: &str) -> String {
    let body = raw
        .split_once("\r\n\r\n")
        .or_else(|| raw.split_once("\n\n"))
        .map_or("", |(_, b)| b);
    let encoding = header(raw, "Content-Transfer-Encoding").unwrap_or_default();
    let bytes = match encoding.trim().to_ascii_lowercase().as_str() {
        "base64" => base64_decode(body).unwrap_or_else(|| body.as_bytes().to_vec()),
        "quoted-printable" => quoted_printable(body),
        _ => body.as_bytes().to_vec(),
    };
    String::from_utf8_lossy(&bytes).replace("\r\n", "\n")
}

fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
    {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

fn quoted_printable(text: &str) -> Vec<u8> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let soft = [&b"=\r\n"[..], b"=\n"]
            .into_iter()
            .find(|s| b[i..].starts_with(s));
        match (soft, b.get(i + 1..i + 3).and_then(hex_pair)) {
            (Some(s), _) => i += s.len(),
            (None, Some(v)) if b[i] == b'=' => {
                out.push(v);
                i += 3;
            }
            _ => {
                out.push(b[i]);
                i += 1;
            }
        }
    }
    out
}

/// The distinct `http://` and `https://` links in a (decoded) text, in order of first appearance
/// (the Vietnamese and English parts repeat the same link); trailing punctuation that ends a
/// sentence is not part of a link.
pub fn links_in(text: &str) -> Vec<String> {
    let mut links = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("http") {
        let candidate = &rest[i..];
        if candidate.starts_with("http://") || candidate.starts_with("https://") {
            let end = candidate
                .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\''))
                .unwrap_or(candidate.len());
            let link = candidate[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']']);
            if link.split_once("://").is_some_and(|(_, h)| !h.is_empty())
                && !links.iter().any(|l| l == link)
            {
                links.push(link.to_owned());
            }
            rest = &candidate[end..];
        } else {
            rest = &candidate[4..];
        }
    }
    links
}
