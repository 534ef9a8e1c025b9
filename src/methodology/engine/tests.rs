//! Pins every figure of the reference assessment (the seed page).

use super::*;
use crate::methodology::ZoneKey;
use crate::methodology::bundled;

/// The reference role, Backend/API Developer (Mid-Level), as the seed scores it.
fn reference() -> Inputs {
    let t = |weight, score| TaskInput { weight, score };
    Inputs {
        tasks: vec![t(15, 2), t(20, 4), t(15, 3), t(10, 3), t(10, 2), t(10, 4), t(10, 2), t(10, 3)],
        evidence: vec![0, -1, -1, -1, -1],
        barriers: vec![0, 0, 0, 1, 0],
        protective: vec![0, 1, 1],
        growth: -1,
    }
}

fn reference_card() -> Scorecard {
    score(&bundled(), &reference())
}

#[test]
fn weighted_task_sum_is_2_95_and_task_resistance_3_05() {
    let c = reference_card();
    assert_eq!(c.weighted_sum, 2.95);
    assert_eq!(c.task_resistance, 3.05);
    let weighted: Vec<f64> = c.tasks.iter().map(|t| t.weighted).collect();
    assert_eq!(weighted, [0.30, 0.80, 0.45, 0.30, 0.20, 0.40, 0.20, 0.30]);
}

#[test]
fn tasks_split_30_displaced_70_augmented_0_not_involved() {
    let c = reference_card();
    assert_eq!(c.split, Split { displaced: 30.0, augmented: 70.0, not_involved: 0.0 });
    let classes: Vec<&str> = c.tasks.iter().map(|t| t.class.as_str()).collect();
    assert_eq!(classes[0], "augmentation");
    assert_eq!(classes[1], "displacement");
}

#[test]
fn dimension_totals_match_the_reference() {
    let c = reference_card();
    assert_eq!((c.evidence_total, c.barriers_total, c.protective_total, c.growth), (-4, 1, 2, -1));
}

#[test]
fn modifiers_are_0_84_1_02_0_95() {
    let c = reference_card();
    assert_eq!((c.evidence_modifier, c.barrier_modifier, c.growth_modifier), (0.84, 1.02, 0.95));
}

#[test]
fn raw_is_2_4826_and_score_24_5_red() {
    let c = reference_card();
    assert_eq!(round_to(c.raw, 4), 2.4826);
    assert_eq!(c.score, 24.5);
    assert_eq!(c.zone, ZoneKey::Red);
}

#[test]
fn reference_is_plain_red_with_65_percent_scoring_3_plus() {
    let c = reference_card();
    assert_eq!(c.share_scoring_3_plus, 65.0);
    assert_eq!(c.sub_label, None);
    let (name, checks) = &c.sub_label_checks[0];
    assert_eq!(name, "Imminent");
    assert_eq!(checks.len(), 3);
    assert!(!checks[0].met, "65% is short of the 70% Imminent condition");
    assert!(checks[1].met && checks[2].met);
}

#[test]
fn composition_is_indicative_and_states_its_gap_to_the_score() {
    let c = reference_card();
    let points: Vec<f64> = c.composition.parts.iter().map(|p| p.points).collect();
    assert_eq!(points, [30.5, -8.0, 1.5, 2.2, -2.5]);
    assert_eq!(c.composition.total, 23.7);
    assert_eq!(c.composition.gap, 0.8);
}

#[test]
fn quick_screen_flags_low_protection_and_negative_growth_as_almost_certainly_red() {
    let q = reference_card().quick_screen.expect("a quick screen rule applies");
    assert_eq!(q.result, "Almost certainly Red Zone");
    assert_eq!(q.rule, "Protective 0-2 AND correlation negative");
}

#[test]
fn zones_are_judged_on_the_score_as_shown() {
    let m = bundled();
    assert_eq!(zone_for(&m, 48.0), ZoneKey::Green);
    assert_eq!(zone_for(&m, 47.9), ZoneKey::Yellow);
    assert_eq!(zone_for(&m, 25.0), ZoneKey::Yellow);
    assert_eq!(zone_for(&m, 24.9), ZoneKey::Red);
    assert_eq!(zone_for(&m, 0.0), ZoneKey::Red);
}

#[test]
fn a_score_rounding_up_to_the_threshold_takes_the_higher_zone() {
    // 47.96 is shown as 48.0, so the reader sees a Green score and the zone must agree.
    let m = bundled();
    let s = round_to(47.96, m.scale.decimals);
    assert_eq!(zone_for(&m, s), ZoneKey::Green);
}

#[test]
fn scores_are_clamped_to_0_100() {
    let m = bundled();
    let top = Inputs {
        tasks: vec![TaskInput { weight: 100, score: 1 }],
        evidence: vec![2; 5],
        barriers: vec![2; 5],
        protective: vec![3; 3],
        growth: 2,
    };
    assert_eq!(score(&m, &top).score, 100.0);
    let bottom = Inputs {
        tasks: vec![TaskInput { weight: 100, score: 5 }],
        evidence: vec![-2; 5],
        barriers: vec![0; 5],
        protective: vec![0; 3],
        growth: -2,
    };
    assert_eq!(score(&m, &bottom).score, 0.0);
}

#[test]
fn green_role_with_most_time_augmented_is_transforming() {
    let m = bundled();
    let inputs = Inputs {
        tasks: vec![TaskInput { weight: 70, score: 3 }, TaskInput { weight: 30, score: 1 }],
        evidence: vec![2, 1, 1, 1, 1],
        barriers: vec![1, 0, 0, 2, 1],
        protective: vec![0, 2, 2],
        growth: 1,
    };
    let c = score(&m, &inputs);
    assert_eq!(c.zone, ZoneKey::Green);
    assert_eq!(c.sub_label.as_deref(), Some("Transforming"));
}

#[test]
fn core_and_supplemental_weights_become_fractional_shares_of_time() {
    // Two Core tasks (weight 2) scoring 4 and 2, one Supplemental (weight 1) scoring 1:
    // shares 40/40/20, weighted sum (2x4 + 2x2 + 1x1) / 5 = 13/5 = 2.60, TRS 3.40.
    let m = bundled();
    let t = |weight, score| TaskInput { weight, score };
    let inputs = Inputs {
        tasks: vec![t(2, 4), t(2, 2), t(1, 1)],
        evidence: vec![0; 5],
        barriers: vec![0; 5],
        protective: vec![0; 3],
        growth: 0,
    };
    let c = score(&m, &inputs);
    let shares: Vec<f64> = c.tasks.iter().map(|t| t.share).collect();
    assert_eq!(shares, [40.0, 40.0, 20.0]);
    assert_eq!((c.weighted_sum, c.task_resistance), (2.6, 3.4));
    assert_eq!(c.split, Split { displaced: 40.0, augmented: 40.0, not_involved: 20.0 });
    // Three equal Core tasks: a third each, shown as 33.3 but summed exactly.
    let thirds = score(&m, &Inputs { tasks: vec![t(2, 3), t(2, 3), t(2, 2)], ..inputs });
    assert_eq!(percent(thirds.tasks[0].share), "33.3");
    assert_eq!(thirds.weighted_sum, 2.67);
}
