//! /data and its downloads: one row per scored entry as CSV and JSON, strong ETags, the licence,
//! the attributions and a Dataset description.

use crate::helpers::{TestApp, select, spawn_app};
use std::collections::BTreeSet;

/// Scored entries as the API counts them: scored occupations plus editor roles.
async fn scored_entries(app: &TestApp) -> (usize, BTreeSet<String>) {
    let occupations: serde_json::Value =
        serde_json::from_str(&app.get("/api/v1/occupations").await.body).expect("json");
    let roles: serde_json::Value = serde_json::from_str(&app.get("/api/v1/roles").await.body).expect("json");
    let slugs = roles["roles"].as_array().expect("roles").iter().filter_map(|r| r["slug"].as_str().map(String::from));
    let scored = occupations["scored"].as_u64().expect("scored") as usize;
    (scored + roles["count"].as_u64().expect("count") as usize, slugs.collect())
}

#[tokio::test]
async fn the_csv_download_parses_with_one_row_per_scored_entry() {
    let app = spawn_app().await;
    let (expected, slugs) = scored_entries(&app).await;
    let page = app.get("/data/assessments.csv").await;
    page.assert_status(200);
    assert_eq!(page.header("content-type"), "text/csv; charset=utf-8");
    let mut reader = csv::Reader::from_reader(page.body.as_bytes());
    let header: Vec<String> = reader.headers().expect("header row").iter().map(String::from).collect();
    for column in ["kind", "id", "title", "seniority", "occupation", "provenance", "score", "zone", "sub_label"] {
        assert!(header.contains(&column.to_string()), "no {column} column in {header:?}");
    }
    for column in ["task_resistance", "evidence_total", "barriers_total", "protective_total", "growth", "raw"] {
        assert!(header.contains(&column.to_string()), "no {column} column in {header:?}");
    }
    let at = |name: &str| header.iter().position(|h| h == name).expect("column");
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("every row parses");
    assert!(expected > 0);
    assert_eq!(rows.len(), expected, "one row per scored entry");
    let csv_slugs: BTreeSet<String> =
        rows.iter().filter(|r| &r[at("kind")] == "role").map(|r| r[at("id")].to_string()).collect();
    assert_eq!(csv_slugs, slugs);
    let backend = rows.iter().find(|r| &r[at("id")] == "backend-api-developer-mid-level").expect("backend row");
    assert_eq!((&backend[at("score")], &backend[at("zone")], &backend[at("provenance")]), ("24.5", "red", "editor"));
    assert_eq!(&backend[at("url")], "https://jobzone.example/roles/backend-api-developer-mid-level");
}

#[tokio::test]
async fn the_json_download_parses_with_one_row_per_scored_entry_and_the_same_figures() {
    let app = spawn_app().await;
    let (expected, _) = scored_entries(&app).await;
    let page = app.get("/data/assessments.json").await;
    page.assert_status(200);
    assert_eq!(page.header("content-type"), "application/json");
    let json: serde_json::Value = serde_json::from_str(&page.body).expect("valid JSON");
    let rows = json["assessments"].as_array().expect("assessments array");
    assert_eq!(rows.len(), expected);
    assert_eq!(json["count"], expected);
    assert_eq!(json["licence"], "CC BY 4.0");
    let role: serde_json::Value =
        serde_json::from_str(&app.get("/api/v1/roles/junior-software-developer").await.body).expect("json");
    let row = rows.iter().find(|r| r["id"] == "junior-software-developer").expect("junior row");
    let card = &role["assessment"]["card"];
    for (column, figure) in
        [("score", "score"), ("raw", "raw"), ("evidence_total", "evidence_total"), ("growth", "growth")]
    {
        assert_eq!(row[column], card[figure], "{column}");
    }
}

#[tokio::test]
async fn downloads_carry_a_strong_etag_and_answer_304_when_it_matches() {
    let app = spawn_app().await;
    for path in ["/data/assessments.csv", "/data/assessments.json"] {
        let first = app.get(path).await;
        first.assert_status(200);
        let tag = first.header("etag").to_string();
        assert!(tag.starts_with('"') && !tag.starts_with("W/"), "{path}: strong ETag, got {tag:?}");
        assert!(first.header("cache-control").contains("max-age"), "{path}");
        assert_eq!(app.get(path).await.header("etag"), tag, "{path}: the same bytes keep the same tag");
        let again = app.get_with(path, &[("If-None-Match", &tag)]).await;
        again.assert_status(304);
        assert!(again.body.is_empty(), "{path}: a 304 has no body");
        app.get_with(path, &[("If-None-Match", "\"something-else\"")]).await.assert_status(200);
    }
}

#[tokio::test]
async fn the_data_page_states_the_licence_the_attributions_and_links_the_downloads() {
    let app = spawn_app().await;
    let page = app.get("/data").await;
    page.assert_status(200);
    let html = page.html();
    let hrefs: Vec<&str> = select(&html, "main a").iter().filter_map(|a| a.value().attr("href")).collect();
    for href in ["/data/assessments.csv", "/data/assessments.json", "/api/v1/openapi.json", "/feed.xml"] {
        assert!(hrefs.contains(&href), "no link to {href}");
    }
    let text = crate::helpers::one(&html, "main");
    for words in [
        "CC BY 4.0",
        "O*NET 30.1 Database by the U.S. Department of Labor",
        "Eloundou",
        "MIT",
        "Tomlinson",
        "Anthropic Economic Index",
        "U.S. Bureau of Labor Statistics",
        "Public domain",
    ] {
        assert!(text.contains(words), "the page does not mention {words}");
    }
    for slug in ["unknown-endpoint", "not-found", "bad-query", "method-not-allowed", "server-error"] {
        assert_eq!(select(&html, &format!("#problem-{slug}")).len(), 1, "problem type {slug} is documented");
    }
}

#[tokio::test]
async fn the_data_page_describes_the_dataset_in_json_ld() {
    let app = spawn_app().await;
    let html = app.get("/data").await.html();
    let blocks = select(&html, "script[type='application/ld+json']");
    assert_eq!(blocks.len(), 1);
    let json: serde_json::Value =
        serde_json::from_str(&blocks[0].text().collect::<String>()).expect("the JSON-LD parses");
    assert_eq!(json["@type"], "Dataset");
    assert_eq!(json["license"], "https://creativecommons.org/licenses/by/4.0/");
    let urls: Vec<&str> = json["distribution"]
        .as_array()
        .expect("distribution")
        .iter()
        .filter_map(|d| d["contentUrl"].as_str())
        .collect();
    assert_eq!(
        urls,
        [
            "https://jobzone.example/data/assessments.csv",
            "https://jobzone.example/data/assessments.json",
            "https://jobzone.example/data/history.csv"
        ]
    );
    assert_eq!(json["isBasedOn"].as_array().map(Vec::len), Some(5));
}

#[tokio::test]
async fn the_data_page_is_linked_from_every_page_and_the_sitemap_and_downloads_answer_head() {
    let app = spawn_app().await;
    for path in ["/", "/roles/backend-api-developer-mid-level", "/methodology", "/nowhere"] {
        let html = app.get(path).await.html();
        assert_eq!(select(&html, "footer a[href='/data']").len(), 1, "{path}");
    }
    assert!(app.get("/sitemap.xml").await.body.contains("<loc>https://jobzone.example/data</loc>"));
    let (status, response) = app.raw("HEAD", b"/data/assessments.csv");
    assert_eq!(status, 200, "{response}");
    assert!(response.split("\r\n\r\n").nth(1).unwrap_or_default().is_empty(), "HEAD has no body");
}
