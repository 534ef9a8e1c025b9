//! Every assessment page answers first: the plain answer before "Score at a glance", naming tasks
//! and figures the page shows; "What to do next" with moves that score higher; "What other
//! research says" with percentiles. Checked on every editor role and a sample of occupations from
//! each zone, picked from the API so no occupation's score is pinned here.

use crate::helpers::{TestApp, one, select, spawn_app, texts};
use scraper::Html;

/// Every editor role's page and three occupations of each zone (first, middle, last by code).
async fn sample(app: &TestApp) -> Vec<String> {
    let roles = app.get_json("/api/v1/roles").await;
    let mut paths: Vec<String> = roles["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .map(|r| format!("/roles/{}", r["slug"].as_str().expect("slug")))
        .collect();
    let occupations = app.get_json("/api/v1/occupations").await;
    let all = occupations["occupations"].as_array().expect("occupations");
    for zone in ["red", "yellow", "green"] {
        let of_zone: Vec<&str> =
            all.iter().filter(|o| o["zone"] == zone).map(|o| o["code"].as_str().expect("code")).collect();
        assert!(of_zone.len() >= 3, "{zone}: {}", of_zone.len());
        for i in [0, of_zone.len() / 2, of_zone.len() - 1] {
            paths.push(format!("/occupations/{}", of_zone[i]));
        }
    }
    paths
}

fn sel(css: &str) -> scraper::Selector {
    scraper::Selector::parse(css).expect("selector")
}

fn section_ids(html: &Html) -> Vec<String> {
    select(html, "section[id]").iter().filter_map(|s| s.value().attr("id")).map(String::from).collect()
}

/// Text with typographic minus signs as plain ones, so figures compare across sections.
fn plain(s: &str) -> String {
    s.replace('\u{2212}', "-")
}

/// The figure after `lead` in `text`, up to the next space or comma: "+4.9%" after "change by ".
fn figure_after<'a>(text: &'a str, lead: &str) -> Option<&'a str> {
    let rest = &text[text.find(lead)? + lead.len()..];
    Some(rest.split([' ', ',']).next().unwrap_or(rest))
}

#[tokio::test]
async fn every_role_and_a_sample_of_occupations_answer_first_from_figures_on_the_page() {
    let app = spawn_app().await;
    let paths = sample(&app).await;
    assert!(paths.len() >= 14, "{paths:?}");
    for path in &paths {
        let page = app.get(path).await;
        page.assert_status(200);
        let html = page.html();
        let ids = section_ids(&html);
        let at = |id: &str| ids.iter().position(|x| x == id).unwrap_or_else(|| panic!("{path}: no #{id} in {ids:?}"));
        assert!(
            at("answer") < at("glance") && at("next") < at("glance") && at("research") < at("glance"),
            "{path}: {ids:?}"
        );

        let answer = plain(&one(&html, "#answer"));
        let score = one(&html, ".scorecard__number");
        assert!(answer.contains(&format!("scores {score} out of 100")), "{path}: {answer}");
        let tasks = texts(&html, "#tasks .task__name");
        let named = texts(&html, "#answer q");
        assert!(!named.is_empty(), "{path}: the answer names no task: {answer}");
        for q in &named {
            let stem = q.trim_end_matches('\u{2026}');
            assert!(tasks.iter().any(|t| t.starts_with(stem)), "{path}: \"{q}\" is not a task on the page");
        }
        let split = plain(&one(&html, "#split"));
        if let Some(augmented) = figure_after(&answer, "could largely take over and ") {
            assert!(split.contains(augmented), "{path}: {augmented} is not in \"{split}\"");
        }
        let employment = plain(&one(&html, "#employment"));
        if let Some(change) = figure_after(&answer, "projects employment to change by ") {
            let change = change.trim_end_matches('%');
            assert!(employment.contains(change), "{path}: {change} is not in the employment table: {employment}");
        }
        if let Some(wage) = figure_after(&answer, "median wage went from ") {
            assert!(employment.contains(wage), "{path}: {wage} is not in the employment table");
        }
        assert!(answer.contains("What to do next"), "{path}: the answer points to next steps");

        assert_eq!(one(&html, "#next h2"), "What to do next", "{path}");
        // Data-derived moves always gain; an editor's transition (with its reason) may not.
        let mut higher = false;
        for m in select(&html, "#next li.move") {
            let points = crate::helpers::text(&m.select(&sel(".points")).next().expect("points"));
            let points: f64 = plain(&points).trim_end_matches(" points").parse().expect("points");
            higher |= points > 0.0;
            let editor = m.select(&sel(".move__why")).next().is_some();
            assert!(editor || points > 0.0, "{path}: a data-derived move loses points ({points})");
        }
        assert!(higher || !select(&html, "#no-moves").is_empty(), "{path}: no higher-scoring move and no reason");
        let lean = texts(&html, "#next .lean li");
        assert!(
            !lean.is_empty() || !select(&html, "#nothing-holds").is_empty(),
            "{path}: nothing to lean into, unsaid"
        );
        assert!(lean.iter().all(|l| !l.contains("Displaced")), "{path}: displaced work to lean into: {lean:?}");

        assert_eq!(one(&html, "#research h2"), "What other research says", "{path}");
        let lines = texts(&html, "#research .research__list li");
        assert_eq!(lines.len(), 3, "{path}: {lines:?}");
        assert!(
            lines.iter().any(|l| l.contains("% of") && l.contains("occupations")),
            "{path}: no percentile: {lines:?}"
        );
        assert!(!one(&html, "#agreement").is_empty(), "{path}");
    }
}

#[tokio::test]
async fn the_reference_role_answers_with_its_own_tasks_and_its_occupations_market() {
    let app = spawn_app().await;
    let html = app.get("/roles/backend-api-developer-mid-level").await.html();
    let answer = plain(&one(&html, "#answer"));
    assert!(answer.contains("Backend/API Developer (Mid-Level) is at risk"), "{answer}");
    // The two displaced tasks of the seed, most time first.
    assert_eq!(
        texts(&html, "#answer q")[..2],
        ["Implementing API endpoints & business logic", "Writing unit & integration tests"]
    );
    assert!(answer.contains("For Software Developers, the occupation this role belongs to, BLS projects"), "{answer}");
    // The editor keeps the verdict and gains the pointer to next steps.
    assert!(one(&html, "#verdict .verdict__next").contains("What to do next"));
    // The editor's advice sits under next steps now.
    assert!(one(&html, "#next #outlook").contains("Survival strategy"));
}

/// Marketing Managers (11-2021.00) earn more at the median than every occupation within reach that
/// scores higher (OEWS May 2025): the page lists them all the same, marks each pay cut and says
/// it. If new data gives it a move that keeps pay, pick another such page from
/// `tests/catalogue.rs`'s count of pages that lead with a pay cut.
#[tokio::test]
async fn a_page_whose_every_move_cuts_pay_says_so_on_each_card_and_above_them() {
    let app = spawn_app().await;
    let html = app.get("/occupations/11-2021.00").await.html();
    let said = one(&html, "#pay-cuts");
    assert!(said.contains("more than 20% less than Marketing Managers"), "{said}");
    let cards = select(&html, "#next li.move");
    assert!(!cards.is_empty());
    for card in cards {
        let cut: String = card.select(&sel(".move__pay-cut")).flat_map(|e| e.text()).collect();
        assert!(cut.starts_with("Median wage \u{2212}$") && cut.ends_with("a pay cut of more than 20%"), "{cut}");
    }
}
