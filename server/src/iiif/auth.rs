//! Who may see a page image, and the IIIF Authorization Flow 2.0 services that let an
//! authorised viewer in (domain.md §3 rule 3).
//!
//! - Pages of public units: anyone, full quality, downloadable.
//! - Pages of conditional (or withdrawn) units: staff in full; a reader with a live grant on the
//!   unit gets a reading copy with the archive's name watermarked and no download; anyone else
//!   gets 403, with no hint of the title.
//!
//! Until reader accounts exist, staff are recognised by the feed token (`Authorization: Bearer`)
//! or by the cookie the access service sets after the token is entered there.

use crate::catalogue::model::Mode;
use crate::db::Db;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use sqlx::Row;

/// The cookie the access service sets for staff.
pub const STAFF_COOKIE: &str = "portal_iiif_staff";

/// Who is asking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Viewer {
    Public,
    Staff,
    /// A reader whose requests were approved for these units (and their pages).
    Reader {
        grants: Vec<i64>,
    },
}

/// What a viewer gets of an image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// The image as it is, cacheable by anyone when `public`.
    Full {
        public: bool,
    },
    /// A reading copy: watermarked, not downloadable, not cached by shared caches.
    Watermarked,
    Denied,
}

/// A unit an image is a page of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageOf {
    pub unit_id: i64,
    pub parent_id: Option<i64>,
    pub effective_mode: Mode,
    pub withdrawn: bool,
}

/// The units an image is a page of.
pub async fn units_of(db: &Db, image_id: &str) -> sqlx::Result<Vec<PageOf>> {
    let rows = sqlx::query(
        "select u.unit_id, u.parent_id, u.effective_mode, u.withdrawn from pages p \
         join units u on u.unit_id = p.unit_id where p.image_id = $1",
    )
    .bind(image_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .iter()
        .map(|r| PageOf {
            unit_id: r.get(0),
            parent_id: r.get(1),
            effective_mode: Mode::from_code(&r.get::<String, _>(2)).unwrap_or(Mode::Secret),
            withdrawn: r.get::<i64, _>(3) != 0,
        })
        .collect())
}

/// Whether the public may see pages of a unit in this state.
pub fn public_pages(mode: Mode, withdrawn: bool) -> bool {
    mode == Mode::Public && !withdrawn
}

/// The decision for `viewer` on an image that is a page of `units` (`standalone` images, such as
/// a validator's test image, are public).
pub fn decide(viewer: &Viewer, standalone: bool, units: &[PageOf]) -> Decision {
    if standalone
        || units
            .iter()
            .any(|u| public_pages(u.effective_mode, u.withdrawn))
    {
        return Decision::Full { public: true };
    }
    if units.is_empty() {
        return Decision::Denied;
    }
    match viewer {
        Viewer::Staff => Decision::Full { public: false },
        Viewer::Reader { grants } => {
            let granted = units.iter().any(|u| {
                u.effective_mode == Mode::Conditional
                    && !u.withdrawn
                    && (grants.contains(&u.unit_id)
                        || u.parent_id.is_some_and(|p| grants.contains(&p)))
            });
            if granted {
                Decision::Watermarked
            } else {
                Decision::Denied
            }
        }
        Viewer::Public => Decision::Denied,
    }
}

/// The value of the staff cookie and access token for a feed token: a digest, so neither the
/// cookie nor the token reveals the feed token itself.
pub fn staff_credential(feed_token: &str) -> String {
    hex::encode(Sha256::digest(format!("portal-iiif-staff:{feed_token}")))
}

/// Whether `presented` (a cookie value or access token) is the staff credential.
pub fn is_staff_credential(feed_token: Option<&str>, presented: &str) -> bool {
    let Some(token) = feed_token.filter(|t| !t.is_empty()) else {
        return false;
    };
    let want = staff_credential(token);
    // Compare digests so the time does not depend on where the values differ.
    Sha256::digest(want.as_bytes()) == Sha256::digest(presented.trim().as_bytes())
}

/// The Authorization Flow 2.0 probe service (with its access, token and logout services) for
/// `target` — `image/{id}` in an `info.json`, `record/{code}` in a manifest.
pub fn services(base: &str, target: &str) -> Value {
    json!([{
        "id": format!("{base}/iiif/auth/probe/{target}"),
        "type": "AuthProbeService2",
        "service": [{
            "id": format!("{base}/iiif/auth/access"),
            "type": "AuthAccessService2",
            "profile": "active",
            "label": {"vi": ["Đăng nhập cán bộ lưu trữ"], "en": ["Archive staff sign-in"]},
            "heading": {"vi": ["Tài liệu sử dụng có điều kiện"], "en": ["Conditional-use record"]},
            "note": {
                "vi": ["Trang này chỉ được xem khi yêu cầu khai thác được phê duyệt."],
                "en": ["This page can be viewed only once a request to use the record is approved."]
            },
            "confirmLabel": {"vi": ["Đăng nhập"], "en": ["Sign in"]},
            "service": [
                {"id": format!("{base}/iiif/auth/token"), "type": "AuthAccessTokenService2"},
                {
                    "id": format!("{base}/iiif/auth/logout"),
                    "type": "AuthLogoutService2",
                    "label": {"vi": ["Đăng xuất"], "en": ["Sign out"]}
                }
            ]
        }]
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: i64, parent: Option<i64>, mode: Mode, withdrawn: bool) -> PageOf {
        PageOf {
            unit_id: id,
            parent_id: parent,
            effective_mode: mode,
            withdrawn,
        }
    }

    #[test]
    fn public_pages_are_full_for_everyone_and_conditional_ones_only_for_the_authorised() {
        let public = [unit(1, Some(9), Mode::Public, false)];
        let conditional = [unit(2, Some(9), Mode::Conditional, false)];
        let reader = Viewer::Reader { grants: vec![2] };
        let other_reader = Viewer::Reader { grants: vec![3] };
        let file_reader = Viewer::Reader { grants: vec![9] };
        assert_eq!(
            decide(&Viewer::Public, false, &public),
            Decision::Full { public: true }
        );
        assert_eq!(
            decide(&Viewer::Public, false, &conditional),
            Decision::Denied
        );
        assert_eq!(
            decide(&Viewer::Staff, false, &conditional),
            Decision::Full { public: false }
        );
        assert_eq!(decide(&reader, false, &conditional), Decision::Watermarked);
        assert_eq!(
            decide(&file_reader, false, &conditional),
            Decision::Watermarked
        );
        assert_eq!(decide(&other_reader, false, &conditional), Decision::Denied);
        // Withdrawn: not public, and a grant does not reach it.
        let withdrawn = [unit(4, None, Mode::Public, true)];
        assert_eq!(decide(&Viewer::Public, false, &withdrawn), Decision::Denied);
        assert_eq!(
            decide(&Viewer::Reader { grants: vec![4] }, false, &withdrawn),
            Decision::Denied
        );
        // Not a page of anything: nobody but a standalone image.
        assert_eq!(decide(&Viewer::Staff, false, &[]), Decision::Denied);
        assert_eq!(
            decide(&Viewer::Public, true, &[]),
            Decision::Full { public: true }
        );
    }

    #[test]
    fn the_staff_credential_is_not_the_token_and_is_checked_exactly() {
        let c = staff_credential("secret-token");
        assert!(!c.contains("secret-token"));
        assert!(is_staff_credential(Some("secret-token"), &c));
        assert!(!is_staff_credential(Some("secret-token"), "secret-token"));
        assert!(!is_staff_credential(None, &c));
        assert!(!is_staff_credential(Some(""), &staff_credential("")));
    }
}
