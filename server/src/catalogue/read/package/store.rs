//! The files of one package, zipped or unpacked, by their path relative to the package root:
//! listing, sizes, streaming reads (for hashing) and whole reads (for XML and attachments).
//!
//! A zip's root is the archive root, or its single top folder (`uuid-…/`) when `METS.xml` is
//! there. Operating-system litter (`.DS_Store`, `__MACOSX/`, `Thumbs.db` …) is not listed.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};
use zip::ZipArchive;

/// Where a package's files are read from.
pub(super) enum Store {
    Zip {
        archive: ZipArchive<BufReader<File>>,
        /// The top folder holding `METS.xml`, with its `/`, or empty.
        prefix: String,
    },
    Dir {
        root: PathBuf,
    },
}

/// Files that archivers and operating systems add and that no package declares.
pub(super) fn is_litter(rel: &str) -> bool {
    rel.split('/').any(|seg| {
        seg.starts_with('.')
            || seg == "__MACOSX"
            || seg.eq_ignore_ascii_case("Thumbs.db")
            || seg.eq_ignore_ascii_case("desktop.ini")
    })
}

/// A path inside the package that cannot leave it: `/`-separated, no `..` above the root.
pub(super) fn clean(rel: &str) -> Option<String> {
    let rel = rel.replace('\\', "/");
    if rel.starts_with('/') || rel.contains(':') {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

impl Store {
    /// Opens a zip file or a folder. The error is the message of why the zip cannot be read.
    pub(super) fn open(path: &Path) -> Result<Store, String> {
        if path.is_dir() {
            return Ok(Store::Dir {
                root: path.to_path_buf(),
            });
        }
        let file = File::open(path).map_err(|e| e.to_string())?;
        let archive = ZipArchive::new(BufReader::new(file)).map_err(|e| e.to_string())?;
        let names: Vec<String> = archive
            .file_names()
            .filter_map(Result::ok)
            .map(|n| n.into_owned())
            .collect();
        let mut prefix = String::new();
        if !names.iter().any(|n| n == "METS.xml") {
            let mut tops = names
                .iter()
                .filter(|n| !is_litter(n))
                .filter_map(|n| n.split_once('/').map(|(top, _)| top));
            if let Some(top) = tops.next()
                && tops.all(|t| t == top)
                && names.iter().any(|n| *n == format!("{top}/METS.xml"))
            {
                prefix = format!("{top}/");
            }
        }
        Ok(Store::Zip { archive, prefix })
    }

    /// Every file of the package (not folders, not litter), relative to its root.
    pub(super) fn files(&self) -> io::Result<Vec<String>> {
        let mut out = Vec::new();
        match self {
            Store::Zip { archive, prefix } => {
                for name in archive.file_names().filter_map(Result::ok) {
                    if name.ends_with('/') {
                        continue;
                    }
                    let rel = name.strip_prefix(prefix.as_str()).unwrap_or(&name);
                    if !is_litter(rel) {
                        out.push(rel.to_string());
                    }
                }
            }
            Store::Dir { root } => walk(root, "", &mut out)?,
        }
        out.sort();
        Ok(out)
    }

    /// The size of a file, `None` when the package has no such file.
    pub(super) fn size(&mut self, rel: &str) -> io::Result<Option<u64>> {
        match self {
            Store::Zip { archive, prefix } => {
                let Some(i) = archive.index_for_name(&format!("{prefix}{rel}")) else {
                    return Ok(None);
                };
                let file = archive.by_index_raw(i).map_err(io::Error::other)?;
                Ok((!file.is_dir()).then(|| file.size()))
            }
            Store::Dir { root } => match std::fs::metadata(root.join(rel)) {
                Ok(m) if m.is_file() => Ok(Some(m.len())),
                Ok(_) => Ok(None),
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(e),
            },
        }
    }

    /// Streams a file through `f`; `None` when the package has no such file.
    pub(super) fn with_reader<T>(
        &mut self,
        rel: &str,
        f: impl FnOnce(&mut dyn Read) -> io::Result<T>,
    ) -> io::Result<Option<T>> {
        match self {
            Store::Zip { archive, prefix } => {
                let Some(i) = archive.index_for_name(&format!("{prefix}{rel}")) else {
                    return Ok(None);
                };
                let mut file = archive.by_index(i).map_err(io::Error::other)?;
                if file.is_dir() {
                    return Ok(None);
                }
                f(&mut file).map(Some)
            }
            Store::Dir { root } => match File::open(root.join(rel)) {
                Ok(file) if file.metadata()?.is_file() => f(&mut BufReader::new(file)).map(Some),
                Ok(_) => Ok(None),
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(e),
            },
        }
    }

    /// A whole file; `None` when the package has no such file.
    pub(super) fn read(&mut self, rel: &str) -> io::Result<Option<Vec<u8>>> {
        self.with_reader(rel, |r| {
            let mut bytes = Vec::new();
            r.read_to_end(&mut bytes)?;
            Ok(bytes)
        })
    }
}

/// Files below `dir` (real folders only, so a folder link cannot loop), as `/`-separated paths.
fn walk(dir: &Path, rel: &str, out: &mut Vec<String>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().to_string();
        let child = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        if is_litter(&child) {
            continue;
        }
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&entry.path(), &child, out)?;
        } else if kind.is_file() || entry.path().is_file() {
            out.push(child);
        }
    }
    Ok(())
}
