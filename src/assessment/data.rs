//! What the data sets say about an occupation besides its inputs: employment, pay, outlook,
//! related occupations, and the sentences a rating quotes from its source.

use super::Tier;
use serde::{Deserialize, Serialize};

/// A sentence quoted from a source (BLS's stated factors, the Handbook's licensing text), with
/// who said it and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Who said it and where it applies: "BLS, Total, all industries", "BLS Occupational
    /// Outlook Handbook, Registered Nurses".
    pub source: String,
    pub text: String,
    /// The page it is quoted from, when it has one.
    pub url: Option<String>,
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
    /// Where the occupation stands on each independent measure of AI exposure we ship.
    #[serde(default)]
    pub research: Research,
}

/// The occupation's place among all O*NET occupations on each independent exposure measure
/// (computed at build over every occupation the measure covers); None where it has no data.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Research {
    /// Human raters' exposure, beta = E1 + 0.5 E2 (Eloundou et al. 2023), 0-1.
    pub human_beta: Option<Standing>,
    /// Microsoft's AI applicability score (Tomlinson et al. 2025), 0-1.
    pub microsoft: Option<Standing>,
    /// Percent of Claude conversations that map to the occupation's tasks (Anthropic Economic
    /// Index, first release), summed over its tasks.
    pub aei: Option<Standing>,
}

/// One measure's value for an occupation and its percentile among all occupations it covers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Standing {
    /// As published, rounded to four decimals.
    pub value: f64,
    /// 0-100: the share of covered occupations it is more exposed than (ties count half).
    pub percentile: u8,
    /// How many occupations the measure covers.
    pub of: u32,
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
