//! The account forms' POST handlers. Each checks the session's CSRF token first, runs one flow,
//! and answers with a redirect (303) on success or the same page rendered again (422, or 403 for
//! a bad CSRF token) with what was typed and a message per field. Also the evidence download.

mod submission;

use super::flows::{self, SignedIn, Upload};
use super::guard;
use super::{Role, store};
use crate::http::AppState;
use crate::readers::validate::Registration;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use submission::{Fields, Submission, forbidden, internal, see_other, session};

/// The routes of this module.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/account/register",
            post(register).layer(DefaultBodyLimit::max(flows::EVIDENCE_MAX + 256 * 1024)),
        )
        .route("/account/verify", post(verify))
        .route("/account/sign-in", post(sign_in))
        .route("/account/2fa", post(second_factor))
        .route("/account/2fa/setup", post(enrol))
        .route("/account/sign-out", post(sign_out))
        .route("/account/sign-out-everywhere", post(sign_out_everywhere))
        .route("/account/forgot", post(forgot))
        .route("/account/reset", post(reset))
        .route("/account/password", post(change_password))
        .route("/account/email", post(change_email))
        .route("/account/email/confirm", post(confirm_email))
        .route("/account/renew", post(renew))
        .route("/staff/readers/{id}/activate", post(activate))
        .route("/staff/readers/{id}/refuse", post(refuse))
        .route("/staff/readers/{id}/evidence", get(evidence))
        .route("/admin/users", post(add_user))
        .route("/admin/users/{id}/{action}", post(admin_action))
}

macro_rules! submission {
    ($state:expr, $request:expr, $form:expr, $page:expr) => {
        match Submission::read($state, $request, $form, $page).await {
            Ok(s) => s,
            Err(r) => return r,
        }
    };
}

async fn register(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let request = Request::from_parts(parts.clone(), body);
    let mut multipart =
        match <Multipart as axum::extract::FromRequest<()>>::from_request(request, &()).await {
            Ok(m) => m,
            Err(e) => return (StatusCode::BAD_REQUEST, e.body_text()).into_response(),
        };
    let mut fields = Vec::new();
    let mut evidence = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_string();
                if name == "evidence" {
                    let file_name = field.file_name().unwrap_or("minh-chung").to_string();
                    match field.bytes().await {
                        Ok(bytes) => {
                            evidence = Some(Upload {
                                name: file_name,
                                bytes: bytes.to_vec(),
                            })
                        }
                        Err(e) => {
                            return (StatusCode::PAYLOAD_TOO_LARGE, e.body_text()).into_response();
                        }
                    }
                } else {
                    match field.text().await {
                        Ok(text) => fields.push((name, text)),
                        Err(e) => return (StatusCode::BAD_REQUEST, e.body_text()).into_response(),
                    }
                }
            }
            Ok(None) => break,
            Err(e) => return (e.status(), e.body_text()).into_response(),
        }
    }
    let sub = Submission {
        state,
        parts,
        fields: Fields(fields),
        form: "register",
        page: "/account/register".into(),
    };
    if let Err(r) = sub.check_csrf().await {
        return r;
    }
    let f = &sub.fields;
    let form = Registration {
        full_name: f.get("full_name"),
        identity_kind: f.get("identity_kind"),
        identity_number: f.get("identity_number"),
        email: f.get("email"),
        phone: f.get("phone"),
        employer: f.get("employer"),
        fee_object_type: f.get("fee_object_type"),
        notes: f.get("notes"),
        password: f.get("password"),
        accept_rules: !f.get("accept_rules").is_empty(),
    };
    let outcome = flows::register(
        &sub.state.accounts,
        &form,
        evidence,
        sub.address().as_deref(),
    )
    .await;
    sub.answer(outcome, |()| see_other("/account/register/sent"))
        .await
}

async fn verify(State(state): State<AppState>, request: Request) -> Response {
    let sub = submission!(state, request, "verify", "/account/verify");
    let outcome = flows::verify_email(
        &sub.state.accounts,
        &sub.fields.get("token"),
        sub.address().as_deref(),
    )
    .await;
    sub.answer(outcome, |()| see_other("/account/sign-in?done=verified"))
        .await
}

async fn sign_in(State(state): State<AppState>, request: Request) -> Response {
    let sub = submission!(state, request, "sign-in", "/account/sign-in");
    let Ok(session) = sub.session() else {
        return internal("no session");
    };
    let f = &sub.fields;
    let outcome = flows::sign_in(
        &sub.state.accounts,
        &session,
        &f.get("email"),
        &f.get("password"),
        &f.get("next"),
        sub.address().as_deref(),
    )
    .await;
    sub.answer(outcome, |step| match step {
        SignedIn::Done(next) => see_other(&next),
        SignedIn::SecondFactor => see_other("/account/2fa"),
        SignedIn::Enrol => see_other("/account/2fa/setup"),
    })
    .await
}

async fn second_factor(State(state): State<AppState>, request: Request) -> Response {
    let sub = submission!(state, request, "second-factor", "/account/2fa");
    let Ok(session) = sub.session() else {
        return internal("no session");
    };
    let outcome = flows::second_factor(
        &sub.state.accounts,
        &session,
        &sub.fields.get("code"),
        sub.address().as_deref(),
    )
    .await;
    sub.answer(outcome, |next| see_other(&next)).await
}

async fn enrol(State(state): State<AppState>, request: Request) -> Response {
    let sub = submission!(state, request, "totp-setup", "/account/2fa/setup");
    let Ok(session) = sub.session() else {
        return internal("no session");
    };
    let outcome = flows::enrol_second_factor(
        &sub.state.accounts,
        &session,
        &sub.fields.get("code"),
        sub.address().as_deref(),
    )
    .await;
    sub.answer(outcome, |()| see_other("/account/2fa/recovery-codes"))
        .await
}

async fn sign_out(State(state): State<AppState>, request: Request) -> Response {
    let sub = submission!(state, request, "sign-out", "/account");
    let Ok(session) = sub.session() else {
        return internal("no session");
    };
    let outcome = flows::sign_out(
        &sub.state.accounts,
        &session,
        false,
        sub.address().as_deref(),
    )
    .await;
    sub.answer(outcome, |()| see_other("/account/sign-in?done=signed-out"))
        .await
}

async fn sign_out_everywhere(State(state): State<AppState>, request: Request) -> Response {
    let sub = submission!(state, request, "sign-out", "/account");
    let Ok(session) = sub.session() else {
        return internal("no session");
    };
    let outcome = flows::sign_out(
        &sub.state.accounts,
        &session,
        true,
        sub.address().as_deref(),
    )
    .await;
    sub.answer(outcome, |()| {
        see_other("/account/sign-in?done=signed-out-everywhere")
    })
    .await
}

async fn forgot(State(state): State<AppState>, request: Request) -> Response {
    let sub = submission!(state, request, "forgot", "/account/forgot");
    let outcome = flows::forgot(
        &sub.state.accounts,
        &sub.fields.get("email"),
        sub.address().as_deref(),
    )
    .await;
    sub.answer(outcome, |()| see_other("/account/forgot?done=sent"))
        .await
}

async fn reset(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, 64 * 1024)
        .await
        .unwrap_or_default();
    let token = Fields::parse(&bytes).get("token");
    let page = format!("/account/reset?token={}", urlencode(&token));
    let request = Request::from_parts(parts, axum::body::Body::from(bytes));
    let sub = submission!(state, request, "reset", &page);
    let outcome = flows::reset(
        &sub.state.accounts,
        &token,
        &sub.fields.get("password"),
        sub.address().as_deref(),
    )
    .await;
    sub.answer(outcome, |()| see_other("/account/sign-in?done=reset"))
        .await
}

fn urlencode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

async fn change_password(State(state): State<AppState>, request: Request) -> Response {
    let sub = submission!(state, request, "password", "/account");
    let account = match sub.signed_in().await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let Ok(session) = sub.session() else {
        return internal("no session");
    };
    let f = &sub.fields;
    let outcome = flows::change_password(
        &sub.state.accounts,
        &session,
        &account,
        &f.get("current_password"),
        &f.get("password"),
        sub.address().as_deref(),
    )
    .await;
    sub.answer(outcome, |()| see_other("/account?done=password"))
        .await
}

async fn change_email(State(state): State<AppState>, request: Request) -> Response {
    let sub = submission!(state, request, "email", "/account");
    let account = match sub.signed_in().await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let f = &sub.fields;
    let outcome = flows::request_email_change(
        &sub.state.accounts,
        &account,
        &f.get("email"),
        &f.get("current_password"),
        sub.address().as_deref(),
    )
    .await;
    sub.answer(outcome, |()| see_other("/account?done=email-sent"))
        .await
}

async fn confirm_email(State(state): State<AppState>, request: Request) -> Response {
    let sub = submission!(state, request, "email-confirm", "/account/email/confirm");
    let outcome = flows::confirm_email_change(
        &sub.state.accounts,
        &sub.fields.get("token"),
        sub.address().as_deref(),
    )
    .await;
    sub.answer(outcome, |()| see_other("/account?done=email"))
        .await
}

async fn renew(State(state): State<AppState>, request: Request) -> Response {
    let sub = submission!(state, request, "renew", "/account");
    let account = match sub.signed_in().await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let outcome = flows::renew(&sub.state.accounts, &account, sub.address().as_deref()).await;
    sub.answer(outcome, |()| see_other("/account?done=renewal"))
        .await
}

async fn activate(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Response {
    let sub = submission!(state, request, "refuse", &format!("/staff/readers/{id}"));
    let staff = match sub.signed_in().await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let outcome = flows::activate(&sub.state.accounts, &staff, id, sub.address().as_deref()).await;
    sub.answer(outcome, |()| see_other("/staff/readers?done=activated"))
        .await
}

async fn refuse(State(state): State<AppState>, Path(id): Path<i64>, request: Request) -> Response {
    let sub = submission!(state, request, "refuse", &format!("/staff/readers/{id}"));
    let staff = match sub.signed_in().await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let outcome = flows::refuse(
        &sub.state.accounts,
        &staff,
        id,
        &sub.fields.get("reason"),
        sub.address().as_deref(),
    )
    .await;
    sub.answer(outcome, |()| see_other("/staff/readers?done=refused"))
        .await
}

/// The evidence file of a registration, for staff only; never cached, never rendered inline as
/// anything but its recognised type.
async fn evidence(State(state): State<AppState>, Path(id): Path<i64>, parts: Parts) -> Response {
    let Some(session) = session(&parts) else {
        return internal("no session");
    };
    let viewer = match guard::current(&state.accounts, &session).await {
        Ok(Some(a)) => a,
        Ok(None) => {
            return (StatusCode::UNAUTHORIZED, "Cần đăng nhập (sign-in required)").into_response();
        }
        Err(e) => return internal(e),
    };
    if !guard::may_verify(&viewer) {
        return forbidden();
    }
    let reader = match store::by_id(&state.db, id).await {
        Ok(Some(r)) => r,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => return internal(e),
    };
    let (Some(file), Some(media)) = (
        reader.evidence_file.as_deref(),
        reader.evidence_type.as_deref(),
    ) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // The stored name is ours (64 random hex digits and `.bin`); check it before touching the disk.
    let ours = file
        .strip_suffix(".bin")
        .is_some_and(|h| h.len() == 64 && h.chars().all(|c| c.is_ascii_hexdigit()));
    if !ours {
        return StatusCode::NOT_FOUND.into_response();
    }
    let Ok(bytes) = tokio::fs::read(state.accounts.evidence_dir.join(file)).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(media)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    response
}

fn roles_of(fields: &Fields) -> Vec<Role> {
    fields
        .all("roles")
        .iter()
        .filter_map(|r| Role::parse(r))
        .collect()
}

async fn add_user(State(state): State<AppState>, request: Request) -> Response {
    let sub = submission!(state, request, "user-add", "/admin/users");
    let admin = match sub.signed_in().await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let f = &sub.fields;
    let outcome = flows::add_user(
        &sub.state.accounts,
        Some(&admin),
        &f.get("email"),
        &f.get("full_name"),
        &roles_of(f),
        None,
        sub.address().as_deref(),
    )
    .await;
    sub.answer(outcome, |_| see_other("/admin/users?done=added"))
        .await
}

async fn admin_action(
    State(state): State<AppState>,
    Path((id, action)): Path<(i64, String)>,
    request: Request,
) -> Response {
    let sub = submission!(state, request, "roles", "/admin/users");
    let admin = match sub.signed_in().await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let a = &sub.state.accounts;
    let address = sub.address();
    let address = address.as_deref();
    let (outcome, done) = match action.as_str() {
        "roles" => (
            flows::set_roles(a, &admin, id, &roles_of(&sub.fields), address).await,
            "roles",
        ),
        "suspend" => (
            flows::set_suspended(a, &admin, id, true, address).await,
            "suspended",
        ),
        "reactivate" => (
            flows::set_suspended(a, &admin, id, false, address).await,
            "reactivated",
        ),
        "reset-2fa" => (
            flows::reset_second_factor(a, &admin, id, address).await,
            "reset-2fa",
        ),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    sub.answer(outcome, |()| {
        see_other(&format!("/admin/users?done={done}"))
    })
    .await
}
