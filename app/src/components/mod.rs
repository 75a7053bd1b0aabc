//! Building blocks shared by the pages.

mod access;
mod breadcrumb;
pub mod form;
mod layout;
mod metadata;
mod pager;
mod search_box;
mod snippet;
mod unit_list;
mod viewer;

pub use access::AccessNotice;
pub use breadcrumb::Breadcrumb;
pub use layout::{Layout, Loading};
pub use metadata::MetadataList;
pub use pager::Pager;
pub use search_box::{SearchForm, SearchWithin, SiteSearch};
pub use snippet::Snippet;
pub use unit_list::{UnitList, child_level};
pub use viewer::{THUMB_EDGE, Viewer, size_url};

use crate::i18n::{Lang, level_name};
use crate::model::UnitSummary;

/// How a unit is named in links and headings: its title, or for a stub (no title) its level
/// and reference code, which are all a stub may show.
pub fn unit_label(lang: Lang, unit: &UnitSummary) -> String {
    match &unit.title {
        Some(title) => title.clone(),
        None => format!("{} {}", level_name(lang, unit.level), unit.code),
    }
}
