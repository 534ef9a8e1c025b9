//! Observed AI use over time: for each occupation and each Anthropic Economic Index release, the
//! share of the release's conversations on the occupation's tasks, how much of its task time the
//! release lists, and how those conversations split between automation and augmentation; the
//! same for every task and for the whole economy. Tasks match on their text as the site matches
//! the index everywhere ([`task_key`]).

use super::task_weight;
use crate::assessment::usage::{EconomyPoint, ObservedUsage, TaskUsage, TaskUsagePoint, UsagePoint};
use crate::data::DataSets;
use crate::data::aei::task_key;
use crate::data::aei_releases::{Modes, Release};
use crate::data::onet::Task;
use crate::methodology::data_method::TaskWeights;
use std::collections::{BTreeMap, HashSet};

/// What the build stores: every occupation with task statements, by code, and the whole economy.
#[derive(Debug, Default)]
pub struct Usage {
    pub occupations: BTreeMap<String, ObservedUsage>,
    /// One point per release, oldest first.
    pub economy: Vec<EconomyPoint>,
}

/// Measures every occupation that has task statements, and the whole economy.
pub fn measure(weights: TaskWeights, data: &DataSets) -> Usage {
    let occupations = data.onet.tasks.keys().map(|code| (code.clone(), occupation(weights, data, code))).collect();
    Usage { occupations, economy: economy(data) }
}

/// Automated and augmented percent of the classified conversations; None when none is classified.
fn split(m: Modes) -> (Option<f64>, Option<f64>) {
    let classified = m.automation + m.augmentation;
    if classified > 0.0 {
        (Some(m.automation / classified * 100.0), Some(m.augmentation / classified * 100.0))
    } else {
        (None, None)
    }
}

/// One occupation across the releases.
pub fn occupation(weights: TaskWeights, data: &DataSets, code: &str) -> ObservedUsage {
    let list = data.onet.tasks.get(code).map_or(&[][..], Vec::as_slice);
    let keyed: Vec<(&Task, String)> = list.iter().map(|t| (t, task_key(&t.text))).collect();
    let releases = data.aei_releases.0.iter().map(|r| point(weights, r, &keyed)).collect();
    let tasks = keyed
        .iter()
        .filter_map(|(t, key)| {
            let points: Vec<TaskUsagePoint> = data
                .aei_releases
                .0
                .iter()
                .filter_map(|r| {
                    let o = r.tasks.get(key)?;
                    let (automated, augmented) = o.modes.map_or((None, None), split);
                    let (release, label) = (r.files.key.to_string(), r.files.label.to_string());
                    Some(TaskUsagePoint { release, label, share: o.percent, automated, augmented })
                })
                .collect();
            (!points.is_empty()).then(|| TaskUsage { task_id: t.id, task: t.text.clone(), points })
        })
        .collect();
    ObservedUsage { occupation: code.to_string(), releases, tasks }
}

/// What one release saw of an occupation's tasks. A text the occupation lists twice counts once
/// in the share (the index has one figure per text) but both tasks count in the matched time.
fn point(weights: TaskWeights, r: &Release, keyed: &[(&Task, String)]) -> UsagePoint {
    let total: u32 = keyed.iter().map(|(t, _)| task_weight(weights, t.kind)).sum();
    let mut seen = HashSet::new();
    let (mut share, mut matched_weight, mut matched_tasks) = (0.0, 0u32, 0u32);
    let mut modes = Modes::default();
    for (t, key) in keyed {
        let Some(o) = r.tasks.get(key) else { continue };
        matched_weight += task_weight(weights, t.kind);
        matched_tasks += 1;
        if !seen.insert(key) {
            continue;
        }
        share += o.percent;
        if let Some(m) = o.modes {
            modes.automation += o.percent * m.automation;
            modes.augmentation += o.percent * m.augmentation;
        }
    }
    let (automated, augmented) = split(modes);
    UsagePoint {
        release: r.files.key.to_string(),
        label: r.files.label.to_string(),
        share,
        matched_time: if total == 0 { 0.0 } else { f64::from(matched_weight) / f64::from(total) * 100.0 },
        matched_tasks,
        tasks: keyed.len() as u32,
        automated,
        augmented,
    }
}

/// Each release as a whole: how much of it matches O*NET 30.1 task statements, and its split
/// (the first release's own figure; the others' tasks weighted by their share).
fn economy(data: &DataSets) -> Vec<EconomyPoint> {
    let onet: HashSet<String> = data.onet.tasks.values().flatten().map(|t| task_key(&t.text)).collect();
    data.aei_releases
        .0
        .iter()
        .map(|r| {
            let matched: Vec<f64> = r.tasks.iter().filter(|(k, _)| onet.contains(*k)).map(|(_, o)| o.percent).collect();
            let weighted = r.tasks.values().filter_map(|o| o.modes.map(|m| (o.percent, m)));
            let per_task = weighted.fold(None, |sum: Option<Modes>, (w, m)| {
                let s = sum.unwrap_or_default();
                Some(Modes {
                    automation: s.automation + w * m.automation,
                    augmentation: s.augmentation + w * m.augmentation,
                })
            });
            let (automated, augmented) = r.overall.or(per_task).map_or((None, None), split);
            EconomyPoint {
                release: r.files.key.to_string(),
                label: r.files.label.to_string(),
                tasks_listed: r.tasks.len() as u32,
                tasks_matched: matched.len() as u32,
                matched_share: matched.iter().sum(),
                automated,
                augmented,
            }
        })
        .collect()
}
