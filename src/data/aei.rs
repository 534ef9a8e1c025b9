//! Anthropic Economic Index, first release (Handa et al. 2025) (`content/data/anthropic-economic-index/`):
//! the share of Claude conversations that map to each O*NET task statement, keyed by the task
//! text in lower case as the index publishes it.

use super::onet::read;
use super::value::{columns, number, text};
use crate::problem::Problem;
use rustc_hash::FxHashMap;
use std::path::Path;

pub const DIR: &str = "anthropic-economic-index";

#[derive(Debug, Default)]
pub struct Aei {
    /// Share of conversations (percent, as published) by lower-cased task text.
    pub share: FxHashMap<String, f64>,
}

impl Aei {
    pub fn load(content: &Path, problems: &mut Vec<Problem>) -> Aei {
        let mut out = Aei::default();
        read(&content.join(DIR), "onet_task_mappings.csv", problems, |t, p| {
            let [task, pct] = columns(t, ["task_name", "pct"], p)?;
            for row in &t.rows {
                if let Some(v) = number(t, row, pct, p) {
                    out.share.insert(text(row, task).to_lowercase(), v);
                }
            }
            Some(())
        });
        out
    }

    /// The share for an O*NET task statement, matched on its text in lower case.
    pub fn for_task(&self, task_text: &str) -> Option<f64> {
        self.share.get(&task_text.trim().to_lowercase()).copied()
    }
}
