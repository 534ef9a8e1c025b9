//! /compare and /roles/{slug}/personal.

use crate::helpers::{one, select, spawn_app, texts};

#[tokio::test]
async fn the_reference_move_to_senior_shows_points_splits_and_task_lists_as_the_seed() {
    let app = spawn_app().await;
    let page = app.get("/compare/backend-api-developer-mid-level/senior-software-engineer").await;
    page.assert_status(200);
    let html = page.html();
    assert_eq!(one(&html, "#move .points"), "+30.9");
    assert_eq!((one(&html, "#move .before"), one(&html, "#move .after")), ("30%".to_string(), "0%".to_string()));
    assert_eq!(
        texts(&html, ".move__list--lose li"),
        ["20% Implementing API endpoints & business logic", "10% Writing unit & integration tests"]
    );
    assert_eq!(texts(&html, ".move__list--gain li").len(), 5);
    assert_eq!(
        texts(&html, ".move__list--proof li"),
        ["15% Mentoring & team development", "10% Cross-functional collaboration", "5% Hiring & technical interviews"]
    );
    let rows = texts(&html, ".compare-table tbody tr");
    assert!(rows[0].contains("24.5") && rows[0].contains("55.4") && rows[0].contains("+30.9"), "{rows:?}");
    assert!(
        rows.iter().any(|r| r.starts_with("Task Resistance") && r.contains("3.05") && r.contains("3.75")),
        "{rows:?}"
    );
    assert!(one(&html, ".move__summary").contains("from 30% down to 0%"));
}

#[tokio::test]
async fn two_green_roles_and_two_red_roles_compare() {
    let app = spawn_app().await;
    let html = app.get("/compare/devsecops-engineer/security-software-developer").await.html();
    assert_eq!(one(&html, "#move .points"), "-6.7");
    assert!(one(&html, "#move").contains("points lost"));
    let html = app.get("/compare/junior-software-developer/backend-api-developer-mid-level").await.html();
    assert_eq!(one(&html, "#move .points"), "+13.2");
    assert_eq!(texts(&html, ".compare__heads .badge"), ["RED (Imminent)", "RED"]);
}

#[tokio::test]
async fn the_compare_form_redirects_to_the_canonical_address() {
    let app = spawn_app().await;
    let page = app.get("/compare?a=backend-api-developer-mid-level&b=devsecops-engineer").await;
    assert_eq!(page.status, 303);
    assert_eq!(page.header("location"), "/compare/backend-api-developer-mid-level/devsecops-engineer");
}

#[tokio::test]
async fn bad_compare_requests_answer_4xx_with_the_form() {
    let app = spawn_app().await;
    for (path, status, says) in [
        ("/compare/devsecops-engineer/devsecops-engineer", 400, "same role twice"),
        ("/compare/devsecops-engineer/astronaut", 404, "no assessment at one of those addresses"),
        ("/compare?a=devsecops-engineer", 400, "Choose a second role"),
        ("/compare", 400, "Choose two roles"),
        ("/compare?a=%3Cscript%3E&b=x", 404, "no role at that address"),
    ] {
        let page = app.get(path).await;
        page.assert_status(status);
        let html = page.html();
        assert!(one(&html, "#problem").contains(says), "{path}: {}", one(&html, "#problem"));
        assert_eq!(select(&html, "form.compare-form select").len(), 2, "{path} shows the form");
    }
}

#[tokio::test]
async fn role_pages_offer_a_compare_form_and_link_cards_to_compare_pages() {
    let app = spawn_app().await;
    let html = app.get("/roles/backend-api-developer-mid-level").await.html();
    let options = select(&html, "#next form.compare-form select[name=b] option[value]");
    assert!(options.len() >= 5, "all other roles offered");
    let links: Vec<String> =
        select(&html, ".move__link a").iter().map(|a| a.value().attr("href").unwrap_or("").to_string()).collect();
    assert_eq!(links[0], "/compare/backend-api-developer-mid-level/senior-software-engineer");
}

const PERSONAL: &str = "/roles/backend-api-developer-mid-level/personal";

#[tokio::test]
async fn the_personal_page_with_the_roles_own_inputs_gives_24_5() {
    let app = spawn_app().await;
    let html = app.get(PERSONAL).await.html();
    assert_eq!(one(&html, "#personal-score"), "24.5");
    assert_eq!(one(&html, "#difference"), "0.0");
    let own = "share0=15&score0=2&share1=20&score1=4&share2=15&score2=3&share3=10&score3=3&share4=10&score4=2&share5=10&score5=4&share6=10&score6=2&share7=10&score7=3";
    assert_eq!(one(&app.get(&format!("{PERSONAL}?{own}")).await.html(), "#personal-score"), "24.5");
}

#[tokio::test]
async fn a_changed_task_mix_gives_the_hand_computed_score_and_its_link_reproduces_it() {
    let app = spawn_app().await;
    // Move 10 points of time from endpoint implementation (score 4) to API design (score 2),
    // and add a task of our own: 10% at score 1, taken from writing tests (score 4).
    // Weighted: 0.25x2 + 0.10x4 + 0.15x3 + 0.10x3 + 0.10x2 + 0x4 + 0.10x2 + 0.10x3 + 0.10x1 = 2.45
    // TRS 3.55; raw = 3.55 x 0.84 x 1.02 x 0.95 = 2.8896; score = (2.8896 - 0.54) / 7.93 x 100 = 29.6
    let q = "share0=25&score0=2&share1=10&score1=4&share2=15&score2=3&share3=10&score3=3&share4=10&score4=2&share5=0&score5=4&share6=10&score6=2&share7=10&score7=3&custom_name=Vendor+calls&custom_share=10&custom_score=1";
    let html = app.get(&format!("{PERSONAL}?{q}")).await.html();
    assert_eq!(one(&html, "#personal-score"), "29.6");
    assert_eq!(one(&html, "#difference"), "+5.1");
    assert_eq!(one(&html, "#raw"), "Raw: 3.55 × 0.84 × 1.02 × 0.95 = 2.8896");
    assert_eq!(texts(&html, "#result .badge"), ["YELLOW", "RED"]);
    let url = select(&html, "#share-url")[0].value().attr("value").unwrap_or_default().to_string();
    let path = url.strip_prefix("https://jobzone.example").expect("share url on the base url");
    assert_eq!(one(&app.get(path).await.html(), "#personal-score"), "29.6");
}

#[tokio::test]
async fn invalid_personal_input_is_explained_next_to_its_field() {
    let app = spawn_app().await;
    let base = "share0=15&score0=2&share1=20&score1=4&share2=15&score2=3&share3=10&score3=3&share4=10&score4=2&share5=10&score5=4&share6=10&score6=2&share7=10&score7=3";
    let cases = [
        (base.replace("share0=15", "share0=10"), "#total-error", "add up to 95%"),
        (base.replace("score1=4", "score1=7"), "#score1-error", "7 is out of range"),
        (base.replace("share2=15", "share2=fifteen"), "#share2-error", "is not a share of time"),
        (base.replace("share3=10", "share3=1e999"), "#share3-error", "is not a share of time"),
        (base.replace("share3=10", "share3=10.25"), "#share3-error", "at most one decimal"),
        (format!("{base}&custom_share=5&custom_score=2"), "#custom_name-error", "Give your task a name"),
    ];
    for (q, field, says) in cases {
        let page = app.get(&format!("{PERSONAL}?{q}")).await;
        page.assert_status(200);
        let html = page.html();
        assert!(one(&html, field).contains(says), "{q}: {}", one(&html, field));
        assert!(select(&html, "#personal-score").is_empty(), "no score for invalid input");
    }
}
