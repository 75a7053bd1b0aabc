//! Writes validated units to the database in batches: resolves parents (creating series from
//! catalogue numbers), merges with what is stored, detects unchanged rows by content hash,
//! inserts and updates, propagates effective modes, purges units that became secret and keeps
//! child counts right — all inside the caller's transaction, so a batch lands whole or not at all.

use super::derive::{Derived, derive, series_code};
use super::model::{FieldProblem, Level, Mode, Rejection, UnitRecord};
use super::report::ImportReport;
use super::store::placeholders;
use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, Row};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// What the writer remembers of a unit that can be a parent.
#[derive(Clone, Debug)]
struct ParentInfo {
    unit_id: i64,
    fonds_id: i64,
    level: Level,
    effective: Mode,
}

/// A stored unit as the writer needs it to merge.
struct Existing {
    unit_id: i64,
    level: Level,
    parent_id: Option<i64>,
    position: i64,
    own_mode: Mode,
    effective: Mode,
    metadata: BTreeMap<String, String>,
    hash: String,
}

/// A unit ready to be written.
struct Prepared {
    code: String,
    level: Level,
    parent_id: Option<i64>,
    fonds_id: Option<i64>,
    position: i64,
    own: Mode,
    effective: Mode,
    derived: Derived,
    metadata: String,
    hash: String,
}

/// What is remembered of an inserted row once its values have moved into the statement.
struct Inserted {
    code: String,
    level: Level,
    parent_id: Option<i64>,
    fonds_id: Option<i64>,
    effective: Mode,
}

/// The batch writer of one import; caches parents across batches.
#[derive(Default)]
pub struct Writer {
    parents: HashMap<String, ParentInfo>,
    now: String,
    /// The change sequence number of the batch being written (see `store::next_change_seq`).
    seq: i64,
}

impl Writer {
    /// A writer stamping rows with `now`.
    pub fn new(now: String) -> Writer {
        Writer {
            parents: HashMap::new(),
            now,
            seq: 0,
        }
    }

    /// Writes one batch of units of any levels (parents before children) and purges the codes
    /// in `purge` (units that became secret), recording outcomes in `report`.
    pub async fn write(
        &mut self,
        conn: &mut AnyConnection,
        batch: Vec<UnitRecord>,
        purge: Vec<String>,
        report: &mut ImportReport,
    ) -> Result<(), sqlx::Error> {
        let mut recount: BTreeSet<i64> = BTreeSet::new();
        self.seq = super::store::next_change_seq(conn, &self.now).await?;
        if !purge.is_empty() {
            self.purge(conn, &purge, report, &mut recount).await?;
        }
        // Levels in tree order, so a unit's parent is written before it in the same batch.
        let mut rest = batch;
        for level in [Level::Fonds, Level::Series, Level::File, Level::Item] {
            let (group, others): (Vec<UnitRecord>, Vec<UnitRecord>) =
                rest.into_iter().partition(|r| r.level == level);
            rest = others;
            if !group.is_empty() {
                self.write_level(conn, level, group, report, &mut recount)
                    .await?;
            }
        }
        let ids: Vec<i64> = recount.into_iter().collect();
        super::store::recount(conn, &ids).await?;
        Ok(())
    }

    async fn write_level(
        &mut self,
        conn: &mut AnyConnection,
        level: Level,
        mut group: Vec<UnitRecord>,
        report: &mut ImportReport,
        recount: &mut BTreeSet<i64>,
    ) -> Result<(), sqlx::Error> {
        let codes: Vec<String> = group.iter().map(|r| r.code.clone()).collect();
        let existing = fetch_existing(conn, &codes).await?;

        // Resolve the parent code of every row: explicit, via the series, or as stored.
        let mut parent_codes: Vec<Option<String>> = Vec::with_capacity(group.len());
        for rec in &group {
            parent_codes.push(
                self.parent_code_of(conn, rec, existing.get(&rec.code), report)
                    .await?,
            );
        }
        let wanted: Vec<String> = parent_codes
            .iter()
            .flatten()
            .filter(|c| !self.parents.contains_key(*c))
            .cloned()
            .collect();
        self.load_parents(conn, &wanted).await?;

        let mut inserts: Vec<Prepared> = Vec::new();
        for (rec, parent_code) in group.drain(..).zip(parent_codes) {
            let old = existing.get(&rec.code);
            match self.prepare(rec, parent_code, old) {
                Err(rejection) => report.reject(rejection),
                Ok(None) => report.unchanged.add(level),
                Ok(Some(p)) => match old {
                    None => inserts.push(p),
                    Some(old) => {
                        self.update(conn, &p, old, recount).await?;
                        report.updated.add(level);
                    }
                },
            }
        }
        self.insert(conn, inserts, report).await
    }

    /// The parent code of a record, creating the series of a catalogue number when needed.
    async fn parent_code_of(
        &mut self,
        conn: &mut AnyConnection,
        rec: &UnitRecord,
        old: Option<&Existing>,
        report: &mut ImportReport,
    ) -> Result<Option<String>, sqlx::Error> {
        let catalog = rec
            .fields
            .iter()
            .find(|(f, _)| *f == "catalogNo")
            .map(|(_, v)| v.trim());
        match (rec.level, &rec.parent_code, catalog) {
            (Level::File, Some(fonds), Some(no)) if !no.is_empty() => {
                let code = series_code(fonds, no);
                if !self.parents.contains_key(&code) {
                    self.load_parents(conn, std::slice::from_ref(&code)).await?;
                }
                if !self.parents.contains_key(&code) {
                    self.create_series(conn, fonds, no, &code, report).await?;
                }
                Ok(Some(code))
            }
            (_, Some(p), _) => Ok(Some(p.clone())),
            (_, None, _) => match old.and_then(|o| o.parent_id) {
                Some(id) => Ok(
                    sqlx::query_scalar("select code from units where unit_id = $1")
                        .bind(id)
                        .fetch_optional(&mut *conn)
                        .await?,
                ),
                None => Ok(None),
            },
        }
    }

    /// Whether a unit that can be a parent exists in the database.
    pub async fn knows(
        &mut self,
        conn: &mut AnyConnection,
        code: &str,
    ) -> Result<bool, sqlx::Error> {
        if !self.parents.contains_key(code) {
            self.load_parents(conn, &[code.to_string()]).await?;
        }
        Ok(self.parents.contains_key(code))
    }

    /// Inserts the series `code` (Mục lục số `no`) under `fonds` when the fonds is known.
    async fn create_series(
        &mut self,
        conn: &mut AnyConnection,
        fonds: &str,
        no: &str,
        code: &str,
        report: &mut ImportReport,
    ) -> Result<(), sqlx::Error> {
        if !self.parents.contains_key(fonds) {
            self.load_parents(conn, &[fonds.to_string()]).await?;
        }
        let Some(parent) = self.parents.get(fonds).cloned() else {
            return Ok(());
        };
        let fields = vec![
            ("fondsCode", fonds.to_string()),
            ("catalogNo", no.to_string()),
        ];
        let rec = UnitRecord {
            source: Arc::from(""),
            line: 0,
            level: Level::Series,
            code: code.to_string(),
            parent_code: Some(fonds.to_string()),
            catalog_no: Some(no.to_string()),
            position: no.parse().ok(),
            mode: Mode::Public,
            fields,
            defaults: Vec::new(),
        };
        if parent.level == Level::Fonds
            && let Ok(Some(p)) = self.prepare(rec, Some(fonds.to_string()), None)
        {
            self.insert(conn, vec![p], report).await?;
        }
        Ok(())
    }

    /// Merges a record with what is stored; `Ok(None)` when nothing changes.
    fn prepare(
        &self,
        rec: UnitRecord,
        parent_code: Option<String>,
        old: Option<&Existing>,
    ) -> Result<Option<Prepared>, Rejection> {
        let reject = |field: &str, reason: String| Rejection {
            source: rec.source.clone(),
            line: rec.line,
            code: Some(rec.code.clone()),
            parent: None,
            problems: vec![FieldProblem {
                field: field.to_string(),
                reason,
            }],
        };
        if let Some(old) = old
            && old.level != rec.level
        {
            return Err(reject(
                "code",
                format!(
                    "mã {} đã dùng cho một {} trong cơ sở dữ liệu; mã phải duy nhất trên toàn cổng",
                    rec.code,
                    level_vi(old.level)
                ),
            ));
        }
        let parent = match (&parent_code, rec.level) {
            (None, Level::Fonds) => None,
            (None, level) => {
                let field = parent_field(level);
                return Err(reject(
                    field,
                    format!(
                        "thiếu {field}: cho biết {} chứa đơn vị này",
                        parent_vi(level)
                    ),
                ));
            }
            (Some(code), level) => match self.parents.get(code) {
                Some(p) if parent_level_ok(level, p.level) => Some(p.clone()),
                Some(p) => {
                    return Err(reject(
                        parent_field(level),
                        format!(
                            "{code} là một {}, không thể chứa một {}",
                            level_vi(p.level),
                            level_vi(level)
                        ),
                    ));
                }
                None => {
                    let field = parent_field(level);
                    return Err(reject(
                        field,
                        format!(
                            "không tìm thấy {} {code}: không có trong dữ liệu nhập lẫn cơ sở dữ liệu; nhập {} trước",
                            parent_vi(level),
                            parent_vi(level)
                        ),
                    ));
                }
            },
        };

        let mut merged = old.map(|o| o.metadata.clone()).unwrap_or_default();
        for (field, value) in &rec.fields {
            if value.is_empty() {
                merged.remove(*field);
            } else {
                merged.insert((*field).to_string(), value.clone());
            }
        }
        if old.is_none() {
            for (field, value) in &rec.defaults {
                merged
                    .entry((*field).to_string())
                    .or_insert_with(|| value.clone());
            }
            let missing = super::validate::missing_required(rec.level, |f| {
                merged.get(f).is_some_and(|v| !v.is_empty())
            });
            if !missing.is_empty() {
                return Err(Rejection {
                    source: rec.source.clone(),
                    line: rec.line,
                    code: Some(rec.code.clone()),
                    parent: None,
                    problems: missing
                        .into_iter()
                        .map(|f| FieldProblem {
                            field: f.to_string(),
                            reason: format!("thiếu trường bắt buộc {f}: thêm cột và điền giá trị"),
                        })
                        .collect(),
                });
            }
        }
        // Without a mode column the stored mode stays (a new unit without one was rejected above).
        let has_mode = rec
            .fields
            .iter()
            .any(|(f, v)| *f == "mode" && !v.is_empty());
        let own = match old {
            Some(o) if !has_mode => o.own_mode,
            _ => rec.mode,
        };
        let effective = parent.as_ref().map_or(own, |p| p.effective.stricter(own));
        let position = rec.position.or(old.map(|o| o.position)).unwrap_or(0);
        let metadata = serde_json::to_string(&merged).unwrap_or_else(|_| "{}".into());
        let hash = content_hash(rec.level, parent_code.as_deref(), position, own, &metadata);
        if old.is_some_and(|o| o.hash == hash && o.effective == effective) {
            return Ok(None);
        }
        Ok(Some(Prepared {
            derived: derive(rec.level, &merged),
            code: rec.code,
            level: rec.level,
            parent_id: parent.as_ref().map(|p| p.unit_id),
            fonds_id: parent.as_ref().map(|p| p.fonds_id),
            position,
            own,
            effective,
            metadata,
            hash,
        }))
    }

    async fn insert(
        &mut self,
        conn: &mut AnyConnection,
        mut rows: Vec<Prepared>,
        report: &mut ImportReport,
    ) -> Result<(), sqlx::Error> {
        const COLS: usize = 16;
        // 500 rows × 16 columns stays under both databases' parameter limits.
        while !rows.is_empty() {
            let rest = rows.split_off(rows.len().min(500));
            let chunk = std::mem::replace(&mut rows, rest);
            let values: Vec<String> = (0..chunk.len())
                .map(|i| format!("({})", placeholders(conn, i * COLS + 1, COLS)))
                .collect();
            let sql = format!(
                "insert into units (code, level, parent_id, fonds_id, position, own_mode, effective_mode, title, date_text, \
                 date_start, date_end, metadata, content_hash, change_seq, created_at, updated_at) values {}{}",
                values.join(", "),
                // Items are never parents: their ids are not needed.
                if chunk.iter().any(|p| p.level != Level::Item) {
                    " returning unit_id, code"
                } else {
                    ""
                }
            );
            // Only what the bookkeeping below needs is kept; the rest moves into the statement.
            let kept: Vec<Inserted> = chunk
                .iter()
                .map(|p| Inserted {
                    code: p.code.clone(),
                    level: p.level,
                    parent_id: p.parent_id,
                    fonds_id: p.fonds_id,
                    effective: p.effective,
                })
                .collect();
            let mut q = sqlx::query(&sql);
            for p in chunk {
                q = q
                    .bind(p.code)
                    .bind(p.level.as_str())
                    .bind(p.parent_id)
                    .bind(p.fonds_id)
                    .bind(p.position)
                    .bind(p.own.code())
                    .bind(p.effective.code())
                    .bind(p.derived.title)
                    .bind(p.derived.date_text)
                    .bind(p.derived.start)
                    .bind(p.derived.end)
                    .bind(p.metadata)
                    .bind(p.hash)
                    .bind(self.seq)
                    .bind(self.now.clone())
                    .bind(self.now.clone());
            }
            let returned = q.fetch_all(&mut *conn).await?;
            let ids: HashMap<String, i64> = returned
                .iter()
                .map(|r| {
                    Ok((
                        r.try_get::<String, _>("code")?,
                        r.try_get::<i64, _>("unit_id")?,
                    ))
                })
                .collect::<Result<_, sqlx::Error>>()?;
            // Child counts grow by what was added under each parent.
            let mut added: BTreeMap<i64, (i64, i64)> = BTreeMap::new();
            for Inserted {
                code,
                level,
                parent_id,
                fonds_id,
                effective,
            } in kept
            {
                report.inserted.add(level);
                if let Some(parent) = parent_id {
                    let e = added.entry(parent).or_default();
                    e.0 += 1;
                    e.1 += i64::from(effective == Mode::Public);
                }
                if level != Level::Item
                    && let Some(&id) = ids.get(&code)
                {
                    if level == Level::Fonds {
                        sqlx::query("update units set fonds_id = unit_id where unit_id = $1")
                            .bind(id)
                            .execute(&mut *conn)
                            .await?;
                    }
                    self.parents.insert(
                        code,
                        ParentInfo {
                            unit_id: id,
                            fonds_id: fonds_id.unwrap_or(id),
                            level,
                            effective,
                        },
                    );
                }
            }
            add_to_counts(conn, &added).await?;
        }
        Ok(())
    }

    async fn update(
        &mut self,
        conn: &mut AnyConnection,
        p: &Prepared,
        old: &Existing,
        recount: &mut BTreeSet<i64>,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "update units set parent_id = $1, fonds_id = $2, position = $3, own_mode = $4, effective_mode = $5, title = $6, \
             date_text = $7, date_start = $8, date_end = $9, metadata = $10, content_hash = $11, updated_at = $12, \
             change_seq = $13 where unit_id = $14",
        )
        .bind(p.parent_id)
        .bind(p.fonds_id.unwrap_or(old.unit_id))
        .bind(p.position)
        .bind(p.own.code())
        .bind(p.effective.code())
        .bind(p.derived.title.clone())
        .bind(p.derived.date_text.clone())
        .bind(p.derived.start.clone())
        .bind(p.derived.end.clone())
        .bind(p.metadata.clone())
        .bind(p.hash.clone())
        .bind(self.now.clone())
        .bind(self.seq)
        .bind(old.unit_id)
        .execute(&mut *conn)
        .await?;
        recount.extend(old.parent_id);
        recount.extend(p.parent_id);
        if old.own_mode != p.own || old.effective != p.effective {
            log_access_change(conn, &p.code, Some(old.effective), p.effective, &self.now).await?;
            tracing::info!(target: "security", code = %p.code, from = old.effective.code(), to = p.effective.code(), "access mode changed");
        }
        if old.effective != p.effective && p.level != Level::Item {
            propagate(conn, old.unit_id, &self.now, self.seq).await?;
            recount.extend(subtree_parents(conn, old.unit_id).await?);
            // Cached effective modes below this unit are stale now.
            self.parents.clear();
        }
        if old.parent_id != p.parent_id && old.effective == p.effective && p.level != Level::Item {
            // The units below have a new ancestry for the indexes' "within" filter.
            sqlx::query(&format!(
                "{SUBTREE} update units set change_seq = $2 where unit_id in (select unit_id from sub)"
            ))
            .bind(old.unit_id)
            .bind(self.seq)
            .execute(&mut *conn)
            .await?;
        }
        if p.level != Level::Item {
            self.parents.insert(
                p.code.clone(),
                ParentInfo {
                    unit_id: old.unit_id,
                    fonds_id: p.fonds_id.unwrap_or(old.unit_id),
                    level: p.level,
                    effective: p.effective,
                },
            );
        }
        Ok(())
    }

    /// Deletes units that a re-import made secret, with everything below them (rule 1).
    async fn purge(
        &mut self,
        conn: &mut AnyConnection,
        codes: &[String],
        report: &mut ImportReport,
        recount: &mut BTreeSet<i64>,
    ) -> Result<(), sqlx::Error> {
        for code in codes {
            let row =
                sqlx::query("select unit_id, parent_id, effective_mode from units where code = $1")
                    .bind(code)
                    .fetch_optional(&mut *conn)
                    .await?;
            let Some(row) = row else { continue };
            let id: i64 = row.try_get("unit_id")?;
            let parent: Option<i64> = row.try_get("parent_id")?;
            let old: String = row.try_get("effective_mode")?;
            // Counted first: cascaded deletes are not in the statement's affected rows.
            let n: i64 = sqlx::query_scalar(&format!("{SUBTREE} select count(*) from sub"))
                .bind(id)
                .fetch_one(&mut *conn)
                .await?;
            // The indexes drop the purged units by id (no text is kept).
            sqlx::query(&format!(
                "{SUBTREE} insert into unit_removals (unit_id, change_seq, created_at, updated_at) \
                 select unit_id, $2, $3, $3 from sub"
            ))
            .bind(id)
            .bind(self.seq)
            .bind(self.now.clone())
            .execute(&mut *conn)
            .await?;
            sqlx::query(&format!(
                "{SUBTREE} delete from units where unit_id in (select unit_id from sub)"
            ))
            .bind(id)
            .execute(&mut *conn)
            .await?;
            report.purged += u64::try_from(n).unwrap_or(0);
            log_access_change(conn, code, Mode::from_code(&old), Mode::Secret, &self.now).await?;
            tracing::info!(target: "security", code = %code, purged = n, "unit became secret: purged with its descendants");
            recount.remove(&id);
            recount.extend(parent);
            self.parents.clear();
        }
        Ok(())
    }

    async fn load_parents(
        &mut self,
        conn: &mut AnyConnection,
        codes: &[String],
    ) -> Result<(), sqlx::Error> {
        for chunk in codes.chunks(500) {
            if chunk.is_empty() {
                continue;
            }
            let sql = format!(
                "select unit_id, code, level, fonds_id, effective_mode from units where code in ({})",
                placeholders(conn, 1, chunk.len())
            );
            let mut q = sqlx::query(&sql);
            for c in chunk {
                q = q.bind(c.clone());
            }
            for row in q.fetch_all(&mut *conn).await? {
                let id: i64 = row.try_get("unit_id")?;
                let level = Level::parse(&row.try_get::<String, _>("level")?);
                let eff = Mode::from_code(&row.try_get::<String, _>("effective_mode")?);
                if let (Some(level), Some(effective)) = (level, eff) {
                    let fonds_id = row.try_get::<Option<i64>, _>("fonds_id")?.unwrap_or(id);
                    self.parents.insert(
                        row.try_get("code")?,
                        ParentInfo {
                            unit_id: id,
                            fonds_id,
                            level,
                            effective,
                        },
                    );
                }
            }
        }
        Ok(())
    }
}

/// Adds (children, open children) to the counts of each parent, in one statement per 300 parents.
async fn add_to_counts(
    conn: &mut AnyConnection,
    added: &BTreeMap<i64, (i64, i64)>,
) -> Result<(), sqlx::Error> {
    let rows: Vec<(&i64, &(i64, i64))> = added.iter().collect();
    for chunk in rows.chunks(300) {
        let list = placeholders(conn, 1, chunk.len() * 3);
        let params: Vec<&str> = list.split(", ").collect();
        let values: Vec<String> = params
            .chunks(3)
            .map(|p| {
                format!(
                    "(cast({} as bigint), cast({} as bigint), cast({} as bigint))",
                    p[0], p[1], p[2]
                )
            })
            .collect();
        let sql = format!(
            "with d(id, n, o) as (values {}) update units set \
             child_count = child_count + (select n from d where d.id = units.unit_id), \
             open_child_count = open_child_count + (select o from d where d.id = units.unit_id) \
             where unit_id in (select id from d)",
            values.join(", ")
        );
        let mut q = sqlx::query(&sql);
        for (id, (n, o)) in chunk {
            q = q.bind(**id).bind(*n).bind(*o);
        }
        q.execute(&mut *conn).await?;
    }
    Ok(())
}

/// The unit `$1` and everything below it.
const SUBTREE: &str = "with recursive sub(unit_id) as (select unit_id from units where unit_id = $1 \
     union all select u.unit_id from units u join sub on u.parent_id = sub.unit_id)";

async fn fetch_existing(
    conn: &mut AnyConnection,
    codes: &[String],
) -> Result<HashMap<String, Existing>, sqlx::Error> {
    let mut out = HashMap::new();
    for chunk in codes.chunks(500) {
        let sql = format!(
            "select unit_id, code, level, parent_id, position, own_mode, effective_mode, metadata, content_hash \
             from units where code in ({})",
            placeholders(conn, 1, chunk.len())
        );
        let mut q = sqlx::query(&sql);
        for c in chunk {
            q = q.bind(c.clone());
        }
        for row in q.fetch_all(&mut *conn).await? {
            let level = Level::parse(&row.try_get::<String, _>("level")?);
            let own = Mode::from_code(&row.try_get::<String, _>("own_mode")?);
            let eff = Mode::from_code(&row.try_get::<String, _>("effective_mode")?);
            let (Some(level), Some(own_mode), Some(effective)) = (level, own, eff) else {
                continue;
            };
            let metadata: String = row.try_get("metadata")?;
            out.insert(
                row.try_get("code")?,
                Existing {
                    unit_id: row.try_get("unit_id")?,
                    level,
                    parent_id: row.try_get("parent_id")?,
                    position: row.try_get("position")?,
                    own_mode,
                    effective,
                    metadata: serde_json::from_str(&metadata).unwrap_or_default(),
                    hash: row.try_get("content_hash")?,
                },
            );
        }
    }
    Ok(out)
}

/// Recomputes effective modes below `root` from its own (the most restrictive on the path).
async fn propagate(
    conn: &mut AnyConnection,
    root: i64,
    now: &str,
    seq: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "with recursive sub(unit_id, eff) as ( \
           select unit_id, effective_mode from units where unit_id = $1 \
           union all \
           select u.unit_id, case when u.own_mode > sub.eff then u.own_mode else sub.eff end \
           from units u join sub on u.parent_id = sub.unit_id) \
         update units set effective_mode = (select eff from sub where sub.unit_id = units.unit_id), updated_at = $2, \
         change_seq = $3 where unit_id in (select unit_id from sub where sub.unit_id <> $4)",
    )
    .bind(root)
    .bind(now)
    .bind(seq)
    .bind(root)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Every unit at or below `root` that has children (their open counts may have changed).
async fn subtree_parents(conn: &mut AnyConnection, root: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "with recursive sub(unit_id, level) as (select unit_id, level from units where unit_id = $1 \
         union all select u.unit_id, u.level from units u join sub on u.parent_id = sub.unit_id where u.level <> 'item') \
         select unit_id from sub",
    )
    .bind(root)
    .fetch_all(&mut *conn)
    .await
}

async fn log_access_change(
    conn: &mut AnyConnection,
    code: &str,
    old: Option<Mode>,
    new: Mode,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into access_changes (code, old_mode, new_mode, created_at) values ($1, $2, $3, $4)",
    )
    .bind(code)
    .bind(old.map(Mode::code))
    .bind(new.code())
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

fn content_hash(
    level: Level,
    parent: Option<&str>,
    position: i64,
    own: Mode,
    metadata: &str,
) -> String {
    let mut h = Sha256::new();
    for part in [
        level.as_str(),
        parent.unwrap_or(""),
        &position.to_string(),
        own.code(),
        metadata,
    ] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    hex::encode(h.finalize())
}

fn parent_level_ok(child: Level, parent: Level) -> bool {
    matches!(
        (child, parent),
        (Level::Series, Level::Fonds)
            | (Level::File, Level::Fonds | Level::Series)
            | (Level::Item, Level::File)
    )
}

fn parent_field(level: Level) -> &'static str {
    match level {
        Level::Item => "fileCode",
        _ => "fondsCode",
    }
}

fn parent_vi(level: Level) -> &'static str {
    match level {
        Level::Item => "hồ sơ",
        _ => "phông",
    }
}

/// The Vietnamese name of a level, for messages.
pub fn level_vi(level: Level) -> &'static str {
    match level {
        Level::Fonds => "phông",
        Level::Series => "mục lục",
        Level::File => "hồ sơ",
        Level::Item => "tài liệu",
    }
}
