//! A move from one role to another: what changes in the score and in the working week.
//! Pure: computed from both roles' figures, so a card and a compare page always agree.

use crate::catalogue::models::{RoleSummary, TaskRow};
use crate::methodology::engine::round_to;

#[derive(Debug, Clone, PartialEq)]
pub struct TaskShare {
    pub name: String,
    pub share: u32,
}

#[derive(Debug, Clone)]
pub struct Move {
    pub from: RoleSummary,
    pub to: RoleSummary,
    /// to.score - from.score, to one decimal.
    pub points: f64,
    /// The source role's displaced tasks: the work AI takes over.
    pub tasks_lost: Vec<TaskShare>,
    /// The target role's augmented tasks: work AI helps with.
    pub tasks_gained: Vec<TaskShare>,
    /// The target role's tasks AI is not involved in.
    pub ai_proof: Vec<TaskShare>,
}

fn of_class(tasks: &[TaskRow], class: &str) -> Vec<TaskShare> {
    let mut out: Vec<TaskShare> =
        tasks.iter().filter(|t| t.class == class).map(|t| TaskShare { name: t.name.clone(), share: t.share }).collect();
    out.sort_by_key(|t| std::cmp::Reverse(t.share));
    out
}

impl Move {
    pub fn between(from: &RoleSummary, from_tasks: &[TaskRow], to: &RoleSummary, to_tasks: &[TaskRow]) -> Move {
        Move {
            points: round_to(to.score - from.score, 1),
            tasks_lost: of_class(from_tasks, "displacement"),
            tasks_gained: of_class(to_tasks, "augmentation"),
            ai_proof: of_class(to_tasks, "not_involved"),
            from: from.clone(),
            to: to.clone(),
        }
    }

    /// One paragraph that states the move in its own figures.
    pub fn summary(&self) -> String {
        let (a, b) = (&self.from.split, &self.to.split);
        let direction = if b.displaced < a.displaced {
            "down"
        } else if b.displaced > a.displaced {
            "up"
        } else {
            "unchanged"
        };
        let mut s = format!(
            "Moving from {} to {} takes the share of your time in displaced tasks from {}% {} to {}%. ",
            self.from.display_name(),
            self.to.display_name(),
            a.displaced,
            direction,
            b.displaced
        );
        s.push_str(&format!("{}% of the new role's time is work AI augments rather than replaces", b.augmented));
        if b.not_involved > 0 {
            s.push_str(&format!(", and {}% is work AI is not involved in at all", b.not_involved));
        }
        s.push_str(&format!(". The score goes from {:.1} to {:.1}.", self.from.score, self.to.score));
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methodology::Split;

    fn role(slug: &str, score: f64, split: Split) -> RoleSummary {
        RoleSummary {
            slug: slug.into(),
            title: slug.into(),
            seniority: "Mid-Level".into(),
            experience: String::new(),
            category: String::new(),
            occupation: String::new(),
            task_resistance: 0.0,
            score,
            zone: String::new(),
            sub_label: None,
            split,
            updated: String::new(),
        }
    }

    fn task(name: &str, share: u32, class: &str) -> TaskRow {
        TaskRow { name: name.into(), share, score: 0, weighted: 0.0, class: class.into(), rationale: String::new() }
    }

    #[test]
    fn a_move_lists_lost_gained_and_ai_proof_tasks_and_the_points() {
        let from = role("a", 24.5, Split { displaced: 30, augmented: 70, not_involved: 0 });
        let to = role("b", 55.4, Split { displaced: 0, augmented: 70, not_involved: 30 });
        let m = Move::between(
            &from,
            &[task("x", 10, "displacement"), task("y", 20, "displacement"), task("z", 70, "augmentation")],
            &to,
            &[task("p", 70, "augmentation"), task("q", 30, "not_involved")],
        );
        assert_eq!(m.points, 30.9);
        assert_eq!(
            m.tasks_lost,
            [TaskShare { name: "y".into(), share: 20 }, TaskShare { name: "x".into(), share: 10 }]
        );
        assert_eq!(m.tasks_gained.len(), 1);
        assert_eq!(m.ai_proof[0].share, 30);
        let s = m.summary();
        assert!(s.contains("from 30% down to 0%"), "{s}");
        assert!(s.contains("from 24.5 to 55.4"), "{s}");
    }
}
