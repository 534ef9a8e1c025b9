//! Pages ready before their first request: each generation's page cache is filled in the
//! background from the sitemap, up to the cache's byte budget, at start and after each swap.

use crate::helpers::{content_dir, spawn_warming_app};
use jobzone::catalogue::Catalogue;
use jobzone::web::http::page_cache;
use jobzone::web::http::warm::FULL_PERCENT;
use std::time::Duration;

/// A sitemap page early in its order (roles come first), so it fits a small budget.
const ROLE: &str = "/roles/backend-api-developer-mid-level";

/// Waits until the live generation's cache holds `path`, or panics after a minute.
async fn until_cached(
    app: &crate::helpers::TestApp,
    path: &str,
) -> std::sync::Arc<jobzone::web::http::reload::Generation> {
    let key = page_cache::key(path, "");
    for _ in 0..600 {
        let generation = app.site.generation();
        if generation.pages.get(&key).is_some() {
            return generation;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{path} was never warmed into the page cache");
}

#[tokio::test]
async fn sitemap_pages_are_cached_before_any_request_and_warming_stops_at_the_budget() {
    // 4 MiB holds a few dozen of the 1,027 pages: warming must stop there, not churn the cache.
    let app = spawn_warming_app(4).await;
    let generation = until_cached(&app, ROLE).await;
    let mut last = (0, 0);
    for _ in 0..600 {
        let (kept, budget) = generation.pages.weight_and_capacity();
        if kept * 100 >= budget * FULL_PERCENT && (kept, generation.pages.len()) == last {
            break;
        }
        last = (kept, generation.pages.len());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (kept, budget) = generation.pages.weight_and_capacity();
    assert!(kept * 100 >= budget * FULL_PERCENT, "warming filled the cache to its budget: {kept} of {budget} bytes");
    let held = generation.pages.len();
    assert!(held > 5 && held < 1000, "only what fits is warmed: {held} pages");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(generation.pages.len(), held, "warming stopped at the budget");
}

#[tokio::test]
async fn a_swapped_in_generation_is_warmed_too() {
    let app = spawn_warming_app(4).await;
    let first = until_cached(&app, ROLE).await;
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("next.db");
    jobzone::build::build(&content_dir(), &path).expect("the bundled content builds");
    app.site.install(Catalogue::open(&path, 2).expect("the catalogue opens"));
    let second = until_cached(&app, ROLE).await;
    assert!(!std::sync::Arc::ptr_eq(&first, &second), "the new generation has its own warmed cache");
}
