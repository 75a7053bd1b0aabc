//! `/staff/readers/{id}`: everything staff need to decide on one registration, the activate and
//! refuse forms while it is pending, and the account's history.

use super::kit::DeniedPage;
use super::labels::{action_label, fee_category, identity_kind, none_text};
use crate::account::calls::{get_form_state, get_reader};
use crate::account::{AccountState, AuditEntry, FormState, ReaderDetail};
use crate::components::Loading;
use crate::components::form::{CsrfField, FormAlert, TextArea};
use crate::i18n::dates::{vn_date, vn_datetime};
use crate::i18n::{Lang, use_lang};
use crate::service::ServiceError;
use crate::site::{page_title, use_site};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// One registration.
#[component]
pub fn ReaderPage() -> impl IntoView {
    let lang = use_lang();
    let site = use_site();
    let params = use_params_map();
    let raw_id = move || params.read().get("id").unwrap_or_default();
    let data = Resource::new(raw_id, |raw| async move {
        let id = raw.parse::<i64>().map_err(|_| ServiceError::NotFound)?;
        let reader = get_reader(id).await?;
        let form = get_form_state("refuse".to_string()).await?;
        Ok::<_, ServiceError>((reader, form))
    });
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let archive = site.archive_name().await;
                match data.await {
                    Ok((reader, form)) => reader_view(lang, reader, form, &archive).into_any(),
                    Err(error) => {
                        let next = format!("/staff/readers/{}", raw_id());
                        view! { <DeniedPage error next/> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

fn reader_view(
    lang: Lang,
    mut reader: ReaderDetail,
    form: FormState,
    archive: &str,
) -> impl IntoView {
    let heading = format!(
        "{}: {}",
        lang.pick("Đăng ký độc giả", "Reader registration"),
        reader.full_name
    );
    let decision = if reader.state == AccountState::Pending {
        decision_forms(lang, reader.id, form).into_any()
    } else {
        view! {
            <p class="notice notice-info" data-testid="not-pending">
                {lang.pick(
                    "Đăng ký này không chờ xác minh; trạng thái hiện tại: ",
                    "This registration is not waiting for verification; its state is: ",
                )}
                {reader.state.label(lang.is_english())}
            </p>
        }
        .into_any()
    };
    let history = std::mem::take(&mut reader.history);
    view! {
        <Title text=page_title(lang, &heading, archive)/>
        <p class="back-link">
            <a href="/staff/readers">
                <span aria-hidden="true">"← "</span>
                {lang.pick("Hàng chờ xác minh", "Verification queue")}
            </a>
        </p>
        <h1>{heading}</h1>
        <section aria-labelledby="details-heading">
            <h2 id="details-heading">{lang.pick("Thông tin đăng ký", "Registration details")}</h2>
            {details(lang, reader)}
        </section>
        <section aria-labelledby="decision-heading">
            <h2 id="decision-heading">{lang.pick("Quyết định", "Decision")}</h2>
            {decision}
        </section>
        <section aria-labelledby="history-heading">
            <h2 id="history-heading">{lang.pick("Lịch sử", "History")}</h2>
            {history_list(lang, history)}
        </section>
    }
}

/// A term and its value in the details list.
fn item(term: &'static str, value: impl IntoView + 'static) -> impl IntoView {
    view! {
        <div>
            <dt>{term}</dt>
            <dd>{value}</dd>
        </div>
    }
}

fn details(lang: Lang, reader: ReaderDetail) -> impl IntoView {
    let none = none_text(lang);
    let or_none = move |value: Option<String>| value.unwrap_or_else(|| none.to_string());
    let when =
        move |value: Option<String>| value.map_or_else(|| none.to_string(), |v| vn_datetime(&v));
    let evidence = match reader.evidence_name {
        Some(name) => view! {
            <a
                href=format!("/staff/readers/{}/evidence", reader.id)
                target="_self"
                data-testid="evidence-link"
            >
                {lang.pick("Mở tệp minh chứng: ", "Open the evidence file: ")}
                {name}
            </a>
        }
        .into_any(),
        None => none.into_any(),
    };
    view! {
        <dl class="metadata reader-details" data-testid="reader-detail">
            {item(lang.pick("Mã độc giả", "Reader number"), reader.id.to_string())}
            {item(lang.pick("Họ và tên", "Full name"), reader.full_name)}
            {item(lang.pick("Thư điện tử", "E-mail"), reader.email)}
            {item(lang.pick("Trạng thái", "State"), reader.state.label(lang.is_english()))}
            {item(lang.pick("Loại giấy tờ", "Identity document"), identity_kind(lang, &reader.identity_kind))}
            {item(lang.pick("Số giấy tờ", "Document number"), reader.identity_number)}
            {item(lang.pick("Điện thoại", "Phone"), reader.phone)}
            {item(lang.pick("Nơi công tác", "Employer"), or_none(reader.employer))}
            {item(lang.pick("Đối tượng ưu tiên", "Priority category"), fee_category(lang, &reader.fee_object_type))}
            {item(lang.pick("Minh chứng", "Evidence"), evidence)}
            {item(lang.pick("Ghi chú", "Notes"), or_none(reader.notes))}
            {item(lang.pick("Đăng ký lúc", "Registered"), vn_datetime(&reader.created_at))}
            {item(lang.pick("Xác nhận thư điện tử lúc", "E-mail confirmed"), when(reader.received_at))}
            {item(lang.pick("Hạn xử lý", "Deadline"), when(reader.deadline))}
            {item(lang.pick("Lý do từ chối", "Refusal reason"), or_none(reader.refusal_reason))}
            {item(lang.pick("Có giá trị đến", "Valid until"), reader.expires_on.map_or_else(|| none.to_string(), |d| vn_date(&d)))}
        </dl>
    }
}

fn decision_forms(lang: Lang, id: i64, form: FormState) -> impl IntoView {
    let csrf = form.csrf.clone();
    view! {
        <div class="decision-forms">
            <form
                method="post"
                action=format!("/staff/readers/{id}/activate")
                class="decision-form"
                data-testid="activate-form"
            >
                <h3>{lang.pick("Kích hoạt", "Activate")}</h3>
                <CsrfField token=csrf.clone()/>
                <p>
                    {lang.pick(
                        "Giấy tờ và minh chứng hợp lệ: độc giả được gửi yêu cầu từ nay.",
                        "The documents and evidence are valid: the reader may send requests from now on.",
                    )}
                </p>
                <button type="submit" class="button">
                    {lang.pick("Kích hoạt tài khoản", "Activate the account")}
                </button>
            </form>
            <form
                method="post"
                action=format!("/staff/readers/{id}/refuse")
                class="decision-form"
                data-testid="refuse-form"
            >
                <h3>{lang.pick("Từ chối", "Refuse")}</h3>
                <CsrfField token=csrf/>
                <FormAlert state=form.clone()/>
                <TextArea
                    name="reason"
                    label=lang.pick("Lý do từ chối", "Reason for refusal")
                    state=form
                    required=true
                    hint=lang.pick(
                        "Bắt buộc. Người đăng ký sẽ thấy lý do này.",
                        "Required. The applicant will see this reason.",
                    )
                />
                <button type="submit" class="button button-danger">
                    {lang.pick("Từ chối đăng ký", "Refuse the registration")}
                </button>
            </form>
        </div>
    }
}

fn history_list(lang: Lang, history: Vec<AuditEntry>) -> impl IntoView {
    if history.is_empty() {
        return view! { <p>{lang.pick("Chưa có sự kiện nào.", "Nothing recorded yet.")}</p> }
            .into_any();
    }
    let items = history
        .into_iter()
        .map(|entry| {
            let actor = entry
                .actor
                .map(|actor| format!(" — {} {actor}", lang.pick("bởi", "by")));
            let detail = entry
                .detail
                .map(|detail| view! { <span class="history-detail">{detail}</span> });
            view! {
                <li>
                    <time datetime=entry.at.clone()>{vn_datetime(&entry.at)}</time>
                    " · "
                    <span class="history-action">{action_label(lang, &entry.action)}</span>
                    {actor}
                    {detail}
                </li>
            }
        })
        .collect_view();
    view! { <ol class="history" data-testid="reader-history">{items}</ol> }.into_any()
}
