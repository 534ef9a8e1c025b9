//! How the data-derived scores agree with independent research: for each measure we ship, the
//! Spearman rank correlation with our scores, every (score, measure) pair for a scatter plot, and
//! the occupations where the two disagree most. Computed at build, stored with the catalogue.

use serde::{Deserialize, Serialize};

/// Agreement with every independent measure.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    pub measures: Vec<MeasureAgreement>,
}

/// One independent measure beside our scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasureAgreement {
    /// What the measure is, in words ("Human raters' exposure (Eloundou et al. 2023, beta)").
    pub name: String,
    /// Key of its source in methodology.toml's data method.
    pub source: String,
    /// True when the method also reads the measure as an input, so agreement is partly built in.
    pub also_an_input: bool,
    /// Spearman rank correlation of score and measure (negative: more exposure, lower score).
    pub spearman: f64,
    /// (score, measure, the measure's percentile rank 0-100) of every occupation that has both.
    pub points: Vec<(f64, f64, f64)>,
    /// The ten occupations whose rank on our score and on the measure differ most.
    pub disagreements: Vec<Disagreement>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Disagreement {
    pub code: String,
    pub title: String,
    pub score: f64,
    pub value: f64,
    /// Percentile of safety on our score and on the measure (100 = safest), rounded.
    pub our_percentile: f64,
    pub their_percentile: f64,
}
