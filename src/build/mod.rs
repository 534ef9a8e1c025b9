//! The build pipeline, the one place that orchestrates: `check`, `build` and `serve` all run
//! [`pipeline::run`] (content and data read, cross-checked, derived, fingerprinted) and `build`
//! hands its result to the catalogue writer. Also the freshness test `serve` runs first.

mod fingerprint;
mod pipeline;

use crate::catalogue::{self, Input, Written};
use crate::problem::Problems;
use anyhow::Result;
use std::fs;
use std::path::Path;
use std::time::SystemTime;

/// Why a build did not write a catalogue.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("{0}")]
    Invalid(Problems),
    #[error(transparent)]
    Io(#[from] anyhow::Error),
}

/// Validates all content without writing anything.
pub fn check(content_dir: &Path) -> Result<Input, Problems> {
    pipeline::run(content_dir)
}

/// Validates the content and, only if it is all valid, replaces the catalogue.
pub fn build(content_dir: &Path, catalogue_path: &Path) -> Result<Written, BuildError> {
    let input = pipeline::run(content_dir).map_err(BuildError::Invalid)?;
    Ok(catalogue::write(&input, catalogue_path)?)
}

/// What `jobzone history record` would append to the history of this validated content now,
/// or why some change cannot be recorded; `check` mentions it.
pub fn history_due(input: &Input, today: &str) -> Result<Vec<crate::history::Point>, Vec<String>> {
    let assessed: Vec<&crate::assessment::Assessment> = input.roles.iter().chain(&input.derived).collect();
    crate::history::record::due(&input.methodology, &input.history, &assessed, today)
}

/// `jobzone history record`: validates the content, then appends to content/history.tsv a row
/// for each assessment whose score, zone or methodology version changed since its last row.
/// Returns how many rows were added; a second run right after adds none.
pub fn record_history(content_dir: &Path, today: &str) -> Result<usize, BuildError> {
    crate::history::file::iso_date(today).map_err(|why| BuildError::Io(anyhow::anyhow!("--date: {why}")))?;
    let input = pipeline::run(content_dir).map_err(BuildError::Invalid)?;
    let rows = history_due(&input, today).map_err(|why| {
        let path = content_dir.join(crate::history::FILE);
        BuildError::Invalid(Problems(why.into_iter().map(|w| crate::problem::Problem::new(&path, 0, w)).collect()))
    })?;
    let path = content_dir.join(crate::history::FILE);
    crate::history::record::append(&path, &rows, input.methodology.scale.decimals)
        .map_err(|e| anyhow::anyhow!("while appending to {}: {e}", path.display()))?;
    Ok(rows.len())
}

/// True when the catalogue is missing, was written with another schema (an older or newer
/// jobzone), or any content file is newer than it.
pub fn is_stale(content_dir: &Path, catalogue_path: &Path) -> bool {
    let Ok(built) = fs::metadata(catalogue_path).and_then(|m| m.modified()) else {
        return true;
    };
    if catalogue::stored_schema_version(catalogue_path).as_deref() != Some(catalogue::schema_version().as_str()) {
        return true;
    }
    newest_modification(content_dir).is_some_and(|newest| newest > built)
}

fn newest_modification(dir: &Path) -> Option<SystemTime> {
    let mut newest = fs::metadata(dir).and_then(|m| m.modified()).ok();
    for entry in fs::read_dir(dir).ok()?.flatten() {
        let path = entry.path();
        let time =
            if path.is_dir() { newest_modification(&path) } else { entry.metadata().and_then(|m| m.modified()).ok() };
        newest = newest.max(time);
    }
    newest
}
