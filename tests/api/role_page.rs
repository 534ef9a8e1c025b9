//! The reference role page shows every figure of the seed, in HTML.

use crate::helpers::{one, select, spawn_app, text, texts};

const REFERENCE: &str = "/roles/backend-api-developer-mid-level";

#[tokio::test]
async fn role_page_shows_the_score_zone_and_aliases_in_the_html() {
    let app = spawn_app().await;
    let page = app.get(REFERENCE).await;
    page.assert_status(200);
    let html = page.html();
    assert_eq!(one(&html, "h1"), "Will AI replace Backend/API Developer jobs?");
    assert_eq!(one(&html, ".scorecard__number"), "24.5");
    assert_eq!(one(&html, ".scorecard .badge"), "RED");
    assert_eq!(texts(&html, ".alias"), ["Back End", "Backend", "Backend Developer", "Backend Engineer"]);
    assert!(one(&html, ".role-facts").contains("Mid-Level (3-5 years)"));
}

#[tokio::test]
async fn role_page_shows_each_task_row_with_time_score_weighted_class_and_rationale() {
    let app = spawn_app().await;
    let html = app.get(REFERENCE).await.html();
    let rows = select(&html, "table.tasks tbody tr.task");
    let got: Vec<(String, String, String, String, String)> = rows
        .iter()
        .map(|row| {
            let cell = |css: &str| {
                let sel = scraper::Selector::parse(css).expect("selector");
                row.select(&sel).next().map(|e| text(&e)).unwrap_or_default()
            };
            assert!(cell(".task__rationale").len() > 40, "task rationale present");
            (
                cell(".task__name"),
                cell(".task__share"),
                cell(".task__score"),
                cell(".task__weighted"),
                cell(".task__class"),
            )
        })
        .collect();
    let expected = [
        ("API design & architecture decisions", "15%", "2", "0.30", "Augmented"),
        ("Implementing API endpoints & business logic", "20%", "4", "0.80", "Displaced"),
        ("Database schema design & query optimisation", "15%", "3", "0.45", "Augmented"),
        ("Debugging & production incident response", "10%", "3", "0.30", "Augmented"),
        ("Code reviews & mentoring juniors", "10%", "2", "0.20", "Augmented"),
        ("Writing unit & integration tests", "10%", "4", "0.40", "Displaced"),
        ("Sprint planning, standups, cross-team collaboration", "10%", "2", "0.20", "Augmented"),
        ("Research, documentation, learning", "10%", "3", "0.30", "Augmented"),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|(a, b, c, d, e)| (a.to_string(), b.to_string(), c.to_string(), d.to_string(), e.to_string()))
        .collect();
    assert_eq!(got, expected);
    assert!(one(&html, "table.tasks tfoot").contains("2.95"));
}

#[tokio::test]
async fn role_page_shows_task_resistance_and_the_work_impact_split() {
    let app = spawn_app().await;
    let html = app.get(REFERENCE).await.html();
    assert_eq!(one(&html, "#trs"), "Task Resistance Score: 6.00 − 2.95 = 3.05/5.0");
    assert_eq!(one(&html, "#split"), "Split of working time: 30% displacement, 70% augmentation, 0% not involved.");
    let legend = texts(&html, "#tasks .legend li");
    assert_eq!(legend, ["Displaced 30%", "Augmented 70%"]);
}

#[tokio::test]
async fn role_page_shows_each_evidence_barrier_and_protective_row() {
    let app = spawn_app().await;
    let html = app.get(REFERENCE).await.html();
    let rows = |css: &str| -> Vec<(String, String)> {
        select(&html, css)
            .iter()
            .map(|row| {
                let cells: Vec<String> =
                    row.children().filter_map(scraper::ElementRef::wrap).map(|e| text(&e)).collect();
                assert!(cells[2].len() > 30, "rationale present in {cells:?}");
                (cells[0].clone(), cells[1].clone())
            })
            .collect()
    };
    let pairs = |v: &[(&str, &str)]| v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>();
    assert_eq!(
        rows("#evidence tbody tr"),
        pairs(&[
            ("Job Posting Trends", "0"),
            ("Company Actions", "-1"),
            ("Wage Trends", "-1"),
            ("AI Tool Maturity", "-1"),
            ("Expert Consensus", "-1")
        ])
    );
    assert_eq!(
        rows("#barriers tbody tr"),
        pairs(&[
            ("Regulatory/Licensing", "0"),
            ("Physical Presence", "0"),
            ("Union/Collective Bargaining", "0"),
            ("Liability/Accountability", "1"),
            ("Cultural/Ethical", "0")
        ])
    );
    assert_eq!(
        rows("#protective tbody tr"),
        pairs(&[
            ("Embodied Physicality", "0"),
            ("Deep Interpersonal Connection", "1"),
            ("Goal-Setting & Moral Judgment", "1")
        ])
    );
    assert!(one(&html, "#evidence tfoot").contains("-4"));
    assert!(one(&html, "#barriers tfoot").contains("1/10"));
    let protective_foot = one(&html, "#protective tfoot");
    assert!(protective_foot.contains("2/9") && protective_foot.contains("-1"), "{protective_foot}");
}

#[tokio::test]
async fn role_page_shows_the_composite_calculation_with_its_figures() {
    let app = spawn_app().await;
    let html = app.get(REFERENCE).await.html();
    let calc = one(&html, "#composite table.calc tbody");
    for figure in ["3.05/5.0", "1.0 + (-4 × 0.04) = 0.84", "1.0 + (1 × 0.02) = 1.02", "1.0 + (-1 × 0.05) = 0.95"] {
        assert!(calc.contains(figure), "missing {figure} in {calc}");
    }
    assert_eq!(one(&html, "#raw"), "Raw: 3.05 × 0.84 × 1.02 × 0.95 = 2.4826");
    assert_eq!(one(&html, "#score"), "JobZone score: (2.4826 − 0.54) / 7.93 × 100 = 24.5/100");
    assert_eq!(one(&html, "#zone"), "Zone: RED (Green ≥48, Yellow 25–47.9, Red <25)");
    let sub = one(&html, "#composite");
    assert!(sub.contains("65%"), "share scoring 3+");
    assert!(sub.contains("Red — does not meet all three Imminent conditions"), "{sub}");
    assert!(one(&html, "#override").contains("none"));
}

#[tokio::test]
async fn role_page_states_the_indicative_composition_and_its_gap_to_the_score() {
    let app = spawn_app().await;
    let html = app.get(REFERENCE).await.html();
    let points = texts(&html, "table.composition tbody td");
    assert_eq!(points, ["+30.5", "-8.0", "+1.5", "+2.2", "-2.5"]);
    let foot = texts(&html, "table.composition tfoot td");
    assert_eq!(foot, ["23.7", "+0.8", "24.5"]);
    let waterfall = texts(&html, ".waterfall .waterfall__value");
    assert_eq!(waterfall, ["+30.5", "-8.0", "+1.5", "+2.2", "-2.5", "+0.8", "24.5"]);
}

#[tokio::test]
async fn role_page_draws_the_scale_split_and_waterfall_as_inline_svg() {
    let app = spawn_app().await;
    let html = app.get(REFERENCE).await.html();
    assert_eq!(select(&html, ".scale svg rect.band").len(), 3);
    let marker = select(&html, ".scale svg line.marker");
    assert_eq!(marker[0].value().attr("x1"), Some("245"));
    let split: Vec<_> = select(&html, "#tasks svg.splitbar rect")
        .iter()
        .map(|r| r.value().attr("width").unwrap_or("").to_string())
        .collect();
    assert_eq!(split, ["30", "70"]);
    assert_eq!(select(&html, ".waterfall svg rect.waterfall__bar").len(), 7);
}

#[tokio::test]
async fn transition_cards_show_live_scores_and_point_gains() {
    let app = spawn_app().await;
    let html = app.get(REFERENCE).await.html();
    // The editor's three transitions first, then at least one data-derived move within reach.
    let cards = select(&html, "#next li.move");
    assert!(cards.len() >= 4, "{}", cards.len());
    let first = text(&cards[0]);
    assert!(first.contains("Senior Software Engineer (Senior)"), "{first}");
    assert!(first.contains("55.4/100") && first.contains("+30.9"), "{first}");
    let gains = texts(&html, "#next .move .points");
    assert_eq!(gains[..3], ["+30.9 points", "+33.7 points", "+27.0 points"]);
    assert_eq!(texts(&html, "#next .move__why").len(), 3, "each editor transition keeps its reason");
}

#[tokio::test]
async fn the_reference_transition_lists_tasks_lost_gained_and_ai_proof_as_the_seed_does() {
    let app = spawn_app().await;
    let html = app.get(REFERENCE).await.html();
    let card = &select(&html, "#next li.move")[0];
    let list = |css: &str| {
        let sel = scraper::Selector::parse(css).expect("selector");
        card.select(&sel).map(|e| text(&e)).collect::<Vec<_>>()
    };
    assert_eq!(
        list(".move__list--lose li"),
        ["20% Implementing API endpoints & business logic", "10% Writing unit & integration tests"]
    );
    assert_eq!(
        list(".move__list--gain li"),
        [
            "20% System design & architecture decisions",
            "20% Complex implementation & critical systems",
            "15% Code review & quality governance",
            "10% Technical strategy & roadmap",
            "5% Incident response & production issues"
        ]
    );
    assert_eq!(
        list(".move__list--proof li"),
        ["15% Mentoring & team development", "10% Cross-functional collaboration", "5% Hiring & technical interviews"]
    );
    let summary = list(".move__summary").join(" ");
    assert!(summary.contains("from 30% down to 0%") && summary.contains("from 24.5 to 55.4"), "{summary}");
}

#[tokio::test]
async fn seniority_note_links_to_the_junior_and_senior_roles_with_their_live_scores() {
    let app = spawn_app().await;
    let html = app.get(REFERENCE).await.html();
    let links: Vec<String> = select(&html, "#definition .chips a")
        .iter()
        .map(|a| a.value().attr("href").unwrap_or("").to_string())
        .collect();
    assert_eq!(links, ["/roles/junior-software-developer", "/roles/senior-software-engineer"]);
    let chips = texts(&html, "#definition .chips li");
    assert!(chips[1].contains("55.4"), "{chips:?}");
    assert!(chips[0].contains("RED"), "{chips:?}");
}

#[tokio::test]
async fn role_page_has_share_tags_with_title_score_and_zone() {
    let app = spawn_app().await;
    let html = app.get(REFERENCE).await.html();
    let attr =
        |css: &str, name: &str| select(&html, css).first().and_then(|e| e.value().attr(name)).unwrap_or("").to_string();
    assert_eq!(attr("link[rel=canonical]", "href"), "https://jobzone.example/roles/backend-api-developer-mid-level");
    let og_title = attr("meta[property='og:title']", "content");
    assert!(
        og_title.contains("Backend/API Developer (Mid-Level)") && og_title.contains("24.5") && og_title.contains("Red"),
        "{og_title}"
    );
    assert!(attr("meta[name=description]", "content").contains("24.5/100"));
    assert_eq!(attr("meta[name='twitter:card']", "content"), "summary_large_image");
    assert!(one(&html, "head > title").contains("24.5"));
}

#[tokio::test]
async fn role_page_sections_follow_the_reference_order() {
    let app = spawn_app().await;
    let html = app.get(REFERENCE).await.html();
    let ids: Vec<String> = select(&html, "article.role section[id]")
        .iter()
        .map(|s| s.value().attr("id").unwrap_or("").to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "answer",
            "next",
            "verdict",
            "research",
            "glance",
            "composition",
            "definition",
            "employment",
            "protective",
            "tasks",
            "evidence",
            "barriers",
            "growth",
            "composite",
            "usage",
            "commentary",
            "sources",
            "history",
            "updates",
            "embed",
            "revisions"
        ]
    );
}

#[tokio::test]
async fn every_role_page_renders_and_links_only_to_existing_roles() {
    let app = spawn_app().await;
    for slug in [
        "backend-api-developer-mid-level",
        "senior-software-engineer",
        "devsecops-engineer",
        "security-software-developer",
        "junior-software-developer",
    ] {
        let page = app.get(&format!("/roles/{slug}")).await;
        page.assert_status(200);
        let html = page.html();
        for a in select(&html, "a[href^='/roles/']") {
            let href = a.value().attr("href").unwrap_or_default();
            let target = app.get(href).await;
            assert_eq!(target.status, 200, "{slug} links to {href}");
        }
    }
}

#[tokio::test]
async fn role_feed_lists_the_revisions_as_atom() {
    let app = spawn_app().await;
    let page = app.get("/roles/backend-api-developer-mid-level/feed.xml").await;
    page.assert_status(200);
    assert!(page.header("content-type").starts_with("application/atom+xml"));
    assert!(page.body.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
    assert!(page.body.contains("<entry>"));
}
