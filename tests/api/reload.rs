//! Catalogue hot swap: a content change is served without a restart, a failed rebuild keeps
//! the previous catalogue, and a damaged catalogue is rebuilt rather than served.

use crate::helpers::{content_dir, copy_dir, one, spawn_app_with_content, spawn_watching_app};
use jobzone::web::http::reload::{self, Reason};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

const ROLE: &str = "/roles/backend-api-developer-mid-level";
const ROLE_FILE: &str = "roles/backend-api-developer-mid-level.md";

/// A private copy of the bundled content that a test may edit.
fn content_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    copy_dir(&content_dir(), dir.path());
    dir
}

fn retitle(content: &Path, title: &str) {
    let path = content.join(ROLE_FILE);
    let text = std::fs::read_to_string(&path).expect("role file");
    let edited = text.replacen("title = \"Backend/API Developer\"", &format!("title = \"{title}\""), 1);
    assert_ne!(edited, text, "the role file has the title line this test edits");
    std::fs::write(&path, edited).expect("write role file");
}

#[tokio::test]
async fn an_edited_role_is_served_without_a_restart_and_no_request_fails_meanwhile() {
    let content = content_copy();
    let app = Arc::new(spawn_watching_app(content.path()).await);
    assert!(one(&app.get(ROLE).await.assert_status(200).html(), "h1").contains("Backend/API Developer"));

    let stop = Arc::new(AtomicBool::new(false));
    let (served, failed) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let load = {
        let (app, stop, served, failed) = (app.clone(), stop.clone(), served.clone(), failed.clone());
        tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                let status = app.get(ROLE).await.status;
                let counter = if status == 200 { &served } else { &failed };
                counter.fetch_add(1, Ordering::Relaxed);
            }
        })
    };
    retitle(content.path(), "Backend Platform Developer");
    let mut swapped = false;
    for _ in 0..600 {
        if one(&app.get(ROLE).await.html(), "h1").contains("Backend Platform Developer") {
            swapped = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    stop.store(true, Ordering::Relaxed);
    load.await.expect("load task");
    assert!(swapped, "the edited title never reached the page");
    assert_eq!(failed.load(Ordering::Relaxed), 0, "requests failed during the swap");
    assert!(served.load(Ordering::Relaxed) > 0);
}

#[tokio::test]
async fn a_failed_rebuild_keeps_serving_the_previous_catalogue() {
    let content = content_copy();
    let app = spawn_app_with_content(content.path()).await;
    let before = app.get(ROLE).await.assert_status(200).body.clone();

    // Invalid content.
    let path = content.path().join(ROLE_FILE);
    let text = std::fs::read_to_string(&path).expect("role file");
    std::fs::write(&path, text.replacen("seniority = \"Mid-Level\"", "seniority = \"Wizard\"", 1)).expect("write");
    let (site, config) = (app.site.clone(), app.config.clone());
    tokio::task::spawn_blocking(move || reload::rebuild(&site, &config, Reason::Requested)).await.expect("rebuild");
    assert_eq!(app.get(ROLE).await.assert_status(200).body, before);

    // Valid content, but the catalogue cannot be written (an I/O failure).
    std::fs::write(&path, &text).expect("restore");
    retitle(content.path(), "Backend Platform Developer");
    let mut config = app.config.clone();
    config.catalogue = content.path().join(ROLE_FILE).join("catalogue.db");
    let site = app.site.clone();
    tokio::task::spawn_blocking(move || reload::rebuild(&site, &config, Reason::Requested)).await.expect("rebuild");
    let page = app.get(ROLE).await;
    page.assert_status(200);
    assert!(one(&page.html(), "h1").contains("Backend/API Developer"), "the previous catalogue is still served");
}

#[tokio::test]
async fn a_rebuild_on_request_swaps_in_the_new_catalogue_with_a_fresh_page_cache() {
    let content = content_copy();
    let app = spawn_app_with_content(content.path()).await;
    assert!(one(&app.get(ROLE).await.html(), "h1").contains("Backend/API Developer"));
    retitle(content.path(), "Backend Platform Developer");
    let (site, config) = (app.site.clone(), app.config.clone());
    tokio::task::spawn_blocking(move || reload::rebuild(&site, &config, Reason::Requested)).await.expect("rebuild");
    assert!(one(&app.get(ROLE).await.html(), "h1").contains("Backend Platform Developer"));
}

#[tokio::test]
async fn a_corrupted_catalogue_is_rebuilt_rather_than_served() {
    let content = content_copy();
    let app = spawn_app_with_content(content.path()).await;
    let mut config = app.config.clone();
    config.catalogue = content.path().join("damaged.db");
    jobzone::build::build(&config.content, &config.catalogue).expect("build");
    let mut bytes = std::fs::read(&config.catalogue).expect("catalogue");
    let middle = bytes.len() / 2;
    bytes[100..middle].fill(0x5a);
    std::fs::write(&config.catalogue, bytes).expect("damage the catalogue");

    let catalogue = tokio::task::spawn_blocking(move || reload::open_or_rebuild(&config))
        .await
        .expect("task")
        .expect("the damaged catalogue is rebuilt and opened");
    app.site.install(catalogue);
    app.get(ROLE).await.assert_status(200);
    app.get("/roles").await.assert_status(200);
}
