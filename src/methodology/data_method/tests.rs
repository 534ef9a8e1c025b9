use super::*;
use crate::methodology::bundled;

const TOML: &str = include_str!("../../../content/methodology.toml");

fn parse(text: &str) -> Result<Methodology, String> {
    Methodology::from_toml(text)
}

#[test]
fn the_bundled_data_method_parses_and_its_points_lie_within_each_range() {
    let m = bundled();
    assert_eq!(m.data_method.evidence.len(), 5);
    assert_eq!(m.data_method.automation_scores.for_level(0), 1);
    assert_eq!(m.data_method.automation_scores.for_level(4), 5);
    assert_eq!(m.data_method.problems(&m), Vec::<String>::new());
}

#[test]
fn the_first_threshold_row_the_value_reaches_gives_the_points_else_otherwise() {
    let m = bundled();
    let postings = &m.data_method.evidence[0];
    assert_eq!(postings.key, "job_postings");
    assert_eq!(postings.points(12.7), 2);
    assert_eq!(postings.points(3.0), 1);
    assert_eq!(postings.points(-3.0), 0);
    assert_eq!(postings.points(-3.1), -1);
    assert_eq!(postings.points(-40.0), -2);
}

#[test]
fn thresholds_out_of_order_are_refused_with_what_to_fix() {
    let broken = TOML.replacen(
        "  { min = 10.0, points = 2 },\n  { min = 3.0, points = 1 },",
        "  { min = 3.0, points = 1 },\n  { min = 10.0, points = 2 },",
        1,
    );
    assert_ne!(broken, TOML);
    let err = parse(&broken).unwrap_err();
    assert!(err.contains("job_postings: list thresholds highest min first"), "{err}");
}

#[test]
fn an_unknown_field_or_source_key_is_refused() {
    let typo = TOML.replacen("otherwise = -2", "otherwise = -2\nothrewise = 1", 1);
    assert!(parse(&typo).unwrap_err().contains("othrewise"));
    let source = TOML.replacen("source = \"working_with_ai\"", "source = \"copilot\"", 1);
    let err = parse(&source).unwrap_err();
    assert!(err.contains("ai_applicability: source \"copilot\" is not one of"), "{err}");
}

#[test]
fn points_outside_the_dimension_range_are_a_problem() {
    let wide = TOML.replacen("{ min = 50.0, points = 2 }", "{ min = 50.0, points = 3 }", 1);
    // The methodology refuses it when it loads.
    let err = parse(&wide).unwrap_err();
    assert!(err.contains("barriers physical: 3 points is outside 0..2"), "{err}");
}

#[test]
fn a_non_finite_threshold_is_refused() {
    let nan = TOML.replacen("{ min = 0.32, points = -2 }", "{ min = nan, points = -2 }", 1);
    let err = parse(&nan).unwrap_err();
    assert!(err.contains("ai_applicability: every threshold min must be a finite number"), "{err}");
}

#[test]
fn a_threshold_table_reads_in_words_with_minus_signs() {
    let m = crate::methodology::bundled();
    let words = m.data_method.evidence[0].thresholds_in_words();
    assert!(words.starts_with("at least 10: +2; at least 3: +1"), "{words}");
    assert!(words.contains("at least \u{2212}3: 0") && words.ends_with("otherwise \u{2212}2"), "{words}");
    assert_eq!(m.data_method.evidence[1].thresholds_in_words(), "no data");
}
