//! /occupations, /occupations/{soc} and /roles.

use crate::helpers::{one, select, spawn_app, texts};

#[tokio::test]
async fn a_scored_occupation_is_a_full_assessment_page_with_its_editor_roles_first() {
    let app = spawn_app().await;
    let page = app.get("/occupations/15-1252.00").await;
    page.assert_status(200);
    let html = page.html();
    assert_eq!(one(&html, "h1"), "Will AI replace Software Developers?");
    assert!(one(&html, "#provenance").contains("Estimate from published data, not reviewed by an editor"));
    let roles: Vec<String> = select(&html, "#editor-roles .role-list a")
        .iter()
        .map(|a| a.value().attr("href").unwrap_or("").to_string())
        .collect();
    for slug in ["junior-software-developer", "backend-api-developer-mid-level", "senior-software-engineer"] {
        assert!(roles.contains(&format!("/roles/{slug}")), "{slug} missing from {roles:?}");
    }
    // The sections of the role page, in its order, then what an occupation adds.
    let ids: Vec<&str> = select(&html, "section[id]").iter().filter_map(|s| s.value().attr("id")).collect();
    let order = [
        "answer",
        "next",
        "research",
        "editor-roles",
        "glance",
        "composition",
        "definition",
        "employment",
        "protective",
        "tasks",
    ];
    let positions: Vec<usize> = order.iter().map(|id| ids.iter().position(|x| x == id).unwrap_or(usize::MAX)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
    for id in ["evidence", "barriers", "growth", "composite", "related", "sources"] {
        assert!(ids.contains(&id), "no #{id} in {ids:?}");
    }
    assert!(one(&html, "#employment").contains("Median annual wage"));
    assert!(one(&html, "#composite").contains("Raw:"));
    assert!(one(&html, "#evidence").contains("vs all occupations"));
    assert!(select(&html, "#not-assessed").is_empty());
}

#[tokio::test]
async fn an_occupation_without_tasks_says_why_and_shows_the_nearest_scored_work() {
    let app = spawn_app().await;
    let page = app.get("/occupations/11-9199.00").await;
    page.assert_status(200);
    let html = page.html();
    assert_eq!(one(&html, "h1"), "Managers, All Other");
    assert!(one(&html, "#not-assessed").contains("lists no task statements"));
    let nearby = texts(&html, "#nearby .role-list__meta");
    assert!(nearby.len() >= 3 && nearby[0].contains("Same broad occupation group"), "{nearby:?}");
    assert!(page.body.contains("https://www.onetonline.org/link/summary/11-9199.00"));
}

#[tokio::test]
async fn malformed_or_unknown_occupation_codes_are_404() {
    let app = spawn_app().await;
    for path in ["/occupations/99-9999.00", "/occupations/15-1252", "/occupations/nurse", "/occupations/%ff"] {
        app.get(path).await.assert_status(404);
    }
}

#[tokio::test]
async fn the_occupation_index_lists_all_23_major_groups_and_1016_occupations() {
    let app = spawn_app().await;
    let page = app.get("/occupations").await;
    page.assert_status(200);
    let html = page.html();
    assert_eq!(select(&html, "section.group").len(), 23);
    assert_eq!(select(&html, ".occupation-list li").len(), 1016);
    let software = select(&html, ".occupation-list a[href='/occupations/15-1252.00']");
    assert_eq!(software.len(), 1);
    assert!(one(&html, "#group-15").contains("editor role"));
}

#[tokio::test]
async fn browsing_green_shows_the_three_green_roles_and_not_the_reference() {
    let app = spawn_app().await;
    let html = app.get("/roles?zone=green&provenance=editor").await.html();
    let titles = texts(&html, ".browse-row th a");
    assert_eq!(titles, ["DevSecOps Engineer", "Senior Software Engineer", "Security Software Developer"]);
    assert!(!titles.iter().any(|t| t.contains("Backend")));
    let counts = texts(&html, ".zone-tabs a");
    assert_eq!(counts, ["All zones 5", "Green 3", "Yellow 0", "Red 2"]);
    // Without the provenance filter, data-derived occupations are listed too.
    let all = app.get("/roles?provenance=data").await.html();
    let total: usize = one(&all, "#result-count").rsplit(' ').next().and_then(|n| n.parse().ok()).unwrap_or(0);
    assert!(total >= 900, "{total} data-derived entries");
    assert!(texts(&all, ".browse-row .col-provenance").iter().all(|p| p == "Data"));
}

#[tokio::test]
async fn browsing_sorts_by_score_either_way_and_by_title() {
    let app = spawn_app().await;
    let scores = |html: &scraper::Html| {
        texts(html, ".browse-row .score").iter().map(|s| s.parse::<f64>().unwrap_or(f64::NAN)).collect::<Vec<_>>()
    };
    let desc = scores(&app.get("/roles").await.html());
    assert!(desc.windows(2).all(|w| w[0] >= w[1]), "{desc:?}");
    let asc = scores(&app.get("/roles?sort=score-asc").await.html());
    assert!(asc.windows(2).all(|w| w[0] <= w[1]), "{asc:?}");
    let titles = texts(&app.get("/roles?sort=title").await.html(), ".browse-row th a");
    let mut sorted = titles.clone();
    sorted.sort();
    assert_eq!(titles, sorted);
}

#[tokio::test]
async fn browsing_survives_garbage_parameters_with_a_notice() {
    let app = spawn_app().await;
    for q in [
        "zone=purple",
        "page=-3",
        "page=1e999",
        "sort=%27%3B%20DROP%20TABLE%20roles",
        "category=%00",
        "seniority=%ff%fe",
        "zone=",
        "x=1&x=2",
    ] {
        let page = app.get(&format!("/roles?{q}")).await;
        assert!(page.status == 200 || page.status == 400, "{q} answered {}", page.status);
        if page.status == 200 && !q.ends_with('=') {
            assert!(!select(&page.html(), ".notice").is_empty(), "{q} had no notice");
        }
    }
    // Filters combine, and a page past the end is not a page (404, never an indexable empty page).
    let html = app.get("/roles?zone=red&seniority=Junior").await.html();
    assert_eq!(texts(&html, ".browse-row th a"), ["Junior Software Developer"]);
    app.get("/roles?provenance=editor&page=9").await.assert_status(404);
}

/// The bundled content plus `n` copies of the junior role under new slugs and titles.
pub fn content_with_extra_roles(n: usize) -> tempfile::TempDir {
    let dir = crate::helpers::copy_content();
    let content = dir.path().join("content");
    let junior = std::fs::read_to_string(content.join("roles/junior-software-developer.md")).expect("junior role");
    for i in 0..n {
        let text: String = junior
            .lines()
            .map(|l| match l {
                l if l.starts_with("slug = ") => format!("slug = \"copy-{i:03}\""),
                l if l.starts_with("title = ") => format!("title = \"Copy Role {i:03}\""),
                l if l.starts_with("aliases = ") => "aliases = []".to_string(),
                l => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n");
        std::fs::write(content.join(format!("roles/copy-{i:03}.md")), text).expect("write role");
    }
    dir
}

#[tokio::test]
async fn browsing_paginates_past_50_roles() {
    let dir = content_with_extra_roles(55);
    let app = crate::helpers::spawn_app_with_content(&dir.path().join("content")).await;
    let first = app.get("/roles?provenance=editor&sort=title").await.html();
    assert_eq!(select(&first, ".browse-row").len(), 50);
    assert_eq!(one(&first, "#result-count"), "1–50 of 60");
    let pager: Vec<String> =
        select(&first, ".pager a").iter().map(|a| a.value().attr("href").unwrap_or("").to_string()).collect();
    assert!(pager.contains(&"/roles?provenance=editor&sort=title&page=2".to_string()), "{pager:?}");
    let second = app.get("/roles?provenance=editor&sort=title&page=2").await.html();
    assert_eq!(select(&second, ".browse-row").len(), 10);
    assert_eq!(one(&second, "#result-count"), "51–60 of 60");
    let page_one: Vec<String> = texts(&first, ".browse-row th a");
    let page_two: Vec<String> = texts(&second, ".browse-row th a");
    assert!(page_one.iter().all(|t| !page_two.contains(t)), "pages do not overlap");
}

#[tokio::test]
async fn badges_in_lists_name_the_sub_label_as_the_assessment_page_does() {
    let app = spawn_app().await;
    let html = app.get("/roles?provenance=editor&zone=red").await.html();
    let badges = texts(&html, ".browse-row .badge");
    assert!(badges.contains(&"RED (Imminent)".to_string()), "{badges:?}");
    let page = app.get("/roles/junior-software-developer").await.html();
    assert_eq!(one(&page, ".scorecard .badge"), "RED (Imminent)");
}
