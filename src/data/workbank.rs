//! WORKBank, Shao et al. (2025) (`content/data/workbank/`): workers' ratings of their own O*NET
//! tasks (Automation Desire 1-5, Human Agency Scale 1-5), averaged per occupation. A rating reaches
//! its occupation through the Task ID in the task metadata file.

use super::onet::read;
use super::value::{code, columns, id, number};
use crate::problem::Problem;
use rustc_hash::FxHashMap;
use std::path::Path;

pub const DIR: &str = "workbank";

/// Workers' mean ratings for one occupation.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct WorkerRatings {
    /// Mean Automation Desire (1 = do not want AI to automate the task .. 5 = want it fully).
    pub automation_desire: f64,
    /// Mean Human Agency Scale (1 = AI alone .. 5 = human involvement essential).
    pub human_agency: f64,
    /// How many worker ratings the means rest on.
    pub ratings: usize,
}

#[derive(Debug, Default)]
pub struct Workbank {
    pub by_occupation: FxHashMap<String, WorkerRatings>,
}

impl Workbank {
    pub fn load(content: &Path, problems: &mut Vec<Problem>) -> Workbank {
        let dir = content.join(DIR);
        let mut task_occupation: FxHashMap<u32, String> = FxHashMap::default();
        read(&dir, "task_statement_with_metadata.csv", problems, |t, p| {
            let [c, tid] = columns(t, ["O*NET-SOC Code", "Task ID"], p)?;
            for row in &t.rows {
                if let (Some(c), Some(tid)) = (code(t, row, c, p), id(t, row, tid, p)) {
                    task_occupation.insert(tid, c.to_string());
                }
            }
            Some(())
        });
        let mut sums: FxHashMap<String, (f64, f64, usize)> = FxHashMap::default();
        read(&dir, "domain_worker_desires.csv", problems, |t, p| {
            let [tid, desire, agency] =
                columns(t, ["Task ID", "Automation Desire Rating", "Human Agency Scale Rating"], p)?;
            for row in &t.rows {
                let (Some(tid), Some(d), Some(h)) =
                    (id(t, row, tid, p), number(t, row, desire, p), number(t, row, agency, p))
                else {
                    continue;
                };
                if let Some(c) = task_occupation.get(&tid) {
                    let s = sums.entry(c.clone()).or_default();
                    *s = (s.0 + d, s.1 + h, s.2 + 1);
                }
            }
            Some(())
        });
        let by_occupation = sums
            .into_iter()
            .map(|(c, (d, h, n))| {
                let n_f = n as f64;
                (c, WorkerRatings { automation_desire: d / n_f, human_agency: h / n_f, ratings: n })
            })
            .collect();
        Workbank { by_occupation }
    }
}
