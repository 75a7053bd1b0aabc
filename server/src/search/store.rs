//! The SQL search needs: the change feed (units stamped after a sequence number, removed ids),
//! ancestors of a set of units, units by id for result pages, and the applied marker of
//! server-side indexes.

use crate::catalogue::store::{LIST_COLUMNS, StoredUnit, UNIT_COLUMNS, placeholders};
use crate::db::Db;
use sqlx::Row;
use std::collections::HashMap;

/// The last change sequence number taken.
pub async fn current_seq(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("select value from change_counter where change_counter_id = 1")
        .fetch_one(&db.pool)
        .await
}

/// Number of units changed in `(after, upto]` (for the progress bar).
pub async fn count_changed(db: &Db, after: i64, upto: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("select count(*) from units where change_seq > $1 and change_seq <= $2")
        .bind(after)
        .bind(upto)
        .fetch_one(&db.pool)
        .await
}

/// One page of units changed in `(after, upto]`, in `(change_seq, unit_id)` order after `from`.
pub async fn changed_units(
    db: &Db,
    after: i64,
    upto: i64,
    from: (i64, i64),
    limit: i64,
) -> Result<Vec<(i64, StoredUnit)>, sqlx::Error> {
    let sql = format!(
        "select {UNIT_COLUMNS}, change_seq from units where (change_seq, unit_id) > ($1, $2) \
         and change_seq > $3 and change_seq <= $4 order by change_seq, unit_id limit $5"
    );
    // The row-value comparison walks the (change_seq, unit_id) index on both databases.
    let rows = sqlx::query(&sql)
        .bind(from.0)
        .bind(from.1)
        .bind(after)
        .bind(upto)
        .bind(limit)
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| Ok((r.try_get::<i64, _>("change_seq")?, StoredUnit::from_row(r)?)))
        .collect()
}

/// Ids of units removed in `(after, upto]`.
pub async fn removals(db: &Db, after: i64, upto: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "select unit_id from unit_removals where change_seq > $1 and change_seq <= $2 order by change_seq",
    )
    .bind(after)
    .bind(upto)
    .fetch_all(&db.pool)
    .await
}

/// Units by id, with the list columns only (no metadata), keyed by id.
pub async fn list_units(db: &Db, ids: &[i64]) -> Result<HashMap<i64, StoredUnit>, sqlx::Error> {
    units_by_ids(db, ids, LIST_COLUMNS).await
}

/// Units by id with every column, keyed by id.
pub async fn full_units(db: &Db, ids: &[i64]) -> Result<HashMap<i64, StoredUnit>, sqlx::Error> {
    units_by_ids(db, ids, UNIT_COLUMNS).await
}

async fn units_by_ids(
    db: &Db,
    ids: &[i64],
    columns: &str,
) -> Result<HashMap<i64, StoredUnit>, sqlx::Error> {
    let mut out = HashMap::with_capacity(ids.len());
    let mut conn = db.pool.acquire().await?;
    for chunk in ids.chunks(500) {
        let sql = format!(
            "select {columns} from units where unit_id in ({})",
            placeholders(&conn, 1, chunk.len())
        );
        let mut q = sqlx::query(&sql);
        for id in chunk {
            q = q.bind(*id);
        }
        for row in q.fetch_all(&mut *conn).await? {
            let u = StoredUnit::from_row(&row)?;
            out.insert(u.unit_id, u);
        }
    }
    Ok(out)
}

/// Units by code with the list columns, keyed by code.
pub async fn list_units_by_code(
    db: &Db,
    codes: &[String],
) -> Result<HashMap<String, StoredUnit>, sqlx::Error> {
    let mut out = HashMap::with_capacity(codes.len());
    let mut conn = db.pool.acquire().await?;
    for chunk in codes.chunks(500) {
        let sql = format!(
            "select {LIST_COLUMNS} from units where code in ({})",
            placeholders(&conn, 1, chunk.len())
        );
        let mut q = sqlx::query(&sql);
        for c in chunk {
            q = q.bind(c.clone());
        }
        for row in q.fetch_all(&mut *conn).await? {
            let u = StoredUnit::from_row(&row)?;
            out.insert(u.code.clone(), u);
        }
    }
    Ok(out)
}

/// Every ancestor of the given units (list columns), keyed by id: parents, their parents, up to
/// the fonds, one query per level.
pub async fn ancestors_of(
    db: &Db,
    units: &[&StoredUnit],
) -> Result<HashMap<i64, StoredUnit>, sqlx::Error> {
    let mut known: HashMap<i64, StoredUnit> = HashMap::new();
    let mut wanted: Vec<i64> = units.iter().filter_map(|u| u.parent_id).collect();
    // The tree is at most four levels deep; the bound guards against a corrupt cycle.
    for _ in 0..6 {
        wanted.sort_unstable();
        wanted.dedup();
        wanted.retain(|id| !known.contains_key(id));
        if wanted.is_empty() {
            break;
        }
        let found = list_units(db, &wanted).await?;
        wanted = found.values().filter_map(|u| u.parent_id).collect();
        known.extend(found);
    }
    Ok(known)
}

/// The chain of ancestors of `unit` from the fonds down to its parent, from `known`.
pub fn chain<'a>(unit: &StoredUnit, known: &'a HashMap<i64, StoredUnit>) -> Vec<&'a StoredUnit> {
    let mut out = Vec::new();
    let mut next = unit.parent_id;
    while let Some(id) = next {
        let Some(p) = known.get(&id) else { break };
        if out.len() > 6 {
            break;
        }
        out.push(p);
        next = p.parent_id;
    }
    out.reverse();
    out
}

/// The applied marker of a server-side index.
pub async fn index_state(db: &Db, index: &str) -> Result<Option<(i64, String)>, sqlx::Error> {
    let row = sqlx::query("select change_seq, settings from search_state where index_name = $1")
        .bind(index)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| Ok((r.try_get("change_seq")?, r.try_get("settings")?)))
        .transpose()
}

/// Records (or forgets, with `None`) the applied marker of a server-side index.
pub async fn set_index_state(
    db: &Db,
    index: &str,
    state: Option<(i64, &str)>,
) -> Result<(), sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    sqlx::query("delete from search_state where index_name = $1")
        .bind(index)
        .execute(&mut *tx)
        .await?;
    if let Some((seq, settings)) = state {
        let now = crate::db::now_text();
        sqlx::query(
            "insert into search_state (index_name, change_seq, settings, created_at, updated_at) values ($1, $2, $3, $4, $5)",
        )
        .bind(index)
        .bind(seq)
        .bind(settings)
        .bind(now.clone())
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}
