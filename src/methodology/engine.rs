//! The score engine: pure functions from an assessment's inputs to every derived figure.
//! No I/O; the same inputs and methodology always give the same scorecard.

use super::Methodology;
use serde::{Deserialize, Serialize};

/// One task's share of working time (percent) and its 1-5 automation score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TaskInput {
    pub share: u32,
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
    /// share x score, e.g. 0.30.
    pub weighted: f64,
    /// Key of the task class ("displacement", "augmentation", "not_involved").
    pub class: String,
}

/// Percent of working time in each task class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Split {
    pub displaced: u32,
    pub augmented: u32,
    pub not_involved: u32,
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
    pub share_scoring_3_plus: u32,
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
    /// Zone key, judged on the rounded score.
    pub zone: String,
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
    // Shares are whole percents and scores whole numbers, so the weighted sum is exact in
    // hundredths; doing it in integers keeps 2.95 from becoming 2.9499999.
    let hundredths: i64 = inputs.tasks.iter().map(|t| i64::from(t.share) * t.score).sum();
    let weighted_sum = hundredths as f64 / 100.0;
    let task_resistance = round_to(m.task_resistance.ceiling - weighted_sum, 2);

    let mut split = Split::default();
    let mut tasks = Vec::with_capacity(inputs.tasks.len());
    for t in &inputs.tasks {
        let class = m.task_class(t.score).map_or("", |c| c.key.as_str()).to_string();
        match class.as_str() {
            "displacement" => split.displaced += t.share,
            "augmentation" => split.augmented += t.share,
            _ => split.not_involved += t.share,
        }
        tasks.push(TaskScore { weighted: (i64::from(t.share) * t.score) as f64 / 100.0, class });
    }
    let share_scoring_3_plus = inputs.tasks.iter().filter(|t| t.score >= 3).map(|t| t.share).sum();

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
    let zone = zone_for(m, score).to_string();

    let facts = Facts { share_scoring_3_plus, growth, barriers_total, augmented: split.augmented };
    let (sub_label, sub_label_checks) = sub_label(m, &zone, &facts);
    let quick_screen = quick_screen(m, protective_total, growth);

    let composition = composition(
        m,
        score,
        [
            (task_resistance, 5.0),
            (evidence_total as f64, (m.evidence.max_score * 5) as f64),
            (barriers_total as f64, (m.barriers.max_score * 5) as f64),
            (protective_total as f64, (m.protective.max_score * 3) as f64),
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
pub fn zone_for(m: &Methodology, score: f64) -> &str {
    m.zones.iter().find(|z| score >= z.min_score).or(m.zones.last()).map_or("", |z| z.key.as_str())
}

struct Facts {
    share_scoring_3_plus: u32,
    growth: i64,
    barriers_total: i64,
    augmented: u32,
}

fn sub_label(m: &Methodology, zone: &str, f: &Facts) -> (Option<String>, Vec<(String, Vec<SubLabelCheck>)>) {
    let mut label = None;
    let mut all_checks = Vec::new();
    for rule in m.sub_labels.iter().filter(|r| r.zone == zone) {
        let mut checks = Vec::new();
        if let Some(min) = rule.min_share_scoring_3_plus {
            checks.push(check(
                format!("at least {min}% of task time scores 3+"),
                format!("{}%", f.share_scoring_3_plus),
                f.share_scoring_3_plus >= min,
            ));
        }
        if let Some(max) = rule.max_growth {
            checks.push(check(format!("AI growth correlation {max} or lower"), signed(f.growth), f.growth <= max));
        }
        if let Some(max) = rule.max_barriers {
            checks.push(check(
                format!("barriers total {max}/10 or lower"),
                format!("{}/10", f.barriers_total),
                f.barriers_total <= max,
            ));
        }
        if let Some(min) = rule.min_augmented_share {
            checks.push(check(
                format!("at least {min}% of task time augmented"),
                format!("{}%", f.augmented),
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
                r.min_protective.unwrap_or(m.protective.min_score * 3),
                r.max_protective.unwrap_or(m.protective.max_score * 3),
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
