//! What the data sets say about an occupation besides its inputs: employment, pay, outlook,
//! related occupations, and the sentences a rating quotes from its source.

use super::Tier;
use serde::{Deserialize, Serialize};

/// A sentence quoted from a source (BLS's stated factors), with where it applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The industry BLS stated the factor for ("Total, all industries" or one industry).
    pub industry: String,
    pub text: String,
}

/// Employment, pay and outlook, for the occupation page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DataFacts {
    /// National Employment Matrix code the BLS figures are for.
    pub nem_code: Option<String>,
    /// OEWS May 2025 employment (people).
    pub employment_2025: Option<f64>,
    /// OEWS median annual wage, May 2025 and May 2021 (dollars).
    pub median_wage_2025: Option<f64>,
    pub median_wage_2021: Option<f64>,
    /// BLS projected employment change 2024-34, percent.
    pub projected_change_percent: Option<f64>,
    /// BLS annual average openings 2024-34 (people).
    pub annual_openings: Option<f64>,
    pub entry_education: Option<String>,
    pub ooh: Option<Ooh>,
    /// O*NET Job Zone 1-5.
    pub job_zone: Option<u8>,
    /// O*NET related occupations, in O*NET's order.
    pub related: Vec<RelatedOccupation>,
    /// Percent of task weight that has a GPT-4 automation label (the score reads only that part).
    pub rated_share: f64,
}

/// The Occupational Outlook Handbook profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ooh {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelatedOccupation {
    pub code: String,
    pub tier: Tier,
    /// O*NET's rank, 1 = most related.
    pub index: u32,
}
