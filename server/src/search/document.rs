//! The document an index holds for one unit, built either from the access policy's public view
//! (the public index) or from the stored unit (the staff index). Both go through one builder so
//! the two indexes hold the same fields; only what goes in differs.

use super::fold;
use crate::access::{Access, PublicUnit};
use crate::catalogue::model::Level;
use crate::catalogue::store::StoredUnit;

/// Free-text fields searched besides the title, with the issuing body kept apart.
const BODY_FIELDS: &[&str] = &[
    "organName",
    "keyword",
    "description",
    "autograph",
    "eventName",
    "photographer",
    "photoPlace",
    "recorder",
    "recordPlace",
    "fondsHistory",
    "keyGroups",
    "otherTypes",
    "lookupTools",
    "archivesTime",
];

/// Fields matched as identifiers (besides the reference code).
const IDENT_FIELDS: &[&str] = &[
    "docCode",
    "codeNotation",
    "fileNotation",
    "paperFileCode",
    "archiveCode",
];

/// Where a unit sits in the tree, computed by the indexer from its ancestors.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Placement {
    /// The fonds code (the unit's own for a fonds).
    pub fonds: String,
    /// Codes of every ancestor, fonds first.
    pub ancestors: Vec<String>,
}

/// One unit as an index holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexDoc {
    pub unit_id: i64,
    pub code: String,
    /// Sort key of the code, numbers by value.
    pub code_key: String,
    pub level: Level,
    pub fonds: String,
    pub ancestors: Vec<String>,
    /// The title as shown (empty on a stub).
    pub title: String,
    /// Other searchable text, one field per line (empty on a stub).
    pub body: String,
    /// The issuing body (`organName`), also in `body`.
    pub issuer: String,
    /// Identifier forms ([`fold::ident`]): the code, number/symbol, notations.
    pub idents: Vec<String>,
    /// Document type code (`typeName`).
    pub doc_type: Option<String>,
    /// Language codes.
    pub langs: Vec<String>,
    /// First and last day covered, as `yyyymmdd` numbers.
    pub start: Option<i64>,
    pub end: Option<i64>,
    /// Start years of the decades the dates overlap.
    pub decades: Vec<i32>,
    pub digitized: bool,
    pub access: Access,
}

impl IndexDoc {
    /// The public index's document: only what `view` carries (a stub has no text at all).
    pub fn public(unit_id: i64, view: &PublicUnit, place: &Placement) -> IndexDoc {
        let interval = match view.interval() {
            Some((a, b)) => day_number(a).zip(day_number(b)),
            None => view
                .years()
                .map(|(a, b)| (i64::from(a) * 10_000 + 101, i64::from(b) * 10_000 + 1231)),
        };
        build(Source {
            unit_id,
            code: view.code(),
            level: view.level(),
            access: view.access(),
            title: view.title(),
            fields: view.metadata(),
            interval,
            digitized: view.digitized(),
            place,
        })
    }

    /// The staff index's document: everything stored.
    pub fn staff(unit: &StoredUnit, place: &Placement) -> IndexDoc {
        let fields = unit.metadata();
        let access = match unit.effective_mode {
            crate::catalogue::model::Mode::Public => Access::Public,
            _ => Access::Conditional,
        };
        let interval = unit
            .date_start
            .as_deref()
            .and_then(day_number)
            .zip(unit.date_end.as_deref().and_then(day_number));
        build(Source {
            unit_id: unit.unit_id,
            code: &unit.code,
            level: unit.level,
            access,
            title: unit.title.as_deref(),
            fields: &fields,
            interval,
            digitized: unit.is_digitized(),
            place,
        })
    }
}

struct Source<'a> {
    unit_id: i64,
    code: &'a str,
    level: Level,
    access: Access,
    title: Option<&'a str>,
    fields: &'a [(String, String)],
    interval: Option<(i64, i64)>,
    digitized: bool,
    place: &'a Placement,
}

fn build(s: Source<'_>) -> IndexDoc {
    let get = |k: &str| {
        s.fields
            .iter()
            .find(|(f, _)| f == k)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    };
    let mut body = String::new();
    for f in BODY_FIELDS {
        if let Some(v) = get(f) {
            body.push_str(v);
            body.push('\n');
        }
    }
    let mut idents = vec![fold::ident(s.code)];
    if let (Some(n), Some(sym)) = (get("codeNumber"), get("codeNotation")) {
        idents.push(fold::ident(&format!("{n}/{sym}")));
    }
    for f in IDENT_FIELDS {
        if let Some(v) = get(f) {
            idents.push(fold::ident(v));
        }
    }
    idents.sort();
    idents.dedup();
    let langs = get("language")
        .map(|v| {
            v.split([',', ';', ' '])
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let decades = s
        .interval
        .map(|(a, b)| decades_between(a / 10_000, b / 10_000))
        .unwrap_or_default();
    IndexDoc {
        unit_id: s.unit_id,
        code: s.code.to_string(),
        code_key: fold::natural_key(s.code),
        level: s.level,
        fonds: s.place.fonds.clone(),
        ancestors: s.place.ancestors.clone(),
        title: s.title.unwrap_or_default().to_string(),
        body,
        issuer: get("organName").unwrap_or_default().to_string(),
        idents,
        doc_type: get("typeName").map(str::to_string),
        langs,
        start: s.interval.map(|(a, _)| a),
        end: s.interval.map(|(_, b)| b),
        decades,
        digitized: s.digitized,
        access: s.access,
    }
}

/// `1996-04-30` → `19960430`.
pub fn day_number(iso: &str) -> Option<i64> {
    let digits: String = iso.chars().filter(char::is_ascii_digit).collect();
    (digits.len() == 8).then(|| digits.parse().ok()).flatten()
}

/// Start years of the decades from year `a` to year `b` (at most 50, for a corrupt range).
fn decades_between(a: i64, b: i64) -> Vec<i32> {
    let (a, b) = (a.min(b), a.max(b));
    (a / 10..=b / 10)
        .take(50)
        .filter_map(|d| i32::try_from(d * 10).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_day_numbers_and_decades() {
        assert_eq!(day_number("1996-04-30"), Some(19_960_430));
        assert_eq!(day_number("1996"), None);
        assert_eq!(decades_between(1985, 1996), vec![1980, 1990]);
        assert_eq!(decades_between(1990, 1990), vec![1990]);
    }
}
