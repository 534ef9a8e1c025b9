//! "AI use over time": what the Anthropic Economic Index releases saw of the job's occupation,
//! as a chart of the four dated points, one plain sentence and each release's figures in words;
//! and each task's trend for its disclosure in the task table.

use crate::assessment::usage::{EconomyPoint, ObservedUsage, TaskUsage};
use crate::methodology::engine::percent;
use crate::web::charts::trend::{Trend, trend};

/// A share of conversations as pages write it: three decimals, as the task table writes the
/// index's shares.
pub fn conversations(p: f64) -> String {
    format!("{p:.3}")
}

/// "Feb 2025" from "February 2025": short enough for four names under a phone-width chart.
fn short(label: &str) -> String {
    let (month, year) = label.split_once(' ').unwrap_or((label, ""));
    format!("{} {year}", month.chars().take(3).collect::<String>())
}

/// The section's view.
pub struct UsageSection {
    pub usage: ObservedUsage,
    /// The title of the occupation the figures are for (a role's occupation for a role).
    pub occupation_title: String,
    /// None when no release lists any of the job's tasks.
    pub chart: Option<Trend>,
    /// The one plain sentence under the chart.
    pub sentence: String,
    /// Each release's figures in words, oldest first.
    pub lines: Vec<String>,
}

impl UsageSection {
    pub fn new(usage: ObservedUsage, occupation_title: &str) -> UsageSection {
        let lines = usage.releases.iter().map(line).collect();
        let chart = (!usage.releases.is_empty() && !usage.unmatched()).then(|| {
            let points: Vec<(String, f64, String)> = usage
                .releases
                .iter()
                .map(|p| (short(&p.label), p.share, format!("{}%", conversations(p.share))))
                .collect();
            trend(&points)
        });
        UsageSection { sentence: sentence(&usage), chart, lines, usage, occupation_title: occupation_title.to_string() }
    }

    /// True when the section has something to show (an occupation with task statements).
    pub fn shown(&self) -> bool {
        !self.usage.releases.is_empty()
    }
}

/// "AI use of this job's tasks went from x% to y% of conversations between ...; the automated
/// share from a% in March 2025 to b% in November 2025.", or why there is no trend.
fn sentence(usage: &ObservedUsage) -> String {
    let (Some(first), Some(last)) = (usage.releases.first(), usage.releases.last()) else { return String::new() };
    if usage.unmatched() {
        return format!(
            "This job is not in the Anthropic Economic Index: none of its {} task statements appears in any of the {} releases, so {}% of its task time is matched.",
            last.tasks,
            usage.releases.len(),
            percent(last.matched_time)
        );
    }
    let mut s = format!(
        "AI use of this job's tasks went from {}% to {}% of conversations between {} and {}",
        conversations(first.share),
        conversations(last.share),
        first.label,
        last.label
    );
    let split: Vec<_> = usage.releases.iter().filter_map(|p| p.automated.map(|a| (a, &p.label))).collect();
    match (split.first(), split.last()) {
        (Some((a, from)), Some((b, to))) if split.len() > 1 => {
            s.push_str(&format!("; the automated share from {}% in {from} to {}% in {to}", percent(*a), percent(*b)));
        }
        (Some((a, from)), _) => s.push_str(&format!("; the automated share was {}% in {from}", percent(*a))),
        _ => {}
    }
    s.push('.');
    s
}

/// "November 2025: 0.734% of conversations; 12 of 20 task statements listed (65% of task time);
/// 45% automated, 55% augmented."
fn line(p: &crate::assessment::usage::UsagePoint) -> String {
    if p.matched_tasks == 0 {
        return format!("{}: none of its {} task statements listed.", p.label, p.tasks);
    }
    let split = match (p.automated, p.augmented) {
        (Some(a), Some(b)) => format!("{}% automated, {}% augmented", percent(a), percent(b)),
        _ => "this release gives no split per task".to_string(),
    };
    format!(
        "{}: {}% of conversations; {} of {} task statements listed ({}% of task time); {split}.",
        p.label,
        conversations(p.share),
        p.matched_tasks,
        p.tasks,
        percent(p.matched_time)
    )
}

/// One task's trend for its disclosure: "February 2025 0.012%, March 2025 0.010% (40% automated), ...".
pub fn task_trend(t: &TaskUsage) -> String {
    t.points
        .iter()
        .map(|p| {
            let split = p.automated.map(|a| format!(" ({}% automated)", percent(a))).unwrap_or_default();
            format!("{} {}%{split}", p.label, conversations(p.share))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The whole economy's chart on /methodology: the automated share in each release that gives
/// one.
pub fn economy_chart(points: &[EconomyPoint]) -> Option<Trend> {
    let split: Vec<(String, f64, String)> =
        points.iter().filter_map(|p| p.automated.map(|a| (short(&p.label), a, format!("{}%", percent(a))))).collect();
    (!split.is_empty()).then(|| trend(&split))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::usage::UsagePoint;

    fn point(label: &str, share: f64, matched: u32, automated: Option<f64>) -> UsagePoint {
        UsagePoint {
            release: String::new(),
            label: label.into(),
            share,
            matched_time: if matched == 0 { 0.0 } else { 50.0 },
            matched_tasks: matched,
            tasks: 10,
            automated,
            augmented: automated.map(|a| 100.0 - a),
        }
    }

    #[test]
    fn the_sentence_names_both_ends_and_the_first_release_with_a_split() {
        let usage = ObservedUsage {
            occupation: "15-1252.00".into(),
            releases: vec![
                point("February 2025", 0.5, 3, None),
                point("March 2025", 0.25, 3, Some(40.0)),
                point("November 2025", 0.75, 4, Some(45.3)),
            ],
            tasks: Vec::new(),
        };
        let s = UsageSection::new(usage, "Test");
        assert_eq!(
            s.sentence,
            "AI use of this job's tasks went from 0.500% to 0.750% of conversations between February 2025 and November 2025; the automated share from 40% in March 2025 to 45.3% in November 2025."
        );
        assert!(s.chart.is_some());
        assert!(s.lines[0].ends_with("this release gives no split per task."), "{}", s.lines[0]);
    }

    #[test]
    fn an_occupation_no_release_lists_says_so_with_its_matched_share() {
        let usage = ObservedUsage {
            occupation: "45-2091.00".into(),
            releases: vec![point("February 2025", 0.0, 0, None), point("November 2025", 0.0, 0, None)],
            tasks: Vec::new(),
        };
        let s = UsageSection::new(usage, "Test");
        assert!(s.chart.is_none());
        assert!(s.sentence.starts_with("This job is not in the Anthropic Economic Index"), "{}", s.sentence);
        assert!(s.sentence.contains("0% of its task time is matched"), "{}", s.sentence);
    }
}
