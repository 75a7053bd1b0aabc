//! Signed-in staff see the pages of conditional records in full; a signed-in reader without a
//! grant sees what the public sees.

use super::steps::{PASSWORD, Portal, sign_in};
use crate::digitised::fixture::{self, CONDITIONAL_FILE, PUBLIC_FILE};
use portal::accounts::Role;

#[tokio::test]
async fn signed_in_staff_open_conditional_pages_and_readers_do_not() {
    let portal = Portal::start(true).await;
    fixture::load(&portal.db).await;
    portal
        .add_user("can.bo@example.vn", "Vũ Thị Phòng", &[Role::Staff])
        .await;
    portal
        .add_user("doc.gia@example.vn", "Lý Văn Đọc", &[Role::Reader])
        .await;
    let hidden = fixture::images_of(&portal.db, &format!("{CONDITIONAL_FILE}.1")).await;
    let open = fixture::images_of(&portal.db, &format!("{PUBLIC_FILE}.1")).await;
    let info = |id: &str| format!("/iiif/3/{id}/info.json");
    let tile = |id: &str| format!("/iiif/3/{id}/full/max/0/default.jpg");

    let mut visitor = portal.browser();
    let mut reader = portal.browser();
    let mut staff = portal.browser();
    assert_eq!(
        sign_in(&mut reader, "doc.gia@example.vn", PASSWORD)
            .await
            .status,
        303
    );
    assert_eq!(
        sign_in(&mut staff, "can.bo@example.vn", PASSWORD)
            .await
            .status,
        303
    );
    for browser in [&mut visitor, &mut reader] {
        assert_eq!(browser.get(&info(&hidden[0])).await.status, 403);
        assert_eq!(browser.get(&tile(&hidden[0])).await.status, 403);
        assert_eq!(browser.get(&info(&open[0])).await.status, 200);
    }
    assert_eq!(staff.get(&info(&hidden[0])).await.status, 200);
    assert_eq!(staff.get(&tile(&hidden[0])).await.status, 200);
    let status = staff.get("/admin/status").await;
    assert_eq!(status.status, 200, "staff see the jobs view");
    assert_eq!(reader.get("/admin/status").await.status, 401);

    // Signed out, the same browser is the public again.
    staff.submit("/account", "/account/sign-out", &[]).await;
    assert_eq!(staff.get(&info(&hidden[0])).await.status, 403);
}
