//! Home, methodology, static assets and cache headers.

use crate::helpers::{one, select, spawn_app, texts};

#[tokio::test]
async fn home_page_links_every_role_grouped_by_zone() {
    let app = spawn_app().await;
    let page = app.get("/").await;
    page.assert_status(200);
    let html = page.html();
    let green: Vec<String> = select(&html, ".zone-col--green .role-list a")
        .iter()
        .map(|a| a.value().attr("href").unwrap_or("").to_string())
        .collect();
    assert_eq!(
        green,
        ["/roles/devsecops-engineer", "/roles/senior-software-engineer", "/roles/security-software-developer"]
    );
    let red = texts(&html, ".zone-col--red .role-list__name");
    assert!(
        red.contains(&"Backend/API Developer".to_string()) && red.contains(&"Junior Software Developer".to_string()),
        "{red:?}"
    );
    assert_eq!(one(&html, ".zones h2"), "5 editor-reviewed roles, by zone");
    assert!(!texts(&html, ".recent li").is_empty());
}

#[tokio::test]
async fn methodology_page_renders_the_constants_that_ran() {
    let app = spawn_app().await;
    let page = app.get("/methodology").await;
    page.assert_status(200);
    let body = one(&page.html(), "main");
    for fact in [
        "6.00 − Σ",
        "1 + E × 0.04",
        "1 + B × 0.02",
        "1 + G × 0.05",
        "(raw − 0.54) / 7.93 × 100",
        "48 and above",
        "Imminent",
        "Transforming",
    ] {
        assert!(body.contains(fact), "methodology page lacks {fact}");
    }
    let methodology =
        std::fs::read_to_string(crate::helpers::content_dir().join("methodology.toml")).expect("methodology.toml");
    assert!(page.body.contains("raw_span = 7.93") && methodology.contains("raw_span = 7.93"));
}

#[tokio::test]
async fn pages_carry_an_etag_and_answer_304_when_it_matches() {
    let app = spawn_app().await;
    let first = app.get("/roles/backend-api-developer-mid-level").await;
    let etag = first.header("etag").to_string();
    assert!(etag.starts_with('"') && etag.len() > 2, "a strong ETag: {etag}");
    assert!(first.header("cache-control").contains("max-age"));
    let again = app
        .client
        .get(format!("{}/roles/backend-api-developer-mid-level", app.address))
        .header("If-None-Match", &etag)
        .send()
        .await
        .expect("request");
    assert_eq!(again.status().as_u16(), 304);
}

#[tokio::test]
async fn the_stylesheet_is_served_with_long_caching_when_versioned() {
    let app = spawn_app().await;
    let html = app.get("/").await.html();
    let href = select(&html, "link[rel=stylesheet]")[0].value().attr("href").unwrap_or_default().to_string();
    let css = app.get(&href).await;
    css.assert_status(200);
    assert!(css.header("content-type").starts_with("text/css"));
    assert!(css.header("cache-control").contains("immutable"));
    assert!(css.body.contains(".scorecard"));
}

#[tokio::test]
async fn every_page_carries_the_onet_attribution_and_security_headers() {
    let app = spawn_app().await;
    for path in ["/", "/methodology", "/roles/backend-api-developer-mid-level", "/roles/missing"] {
        let page = app.get(path).await;
        assert!(page.body.contains("O*NET 30.1 Database by the U.S. Department of Labor"), "{path}");
        assert!(page.header("content-security-policy").contains("default-src 'self'"), "{path}");
        assert_eq!(page.header("x-content-type-options"), "nosniff");
    }
}

#[tokio::test]
async fn the_sitemap_lists_every_role_and_occupation_and_robots_points_to_it() {
    let app = spawn_app().await;
    let page = app.get("/sitemap.xml").await;
    page.assert_status(200);
    assert!(page.header("content-type").starts_with("application/xml"));
    assert!(page.body.contains(
        "<loc>https://jobzone.example/roles/backend-api-developer-mid-level</loc><lastmod>2026-10-27</lastmod>"
    ));
    assert_eq!(page.body.matches("<loc>https://jobzone.example/roles/").count(), 5);
    assert_eq!(page.body.matches("<loc>https://jobzone.example/occupations/").count(), 1016);
    let robots = app.get("/robots.txt").await;
    assert!(robots.body.contains("Sitemap: https://jobzone.example/sitemap.xml"));
    assert!(robots.body.contains("Disallow: /api/"));
}

#[tokio::test]
async fn methodology_page_shows_the_data_method_its_sources_and_both_scores_side_by_side() {
    let app = spawn_app().await;
    let page = app.get("/methodology").await;
    page.assert_status(200);
    let html = page.html();
    let method = crate::helpers::texts(&html, "#data-method ~ div table.data-rules tbody tr");
    let dimensions = crate::helpers::texts(&html, "#data-method ~ div table.data-rules tbody tr th");
    assert_eq!(dimensions.len(), 5 + 5 + 3 + 1, "one row per evidence dimension, barrier, principle and growth");
    assert!(method[0].contains("Job Posting Trends") && method[0].contains("at least"), "{}", method[0]);
    assert!(method.iter().any(|r| r.contains("Company Actions") && r.contains("stated neutral value")), "{method:?}");
    let union = method.iter().find(|r| r.contains("Union/Collective Bargaining")).expect("a union row");
    assert!(union.contains("without data it counts as +1"), "{union}");
    assert!(method.iter().any(|r| r.contains("Handbook licensing") && r.contains("at least 2: +2")), "{method:?}");
    assert!(crate::helpers::one(&html, "#licensing-phrases").contains("\u{201c}must be licensed\u{201d} 2"));
    // Agreement with independent research, measured at build, and the dated changelog.
    let agreement = crate::helpers::texts(&html, "#agreement ~ h3 + p");
    let human = agreement.iter().find(|p| p.contains("Spearman correlation")).expect("a correlation");
    let r: f64 = human.split_whitespace().nth(2).expect("a figure").replace('\u{2212}', "-").parse().expect("a number");
    assert!(r <= -0.6, "{human}");
    assert_eq!(select(&html, "figure.scatter svg").len(), 3);
    assert_eq!(
        select(&html, "figure.scatter")
            .first()
            .map(|f| f.select(&scraper::Selector::parse("circle").expect("css")).count()),
        Some(923)
    );
    assert!(crate::helpers::one(&html, "main").contains("under version 1.0, 281 Green, 552 Yellow, 90 Red"));
    assert!(crate::helpers::one(&html, "#v1\\.1").contains("Version 1.1 (2026-11-30)"));
    let sources = crate::helpers::texts(&html, "#data-sources + ul li");
    for name in ["O*NET", "GPTs are GPTs", "Working with AI", "Anthropic Economic Index", "Bureau of Labor Statistics"]
    {
        assert!(sources.iter().any(|s| s.contains(name)), "{name} missing from {sources:?}");
    }
    assert!(sources.iter().all(|s| s.contains("Licence")), "{sources:?}");
    // The distribution of every score, counted per zone, and editor roles beside their occupation.
    let body = crate::helpers::one(&html, "main");
    assert!(body.contains("scores in 5-point bins"));
    let pairs = crate::helpers::texts(&html, "#side-by-side tbody tr");
    assert_eq!(pairs.len(), 5, "{pairs:?}");
    assert!(pairs[0].contains("Software Developers") || pairs[0].contains("Information Security"), "{pairs:?}");
}
