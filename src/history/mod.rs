//! The score history: one committed, append-only file (`content/history.tsv`) with a row for
//! every change of an assessment's score, zone or methodology version, and why. The build reads
//! it (`file`, `check`), `jobzone history record` appends to it (`record`), and the page, the
//! Atom feeds, the update emails and the API all read it from the catalogue.

pub mod check;
pub mod file;
pub mod record;
pub mod today;

use crate::assessment::Key;
use crate::methodology::ZoneKey;
use serde::Serialize;

/// The history file, under the content folder.
pub const FILE: &str = "history.tsv";

/// One row: what an assessment scored from `date` on, under which methodology and data, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    /// ISO date, YYYY-MM-DD.
    pub date: String,
    #[serde(skip)]
    pub key: Key,
    pub score: f64,
    pub zone: ZoneKey,
    /// The methodology version the score was computed with, e.g. "1.1".
    pub methodology: String,
    /// The data behind the score: the data sets an estimate read (their keys in methodology.toml),
    /// or the editor review a role's figures come from.
    pub data: String,
    pub reason: String,
}

/// The data vintage of a data-derived estimate under `m`: the keys of the data sets it reads.
pub fn data_vintage(m: &crate::methodology::Methodology) -> String {
    m.data_method.sources.iter().map(|s| s.key.as_str()).collect::<Vec<_>>().join(" ")
}

/// The data vintage of an editor role: the date of the review its figures come from.
pub fn editor_vintage(date: &str) -> String {
    format!("editor review {date}")
}

/// A score as the history file and the pages write it, to the methodology's decimals.
pub fn score_text(score: f64, decimals: u32) -> String {
    format!("{score:.*}", decimals as usize)
}
