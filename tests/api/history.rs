//! The score history on every scored page, in the API and in /data: the same rows everywhere,
//! each naming the methodology version that produced it.

use crate::helpers::{TestApp, select, spawn_app};
use serde_json::Value;

async fn json(app: &TestApp, path: &str) -> Value {
    let page = app.get(path).await;
    page.assert_status(200);
    serde_json::from_str(&page.body).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every page with a score (each role and each scored occupation) shows its score history: a
/// table row per history row naming its methodology version, newest first, and a chart from two
/// rows on.
#[tokio::test]
async fn every_scored_page_shows_its_score_history_naming_methodology_versions() {
    let app = spawn_app().await;
    let mut pages = Vec::new();
    for r in json(&app, "/api/v1/roles").await["roles"].as_array().expect("roles") {
        let slug = r["slug"].as_str().expect("slug");
        pages.push((format!("/roles/{slug}"), format!("/api/v1/roles/{slug}")));
    }
    for o in json(&app, "/api/v1/occupations").await["occupations"].as_array().expect("occupations") {
        if o["score"].is_number() {
            let code = o["code"].as_str().expect("code");
            pages.push((format!("/occupations/{code}"), format!("/api/v1/occupations/{code}")));
        }
    }
    assert!(pages.len() > 900, "{} scored pages", pages.len());
    let (mut charts, mut moved) = (0, 0);
    for (page, api) in &pages {
        let history = json(&app, api).await["history"].as_array().cloned().expect("history");
        assert!(!history.is_empty(), "{api}: empty history");
        let html = app.get(page).await.html();
        let rows = select(&html, "#history table tbody tr");
        assert_eq!(rows.len(), history.len(), "{page}: one table row per history row");
        for (row, point) in rows.iter().zip(history.iter().rev()) {
            let text: String = row.text().collect();
            let version = point["methodology"].as_str().expect("methodology");
            assert!(text.contains(&format!("methodology {version}")), "{page}: {text}");
            assert!(text.contains(point["date"].as_str().expect("date")), "{page}: {text}");
            assert!(text.contains(&format!("{:.1}", point["score"].as_f64().expect("score"))), "{page}: {text}");
            assert!(text.contains(point["reason"].as_str().expect("reason")), "{page}: {text}");
        }
        let chart = select(&html, "#history figure svg circle").len();
        assert_eq!(chart, if history.len() >= 2 { history.len() } else { 0 }, "{page}: one dot per row from two rows");
        charts += usize::from(chart > 0);
        let scores: Vec<String> =
            history.iter().map(|p| format!("{:.1}", p["score"].as_f64().unwrap_or(0.0))).collect();
        moved += usize::from(scores.windows(2).any(|w| w[0] != w[1]));
    }
    assert_eq!(charts, pages.len(), "every assessment has rows under 1.0 and 1.1");
    assert!(moved > 0);
}

#[tokio::test]
async fn the_history_download_holds_every_row_the_api_shows() {
    let app = spawn_app().await;
    let page = app.get("/data/history.csv").await;
    page.assert_status(200);
    assert!(page.header("content-type").starts_with("text/csv"));
    let mut lines = page.body.lines();
    assert_eq!(lines.next(), Some("date,kind,key,score,zone,methodology,data,reason"));
    let rows: Vec<&str> = lines.collect();
    let history =
        json(&app, "/api/v1/roles/junior-software-developer").await["history"].as_array().cloned().expect("history");
    let own: Vec<&&str> = rows.iter().filter(|l| l.contains(",role,junior-software-developer,")).collect();
    assert_eq!(own.len(), history.len());
    for (line, point) in own.iter().zip(&history) {
        assert!(line.starts_with(point["date"].as_str().expect("date")), "{line}");
    }
    let data = app.get("/data").await.html();
    assert_eq!(select(&data, "#history ~ ul a[href='/data/history.csv']").len(), 1);
}
