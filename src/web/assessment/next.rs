//! "What to do next" (`partials/assessment/next.html`): the moves within reach, each with what
//! it changes (points, zone, similarity, Job Zone, pay, openings, tasks), and the job's own tasks
//! that resist AI most, to lean into.

use super::words::zone_tag;
use crate::assessment::{Assessment, DataFacts, Tier};
use crate::catalogue::models::{Card, TaskRow, TransitionTarget};
use crate::methodology::{Methodology, TaskClassKey};
use crate::transition::Move;
use crate::web::charts::{self, Segment};

/// Most of the job's own tasks listed under "Lean into".
const LEAN_INTO: usize = 3;

/// One move, as its card shows it.
pub struct MoveCard {
    /// The editor's reason; empty for data-derived moves.
    pub why: String,
    /// "GREEN (Transforming)".
    pub zone_name: String,
    pub step: Move,
    pub summary: String,
    pub from_split: Vec<Segment>,
    pub to_split: Vec<Segment>,
    /// True when the move reaches a better zone.
    pub better_zone: bool,
    /// O*NET's relatedness in words, when O*NET lists the move.
    pub related: Option<&'static str>,
    /// Skill and knowledge similarity, -1..1.
    pub similarity: Option<f64>,
    /// A longer step: nothing higher-scoring is within reach, so the most alike one is offered.
    pub beyond_reach: bool,
    /// (from, to) O*NET Job Zones, where both are known.
    pub job_zones: Option<(u8, u8)>,
    /// Median annual wage, May 2025: (from, to) dollars, where both are published.
    pub wages: Option<(f64, f64)>,
    /// The target's annual openings, 2024-34.
    pub openings: Option<f64>,
    /// The move cuts the median wage by more than `[moves] max_pay_cut`.
    pub cuts_pay: bool,
}

impl MoveCard {
    /// Median wage change in dollars, to the nearest hundred.
    pub fn wage_change(&self) -> Option<f64> {
        self.wages.map(|(a, b)| ((b - a) / 100.0).round() * 100.0)
    }

    /// The Job Zone step: +1 one more level of preparation, 0 the same.
    pub fn job_zone_step(&self) -> Option<i64> {
        self.job_zones.map(|(a, b)| i64::from(b) - i64::from(a))
    }
}

/// A task of the job's own, named with its share of time and score.
pub struct OwnTask {
    pub name: String,
    /// Percent of rated time.
    pub share: f64,
    pub score: i64,
    pub class: TaskClassKey,
}

/// O*NET's relatedness tier as a reader would say it.
pub fn tier_name(tier: Tier) -> &'static str {
    match tier {
        Tier::PrimaryShort => "most closely related",
        Tier::PrimaryLong => "closely related",
        Tier::Supplemental => "related",
    }
}

/// The move cards, in the order the build ranked them (an editor's transitions first).
pub fn moves(
    m: &Methodology,
    card: &Card,
    a: &Assessment,
    own: Option<&DataFacts>,
    targets: Vec<TransitionTarget>,
) -> Vec<MoveCard> {
    let tasks = TaskRow::of(a);
    let floor = |z| m.zone(z).min_score;
    targets
        .into_iter()
        .map(|t| {
            let step = Move::between(card, &tasks, &t.card, &t.tasks);
            let theirs = t.facts.as_ref();
            let both = |f: fn(&DataFacts) -> Option<f64>| own.and_then(f).zip(theirs.and_then(f));
            let wages = both(|f| f.median_wage_2025);
            MoveCard {
                why: t.move_.why,
                zone_name: zone_tag(m, t.card.zone, t.card.sub_label.as_deref()),
                summary: step.summary(),
                from_split: charts::split_bar(m, &card.split),
                to_split: charts::split_bar(m, &t.card.split),
                better_zone: floor(t.card.zone) > floor(card.zone),
                related: t.move_.related.map(tier_name),
                similarity: t.move_.similarity,
                beyond_reach: t.move_.beyond_reach,
                job_zones: own.and_then(|f| f.job_zone).zip(theirs.and_then(|f| f.job_zone)),
                wages,
                cuts_pay: wages.is_some_and(|(from, to)| m.moves.cuts_pay(Some(from), Some(to))),
                openings: theirs.and_then(|f| f.annual_openings),
                step,
            }
        })
        .collect()
}

/// The job's rated tasks that resist AI most: lowest score first, then most time; none from the
/// displacement class (work AI takes over is nothing to lean into).
pub fn lean_into(a: &Assessment) -> Vec<OwnTask> {
    let mut own = own_tasks(a);
    own.retain(|t| t.class != TaskClassKey::Displacement);
    own
}

/// The job's rated tasks, least exposed first (lowest score, then most time), at most `LEAN_INTO`.
pub fn own_tasks(a: &Assessment) -> Vec<OwnTask> {
    let mut own: Vec<OwnTask> = a
        .rated_tasks()
        .map(|(t, s)| OwnTask {
            name: t.name.clone(),
            share: s.share,
            score: t.score.unwrap_or_default(),
            class: s.class,
        })
        .collect();
    own.sort_by(|x, y| x.score.cmp(&y.score).then(y.share.total_cmp(&x.share)));
    own.truncate(LEAN_INTO);
    own
}
