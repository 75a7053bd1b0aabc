//! `/admin/audit?before=N`: the audit log, newest first, a page at a time.

use crate::account::calls::get_audit;
use crate::account::{AuditEntry, AuditPage};
use crate::components::Loading;
use crate::i18n::{Lang, use_lang};
use crate::pages::staff::{DeniedPage, action_label, vn_datetime};
use crate::site::{page_title, use_site};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The audit log.
#[component]
pub fn AuditLogPage() -> impl IntoView {
    let lang = use_lang();
    let site = use_site();
    let query = use_query_map();
    let before = move || {
        query
            .read()
            .get("before")
            .and_then(|b| b.trim().parse::<i64>().ok())
    };
    let data = Resource::new(before, get_audit);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let archive = site.archive_name().await;
                let paged = before().is_some();
                match data.await {
                    Ok(page) => audit_view(lang, page, paged, &archive).into_any(),
                    Err(error) => view! { <DeniedPage error next="/admin/audit"/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn audit_view(lang: Lang, page: AuditPage, paged: bool, archive: &str) -> impl IntoView {
    let heading = lang.pick("Nhật ký hệ thống", "Audit log");
    let body = if page.entries.is_empty() {
        view! {
            <p data-testid="audit-empty">
                {lang.pick("Không có mục nào trong nhật ký.", "The log has no entries here.")}
            </p>
        }
        .into_any()
    } else {
        audit_table(lang, page.entries).into_any()
    };
    let newest = paged.then(|| {
        view! { <li><a href="/admin/audit">{lang.pick("Mới nhất", "Newest")}</a></li> }
    });
    let older = page.before.map(|before| {
        view! {
            <li>
                <a href=format!("/admin/audit?before={before}") rel="next" data-testid="audit-older">
                    {lang.pick("Cũ hơn", "Older")}
                </a>
            </li>
        }
    });
    let pager = (newest.is_some() || older.is_some()).then(|| {
        view! {
            <nav class="pager" aria-label=lang.pick("Các trang của nhật ký", "Pages of the log")>
                <ul>{newest}{older}</ul>
            </nav>
        }
    });
    view! {
        <Title text=page_title(lang, heading, archive)/>
        <p class="back-link">
            <a href="/admin/users">
                <span aria-hidden="true">"← "</span>
                {lang.pick("Quản lý tài khoản", "Accounts")}
            </a>
        </p>
        <h1>{heading}</h1>
        {body}
        {pager}
    }
}

fn audit_table(lang: Lang, entries: Vec<AuditEntry>) -> impl IntoView {
    let rows = entries
        .into_iter()
        .map(|entry| {
            let label = action_label(lang, &entry.action);
            // The stored name too, when the label is a translation of it.
            let code = (label != entry.action)
                .then(|| view! { <code class="audit-code">{entry.action.clone()}</code> });
            view! {
                <tr data-testid="audit-row" data-action=entry.action.clone()>
                    <td><time datetime=entry.at.clone()>{vn_datetime(&entry.at)}</time></td>
                    <td>{entry.actor}</td>
                    <td><span class="audit-action">{label}</span>{code}</td>
                    <td>{entry.subject}</td>
                    <td>{entry.address}</td>
                    <td>{entry.detail}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" role="region" aria-labelledby="audit-caption" tabindex="0">
            <table class="data-table audit-table" data-testid="audit-table">
                <caption id="audit-caption">
                    {lang.pick("Sự kiện, mới nhất trước", "Events, newest first")}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.pick("Thời gian", "Time")}</th>
                        <th scope="col">{lang.pick("Người thực hiện", "Actor")}</th>
                        <th scope="col">{lang.pick("Hành động", "Action")}</th>
                        <th scope="col">{lang.pick("Tài khoản liên quan", "Subject")}</th>
                        <th scope="col">{lang.pick("Địa chỉ", "Address")}</th>
                        <th scope="col">{lang.pick("Chi tiết", "Detail")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
