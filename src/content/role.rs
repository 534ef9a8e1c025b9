//! The front matter of one role assessment, `content/roles/<slug>.md`.
//!
//! Every struct denies unknown fields, so a misspelt key fails the build instead of being
//! silently ignored. Values that later checks may reject are `Spanned`, so a problem can name
//! the line it is on.

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleFrontMatter {
    /// The permanent URL segment; must equal the file name without `.md`.
    pub slug: Spanned<String>,
    pub title: Spanned<String>,
    /// e.g. "Mid-Level"; one of the seniority levels in methodology.toml.
    pub seniority: Spanned<String>,
    /// e.g. "3-5 years".
    pub experience: Spanned<String>,
    /// e.g. "Software Development".
    pub category: Spanned<String>,
    /// O*NET-SOC code of the occupation this role belongs to, e.g. "15-1252.00".
    pub occupation: Spanned<String>,
    /// Other titles readers know this role by.
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    /// Slugs this role was published under before; they redirect here with 301.
    #[serde(default)]
    pub old_slugs: Vec<Spanned<String>>,
    /// Whether the assessment is actively monitored and revised.
    #[serde(default)]
    pub live_tracked: bool,
    /// The verdict paragraph under the headline (Markdown, inline).
    pub verdict: Spanned<String>,
    pub definition: Definition,
    pub protective: Protective,
    pub growth: Growth,
    /// The quick screen's follow-up remark (Markdown, inline).
    pub quick_screen_note: Option<Spanned<String>>,
    pub tasks: Vec<Task>,
    /// Acemoglu's reinstatement check: which new tasks the role gains (Markdown).
    pub reinstatement: Spanned<String>,
    pub evidence: Evidence,
    pub barriers: Barriers,
    /// Present only when the assessor overrides the formula's zone.
    #[serde(rename = "override")]
    pub assessor_override: Option<Override>,
    pub outlook: Outlook,
    #[serde(default)]
    pub transitions: Vec<Transition>,
    #[serde(default)]
    pub sources: Vec<Source>,
    pub revisions: Vec<Revision>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    pub primary_function: Spanned<String>,
    pub not_this_role: Spanned<String>,
    pub typical_experience: Spanned<String>,
    /// How the score changes with seniority (Markdown, inline).
    pub seniority_note: Option<Spanned<String>>,
    /// Roles the seniority note refers to; shown beside it with their live scores.
    #[serde(default)]
    pub seniority_links: Vec<Spanned<String>>,
}

/// A score with the assessor's reason for it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scored {
    pub score: Spanned<i64>,
    pub rationale: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Protective {
    pub embodied_physicality: Scored,
    pub interpersonal_connection: Scored,
    pub moral_judgment: Scored,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Growth {
    pub score: Spanned<i64>,
    /// One or two sentences for the protective table.
    pub rationale: Spanned<String>,
    /// The longer "AI growth correlation check" (Markdown).
    pub check: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    pub name: Spanned<String>,
    /// Percent of working time; all tasks add up to 100.
    pub share: Spanned<i64>,
    /// 1 (AI not involved) to 5 (AI does it end to end).
    pub score: Spanned<i64>,
    pub rationale: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub job_postings: Scored,
    pub company_actions: Scored,
    pub wage_trends: Scored,
    pub tool_maturity: Scored,
    pub expert_consensus: Scored,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Barriers {
    pub regulatory: Scored,
    pub physical: Scored,
    pub union: Scored,
    pub liability: Scored,
    pub cultural: Scored,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// The zone key the assessor sets instead of the formula's ("red", "yellow", "green").
    pub zone: Spanned<String>,
    pub reason: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outlook {
    /// The year the outlook looks ahead to, e.g. 2028.
    pub horizon: Spanned<i64>,
    /// What the role looks like by then (Markdown).
    pub future: Spanned<String>,
    /// Numbered survival strategy steps (Markdown, inline).
    pub strategy: Vec<Spanned<String>>,
    /// How fast the change comes (Markdown).
    pub timeline: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transition {
    /// Slug of the target role.
    pub to: Spanned<String>,
    /// Why the move fits (one sentence).
    pub why: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: Spanned<String>,
    pub url: Spanned<String>,
    pub publisher: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    pub date: Spanned<Datetime>,
    pub note: Spanned<String>,
}
