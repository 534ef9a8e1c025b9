//! The score engine: pure functions from an assessment's inputs to every derived figure.
//! No I/O; the same inputs and methodology always give the same scorecard.

use super::{Methodology, TaskClassKey, ZoneKey};
use serde::{Deserialize, Serialize};

/// One scored task: its weight in working time and its 1-5 automation score. A task's share of
/// time is its weight over the sum of all weights: editors write weights as whole percents that
/// add up to 100; data-derived tasks weigh 2 (Core) or 1 (Supplemental).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TaskInput {
    pub weight: u32,
    pub score: i64,
}

/// Everything the formula reads from an assessment.
#[derive(Debug, Clone)]
pub struct Inputs {
    pub tasks: Vec<TaskInput>,
    pub evidence: Vec<i64>,
    pub barriers: Vec<i64>,
    pub protective: Vec<i64>,
    pub growth: i64,
}

/// A task's derived figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskScore {
    /// Percent of (rated) working time, e.g. 15.0.
    pub share: f64,
    /// share x score / 100, e.g. 0.30.
    pub weighted: f64,
    pub class: TaskClassKey,
}

/// Percent of working time in each task class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Split {
    pub displaced: f64,
    pub augmented: f64,
    pub not_involved: f64,
}

impl Split {
    pub fn of(&self, class: TaskClassKey) -> f64 {
        match class {
            TaskClassKey::Displacement => self.displaced,
            TaskClassKey::Augmentation => self.augmented,
            TaskClassKey::NotInvolved => self.not_involved,
        }
    }
}

/// One dimension's indicative share of the 0-100 composition chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompositionPart {
    pub key: String,
    pub weight: f64,
    /// value / maximum x weight, rounded to one decimal.
    pub points: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Composition {
    pub parts: Vec<CompositionPart>,
    /// Sum of the rounded parts.
    pub total: f64,
    /// score - total: what the indicative shares leave unexplained.
    pub gap: f64,
}

/// One condition of a sub-label rule, and whether the role meets it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubLabelCheck {
    pub condition: String,
    pub actual: String,
    pub met: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuickScreenResult {
    pub result: String,
    /// The rule in words, e.g. "Protective 0-2 AND growth negative".
    pub rule: String,
}

/// Every figure derived from an assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    pub tasks: Vec<TaskScore>,
    /// Time-weighted task score, e.g. 2.95.
    pub weighted_sum: f64,
    /// ceiling - weighted_sum, e.g. 3.05.
    pub task_resistance: f64,
    pub split: Split,
    /// Percent of task time scoring 3 or more.
    pub share_scoring_3_plus: f64,
    pub evidence_total: i64,
    pub barriers_total: i64,
    pub protective_total: i64,
    pub growth: i64,
    pub evidence_modifier: f64,
    pub barrier_modifier: f64,
    pub growth_modifier: f64,
    /// TRS x the three modifiers, unrounded.
    pub raw: f64,
    /// The published score, rounded to the methodology's decimals and clamped to 0-100.
    pub score: f64,
    /// The zone, judged on the rounded score.
    pub zone: ZoneKey,
    pub sub_label: Option<String>,
    /// The conditions of the sub-label rules for this zone, met or not.
    pub sub_label_checks: Vec<(String, Vec<SubLabelCheck>)>,
    pub quick_screen: Option<QuickScreenResult>,
    pub composition: Composition,
}

/// Rounds half away from zero to `decimals` places.
pub fn round_to(x: f64, decimals: u32) -> f64 {
    let f = 10f64.powi(decimals as i32);
    (x * f).round() / f
}

/// Applies the methodology to an assessment's inputs.
pub fn score(m: &Methodology, inputs: &Inputs) -> Scorecard {
    // Weights and scores are whole numbers, so the weighted sum is one exact integer ratio;
    // doing it in integers keeps 2.95 from becoming 2.9499999.
    let total_weight: i64 = inputs.tasks.iter().map(|t| i64::from(t.weight)).sum::<i64>().max(1);
    let weighted_units: i64 = inputs.tasks.iter().map(|t| i64::from(t.weight) * t.score).sum();
    let weighted_sum = round_to(weighted_units as f64 / total_weight as f64, 2);
    let task_resistance = round_to(m.task_resistance.ceiling - weighted_sum, 2);
    let percent = |weight: i64| weight as f64 * 100.0 / total_weight as f64;

    let mut split_weights = [0i64; 3];
    let mut tasks = Vec::with_capacity(inputs.tasks.len());
    for t in &inputs.tasks {
        let class = m.task_class(t.score).map_or(TaskClassKey::NotInvolved, |c| c.key);
        let slot = TaskClassKey::ALL.iter().position(|&k| k == class).unwrap_or(2);
        split_weights[slot] += i64::from(t.weight);
        let share = percent(i64::from(t.weight));
        tasks.push(TaskScore { share, weighted: share * t.score as f64 / 100.0, class });
    }
    let split = Split {
        displaced: percent(split_weights[0]),
        augmented: percent(split_weights[1]),
        not_involved: percent(split_weights[2]),
    };
    let share_scoring_3_plus = percent(inputs.tasks.iter().filter(|t| t.score >= 3).map(|t| i64::from(t.weight)).sum());

    let evidence_total: i64 = inputs.evidence.iter().sum();
    let barriers_total: i64 = inputs.barriers.iter().sum();
    let protective_total: i64 = inputs.protective.iter().sum();
    let growth = inputs.growth;

    let evidence_modifier = round_to(1.0 + evidence_total as f64 * m.modifiers.evidence_per_point, 4);
    let barrier_modifier = round_to(1.0 + barriers_total as f64 * m.modifiers.barriers_per_point, 4);
    let growth_modifier = round_to(1.0 + growth as f64 * m.modifiers.growth_per_point, 4);
    let raw = task_resistance * evidence_modifier * barrier_modifier * growth_modifier;
    let unrounded = (raw - m.scale.raw_floor) / m.scale.raw_span * 100.0;
    let score = round_to(unrounded, m.scale.decimals).clamp(0.0, 100.0);
    let zone = zone_for(m, score);

    let facts = Facts { share_scoring_3_plus, growth, barriers_total, augmented: split.augmented };
    let (sub_label, sub_label_checks) = sub_label(m, zone, &facts);
    let quick_screen = quick_screen(m, protective_total, growth);

    let composition = composition(
        m,
        score,
        [
            (task_resistance, m.task_resistance_max()),
            (evidence_total as f64, m.evidence_range().1 as f64),
            (barriers_total as f64, m.barrier_range().1 as f64),
            (protective_total as f64, m.protective_range().1 as f64),
            (growth as f64, m.growth.max_score as f64),
        ],
    );

    Scorecard {
        tasks,
        weighted_sum,
        task_resistance,
        split,
        share_scoring_3_plus,
        evidence_total,
        barriers_total,
        protective_total,
        growth,
        evidence_modifier,
        barrier_modifier,
        growth_modifier,
        raw,
        score,
        zone,
        sub_label,
        sub_label_checks,
        quick_screen,
        composition,
    }
}

/// The zone of a published (rounded) score: the first, highest zone whose minimum it reaches.
pub fn zone_for(m: &Methodology, score: f64) -> ZoneKey {
    m.zones.iter().find(|z| score >= z.min_score).or(m.zones.last()).map_or(ZoneKey::Red, |z| z.key)
}

struct Facts {
    share_scoring_3_plus: f64,
    growth: i64,
    barriers_total: i64,
    augmented: f64,
}

/// "30", "33.3": a percentage as pages write it, without a needless ".0".
pub fn percent(p: f64) -> String {
    let r = round_to(p, 1);
    if r.fract() == 0.0 { format!("{r:.0}") } else { format!("{r:.1}") }
}

fn sub_label(m: &Methodology, zone: ZoneKey, f: &Facts) -> (Option<String>, Vec<(String, Vec<SubLabelCheck>)>) {
    let mut label = None;
    let mut all_checks = Vec::new();
    for rule in m.sub_labels.iter().filter(|r| r.zone == zone) {
        let mut checks = Vec::new();
        if let Some(min) = rule.min_share_scoring_3_plus {
            checks.push(check(
                format!("at least {}% of task time scores 3+", percent(min)),
                format!("{}%", percent(f.share_scoring_3_plus)),
                f.share_scoring_3_plus >= min,
            ));
        }
        if let Some(max) = rule.max_growth {
            checks.push(check(
                format!("{} {max} or lower", m.components.growth.name),
                signed(f.growth),
                f.growth <= max,
            ));
        }
        if let Some(max) = rule.max_barriers {
            let top = m.barrier_range().1;
            checks.push(check(
                format!("barriers total {max}/{top} or lower"),
                format!("{}/{top}", f.barriers_total),
                f.barriers_total <= max,
            ));
        }
        if let Some(min) = rule.min_augmented_share {
            checks.push(check(
                format!("at least {}% of task time augmented", percent(min)),
                format!("{}%", percent(f.augmented)),
                f.augmented >= min,
            ));
        }
        if label.is_none() && checks.iter().all(|c| c.met) {
            label = Some(rule.name.clone());
        }
        all_checks.push((rule.name.clone(), checks));
    }
    (label, all_checks)
}

fn check(condition: String, actual: String, met: bool) -> SubLabelCheck {
    SubLabelCheck { condition, actual, met }
}

/// "+1", "0", "-1": how the page writes signed scores.
pub fn signed(n: i64) -> String {
    if n > 0 { format!("+{n}") } else { n.to_string() }
}

fn quick_screen(m: &Methodology, protective: i64, growth: i64) -> Option<QuickScreenResult> {
    m.quick_screen.iter().find_map(|r| {
        let ok = r.min_protective.is_none_or(|v| protective >= v)
            && r.max_protective.is_none_or(|v| protective <= v)
            && r.min_growth.is_none_or(|v| growth >= v)
            && r.max_growth.is_none_or(|v| growth <= v);
        ok.then(|| {
            let p = range_words(
                r.min_protective.unwrap_or(m.protective_range().0),
                r.max_protective.unwrap_or(m.protective_range().1),
            );
            let g = match (r.min_growth, r.max_growth) {
                (_, Some(max)) if max < 0 => "correlation negative".to_string(),
                (Some(min), _) if min >= 0 => "correlation zero or positive".to_string(),
                (min, max) => format!(
                    "correlation {}",
                    range_words(min.unwrap_or(m.growth.min_score), max.unwrap_or(m.growth.max_score))
                ),
            };
            QuickScreenResult { result: r.result.clone(), rule: format!("Protective {p} AND {g}") }
        })
    })
}

fn range_words(min: i64, max: i64) -> String {
    format!("{min}-{max}")
}

fn composition(m: &Methodology, score: f64, values: [(f64, f64); 5]) -> Composition {
    let w = &m.composition;
    let weights = [
        ("task_resistance", w.task_resistance),
        ("evidence", w.evidence),
        ("barriers", w.barriers),
        ("protective", w.protective),
        ("growth", w.growth),
    ];
    let parts: Vec<CompositionPart> = weights
        .iter()
        .zip(values)
        .map(|(&(key, weight), (value, max))| CompositionPart {
            key: key.to_string(),
            weight,
            points: round_to(value / max * weight, 1),
        })
        .collect();
    let total = round_to(parts.iter().map(|p| p.points).sum(), 1);
    Composition { parts, total, gap: round_to(score - total, 1) }
}

#[cfg(test)]
mod tests;
