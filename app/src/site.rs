//! The portal-wide data every page shows (the archive's name), loaded once per document.
//!
//! The resource is created in [`crate::App`]; on the client it is hydrated from the server's
//! answer and never fetched again, so client-side navigation costs no extra request.

use crate::api::get_site;
use crate::i18n::{Key, Lang, t};
use crate::model::SiteInfo;
use crate::service::ServiceError;
use leptos::prelude::*;

/// Handle on the site resource, found in context.
#[derive(Clone, Copy)]
pub struct Site(Option<Resource<Result<SiteInfo, ServiceError>>>);

impl Site {
    /// The archive's name, or an empty string when it could not be loaded.
    pub async fn archive_name(self) -> String {
        match self.0 {
            Some(resource) => resource
                .await
                .map(|site| site.archive_name)
                .unwrap_or_default(),
            None => String::new(),
        }
    }
}

/// Creates the site resource and puts it in context.
pub fn provide_site() {
    provide_context(Site(Some(Resource::new(|| (), |_| get_site()))));
}

/// The site handle in context.
pub fn use_site() -> Site {
    use_context::<Site>().unwrap_or(Site(None))
}

/// A document title: `{page} — {archive}`, or `{page} — {portal name}` without an archive name.
pub fn page_title(lang: Lang, page: &str, archive: &str) -> String {
    let site = if archive.is_empty() {
        t(lang, Key::PortalName)
    } else {
        archive
    };
    if page.is_empty() {
        site.to_string()
    } else {
        format!("{page} — {site}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_the_page_then_the_archive() {
        assert_eq!(
            page_title(Lang::Vi, "Phông lưu trữ", "TTLT tỉnh Kon Tum"),
            "Phông lưu trữ — TTLT tỉnh Kon Tum"
        );
        assert_eq!(
            page_title(Lang::En, "Fonds", ""),
            "Fonds — Online reading room"
        );
        assert_eq!(page_title(Lang::Vi, "", "TTLT"), "TTLT");
    }
}
