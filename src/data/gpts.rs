//! Eloundou, Manning, Mishkin, Rock (2023), "GPTs are GPTs" (`content/data/gpts-are-gpts/`):
//! each O*NET task's human and GPT-4 exposure labels and GPT-4 automation label, by Task ID, and
//! the occupation-level exposure shares.

use super::onet::read;
use super::value::{code, columns, id, number, text};
pub use crate::assessment::{Automation, Exposure};
use crate::problem::Problem;
use rustc_hash::FxHashMap;
use std::path::Path;

pub const DIR: &str = "gpts-are-gpts";

/// One task's labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels {
    pub human: Option<Exposure>,
    pub gpt4: Option<Exposure>,
    pub automation: Option<Automation>,
}

/// Occupation-level exposure shares (human raters, beta = E1 + 0.5 E2).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OccupationExposure {
    pub human_rating_beta: f64,
    pub dv_rating_beta: f64,
}

#[derive(Debug, Default)]
pub struct Gpts {
    pub labels: FxHashMap<u32, Labels>,
    pub occupations: FxHashMap<String, OccupationExposure>,
}

impl Gpts {
    pub fn load(content: &Path, problems: &mut Vec<Problem>) -> Gpts {
        let dir = content.join(DIR);
        let mut gpts = Gpts::default();
        read(&dir, "full_labelset.tsv", problems, |t, p| {
            let [tid, human, gpt4, auto] =
                columns(t, ["Task ID", "human_exposure_agg", "gpt4_exposure", "gpt4_automation"], p)?;
            for row in &t.rows {
                let Some(task) = id(t, row, tid, p) else { continue };
                // "E0".."E2" in the exposure columns, "T0".."T4" in the automation column; empty = unlabelled.
                let mut label = |col: usize, letter: char, max: usize| {
                    let raw = text(row, col);
                    let level = raw.strip_prefix(letter).and_then(|n| n.parse::<usize>().ok()).filter(|&n| n <= max);
                    if level.is_none() && !raw.is_empty() {
                        p.push(t.problem(row, format!("column \"{}\" holds \"{raw}\", not a label {letter}0-{letter}{max}; restore the published file unmodified (its source is in the SOURCE.md beside it)", t.headers[col])));
                    }
                    level
                };
                const EXPOSURES: [Exposure; 3] = [Exposure::E0, Exposure::E1, Exposure::E2];
                const AUTOMATION: [Automation; 5] =
                    [Automation::T0, Automation::T1, Automation::T2, Automation::T3, Automation::T4];
                let labels = Labels {
                    human: label(human, 'E', 2).map(|n| EXPOSURES[n]),
                    gpt4: label(gpt4, 'E', 2).map(|n| EXPOSURES[n]),
                    automation: label(auto, 'T', 4).map(|n| AUTOMATION[n]),
                };
                gpts.labels.insert(task, labels);
            }
            Some(())
        });
        read(&dir, "occ_level.csv", problems, |t, p| {
            let [c, human, dv] = columns(t, ["O*NET-SOC Code", "human_rating_beta", "dv_rating_beta"], p)?;
            for row in &t.rows {
                if let (Some(code), Some(h), Some(d)) =
                    (code(t, row, c, p), number(t, row, human, p), number(t, row, dv, p))
                {
                    let exposure = OccupationExposure { human_rating_beta: h, dv_rating_beta: d };
                    gpts.occupations.insert(code.to_string(), exposure);
                }
            }
            Some(())
        });
        gpts
    }
}
