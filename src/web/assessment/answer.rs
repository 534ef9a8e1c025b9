//! The plain answer under the score box (`partials/assessment/answer.html`): the figures its
//! sentences are made of, picked from the assessment and its occupation's facts. The words live
//! in the template; nothing here is a judgement the methodology does not make.

use super::next::OwnTask;
use crate::assessment::{Assessment, DataFacts, Rated};
use crate::methodology::Methodology;

/// Most exposed tasks the answer names.
const NAMED: usize = 3;

/// Longest short form of a task, in characters.
const SHORT: usize = 48;

/// Shortest first clause that can stand for a task, in characters.
const MIN_CLAUSE: usize = 24;

/// The strongest barrier or protective principle.
pub struct Protection {
    pub name: String,
    pub score: i64,
    pub max: i64,
}

/// The labour market as BLS and OEWS measure it, for the job's occupation.
pub struct Market {
    /// The occupation the figures are for (a role's occupation, or the occupation itself).
    pub occupation: String,
    pub projected_change: Option<f64>,
    /// Median annual wage (May 2021, May 2025), where both are published.
    pub wages: Option<(f64, f64)>,
}

impl Market {
    /// Median wage change May 2021 to May 2025, percent, one decimal.
    pub fn wage_change(&self) -> Option<f64> {
        self.wages.filter(|(a, _)| *a > 0.0).map(|(a, b)| ((b / a - 1.0) * 1000.0).round() / 10.0)
    }
}

/// Everything the plain answer states.
pub struct Answer {
    /// The most exposed tasks (the displacement class), most exposed first.
    pub exposed: Vec<OwnTask>,
    /// The tasks that hold best, most time first.
    pub holds: Vec<OwnTask>,
    pub market: Market,
    pub protection: Option<Protection>,
}

/// A short form of an O*NET task statement: its first clause, cut at a word under `SHORT`
/// characters. Always a prefix of the statement (with "…" when cut), so a reader finds it below.
pub fn short_task(name: &str) -> String {
    let mut end = name.len();
    for stop in [", ", "; ", " (", ": ", " such as ", " to ensure ", " in order to "] {
        // A clause shorter than this says too little ("Monitor, record, and report ...").
        let from = name.char_indices().nth(MIN_CLAUSE).map_or(name.len(), |(i, _)| i);
        if let Some(i) = name[from..].find(stop) {
            end = end.min(from + i);
        }
    }
    let clause = name[..end].trim_end_matches(['.', ' ']);
    if clause.chars().count() <= SHORT && end == name.len() {
        return clause.to_string();
    }
    if clause.chars().count() <= SHORT {
        return format!("{clause}\u{2026}");
    }
    let cut: String = clause.chars().take(SHORT).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}\u{2026}", &cut[..at])
}

fn strongest(m: &Methodology, a: &Assessment) -> Option<Protection> {
    let barrier_names = m.barriers.dimensions.iter().map(|d| d.name.clone());
    let protective_names = m.protective.principles.iter().map(|p| p.name.clone());
    let rated = |rows: &[Rated], names: Vec<String>, max: i64| -> Vec<Protection> {
        rows.iter().zip(names).map(|(r, name)| Protection { name, score: r.score, max }).collect()
    };
    let mut all = rated(&a.barriers, barrier_names.collect(), m.barriers.max_score);
    all.extend(rated(&a.protective, protective_names.collect(), m.protective.max_score));
    all.into_iter()
        .filter(|p| p.score > 0 && p.max > 0)
        .max_by(|x, y| (x.score as f64 / x.max as f64).total_cmp(&(y.score as f64 / y.max as f64)))
}

/// The answer's figures. `facts` are the occupation's (a role's occupation for a role).
pub fn answer(m: &Methodology, a: &Assessment, facts: Option<&DataFacts>, occupation: &str) -> Answer {
    let mut exposed: Vec<OwnTask> = a
        .rated_tasks()
        .filter(|(_, s)| s.class == crate::methodology::TaskClassKey::Displacement)
        .map(|(t, s)| OwnTask {
            name: short_task(&t.name),
            share: s.share,
            score: t.score.unwrap_or_default(),
            class: s.class,
        })
        .collect();
    exposed.sort_by(|x, y| y.score.cmp(&x.score).then(y.share.total_cmp(&x.share)));
    exposed.truncate(NAMED);
    let mut holds = super::next::own_tasks(a);
    holds.truncate(2);
    for t in &mut holds {
        t.name = short_task(&t.name);
    }
    let market = Market {
        occupation: occupation.to_string(),
        projected_change: facts.and_then(|f| f.projected_change_percent),
        wages: facts.and_then(|f| f.median_wage_2021.zip(f.median_wage_2025)),
    };
    Answer { exposed, holds, market, protection: strongest(m, a) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_task_is_the_first_clause_and_a_prefix_of_the_statement() {
        let s = "Monitor, record, and report symptoms or changes in patients' conditions.";
        assert_eq!(short_task(s), "Monitor, record, and report symptoms or changes\u{2026}");
        let t = "Maintain accurate, detailed reports and records, as required.";
        assert_eq!(short_task(t), "Maintain accurate, detailed reports and records\u{2026}");
        assert_eq!(short_task("API design & architecture decisions"), "API design & architecture decisions");
        let long = "Prepare and administer oral and intravenous medications to patients under the direction of physicians and other practitioners";
        let short = short_task(long);
        assert!(short.ends_with('\u{2026}') && short.chars().count() <= SHORT + 1, "{short}");
        assert!(long.starts_with(short.trim_end_matches('\u{2026}')));
    }

    #[test]
    fn the_wage_change_is_a_percent_to_one_decimal() {
        let m = Market { occupation: String::new(), projected_change: None, wages: Some((80_000.0, 90_000.0)) };
        assert_eq!(m.wage_change(), Some(12.5));
    }
}
