//! Test support: fresh databases, small catalogue fixtures written as CSV, imports, and a real
//! server on a random loopback port.

use portal::catalogue::pipeline::import_paths;
use portal::catalogue::report::ImportReport;
use portal::config::{Config, SearchEngine, Visibility};
use portal::db::Db;
use portal::http::{self, AppState};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// A fresh database and a data directory, removed when dropped.
pub struct TestDb {
    pub db: Db,
    pub dir: tempfile::TempDir,
    /// The database URL, for child processes.
    pub url: String,
    /// The search service of the last server started by [`TestDb::serve`].
    pub search: std::sync::Mutex<Option<portal::search::Search>>,
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

impl TestDb {
    /// A new empty database (SQLite in a temporary folder, or a new PostgreSQL database).
    pub async fn new() -> TestDb {
        let dir = tempfile::tempdir().expect("tempdir");
        let url = match std::env::var("TEST_DATABASE_URL") {
            Ok(admin) if !admin.is_empty() => fresh_postgres(&admin).await,
            _ => format!("sqlite://{}/portal.db", dir.path().display()),
        };
        let db = Db::connect(&url)
            .await
            .expect("connect to the test database");
        TestDb {
            db,
            dir,
            url,
            search: std::sync::Mutex::new(None),
        }
    }

    /// The master and derivative stores of the data directory.
    pub fn store(&self) -> portal::iiif::store::Store {
        portal::iiif::store::Store::new(self.dir.path())
    }

    /// Whether this is the SQLite run (byte scans of files make sense only there).
    pub fn is_sqlite(&self) -> bool {
        self.db.dialect == portal::db::Dialect::Sqlite
    }

    /// Imports paths and returns the report.
    pub async fn import(&self, paths: &[&Path]) -> ImportReport {
        let paths: Vec<PathBuf> = paths.iter().map(|p| p.to_path_buf()).collect();
        import_paths(&self.db, &self.store(), &paths, false, &|_, _| {})
            .await
            .expect("import runs")
    }

    /// Imports CSV text given as (file name, content) written into a new folder.
    pub async fn import_csv(&self, files: &[(&str, &str)]) -> ImportReport {
        let folder = self.write_folder(files);
        self.import(&[&folder]).await
    }

    /// Writes CSV files into a new folder under the data directory's parent and returns it.
    pub fn write_folder(&self, files: &[(&str, &str)]) -> PathBuf {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let folder = self.dir.path().join(format!("input-{n}"));
        std::fs::create_dir_all(&folder).expect("mkdir");
        for (name, content) in files {
            std::fs::write(folder.join(name), content).expect("write fixture");
        }
        folder
    }

    /// Number of stored units of a level.
    pub async fn count(&self, level: &str) -> i64 {
        sqlx::query_scalar("select count(*) from units where level = $1")
            .bind(level)
            .fetch_one(&self.db.pool)
            .await
            .expect("count")
    }

    /// The effective mode of a unit, if stored.
    pub async fn effective_mode(&self, code: &str) -> Option<String> {
        sqlx::query_scalar("select effective_mode from units where code = $1")
            .bind(code)
            .fetch_optional(&self.db.pool)
            .await
            .expect("query")
    }

    /// Starts a real server on 127.0.0.1 with a random port; returns its base URL.
    pub async fn serve(&self, visibility: Visibility) -> String {
        self.serve_config(test_config(self.dir.path(), visibility))
            .await
    }
}

impl TestDb {
    /// Brings the search indexes of the last started server up to date with the database,
    /// as its background indexer would within a quarter of a second.
    pub async fn sync(&self) {
        let search = self.search.lock().expect("lock").clone();
        let search = search.expect("sync needs a server started with serve()");
        search
            .indexer()
            .catch_up(&|_, _| {})
            .await
            .expect("indexes catch up");
    }
}

/// A configuration for tests.
pub fn test_config(data_dir: &Path, visibility: Visibility) -> Config {
    Config {
        data_dir: data_dir.to_path_buf(),
        database_url: None,
        base_url: None,
        run_mode: None,
        conditional_visibility: visibility,
        archive_name: Some("Trung tâm Lưu trữ lịch sử tỉnh Thử Nghiệm".into()),
        feed_token: Some(FEED_TOKEN.into()),
        search: test_engine(),
        meili_url: std::env::var("MEILI_URL").ok().filter(|u| !u.is_empty()),
        meili_api_key: std::env::var("MEILI_API_KEY")
            .ok()
            .filter(|k| !k.is_empty()),
        // Every test gets its own Meilisearch indexes.
        meili_index_prefix: format!(
            "test_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        ),
        iiif_rights: Some("http://creativecommons.org/publicdomain/mark/1.0/".into()),
        iiif_attribution: None,
        watermark_font: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf".into(),
        ingest_workers: Some(1),
        smtp_url: None,
        smtp_from: None,
        account_months: 12,
        holidays_file: None,
    }
}

/// The feed token test servers accept (staff search through the API).
pub const FEED_TOKEN: &str = "test-feed-token";

/// The engine under test: Meilisearch when `PORTAL_SEARCH=meilisearch` and `MEILI_URL` are
/// set (scripts/test's meilisearch step), the embedded engine otherwise.
pub fn test_engine() -> SearchEngine {
    let meili = std::env::var("PORTAL_SEARCH").is_ok_and(|v| v == "meilisearch")
        && std::env::var("MEILI_URL").is_ok_and(|v| !v.is_empty());
    if meili {
        SearchEngine::Meilisearch
    } else {
        SearchEngine::Embedded
    }
}

async fn fresh_postgres(admin: &str) -> String {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let name = format!(
        "portal_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0)
    );
    let mut conn = sqlx::AnyConnection::connect(admin)
        .await
        .expect("connect to TEST_DATABASE_URL");
    sqlx::query(&format!("create database {name}"))
        .execute(&mut conn)
        .await
        .expect("create test database");
    let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(admin);
    format!("{base}/{name}")
}

/// GET a URL; returns status and body.
pub async fn get(url: &str) -> (u16, String) {
    let resp = reqwest::get(url).await.expect("request");
    let status = resp.status().as_u16();
    (status, resp.text().await.expect("body"))
}

/// Header of fonds.csv (TT05 tags).
pub const FONDS_HEADER: &str =
    "fondsCode,archiveCode,fondsName,archivesTime,language,status,mode,fondsHistory\n";
/// Header of files.csv (TT05 tags).
pub const FILES_HEADER: &str = "fondsCode,catalogNo,fileCode,fileNotation,title,maintenance,mode,language,startDate,endDate,keyword,description\n";
/// Header of documents.csv (TT05 tags).
pub const DOCS_HEADER: &str = "fileCode,docOrdinal,docId,typeName,codeNumber,codeNotation,issuedDate,organName,subject,language,mode,keyword\n";

/// A fonds row.
pub fn fonds_row(code: &str, name: &str, mode: &str) -> String {
    format!("{code},H99,{name},1990-2010,01,01,{mode},Lịch sử phông {code}\n")
}

/// A file row.
pub fn file_row(fonds: &str, no: u32, title: &str, mode: &str) -> String {
    format!(
        "{fonds},1,{fonds}.1996.01.{no:03},01.{no:03},{title},01,{mode},01,16/01/1996,19/09/1996,từ khóa,ghi chú\n"
    )
}

/// The code of file `no` of a fonds.
pub fn file_code(fonds: &str, no: u32) -> String {
    format!("{fonds}.1996.01.{no:03}")
}

/// An item row.
pub fn item_row(file: &str, ordinal: u32, subject: &str, mode: &str) -> String {
    format!(
        "{file},{ordinal},{file}.{ordinal},02,{ordinal},QĐ-UBND,05/02/1996,Ủy ban nhân dân tỉnh,{subject},01,{mode},đất đai\n"
    )
}

/// A small catalogue: fonds H99.1 with `files` public files of `items` items each.
pub fn small_catalogue(files: u32, items: u32) -> Vec<(&'static str, String)> {
    let mut f = String::from(FILES_HEADER);
    let mut d = String::from(DOCS_HEADER);
    for n in 1..=files {
        f.push_str(&file_row(
            "H99.1",
            n,
            &format!("Hồ sơ xây dựng trường số {n}"),
            "01",
        ));
        for i in 1..=items {
            d.push_str(&item_row(
                &file_code("H99.1", n),
                i,
                &format!("về việc xây dựng trường học {n}-{i}"),
                "01",
            ));
        }
    }
    vec![
        (
            "fonds.csv",
            format!(
                "{FONDS_HEADER}{}",
                fonds_row("H99.1", "Ủy ban nhân dân tỉnh Thử Nghiệm", "01")
            ),
        ),
        ("files.csv", f),
        ("documents.csv", d),
    ]
}

/// Borrowed form of a catalogue for `import_csv`.
pub fn borrow<'a>(files: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    files.iter().map(|(n, c)| (*n, c.as_str())).collect()
}

/// Problems with the stored tree: child counts that differ from the children, effective modes
/// that are not the most restrictive on the path. Empty when consistent.
pub async fn inconsistencies(db: &Db) -> Vec<String> {
    let mut out = Vec::new();
    let bad_counts: Vec<String> = sqlx::query_scalar(
        "select p.code from units p where p.child_count <> (select count(*) from units c where c.parent_id = p.unit_id and c.withdrawn = 0) \
         or p.open_child_count <> (select count(*) from units c where c.parent_id = p.unit_id and c.withdrawn = 0 and c.effective_mode = '01')",
    )
    .fetch_all(&db.pool)
    .await
    .expect("count check");
    out.extend(
        bad_counts
            .into_iter()
            .map(|c| format!("child counts of {c}")),
    );
    let bad_modes: Vec<String> = sqlx::query_scalar(
        "select c.code from units c join units p on p.unit_id = c.parent_id \
         where c.effective_mode <> case when c.own_mode > p.effective_mode then c.own_mode else p.effective_mode end",
    )
    .fetch_all(&db.pool)
    .await
    .expect("mode check");
    out.extend(
        bad_modes
            .into_iter()
            .map(|c| format!("effective mode of {c}")),
    );
    out
}

impl TestDb {
    /// Starts a real server with `config` (one a child process shares, see
    /// [`TestDb::portal_command`]); returns its base URL.
    pub async fn serve_config(&self, mut config: Config) -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        // Links in account e-mail are built on the base URL, never on the request's Host.
        config
            .base_url
            .get_or_insert_with(|| format!("http://{addr}"));
        let state = AppState::open(self.db.clone(), config, http::leptos_options("127.0.0.1:0"))
            .await
            .expect("open the search indexes");
        *self.search.lock().expect("lock") = Some(state.search.clone());
        tokio::spawn(async move {
            let _ = axum::serve(
                listener,
                http::app(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
            )
            .await;
        });
        format!("http://{addr}")
    }

    /// Writes a generated catalogue (what `portal gen-corpus` writes) of about `items` items
    /// with a fixed `seed` into a new folder under the data directory's parent; returns it.
    pub fn write_corpus(&self, items: u64, seed: u64) -> PathBuf {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let folder = self.dir.path().join(format!("corpus-{n}"));
        let mut spec = portal::corpus::CorpusSpec::new(items);
        spec.seed = seed;
        portal::corpus::generate(&spec, &folder, &|_| {}).expect("generate the corpus");
        folder
    }

    /// The built `portal` binary as a child process on this database and data directory, with
    /// the visibility and search settings of `config` (its Meilisearch index names too).
    pub fn portal_command(&self, config: &Config) -> std::process::Command {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_portal"));
        let visibility = match config.conditional_visibility {
            Visibility::Stub => "stub",
            Visibility::Hidden => "hidden",
            Visibility::Metadata => "metadata",
        };
        let engine = match config.search {
            SearchEngine::Embedded => "embedded",
            SearchEngine::Meilisearch => "meilisearch",
        };
        c.env("PORTAL_DATA_DIR", self.dir.path())
            .env("DATABASE_URL", &self.url)
            .env("PORTAL_CONDITIONAL_VISIBILITY", visibility)
            .env("PORTAL_SEARCH", engine)
            .env("MEILI_INDEX_PREFIX", &config.meili_index_prefix)
            .stdin(std::process::Stdio::null());
        c
    }
}
