//! The per-level tables of domain.md §2: maximum lengths, numeric fields, date fields, required
//! fields of a row and of a new unit.

use super::super::headers::{MEDIA_TAGS, PIC_TAGS};
use super::super::model::Level;

/// Maximum length in characters of the text fields of a level.
pub(super) fn max_len(level: Level, tag: &str) -> Option<usize> {
    Some(match (level, tag) {
        (_, "fondsCode" | "archiveCode") => 13,
        (Level::Fonds, "fondsName") => 200,
        (Level::Fonds, "archivesTime") => 30,
        (Level::Fonds, "keyGroups" | "otherTypes") => 300,
        (Level::Fonds, "language") => 100,
        (Level::Fonds, "lookupTools") => 50,
        (Level::Fonds, "description") => 1000,
        (_, "catalogNo" | "fileNotation") => 20,
        (_, "fileCode" | "paperFileCode" | "docCode") => 100,
        (_, "title") => 1000,
        (_, "keyword") => 100,
        (_, "inforSign") => 30,
        (Level::File | Level::Series, "description") => 2000,
        (_, "docId") => 25,
        (_, "codeNumber") => 11,
        (_, "codeNotation") => 30,
        (_, "organName") => 200,
        (_, "subject") => 500,
        (_, "autograph") => 2000,
        (Level::Item, "format") => 50,
        (Level::Item, "description") => 500,
        _ => return None,
    })
}

/// Maximum number of digits of the numeric fields of a level.
pub(super) fn max_digits(level: Level, tag: &str) -> Option<usize> {
    Some(match (level, tag) {
        (_, "totalDoc") => 10,
        (Level::Item, "numberOfPage") => 4,
        (
            _,
            "paperTotal" | "paperDigital" | "copyNumber" | "numberOfPaper" | "numberOfPage"
            | "docOrdinal",
        ) => 18,
        _ => return None,
    })
}

/// Fields whose values are single dates.
pub(super) fn is_date(tag: &str) -> bool {
    matches!(
        tag,
        "startDate" | "endDate" | "issuedDate" | "photoTime" | "recordDate"
    )
}

/// Fields that identify a unit or its place: no spaces or URL separators allowed.
pub(super) fn is_code(tag: &str) -> bool {
    matches!(tag, "fondsCode" | "fileCode" | "docId")
}

/// Whether an item row describes a photograph or audio/video rather than a text document.
fn is_media(present: &dyn Fn(&str) -> bool) -> bool {
    PIC_TAGS.iter().chain(MEDIA_TAGS).any(|t| present(t))
}

/// Required fields of a level: an empty cell in such a column is an error.
pub(super) fn required(level: Level, present: &dyn Fn(&str) -> bool) -> Vec<&'static str> {
    match level {
        Level::Fonds => vec!["fondsCode", "fondsName", "mode"],
        Level::Series => vec!["fondsCode", "catalogNo", "mode"],
        Level::File => vec![
            "fondsCode",
            "fileCode",
            "title",
            "maintenance",
            "mode",
            "language",
        ],
        Level::Item if is_media(present) => vec!["fileCode", "mode"],
        Level::Item => vec!["fileCode", "typeName", "organName", "subject", "mode"],
    }
}

/// The fields a NEW unit of `level` must have after merging (identifiers and parents excluded:
/// the importer checks those). `present(tag)` tells whether the merged record has a non-empty value.
pub fn missing_required(level: Level, present: impl Fn(&str) -> bool) -> Vec<&'static str> {
    let needed: &[&'static str] = match level {
        Level::Fonds => &["fondsName", "mode"],
        Level::Series => &[],
        Level::File => &["title", "maintenance", "mode", "language"],
        Level::Item if is_media(&present) => &["mode"],
        Level::Item => &["typeName", "organName", "subject", "mode"],
    };
    needed.iter().copied().filter(|t| !present(t)).collect()
}
