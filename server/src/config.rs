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

    /// Bearer token of the catalogue feed API.
    #[arg(long, env = "PORTAL_FEED_TOKEN", hide_env_values = true, global = true)]
    pub feed_token: Option<String>,
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
