//! A move from one role to another: what changes in the score and in the working week.
//! Pure: computed from both roles' figures, so a card and a compare page always agree.

use crate::catalogue::models::{Card, TaskRow};
use crate::methodology::TaskClassKey;
use crate::methodology::engine::{percent, round_to};

#[derive(Debug, Clone, PartialEq)]
pub struct TaskShare {
    pub name: String,
    /// Percent of working time.
    pub share: f64,
}

#[derive(Debug, Clone)]
pub struct Move {
    pub from: Card,
    pub to: Card,
    /// to.score - from.score, to one decimal.
    pub points: f64,
    /// The source role's displaced tasks: the work AI takes over.
    pub tasks_lost: Vec<TaskShare>,
    /// The target role's augmented tasks: work AI helps with.
    pub tasks_gained: Vec<TaskShare>,
    /// The target role's tasks AI is not involved in.
    pub ai_proof: Vec<TaskShare>,
}

fn of_class(tasks: &[TaskRow], class: TaskClassKey) -> Vec<TaskShare> {
    let mut out: Vec<TaskShare> =
        tasks.iter().filter(|t| t.class == class).map(|t| TaskShare { name: t.name.clone(), share: t.share }).collect();
    out.sort_by(|a, b| b.share.total_cmp(&a.share));
    out
}

impl Move {
    pub fn between(from: &Card, from_tasks: &[TaskRow], to: &Card, to_tasks: &[TaskRow]) -> Move {
        Move {
            points: round_to(to.score - from.score, 1),
            tasks_lost: of_class(from_tasks, TaskClassKey::Displacement),
            tasks_gained: of_class(to_tasks, TaskClassKey::Augmentation),
            ai_proof: of_class(to_tasks, TaskClassKey::NotInvolved),
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
            percent(a.displaced),
            direction,
            percent(b.displaced)
        );
        s.push_str(&format!(
            "{}% of the new work's time is work AI augments rather than replaces",
            percent(b.augmented)
        ));
        if b.not_involved > 0.0 {
            s.push_str(&format!(", and {}% is work AI is not involved in at all", percent(b.not_involved)));
        }
        s.push_str(&format!(". The score goes from {:.1} to {:.1}.", self.from.score, self.to.score));
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methodology::{Provenance, Split, ZoneKey};

    fn card(slug: &str, score: f64, split: Split) -> Card {
        Card {
            key: crate::assessment::RoleSlug::parse(slug).expect("a test slug").key(),
            provenance: Provenance::Editor,
            title: slug.into(),
            seniority: Some("Mid-Level".into()),
            experience: None,
            category: String::new(),
            occupation: String::new(),
            major_group: String::new(),
            job_zone: None,
            task_resistance: 0.0,
            score,
            zone: ZoneKey::Red,
            sub_label: None,
            split,
            updated: String::new(),
        }
    }

    fn task(name: &str, share: f64, class: TaskClassKey) -> TaskRow {
        TaskRow { name: name.into(), share, class }
    }

    #[test]
    fn a_move_lists_lost_gained_and_ai_proof_tasks_and_the_points() {
        use TaskClassKey::*;
        let from = card("a", 24.5, Split { displaced: 30.0, augmented: 70.0, not_involved: 0.0 });
        let to = card("b", 55.4, Split { displaced: 0.0, augmented: 70.0, not_involved: 30.0 });
        let m = Move::between(
            &from,
            &[task("x", 10.0, Displacement), task("y", 20.0, Displacement), task("z", 70.0, Augmentation)],
            &to,
            &[task("p", 70.0, Augmentation), task("q", 30.0, NotInvolved)],
        );
        assert_eq!(m.points, 30.9);
        assert_eq!(
            m.tasks_lost,
            [TaskShare { name: "y".into(), share: 20.0 }, TaskShare { name: "x".into(), share: 10.0 }]
        );
        assert_eq!(m.tasks_gained.len(), 1);
        assert_eq!(m.ai_proof[0].share, 30.0);
        let s = m.summary();
        assert!(s.contains("from 30% down to 0%"), "{s}");
        assert!(s.contains("from 24.5 to 55.4"), "{s}");
    }
}
