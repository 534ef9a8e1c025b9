//! Every page ready before its first request: when a generation is swapped in (at start and
//! after each rebuild), a background thread renders every sitemap page into that generation's
//! page cache, through the same cache layer and handlers a reader's request takes, one page at
//! a time so readers' requests keep their share of the machine.
//!
//! Bounded by the cache's byte budget: warming stops once the cache holds
//! [`FULL_PERCENT`]% of `--page-cache-mb`, so warm pages never push each other out; the pages it
//! did not reach are rendered on their first request, as before. It also stops when a newer
//! generation replaces the one it warms (that one gets its own pass).

use super::reload::Generation;
use crate::web::Site;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError, Weak};
use std::time::Instant;

/// Warming stops once the page cache holds this share of its budget.
pub const FULL_PERCENT: u64 = 90;

/// The sending side, kept in `Site`: each new generation is sent to the warming thread.
#[derive(Default)]
pub struct Warmer(Mutex<Option<Sender<Arc<Generation>>>>);

impl Warmer {
    /// Asks for `generation` to be warmed; a no-op when warming is off.
    pub fn warm(&self, generation: Arc<Generation>) {
        if let Some(tx) = self.0.lock().unwrap_or_else(PoisonError::into_inner).as_ref() {
            let _ = tx.send(generation);
        }
    }
}

/// What one pass did, for the log and for tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    pub warmed: usize,
    pub of: usize,
    /// True when the pass stopped at the cache's byte budget.
    pub full: bool,
}

/// Starts the warming thread for `site` and asks it to warm the live generation. The thread
/// holds the site weakly and ends when the site is dropped.
pub fn start(site: &Arc<Site>) -> std::io::Result<()> {
    let (tx, rx) = mpsc::channel();
    *site.warmer.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(tx);
    let weak = Arc::downgrade(site);
    std::thread::Builder::new().name("page-warmer".into()).spawn(move || run(&weak, &rx))?;
    site.warmer.warm(site.generation());
    Ok(())
}

fn run(site: &Weak<Site>, rx: &Receiver<Arc<Generation>>) {
    let runtime = actix_web::rt::System::new();
    while let Ok(mut generation) = rx.recv() {
        // Only the newest of several queued generations is worth warming.
        while let Ok(newer) = rx.try_recv() {
            generation = newer;
        }
        let Some(site) = site.upgrade() else { return };
        let started = Instant::now();
        match runtime.block_on(pass(site, &generation)) {
            Ok(p) => tracing::info!(
                "warmed {} of {} sitemap pages in {:.1} s, {:.1} MiB of the page cache{}",
                p.warmed,
                p.of,
                started.elapsed().as_secs_f64(),
                generation.pages.weight_and_capacity().0 as f64 / f64::from(1 << 20),
                if p.full { "; the page cache is full, the rest render on first request" } else { "" }
            ),
            Err(e) => tracing::warn!("page warming stopped: {e:#}"),
        }
    }
}

/// Requests every sitemap page (the site's own pages first), and the sitemap itself, through the app's cache layer and
/// handlers while `generation` is the live one and its cache has room.
async fn pass(site: Arc<Site>, generation: &Arc<Generation>) -> anyhow::Result<Pass> {
    use actix_web::dev::Service;
    use actix_web::test::{TestRequest, init_service};
    let catalogue = Arc::clone(&generation.catalogue);
    let entries = actix_web::web::block(move || crate::catalogue::read::sitemap_entries(&catalogue.conn())).await??;
    let pages = crate::web::sitemap::PAGES.iter().chain(&["/sitemap.xml"]).map(|p| p.to_string());
    let paths: Vec<String> = pages.chain(entries.into_iter().map(|(p, _)| p)).collect();
    let app = init_service(crate::web::app(actix_web::web::Data::from(Arc::clone(&site)))).await;
    let mut done = Pass { warmed: 0, of: paths.len(), full: false };
    for path in &paths {
        if !Arc::ptr_eq(&site.generation(), generation) {
            break;
        }
        let (kept, budget) = generation.pages.weight_and_capacity();
        if kept * 100 >= budget * FULL_PERCENT {
            done.full = true;
            break;
        }
        let res = app.call(TestRequest::get().uri(path).to_request()).await.map_err(|e| anyhow::anyhow!("{e}"))?;
        if res.status().is_success() {
            done.warmed += 1;
        }
    }
    Ok(done)
}
