//! The one model of an assessment, for both provenances: an editor-reviewed role and a
//! data-derived occupation. The build produces it, the catalogue stores it (narrow card columns
//! for lists, the rest as one serialised detail), and every page renders it through the same
//! partials. Adding a field touches this model, the engine (if it is an input) and one partial.

pub mod agreement;
mod data;
mod ids;
mod key;
mod labels;
pub mod usage;

pub use crate::markdown::Section;
pub use data::{DataFacts, Ooh, Quote, RelatedOccupation, Research, Standing};
pub use ids::{RoleSlug, SocCode, is_slug, is_soc_code};
pub use key::{Key, Kind};
pub use labels::{Automation, Exposure, TaskType, Tier};

use crate::methodology::{Inputs, Provenance, Scorecard, TaskInput, ZoneKey};
use serde::{Deserialize, Serialize};

/// Everything a page shows about one assessed role or occupation.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Assessment {
    pub key: Key,
    pub provenance: Provenance,
    /// "Backend/API Developer" or "Registered Nurses".
    pub title: String,
    /// Roles only: the seniority level and its years of experience.
    pub seniority: Option<Seniority>,
    /// A role's category; an occupation's SOC major group name.
    pub category: String,
    /// The O*NET-SOC code this assessment belongs to.
    pub occupation: String,
    /// Other titles readers know it by.
    pub aliases: Vec<String>,
    /// Sanitised HTML: the paragraph under the headline.
    pub verdict_html: String,
    /// All tasks, rated or not, in the order the page lists them.
    pub tasks: Vec<Task>,
    /// In methodology order.
    pub evidence: Vec<Rated>,
    pub barriers: Vec<Rated>,
    pub protective: Vec<Rated>,
    pub growth: Rated,
    /// Sanitised HTML: the longer AI growth correlation check.
    pub growth_check_html: String,
    /// Every derived figure, as the engine returned it.
    pub card: Scorecard,
    /// The zone readers see: the formula's, unless an editor overrode it.
    pub zone: ZoneKey,
    pub transitions: Vec<Transition>,
    pub sources: Vec<Source>,
    /// ISO date of the newest revision (editor) or of the data release (data).
    pub updated: String,
    /// What only an editor writes.
    pub editorial: Option<Editorial>,
    /// What only the data-derived method knows.
    pub data: Option<DataFacts>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Seniority {
    /// One of methodology.toml's seniority levels, e.g. "Mid-Level".
    pub level: String,
    /// Its place in that list, youngest first.
    pub rank: usize,
    /// e.g. "3-5 years".
    pub experience: String,
}

/// One task of the working week.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Task {
    pub name: String,
    /// Weight in working time: a whole percent (editor) or 2 Core / 1 Supplemental (data).
    pub weight: u32,
    /// 1-5, or None where no rating exists (the task is listed but left out of the sum).
    pub score: Option<i64>,
    /// Editor: the reason for the score. Data: empty; `labels` say where it came from.
    pub rationale: String,
    pub labels: Option<TaskLabels>,
}

/// Where a data-derived task's score and exposure come from.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TaskLabels {
    /// O*NET Task ID.
    pub task_id: u32,
    pub task_type: TaskType,
    /// GPT-4's automation label T0..T4 (Eloundou et al.).
    pub automation: Option<Automation>,
    /// Human raters' exposure label.
    pub human_exposure: Option<Exposure>,
    /// GPT-4's exposure label.
    pub gpt4_exposure: Option<Exposure>,
    /// Share of Claude conversations mapped to this task (Anthropic Economic Index), percent.
    pub aei_share: Option<f64>,
}

/// A protective principle, evidence dimension, barrier or the growth correlation: its points and
/// the reason for them.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rated {
    pub key: String,
    pub score: i64,
    /// Editor: the judgement in words. Data: the rule that turned the raw value into points.
    pub rationale: String,
    /// Data-derived only: the source and the raw value behind the points.
    pub basis: Option<Basis>,
}

/// The published figure behind a data-derived rating.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Basis {
    /// Key of a source in methodology.toml's data method, or None when no source covers it.
    pub source: Option<String>,
    /// The raw value the points were judged on.
    pub raw: Option<f64>,
    /// The raw value as the page shows it, e.g. "+2.1 points vs all occupations (+5.2% vs +3.1%)".
    pub shown: String,
    /// True when no data exists: the page says "no data, counted as N" with `counted_as`.
    pub no_data: bool,
    /// Without data: the rule that gave the points, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counted_as: Option<String>,
    /// Sentences quoted from the source (BLS's stated factors).
    pub quotes: Vec<Quote>,
}

/// A move to a safer assessment: an editor's transition (with its reason) or a data-derived
/// move within reach (with what makes it reachable).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Transition {
    pub to: Key,
    /// Why the move fits, in one sentence: the editor's words; empty for data-derived moves,
    /// whose page states their figures instead.
    pub why: String,
    /// Data-derived moves: how closely O*NET relates the two occupations, if it lists them.
    #[serde(default)]
    pub related: Option<Tier>,
    /// Data-derived moves: skill and knowledge similarity (standardised cosine, two decimals).
    #[serde(default)]
    pub similarity: Option<f64>,
    /// Data-derived moves: a longer step, offered only because no higher-scoring occupation is
    /// within reach by the `[moves]` rule; the page says so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub beyond_reach: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Source {
    pub title: String,
    pub url: String,
    pub publisher: Option<String>,
}

/// The parts of a page only an editor writes. `_html` fields were sanitised at build time.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Editorial {
    pub live_tracked: bool,
    pub old_slugs: Vec<String>,
    pub primary_function: String,
    pub not_this_role: String,
    pub typical_experience: String,
    pub seniority_note_html: Option<String>,
    /// Roles the seniority note refers to.
    pub seniority_links: Vec<Key>,
    pub growth_rationale: String,
    pub quick_screen_note_html: Option<String>,
    pub reinstatement_html: String,
    pub assessor_override: Option<Override>,
    pub outlook: Outlook,
    pub commentary: Vec<Section>,
    /// Newest first.
    pub revisions: Vec<Revision>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Override {
    pub zone: ZoneKey,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Outlook {
    pub horizon: i64,
    pub future_html: String,
    pub strategy_html: Vec<String>,
    pub timeline_html: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Revision {
    /// ISO date, YYYY-MM-DD.
    pub date: String,
    pub note: String,
}

impl Assessment {
    /// The figures the score engine reads: rated tasks only.
    pub fn inputs(&self) -> Inputs {
        inputs(&self.tasks, &self.evidence, &self.barriers, &self.protective, &self.growth)
    }

    /// "Backend/API Developer (Mid-Level)" for a role, the title for an occupation.
    pub fn display_name(&self) -> String {
        match &self.seniority {
            Some(s) => format!("{} ({})", self.title, s.level),
            None => self.title.clone(),
        }
    }

    /// Tasks that enter the sum, each with its engine figures, in page order.
    pub fn rated_tasks(&self) -> impl Iterator<Item = (&Task, &crate::methodology::TaskScore)> {
        self.tasks.iter().filter(|t| t.score.is_some()).zip(&self.card.tasks)
    }
}

/// The engine's inputs from the parts of an assessment.
pub fn inputs(tasks: &[Task], evidence: &[Rated], barriers: &[Rated], protective: &[Rated], growth: &Rated) -> Inputs {
    let scores = |v: &[Rated]| v.iter().map(|r| r.score).collect();
    Inputs {
        tasks: tasks.iter().filter_map(|t| t.score.map(|score| TaskInput { weight: t.weight, score })).collect(),
        evidence: scores(evidence),
        barriers: scores(barriers),
        protective: scores(protective),
        growth: growth.score,
    }
}
