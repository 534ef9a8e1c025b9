//! The research vocabulary an assessment carries: the exposure and automation labels of
//! Eloundou et al. (2023), O*NET's task types and relatedness tiers. The model owns them; the
//! data readers in `data/` parse the published files into them.

use serde::{Deserialize, Serialize};

/// Exposure: E0 none, E1 an LLM alone halves the time, E2 LLM-powered software would.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Exposure {
    E0,
    E1,
    E2,
}

/// GPT-4's automation label, T0 (no automation) to T4 (full automation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Automation {
    T0,
    T1,
    T2,
    T3,
    T4,
}

impl Automation {
    /// 0 for T0 .. 4 for T4.
    pub fn level(self) -> usize {
        self as usize
    }
}

/// O*NET's task type. Some tasks have none yet (845 in 30.1); the method weighs them on their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskType {
    Core,
    Supplemental,
    Unspecified,
}

/// How closely O*NET relates two occupations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    PrimaryShort,
    PrimaryLong,
    Supplemental,
}
