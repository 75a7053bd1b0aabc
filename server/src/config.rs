//! Configuration: one typed struct read from the command line and the environment
//! (interfaces.md §2). A wrong setting stops the program with a message naming it.

use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// How much of a conditional (02) unit the public sees (domain.md §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum Visibility {
    /// Level, reference code, fonds, year range and the notice; no text.
    #[default]
    Stub,
    /// Nothing at all.
    Hidden,
    /// The description, but no pages.
    Metadata,
}

/// Which search engine serves the indexes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum SearchEngine {
    /// tantivy, stored under `$PORTAL_DATA_DIR/index/`.
    #[default]
    Embedded,
    /// A Meilisearch server at `MEILI_URL`.
    Meilisearch,
}

/// Production or demo behaviour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RunMode {
    Production,
    Demo,
}

/// Settings shared by every command.
#[derive(Args, Clone, Debug)]
pub struct Config {
    /// Data directory: database file, indexes, derivatives, outbox. Default `./data`.
    #[arg(long, env = "PORTAL_DATA_DIR", default_value = "./data", global = true)]
    pub data_dir: PathBuf,

    /// `sqlite://…` or `postgres://…`. Default: `sqlite://$PORTAL_DATA_DIR/portal.db`.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true, global = true)]
    pub database_url: Option<String>,

    /// Public URL used in links. Default: `http://` + the listen address.
    #[arg(long, env = "PORTAL_BASE_URL", global = true)]
    pub base_url: Option<String>,

    /// `production` (default for serve) or `demo` (default for demo).
    #[arg(long = "mode", env = "PORTAL_MODE", value_enum, global = true)]
    pub run_mode: Option<RunMode>,

    /// What the public sees of conditional units: `stub` (default), `hidden` or `metadata`.
    #[arg(
        long,
        env = "PORTAL_CONDITIONAL_VISIBILITY",
        value_enum,
        default_value = "stub",
        global = true
    )]
    pub conditional_visibility: Visibility,

    /// The archive's name, shown on every page and used in watermarks.
    #[arg(long, env = "PORTAL_ARCHIVE_NAME", global = true)]
    pub archive_name: Option<String>,

    /// Search engine: `embedded` (tantivy, default) or `meilisearch`.
    #[arg(
        long,
        env = "PORTAL_SEARCH",
        value_enum,
        default_value = "embedded",
        global = true
    )]
    pub search: SearchEngine,

    /// Meilisearch server URL (`http://127.0.0.1:7700`), when `PORTAL_SEARCH=meilisearch`.
    #[arg(long, env = "MEILI_URL", global = true)]
    pub meili_url: Option<String>,

    /// Meilisearch API key (the master key or one allowed to manage indexes).
    #[arg(long, env = "MEILI_API_KEY", hide_env_values = true, global = true)]
    pub meili_api_key: Option<String>,

    /// Prefix of the Meilisearch index names (`portal` gives `portal_public`, `portal_staff`).
    #[arg(
        long,
        env = "MEILI_INDEX_PREFIX",
        default_value = "portal",
        global = true
    )]
    pub meili_index_prefix: String,

    /// Bearer token of the catalogue feed API (until accounts exist, also the staff credential
    /// for conditional images).
    #[arg(long, env = "PORTAL_FEED_TOKEN", hide_env_values = true, global = true)]
    pub feed_token: Option<String>,

    /// `rights` of IIIF manifests: a Creative Commons or RightsStatements.org URI.
    #[arg(long, env = "PORTAL_IIIF_RIGHTS", global = true)]
    pub iiif_rights: Option<String>,

    /// `requiredStatement` of IIIF manifests (default: "Nguồn: {archive name}").
    #[arg(long, env = "PORTAL_IIIF_ATTRIBUTION", global = true)]
    pub iiif_attribution: Option<String>,

    /// TrueType font of the reading-copy watermark (needs Vietnamese glyphs).
    #[arg(
        long,
        env = "PORTAL_WATERMARK_FONT",
        default_value = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        global = true
    )]
    pub watermark_font: PathBuf,

    /// Background workers making digitised pages (default: one per core).
    #[arg(long, env = "PORTAL_INGEST_WORKERS", global = true)]
    pub ingest_workers: Option<usize>,

    /// SMTP server for account e-mail (`smtps://user:pass@host:465`); without it mail is
    /// written to `$PORTAL_DATA_DIR/outbox/`.
    #[arg(long, env = "SMTP_URL", hide_env_values = true, global = true)]
    pub smtp_url: Option<String>,

    /// Sender of account e-mail (default: the archive's name at `noreply@` the base URL's host).
    #[arg(long, env = "SMTP_FROM", global = true)]
    pub smtp_from: Option<String>,

    /// How long a reader account stays valid after activation or renewal, in months.
    #[arg(
        long,
        env = "PORTAL_ACCOUNT_MONTHS",
        default_value_t = 12,
        value_parser = clap::value_parser!(u32).range(1..=120),
        global = true
    )]
    pub account_months: u32,

    /// A file of the archive's own days off and swapped working days (docs/accounts.md),
    /// added to the default Vietnamese public holidays for the verification deadline.
    #[arg(long, env = "PORTAL_HOLIDAYS_FILE", global = true)]
    pub holidays_file: Option<PathBuf>,
}

/// The archive name used when none is configured.
pub const DEFAULT_ARCHIVE_NAME: &str = "Trung tâm Lưu trữ lịch sử";

impl Config {
    /// The database URL, defaulting to a SQLite file in the data directory.
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) if !url.trim().is_empty() => url.trim().to_string(),
            _ => format!("sqlite://{}", self.data_dir.join("portal.db").display()),
        }
    }

    /// The archive's name for pages.
    pub fn archive_name(&self) -> String {
        self.archive_name
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .unwrap_or(DEFAULT_ARCHIVE_NAME)
            .to_string()
    }

    /// Whether the deployment runs in demo mode (no second factor, outbox page, sandbox payments).
    pub fn is_demo(&self) -> bool {
        self.run_mode == Some(RunMode::Demo)
    }

    /// Creates the data directory when missing.
    pub fn ensure_data_dir(&self) -> anyhow::Result<()> {
        std::fs::create_dir_all(&self.data_dir).map_err(|e| {
            anyhow::anyhow!(
                "PORTAL_DATA_DIR={}: không tạo được thư mục dữ liệu ({e}); chọn một thư mục có quyền ghi",
                self.data_dir.display()
            )
        })
    }
}

/// The settings a `portal.toml` may hold: the environment variables' names.
pub const FILE_KEYS: &[&str] = &[
    "PORTAL_DATA_DIR",
    "DATABASE_URL",
    "PORTAL_SEARCH",
    "MEILI_URL",
    "MEILI_API_KEY",
    "MEILI_INDEX_PREFIX",
    "PORTAL_BIND",
    "PORTAL_BASE_URL",
    "PORTAL_MODE",
    "PORTAL_CONDITIONAL_VISIBILITY",
    "PORTAL_ARCHIVE_NAME",
    "SMTP_URL",
    "SMTP_FROM",
    "PORTAL_ACCOUNT_MONTHS",
    "PORTAL_HOLIDAYS_FILE",
    "PORTAL_FEED_TOKEN",
];

/// Reads `portal.toml` (or the file `PORTAL_CONFIG` names) and returns the settings it holds
/// that the environment does not set: the environment wins. Keys are the variables' names, in
/// any case (`PORTAL_ARCHIVE_NAME = "…"` or `portal_archive_name = "…"`).
pub fn settings_from_file() -> anyhow::Result<Vec<(String, String)>> {
    let (path, required) = match std::env::var_os("PORTAL_CONFIG") {
        Some(p) => (PathBuf::from(p), true),
        None => (PathBuf::from("portal.toml"), false),
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => anyhow::bail!(
            "PORTAL_CONFIG={}: không đọc được tệp cấu hình ({e})",
            path.display()
        ),
    };
    parse_settings(&text, &path.display().to_string(), |k| {
        std::env::var_os(k).is_some()
    })
}

/// The settings of a `portal.toml` text that `in_env` does not already set.
fn parse_settings(
    text: &str,
    name: &str,
    in_env: impl Fn(&str) -> bool,
) -> anyhow::Result<Vec<(String, String)>> {
    let table: toml::Table =
        toml::from_str(text).map_err(|e| anyhow::anyhow!("{name}: cú pháp TOML sai ({e})"))?;
    let mut out = Vec::new();
    for (key, value) in table {
        let upper = key.to_ascii_uppercase();
        if !FILE_KEYS.contains(&upper.as_str()) {
            anyhow::bail!(
                "{name}: khóa không biết \"{key}\" — dùng một trong {}",
                FILE_KEYS.join(", ")
            );
        }
        let value = match value {
            toml::Value::String(s) => s,
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Boolean(b) => b.to_string(),
            other => anyhow::bail!(
                "{name}: {key} phải là chuỗi, nhận được {}",
                other.type_str()
            ),
        };
        if !in_env(&upper) {
            out.push((upper, value));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_sets_what_the_environment_does_not() {
        let text = "portal_archive_name = \"Trung tâm Lưu trữ lịch sử tỉnh Kon Tum\"\nPORTAL_BIND = \"0.0.0.0:80\"\n";
        let got = parse_settings(text, "portal.toml", |k| k == "PORTAL_BIND").expect("parses");
        assert_eq!(
            got,
            vec![(
                "PORTAL_ARCHIVE_NAME".to_string(),
                "Trung tâm Lưu trữ lịch sử tỉnh Kon Tum".to_string()
            )]
        );
    }

    #[test]
    fn unknown_keys_and_bad_syntax_name_the_problem() {
        let e = parse_settings("PORTAL_COLOUR = \"red\"", "portal.toml", |_| false)
            .expect_err("unknown");
        assert!(e.to_string().contains("PORTAL_COLOUR"), "{e}");
        let e = parse_settings("PORTAL_BIND = ", "portal.toml", |_| false).expect_err("syntax");
        assert!(e.to_string().contains("portal.toml"), "{e}");
    }
}
