//! Search: relevance, hostile queries, and the JSON API.

use crate::helpers::{one, select, spawn_app, texts};

/// (what a reader types, the page that must come first).
const RELEVANCE: &[(&str, &str)] = &[
    ("backend developer", "/roles/backend-api-developer-mid-level"),
    ("Backend Engineer", "/roles/backend-api-developer-mid-level"),
    ("back-end developer", "/roles/backend-api-developer-mid-level"),
    ("back end engineer", "/roles/backend-api-developer-mid-level"),
    ("backend/api developer", "/roles/backend-api-developer-mid-level"),
    ("backend", "/roles/backend-api-developer-mid-level"),
    ("backnd developer", "/roles/backend-api-developer-mid-level"),
    ("node backend eng", "/roles/backend-api-developer-mid-level"),
    ("backend dev", "/roles/backend-api-developer-mid-level"),
    ("api developer", "/roles/backend-api-developer-mid-level"),
    ("developer backend", "/roles/backend-api-developer-mid-level"),
    ("senior software engineer", "/roles/senior-software-engineer"),
    ("senior swe", "/roles/senior-software-engineer"),
    ("sr software developer", "/roles/senior-software-engineer"),
    ("senior developer", "/roles/senior-software-engineer"),
    ("senoir software engineer", "/roles/senior-software-engineer"),
    ("junior developer", "/roles/junior-software-developer"),
    ("junior software developer", "/roles/junior-software-developer"),
    ("graduate developer", "/roles/junior-software-developer"),
    ("jr dev", "/roles/junior-software-developer"),
    ("entry level software engineer", "/roles/junior-software-developer"),
    ("devsecops", "/roles/devsecops-engineer"),
    ("devsecops engineer", "/roles/devsecops-engineer"),
    ("dev sec ops", "/roles/devsecops-engineer"),
    ("devsecops eng", "/roles/devsecops-engineer"),
    ("cloud security engineer", "/roles/devsecops-engineer"),
    ("security developer", "/roles/security-software-developer"),
    ("detection engineer", "/roles/security-software-developer"),
    ("security software developer", "/roles/security-software-developer"),
    ("product security engineer", "/roles/security-software-developer"),
    ("software developer", "/occupations/15-1252.00"),
    ("software developers", "/occupations/15-1252.00"),
    ("nurse practitioner", "/occupations/29-1171.00"),
    ("nurse practioner", "/occupations/29-1171.00"),
    ("registered nurse", "/occupations/29-1141.00"),
    ("registered nurses", "/occupations/29-1141.00"),
    ("rn", "/occupations/29-1141.00"),
    ("hr manager", "/occupations/11-3121.00"),
    ("human resources manager", "/occupations/11-3121.00"),
    ("ux designer", "/occupations/15-1255.00"),
    ("secretary", "/occupations/43-6014.00"),
    ("secretaries", "/occupations/43-6014.00"),
    ("economist", "/occupations/19-3011.00"),
    ("economists", "/occupations/19-3011.00"),
    ("accountant", "/occupations/13-2011.00"),
    ("accountants and auditors", "/occupations/13-2011.00"),
    ("acountant", "/occupations/13-2011.00"),
    ("truck driver", "/occupations/53-3032.00"),
    ("heavy truck driver", "/occupations/53-3032.00"),
    ("cashier", "/occupations/41-2011.00"),
    ("cashiers", "/occupations/41-2011.00"),
    ("web developer", "/occupations/15-1254.00"),
    ("web developers", "/occupations/15-1254.00"),
    ("data scientist", "/occupations/15-2051.00"),
    ("data scientists", "/occupations/15-2051.00"),
    ("information security analyst", "/occupations/15-1212.00"),
    ("information security engineers", "/occupations/15-1299.05"),
    ("chief executive", "/occupations/11-1011.00"),
    ("ceo", "/occupations/11-1011.00"),
    ("electrician", "/occupations/47-2111.00"),
    ("electricians", "/occupations/47-2111.00"),
    ("electrican", "/occupations/47-2111.00"),
    ("plumber", "/occupations/47-2152.00"),
    ("pharmacist", "/occupations/29-1051.00"),
    ("pharmacists", "/occupations/29-1051.00"),
    ("paralegal", "/occupations/23-2011.00"),
    ("lawyer", "/occupations/23-1011.00"),
    ("physician assistant", "/occupations/29-1071.00"),
    ("dental hygienist", "/occupations/29-1292.00"),
    ("graphic designer", "/occupations/27-1024.00"),
];

async fn first_result(app: &crate::helpers::TestApp, q: &str) -> String {
    let response = app
        .client
        .get(format!("{}/api/v1/search", app.address))
        .query(&[("q", q), ("limit", "1")])
        .send()
        .await
        .expect("request");
    let json: serde_json::Value = response.json().await.expect("json");
    json["results"][0]["url"].as_str().unwrap_or("-").to_string()
}

#[tokio::test]
async fn at_least_95_percent_of_the_relevance_set_is_right_first() {
    let app = spawn_app().await;
    assert!(RELEVANCE.len() >= 60);
    let mut misses = Vec::new();
    for (q, want) in RELEVANCE {
        let got = first_result(&app, q).await;
        if got != *want {
            misses.push(format!("{q:?} -> {got} (want {want})"));
        }
    }
    let right = RELEVANCE.len() - misses.len();
    assert!(
        right * 100 >= RELEVANCE.len() * 95,
        "{right}/{} right first; misses:\n{}",
        RELEVANCE.len(),
        misses.join("\n")
    );
}

#[tokio::test]
async fn the_results_page_shows_kind_zone_score_and_what_matched() {
    let app = spawn_app().await;
    let page = app.get("/search?q=backend+engineer").await;
    page.assert_status(200);
    let html = page.html();
    let first = &select(&html, ".result")[0];
    let text = crate::helpers::text(first);
    assert!(text.contains("Backend/API Developer (Mid-Level)"), "{text}");
    assert!(text.contains("Assessed role") && text.contains("RED") && text.contains("24.5"), "{text}");
    assert!(text.contains("alias: Backend Engineer"), "{text}");
    let html = app.get("/search?q=registered+nurses").await.html();
    assert!(texts(&html, ".result__kind")[0].contains("Occupation, not yet assessed"));
}

#[tokio::test]
async fn empty_missing_long_and_syntax_heavy_queries_answer_200() {
    let app = spawn_app().await;
    let long = "a".repeat(2000);
    let queries = [
        "",
        "   ",
        &long,
        "\"backend\"",
        "back*",
        "nurse NEAR doctor",
        "a AND b OR c",
        "(((",
        "-developer",
        "title:nurse",
        "\u{0}",
        "'; DROP TABLE roles; --",
        "<script>alert(1)</script>",
        "%",
        "🙂",
        "NOT",
        "^$.*+?{}[]|\\",
    ];
    for q in queries {
        let response =
            app.client.get(format!("{}/search", app.address)).query(&[("q", q)]).send().await.expect("request");
        let status = response.status().as_u16();
        let body = response.text().await.expect("body");
        assert_eq!(status, 200, "{q:?} answered {status}");
        assert!(!body.contains("<script>alert(1)"), "query reflected unescaped");
    }
    let html = app.get("/search?q=zzqxjv").await.html();
    assert!(one(&html, "#no-results").contains("Nothing matched"));
    assert!(!select(&html, ".suggestions a").is_empty());
    assert!(!select(&app.get("/search").await.html(), "#empty-query").is_empty());
}

#[tokio::test]
async fn the_json_api_has_the_documented_shape() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(format!("{}/api/v1/search?q=backend%20engineer&limit=3", app.address))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 200);
    assert!(response.headers()["content-type"].to_str().unwrap_or("").starts_with("application/json"));
    let json: serde_json::Value = response.json().await.expect("json");
    assert_eq!(json["query"], "backend engineer");
    let results = json["results"].as_array().expect("results array");
    assert!(!results.is_empty() && results.len() <= 3);
    let first = &results[0];
    assert_eq!(first["title"], "Backend/API Developer (Mid-Level)");
    assert_eq!(first["kind"], "role");
    assert_eq!(first["url"], "/roles/backend-api-developer-mid-level");
    assert_eq!(first["zone"], "red");
    assert_eq!(first["score"], 24.5);
    assert_eq!(first["matched"], "alias: Backend Engineer");
    let json: serde_json::Value = app
        .client
        .get(format!("{}/api/v1/search?q=registered%20nurse", app.address))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    let nurse = &json["results"][0];
    // Registered Nurses has a data-derived score, and the API carries it.
    assert_eq!((nurse["kind"].as_str(), nurse["url"].as_str()), (Some("occupation"), Some("/occupations/29-1141.00")));
    assert!(nurse["zone"].is_string() && nurse["score"].is_f64(), "{nurse}");
}

#[tokio::test]
async fn bad_api_parameters_answer_a_problem_details_400() {
    let app = spawn_app().await;
    for q in [
        "limit=5",
        "q=nurse&limit=0",
        "q=nurse&limit=51",
        "q=nurse&limit=ten",
        "q=nurse&limit=-1",
        "q=nurse&limit=1e999",
    ] {
        let response = app.client.get(format!("{}/api/v1/search?{q}", app.address)).send().await.expect("request");
        assert_eq!(response.status().as_u16(), 400, "{q}");
        assert_eq!(response.headers()["content-type"], "application/problem+json", "{q}");
        let json: serde_json::Value = response.json().await.expect("json error body");
        assert!(json["detail"].is_string(), "{q}");
    }
    let response = app.client.get(format!("{}/api/v1/nothing", app.address)).send().await.expect("request");
    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(response.json::<serde_json::Value>().await.expect("json")["status"], 404);
}

#[tokio::test]
async fn every_page_has_a_search_box_that_posts_to_search() {
    let app = spawn_app().await;
    for path in ["/", "/roles", "/methodology", "/roles/backend-api-developer-mid-level", "/nowhere"] {
        let html = app.get(path).await.html();
        assert!(!select(&html, "form[action='/search'] input[name=q]").is_empty(), "{path}");
    }
}
