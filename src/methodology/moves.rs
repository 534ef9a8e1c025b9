//! The rule for "What to do next": which scored occupations count as a move within reach of a
//! job, and how moves are ranked. Read from `[moves]` in methodology.toml and shown on
//! /methodology, so the rule a page follows is the one it states.

use serde::{Deserialize, Serialize};

/// `[moves]` in methodology.toml.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MovesRule {
    /// The rule in words, for /methodology.
    pub description: String,
    /// Lowest skill-and-knowledge similarity (standardised cosine, -1..1) that counts as within
    /// reach on its own; O*NET's related occupations count whatever their similarity.
    pub min_similarity: f64,
    /// Most O*NET Job Zones a move may climb (more preparation than that is not within reach).
    pub max_job_zone_step: i64,
    /// When ranking, the gain of a move that climbs a Job Zone counts at this weight (0-1): more
    /// preparation makes it less feasible.
    pub climb_weight: f64,
    /// Fewest points a move must gain to be listed.
    pub min_points: f64,
    /// Most moves a page lists (an editor's own transitions come first and are always listed).
    pub shown: usize,
    /// A move whose median wage is more than this fraction below the job's own (both published)
    /// cuts pay: it ranks after every move that does not, and its card says so.
    pub max_pay_cut: f64,
}

impl MovesRule {
    /// Whether a candidate is within reach: related by O*NET or similar enough, and at most
    /// `max_job_zone_step` Job Zones up (unknown Job Zones do not block a move).
    pub fn within_reach(&self, related: bool, similarity: Option<f64>, step: Option<i64>) -> bool {
        let close = related || similarity.is_some_and(|s| s >= self.min_similarity);
        close && step.is_none_or(|s| s <= self.max_job_zone_step)
    }

    /// How a move ranks among those within reach: its points, weighted by similarity (a related
    /// occupation without a profile counts as `min_similarity`) and by `climb_weight` when it
    /// climbs a Job Zone.
    pub fn rank(&self, points: f64, similarity: Option<f64>, step: Option<i64>) -> f64 {
        let climb = if step.is_some_and(|s| s > 0) { self.climb_weight } else { 1.0 };
        points * similarity.unwrap_or(self.min_similarity).max(0.0) * climb
    }

    /// Whether moving from a median wage of `from` to one of `to` cuts pay by more than
    /// `max_pay_cut`; unknown wages cut nothing.
    pub fn cuts_pay(&self, from: Option<f64>, to: Option<f64>) -> bool {
        from.zip(to).is_some_and(|(from, to)| to < from * (1.0 - self.max_pay_cut))
    }

    /// Problems with the rule's figures, for the methodology check.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !(-1.0..=1.0).contains(&self.min_similarity) {
            out.push(format!("[moves] min_similarity ({}) must lie between -1 and 1", self.min_similarity));
        }
        if !(0.0..=100.0).contains(&self.min_points) {
            out.push(format!("[moves] min_points ({}) must lie between 0 and 100", self.min_points));
        }
        if !(0.0..=1.0).contains(&self.climb_weight) {
            out.push(format!("[moves] climb_weight ({}) must lie between 0 and 1", self.climb_weight));
        }
        if !(0.0..=1.0).contains(&self.max_pay_cut) {
            out.push(format!("[moves] max_pay_cut ({}) must lie between 0 and 1", self.max_pay_cut));
        }
        if self.shown == 0 {
            out.push("[moves] shown must be at least 1".into());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule() -> MovesRule {
        MovesRule {
            description: String::new(),
            min_similarity: 0.5,
            max_job_zone_step: 1,
            climb_weight: 0.5,
            min_points: 3.0,
            shown: 5,
            max_pay_cut: 0.2,
        }
    }

    #[test]
    fn related_or_similar_and_not_too_far_up_is_within_reach() {
        let r = rule();
        assert!(r.within_reach(true, Some(0.1), Some(0)));
        assert!(r.within_reach(false, Some(0.5), Some(1)));
        assert!(r.within_reach(false, Some(0.7), None));
        assert!(!r.within_reach(false, Some(0.49), Some(0)));
        assert!(!r.within_reach(false, None, Some(0)));
        assert!(!r.within_reach(true, Some(0.9), Some(2)));
    }

    #[test]
    fn a_move_ranks_by_points_times_similarity_and_a_climb_counts_at_its_weight() {
        let r = rule();
        assert_eq!(r.rank(10.0, Some(0.8), Some(0)), 8.0);
        assert_eq!(r.rank(10.0, Some(0.8), Some(1)), 4.0);
        assert_eq!(r.rank(10.0, None, None), 5.0);
        assert_eq!(r.rank(10.0, Some(-0.2), Some(0)), 0.0);
    }

    #[test]
    fn a_move_cuts_pay_only_below_the_allowed_fraction_and_only_when_both_wages_are_known() {
        let r = rule();
        assert!(r.cuts_pay(Some(100_000.0), Some(79_999.0)));
        assert!(!r.cuts_pay(Some(100_000.0), Some(80_000.0)));
        assert!(!r.cuts_pay(Some(100_000.0), None));
        assert!(!r.cuts_pay(None, Some(10.0)));
    }

    #[test]
    fn out_of_range_figures_are_problems() {
        let bad = MovesRule {
            min_similarity: 1.5,
            min_points: -1.0,
            climb_weight: 2.0,
            shown: 0,
            max_pay_cut: 1.5,
            ..rule()
        };
        assert_eq!(bad.problems().len(), 5);
        assert!(rule().problems().is_empty());
    }
}
