//! A submitted account form: its fields, the session's CSRF check, and the answer — a redirect,
//! or the same page rendered again with what was typed and a message per field.

// Helpers return early with the response to send; boxing it would only add noise.
#![allow(clippy::result_large_err)]

use super::super::flows::FlowError;
use super::super::guard;
use super::super::service::FormEcho;
use super::super::store::Account;
use crate::http::AppState;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use tower_sessions::Session;

/// A submitted form's fields, in order (repeated names kept: checkboxes).
pub(super) struct Fields(pub(super) Vec<(String, String)>);

impl Fields {
    pub(super) fn parse(body: &[u8]) -> Fields {
        Fields(form_urlencoded::parse(body).into_owned().collect())
    }

    pub(super) fn get(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    pub(super) fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// What to show again: every field but secrets and the token.
    /// Repeated names (checkboxes) come back joined by commas.
    pub(super) fn echo(&self) -> BTreeMap<String, String> {
        let mut echo: BTreeMap<String, String> = BTreeMap::new();
        for (k, v) in &self.0 {
            if matches!(
                k.as_str(),
                "password" | "current_password" | "csrf" | "code"
            ) {
                continue;
            }
            echo.entry(k.clone())
                .and_modify(|old| {
                    old.push(',');
                    old.push_str(v);
                })
                .or_insert_with(|| v.clone());
        }
        echo
    }
}

/// The client's address (from the connection; proxies are not trusted).
pub(super) fn address(parts: &Parts) -> Option<String> {
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
}

pub(super) fn session(parts: &Parts) -> Option<Session> {
    parts.extensions.get::<Session>().cloned()
}

pub(super) fn see_other(to: &str) -> Response {
    let mut r = Redirect::to(to).into_response();
    *r.status_mut() = StatusCode::SEE_OTHER;
    r
}

pub(super) fn internal(e: impl std::fmt::Display) -> Response {
    tracing::error!("account form: {e}");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        "Lỗi máy chủ; vui lòng thử lại (server error)",
    )
        .into_response()
}

/// A submission being answered: the request's parts, its fields, the form's name and the page
/// (path and query) to render again on error.
pub(super) struct Submission {
    pub(super) state: AppState,
    pub(super) parts: Parts,
    pub(super) fields: Fields,
    pub(super) form: &'static str,
    pub(super) page: String,
}

impl Submission {
    pub(super) async fn read(
        state: AppState,
        request: Request,
        form: &'static str,
        page: &str,
    ) -> Result<Submission, Response> {
        let (parts, body) = request.into_parts();
        let bytes: Bytes = axum::body::to_bytes(body, 2 * 1024 * 1024)
            .await
            .map_err(|_| (StatusCode::PAYLOAD_TOO_LARGE, "form too large").into_response())?;
        let sub = Submission {
            state,
            parts,
            fields: Fields::parse(&bytes),
            form,
            page: page.to_string(),
        };
        sub.check_csrf().await?;
        Ok(sub)
    }

    pub(super) fn session(&self) -> Result<Session, Response> {
        session(&self.parts).ok_or_else(|| internal("no session layer"))
    }

    pub(super) fn address(&self) -> Option<String> {
        address(&self.parts)
    }

    pub(super) async fn check_csrf(&self) -> Result<(), Response> {
        let session = self.session()?;
        let given = self.fields.get("csrf");
        if guard::csrf_ok(&session, Some(&given))
            .await
            .map_err(internal)?
        {
            return Ok(());
        }
        let current = guard::current(&self.state.accounts, &session)
            .await
            .ok()
            .flatten();
        crate::accounts::audit::record(
            &self.state.db,
            crate::accounts::audit::Event {
                action: "csrf.rejected",
                actor_id: current.as_ref().map(|a| a.id),
                actor: current.as_ref().map(|a| a.email.as_str()),
                address: self.address().as_deref(),
                detail: Some(&format!("{} {}", self.parts.method, self.parts.uri.path())),
                ..Default::default()
            },
        )
        .await;
        let mut errors = BTreeMap::new();
        errors.insert(
            "_form".to_string(),
            "Biểu mẫu đã hết hạn hoặc không hợp lệ; vui lòng gửi lại. (The form expired or is not \
             valid; please submit it again.)"
                .to_string(),
        );
        Err(self.render(errors, StatusCode::FORBIDDEN).await)
    }

    /// The page again with these messages.
    pub(super) async fn render(
        &self,
        errors: BTreeMap<String, String>,
        status: StatusCode,
    ) -> Response {
        let echo = FormEcho {
            form: self.form.to_string(),
            values: self.fields.echo(),
            errors,
        };
        let mut response =
            crate::http::render_page(&self.state, &self.parts, &self.page, echo).await;
        *response.status_mut() = status;
        response
    }

    /// The answer to a flow's outcome: `ok` on success, else the page again.
    pub(super) async fn answer<T>(
        &self,
        outcome: Result<T, FlowError>,
        ok: impl FnOnce(T) -> Response,
    ) -> Response {
        match outcome {
            Ok(v) => ok(v),
            Err(FlowError::Fields(list)) => {
                self.render(list.into_iter().collect(), StatusCode::UNPROCESSABLE_ENTITY)
                    .await
            }
            Err(FlowError::Form(message)) => {
                let errors = BTreeMap::from([("_form".to_string(), message)]);
                self.render(errors, StatusCode::UNPROCESSABLE_ENTITY).await
            }
            Err(FlowError::Forbidden) => forbidden(),
            Err(FlowError::Internal(e)) => internal(format!("{e:#}")),
        }
    }

    /// The signed-in account, or the refusal to send (401 when nobody is signed in).
    pub(super) async fn signed_in(&self) -> Result<Account, Response> {
        let session = self.session()?;
        guard::current(&self.state.accounts, &session)
            .await
            .map_err(internal)?
            .ok_or_else(|| {
                (StatusCode::UNAUTHORIZED, "Cần đăng nhập (sign-in required)").into_response()
            })
    }
}

pub(super) fn forbidden() -> Response {
    (StatusCode::FORBIDDEN, "Không có quyền (forbidden)").into_response()
}
