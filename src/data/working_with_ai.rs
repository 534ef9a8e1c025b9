//! Tomlinson et al. (2025), "Working with AI" (`content/data/working-with-ai/`): Microsoft's AI
//! applicability score per 6-digit 2018 SOC code, shared by every O*NET code under it.

use super::onet::read;
use super::value::{code, columns, number};
use crate::problem::Problem;
use rustc_hash::FxHashMap;
use std::path::Path;

pub const DIR: &str = "working-with-ai";

#[derive(Debug, Default)]
pub struct WorkingWithAi {
    /// AI applicability score by SOC code ("15-1252").
    pub applicability: FxHashMap<String, f64>,
}

impl WorkingWithAi {
    pub fn load(content: &Path, problems: &mut Vec<Problem>) -> WorkingWithAi {
        let mut out = WorkingWithAi::default();
        read(&content.join(DIR), "soc_ai_applicability_scores.csv", problems, |t, p| {
            let [c, score] = columns(t, ["SOC Code", "ai_applicability_score"], p)?;
            for row in &t.rows {
                if let (Some(code), Some(v)) = (code(t, row, c, p), number(t, row, score, p)) {
                    out.applicability.insert(code.to_string(), v);
                }
            }
            Some(())
        });
        out
    }

    /// The score of the SOC code an O*NET-SOC code ("15-1252.00") falls under.
    pub fn for_onet(&self, onet_code: &str) -> Option<f64> {
        self.applicability.get(onet_code.get(..7)?).copied()
    }
}
