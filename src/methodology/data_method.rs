//! The data-derived method's constants (`[data_method]` in methodology.toml): the sources, how
//! tasks are weighted and scored, and for every dimension which source it reads, what it measures
//! and the threshold table that turns the raw value into points. Checked when it is parsed, so a
//! mistyped key or an unordered table fails at load with what to fix.

mod inputs;

pub use inputs::{Combine, GROUP_MEDIAN_MIN, Licensing, Missing, MissingRule, Phrase};

use super::{BARRIER_KEYS, EVIDENCE_KEYS, Methodology, PROTECTIVE_KEYS};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, try_from = "Unchecked")]
pub struct DataMethod {
    pub description: String,
    pub sources: Vec<Source>,
    pub task_weights: TaskWeights,
    /// Task score 1-5 for each GPT-4 automation label.
    pub automation_scores: AutomationScores,
    /// O*NET generalized work activity element IDs counted as physical work.
    pub physical_gwas: Vec<String>,
    /// Intermediate work activities under other GWAs that are hands-on too (treating patients).
    pub physical_iwas: Vec<String>,
    /// Intermediate work activities under `physical_gwas` that are not physical presence (operating office equipment).
    pub physical_excluded_iwas: Vec<String>,
    /// BLS typical entry education, lowest first: the regulatory proxy's raw value is the rank (1-based).
    pub education_ranks: Vec<String>,
    /// Words that make a BLS table 1.12 factor name AI (growth).
    pub ai_terms: Vec<String>,
    /// Further words that make a factor name automation software (expert consensus reads both lists).
    pub automation_terms: Vec<String>,
    /// How the Occupational Outlook Handbook's licensing text is read (the regulatory barrier).
    pub licensing: Licensing,
    pub evidence: Vec<Rule>,
    pub barriers: Vec<Rule>,
    pub protective: Vec<Rule>,
    pub growth: Rule,
}

/// A published data set and how to cite it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub key: String,
    pub name: String,
    pub authors: String,
    pub year: u16,
    pub url: String,
    pub licence: String,
}

/// How many parts of the working week a task of each O*NET type counts for.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskWeights {
    pub core: u32,
    pub supplemental: u32,
    /// Tasks O*NET has not typed yet.
    pub unspecified: u32,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AutomationScores {
    #[serde(rename = "T0")]
    pub t0: i64,
    #[serde(rename = "T1")]
    pub t1: i64,
    #[serde(rename = "T2")]
    pub t2: i64,
    #[serde(rename = "T3")]
    pub t3: i64,
    #[serde(rename = "T4")]
    pub t4: i64,
}

impl AutomationScores {
    /// The task score for automation level 0 (T0) .. 4 (T4).
    pub fn for_level(&self, level: usize) -> i64 {
        [self.t0, self.t1, self.t2, self.t3, self.t4][level.min(4)]
    }
}

/// What a dimension's raw value is computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// No occupation-level data: 0 points, shown as "no data".
    NoData,
    /// BLS projected employment change 2024-34 minus all occupations', percentage points.
    EmploymentChangeVsAll,
    /// OEWS median annual wage change May 2021 -> May 2025 minus all occupations', percentage points.
    WageChangeVsAll,
    /// Microsoft's AI applicability score (0-1).
    AiApplicability,
    /// Net direction of BLS table 1.12 factors naming AI or automation software (+1 per increase).
    AutomationFactors,
    /// Net direction of BLS table 1.12 factors naming AI.
    AiFactors,
    /// Percent of task time whose detailed work activities fall under a physical GWA.
    PhysicalTaskShare,
    /// Rank of BLS typical entry education in `education_ranks`.
    EntryEducation,
    /// An O*NET measure (`element` on `scale`).
    OnetMeasure,
    /// The licensing class (0-2) of the occupation's Occupational Outlook Handbook profile.
    OohLicensing,
    /// The mean of O*NET 24.x work context / work activity ratings (0-100) of `elements`.
    OnetContext,
    /// WORKBank: workers' mean Human Agency Scale minus their mean Automation Desire (-4..4).
    WorkerAgency,
    /// Anthropic Economic Index, newest release: percent of all conversations that automate the
    /// occupation's tasks (their share times the automation part of their split).
    AeiAutomatedUse,
    /// Several measures (`parts`) made one by `combine`.
    Combined,
}

/// One row of a threshold table: a raw value of at least `min` earns `points`.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    pub min: f64,
    pub points: i64,
}

/// How one dimension turns data into points.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub key: String,
    /// Key of a [`Source`]; none for a dimension without data.
    pub source: Option<String>,
    pub measure: Measure,
    /// What is measured, in words for the methodology page.
    pub measured: String,
    /// The unit the raw value is shown in.
    pub unit: String,
    /// For `onet_measure`: the O*NET element ID and scale ID.
    pub element: Option<String>,
    pub scale: Option<String>,
    /// For `onet_context`: the O*NET 24.x element IDs averaged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elements: Vec<String>,
    /// Ordered rows, highest `min` first; the first row the value reaches wins.
    #[serde(default)]
    pub thresholds: Vec<Threshold>,
    /// Points when no row matches.
    #[serde(default)]
    pub otherwise: i64,
    /// For `combined`: the measures and how their points make one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Rule>,
    pub combine: Option<Combine>,
    /// A part's short name on the page ("OOH licensing").
    pub label: Option<String>,
    /// What the dimension counts as without data (every dimension states it; parts do not).
    pub missing: Option<Missing>,
}

impl Rule {
    /// Points for a raw value: the first row whose `min` it reaches, else `otherwise`.
    pub fn points(&self, raw: f64) -> i64 {
        self.thresholds.iter().find(|t| raw >= t.min).map_or(self.otherwise, |t| t.points)
    }

    /// The threshold table as the methodology page and every rating's reason write it:
    /// "at least 3: +1; at least −3: 0; otherwise −1", or "no data".
    pub fn thresholds_in_words(&self) -> String {
        let signed = super::engine::signed;
        if let Some(combine) = self.combine {
            let how = match combine {
                Combine::First => "the first of these with data",
                Combine::Max => "the highest of these with data",
                Combine::MeanTowardZero => "the mean of these with data, rounded toward zero",
            };
            let parts: Vec<String> = self
                .parts
                .iter()
                .map(|p| format!("{}: {}", p.label.as_deref().unwrap_or(&p.key), p.thresholds_in_words()))
                .collect();
            return format!("{how}: {}", parts.join(" | "));
        }
        if self.thresholds.is_empty() {
            // What it then counts as is the dimension's missing-input rule, stated beside it.
            return "no data".to_string();
        }
        let rows: Vec<String> = self
            .thresholds
            .iter()
            .map(|t| format!("at least {}: {}", t.min, signed(t.points)))
            .chain([format!("otherwise {}", signed(self.otherwise))])
            .collect();
        // Figures only: the words hold no hyphen, so every '-' here is a minus sign.
        rows.join("; ").replace('-', "\u{2212}")
    }
}

impl DataMethod {
    pub fn source(&self, key: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.key == key)
    }

    /// Checks the points against the ranges of the rest of the methodology; each message says
    /// how to fix it. (Structure is checked when parsing; this needs the sibling tables.)
    pub fn problems(&self, m: &Methodology) -> Vec<String> {
        let groups = [
            ("evidence", &self.evidence[..], m.evidence.min_score, m.evidence.max_score),
            ("barriers", &self.barriers[..], m.barriers.min_score, m.barriers.max_score),
            ("protective", &self.protective[..], m.protective.min_score, m.protective.max_score),
            ("growth", std::slice::from_ref(&self.growth), m.growth.min_score, m.growth.max_score),
        ];
        let mut out = Vec::new();
        for (group, rules, min, max) in groups {
            for rule in rules {
                let parts = rule.parts.iter().chain([rule]);
                let points = parts
                    .flat_map(|r| r.thresholds.iter().map(|t| t.points).chain([r.otherwise]))
                    .chain(rule.missing.map(|m| m.value));
                if let Some(p) = points.into_iter().find(|p| !(min..=max).contains(p)) {
                    out.push(format!(
                        "[data_method] {group} {}: {p} points is outside {min}..{max}; use points within the [{group}] range",
                        rule.key
                    ));
                }
            }
        }
        out
    }
}

/// The table as written, before the checks that serde cannot do.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Unchecked {
    description: String,
    sources: Vec<Source>,
    task_weights: TaskWeights,
    automation_scores: AutomationScores,
    physical_gwas: Vec<String>,
    physical_iwas: Vec<String>,
    physical_excluded_iwas: Vec<String>,
    education_ranks: Vec<String>,
    ai_terms: Vec<String>,
    automation_terms: Vec<String>,
    licensing: Licensing,
    evidence: Vec<Rule>,
    barriers: Vec<Rule>,
    protective: Vec<Rule>,
    growth: Rule,
}

impl TryFrom<Unchecked> for DataMethod {
    type Error = String;

    fn try_from(u: Unchecked) -> Result<Self, String> {
        let m = DataMethod {
            description: u.description,
            sources: u.sources,
            task_weights: u.task_weights,
            automation_scores: u.automation_scores,
            physical_gwas: u.physical_gwas,
            physical_iwas: u.physical_iwas,
            physical_excluded_iwas: u.physical_excluded_iwas,
            education_ranks: u.education_ranks,
            ai_terms: u.ai_terms,
            automation_terms: u.automation_terms,
            licensing: u.licensing,
            evidence: u.evidence,
            barriers: u.barriers,
            protective: u.protective,
            growth: u.growth,
        };
        let problems = m.structure_problems();
        if problems.is_empty() { Ok(m) } else { Err(format!("[data_method]: {}", problems.join("; "))) }
    }
}

impl DataMethod {
    fn structure_problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let keys = |rules: &[Rule]| rules.iter().map(|r| r.key.clone()).collect::<Vec<_>>();
        for (group, rules, expected) in [
            ("evidence", &self.evidence, &EVIDENCE_KEYS[..]),
            ("barriers", &self.barriers, &BARRIER_KEYS[..]),
            ("protective", &self.protective, &PROTECTIVE_KEYS[..]),
        ] {
            if keys(rules) != expected {
                out.push(format!("[[data_method.{group}]] must list, in order: {expected:?}"));
            }
        }
        if self.growth.key != "growth" {
            out.push("[data_method.growth] key must be \"growth\"".into());
        }
        let all = self.evidence.iter().chain(&self.barriers).chain(&self.protective).chain([&self.growth]);
        for rule in all {
            if rule.missing.is_none() {
                out.push(format!("{}: state what it counts as without data: missing = {{ counts_as = \"neutral\" or \"group_median\", value = N }}", rule.key));
            }
            out.extend(self.rule_problems(rule));
            for part in &rule.parts {
                if part.missing.is_some() || part.label.is_none() || !part.parts.is_empty() {
                    out.push(format!(
                        "{}: part {} needs a label, and no missing rule or parts of its own",
                        rule.key, part.key
                    ));
                }
                out.extend(self.rule_problems(part));
            }
        }
        if self.licensing.phrases.iter().any(|p| !(0..=2).contains(&p.class) || p.phrase.trim().is_empty()) {
            out.push("licensing phrases need words and a class 0-2".into());
        }
        let scores = self.automation_scores;
        let levels = [scores.t0, scores.t1, scores.t2, scores.t3, scores.t4];
        if levels.iter().any(|s| !(1..=5).contains(s)) || !levels.windows(2).all(|w| w[0] <= w[1]) {
            out.push("automation_scores must be task scores 1-5, not decreasing from T0 to T4".into());
        }
        let w = self.task_weights;
        if w.core == 0 || w.supplemental == 0 || w.unspecified == 0 {
            out.push("task_weights must all be positive".into());
        }
        if self.physical_gwas.is_empty() || self.ai_terms.is_empty() || self.education_ranks.is_empty() {
            out.push("physical_gwas, ai_terms and education_ranks must not be empty".into());
        }
        let mut seen = Vec::new();
        for s in &self.sources {
            if seen.contains(&s.key) {
                out.push(format!("source key \"{}\" is listed twice", s.key));
            }
            seen.push(s.key.clone());
        }
        out
    }

    fn rule_problems(&self, rule: &Rule) -> Vec<String> {
        let mut out = Vec::new();
        let k = &rule.key;
        match (&rule.source, rule.measure) {
            (None, Measure::NoData | Measure::Combined) => {}
            (Some(s), Measure::NoData) => out.push(format!("{k}: measure no_data takes no source (found \"{s}\")")),
            (None, _) => out.push(format!("{k}: name the source key this measure reads")),
            (Some(s), _) if self.source(s).is_none() => {
                out.push(format!("{k}: source \"{s}\" is not one of the [[data_method.sources]] keys"))
            }
            _ => {}
        }
        let combined = rule.measure == Measure::Combined;
        if combined != (rule.combine.is_some() && rule.parts.len() >= 2) {
            out.push(format!("{k}: measure combined takes combine and two or more parts, and only it does"));
        }
        if combined && (!rule.thresholds.is_empty() || rule.source.is_some()) {
            out.push(format!("{k}: a combined dimension takes its thresholds and sources from its parts"));
        }
        if (rule.measure == Measure::OnetContext) == rule.elements.is_empty() {
            out.push(format!("{k}: elements go with measure onet_context, and only with it"));
        }
        let onet = rule.measure == Measure::OnetMeasure;
        if onet != (rule.element.is_some() && rule.scale.is_some()) {
            out.push(format!("{k}: element and scale go with measure onet_measure, and only with it"));
        }
        if rule.measure == Measure::NoData && !rule.thresholds.is_empty() {
            out.push(format!("{k}: a no_data dimension has no thresholds"));
        }
        if rule.thresholds.iter().any(|t| !t.min.is_finite()) {
            out.push(format!("{k}: every threshold min must be a finite number"));
        }
        if !rule.thresholds.windows(2).all(|w| w[0].min > w[1].min) {
            out.push(format!("{k}: list thresholds highest min first, each min lower than the one before"));
        }
        out
    }
}

#[cfg(test)]
mod tests;
