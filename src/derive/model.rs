//! What the data-derived method produces for one occupation: every task (rated or not), every
//! dimension with its raw value and points, and the facts the occupation page shows. Plain data,
//! serialisable, so the build can store it and the pages render it without recomputing.

use crate::data::gpts::{Automation, Exposure};
use crate::data::onet::{TaskType, Tier};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DerivedOccupation {
    /// O*NET-SOC code, e.g. "15-1252.00".
    pub code: String,
    pub title: String,
    /// Every O*NET task statement, in O*NET's order.
    pub tasks: Vec<DerivedTask>,
    /// In methodology order: job_postings, company_actions, wage_trends, tool_maturity, expert_consensus.
    pub evidence: Vec<DimensionValue>,
    /// regulatory, physical, union, liability, cultural.
    pub barriers: Vec<DimensionValue>,
    /// embodied_physicality, interpersonal_connection, moral_judgment.
    pub protective: Vec<DimensionValue>,
    pub growth: DimensionValue,
    pub facts: Facts,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DerivedTask {
    /// O*NET Task ID.
    pub id: u32,
    pub text: String,
    pub kind: TaskType,
    /// Parts of the working week (Core 2, Supplemental 1, from methodology.toml).
    pub weight: u32,
    /// GPT-4's automation label (Eloundou et al.); None = not rated.
    pub automation: Option<Automation>,
    /// Task score 1-5 from the label; None = not rated, left out of the score.
    pub score: Option<i64>,
    /// Human raters' exposure label.
    pub human_exposure: Option<Exposure>,
    /// GPT-4's exposure label.
    pub gpt4_exposure: Option<Exposure>,
    /// Percent of Claude conversations mapped to this task (Anthropic Economic Index), where the text matches.
    pub aei_share: Option<f64>,
}

/// One dimension's value from the data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionValue {
    pub key: String,
    /// Key of the source in `[data_method.sources]`; None for a dimension without data.
    pub source: Option<String>,
    /// The raw value, rounded as shown; the points are judged on it.
    pub raw: Option<f64>,
    /// The raw value as the page shows it, e.g. "+12.7 points vs all occupations (+15.8% vs +3.1%)".
    pub shown: String,
    pub points: i64,
    /// True when the data holds no value: 0 points, shown as "no data".
    pub no_data: bool,
    /// BLS's own sentences behind the value (table 1.12 factors), for the page to quote.
    pub quotes: Vec<Quote>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The industry BLS stated the factor for ("Total, all industries" or one industry).
    pub industry: String,
    pub text: String,
}

/// Employment, pay and outlook, for the occupation page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Facts {
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
