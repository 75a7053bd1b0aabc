//! The import's half of digitisation: for every accepted unit that lists `digitalFiles`, read
//! each file (from the CSV's folder, the EAD's folder or inside a TT05 package), check it is an
//! accepted format by its content, store it as a master, and queue the unit's ingest job.
//! A file that cannot be read is a warning naming the row and the file; the others go on.

use super::decode::MediaType;
use super::ingest::{self, MasterRef, Payload};
use super::store::{self, Store};
use crate::catalogue::report::ImportReport;
use crate::db::Db;
use std::sync::Arc;

/// A unit's `digitalFiles` cell as accepted by the import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    pub source: Arc<str>,
    pub line: u64,
    pub code: String,
    /// `;`-separated paths, as written.
    pub files: String,
}

/// Reads `rel` as named by a row of `source`: the bytes or a Vietnamese reason.
pub type ReadFile = dyn Fn(&str, &str) -> Result<Vec<u8>, String> + Send + Sync;

/// Stores the files of `attachments` and queues their units' ingest jobs, counting into
/// `report.pages` and adding a warning per file that fails.
pub async fn attach(
    db: &Db,
    store: &Store,
    attachments: Vec<Attachment>,
    read: Arc<ReadFile>,
    report: &mut ImportReport,
) -> anyhow::Result<()> {
    for a in attachments {
        let mut files = Vec::new();
        for name in a.files.split(';').map(str::trim).filter(|s| !s.is_empty()) {
            let (source, rel) = (a.source.clone(), name.to_string());
            let read = read.clone();
            let store2 = store.clone();
            let stored = tokio::task::spawn_blocking(move || {
                let bytes = read(&source, &rel)?;
                let media = MediaType::sniff(&bytes).ok_or_else(|| {
                    "không phải ảnh JPEG, PNG, TIFF hay tệp PDF — kiểm tra tệp hoặc xuất lại"
                        .to_string()
                })?;
                let sha = store2
                    .put_master(&bytes)
                    .map_err(|e| format!("không lưu được bản gốc: {e}"))?;
                Ok::<_, String>((sha, media, bytes.len() as u64))
            })
            .await?;
            match stored {
                Ok((sha, media, size)) => {
                    store::record_master(db, &sha, size, media.as_str()).await?;
                    report.pages.added += 1;
                    files.push(MasterRef {
                        name: name.to_string(),
                        sha,
                        media: media.as_str().to_string(),
                    });
                }
                Err(reason) => {
                    report.pages.failed += 1;
                    report.warn(crate::catalogue::model::Warning {
                        source: a.source.clone(),
                        line: Some(a.line),
                        field: "digitalFiles".into(),
                        reason: format!("{name}: {reason}"),
                    });
                }
            }
        }
        if files.is_empty() && ingest_history(db, &a.code).await?.is_none() {
            // Nothing attached now and nothing before: no job to run.
            continue;
        }
        let payload = Payload {
            code: a.code.clone(),
            files,
        };
        if ingest::queue(db, &payload).await? {
            report.pages.queued += 1;
        }
    }
    Ok(())
}

async fn ingest_history(db: &Db, code: &str) -> sqlx::Result<Option<String>> {
    crate::jobs::latest_payload(db, ingest::KIND, code).await
}
