//! Pages ready before their first request: each generation's page cache is filled in the
//! background from the sitemap, up to the cache's byte budget, at start and after each swap.

use crate::helpers::{content_dir, spawn_warming_app};
use jobzone::catalogue::Catalogue;
use jobzone::web::http::reload::Generation;
use std::sync::Arc;
use std::time::Duration;

/// Waits until the live generation's cache holds pages no request asked for and has stopped
/// growing (the warming pass is over), or panics after a minute.
async fn until_warmed(app: &crate::helpers::TestApp) -> Arc<Generation> {
    let mut last = (0, 0);
    for _ in 0..600 {
        let generation = app.site.generation();
        let now = (generation.pages.len(), generation.pages.weight_and_capacity().0);
        if now.0 > 0 && now == last {
            return generation;
        }
        last = now;
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    panic!("the page cache was never warmed");
}

#[tokio::test]
async fn sitemap_pages_are_cached_before_any_request_and_warming_stops_at_the_budget() {
    // 4 MiB holds a few dozen of the 1,027 pages (131 MiB in all): warming fills the budget
    // and stops there, without any request being made.
    let app = spawn_warming_app(4).await;
    let generation = until_warmed(&app).await;
    let (kept, budget) = generation.pages.weight_and_capacity();
    let held = generation.pages.len();
    assert!(kept <= budget && kept * 100 >= budget * 50, "warming filled the cache: {kept} of {budget} bytes");
    assert!(held > 5 && held < 1000, "only what fits is kept: {held} pages");
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(generation.pages.len(), held, "warming has stopped");
}

#[tokio::test]
async fn a_swapped_in_generation_is_warmed_too() {
    let app = spawn_warming_app(4).await;
    let first = until_warmed(&app).await;
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("next.db");
    jobzone::build::build(&content_dir(), &path).expect("the bundled content builds");
    app.site.install(Catalogue::open(&path, 2).expect("the catalogue opens"));
    let second = until_warmed(&app).await;
    assert!(!Arc::ptr_eq(&first, &second), "the new generation has its own warmed cache");
}
