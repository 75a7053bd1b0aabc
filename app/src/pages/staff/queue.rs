//! `/staff/readers`: registrations waiting for staff to check the identity, oldest first, with
//! their one-working-day deadline.

use super::kit::DeniedPage;
use super::labels::fee_category;
use crate::account::QueueEntry;
use crate::account::calls::get_reader_queue;
use crate::components::Loading;
use crate::components::form::DoneNotice;
use crate::i18n::dates::{utc_minutes, vn_datetime};
use crate::i18n::{Lang, use_lang};
use crate::site::{page_title, use_site};
use leptos::prelude::*;
use leptos_meta::Title;

/// The confirmations after a decision on a registration.
const NOTICES: &[(&str, &str, &str)] = &[
    (
        "activated",
        "Đã kích hoạt tài khoản độc giả.",
        "The reader's account has been activated.",
    ),
    (
        "refused",
        "Đã từ chối đăng ký; lý do được gửi cho người đăng ký.",
        "The registration has been refused; the reason goes to the applicant.",
    ),
];

/// The verification queue.
#[component]
pub fn ReaderQueuePage() -> impl IntoView {
    let lang = use_lang();
    let site = use_site();
    let data = Resource::new(|| (), |_| get_reader_queue());
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let archive = site.archive_name().await;
                match data.await {
                    Ok(entries) => queue_view(lang, entries, &archive).into_any(),
                    Err(error) => view! { <DeniedPage error next="/staff/readers"/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn queue_view(lang: Lang, mut entries: Vec<QueueEntry>, archive: &str) -> impl IntoView {
    let heading = lang.pick("Xác minh độc giả", "Reader verification");
    entries.sort_by_key(|entry| utc_minutes(&entry.received_at));
    let overdue = entries.iter().filter(|entry| entry.overdue).count();
    let body = if entries.is_empty() {
        view! {
            <p class="queue-empty" data-testid="queue-empty">
                {lang.pick(
                    "Không có đăng ký nào đang chờ xác minh.",
                    "No registrations are waiting for verification.",
                )}
            </p>
        }
        .into_any()
    } else {
        queue_table(lang, entries, overdue).into_any()
    };
    view! {
        <Title text=page_title(lang, heading, archive)/>
        <h1>{heading}</h1>
        <DoneNotice notices=NOTICES/>
        <p class="lead">
            {lang.pick(
                "Kiểm tra giấy tờ tùy thân và minh chứng đối tượng ưu tiên, rồi kích hoạt hoặc từ chối trong một ngày làm việc kể từ khi người đăng ký xác nhận thư điện tử.",
                "Check the identity document and any priority-category evidence, then activate or refuse within one working day of the applicant confirming their e-mail.",
            )}
        </p>
        <div data-testid="reader-queue">{body}</div>
    }
}

fn queue_table(lang: Lang, entries: Vec<QueueEntry>, overdue: usize) -> impl IntoView {
    let caption = match (lang, overdue) {
        (Lang::Vi, 0) => format!("{} đăng ký chờ xác minh, cũ nhất trước", entries.len()),
        (Lang::Vi, n) => format!(
            "{} đăng ký chờ xác minh ({n} quá hạn), cũ nhất trước",
            entries.len()
        ),
        (Lang::En, 0) => format!("{} waiting, oldest first", entries.len()),
        (Lang::En, n) => format!("{} waiting ({n} overdue), oldest first", entries.len()),
    };
    let rows = entries
        .into_iter()
        .map(|entry| queue_row(lang, entry))
        .collect_view();
    view! {
        <div class="table-scroll" role="region" aria-labelledby="queue-caption" tabindex="0">
            <table class="data-table queue-table">
                <caption id="queue-caption">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.pick("Họ và tên", "Name")}</th>
                        <th scope="col">{lang.pick("Thư điện tử", "E-mail")}</th>
                        <th scope="col">{lang.pick("Đối tượng", "Category")}</th>
                        <th scope="col">{lang.pick("Nhận lúc", "Received")}</th>
                        <th scope="col">{lang.pick("Hạn xử lý", "Deadline")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn queue_row(lang: Lang, entry: QueueEntry) -> impl IntoView {
    let href = format!("/staff/readers/{}", entry.id);
    let renewal = entry.renewal.then(|| {
        view! { " " <span class="tag tag-renewal">{lang.pick("Gia hạn", "Renewal")}</span> }
    });
    let overdue = entry.overdue.then(|| {
        view! { " " <strong class="tag tag-overdue">{lang.pick("Quá hạn", "Overdue")}</strong> }
    });
    view! {
        <tr
            data-testid="queue-row"
            data-overdue=entry.overdue.to_string()
            class:row-overdue=entry.overdue
        >
            <th scope="row">
                <a href=href>{entry.full_name}</a>
                {renewal}
            </th>
            <td>{entry.email}</td>
            <td>{fee_category(lang, &entry.fee_object_type)}</td>
            <td>{vn_datetime(&entry.received_at)}</td>
            <td>{vn_datetime(&entry.deadline)} {overdue}</td>
        </tr>
    }
}
