//! Tests: queueing, claiming, progress and stale claims of background jobs.
use super::*;

async fn db() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::connect(&format!("sqlite://{}/portal.db", dir.path().display()))
        .await
        .unwrap();
    (dir, db)
}

#[tokio::test]
async fn a_job_is_claimed_once_and_finished_with_its_failures() {
    let (_dir, db) = db().await;
    let id = enqueue(&db, "ingest", "H1.1", "{}").await.unwrap();
    let job = claim(&db, "w1", &["ingest"]).await.unwrap().unwrap();
    assert_eq!(job.id, id);
    assert_eq!(job.attempts, 1);
    assert!(claim(&db, "w2", &["ingest"]).await.unwrap().is_none());
    assert!(claim(&db, "w2", &["other"]).await.unwrap().is_none());
    progress(&db, id, 1, 3).await.unwrap();
    let s = status(&db, "ingest").await.unwrap();
    assert_eq!(
        (s.running, s.current.clone()),
        (1, vec![("H1.1".into(), 1, 3)])
    );
    let failure = Failure {
        file: "a.tif".into(),
        reason: "hỏng".into(),
    };
    finish(&db, id, std::slice::from_ref(&failure))
        .await
        .unwrap();
    let s = status(&db, "ingest").await.unwrap();
    assert_eq!((s.done, s.running, s.queued), (1, 0, 0));
    assert_eq!(s.failures, vec![("H1.1".to_string(), vec![failure])]);
    assert_eq!(pending(&db, "ingest").await.unwrap(), 0);
}

#[tokio::test]
async fn a_newer_job_replaces_a_queued_one_for_the_same_subject() {
    let (_dir, db) = db().await;
    enqueue(&db, "ingest", "H1.1", "old").await.unwrap();
    enqueue(&db, "ingest", "H1.1", "new").await.unwrap();
    assert_eq!(pending(&db, "ingest").await.unwrap(), 1);
    let job = claim(&db, "w", &["ingest"]).await.unwrap().unwrap();
    assert_eq!(job.payload, "new");
    assert_eq!(
        latest_payload(&db, "ingest", "H1.1")
            .await
            .unwrap()
            .as_deref(),
        Some("new")
    );
}

#[tokio::test]
async fn a_claim_left_by_a_dead_worker_is_taken_again() {
    let (_dir, db) = db().await;
    let id = enqueue(&db, "ingest", "H1.2", "{}").await.unwrap();
    claim(&db, "dead", &["ingest"]).await.unwrap().unwrap();
    sqlx::query("update jobs set claimed_at = '2000-01-01T00:00:00Z' where job_id = $1")
        .bind(id)
        .execute(&db.pool)
        .await
        .unwrap();
    let again = claim(&db, "alive", &["ingest"]).await.unwrap().unwrap();
    assert_eq!((again.id, again.attempts), (id, 2));
}
