//! Wire types: what crosses from the server to a page, a server function or the JSON API.
//!
//! They are built on the server from the access policy's public view only, so they never hold
//! more than the viewer may see: a conditional unit shown as a stub has `title: None`, no dates
//! text and no metadata.

use serde::{Deserialize, Serialize};

/// The four levels of the archival tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Fonds,
    Series,
    File,
    Item,
}

impl Level {
    /// The stable lowercase name used in URLs, JSON and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Fonds => "fonds",
            Level::Series => "series",
            Level::File => "file",
            Level::Item => "item",
        }
    }

    /// Parses the lowercase name.
    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "fonds" => Some(Level::Fonds),
            "series" => Some(Level::Series),
            "file" => Some(Level::File),
            "item" => Some(Level::Item),
            _ => None,
        }
    }
}

/// How the viewer may use a unit (interfaces.md §3 `access`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Access {
    /// Effective mode 01: everything is shown.
    Public,
    /// Effective mode 02 seen by the public: a stub (or the description, per the visibility setting).
    Conditional,
    /// Effective mode 02 seen by a reader with a live grant.
    Granted,
}

impl Access {
    /// The name used in URLs, data attributes and index fields (`public`, `conditional`, `granted`).
    pub fn as_str(self) -> &'static str {
        match self {
            Access::Public => "public",
            Access::Conditional => "conditional",
            Access::Granted => "granted",
        }
    }
}

/// One unit in a list (children, fonds list, breadcrumb).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitSummary {
    pub code: String,
    pub level: Level,
    /// `None` for a conditional stub.
    pub title: Option<String>,
    /// The dates as given in the catalogue (`01/04/1983 – 14/10/1983`); `None` for a stub.
    pub date: Option<String>,
    /// First and last year covered; shown even on a stub.
    pub years: Option<(i32, i32)>,
    pub access: Access,
    /// Number of children the viewer can list.
    pub child_count: i64,
}

/// One metadata field: the TT05 tag and the value as stored (codes stay codes; pages show their names).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetadataField {
    pub field: String,
    pub value: String,
}

/// A full record as the viewer may see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecordView {
    #[serde(flatten)]
    pub summary: UnitSummary,
    /// Code of the fonds the unit belongs to (the unit's own code for a fonds).
    pub fonds_code: String,
    /// Name of that fonds when the viewer may see it.
    pub fonds_name: Option<String>,
    /// Every visible TT05 field in a stable order; empty for a stub.
    pub metadata: Vec<MetadataField>,
    /// Ancestors from the fonds down to the parent.
    pub parents: Vec<UnitSummary>,
}

/// One page of a children list, ordered by position, paged by an opaque cursor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChildrenPage {
    pub items: Vec<UnitSummary>,
    /// Total number of children the viewer can list.
    pub total: i64,
    /// Cursor of the page after this one.
    pub next: Option<String>,
    /// Cursor of the page before this one (use with `before`).
    pub prev: Option<String>,
}

/// A record page: the unit, one page of its children and its digitised pages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecordPage {
    pub record: RecordView,
    pub children: ChildrenPage,
    /// `None` when the unit (and, for a file, every item in it) has no digitised page.
    #[serde(default)]
    pub digitised: Option<Digitised>,
}

/// The digitised pages of a record (an item's own, or every item's of a file, in order).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Digitised {
    /// `true` when the pages exist but the viewer may not see them (a conditional record):
    /// `pages` is then empty and nothing else is said about them.
    pub locked: bool,
    /// The IIIF Presentation manifest, a path such as `/iiif/3/manifests/H34.10.1999.01.004`.
    pub manifest: Option<String>,
    pub pages: Vec<PageView>,
    /// The whole record as one PDF, offered only when the viewer may download (public records).
    pub pdf: Option<String>,
}

/// One digitised page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PageView {
    /// 1-based position in the record's page list (`?page=N` opens the viewer there).
    pub seq: u32,
    /// The IIIF image identifier: `/iiif/3/{image}/info.json`.
    pub image: String,
    pub width: u32,
    pub height: u32,
    /// For a file's pages, the item the page belongs to.
    pub item: Option<String>,
    /// Whether the page has a text layer (searchable OCR text).
    pub has_text: bool,
}

/// Published counts shown on the home page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    pub fonds: i64,
    pub series: i64,
    pub files: i64,
    pub items: i64,
}

/// Everything the home page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HomeData {
    pub archive_name: String,
    pub counts: Counts,
    /// The first page of fonds.
    pub fonds: ChildrenPage,
}

/// Where a children list starts: after or before a cursor, or at the beginning.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRequest {
    pub after: Option<String>,
    pub before: Option<String>,
    pub limit: Option<u32>,
}

/// Default and maximum number of children on one page.
pub const DEFAULT_PAGE_SIZE: u32 = 50;
pub const MAX_PAGE_SIZE: u32 = 500;

/// What every page shows about the portal itself (header, footer, page titles).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SiteInfo {
    /// The archive's name (`PORTAL_ARCHIVE_NAME`).
    pub archive_name: String,
}
