//! Anthropic Economic Index (Handa et al. 2025): the first release (`content/data/anthropic-economic-index/`),
//! the share of Claude conversations that map to each O*NET task statement, and the newest we
//! ship (`content/data/anthropic-economic-index-2025-11/`), each task's share with its split into
//! automation and augmentation. Both are keyed by the task text in lower case as the index publishes it.

use super::onet::read;
use super::value::{columns, number, text};
use crate::problem::Problem;
use rustc_hash::FxHashMap;
use std::path::Path;

pub const DIR: &str = "anthropic-economic-index";
/// The newest release we ship (13-20 November 2025).
pub const LATEST_DIR: &str = "anthropic-economic-index-2025-11";

/// How the index's task text and an O*NET task statement are matched: trimmed, in lower case.
/// Every release is keyed this way, and every lookup goes through it.
pub fn task_key(text: &str) -> String {
    text.trim().to_lowercase()
}

/// How one task was used in the newest release.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TaskUse {
    /// Share of all conversations, percent.
    pub percent: f64,
    /// Fraction of the task's conversations that automate it (directive + feedback loop).
    pub automation: f64,
    /// Fraction that augment the worker (task iteration + validation + learning).
    pub augmentation: f64,
}

#[derive(Debug, Default)]
pub struct Aei {
    /// Share of conversations (percent, as published) by lower-cased task text.
    pub share: FxHashMap<String, f64>,
    /// The newest release by lower-cased task text.
    pub latest: FxHashMap<String, TaskUse>,
}

impl Aei {
    pub fn load(content: &Path, problems: &mut Vec<Problem>) -> Aei {
        let mut out = Aei::default();
        read(&content.join(DIR), "onet_task_mappings.csv", problems, |t, p| {
            let [task, pct] = columns(t, ["task_name", "pct"], p)?;
            for row in &t.rows {
                if let Some(v) = number(t, row, pct, p) {
                    out.share.insert(task_key(text(row, task)), v);
                }
            }
            Some(())
        });
        read(&content.join(LATEST_DIR), "automation_vs_augmentation_by_task_v3.csv", problems, |t, p| {
            let names = ["task_name", "pct", "directive", "feedback_loop", "task_iteration", "validation", "learning"];
            let [task, pct, directive, feedback, iteration, validation, learning] = columns(t, names, p)?;
            for row in &t.rows {
                let mut n = |c| number(t, row, c, p);
                let (Some(share), Some(d), Some(f), Some(i), Some(v), Some(l)) =
                    (n(pct), n(directive), n(feedback), n(iteration), n(validation), n(learning))
                else {
                    continue;
                };
                // This release publishes the share as a fraction of 1.
                let used = TaskUse { percent: share * 100.0, automation: d + f, augmentation: i + v + l };
                out.latest.insert(task_key(text(row, task)), used);
            }
            Some(())
        });
        out
    }

    /// The share for an O*NET task statement, matched on its text in lower case.
    pub fn for_task(&self, task_text: &str) -> Option<f64> {
        self.share.get(&task_key(task_text)).copied()
    }

    /// How the newest release saw an O*NET task statement used, matched on its text in lower case.
    pub fn latest_for_task(&self, task_text: &str) -> Option<TaskUse> {
        self.latest.get(&task_key(task_text)).copied()
    }
}
