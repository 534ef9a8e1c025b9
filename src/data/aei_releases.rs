//! The Anthropic Economic Index over time: four releases (February, March, August and November
//! 2025), each the share of Claude.ai conversations on every task statement it lists and, from
//! March on, how each task's conversations split into the index's interaction patterns.
//!
//! Claude.ai only, never the pooled files: the first two releases sampled Claude.ai alone, and
//! the later ones add first-party API traffic only in their pooled files, so only the Claude.ai
//! files measure the same population in all four. The first release is read once, by
//! [`super::aei`]; its whole-release split comes from its own small table.

use super::aei::{Aei, task_key};
use super::onet::read;
use super::table::Table;
use super::value::{columns, number, text};
use crate::problem::Problem;
use rustc_hash::FxHashMap;
use std::path::Path;

/// Where one release's files are and how they publish their figures.
#[derive(Debug)]
pub struct ReleaseFiles {
    /// "2025-02": the release's month, its key in the catalogue and the API.
    pub key: &'static str,
    /// "February 2025", as readers see it.
    pub label: &'static str,
    /// The folder under `content/data/`.
    pub dir: &'static str,
    /// The table of task shares (`task_name`, `pct`); None for the first release, read by
    /// [`super::aei`].
    pub shares: Option<&'static str>,
    /// What `pct` adds up to over the whole table: 100 (percent) or 1 (a fraction).
    pub total: f64,
    /// The table of each task's interaction patterns, when the release publishes one (it may be
    /// the shares table itself).
    pub modes: Option<&'static str>,
    /// The table of the whole release's interaction patterns (`interaction_type`, `pct`), for the
    /// first release, which publishes no split per task.
    pub overall: Option<&'static str>,
}

/// The four releases, oldest first.
pub const RELEASES: [ReleaseFiles; 4] = [
    ReleaseFiles {
        key: "2025-02",
        label: "February 2025",
        dir: super::aei::DIR,
        shares: None,
        total: 100.0,
        modes: None,
        overall: Some("automation_vs_augmentation.csv"),
    },
    ReleaseFiles {
        key: "2025-03",
        label: "March 2025",
        dir: "anthropic-economic-index-2025-03",
        shares: Some("task_pct_v2.csv"),
        total: 100.0,
        modes: Some("automation_vs_augmentation_by_task.csv"),
        overall: None,
    },
    ReleaseFiles {
        key: "2025-08",
        label: "August 2025",
        dir: "anthropic-economic-index-2025-08",
        shares: Some("automation_vs_augmentation_by_task_v2_claude.csv"),
        total: 1.0,
        modes: Some("automation_vs_augmentation_by_task_v2_claude.csv"),
        overall: None,
    },
    ReleaseFiles {
        key: "2025-11",
        label: "November 2025",
        dir: super::aei::LATEST_DIR,
        shares: Some("automation_vs_augmentation_by_task_v3_claude.csv"),
        total: 1.0,
        modes: Some("automation_vs_augmentation_by_task_v3_claude.csv"),
        overall: None,
    },
];

/// How some conversations split between the index's two groups of interaction patterns, as
/// fractions of those conversations (the rest were left unclassified, "filtered" or "none").
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Modes {
    /// Directive + feedback loop.
    pub automation: f64,
    /// Task iteration + validation + learning.
    pub augmentation: f64,
}

/// One task as a release saw it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Observed {
    /// Share of the release's conversations, percent.
    pub percent: f64,
    /// How its conversations split; None when the release publishes no split per task.
    pub modes: Option<Modes>,
}

/// One release, read.
#[derive(Debug)]
pub struct Release {
    pub files: &'static ReleaseFiles,
    /// Every task the release lists, by [`task_key`].
    pub tasks: FxHashMap<String, Observed>,
    /// The whole release's split, where it publishes one of its own.
    pub overall: Option<Modes>,
}

/// The four releases, oldest first.
#[derive(Debug, Default)]
pub struct Releases(pub Vec<Release>);

impl Releases {
    /// Reads the three later releases and the first release's whole split; the first release's
    /// task shares are the ones `aei` already read.
    pub fn load(dir: &Path, aei: &Aei, problems: &mut Vec<Problem>) -> Releases {
        let releases = RELEASES.iter().map(|files| {
            let here = dir.join(files.dir);
            let mut tasks = FxHashMap::default();
            match files.shares {
                // One table holds both the shares and the patterns: read it once.
                Some(file) => read(&here, file, problems, |t, p| {
                    shares(t, files.total, &mut tasks, p)?;
                    (files.modes == Some(file)).then(|| task_modes(t, &mut tasks, p));
                    Some(())
                }),
                None => {
                    tasks.extend(aei.share.iter().map(|(k, &percent)| (k.clone(), Observed { percent, modes: None })))
                }
            }
            if let Some(file) = files.modes.filter(|m| files.shares != Some(*m)) {
                read(&here, file, problems, |t, p| task_modes(t, &mut tasks, p));
            }
            let overall = files.overall.and_then(|file| whole_release(&here, file, problems));
            Release { files, tasks, overall }
        });
        Releases(releases.collect())
    }
}

/// A release's task shares, in percent; a task listed twice, or shares that do not add up to the
/// whole release, mean the file is not the published one.
fn shares(t: &Table, total: f64, out: &mut FxHashMap<String, Observed>, p: &mut Vec<Problem>) -> Option<()> {
    let [task, pct] = columns(t, ["task_name", "pct"], p)?;
    let mut sum = 0.0;
    for row in &t.rows {
        let Some(v) = number(t, row, pct, p) else { continue };
        sum += v;
        let observed = Observed { percent: v / total * 100.0, modes: None };
        if out.insert(task_key(text(row, task)), observed).is_some() {
            p.push(t.problem(row, "this task is listed twice; restore the published file unmodified (its source is in the SOURCE.md beside it)"));
        }
    }
    if (sum - total).abs() > total * 1e-6 {
        let why = format!(
            "the shares in column \"pct\" add up to {sum}, not {total}; restore the published file unmodified (its source is in the SOURCE.md beside it)"
        );
        p.push(Problem::new(&t.path, 1, why));
    }
    Some(())
}

/// Each task's interaction patterns, onto the tasks the shares table listed.
fn task_modes(t: &Table, tasks: &mut FxHashMap<String, Observed>, p: &mut Vec<Problem>) -> Option<()> {
    let names = ["task_name", "directive", "feedback_loop", "task_iteration", "validation", "learning"];
    let [task, directive, feedback, iteration, validation, learning] = columns(t, names, p)?;
    for row in &t.rows {
        let mut n = |c| number(t, row, c, p);
        let (Some(d), Some(f), Some(i), Some(v), Some(l)) =
            (n(directive), n(feedback), n(iteration), n(validation), n(learning))
        else {
            continue;
        };
        match tasks.get_mut(&task_key(text(row, task))) {
            Some(o) => o.modes = Some(Modes { automation: d + f, augmentation: i + v + l }),
            None => p.push(unlisted(t, row, task)),
        }
    }
    Some(())
}

fn unlisted(t: &Table, row: &super::table::Row, task: usize) -> Problem {
    t.problem(
        row,
        format!(
            "task \"{}\" has interaction patterns but no share in the release's share table; restore both published files unmodified (their source is in the SOURCE.md beside them)",
            text(row, task)
        ),
    )
}

/// The first release's split of all its conversations by interaction pattern (percent), grouped
/// as the index groups them.
fn whole_release(dir: &Path, file: &str, problems: &mut Vec<Problem>) -> Option<Modes> {
    let mut out = None;
    read(dir, file, problems, |t, p| {
        let [kind, pct] = columns(t, ["interaction_type", "pct"], p)?;
        let mut modes = Modes::default();
        for row in &t.rows {
            let Some(v) = number(t, row, pct, p) else { continue };
            match text(row, kind) {
                "directive" | "feedback loop" => modes.automation += v / 100.0,
                "task iteration" | "validation" | "learning" => modes.augmentation += v / 100.0,
                "none" => {}
                other => p.push(t.problem(
                    row,
                    format!("\"{other}\" is not one of the index's interaction patterns (directive, feedback loop, task iteration, validation, learning, none); restore the published file unmodified"),
                )),
            }
        }
        out = Some(modes);
        Some(())
    });
    out
}
