//! The indexer: brings both indexes up to the database's latest change sequence number.
//!
//! It reads the units stamped after what each index has applied, builds the public document
//! from `access::public_view` (or drops the unit from the public index when the public may not
//! see it, also because an ancestor is withdrawn or hidden) and the staff document from the
//! stored unit, and commits with the new number. An index with no marker, or built under other
//! settings, is rebuilt from scratch; so deleting the index folder loses nothing.

use super::document::{IndexDoc, Placement};
use super::store;
use super::{Applied, Changes, Indexes, SearchError, SearchIndex};
use crate::access;
use crate::catalogue::store::StoredUnit;
use crate::config::Visibility;
use crate::db::Db;
use std::sync::Arc;
use std::time::Duration;

/// Units read from the database per step.
const PAGE: i64 = 5_000;
/// Documents added between two commits of a long rebuild, so progress survives an interruption.
const COMMIT_EVERY: usize = 500_000;
/// The PostgreSQL advisory lock key of the indexers sharing a Meilisearch server.
const INDEXER_LOCK: i64 = 0x5054_4c53_4541_5243; // "PTLSEARC"

/// How often a server looks for changes made by other processes.
pub const POLL: Duration = Duration::from_millis(250);
/// Version of the documents' shape: a change rebuilds every index.
const SCHEMA: &str = "v4";

/// Why the indexes could not be brought up to date.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Search(#[from] SearchError),
    #[error("lỗi cơ sở dữ liệu khi lập chỉ mục (database error while indexing): {0}")]
    Database(#[from] sqlx::Error),
}

/// Keeps the public and staff indexes in step with the database.
#[derive(Clone)]
pub struct Indexer {
    db: Db,
    indexes: Indexes,
    visibility: Visibility,
    /// One catch-up at a time.
    turn: Arc<tokio::sync::Mutex<()>>,
    wake: Arc<tokio::sync::Notify>,
}

/// What one catch-up did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub indexed: u64,
    pub removed: u64,
    pub seq: i64,
}

impl Indexer {
    /// An indexer over `indexes` for the public visibility setting `visibility`.
    pub fn new(db: Db, indexes: Indexes, visibility: Visibility) -> Indexer {
        Indexer {
            db,
            indexes,
            visibility,
            turn: Arc::new(tokio::sync::Mutex::new(())),
            wake: Arc::new(tokio::sync::Notify::new()),
        }
    }

    fn settings(&self, public: bool) -> String {
        if public {
            let vis = match self.visibility {
                Visibility::Stub => "stub",
                Visibility::Hidden => "hidden",
                Visibility::Metadata => "metadata",
            };
            format!("{SCHEMA};public;visibility={vis}")
        } else {
            format!("{SCHEMA};staff")
        }
    }

    /// Applies every change not yet in the indexes; `progress(total, done)` follows the units.
    pub async fn catch_up(
        &self,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> Result<Progress, SyncError> {
        let _turn = self.turn.lock().await;
        // Instances sharing one Meilisearch take turns, so that an older version of a document
        // is never pushed after a newer one: a PostgreSQL session lock, released on every path.
        if self.indexes.shared && self.db.dialect == crate::db::Dialect::Postgres {
            let mut conn = self.db.pool.acquire().await?;
            let got: bool = sqlx::query_scalar("select pg_try_advisory_lock($1)")
                .bind(INDEXER_LOCK)
                .fetch_one(&mut *conn)
                .await?;
            if !got {
                // Another instance is applying the same changes right now.
                return Ok(Progress::default());
            }
            let result = self.catch_up_now(progress).await;
            let unlocked = sqlx::query("select pg_advisory_unlock($1)")
                .bind(INDEXER_LOCK)
                .execute(&mut *conn)
                .await;
            if unlocked.is_err() {
                // A connection that may still hold the lock must not go back to the pool.
                conn.detach();
            }
            return result;
        }
        self.catch_up_now(progress).await
    }

    async fn catch_up_now(
        &self,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> Result<Progress, SyncError> {
        let target = store::current_seq(&self.db).await?;
        let public_from = self.start_of(&self.indexes.public, true).await?;
        let staff_from = self.start_of(&self.indexes.staff, false).await?;
        let from = public_from.min(staff_from);
        if public_from >= target && staff_from >= target {
            return Ok(Progress {
                seq: target,
                ..Progress::default()
            });
        }
        let total = u64::try_from(store::count_changed(&self.db, from, target).await?).unwrap_or(0);
        progress(total, 0);

        // Removals first: an id removed and reused within the range must end up present.
        let removed = store::removals(&self.db, from, target).await?;
        let mut done = Progress {
            removed: removed.len() as u64,
            seq: target,
            ..Progress::default()
        };
        for (index, start) in [
            (&self.indexes.public, public_from),
            (&self.indexes.staff, staff_from),
        ] {
            if start < target && !removed.is_empty() {
                index
                    .apply(Changes {
                        removals: removed.clone(),
                        ..Changes::default()
                    })
                    .await?;
            }
        }

        let with_pages = crate::iiif::store::any_text(&self.db).await?;
        let mut cursor = (from, i64::MIN);
        let mut since_commit = 0usize;
        loop {
            let rows = store::changed_units(&self.db, from, target, cursor, PAGE).await?;
            let Some((seq, last)) = rows.last() else {
                break;
            };
            cursor = (*seq, last.unit_id);
            let units: Vec<&StoredUnit> = rows.iter().map(|(_, u)| u).collect();
            let known = store::ancestors_of(&self.db, &units).await?;
            let mut public = Changes::default();
            let mut staff = Changes::default();
            // The text layer of digitised pages is searched as part of the unit's text.
            let texts = if with_pages {
                let ids: Vec<i64> = units.iter().map(|u| u.unit_id).collect();
                crate::iiif::store::texts_of(&self.db, &ids).await?
            } else {
                Default::default()
            };
            for (seq, unit) in &rows {
                let chain = store::chain(unit, &known);
                let place = placement(unit, &chain);
                let pages_text = texts.get(&unit.unit_id);
                if *seq > staff_from {
                    let mut doc = IndexDoc::staff(unit, &place);
                    add_pages_text(&mut doc, pages_text);
                    staff.upserts.push(doc);
                }
                if *seq > public_from {
                    match self.public_doc(unit, &chain, &place) {
                        Some(mut doc) => {
                            // Pages are public only where the unit itself is (rule 3): a
                            // conditional unit's description may be public, its pages never.
                            if crate::iiif::auth::public_pages(unit.effective_mode, unit.withdrawn)
                            {
                                add_pages_text(&mut doc, pages_text);
                            }
                            public.upserts.push(doc)
                        }
                        None => public.removals.push(unit.unit_id),
                    }
                }
            }
            since_commit += rows.len();
            let commit = since_commit >= COMMIT_EVERY;
            if commit {
                // A marker below the cursor's number: units of that number may follow.
                let mid = cursor.0 - 1;
                if mid > public_from {
                    public.applied = Some(self.applied(true, mid));
                }
                if mid > staff_from {
                    staff.applied = Some(self.applied(false, mid));
                }
                since_commit = 0;
            }
            done.indexed += rows.len() as u64;
            self.indexes.public.apply(public).await?;
            self.indexes.staff.apply(staff).await?;
            progress(total, rows.len() as u64);
        }
        for (index, public) in [(&self.indexes.public, true), (&self.indexes.staff, false)] {
            index
                .apply(Changes {
                    applied: Some(self.applied(public, target)),
                    ..Changes::default()
                })
                .await?;
        }
        Ok(done)
    }

    /// Empties both indexes and builds them again from the database.
    pub async fn rebuild(
        &self,
        progress: &(dyn Fn(u64, u64) + Sync),
    ) -> Result<Progress, SyncError> {
        {
            let _turn = self.turn.lock().await;
            self.indexes.public.clear().await?;
            self.indexes.staff.clear().await?;
        }
        self.catch_up(progress).await
    }

    /// Ends a bulk run on both indexes (see [`SearchIndex::finish`]).
    pub async fn finish(&self) -> Result<(), SyncError> {
        self.indexes.public.finish().await?;
        self.indexes.staff.finish().await?;
        Ok(())
    }

    /// Asks the background loop to catch up now (after an in-process change).
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Catches up in the background: at once, whenever woken, and every `every` (changes made
    /// by another process, such as `portal import`, are seen this way).
    pub fn spawn(&self, every: Duration) -> tokio::task::JoinHandle<()> {
        let this = self.clone();
        tokio::spawn(async move {
            let mut failures = 0u32;
            loop {
                match this.catch_up(&|_, _| {}).await {
                    Ok(p) => {
                        if p.indexed + p.removed > 0 {
                            tracing::info!(
                                indexed = p.indexed,
                                removed = p.removed,
                                seq = p.seq,
                                "search indexes updated"
                            );
                        }
                        failures = 0;
                    }
                    Err(SyncError::Search(SearchError::Busy)) => {
                        tracing::warn!("search index held by another process; retrying");
                        failures = failures.saturating_add(1);
                    }
                    Err(e) => {
                        tracing::error!(error = %e, "search indexing failed; retrying");
                        failures = failures.saturating_add(1);
                    }
                }
                let pause = every * (1 + failures.min(20));
                tokio::select! {
                    () = this.wake.notified() => {}
                    () = tokio::time::sleep(pause) => {}
                }
            }
        })
    }

    fn applied(&self, public: bool, seq: i64) -> Applied {
        Applied {
            seq,
            settings: self.settings(public),
        }
    }

    /// Where an index starts: its marker, or -1 (everything) after clearing an index built
    /// under other settings.
    async fn start_of(&self, index: &Arc<dyn SearchIndex>, public: bool) -> Result<i64, SyncError> {
        match index.applied().await? {
            Some(a) if a.settings == self.settings(public) => Ok(a.seq),
            Some(_) => {
                index.clear().await?;
                Ok(-1)
            }
            None => Ok(-1),
        }
    }

    /// The public document of `unit`, or `None` when the public may not see it or one of its
    /// ancestors.
    fn public_doc(
        &self,
        unit: &StoredUnit,
        chain: &[&StoredUnit],
        place: &Placement,
    ) -> Option<IndexDoc> {
        let view = access::public_view(unit, self.visibility)?;
        if chain
            .iter()
            .any(|a| access::public_view(a, self.visibility).is_none())
        {
            return None;
        }
        Some(IndexDoc::public(unit.unit_id, &view, place))
    }
}

/// Appends the text layer of a unit's pages to its searchable text.
fn add_pages_text(doc: &mut IndexDoc, text: Option<&String>) {
    if let Some(t) = text.filter(|t| !t.is_empty()) {
        if !doc.body.is_empty() {
            doc.body.push('\n');
        }
        doc.body.push_str(t);
    }
}

/// The fonds and ancestor codes of a unit.
fn placement(unit: &StoredUnit, chain: &[&StoredUnit]) -> Placement {
    let ancestors: Vec<String> = chain.iter().map(|a| a.code.clone()).collect();
    Placement {
        fonds: ancestors
            .first()
            .cloned()
            .unwrap_or_else(|| unit.code.clone()),
        ancestors,
    }
}
