//! Rules of the code base checked as tests rather than in review: every Rust file states its
//! job, no test is switched off, `app` holds no database or file-system code, and
//! docs/architecture.md maps every server module.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn sources(dirs: &[&str]) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    for d in dirs {
        rust_files(&root().join(d), &mut files);
    }
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("read source");
            (p, text)
        })
        .collect()
}

#[test]
fn every_rust_file_starts_by_stating_its_job() {
    let missing: Vec<_> = sources(&["app", "server/src", "server/tests"])
        .into_iter()
        .filter(|(_, text)| !text.trim_start().starts_with("//!"))
        .map(|(p, _)| p.display().to_string())
        .collect();
    assert!(missing.is_empty(), "files without a //! line: {missing:?}");
}

#[test]
fn no_test_is_switched_off_and_nothing_is_left_to_do() {
    let banned = [
        concat!("#[", "ignore"),
        concat!("#[", "should_panic"),
        concat!("todo", "!("),
        concat!("unimplemented", "!("),
    ];
    for (path, text) in sources(&["app", "server/src", "server/tests"]) {
        for b in banned {
            assert!(!text.contains(b), "{} contains {b}", path.display());
        }
    }
}

#[test]
fn the_app_crate_has_no_database_or_file_system_code() {
    for (path, text) in sources(&["app"]) {
        for b in ["sqlx", "tantivy", "std::fs", "tokio::fs"] {
            assert!(!text.contains(b), "{} names {b}", path.display());
        }
    }
}

#[test]
fn the_architecture_document_maps_every_server_module() {
    let doc =
        std::fs::read_to_string(root().join("docs/architecture.md")).expect("docs/architecture.md");
    for entry in std::fs::read_dir(root().join("server/src"))
        .expect("server/src")
        .flatten()
    {
        let name = entry
            .file_name()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if ["main", "lib"].contains(&name.as_str()) {
            continue;
        }
        let shown = if entry.path().is_dir() {
            format!("server/src/{name}/")
        } else {
            format!("server/src/{name}.rs")
        };
        assert!(
            doc.contains(&shown),
            "docs/architecture.md does not mention {shown}"
        );
    }
}
