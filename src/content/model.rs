//! A role assessment after validation: plain values, in methodology order, ready to score.

use crate::methodology::{Inputs, TaskInput};
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Role {
    pub source: PathBuf,
    pub slug: String,
    pub title: String,
    pub seniority: String,
    pub experience: String,
    pub category: String,
    pub occupation: String,
    pub aliases: Vec<String>,
    pub old_slugs: Vec<String>,
    pub live_tracked: bool,
    pub verdict: String,
    pub primary_function: String,
    pub not_this_role: String,
    pub typical_experience: String,
    pub seniority_note: Option<String>,
    pub seniority_links: Vec<String>,
    /// In methodology order: embodied physicality, interpersonal connection, moral judgment.
    pub protective: Vec<Scored>,
    pub growth: i64,
    pub growth_rationale: String,
    pub growth_check: String,
    pub quick_screen_note: Option<String>,
    pub tasks: Vec<Task>,
    pub reinstatement: String,
    /// In methodology order.
    pub evidence: Vec<Scored>,
    /// In methodology order.
    pub barriers: Vec<Scored>,
    pub assessor_override: Option<Override>,
    pub outlook: Outlook,
    pub transitions: Vec<Transition>,
    pub sources: Vec<Source>,
    /// Newest first.
    pub revisions: Vec<Revision>,
    /// The Markdown body: the assessor's commentary.
    pub commentary: String,
}

#[derive(Debug, Clone)]
pub struct Scored {
    pub score: i64,
    pub rationale: String,
}

#[derive(Debug, Clone)]
pub struct Task {
    pub name: String,
    pub share: u32,
    pub score: i64,
    pub rationale: String,
}

#[derive(Debug, Clone)]
pub struct Override {
    pub zone: String,
    pub reason: String,
}

#[derive(Debug, Clone)]
pub struct Outlook {
    pub horizon: i64,
    pub future: String,
    pub strategy: Vec<String>,
    pub timeline: String,
}

#[derive(Debug, Clone)]
pub struct Transition {
    pub to: String,
    pub why: String,
}

#[derive(Debug, Clone)]
pub struct Source {
    pub title: String,
    pub url: String,
    pub publisher: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Revision {
    /// ISO date, YYYY-MM-DD.
    pub date: String,
    pub note: String,
}

impl Role {
    /// The figures the score engine reads.
    pub fn inputs(&self) -> Inputs {
        let scores = |v: &[Scored]| v.iter().map(|s| s.score).collect();
        Inputs {
            tasks: self.tasks.iter().map(|t| TaskInput { share: t.share, score: t.score }).collect(),
            evidence: scores(&self.evidence),
            barriers: scores(&self.barriers),
            protective: scores(&self.protective),
            growth: self.growth,
        }
    }

    /// "Backend/API Developer (Mid-Level)": how the site names a role in running text.
    pub fn display_name(&self) -> String {
        format!("{} ({})", self.title, self.seniority)
    }

    /// The newest revision date.
    pub fn updated(&self) -> &str {
        self.revisions.first().map_or("", |r| r.date.as_str())
    }
}
