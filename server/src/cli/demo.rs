//! `portal demo` and `portal gen-corpus`: a generated catalogue, written as CSV and, for the
//! demo, imported on first run exactly as an archivist's catalogue would be.

use super::progress::Bar;
use crate::catalogue::pipeline;
use crate::config::Config;
use crate::corpus::{self, CorpusSpec};
use crate::db::Db;
use std::path::Path;

/// Fills an empty database with a generated demo catalogue of about `items` items.
pub async fn prepare(db: &Db, config: &Config, items: u64) -> anyhow::Result<()> {
    let stored: i64 = sqlx::query_scalar("select count(*) from units")
        .fetch_one(&db.pool)
        .await?;
    if stored > 0 {
        return Ok(());
    }
    let dir = config.data_dir.join("demo-catalogue");
    eprintln!(
        "Tạo danh mục trình diễn (generating the demo catalogue) in {} …",
        dir.display()
    );
    gen_corpus(&dir, items, 1, 0)?;
    let bar = Bar::new(0, "Nhập danh mục");
    let store = crate::iiif::store::Store::new(&config.data_dir);
    let report = pipeline::import_paths(
        db,
        &store,
        std::slice::from_ref(&dir),
        false,
        &|total, done| {
            bar.set_total(total);
            bar.inc(done);
        },
    )
    .await?;
    bar.finish();
    eprintln!("{}", report.summary());
    // Digitised records: written as an archivist's input and imported the same way, then their
    // pages made before the portal opens.
    let digitised = config.data_dir.join("demo-digitised");
    let n = super::demo_scans::write(&dir, &digitised)?;
    eprintln!("Tạo {n} tài liệu số hóa trình diễn (demo digitised records) …");
    let report = pipeline::import_paths(db, &store, &[digitised], false, &|_, _| {}).await?;
    eprintln!("{}", report.summary());
    super::pages::ingest(db, &store).await?;
    Ok(())
}

/// Writes a synthetic catalogue of about `items` items to `out`.
pub fn gen_corpus(out: &Path, items: u64, seed: u64, invalid: u64) -> anyhow::Result<()> {
    std::fs::create_dir_all(out)
        .map_err(|e| anyhow::anyhow!("--out {}: không tạo được thư mục ({e})", out.display()))?;
    let mut spec = CorpusSpec::new(items);
    spec.seed = seed;
    spec.invalid_rows = invalid;
    let bar = Bar::new(items, "Sinh danh mục");
    let summary = corpus::generate(&spec, out, &|n| bar.set_position(n))?;
    bar.finish();
    println!("{}", serde_json::to_string_pretty(&summary)?);
    Ok(())
}

/// The password of the demo accounts (demo mode only; printed at start).
pub const DEMO_PASSWORD: &str = "phong-doc-truc-tuyen";

/// The demo's accounts: an administrator (also reading-room staff), a member of the reading-room
/// staff and an active reader, made once and only in demo mode. Returns their addresses.
pub async fn accounts(db: &Db, config: &Config, base_url: &str) -> anyhow::Result<Vec<String>> {
    use crate::accounts::{Accounts, Role, flows, store};
    if !config.is_demo() {
        return Ok(Vec::new());
    }
    let people = [
        (
            "quantri@demo.invalid",
            "Lê Thị Quản Trị",
            vec![Role::Admin, Role::Staff],
        ),
        (
            "canbo@demo.invalid",
            "Trần Văn Phòng Đọc",
            vec![Role::Staff],
        ),
        (
            "docgia@demo.invalid",
            "Nguyễn Thị Độc Giả",
            vec![Role::Reader],
        ),
    ];
    let accounts = Accounts::from_config(db.clone(), config, base_url)?;
    let mut out = Vec::new();
    for (email, name, roles) in people {
        if store::by_email(db, email).await?.is_none() {
            flows::add_user(
                &accounts,
                None,
                email,
                name,
                &roles,
                Some(DEMO_PASSWORD),
                Some("demo"),
            )
            .await
            .map_err(|e| anyhow::anyhow!("demo account {email}: {e:?}"))?;
        }
        out.push(email.to_string());
    }
    Ok(out)
}
