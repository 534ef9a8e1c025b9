//! Observed AI use over time: what each Anthropic Economic Index release saw of an occupation's
//! tasks, and of the whole economy. Figures are exact (percent, unrounded); pages and the API
//! round them only to show them.

use serde::{Deserialize, Serialize};

/// One release's view of one occupation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UsagePoint {
    /// "2025-02": the release's month.
    pub release: String,
    /// "February 2025".
    pub label: String,
    /// Percent of the release's conversations on the occupation's tasks.
    pub share: f64,
    /// Percent of the occupation's task time (core tasks weighted as in the score) whose task
    /// statement the release lists.
    pub matched_time: f64,
    /// How many of the occupation's task statements the release lists, of how many.
    pub matched_tasks: u32,
    pub tasks: u32,
    /// Percent of the classified conversations on those tasks that automate them (directive +
    /// feedback loop); None when the release publishes no split per task or none is classified.
    pub automated: Option<f64>,
    /// Percent that augment the worker (task iteration + validation + learning).
    pub augmented: Option<f64>,
}

/// One release's view of one task statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskUsagePoint {
    pub release: String,
    pub label: String,
    /// Percent of the release's conversations on this task.
    pub share: f64,
    pub automated: Option<f64>,
    pub augmented: Option<f64>,
}

/// One task statement across the releases that list it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskUsage {
    /// O*NET's Task ID.
    pub task_id: u32,
    pub task: String,
    /// Only the releases that list the task, oldest first.
    pub points: Vec<TaskUsagePoint>,
}

/// Everything the releases say of one occupation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ObservedUsage {
    /// The O*NET-SOC code the figures are for (a role's occupation for a role).
    pub occupation: String,
    /// One point per release, oldest first; empty for an occupation without task statements.
    pub releases: Vec<UsagePoint>,
    /// The occupation's tasks that any release lists, in O*NET's order.
    pub tasks: Vec<TaskUsage>,
}

impl ObservedUsage {
    /// True when no release lists any of the occupation's tasks.
    pub fn unmatched(&self) -> bool {
        self.releases.iter().all(|p| p.matched_tasks == 0)
    }

    /// Itself, or None for an occupation without task statements (no release can list any).
    pub fn measured(self) -> Option<ObservedUsage> {
        (!self.releases.is_empty()).then_some(self)
    }

    /// The trend of one task, by O*NET Task ID.
    pub fn task(&self, task_id: u32) -> Option<&TaskUsage> {
        self.tasks.iter().find(|t| t.task_id == task_id)
    }
}

/// One release's view of the whole economy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EconomyPoint {
    pub release: String,
    pub label: String,
    /// How many task statements the release lists, and how many match an O*NET 30.1 statement.
    pub tasks_listed: u32,
    pub tasks_matched: u32,
    /// Percent of the release's conversations on a task that matches an O*NET 30.1 statement.
    pub matched_share: f64,
    /// Percent of the release's classified conversations that automate; the first release
    /// publishes this for all its conversations, the others per task (weighted by share here).
    pub automated: Option<f64>,
    pub augmented: Option<f64>,
}
