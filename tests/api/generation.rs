//! One catalogue generation per request: a page whose render is in flight when the catalogue is
//! swapped comes wholly from the generation it started on, and is kept in that generation's
//! page cache, never in the new one.

use crate::helpers::{copy_content, one, spawn_app_with_content};
use jobzone::catalogue::Catalogue;
use jobzone::web::http::page_cache;
use std::sync::Arc;
use std::time::Duration;

const ROLE: &str = "/roles/backend-api-developer-mid-level";

/// Edits the copy so that two parts of the role page read from different places change: the
/// title (read with the assessment) and the Red zone's headline (read from the methodology).
fn edit(content: &std::path::Path) {
    let role = content.join("roles/backend-api-developer-mid-level.md");
    let text = std::fs::read_to_string(&role).expect("role file");
    let edited = text.replacen("title = \"Backend/API Developer\"", "title = \"Backend Platform Developer\"", 1);
    assert_ne!(edited, text, "the role file has the title line this test edits");
    std::fs::write(&role, edited).expect("write role file");
    let methodology = content.join("methodology.toml");
    let text = std::fs::read_to_string(&methodology).expect("methodology");
    let edited = text.replacen("headline = \"At risk\"", "headline = \"At grave risk\"", 1);
    assert_ne!(edited, text, "the methodology has the headline this test edits");
    std::fs::write(&methodology, edited).expect("write methodology");
}

#[tokio::test]
async fn a_swap_during_a_slow_render_leaves_the_page_wholly_on_its_first_generation() {
    // The next generation, built from edited content beside the live one.
    let edited = copy_content();
    edit(&edited.path().join("content"));
    let next_path = edited.path().join("next.db");
    jobzone::build::build(&edited.path().join("content"), &next_path).expect("the edited content builds");
    let next = Catalogue::open(&next_path, 2).expect("the next catalogue opens");

    let content = copy_content();
    let app = spawn_app_with_content(&content.path().join("content")).await;
    let old = app.site.generation();

    // Hold every connection of the live catalogue: the request's reads wait for one, so its
    // render is in flight until the connections come back.
    let held: Vec<_> = (0..app.config.connections).map(|_| old.catalogue.conn()).collect();
    let before = Arc::strong_count(&old);
    let request = {
        // A connection of its own: the request must not wait behind, or on, the shared client's.
        let client = reqwest::Client::builder().pool_max_idle_per_host(0).build().expect("http client");
        let url = format!("{}{ROLE}", app.address);
        tokio::spawn(async move {
            let response = client.get(url).send().await.expect("request sent");
            response.text().await.expect("body read")
        })
    };
    // The request holds its generation from the moment it arrives: wait until it has one.
    for _ in 0..500 {
        if Arc::strong_count(&old) > before {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(Arc::strong_count(&old) > before, "the request never took the live generation");

    app.site.install(next);
    drop(held);
    let body = request.await.expect("request task");
    let page = scraper::Html::parse_document(&body);
    assert!(one(&page, "h1").contains("Backend/API Developer"), "the title comes from the first generation");
    assert!(body.contains("At risk") && !body.contains("At grave risk"), "so does the methodology's headline");

    let key = page_cache::key(ROLE, "");
    assert!(old.pages.get(&key).is_some(), "the page is kept in the generation it was rendered from");
    assert!(app.site.generation().pages.get(&key).is_none(), "and not in the new one");
    let now = app.get(ROLE).await;
    now.assert_status(200);
    assert!(one(&now.html(), "h1").contains("Backend Platform Developer"), "the next request reads the new generation");
    assert!(now.body.contains("At grave risk"));
}
