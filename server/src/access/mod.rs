//! The access policy: from a stored unit and the visibility setting, the view the public may get.
//!
//! [`PublicUnit`] is the only type public surfaces are built from, and [`public_view`] is its only
//! constructor: a conditional unit seen as a stub carries no text at all (domain.md §3 rule 2).

use crate::catalogue::model::{Level, Mode};
use crate::catalogue::store::StoredUnit;
use crate::config::Visibility;

pub use app::model::Access;

/// The description of a unit: its text, present only when the public may read it.
#[derive(Clone, Debug, PartialEq)]
pub struct Description {
    title: Option<String>,
    date_text: Option<String>,
    /// ISO first and last day covered (the year range alone is shown on a stub).
    interval: Option<(String, String)>,
    metadata: Vec<(String, String)>,
}

/// What an anonymous visitor may see of a unit.
#[derive(Clone, Debug, PartialEq)]
pub struct PublicUnit {
    code: String,
    level: Level,
    access: Access,
    years: Option<(i32, i32)>,
    child_count: i64,
    digitized: bool,
    description: Option<Description>,
}

/// Fields kept in the database that are not shown as metadata.
const INTERNAL_FIELDS: &[&str] = &["digitalFiles"];

/// The public's view of `unit`, or `None` when the public may not know it exists.
pub fn public_view(unit: &StoredUnit, visibility: Visibility) -> Option<PublicUnit> {
    if unit.withdrawn {
        return None;
    }
    let (access, described) = match (unit.effective_mode, visibility) {
        (Mode::Public, _) => (Access::Public, true),
        (Mode::Conditional, Visibility::Stub) => (Access::Conditional, false),
        (Mode::Conditional, Visibility::Metadata) => (Access::Conditional, true),
        (Mode::Conditional, Visibility::Hidden) | (Mode::Secret, _) => return None,
    };
    let description = described.then(|| Description {
        title: unit.title.clone(),
        date_text: unit.date_text.clone(),
        interval: unit.date_start.clone().zip(unit.date_end.clone()),
        metadata: unit
            .metadata()
            .into_iter()
            .filter(|(k, v)| !v.is_empty() && !INTERNAL_FIELDS.contains(&k.as_str()))
            .collect(),
    });
    Some(PublicUnit {
        code: unit.code.clone(),
        level: unit.level,
        access,
        years: unit.years(),
        child_count: listed_children(unit, visibility),
        digitized: unit.is_digitized(),
        description,
    })
}

/// How many children of `unit` the public can list.
pub fn listed_children(unit: &StoredUnit, visibility: Visibility) -> i64 {
    match visibility {
        Visibility::Hidden => unit.open_child_count,
        Visibility::Stub | Visibility::Metadata => unit.child_count,
    }
}

/// Whether children lists must leave out conditional units.
pub fn lists_only_open(visibility: Visibility) -> bool {
    visibility == Visibility::Hidden
}

impl PublicUnit {
    /// The reference code.
    pub fn code(&self) -> &str {
        &self.code
    }
    /// The level.
    pub fn level(&self) -> Level {
        self.level
    }
    /// Public, or conditional (a stub or the bare description).
    pub fn access(&self) -> Access {
        self.access
    }
    /// First and last year covered.
    pub fn years(&self) -> Option<(i32, i32)> {
        self.years
    }
    /// Number of children the public can list.
    pub fn child_count(&self) -> i64 {
        self.child_count
    }
    /// Whether the unit has digitised pages.
    pub fn digitized(&self) -> bool {
        self.digitized
    }
    /// ISO first and last day covered, when the public may read the dates.
    pub fn interval(&self) -> Option<(&str, &str)> {
        self.description
            .as_ref()
            .and_then(|d| d.interval.as_ref())
            .map(|(a, b)| (a.as_str(), b.as_str()))
    }
    /// The title, when the public may read it.
    pub fn title(&self) -> Option<&str> {
        self.description.as_ref().and_then(|d| d.title.as_deref())
    }
    /// The dates as given, when the public may read them.
    pub fn date_text(&self) -> Option<&str> {
        self.description
            .as_ref()
            .and_then(|d| d.date_text.as_deref())
    }
    /// Every visible metadata field (empty for a stub).
    pub fn metadata(&self) -> &[(String, String)] {
        self.description
            .as_ref()
            .map(|d| d.metadata.as_slice())
            .unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests;
