//! `/admin/outbox` and `/admin/outbox/{file}`: in demo mode mail is not sent but kept in a
//! folder; admins read it here, with the links of each message as real links.

use crate::account::calls::{get_outbox, get_outbox_message};
use crate::account::{OutboxMessage, OutboxRow};
use crate::components::Loading;
use crate::i18n::{Lang, use_lang};
use crate::pages::staff::{DeniedPage, vn_datetime};
use crate::site::{page_title, use_site};
use crate::urls::percent_encode;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The outbox.
#[component]
pub fn OutboxPage() -> impl IntoView {
    let lang = use_lang();
    let site = use_site();
    let data = Resource::new(|| (), |_| get_outbox());
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let archive = site.archive_name().await;
                match data.await {
                    Ok(rows) => outbox_view(lang, rows, &archive).into_any(),
                    Err(error) => view! { <DeniedPage error next="/admin/outbox"/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn outbox_view(lang: Lang, rows: Vec<OutboxRow>, archive: &str) -> impl IntoView {
    let heading = lang.pick("Hộp thư trình diễn", "Demo outbox");
    let body = if rows.is_empty() {
        view! { <p data-testid="outbox-empty">{lang.pick("Chưa có thư nào.", "No messages yet.")}</p> }
            .into_any()
    } else {
        let items = rows
            .into_iter()
            .map(|row| {
                let href = format!("/admin/outbox/{}", percent_encode(&row.file));
                view! {
                    <tr data-testid="outbox-row">
                        <td>{vn_datetime(&row.date)}</td>
                        <td>{row.to}</td>
                        <th scope="row"><a href=href>{row.subject}</a></th>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll" role="region" aria-labelledby="outbox-caption" tabindex="0">
                <table class="data-table" data-testid="outbox-list">
                    <caption id="outbox-caption">
                        {lang.pick("Thư đã tạo, mới nhất trước", "Messages, newest first")}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{lang.pick("Ngày", "Date")}</th>
                            <th scope="col">{lang.pick("Người nhận", "To")}</th>
                            <th scope="col">{lang.pick("Tiêu đề", "Subject")}</th>
                        </tr>
                    </thead>
                    <tbody>{items}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <Title text=page_title(lang, heading, archive)/>
        <p class="back-link">
            <a href="/admin/users">
                <span aria-hidden="true">"← "</span>
                {lang.pick("Quản lý tài khoản", "Accounts")}
            </a>
        </p>
        <h1>{heading}</h1>
        <p class="lead">
            {lang.pick(
                "Ở chế độ trình diễn, thư không được gửi đi mà được lưu lại ở đây.",
                "In demo mode mail is not sent; it is kept here instead.",
            )}
        </p>
        {body}
    }
}

/// One message.
#[component]
pub fn OutboxMessagePage() -> impl IntoView {
    let lang = use_lang();
    let site = use_site();
    let params = use_params_map();
    let file = move || params.read().get("file").unwrap_or_default();
    let data = Resource::new(file, get_outbox_message);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let archive = site.archive_name().await;
                match data.await {
                    Ok(message) => message_view(lang, message, &archive).into_any(),
                    Err(error) => {
                        let next = format!("/admin/outbox/{}", percent_encode(&file()));
                        view! { <DeniedPage error next/> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

fn message_view(lang: Lang, message: OutboxMessage, archive: &str) -> impl IntoView {
    let OutboxMessage { row, text, links } = message;
    let pieces = linkify(&text, &links);
    let missing: Vec<String> = links
        .into_iter()
        .filter(|link| is_safe(link) && !text.contains(link.as_str()))
        .collect();
    let body = pieces
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.into_any(),
            Piece::Link(href) => link_view(href).into_any(),
        })
        .collect_view();
    let others = (!missing.is_empty()).then(|| {
        let items = missing
            .into_iter()
            .map(|href| view! { <li>{link_view(href)}</li> })
            .collect_view();
        view! {
            <h2>{lang.pick("Liên kết trong thư", "Links in the message")}</h2>
            <ul class="outbox-links">{items}</ul>
        }
    });
    view! {
        <Title text=page_title(lang, &row.subject, archive)/>
        <p class="back-link">
            <a href="/admin/outbox">
                <span aria-hidden="true">"← "</span>
                {lang.pick("Hộp thư trình diễn", "Demo outbox")}
            </a>
        </p>
        <h1>{row.subject.clone()}</h1>
        <dl class="metadata outbox-meta">
            <div><dt>{lang.pick("Người nhận", "To")}</dt><dd>{row.to}</dd></div>
            <div><dt>{lang.pick("Ngày", "Date")}</dt><dd>{vn_datetime(&row.date)}</dd></div>
        </dl>
        <pre class="outbox-text" data-testid="outbox-message">{body}</pre>
        {others}
    }
}

fn link_view(href: String) -> impl IntoView {
    let text = href.clone();
    view! { <a href=href target="_self" data-testid="outbox-link">{text}</a> }
}

/// A part of a message's text.
#[derive(Debug, PartialEq)]
enum Piece {
    Text(String),
    Link(String),
}

/// Only web addresses become links (never `javascript:` or the like).
fn is_safe(link: &str) -> bool {
    link.starts_with("https://") || link.starts_with("http://") || link.starts_with('/')
}

/// Splits `text` at each occurrence of one of `links`, longest link first where two start at
/// the same place.
fn linkify(text: &str, links: &[String]) -> Vec<Piece> {
    let links: Vec<&str> = links
        .iter()
        .map(String::as_str)
        .filter(|link| !link.is_empty() && is_safe(link))
        .collect();
    let mut pieces = Vec::new();
    let mut rest = text;
    loop {
        let next = links
            .iter()
            .filter_map(|link| rest.find(link).map(|at| (at, *link)))
            .min_by_key(|(at, link)| (*at, std::cmp::Reverse(link.len())));
        let Some((at, link)) = next else { break };
        if at > 0 {
            pieces.push(Piece::Text(rest[..at].to_string()));
        }
        pieces.push(Piece::Link(link.to_string()));
        rest = &rest[at + link.len()..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest.to_string()));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_in_the_text_become_pieces() {
        let text = "Mở http://x/a?t=1 hoặc http://x/a?t=12.\nhttp://x/a?t=1";
        let links = vec!["http://x/a?t=1".to_string(), "http://x/a?t=12".to_string()];
        assert_eq!(
            linkify(text, &links),
            vec![
                Piece::Text("Mở ".into()),
                Piece::Link("http://x/a?t=1".into()),
                Piece::Text(" hoặc ".into()),
                Piece::Link("http://x/a?t=12".into()),
                Piece::Text(".\n".into()),
                Piece::Link("http://x/a?t=1".into()),
            ]
        );
    }

    #[test]
    fn unsafe_or_absent_links_stay_text() {
        let links = vec!["javascript:alert(1)".to_string(), String::new()];
        assert_eq!(
            linkify("javascript:alert(1)", &links),
            vec![Piece::Text("javascript:alert(1)".into())]
        );
        assert_eq!(linkify("", &links), vec![]);
    }
}
