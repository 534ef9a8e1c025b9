//! Picking up a new catalogue without a restart. A rebuild (content change, SIGHUP, or a
//! catalogue found corrupt) runs on its own thread, never on the request path; the new catalogue
//! is opened and its search index built before it is swapped in, with a fresh page cache.
//! Requests in flight finish on the old one, whose connections close when the last of them
//! drops its `Arc`. The build writes a new file and renames it over the old path, so the old,
//! still-open file stays valid until then.

use super::page_cache::PageCache;
use crate::build::{self, BuildError};
use crate::catalogue::Catalogue;
use crate::config::Config;
use crate::web::Site;
use anyhow::{Context, Result};
use notify::{EventKind, RecursiveMode, Watcher};
use std::path::Path;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// A catalogue and everything derived from it that must change with it.
pub struct Generation {
    pub catalogue: Arc<Catalogue>,
    pub pages: PageCache,
    /// Share cards drawn so far.
    pub cards: crate::web::share::CardCache,
    /// Downloads and the site feed, made on first request.
    pub generated: super::generated::Generated,
}

impl Generation {
    pub fn new(catalogue: Catalogue, page_cache_bytes: u64) -> Generation {
        Generation {
            catalogue: Arc::new(catalogue),
            pages: PageCache::new(page_cache_bytes),
            cards: Default::default(),
            generated: Default::default(),
        }
    }
}

/// Why a rebuild was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// A file under content/ changed: rebuild only if the catalogue is now older than it.
    ContentChanged,
    /// SIGHUP, or a test: rebuild whatever the file times say.
    Requested,
    /// A query found the catalogue file corrupt: rebuild it.
    Corrupt,
}

/// Quiet time after the last content event before building, so an editor's save (often
/// several events) or a `git checkout` costs one build.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// The sending side, kept in `Site` so handlers can report a damaged catalogue and wait for
/// its repair.
#[derive(Default)]
pub struct Trigger {
    tx: Mutex<Option<Sender<Reason>>>,
    /// The address of the catalogue a query found damaged, until the next rebuild attempt ends.
    damaged: Mutex<Option<usize>>,
    /// Rebuild attempts finished so far; `finished` wakes those waiting for a repair.
    attempts: Mutex<u64>,
    finished: Condvar,
}

/// The longest a request waits for the repair of a damaged catalogue (a whole build).
const REPAIR_WAIT: Duration = Duration::from_secs(120);

impl Trigger {
    /// Sends `reason` to the rebuild thread; false when there is none.
    pub fn send(&self, reason: Reason) -> bool {
        lock(&self.tx).as_ref().is_some_and(|tx| tx.send(reason).is_ok())
    }

    fn set(&self, tx: Sender<Reason>) {
        *lock(&self.tx) = Some(tx);
    }

    /// Asks for the repair of `damaged` and waits for the next rebuild attempt to end. Returns
    /// the catalogue `live` gives once it is no longer `damaged`, or None when no rebuild thread
    /// runs, the attempt failed, or it took longer than [`REPAIR_WAIT`].
    pub fn repair(&self, damaged: &Arc<Catalogue>, live: impl Fn() -> Arc<Catalogue>) -> Option<Arc<Catalogue>> {
        let replaced = |now: Arc<Catalogue>| (!Arc::ptr_eq(&now, damaged)).then_some(now);
        let mut attempts = lock(&self.attempts);
        let before = *attempts;
        if let Some(now) = replaced(live()) {
            return Some(now);
        }
        *lock(&self.damaged) = Some(Arc::as_ptr(damaged) as usize);
        if !self.send(Reason::Corrupt) {
            return None;
        }
        let deadline = Instant::now() + REPAIR_WAIT;
        loop {
            if let Some(now) = replaced(live()) {
                return Some(now);
            }
            if *attempts > before {
                return None;
            }
            let left = deadline.checked_duration_since(Instant::now())?;
            attempts = self.finished.wait_timeout(attempts, left).unwrap_or_else(PoisonError::into_inner).0;
        }
    }

    /// True when `live` is the catalogue reported damaged.
    fn is_damaged(&self, live: &Arc<Catalogue>) -> bool {
        *lock(&self.damaged) == Some(Arc::as_ptr(live) as usize)
    }

    /// Records the end of a rebuild attempt and wakes the requests waiting for it.
    fn attempt_finished(&self) {
        *lock(&self.damaged) = None;
        *lock(&self.attempts) += 1;
        self.finished.notify_all();
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Starts the rebuild thread, the content watcher and the SIGHUP listener. The watcher lives as
/// long as the thread. Call from inside the server's runtime (the signal listener is a task).
pub fn start(site: Arc<Site>, config: &Config) -> Result<()> {
    let (tx, rx) = mpsc::channel();
    let events = tx.clone();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && matches!(event.kind, EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_))
        {
            let _ = events.send(Reason::ContentChanged);
        }
    })
    .context("while starting the content watcher")?;
    watcher
        .watch(&config.content, RecursiveMode::Recursive)
        .with_context(|| format!("while watching {}", config.content.display()))?;
    listen_for_sighup(tx.clone());
    site.rebuilds.set(tx);
    let config = config.clone();
    std::thread::Builder::new()
        .name("catalogue-rebuild".into())
        .spawn(move || {
            let _watcher = watcher;
            run(&site, &config, &rx);
        })
        .context("while starting the rebuild thread")?;
    Ok(())
}

#[cfg(unix)]
fn listen_for_sighup(tx: Sender<Reason>) {
    use tokio::signal::unix::{SignalKind, signal};
    tokio::spawn(async move {
        let mut hangups = match signal(SignalKind::hangup()) {
            Ok(s) => s,
            Err(e) => return tracing::warn!("SIGHUP will not rebuild the catalogue: {e}"),
        };
        while hangups.recv().await.is_some() {
            tracing::info!("SIGHUP: rebuilding the catalogue");
            if tx.send(Reason::Requested).is_err() {
                return;
            }
        }
    });
}

#[cfg(not(unix))]
fn listen_for_sighup(_tx: Sender<Reason>) {}

fn run(site: &Site, config: &Config, rx: &Receiver<Reason>) {
    while let Ok(first) = rx.recv() {
        let mut reason = first;
        while let Ok(next) = rx.recv_timeout(DEBOUNCE) {
            if next != Reason::ContentChanged {
                reason = next;
            }
        }
        let needed = match reason {
            Reason::ContentChanged => build::is_stale(&config.content, &config.catalogue),
            // Several requests may report the same damage: one repair serves them all.
            Reason::Corrupt => site.rebuilds.is_damaged(&site.live_catalogue()),
            Reason::Requested => true,
        };
        if needed {
            rebuild(site, config, reason);
        }
        site.rebuilds.attempt_finished();
    }
}

/// Builds, opens and swaps in a new catalogue; on any failure logs why and keeps serving the
/// current one.
pub fn rebuild(site: &Site, config: &Config, reason: Reason) {
    tracing::info!(?reason, "rebuilding {} from {}", config.catalogue.display(), config.content.display());
    match build::build(&config.content, &config.catalogue) {
        Ok(w) => match Catalogue::open(&config.catalogue, config.connections) {
            Ok(catalogue) => {
                site.install(catalogue);
                tracing::info!("now serving the new catalogue: {} roles, version {}", w.roles, w.version);
            }
            Err(e) => tracing::error!("the new catalogue does not open; still serving the previous one: {e:#}"),
        },
        Err(BuildError::Invalid(problems)) => {
            tracing::error!("content is invalid; still serving the previous catalogue.\n{problems}")
        }
        Err(BuildError::Io(e)) => {
            tracing::error!("the rebuild failed; still serving the previous catalogue: {e:#}")
        }
    }
}

/// Opens the catalogue for serving; one that is unreadable or corrupt is rebuilt from the
/// content and opened again, rather than served.
pub fn open_or_rebuild(config: &Config) -> Result<Catalogue> {
    match Catalogue::open(&config.catalogue, config.connections) {
        Ok(c) => Ok(c),
        Err(e) => {
            tracing::warn!("the catalogue cannot be served ({e:#}); rebuilding it");
            rebuild_file(&config.content, &config.catalogue)?;
            Catalogue::open(&config.catalogue, config.connections)
        }
    }
}

fn rebuild_file(content: &Path, catalogue: &Path) -> Result<()> {
    match build::build(content, catalogue) {
        Ok(_) => Ok(()),
        Err(BuildError::Invalid(problems)) => {
            anyhow::bail!("content is invalid, so the damaged catalogue cannot be rebuilt:\n{problems}")
        }
        Err(BuildError::Io(e)) => Err(e),
    }
}
