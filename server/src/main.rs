//! The `portal` binary: parses the command line and runs it on a Tokio runtime.

use clap::Parser;

// mimalloc: the server allocates many small strings per request and per imported row; glibc's
// allocator took 15–20% of both in profiles.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Settings from portal.toml become environment variables before anything reads them (the
    // environment wins), while the process has one thread.
    match portal::config::settings_from_file() {
        Ok(settings) => {
            for (key, value) in settings {
                // SAFETY: no other thread exists yet, so nothing reads the environment concurrently.
                unsafe { std::env::set_var(key, value) };
            }
        }
        Err(e) => {
            eprintln!("lỗi cấu hình (configuration error): {e:#}");
            return ExitCode::from(2);
        }
    }
    let cli = portal::cli::Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_http=warn,tantivy=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(portal::cli::run(cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("lỗi (error): {e:#}");
            ExitCode::FAILURE
        }
    }
}
