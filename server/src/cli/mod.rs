//! The `portal` command line (interfaces.md §1): one binary, one subcommand per job.

mod demo;
mod demo_scans;
mod import;
mod index;
mod pages;
mod progress;
mod users;

use crate::config::{Config, RunMode};
use crate::db::Db;
use crate::http::{self, AppState};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// The online reading room of a historical archive (Phòng đọc trực tuyến).
#[derive(Debug, Parser)]
#[command(name = "portal", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the portal (runs pending migrations first).
    Serve {
        /// Listen address.
        #[arg(long, env = "PORTAL_BIND", default_value = "127.0.0.1:3000")]
        bind: String,
    },
    /// On first run fill the data directory with a generated demo catalogue, then serve.
    Demo {
        /// Listen address.
        #[arg(long, env = "PORTAL_BIND", default_value = "127.0.0.1:3000")]
        bind: String,
        /// Items in the generated demo catalogue.
        #[arg(long, default_value_t = 3000)]
        items: u64,
    },
    /// Import catalogue input: folders, CSV, XLSX or EAD XML files.
    ///
    /// Exit codes: 0 every record accepted; 3 accepted with some records rejected (see the
    /// report); 1 nothing imported (unreadable input), with a one-line reason on stderr.
    Import {
        /// Files or folders to import (a folder: every CSV, XLSX and XML directly inside it).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Validate and report without writing anything.
        #[arg(long)]
        dry_run: bool,
        /// Write the JSON import report to this file.
        #[arg(long)]
        report: Option<PathBuf>,
    },
    /// Rebuild both search indexes (public and staff) from the database.
    ///
    /// With the embedded engine, stop a running server first (it holds the index).
    Reindex,
    /// Write a synthetic catalogue of about N items in the CSV format.
    GenCorpus {
        /// Output folder (created when missing).
        #[arg(long)]
        out: PathBuf,
        /// About how many items.
        #[arg(long)]
        items: u64,
        /// Random seed: the same seed gives the same catalogue.
        #[arg(long, default_value_t = crate::corpus::DEFAULT_SEED)]
        seed: u64,
        /// Deliberately broken rows to include (for testing rejections).
        #[arg(long, default_value_t = 0)]
        invalid: u64,
    },
    /// Write again the image pyramids whose folder is missing (all of them with --all), from the
    /// masters: deleting `derivatives/` and running this restores every page.
    RebuildDerivatives {
        /// Rebuild every image, not only the missing ones.
        #[arg(long)]
        all: bool,
    },
    /// Run the queued page-making jobs now (they also run inside `portal serve`).
    Ingest,
    /// Publish one image outside any record under a chosen IIIF identifier (e.g. the IIIF
    /// validator's test image `67352ccc-d1b0-11e1-89ae-279075081939`).
    AddImage {
        /// The IIIF identifier (letters, digits and `-`).
        #[arg(long)]
        id: String,
        /// A JPEG, PNG or TIFF file.
        file: PathBuf,
    },
    /// Staff, approver and admin accounts.
    #[command(subcommand)]
    User(users::UserCommand),
    /// Withdraw a unit from the public portal without deleting it (or publish it again with --undo).
    Withdraw {
        /// Reference code of the unit.
        code: String,
        /// Publish the unit again.
        #[arg(long)]
        undo: bool,
    },
}

/// Runs the parsed command line and returns the process exit code.
pub async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let Cli { config, command } = cli;
    match command {
        Command::Serve { bind } => {
            let db = open_db(&config).await?;
            serve(db, config, &bind).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo { bind, items } => {
            let mut config = config;
            config.run_mode.get_or_insert(RunMode::Demo);
            // The generated catalogue belongs to a (fictional) archive: show its name.
            config
                .archive_name
                .get_or_insert_with(|| crate::corpus::ARCHIVE_NAME.to_string());
            let db = open_db(&config).await?;
            demo::prepare(&db, &config, items).await?;
            let base = config
                .base_url
                .clone()
                .unwrap_or_else(|| format!("http://{bind}"));
            let people = demo::accounts(&db, &config, &base).await?;
            if !people.is_empty() {
                eprintln!(
                    "Tài khoản trình diễn (demo accounts), mật khẩu (password) {}: {}",
                    demo::DEMO_PASSWORD,
                    people.join(", ")
                );
            }
            serve(db, config, &bind).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Import {
            paths,
            dry_run,
            report,
        } => import::run(&config, &paths, dry_run, report.as_deref()).await,
        Command::Reindex => {
            let db = open_db(&config).await?;
            index::update(&config, &db, true).await
        }
        Command::GenCorpus {
            out,
            items,
            seed,
            invalid,
        } => {
            demo::gen_corpus(&out, items, seed, invalid)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::RebuildDerivatives { all } => {
            let db = open_db(&config).await?;
            let store = crate::iiif::store::Store::new(&config.data_dir);
            let ok = pages::rebuild(&db, &store, all).await?;
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(3)
            })
        }
        Command::Ingest => {
            let db = open_db(&config).await?;
            let store = crate::iiif::store::Store::new(&config.data_dir);
            let failed = pages::ingest(&db, &store).await?;
            Ok(if failed {
                ExitCode::from(3)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::AddImage { id, file } => {
            if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                eprintln!("--id {id}: chỉ dùng chữ, số và dấu - (letters, digits and - only)");
                return Ok(ExitCode::from(1));
            }
            let bytes = std::fs::read(&file)
                .map_err(|e| anyhow::anyhow!("{}: không đọc được ({e})", file.display()))?;
            let db = open_db(&config).await?;
            let store = crate::iiif::store::Store::new(&config.data_dir);
            let layout = crate::iiif::ingest::add_standalone(&db, &store, &id, bytes).await?;
            eprintln!(
                "{id}: {}×{} (/iiif/3/{id}/info.json)",
                layout.width, layout.height
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::User(command) => users::run(&config, command).await,
        Command::Withdraw { code, undo } => {
            let db = open_db(&config).await?;
            if crate::catalogue::store::set_withdrawn(&db, &code, !undo).await? {
                eprintln!(
                    "{code}: {}",
                    if undo {
                        "đã công bố lại (published again)"
                    } else {
                        "đã rút khỏi cổng (withdrawn)"
                    }
                );
                Ok(ExitCode::SUCCESS)
            } else {
                eprintln!("{code}: không có trong cơ sở dữ liệu (no such unit)");
                Ok(ExitCode::from(1))
            }
        }
    }
}

/// Opens the configured database, creating the data directory first.
pub async fn open_db(config: &Config) -> anyhow::Result<Db> {
    config.ensure_data_dir()?;
    Db::connect(&config.database_url()).await
}

async fn serve(db: Db, config: Config, bind: &str) -> anyhow::Result<()> {
    let options = http::leptos_options(bind);
    http::serve(AppState::open(db, config, options).await?, bind).await
}
