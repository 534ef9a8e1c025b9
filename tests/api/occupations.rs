//! Every occupation: each page in the sitemap answers, a scored one is a full assessment that
//! can be shared and shows observed AI use (or why not), an unscored one says why, and the JSON
//! API lists them all.

use crate::helpers::{select, spawn_app};

#[tokio::test]
async fn every_occupation_page_in_the_sitemap_answers_and_every_scored_one_can_be_shared() {
    let app = spawn_app().await;
    let sitemap = app.get("/sitemap.xml").await;
    sitemap.assert_status(200);
    let locs: Vec<String> = sitemap
        .body
        .split("<loc>")
        .skip(1)
        .filter_map(|s| s.split("</loc>").next())
        .filter_map(|loc| loc.strip_prefix("https://jobzone.example"))
        .filter(|path| path.starts_with("/occupations/"))
        .map(String::from)
        .collect();
    assert_eq!(locs.len(), 1016, "every O*NET 30.1 occupation is in the sitemap");
    let mut scored = 0;
    for path in &locs {
        let page = app.get(path).await;
        page.assert_status(200);
        let html = page.html();
        let code = path.trim_start_matches("/occupations/");
        if select(&html, "#not-assessed").is_empty() {
            scored += 1;
            let image = select(&html, "meta[property=\"og:image\"]");
            let image = image.first().and_then(|m| m.value().attr("content")).unwrap_or_default();
            assert!(image.contains(&format!("/cards/occupations/{code}.png?v=")), "{path}: og:image {image}");
            let ld: Vec<String> =
                select(&html, "script[type=\"application/ld+json\"]").iter().map(|s| s.inner_html()).collect();
            let graph: serde_json::Value = serde_json::from_str(&ld[0]).unwrap_or_else(|e| panic!("{path}: {e}"));
            let occupation = graph["@graph"]
                .as_array()
                .and_then(|g| g.iter().find(|n| n["@type"] == "Occupation"))
                .unwrap_or_else(|| panic!("{path}: no Occupation in {graph}"));
            assert_eq!(occupation["occupationalCategory"], code, "{path}");
            assert!(!select(&html, "#tasks table.tasks tbody tr").is_empty(), "{path} lists its tasks");
            // Observed AI use over time: the chart of the four releases, or why there is none
            // with the share of the job's task time the index matched.
            let chart = select(&html, "#usage svg circle").len() == 4;
            let sentence =
                select(&html, "#usage-sentence").first().map(|s| s.text().collect::<String>()).unwrap_or_default();
            let absent = sentence.contains("not in the Anthropic Economic Index")
                && sentence.contains("% of its task time is matched");
            assert!(
                chart != absent,
                "{path}: the observed-use chart or the sentence saying why not, not both: {sentence}"
            );
        } else {
            assert!(!select(&html, "#nearby .role-list li").is_empty(), "{path} points somewhere");
        }
    }
    assert!(scored >= 900, "only {scored} occupations have a score");
}

#[tokio::test]
async fn a_sample_of_occupation_share_cards_are_1200_by_630_pngs_and_badges_carry_the_score() {
    let app = spawn_app().await;
    for code in ["29-1141.00", "41-9041.00", "47-2181.00", "15-1252.00"] {
        let response =
            app.client.get(format!("{}/cards/occupations/{code}.png", app.address)).send().await.expect("sent");
        assert_eq!(response.status().as_u16(), 200, "{code}");
        assert_eq!(response.headers()["content-type"], "image/png");
        let png = response.bytes().await.expect("body");
        let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
        assert_eq!((be(&png[16..20]), be(&png[20..24])), (1200, 630), "{code}");
        let api: serde_json::Value = app.get_json(&format!("/api/v1/occupations/{code}")).await;
        let score = api["assessment"]["card"]["score"].as_f64().expect("a score");
        let badge = app.get(&format!("/badge/occupations/{code}.svg")).await;
        badge.assert_status(200);
        assert!(badge.body.contains(&format!("{score:.1}")), "{code} badge shows {score:.1}");
    }
}

#[tokio::test]
async fn the_occupation_api_lists_all_1016_with_their_scores() {
    let app = spawn_app().await;
    let json: serde_json::Value = app.get_json("/api/v1/occupations").await;
    let all = json["occupations"].as_array().expect("a list");
    assert_eq!(all.len(), 1016);
    let scored: Vec<&serde_json::Value> = all.iter().filter(|o| o["score"].is_f64()).collect();
    assert!(scored.len() >= 900, "{}", scored.len());
    assert!(scored.iter().all(|o| o["provenance"] == "data" && o["zone"].is_string()));
    let nurse = all.iter().find(|o| o["code"] == "29-1141.00").expect("registered nurses");
    assert_eq!(nurse["url"], "https://jobzone.example/occupations/29-1141.00");
    let detail: serde_json::Value = app.get_json("/api/v1/occupations/29-1141.00").await;
    assert_eq!(detail["title"], "Registered Nurses");
    assert!(detail["facts"]["employment_2025"].is_f64());
    assert!(detail["assessment"]["tasks"].as_array().is_some_and(|t| t.len() > 10));
    assert!(detail["assessment"]["evidence"][0]["basis"]["shown"].is_string());
}

#[tokio::test]
async fn the_personal_score_and_compare_work_for_occupations() {
    let app = spawn_app().await;
    let page = app.get("/occupations/29-1141.00/personal").await;
    page.assert_status(200);
    let html = page.html();
    assert!(!select(&html, "#personal-score").is_empty(), "an untouched form shows the published score");
    let published: Vec<String> = select(&html, "#result .scorecard__number").iter().map(|e| e.inner_html()).collect();
    assert_eq!(published[0], published[1], "untouched, the personal score is the published score");
    let compare = app.get("/compare/29-1141.00/15-1252.00").await;
    compare.assert_status(200);
    assert!(compare.body.contains("Registered Nurses") && compare.body.contains("Software Developers"));
}

#[tokio::test]
async fn a_scored_occupation_page_offers_the_email_updates_form_for_that_occupation() {
    let app = spawn_app().await;
    let html = app.get("/occupations/29-1141.00").await.html();
    let kind = select(&html, "#updates form.follow-form input[name=kind]");
    let id = select(&html, "#updates form.follow-form input[name=id]");
    assert_eq!(kind[0].value().attr("value"), Some("occupation"));
    assert_eq!(id[0].value().attr("value"), Some("29-1141.00"));
}

#[tokio::test]
async fn an_occupation_page_quotes_the_handbook_licence_and_says_what_a_missing_input_counts_as() {
    let app = spawn_app().await;
    let html = app.get("/occupations/29-1141.00").await.html();
    let barriers = crate::helpers::texts(&html, "tr.barrier-row");
    let regulatory = barriers.iter().find(|r| r.contains("Regulatory")).expect("a regulatory row");
    assert!(regulatory.contains("Registered nurses must have a nursing license issued by the state"), "{regulatory}");
    let link = select(&html, "tr.barrier-row q.quote a");
    assert_eq!(link[0].value().attr("href"), Some("https://www.bls.gov/ooh/healthcare/registered-nurses.htm"));
    let union = barriers.iter().find(|r| r.contains("Union")).expect("a union row");
    assert!(union.contains("no data, counted as 1") && union.contains("a stated neutral value"), "{union}");
}
