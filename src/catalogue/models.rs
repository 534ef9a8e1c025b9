//! What the catalogue hands to the web layer: plain data, read in one go per page.

use crate::methodology::{Scorecard, Split};
use serde::Serialize;

/// A role as lists, cards and links show it.
#[derive(Debug, Clone, Serialize)]
pub struct RoleSummary {
    pub slug: String,
    pub title: String,
    pub seniority: String,
    pub experience: String,
    pub category: String,
    pub occupation: String,
    pub task_resistance: f64,
    pub score: f64,
    /// Zone key after any assessor override.
    pub zone: String,
    pub sub_label: Option<String>,
    pub split: Split,
    pub updated: String,
}

impl RoleSummary {
    /// "Backend/API Developer (Mid-Level)".
    pub fn display_name(&self) -> String {
        format!("{} ({})", self.title, self.seniority)
    }

    pub fn url(&self) -> String {
        format!("/roles/{}", self.slug)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct TaskRow {
    pub name: String,
    pub share: u32,
    pub score: i64,
    pub weighted: f64,
    /// Task class key: "displacement", "augmentation" or "not_involved".
    pub class: String,
    pub rationale: String,
}

/// A protective principle, evidence dimension or barrier, with its score and reason.
#[derive(Debug, Clone, Serialize)]
pub struct ScoredRow {
    pub key: String,
    pub score: i64,
    pub rationale: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub title: String,
    pub anchor: String,
    /// Sanitised at build time.
    pub html: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TransitionRow {
    pub target: RoleSummary,
    pub why: String,
    pub target_tasks: Vec<TaskRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceRow {
    pub title: String,
    pub url: String,
    pub publisher: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RevisionRow {
    pub date: String,
    pub note: String,
}

/// Everything the role page shows. Fields ending in `_html` were sanitised at build time.
#[derive(Debug, Clone)]
pub struct RolePage {
    pub summary: RoleSummary,
    pub live_tracked: bool,
    pub aliases: Vec<String>,
    pub verdict_html: String,
    pub primary_function: String,
    pub not_this_role: String,
    pub typical_experience: String,
    pub seniority_note_html: Option<String>,
    pub seniority_links: Vec<RoleSummary>,
    pub growth_rationale: String,
    pub growth_check_html: String,
    pub quick_screen_note_html: Option<String>,
    pub reinstatement_html: String,
    /// The zone the formula gave, before any override.
    pub formula_zone: String,
    pub override_reason: Option<String>,
    pub outlook_horizon: i64,
    pub outlook_future_html: String,
    pub outlook_timeline_html: String,
    pub strategy_html: Vec<String>,
    pub card: Scorecard,
    pub tasks: Vec<TaskRow>,
    pub protective: Vec<ScoredRow>,
    pub evidence: Vec<ScoredRow>,
    pub barriers: Vec<ScoredRow>,
    pub commentary: Vec<Section>,
    pub transitions: Vec<TransitionRow>,
    pub sources: Vec<SourceRow>,
    /// Newest first.
    pub revisions: Vec<RevisionRow>,
    pub published: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OccupationRow {
    pub code: String,
    pub title: String,
    pub description: String,
    pub major_group: String,
    pub major_group_name: String,
}

impl OccupationRow {
    pub fn url(&self) -> String {
        format!("/occupations/{}", self.code)
    }
}

/// An occupation in a list: code, title and how many roles we assessed in it.
#[derive(Debug, Clone, Serialize)]
pub struct OccupationEntry {
    pub code: String,
    pub title: String,
    pub assessed: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct MajorGroupRow {
    pub code: String,
    pub name: String,
    pub occupations: Vec<OccupationEntry>,
}

impl MajorGroupRow {
    pub fn assessed(&self) -> usize {
        self.occupations.iter().filter(|o| o.assessed > 0).count()
    }
}

/// A role near an unassessed occupation, and how near.
#[derive(Debug, Clone, Serialize)]
pub struct NearbyRole {
    pub role: RoleSummary,
    /// "broad" (same 5-digit SOC group), "minor", "major", or "other" (another major group).
    pub closeness: &'static str,
}

/// What /roles asks for; every field is already validated.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RoleFilter {
    pub zone: Option<String>,
    pub category: Option<String>,
    pub seniority: Option<String>,
    /// SOC major group code, e.g. "15".
    pub group: Option<String>,
    pub sort: RoleSort,
    /// 1-based.
    pub page: usize,
    pub per_page: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RoleSort {
    #[default]
    ScoreDesc,
    ScoreAsc,
    Title,
}

impl RoleSort {
    pub const ALL: [RoleSort; 3] = [RoleSort::ScoreDesc, RoleSort::ScoreAsc, RoleSort::Title];

    pub fn key(self) -> &'static str {
        match self {
            RoleSort::ScoreDesc => "score-desc",
            RoleSort::ScoreAsc => "score-asc",
            RoleSort::Title => "title",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RoleSort::ScoreDesc => "Safest first (score high to low)",
            RoleSort::ScoreAsc => "Most at risk first (score low to high)",
            RoleSort::Title => "Title A to Z",
        }
    }

    pub fn parse(s: &str) -> Option<RoleSort> {
        RoleSort::ALL.into_iter().find(|k| k.key() == s)
    }
}

/// One page of /roles.
#[derive(Debug, Clone)]
pub struct RoleListing {
    pub roles: Vec<RoleSummary>,
    /// Roles matching the filter, on all pages.
    pub total: usize,
    /// (zone key, count) among the roles matching every filter but the zone.
    pub zone_counts: Vec<(String, usize)>,
}

/// The values /roles can filter on, as they occur in the catalogue.
#[derive(Debug, Clone, Default)]
pub struct Facets {
    pub categories: Vec<String>,
    pub seniorities: Vec<String>,
    /// (code, name) of major groups that have assessed roles.
    pub groups: Vec<(String, String)>,
}
