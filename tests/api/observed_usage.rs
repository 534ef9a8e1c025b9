//! Observed AI use over time: one occupation's four figures recomputed by hand from the four
//! shipped release files (parsed here, not through the app's reader) and found on its page and in
//! its API answer; every role page shows its occupation's figures.

use crate::helpers::{content_dir, select, spawn_app, text, texts};
use std::collections::HashMap;

const CODE: &str = "15-1252.00";

/// The fields of one CSV line, with double-quoted fields (no field in these files spans lines).
fn csv_fields(line: &str) -> Vec<String> {
    let (mut fields, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    fields.push(field);
    fields
}

/// A release file as (header -> column) and rows.
fn csv(relative: &str) -> (HashMap<String, usize>, Vec<Vec<String>>) {
    let raw = std::fs::read_to_string(content_dir().join("data").join(relative)).expect("read a release file");
    let mut lines = raw.trim_start_matches('\u{feff}').lines().filter(|l| !l.trim().is_empty());
    let header = csv_fields(lines.next().expect("header"));
    let columns = header.iter().enumerate().map(|(i, h)| (h.trim().to_string(), i)).collect();
    (columns, lines.map(csv_fields).collect())
}

/// task text in lower case -> (share in percent, automation fraction, augmentation fraction).
type Release = HashMap<String, (f64, Option<(f64, f64)>)>;

fn release(shares: &str, to_percent: f64, modes: Option<&str>) -> Release {
    let (c, rows) = csv(shares);
    let mut out: Release = rows
        .iter()
        .map(|r| {
            (r[c["task_name"]].trim().to_lowercase(), (r[c["pct"]].parse::<f64>().expect("pct") * to_percent, None))
        })
        .collect();
    if let Some(file) = modes {
        let (c, rows) = csv(file);
        let n = |r: &Vec<String>, k: &str| r[c[k]].parse::<f64>().expect("a pattern share");
        for r in &rows {
            let automation = n(r, "directive") + n(r, "feedback_loop");
            let augmentation = n(r, "task_iteration") + n(r, "validation") + n(r, "learning");
            if let Some(t) = out.get_mut(&r[c["task_name"]].trim().to_lowercase()) {
                t.1 = Some((automation, augmentation));
            }
        }
    }
    out
}

/// The occupation's task statements and their weights (core 2, others 1, as methodology.toml's
/// task_weights say), from O*NET's own file.
fn onet_tasks() -> Vec<(String, f64)> {
    let raw = std::fs::read_to_string(content_dir().join("data/onet-30.1/Task Statements.txt")).expect("read tasks");
    raw.lines()
        .skip(1)
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f[0] == CODE)
        .map(|f| (f[3].trim().to_lowercase(), if f[4] == "Core" { 2.0 } else { 1.0 }))
        .collect()
}

/// (share %, matched task time %, (automated, augmented) % of classified) of one release.
type Figures = (f64, f64, Option<(f64, f64)>);

/// The occupation's figures in one release; a text the occupation lists twice counts once in the
/// share.
fn by_hand(r: &Release, tasks: &[(String, f64)]) -> Figures {
    let total: f64 = tasks.iter().map(|t| t.1).sum();
    let matched: Vec<&(String, f64)> = tasks.iter().filter(|t| r.contains_key(&t.0)).collect();
    let mut seen = std::collections::HashSet::new();
    let (mut share, mut auto, mut aug) = (0.0, 0.0, 0.0);
    for t in matched.iter().filter(|t| seen.insert(&t.0)) {
        let (s, modes) = r[&t.0];
        share += s;
        if let Some((a, b)) = modes {
            auto += s * a;
            aug += s * b;
        }
    }
    let split = (auto + aug > 0.0).then(|| (auto / (auto + aug) * 100.0, aug / (auto + aug) * 100.0));
    (share, matched.iter().map(|t| t.1).sum::<f64>() / total * 100.0, split)
}

/// A percentage as the site writes it: one decimal, without a needless ".0".
fn pct(p: f64) -> String {
    let r = (p * 10.0).round() / 10.0;
    if r.fract() == 0.0 { format!("{r:.0}") } else { format!("{r:.1}") }
}

#[tokio::test]
async fn one_occupations_four_observed_use_figures_recomputed_from_the_four_files_are_on_its_page_and_in_its_api() {
    let releases = [
        ("February 2025", release("anthropic-economic-index/onet_task_mappings.csv", 1.0, None)),
        (
            "March 2025",
            release(
                "anthropic-economic-index-2025-03/task_pct_v2.csv",
                1.0,
                Some("anthropic-economic-index-2025-03/automation_vs_augmentation_by_task.csv"),
            ),
        ),
        (
            "August 2025",
            release(
                "anthropic-economic-index-2025-08/automation_vs_augmentation_by_task_v2_claude.csv",
                100.0,
                Some("anthropic-economic-index-2025-08/automation_vs_augmentation_by_task_v2_claude.csv"),
            ),
        ),
        (
            "November 2025",
            release(
                "anthropic-economic-index-2025-11/automation_vs_augmentation_by_task_v3_claude.csv",
                100.0,
                Some("anthropic-economic-index-2025-11/automation_vs_augmentation_by_task_v3_claude.csv"),
            ),
        ),
    ];
    let tasks = onet_tasks();
    assert!(tasks.len() > 10, "{CODE} has its O*NET tasks");
    let figures: Vec<(&str, Figures)> = releases.iter().map(|(l, r)| (*l, by_hand(r, &tasks))).collect();
    assert!(figures.iter().all(|(_, f)| f.0 > 0.0), "every release lists some of {CODE}'s tasks: {figures:?}");
    assert!(figures[0].1.2.is_none() && figures[1..].iter().all(|f| f.1.2.is_some()), "{figures:?}");

    let app = spawn_app().await;
    let html = app.get(&format!("/occupations/{CODE}")).await.html();
    let lines = texts(&html, "#usage .usage__releases li");
    assert_eq!(lines.len(), 4, "{lines:?}");
    for ((label, (share, matched, automated)), line) in figures.iter().zip(&lines) {
        assert!(line.starts_with(&format!("{label}: {share:.3}% of conversations")), "{line} vs {share}");
        assert!(line.contains(&format!("({}% of task time)", pct(*matched))), "{line} vs {matched}");
        if let Some((a, b)) = automated {
            assert!(line.contains(&format!("{}% automated, {}% augmented", pct(*a), pct(*b))), "{line} vs {a}, {b}");
        }
    }
    let sentence = text(&select(&html, "#usage-sentence")[0]);
    let (first, last) = (figures[0].1, figures[3].1);
    let expected = format!(
        "AI use of this job's tasks went from {:.3}% to {:.3}% of conversations between February 2025 and November 2025; the automated share from {}% in March 2025 to {}% in November 2025.",
        first.0,
        last.0,
        pct(figures[1].1.2.map_or(f64::NAN, |s| s.0)),
        pct(last.2.map_or(f64::NAN, |s| s.0))
    );
    assert_eq!(sentence, expected);
    assert_eq!(select(&html, "#usage svg circle").len(), 4, "the chart has the four dated points");

    let api = app.get_json(&format!("/api/v1/occupations/{CODE}")).await;
    let points = api["observed_usage"]["releases"].as_array().expect("observed_usage.releases");
    assert_eq!(points.len(), 4);
    for ((label, (share, matched, automated)), p) in figures.iter().zip(points) {
        assert_eq!(p["label"], *label);
        let close = |v: &serde_json::Value, want: f64| (v.as_f64().unwrap_or(f64::NAN) - want).abs() < 1e-9;
        assert!(close(&p["share"], *share), "{p} vs {share}");
        assert!(close(&p["matched_time"], *matched), "{p} vs {matched}");
        match automated {
            Some((a, b)) => assert!(close(&p["automated"], *a) && close(&p["augmented"], *b), "{p} vs {a}, {b}"),
            None => assert!(p["automated"].is_null() && p["augmented"].is_null(), "{p}"),
        }
    }
}

#[tokio::test]
async fn every_role_page_and_answer_shows_its_occupations_observed_use() {
    let app = spawn_app().await;
    let roles = app.get_json("/api/v1/roles").await;
    let slugs: Vec<&str> =
        roles["roles"].as_array().expect("roles").iter().filter_map(|r| r["slug"].as_str()).collect();
    assert!(!slugs.is_empty());
    for slug in slugs {
        let role = app.get_json(&format!("/api/v1/roles/{slug}")).await;
        let code = role["assessment"]["occupation"].as_str().expect("occupation");
        let occupation = app.get_json(&format!("/api/v1/occupations/{code}")).await;
        assert_eq!(role["observed_usage"], occupation["observed_usage"], "{slug}");
        let html = app.get(&format!("/roles/{slug}")).await.html();
        let shown = !select(&html, "#usage svg").is_empty()
            || texts(&html, "#usage-sentence").iter().any(|s| s.contains("not in the Anthropic Economic Index"));
        assert!(shown, "/roles/{slug} shows the chart or says the job is not in the index");
        assert!(
            select(&html, "#usage a").iter().any(|a| a.value().attr("href") == Some(&format!("/occupations/{code}"))),
            "/roles/{slug} names the occupation its figures are for"
        );
    }
}
