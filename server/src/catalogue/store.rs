//! SQL for units: reading the tree (a unit, its ancestors, a page of children, counts) and the
//! writes the importer needs. Every query is parameterised and runs on SQLite and PostgreSQL.

use super::model::{Level, Mode};
use crate::db::Db;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use std::collections::BTreeMap;

/// A unit as stored. It may hold conditional text, so it never leaves the server: public
/// surfaces go through `access::public_view`.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredUnit {
    pub unit_id: i64,
    pub code: String,
    pub level: Level,
    pub parent_id: Option<i64>,
    pub fonds_id: Option<i64>,
    pub position: i64,
    pub own_mode: Mode,
    pub effective_mode: Mode,
    pub withdrawn: bool,
    pub title: Option<String>,
    pub date_text: Option<String>,
    pub date_start: Option<String>,
    pub date_end: Option<String>,
    pub metadata_json: String,
    pub child_count: i64,
    pub open_child_count: i64,
}

pub(crate) const UNIT_COLUMNS: &str = "unit_id, code, level, parent_id, fonds_id, position, own_mode, effective_mode, \
     withdrawn, title, date_text, date_start, date_end, metadata, child_count, open_child_count";

/// The columns of a unit in a list: the metadata JSON, which lists never show, is left out.
pub(crate) const LIST_COLUMNS: &str = "unit_id, code, level, parent_id, fonds_id, position, own_mode, effective_mode, \
     withdrawn, title, date_text, date_start, date_end, '{}' as metadata, child_count, open_child_count";

impl StoredUnit {
    pub(crate) fn from_row(row: &AnyRow) -> Result<StoredUnit, sqlx::Error> {
        let level: String = row.try_get("level")?;
        let own: String = row.try_get("own_mode")?;
        let eff: String = row.try_get("effective_mode")?;
        let bad = |what: &str, v: &str| {
            sqlx::Error::Decode(format!("unexpected {what} in units: {v}").into())
        };
        Ok(StoredUnit {
            unit_id: row.try_get("unit_id")?,
            code: row.try_get("code")?,
            level: Level::parse(&level).ok_or_else(|| bad("level", &level))?,
            parent_id: row.try_get("parent_id")?,
            fonds_id: row.try_get("fonds_id")?,
            position: row.try_get("position")?,
            own_mode: Mode::from_code(&own).ok_or_else(|| bad("mode", &own))?,
            effective_mode: Mode::from_code(&eff).ok_or_else(|| bad("mode", &eff))?,
            withdrawn: row.try_get::<i64, _>("withdrawn")? != 0,
            title: row.try_get("title")?,
            date_text: row.try_get("date_text")?,
            date_start: row.try_get("date_start")?,
            date_end: row.try_get("date_end")?,
            metadata_json: row.try_get("metadata")?,
            child_count: row.try_get("child_count")?,
            open_child_count: row.try_get("open_child_count")?,
        })
    }

    /// The TT05 fields, in their stored order (sorted by tag).
    pub fn metadata(&self) -> Vec<(String, String)> {
        serde_json::from_str::<BTreeMap<String, String>>(&self.metadata_json)
            .map(|m| m.into_iter().collect())
            .unwrap_or_default()
    }

    /// Whether the unit lists digitised files (`digitalFiles`). Read without parsing the JSON.
    pub fn is_digitized(&self) -> bool {
        self.metadata_json.contains("\"digitalFiles\":\"")
            && !self.metadata_json.contains("\"digitalFiles\":\"\"")
    }

    /// First and last year of the dates.
    pub fn years(&self) -> Option<(i32, i32)> {
        let year = |d: &Option<String>| {
            d.as_deref()
                .and_then(|s| s.get(..4))
                .and_then(|y| y.parse().ok())
        };
        match (year(&self.date_start), year(&self.date_end)) {
            (Some(a), Some(b)) => Some((a, b)),
            (Some(a), None) | (None, Some(a)) => Some((a, a)),
            _ => None,
        }
    }
}

/// The position of a unit among its siblings; children are ordered by (position, code).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub position: i64,
    pub code: String,
}

impl Cursor {
    /// The opaque text form used in URLs: `position~code`.
    pub fn encode(&self) -> String {
        format!("{}~{}", self.position, self.code)
    }

    /// Parses the text form; `None` when malformed.
    pub fn decode(s: &str) -> Option<Cursor> {
        let (p, c) = s.split_once('~')?;
        (!c.is_empty()).then_some(())?;
        Some(Cursor {
            position: p.parse().ok()?,
            code: c.to_string(),
        })
    }
}

/// Which way a page of children goes from its cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageFrom {
    Start,
    After(Cursor),
    Before(Cursor),
}

/// One page of children and whether more lie on each side.
#[derive(Debug)]
pub struct ChildRows {
    pub units: Vec<StoredUnit>,
    pub more_before: bool,
    pub more_after: bool,
}

/// A unit by code and its ancestors from the fonds down to its parent, in one query.
pub async fn unit_with_ancestors(
    db: &Db,
    code: &str,
) -> Result<Option<(StoredUnit, Vec<StoredUnit>)>, sqlx::Error> {
    // The tree is at most four levels deep; the depth bound guards against a corrupt cycle.
    let sql = format!(
        "with recursive up(id, depth) as (select unit_id, 0 from units where code = $1 union all \
         select u.parent_id, up.depth + 1 from units u join up on u.unit_id = up.id \
         where u.parent_id is not null and up.depth < 8) \
         select {UNIT_COLUMNS} from units join up on units.unit_id = up.id order by up.depth desc"
    );
    let rows = sqlx::query(&sql).bind(code).fetch_all(&db.pool).await?;
    let mut chain = rows
        .iter()
        .map(StoredUnit::from_row)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(chain.pop().map(|unit| (unit, chain)))
}

/// One page of the children of `parent` (the fonds when `None`), in (position, code) order,
/// by keyset so that any page of a 100,000-child fonds costs the same. The units come without
/// their metadata (see `LIST_COLUMNS`).
pub async fn children(
    db: &Db,
    parent: Option<i64>,
    from: &PageFrom,
    limit: u32,
    only_open: bool,
) -> Result<ChildRows, sqlx::Error> {
    let mut sql = format!("select {LIST_COLUMNS} from units where withdrawn = 0");
    let mut n = 0;
    let mut next = || {
        n += 1;
        format!("${n}")
    };
    match parent {
        Some(_) => sql.push_str(&format!(" and parent_id = {}", next())),
        None => sql.push_str(" and parent_id is null"),
    }
    if only_open {
        sql.push_str(" and effective_mode = '01'");
    }
    let (desc, cursor) = match from {
        PageFrom::Start => (false, None),
        PageFrom::After(c) => (false, Some(c)),
        PageFrom::Before(c) => (true, Some(c)),
    };
    if cursor.is_some() {
        let (p1, p2) = (next(), next());
        let op = if desc { "<" } else { ">" };
        // A row-value comparison: both databases turn it into a range on the
        // (parent_id, position, code) index, so a deep page costs what the first one does.
        sql.push_str(&format!(" and (position, code) {op} ({p1}, {p2})"));
    }
    let dir = if desc { "desc" } else { "asc" };
    sql.push_str(&format!(
        " order by position {dir}, code {dir} limit {}",
        next()
    ));

    let mut q = sqlx::query(&sql);
    if let Some(p) = parent {
        q = q.bind(p);
    }
    if let Some(c) = cursor {
        q = q.bind(c.position).bind(c.code.clone());
    }
    q = q.bind(i64::from(limit) + 1);
    let rows = q.fetch_all(&db.pool).await?;
    let mut units = rows
        .iter()
        .map(StoredUnit::from_row)
        .collect::<Result<Vec<_>, _>>()?;
    let more = units.len() > limit as usize;
    units.truncate(limit as usize);
    if desc {
        units.reverse();
    }
    Ok(match from {
        PageFrom::Start => ChildRows {
            units,
            more_before: false,
            more_after: more,
        },
        PageFrom::After(_) => ChildRows {
            units,
            more_before: true,
            more_after: more,
        },
        PageFrom::Before(_) => ChildRows {
            units,
            more_before: more,
            more_after: true,
        },
    })
}

/// Number of root units (fonds) the public can list.
pub async fn root_count(db: &Db, only_open: bool) -> Result<i64, sqlx::Error> {
    let sql = if only_open {
        "select count(*) from units where parent_id is null and withdrawn = 0 and effective_mode = '01'"
    } else {
        "select count(*) from units where parent_id is null and withdrawn = 0"
    };
    sqlx::query_scalar(sql).fetch_one(&db.pool).await
}

/// Number of listed units per level.
pub async fn level_counts(db: &Db, only_open: bool) -> Result<BTreeMap<String, i64>, sqlx::Error> {
    let sql = if only_open {
        "select level, count(*) as n from units where withdrawn = 0 and effective_mode = '01' group by level"
    } else {
        "select level, count(*) as n from units where withdrawn = 0 group by level"
    };
    let rows = sqlx::query(sql).fetch_all(&db.pool).await?;
    rows.iter()
        .map(|r| Ok((r.try_get::<String, _>("level")?, r.try_get::<i64, _>("n")?)))
        .collect()
}

/// Recomputes the child counts of the given units from their children.
pub async fn recount(conn: &mut AnyConnection, ids: &[i64]) -> Result<(), sqlx::Error> {
    for chunk in ids.chunks(500) {
        let list = placeholders(conn, 1, chunk.len());
        let sql = format!(
            "update units set \
             child_count = (select count(*) from units c where c.parent_id = units.unit_id and c.withdrawn = 0), \
             open_child_count = (select count(*) from units c where c.parent_id = units.unit_id and c.withdrawn = 0 \
                                 and c.effective_mode = '01') \
             where unit_id in ({list})"
        );
        let mut q = sqlx::query(&sql);
        for id in chunk {
            q = q.bind(*id);
        }
        q.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Sets a unit's withdrawn flag (rule 5: unpublished, not deleted) and fixes its parent's counts.
pub async fn set_withdrawn(db: &Db, code: &str, withdrawn: bool) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let parent: Option<Option<i64>> =
        sqlx::query_scalar("select parent_id from units where code = $1")
            .bind(code)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(parent) = parent else {
        return Ok(false);
    };
    let now = crate::db::now_text();
    let seq = next_change_seq(&mut tx, &now).await?;
    sqlx::query("update units set withdrawn = $1, updated_at = $2 where code = $3")
        .bind(i64::from(withdrawn))
        .bind(now.clone())
        .bind(code)
        .execute(&mut *tx)
        .await?;
    // Everything below a withdrawn unit leaves the public indexes with it.
    sqlx::query(
        "with recursive sub(unit_id) as (select unit_id from units where code = $1 \
         union all select u.unit_id from units u join sub on u.parent_id = sub.unit_id) \
         update units set change_seq = $2 where unit_id in (select unit_id from sub)",
    )
    .bind(code)
    .bind(seq)
    .execute(&mut *tx)
    .await?;
    if let Some(p) = parent {
        recount(&mut tx, &[p]).await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// Takes the next change sequence number for the calling transaction. The counter row stays
/// locked until the transaction ends, so numbers become visible in the order they were taken
/// and an indexer that has applied `n` only ever needs what is stamped after `n`.
pub async fn next_change_seq(conn: &mut AnyConnection, now: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "update change_counter set value = value + 1, updated_at = $1 where change_counter_id = 1 returning value",
    )
    .bind(now)
    .fetch_one(&mut *conn)
    .await
}

/// `n` parameters for a statement that has no others: `$a, $a+1, …` on PostgreSQL, `?, ?, …` on
/// SQLite, where looking up a named `$N` parameter is linear in the statement's parameter count
/// and made a 7,500-parameter insert quadratic (72% of an import's time).
pub(crate) fn placeholders(conn: &AnyConnection, start: usize, n: usize) -> String {
    if conn.backend_name() == "SQLite" {
        vec!["?"; n].join(", ")
    } else {
        (start..start + n)
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trip_and_rejects_garbage() {
        let c = Cursor {
            position: 45,
            code: "H34.10.1996.01.045".into(),
        };
        assert_eq!(Cursor::decode(&c.encode()), Some(c));
        assert_eq!(Cursor::decode("abc"), None);
        assert_eq!(Cursor::decode("x~H34"), None);
        assert_eq!(Cursor::decode("3~"), None);
    }
}
