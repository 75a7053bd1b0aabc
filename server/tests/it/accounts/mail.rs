//! Account e-mail over SMTP: verification and reset messages go out in the background so an
//! answer's timing says nothing about the address, and a server that does not take them is
//! logged and audited, never swallowed.

use super::client::{Browser, config};
use super::steps::{register, registration};
use crate::support::TestDb;
use std::time::Duration;

#[tokio::test]
async fn an_unreachable_smtp_server_is_audited_and_the_answer_does_not_change() {
    // A port nobody listens on: the connection is refused.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = closed.local_addr().expect("addr").port();
    drop(closed);
    let db = TestDb::new().await;
    let mut cfg = config(db.dir.path(), false);
    cfg.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
    let base = db.serve_config(cfg).await;

    let mut visitor = Browser::new(&base);
    let fields = registration("Hoàng Văn Thư", "hoang.thu@example.vn", "10");
    let r = register(&mut visitor, &fields, None).await;
    assert_eq!(
        (r.status, r.location.as_deref()),
        (303, Some("/account/register/sent"))
    );
    let r = visitor
        .submit(
            "/account/forgot",
            "/account/forgot",
            &[("email", "hoang.thu@example.vn")],
        )
        .await;
    assert_eq!(
        (r.status, r.location.as_deref()),
        (303, Some("/account/forgot?done=sent"))
    );

    let mut failed = 0i64;
    for _ in 0..100 {
        failed = sqlx::query_scalar("select count(*) from audit_log where action = 'mail.failed'")
            .fetch_one(&db.db.pool)
            .await
            .expect("audit");
        if failed >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        failed, 2,
        "both messages that could not be sent are in the audit log"
    );
    assert!(
        !db.dir.path().join("outbox").exists()
            || portal::readers::mail::list_outbox(&db.dir.path().join("outbox")).is_empty(),
        "with SMTP configured nothing goes to the outbox"
    );
}
