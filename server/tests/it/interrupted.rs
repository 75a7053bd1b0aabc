//! An import killed with SIGKILL at an arbitrary point leaves the database consistent, and
//! running it again completes it to the same state as an uninterrupted import.

use crate::support::*;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const PORTAL: &str = env!("CARGO_BIN_EXE_portal");

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_killed_midway_is_consistent_and_a_rerun_completes_it() {
    let t = TestDb::new().await;
    let corpus = t.dir.path().join("corpus");
    let status = Command::new(PORTAL)
        .args(["gen-corpus", "--items", "8000", "--out"])
        .arg(&corpus)
        .stderr(Stdio::null())
        .status()
        .expect("gen-corpus runs");
    assert!(status.success());

    let import = || {
        let mut c = Command::new(PORTAL);
        c.arg("import")
            .arg(&corpus)
            .env("PORTAL_DATA_DIR", t.dir.path())
            .env("DATABASE_URL", &t.url)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        c
    };
    let mut child = import().spawn().expect("import starts");
    // Kill it once some items have landed but (very likely) before the end.
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let items = t.count("item").await;
        if items > 0 || Instant::now() > deadline {
            break;
        }
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    let partial = t.count("item").await;
    assert!(
        inconsistencies(&t.db).await.is_empty(),
        "{:?}",
        inconsistencies(&t.db).await
    );

    let status = import().status().expect("rerun");
    assert_eq!(status.code(), Some(0), "the rerun accepts everything");
    let total = t.count("item").await;
    assert!(
        total >= partial && total > 6000,
        "partial {partial}, total {total}"
    );
    assert!(
        inconsistencies(&t.db).await.is_empty(),
        "{:?}",
        inconsistencies(&t.db).await
    );

    // The same corpus into a fresh database gives the same tree.
    let fresh = TestDb::new().await;
    fresh.import(&[&corpus]).await;
    for level in ["fonds", "series", "file", "item"] {
        assert_eq!(fresh.count(level).await, t.count(level).await, "{level}");
    }
}
