//! The second pass over a package: the file row, then one row per item, re-reading only the small
//! metadata documents the first pass planned.

use super::store::Store;
use super::{Pkg, Plan, stamp};
use crate::catalogue::model::{Level, SourceRow};
use crate::catalogue::read::{ReadError, Rows};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Sets a cell, replacing an empty one (`force` replaces any).
fn set(cells: &mut Vec<(&'static str, String)>, tag: &'static str, value: String, force: bool) {
    match cells.iter_mut().find(|(t, _)| *t == tag) {
        Some((_, v)) if force || v.is_empty() => *v = value,
        Some(_) => {}
        None => cells.push((tag, value)),
    }
}

/// The streaming second pass.
struct PackageRows {
    path: PathBuf,
    name: Arc<str>,
    plan: Arc<Plan>,
    store: Option<Store>,
    next: usize,
    done: bool,
}

impl PackageRows {
    fn row(&mut self) -> Result<Option<SourceRow>, ReadError> {
        let p = Pkg {
            name: self.name.clone(),
        };
        if self.store.is_none() {
            if self.plan.stamp.is_some() && stamp(&self.path) != self.plan.stamp {
                return Err(ReadError::Changed {
                    file: self.name.clone(),
                });
            }
            let store = Store::open(&self.path).map_err(|message| ReadError::Zip {
                file: self.name.clone(),
                message,
            })?;
            self.store = Some(store);
        }
        let Some(store) = self.store.as_mut() else {
            return Ok(None);
        };
        let plan = &self.plan;
        let (rel, level, code, files) = match self.next.checked_sub(1) {
            None => (
                &plan.file_xml,
                Level::File,
                &plan.fonds_code,
                &plan.file_digital,
            ),
            Some(i) => match plan.items.get(i) {
                Some(item) => (&item.xml, Level::Item, &plan.file_code, &item.files),
                None => return Ok(None),
            },
        };
        self.next += 1;
        let rec = p.record(store, rel, level)?;
        let mut cells = rec.cells;
        let parent = if level == Level::File {
            "fondsCode"
        } else {
            "fileCode"
        };
        if let Some(code) = code {
            set(&mut cells, parent, code.clone(), false);
        }
        if !files.is_empty() {
            set(&mut cells, "digitalFiles", files.join(";"), true);
        }
        Ok(Some(SourceRow {
            source: self.name.clone(),
            line: rec.line,
            level,
            cells,
            defaults: Vec::new(),
        }))
    }
}

impl Iterator for PackageRows {
    type Item = Result<SourceRow, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let row = self.row().transpose();
        if !matches!(row, Some(Ok(_))) {
            self.done = true;
        }
        row
    }
}

/// Second pass: the file row, then the item rows.
pub(in crate::catalogue::read) fn rows(path: &Path, name: Arc<str>, plan: Arc<Plan>) -> Rows {
    Box::new(PackageRows {
        path: path.to_path_buf(),
        name,
        plan,
        store: None,
        next: 0,
        done: false,
    })
}
