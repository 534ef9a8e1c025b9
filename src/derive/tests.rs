use super::*;
use crate::data::gpts::{Automation, Exposure};
use crate::data::onet::Tier;
use crate::methodology::bundled;
use std::sync::OnceLock;

/// The shipped methodology and data, loaded once for all derive tests.
pub(super) fn shipped() -> &'static (Methodology, DataSets) {
    static SHIPPED: OnceLock<(Methodology, DataSets)> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let mut problems = Vec::new();
        let data = DataSets::load(&content, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        (bundled(), data)
    })
}

/// Every scored occupation, assessed once for all derive tests.
pub(super) fn derived() -> &'static [Assessment] {
    static DERIVED: OnceLock<Vec<Assessment>> = OnceLock::new();
    DERIVED.get_or_init(|| {
        let (m, data) = shipped();
        derive(m, data, |group| group.to_string())
    })
}

fn find(code: &str) -> &'static Assessment {
    derived().iter().find(|o| o.key.id() == code).expect("occupation is assessed")
}

/// A task's research labels (every data-derived task has them).
fn labels(t: &Task) -> &TaskLabels {
    t.labels.as_ref().expect("a data-derived task has labels")
}

/// A rating's published figure (every data-derived rating has one).
fn basis(r: &crate::assessment::Rated) -> &crate::assessment::Basis {
    r.basis.as_ref().expect("a data-derived rating has its basis")
}

fn facts(o: &Assessment) -> &DataFacts {
    o.data.as_ref().expect("a data-derived assessment has its facts")
}

/// Aircraft Cargo Handling Supervisors (53-1041.00), worked by hand from the data files' rows.
#[test]
fn aircraft_cargo_handling_supervisors_whole_calculation_matches_the_hand_worked_figures() {
    let (m, _) = shipped();
    let o = find("53-1041.00");
    assert_eq!(o.title, "Aircraft Cargo Handling Supervisors");

    // Task Statements.txt lines 17881-17886 and full_labelset.tsv (gpt4_automation):
    //   14435 Core T3, 14434 Core T0, 20933 Core T1, 14432 Core T1, 14433 Supplemental T3,
    //   14436 Supplemental T0. Weights 2,2,2,2,1,1 = 10, so shares 20,20,20,20,10,10 %.
    //   Scores = label + 1: 4,1,2,2,4,1.
    let got: Vec<(u32, u32, Option<Automation>, Option<i64>)> =
        o.tasks.iter().map(|t| (labels(t).task_id, t.weight, labels(t).automation, t.score)).collect();
    use Automation::*;
    let expected = vec![
        (14435, 2, Some(T3), Some(4)),
        (14434, 2, Some(T0), Some(1)),
        (20933, 2, Some(T1), Some(2)),
        (14432, 2, Some(T1), Some(2)),
        (14433, 1, Some(T3), Some(4)),
        (14436, 1, Some(T0), Some(1)),
    ];
    assert_eq!(got, expected);
    let inputs = o.inputs();
    let weights: Vec<(u32, i64)> = inputs.tasks.iter().map(|t| (t.weight, t.score)).collect();
    assert_eq!(weights, vec![(2, 4), (2, 1), (2, 2), (2, 2), (1, 4), (1, 1)]);
    let shares: Vec<f64> = crate::methodology::score(m, &inputs).tasks.iter().map(|t| t.share).collect();
    assert_eq!(shares, vec![20.0, 20.0, 20.0, 20.0, 10.0, 10.0]);

    // Evidence.
    // job_postings: table 1.2 line 1050, 53-1041 change +5.2 %; line 2, all occupations +3.1 %.
    //   5.2 - 3.1 = +2.1 points: between -3 and +3, so 0.
    // company_actions: no data: the stated neutral value, 0.
    // wage_trends: OEWS May 2025 median 58,170, May 2021 53,540: 58170 / 53540 = 1.08648, +8.6 %.
    //   All occupations 50,980 / 45,760 = 1.11407, +11.4 %. 8.6 - 11.4 = -2.8: at least -4, below 0, so -1.
    // tool_maturity: soc_ai_applicability_scores.csv line 741, 0.1103 -> 0.11: at least 0.09, below
    //   0.24, so 0. None of its task texts is in the November 2025 AEI table, so that part is absent:
    //   the mean of the one part is 0.
    // expert_consensus: no table 1.12 row for 53-1041: no data, the stated neutral value 0.
    let ev: Vec<(Option<f64>, i64, bool)> =
        o.evidence.iter().map(|d| (basis(d).raw, d.score, basis(d).no_data)).collect();
    assert_eq!(
        ev,
        vec![(Some(2.1), 0, false), (None, 0, true), (Some(-2.8), -1, false), (Some(0.0), 0, false), (None, 0, true)]
    );
    assert_eq!(basis(&o.evidence[0]).shown, "+2.1 points vs all occupations (+5.2% vs +3.1%)");
    assert_eq!(basis(&o.evidence[2]).shown, "-2.8 points vs all occupations (+8.6% vs +11.4%)");
    assert_eq!(basis(&o.evidence[3]).shown, "Microsoft AI applicability: 0.11 AI applicability (0-1) (0)");

    // Barriers.
    // regulatory: no Handbook profile lists SOC 53-1041, so entry education stands in: "High
    //   school diploma or equivalent", rank 2 of 8: below 7, so 0.
    // physical: the higher of two parts. Tasks to DWAs: only 14432 "Load shipments, belongings, or
    //   materials." (4.A.3.a.1.I06.D01) falls under a physical GWA (4.A.3.a.1); its weight 2 of 10 =
    //   20.0 %: at least 20, so 1. O*NET 24.x rows of 2010 code 53-1011.00 (crosswalk line 1081,
    //   its only parent): Physical Proximity 68, Using Hands 58, Handling and Moving Objects 76,
    //   Operating Vehicles 74, Exposed to Disease 10: mean 286 / 5 = 57.2, at least 55, so 2. Max 2.
    // union, liability: no data: the stated neutral value 1.
    // cultural: no WORKBank rating, and fewer than 5 occupations of major group 53 have one: 1.
    let bar: Vec<(i64, bool)> = o.barriers.iter().map(|d| (d.score, basis(d).no_data)).collect();
    assert_eq!(bar, vec![(0, false), (2, false), (1, true), (1, true), (1, true)]);
    assert_eq!(
        basis(&o.barriers[0]).shown,
        "Entry education (no Handbook profile): High school diploma or equivalent (entry education rank 2 of 8) (0)"
    );
    assert!(basis(&o.barriers[1]).shown.contains("20.0% of task time (+1); Hands-on work (O*NET 24.x): 57.2 of 100"));
    assert!(basis(&o.barriers[4]).counted_as.as_deref().is_some_and(|c| c.contains("+1")), "{:?}", o.barriers[4]);

    // Protective: embodied physicality, the higher of the hands-on mean 57.2 (>= 45: 2) and
    // Realistic interest 4.6 (>= 3.5: 1): 2. Interpersonal connection, the higher of the people-work
    // mean (Assisting and Caring 51, Face-to-Face 99, Relationships 69, Public 66: 285 / 4 = 71.25,
    // shown 71.3; >= 70: 2) and Social interest 2.47 (< 3.5: 0): 2. Judgment and Decision Making
    // importance 3.38 (>= 3.0: 1).
    let prot: Vec<(Option<f64>, i64)> = o.protective.iter().map(|d| (basis(d).raw, d.score)).collect();
    assert_eq!(prot, vec![(Some(2.0), 2), (Some(2.0), 2), (Some(3.38), 1)]);
    assert!(basis(&o.protective[1]).shown.starts_with("People work (O*NET 24.x): 71.3 of 100"));
    // Growth: no table 1.12 factor names AI: no data, the stated neutral value 0.
    assert_eq!((o.growth.score, basis(&o.growth).no_data), (0, true));

    // Weighted sum 0.2x4 + 0.2x1 + 0.2x2 + 0.2x2 + 0.1x4 + 0.1x1 = 0.8+0.2+0.4+0.4+0.4+0.1 = 2.30.
    // The task resistance is 6.00 - 2.30 = 3.70. Evidence -1: modifier 1 - 0.04 = 0.96. Barriers 5:
    // 1 + 0.10 = 1.10. Growth 0: 1.00. Raw = 3.70 x 0.96 x 1.10 x 1.00 = 3.9072.
    // Score = (3.9072 - 0.54) / 7.93 x 100 = 42.462 -> 42.5: Yellow (25 <= 42.5 < 48).
    // Split: scores 4-5 (14435, 14433) 20 + 10 = 30 %; 2-3 (20933, 14432) 40 %; 1 (14434, 14436) 30 %.
    let s = &o.card;
    assert_eq!(s, &crate::methodology::score(m, &o.inputs()), "the stored card is the engine's");
    assert_eq!(s.weighted_sum, 2.30);
    assert_eq!(s.task_resistance, 3.70);
    assert_eq!((s.evidence_total, s.barriers_total, s.protective_total, s.growth), (-1, 5, 5, 0));
    assert_eq!((s.evidence_modifier, s.barrier_modifier, s.growth_modifier), (0.96, 1.1, 1.0));
    assert!((s.raw - 3.9072).abs() < 1e-9, "raw {}", s.raw);
    assert_eq!(s.score, 42.5);
    assert_eq!(s.zone, crate::methodology::ZoneKey::Yellow);
    assert_eq!((s.split.displaced, s.split.augmented, s.split.not_involved), (30.0, 40.0, 30.0));

    // Facts: OEWS May 2025 employment 9,760; table 1.2 openings 1.1 thousand; Job Zone 2;
    // the crosswalk has no OOH profile ("—"); O*NET's first related occupation 53-1043.00.
    let f = facts(o);
    assert_eq!(
        (f.employment_2025, f.median_wage_2025, f.median_wage_2021),
        (Some(9760.0), Some(58170.0), Some(53540.0))
    );
    assert_eq!((f.projected_change_percent, f.annual_openings), (Some(5.2), Some(1100.0)));
    assert_eq!(f.entry_education.as_deref(), Some("High school diploma or equivalent"));
    assert_eq!((f.ooh.as_ref(), f.job_zone, f.rated_share), (None, Some(2), 100.0));
    assert_eq!(
        (f.related[0].code.as_str(), f.related[0].tier, f.related[0].index),
        ("53-1043.00", Tier::PrimaryShort, 1)
    );
}

#[test]
fn a_task_without_a_label_is_not_rated_and_left_out_of_the_inputs() {
    let o = derived().iter().find(|o| o.tasks.iter().any(|t| t.score.is_none())).expect("some task is unrated");
    let rated = o.tasks.iter().filter(|t| t.score.is_some()).count();
    assert!(rated < o.tasks.len());
    assert_eq!(o.inputs().tasks.len(), rated);
    let shares: f64 = o.card.tasks.iter().map(|t| t.share).sum();
    assert!((shares - 100.0).abs() < 1e-9, "rated shares renormalise to 100, not {shares}");
    assert!(facts(o).rated_share < 100.0);
}

#[test]
fn task_rows_carry_both_exposure_labels_and_the_aei_share_where_the_text_matches() {
    let with_share = derived().iter().flat_map(|o| &o.tasks).filter(|t| labels(t).aei_share.is_some()).count();
    assert!(with_share > 2000, "{with_share} tasks matched the Anthropic Economic Index");
    // Chief Executives task 8823: human E0, GPT-4 E2 (full_labelset.tsv line 2).
    let task = find("11-1011.00").tasks.iter().map(labels).find(|t| t.task_id == 8823).expect("task 8823");
    assert_eq!((task.human_exposure, task.gpt4_exposure), (Some(Exposure::E0), Some(Exposure::E2)));
}

#[test]
fn a_dimension_without_data_counts_as_its_stated_rule_and_says_so() {
    use crate::methodology::data_method::MissingRule;
    let (m, _) = shipped();
    let dm = &m.data_method;
    let rules: Vec<&crate::methodology::data_method::Rule> =
        dm.evidence.iter().chain(&dm.barriers).chain(&dm.protective).chain([&dm.growth]).collect();
    // No barrier's stated value is the floor of its 0..2 range.
    for r in &dm.barriers {
        assert!(r.missing.is_some_and(|x| x.value >= 1), "{}: without data it must not count as 0", r.key);
    }
    let mut medians = 0;
    for o in derived() {
        let dims = o.evidence.iter().chain(&o.barriers).chain(&o.protective).chain([&o.growth]);
        for (d, rule) in dims.zip(&rules) {
            let b = basis(d);
            assert_eq!(b.no_data, b.raw.is_none(), "{} {}", o.key.id(), d.key);
            if !b.no_data {
                assert!(b.counted_as.is_none());
                continue;
            }
            let missing = rule.missing.expect("every dimension states its missing-input rule");
            let words = b.counted_as.as_deref().unwrap_or_default();
            assert_eq!(b.shown, "no data", "{} {}", o.key.id(), d.key);
            if words.contains("median points of the") {
                assert_eq!(missing.counts_as, MissingRule::GroupMedian, "{} {}", o.key.id(), d.key);
                medians += 1;
            } else {
                assert_eq!(d.score, missing.value, "{} {}: {words}", o.key.id(), d.key);
                assert!(words.contains(&crate::methodology::engine::signed(missing.value).replace('-', "\u{2212}")));
            }
        }
    }
    assert!(medians > 100, "the group-median rule applied {medians} times");
}

#[test]
fn expert_consensus_quotes_the_bls_sentences_it_counts() {
    let o = derived()
        .iter()
        .find(|o| basis(&o.evidence[4]).quotes.len() >= 2)
        .expect("some occupation has two counted factors");
    let e = basis(&o.evidence[4]);
    let net: i64 = e.quotes.iter().map(|q| factors::direction(&q.text).unwrap_or(0)).sum();
    assert_eq!(e.raw, Some(net as f64));
    assert!(e.quotes.iter().all(|q| !q.text.is_empty() && q.source.starts_with("BLS, ")));
}
