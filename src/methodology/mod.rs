//! The published methodology: every weight, threshold and label of the score, read from
//! `content/methodology.toml`, and the pure score engine that applies it.

pub mod components;
pub mod data_method;
pub mod engine;
pub mod moves;
pub mod sanity;
pub mod vocabulary;

pub use engine::{
    Composition, CompositionPart, Inputs, QuickScreenResult, Scorecard, Split, SubLabelCheck, TaskInput, TaskScore,
    score,
};

pub use vocabulary::{Provenance, TaskClassKey, ZoneKey};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Methodology {
    pub version: String,
    pub effective: toml::value::Datetime,
    pub name: String,
    pub seniority_levels: Vec<String>,
    /// How pages name the five parts of the score.
    pub components: components::Components,
    pub task_resistance: TaskResistance,
    /// The 1-5 scale every task is scored on.
    pub task_scores: TaskScores,
    pub task_classes: Vec<TaskClass>,
    pub modifiers: Modifiers,
    pub scale: Scale,
    pub zones: Vec<Zone>,
    pub composition: CompositionWeights,
    pub evidence: DimensionSet,
    pub barriers: DimensionSet,
    pub protective: ProtectiveSet,
    pub growth: GrowthScale,
    pub quick_screen: Vec<QuickScreenRule>,
    pub sub_labels: Vec<SubLabelRule>,
    /// How each provenance is named to readers.
    pub provenance: Vec<ProvenanceLabel>,
    /// How data-derived assessments turn research data into inputs.
    pub data_method: data_method::DataMethod,
    /// What changed from version to version and why, newest first.
    pub changelog: Vec<Change>,
    /// Which occupations count as a move within reach, and how moves rank.
    pub moves: moves::MovesRule,
}

/// One version of the methodology: what changed and why, dated, so a score history can name the
/// version behind every change of score.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub version: String,
    pub date: toml::value::Datetime,
    pub summary: String,
    pub changes: Vec<String>,
    /// What the version means for an editor role whose score and zone it leaves as they were:
    /// the reason of that role's row under it (`summary` otherwise).
    #[serde(default)]
    pub editor_roles: Option<String>,
    /// The data-derived occupations per zone under the previous version, as its last build counted
    /// them (green, yellow, red), so the methodology page can set them beside today's.
    pub zones_before: Option<ZoneCounts>,
}

/// Occupations per zone.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZoneCounts {
    pub green: usize,
    pub yellow: usize,
    pub red: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskScores {
    pub min: i64,
    pub max: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProvenanceLabel {
    pub key: Provenance,
    /// The line at the top of every page of this provenance.
    pub label: String,
    pub description: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskResistance {
    /// The task resistance is this ceiling less the time-weighted task score.
    pub ceiling: f64,
    pub description: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskClass {
    pub key: TaskClassKey,
    pub label: String,
    pub min_score: i64,
    pub max_score: i64,
    pub description: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Modifiers {
    pub evidence_per_point: f64,
    pub barriers_per_point: f64,
    pub growth_per_point: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub raw_floor: f64,
    pub raw_span: f64,
    pub decimals: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    pub key: ZoneKey,
    pub name: String,
    pub min_score: f64,
    pub headline: String,
    pub verdict: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompositionWeights {
    pub task_resistance: f64,
    pub evidence: f64,
    pub barriers: f64,
    pub protective: f64,
    pub growth: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionSet {
    pub min_score: i64,
    pub max_score: i64,
    pub description: String,
    pub dimensions: Vec<Dimension>,
    pub bands: Vec<Band>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub key: String,
    pub name: String,
    /// A shorter name for charts; defaults to `name`.
    pub short: Option<String>,
}

impl Dimension {
    pub fn short_name(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub min: i64,
    pub label: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtectiveSet {
    pub min_score: i64,
    pub max_score: i64,
    pub description: String,
    pub principles: Vec<Principle>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Principle {
    pub key: String,
    pub name: String,
    pub short: Option<String>,
    /// What each score means, indexed from 0.
    pub levels: Vec<String>,
}

impl Principle {
    pub fn short_name(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GrowthScale {
    pub min_score: i64,
    pub max_score: i64,
    pub description: String,
    /// Indexed from `min_score`.
    pub labels: Vec<String>,
    pub effects: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuickScreenRule {
    pub min_protective: Option<i64>,
    pub max_protective: Option<i64>,
    pub min_growth: Option<i64>,
    pub max_growth: Option<i64>,
    pub result: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubLabelRule {
    pub zone: ZoneKey,
    pub name: String,
    pub description: String,
    pub min_share_scoring_3_plus: Option<f64>,
    pub max_growth: Option<i64>,
    pub max_barriers: Option<i64>,
    pub min_augmented_share: Option<f64>,
}

/// The protective principles, evidence dimensions and barriers that role files name by key.
/// The role format has a field for each, so methodology.toml must list exactly these.
pub const PROTECTIVE_KEYS: [&str; 3] = ["embodied_physicality", "interpersonal_connection", "moral_judgment"];
pub const EVIDENCE_KEYS: [&str; 5] =
    ["job_postings", "company_actions", "wage_trends", "tool_maturity", "expert_consensus"];
pub const BARRIER_KEYS: [&str; 5] = ["regulatory", "physical", "union", "liability", "cultural"];

impl Methodology {
    /// Checks what serde cannot; each message says how to fix it.
    pub fn problems(&self) -> Vec<String> {
        // Infinite or absurd numbers first: the checks below do arithmetic on them.
        let insane = sanity::finite_and_sane(self);
        if !insane.is_empty() {
            return insane.iter().map(ToString::to_string).collect();
        }
        let mut out = self.moves.problems();
        let TaskScores { min, max } = self.task_scores;
        if min >= max {
            out.push(format!("[task_scores] min ({min}) must be below max ({max})"));
        }
        for s in min..=max {
            let n = self.task_classes.iter().filter(|c| c.min_score <= s && s <= c.max_score).count();
            if n != 1 {
                out.push(format!(
                    "task score {s} falls in {n} task classes; make the [[task_classes]] ranges cover {min}-{max} exactly once"
                ));
            }
        }
        for key in TaskClassKey::ALL {
            if !self.task_classes.iter().any(|c| c.key == key) {
                out.push(format!("no task class with key \"{key}\"; add a [[task_classes]] table for it"));
            }
        }
        for key in ZoneKey::ALL {
            if !self.zones.iter().any(|z| z.key == key) {
                out.push(format!("no zone with key \"{key}\"; add a [[zones]] table for it"));
            }
        }
        for key in Provenance::ALL {
            if !self.provenance.iter().any(|p| p.key == key) {
                out.push(format!("no provenance with key \"{key}\"; add a [[provenance]] table for it"));
            }
        }
        if !self.zones.windows(2).all(|w| w[0].min_score > w[1].min_score) {
            out.push("[[zones]] must be listed highest min_score first".into());
        }
        let keys = |dims: &[Dimension]| dims.iter().map(|d| d.key.clone()).collect::<Vec<_>>();
        if keys(&self.evidence.dimensions) != EVIDENCE_KEYS {
            out.push(format!("[evidence] dimensions must be, in order: {EVIDENCE_KEYS:?}"));
        }
        if keys(&self.barriers.dimensions) != BARRIER_KEYS {
            out.push(format!("[barriers] dimensions must be, in order: {BARRIER_KEYS:?}"));
        }
        let principle_keys: Vec<_> = self.protective.principles.iter().map(|p| p.key.as_str()).collect();
        if principle_keys != PROTECTIVE_KEYS {
            out.push(format!("[protective] principles must be, in order: {PROTECTIVE_KEYS:?}"));
        }
        let levels = (self.protective.max_score - self.protective.min_score + 1) as usize;
        for p in &self.protective.principles {
            if p.levels.len() != levels {
                out.push(format!("principle {} needs {levels} levels, one per score", p.key));
            }
        }
        let growth_steps = (self.growth.max_score - self.growth.min_score + 1) as usize;
        if self.growth.labels.len() != growth_steps || self.growth.effects.len() != growth_steps {
            out.push(format!("[growth] needs {growth_steps} labels and effects, one per score"));
        }
        if self.scale.raw_span <= 0.0 {
            out.push("[scale] raw_span must be positive".into());
        }
        out.extend(self.data_method.problems(self));
        out
    }

    /// The zone named by `key`; every key has one (checked when the methodology loads).
    pub fn zone(&self, key: ZoneKey) -> &Zone {
        self.zones.iter().find(|z| z.key == key).unwrap_or(&self.zones[self.zones.len() - 1])
    }

    /// The class a task score falls in.
    pub fn task_class(&self, score: i64) -> Option<&TaskClass> {
        self.task_classes.iter().find(|c| c.min_score <= score && score <= c.max_score)
    }

    /// The class named by `key`; every key has one (checked when the methodology loads).
    pub fn class(&self, key: TaskClassKey) -> &TaskClass {
        self.task_classes.iter().find(|c| c.key == key).unwrap_or(&self.task_classes[0])
    }

    /// How pages of this provenance introduce themselves.
    pub fn provenance(&self, key: Provenance) -> &ProvenanceLabel {
        self.provenance.iter().find(|p| p.key == key).unwrap_or(&self.provenance[0])
    }

    /// The highest task resistance: the ceiling less the lowest task score (6.00 - 1 = 5.0).
    pub fn task_resistance_max(&self) -> f64 {
        self.task_resistance.ceiling - self.task_scores.min as f64
    }

    /// Lowest and highest evidence total: a dimension's range times the dimensions.
    pub fn evidence_range(&self) -> (i64, i64) {
        let n = self.evidence.dimensions.len() as i64;
        (self.evidence.min_score * n, self.evidence.max_score * n)
    }

    pub fn barrier_range(&self) -> (i64, i64) {
        let n = self.barriers.dimensions.len() as i64;
        (self.barriers.min_score * n, self.barriers.max_score * n)
    }

    pub fn protective_range(&self) -> (i64, i64) {
        let n = self.protective.principles.len() as i64;
        (self.protective.min_score * n, self.protective.max_score * n)
    }

    pub fn growth_label(&self, growth: i64) -> &str {
        index_from(&self.growth.labels, growth - self.growth.min_score)
    }

    pub fn growth_effect(&self, growth: i64) -> &str {
        index_from(&self.growth.effects, growth - self.growth.min_score)
    }

    /// The label of the highest band whose minimum the total reaches.
    pub fn band(bands: &[Band], total: i64) -> &str {
        bands.iter().find(|b| total >= b.min).map_or("", |b| b.label.as_str())
    }

    /// Parses methodology.toml and checks it.
    pub fn from_toml(text: &str) -> Result<Self, String> {
        let m: Methodology = toml::from_str(text).map_err(|e| e.to_string())?;
        let problems = m.problems();
        if problems.is_empty() { Ok(m) } else { Err(problems.join("; ")) }
    }
}

fn index_from(items: &[String], i: i64) -> &str {
    usize::try_from(i).ok().and_then(|i| items.get(i)).map_or("", String::as_str)
}

#[cfg(test)]
pub(crate) fn bundled() -> Methodology {
    let text = include_str!("../../content/methodology.toml");
    Methodology::from_toml(text).expect("bundled methodology.toml is valid")
}
