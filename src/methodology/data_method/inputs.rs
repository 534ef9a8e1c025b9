//! The parts of the data method that 1.1 added: how the Handbook's licensing text is read, how a
//! combined dimension makes one rating of its parts, and what a dimension counts as without data.

use serde::{Deserialize, Serialize};

/// How the regulatory barrier reads a Handbook profile's "Licenses, Certifications, and
/// Registrations" text: each sentence takes the class of the first phrase it holds (in table
/// order), and the profile takes its highest sentence class, quoting that sentence.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Licensing {
    pub phrases: Vec<Phrase>,
    /// A sentence holding one of these is skipped (an ordinary driver's licence is no barrier to
    /// software) ...
    pub ignored: Vec<String>,
    /// ... unless it also holds one of these (a commercial driver's licence is).
    pub ignored_unless: Vec<String>,
}

/// Words in order, case ignored; "*" stands for any one word and "licens*" for any ending.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phrase {
    pub phrase: String,
    /// 2 licence required to work, 1 required in some places or by some employers, 0 voluntary.
    pub class: i64,
}

/// How a combined dimension makes one rating of its parts' points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Combine {
    /// The first part that has data.
    First,
    /// The highest points of the parts that have data.
    Max,
    /// The mean of the parts that have data, rounded toward zero (both must agree to reach the ends).
    MeanTowardZero,
}

/// What a dimension counts as where its data say nothing: never silently the floor of its range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Missing {
    pub counts_as: MissingRule,
    /// The stated value: the rule itself for `neutral`, the fallback for `group_median`.
    pub value: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MissingRule {
    /// The stated value.
    Neutral,
    /// The lower median of the points of the occupations in the same SOC major group that have
    /// data, when at least [`GROUP_MEDIAN_MIN`] do; otherwise the stated value.
    GroupMedian,
}

/// Fewest occupations with data a major group needs before its median stands in for a missing input.
pub const GROUP_MEDIAN_MIN: usize = 5;

impl Missing {
    /// The rule in words, for the methodology page and every "no data" rating.
    pub fn in_words(&self) -> String {
        let v = crate::methodology::engine::signed(self.value).replace('-', "\u{2212}");
        match self.counts_as {
            MissingRule::Neutral => format!("without data it counts as {v}, a stated neutral value"),
            MissingRule::GroupMedian => format!(
                "without data it counts as the median points of the occupations in its SOC major group that have data (when at least {GROUP_MEDIAN_MIN} do), else {v}"
            ),
        }
    }
}
