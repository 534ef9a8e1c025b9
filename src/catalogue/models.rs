//! What the catalogue hands to the web layer: plain data, read in one go per page.

use crate::assessment::{Assessment, Key};
use crate::methodology::{Provenance, Split, TaskClassKey, ZoneKey};
use serde::Serialize;

/// An assessment as lists, cards and links show it: the narrow `cards` row.
#[derive(Debug, Clone, Serialize)]
pub struct Card {
    pub key: Key,
    pub provenance: Provenance,
    pub title: String,
    pub seniority: Option<String>,
    pub experience: Option<String>,
    pub category: String,
    pub occupation: String,
    pub major_group: String,
    pub job_zone: Option<u8>,
    pub task_resistance: f64,
    pub score: f64,
    /// Zone after any assessor override.
    pub zone: ZoneKey,
    pub sub_label: Option<String>,
    pub split: Split,
    pub updated: String,
}

impl Card {
    /// "Backend/API Developer (Mid-Level)", or an occupation's title.
    pub fn display_name(&self) -> String {
        match &self.seniority {
            Some(s) => format!("{} ({s})", self.title),
            None => self.title.clone(),
        }
    }

    pub fn url(&self) -> String {
        self.key.url()
    }

    /// The slug or code that names it in URLs.
    pub fn id(&self) -> &str {
        self.key.id()
    }

    /// The card of an assessment, as the build writes it.
    pub fn of(a: &Assessment, major_group: &str) -> Card {
        Card {
            key: a.key.clone(),
            provenance: a.provenance,
            title: a.title.clone(),
            seniority: a.seniority.as_ref().map(|s| s.level.clone()),
            experience: a.seniority.as_ref().map(|s| s.experience.clone()),
            category: a.category.clone(),
            occupation: a.occupation.clone(),
            major_group: major_group.to_string(),
            job_zone: a.data.as_ref().and_then(|d| d.job_zone),
            task_resistance: a.card.task_resistance,
            score: a.card.score,
            zone: a.zone,
            sub_label: a.card.sub_label.clone(),
            split: a.card.split,
            updated: a.updated.clone(),
        }
    }
}

/// An assessment page's linked cards: transition targets with their tasks, seniority links.
#[derive(Debug, Clone)]
pub struct TransitionTarget {
    pub card: Card,
    /// The stored move: the editor's reason, or what makes a data-derived move reachable.
    pub move_: crate::assessment::Transition,
    pub tasks: Vec<TaskRow>,
    /// What the data says of the target's occupation (wage, openings, Job Zone).
    pub facts: Option<crate::assessment::DataFacts>,
}

/// A task as a move compares it: name, share of time, class.
#[derive(Debug, Clone, Serialize)]
pub struct TaskRow {
    pub name: String,
    pub share: f64,
    pub class: TaskClassKey,
}

impl TaskRow {
    /// The rated tasks of an assessment with their engine figures.
    pub fn of(a: &Assessment) -> Vec<TaskRow> {
        a.rated_tasks().map(|(t, s)| TaskRow { name: t.name.clone(), share: s.share, class: s.class }).collect()
    }
}

/// Everything an assessment page needs from the catalogue.
#[derive(Debug, Clone)]
pub struct AssessmentPage {
    pub a: Assessment,
    pub card: Card,
    pub transitions: Vec<TransitionTarget>,
    pub seniority_links: Vec<Card>,
    /// What the data says of the assessment's occupation (for a role, the occupation it maps to).
    pub facts: Option<crate::assessment::DataFacts>,
    /// The title of that occupation.
    pub occupation_title: String,
    /// The score history, oldest first.
    pub history: Vec<crate::history::Point>,
    /// What each Anthropic Economic Index release saw of that occupation and its tasks.
    pub usage: crate::assessment::usage::ObservedUsage,
}

#[derive(Debug, Clone, Serialize)]
pub struct OccupationRow {
    pub code: String,
    pub title: String,
    pub description: String,
    pub major_group: String,
    pub major_group_name: String,
    /// Why the data-derived method gives no score, when it gives none.
    pub unscored_reason: Option<String>,
}

impl OccupationRow {
    pub fn url(&self) -> String {
        format!("/occupations/{}", self.code)
    }
}

/// An occupation in a list: code, title, its own score, and how many editor roles map to it.
#[derive(Debug, Clone, Serialize)]
pub struct OccupationEntry {
    pub code: String,
    pub title: String,
    pub score: Option<f64>,
    pub zone: Option<ZoneKey>,
    pub assessed: u32,
}

impl OccupationEntry {
    pub fn url(&self) -> String {
        format!("/occupations/{}", self.code)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct MajorGroupRow {
    pub code: String,
    pub name: String,
    pub occupations: Vec<OccupationEntry>,
}

impl MajorGroupRow {
    pub fn scored(&self) -> usize {
        self.occupations.iter().filter(|o| o.score.is_some()).count()
    }
}

/// A scored assessment near an unscored occupation, and how near.
#[derive(Debug, Clone, Serialize)]
pub struct Nearby {
    pub card: Card,
    /// "broad" (same 5-digit SOC group), "minor", "major", or "other" (another major group).
    pub closeness: &'static str,
}

/// What /roles asks for (every scored role and occupation); every field is already validated.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RoleFilter {
    pub zone: Option<ZoneKey>,
    pub provenance: Option<Provenance>,
    /// O*NET Job Zone 1-5.
    pub job_zone: Option<u8>,
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
    pub cards: Vec<Card>,
    /// Entries matching the filter, on all pages.
    pub total: usize,
    /// (zone, count) among the entries matching every filter but the zone.
    pub zone_counts: Vec<(ZoneKey, usize)>,
}

/// The values /roles can filter on, as they occur in the catalogue.
#[derive(Debug, Clone, Default)]
pub struct Facets {
    pub categories: Vec<String>,
    pub seniorities: Vec<String>,
    /// (code, name) of major groups that have scored entries.
    pub groups: Vec<(String, String)>,
    /// Job Zones that occur.
    pub job_zones: Vec<u8>,
}
