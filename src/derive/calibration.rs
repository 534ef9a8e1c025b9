//! The data-derived scores checked against the world: coverage, occupations the research puts at
//! the extremes, and the correlation with human raters' exposure (Eloundou et al.).

use super::stats::spearman;
use super::tests::{derived, shipped};
use super::*;

fn scored() -> Vec<(&'static Assessment, &'static crate::methodology::Scorecard)> {
    derived().iter().map(|o| (o, &o.card)).collect()
}

fn zone_of(code: &str) -> (crate::methodology::ZoneKey, f64) {
    let o = derived().iter().find(|o| o.key.id() == code).unwrap_or_else(|| panic!("{code} is scored"));
    (o.card.zone, o.card.score)
}

#[test]
fn every_occupation_with_tasks_is_assessed_and_at_least_900_get_a_score() {
    let (_, data) = shipped();
    let with_tasks =
        data.onet.occupations.iter().filter(|o| data.onet.tasks.get(&o.code).is_some_and(|t| !t.is_empty()));
    assert_eq!(with_tasks.count(), 923);
    let n = scored().len();
    assert!(n >= 900, "only {n} occupations scored");
}

#[test]
fn occupations_the_research_puts_most_at_risk_are_not_green() {
    for (code, title) in [
        ("41-9041.00", "Telemarketers"),
        ("43-9081.00", "Proofreaders and Copy Markers"),
        ("43-4051.00", "Customer Service Representatives"),
    ] {
        let (zone, score) = zone_of(code);
        assert_ne!(zone, crate::methodology::ZoneKey::Green, "{title} scored {score} ({zone})");
    }
}

#[test]
fn hands_on_occupations_the_research_puts_least_at_risk_are_not_red() {
    for (code, title) in
        [("47-2181.00", "Roofers"), ("35-9021.00", "Dishwashers"), ("31-1131.00", "Nursing Assistants")]
    {
        let (zone, score) = zone_of(code);
        assert_ne!(zone, crate::methodology::ZoneKey::Red, "{title} scored {score} ({zone})");
    }
}

#[test]
fn scores_fall_as_human_rated_exposure_rises_with_spearman_at_most_minus_0_6() {
    let (_, data) = shipped();
    let pairs: Vec<(f64, f64)> = scored()
        .iter()
        .filter_map(|(o, s)| data.gpts.occupations.get(o.key.id()).map(|e| (s.score, e.human_rating_beta)))
        .collect();
    assert!(pairs.len() >= 900, "{} pairs", pairs.len());
    let rho = spearman(&pairs);
    assert!(rho <= -0.6, "Spearman {rho:.3}");
}

#[test]
fn every_zone_holds_some_occupations() {
    let (m, _) = shipped();
    let all = scored();
    for zone in &m.zones {
        let n = all.iter().filter(|(_, s)| s.zone == zone.key).count();
        assert!(n >= 25, "{} holds only {n} occupations", zone.key);
    }
}

#[test]
fn the_method_names_only_things_the_data_holds() {
    let (m, data) = shipped();
    let dm = &m.data_method;
    for gwa in &dm.physical_gwas {
        assert!(data.onet.gwas.contains(gwa), "physical GWA {gwa} is not in DWA Reference.txt");
    }
    for iwa in dm.physical_iwas.iter().chain(&dm.physical_excluded_iwas) {
        assert!(data.onet.iwas.iter().any(|(i, _)| i == iwa), "IWA {iwa} is not in DWA Reference.txt");
    }
    let all = dm.evidence.iter().chain(&dm.barriers).chain(&dm.protective);
    for rule in all.flat_map(|r| r.parts.iter().chain([r])) {
        if let (Some(e), Some(s)) = (&rule.element, &rule.scale) {
            assert!(data.onet.measures.knows(e, s), "{}: O*NET has no {e} on scale {s}", rule.key);
        }
        for e in &rule.elements {
            assert!(crate::data::onet24::Onet24::knows(e), "{}: we ship no O*NET 24.x file of {e}", rule.key);
        }
    }
    for education in &data.bls.educations {
        assert!(dm.education_ranks.contains(education), "education \"{education}\" has no rank");
    }
}
