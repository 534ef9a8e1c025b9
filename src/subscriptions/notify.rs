//! From catalogue changes to delivered emails, in two steps that each survive a crash:
//!
//! 1. [`detect_changes`] compares each followed item in the catalogue with what its followers
//!    were last told; a difference is recorded, with one outbox row per confirmed follower, in a
//!    single transaction (the outbox is unique per change and subscription).
//! 2. [`deliver`] sends due outbox rows. Each row is claimed (`sending`, committed) before the
//!    SMTP transaction and marked `sent` after the server accepts the message. A transient
//!    failure puts it back in the queue with an exponential backoff. A row still `sending` when
//!    a later run starts belonged to a run that died mid-send: the server may have accepted the
//!    message, so it is never picked again (after a lease it is marked `in_doubt` for the
//!    operator). Update emails have a deterministic Message-ID, so even a resend by hand could
//!    be recognised as a repeat.

use super::store::OutboxItem;
use super::{Snapshot, Subscriptions, Target, emails, mail::SendError, now};
use crate::catalogue::{Catalogue, followed};
use anyhow::{Context, Result};
use std::fmt;

/// How long a claim may stay `sending` before it counts as in doubt; far beyond the SMTP
/// timeout, so a live run's claims are never touched.
const CLAIM_LEASE_SECS: i64 = 15 * 60;

/// What followers of `target` would be told now, or None if the catalogue has no score for it.
pub fn snapshot(catalogue: &Catalogue, target: &Target) -> Result<Option<Snapshot>> {
    // A follow whose identifier no assessment could have has nothing to report.
    let Some(key) = crate::assessment::Key::parse(target.kind, &target.id) else { return Ok(None) };
    let state = followed::state(&catalogue.conn(), &key)?;
    Ok(state.map(|s| Snapshot {
        zone_name: catalogue.methodology.zone(s.zone).name.clone(),
        title: s.title,
        url: s.url,
        score: s.score,
        zone: s.zone.as_str().to_string(),
        revision_date: s.revision_date,
        revision_note: s.revision_note,
    }))
}

/// What one detection pass found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Detected {
    /// Followed items whose score, zone or newest revision changed.
    pub changes: usize,
    /// Emails queued for them.
    pub queued: u64,
}

/// Queues one email per confirmed follower for each followed item that changed.
pub fn detect_changes(subs: &Subscriptions, catalogue: &Catalogue) -> Result<Detected> {
    let mut detected = Detected::default();
    let targets = subs.store().followed()?;
    for target in targets {
        let Some(current) = snapshot(catalogue, &target)? else {
            tracing::warn!(kind = target.kind.as_str(), id = %target.id, "a followed item is not in the catalogue");
            continue;
        };
        let mut store = subs.store();
        match store.notice(&target)? {
            None => store.set_baseline(&target, &current, now())?,
            Some(told) if told.differs_from(&current) => {
                if let Some(queued) = store.record_change(&target, &told, &current, now())? {
                    detected.changes += 1;
                    detected.queued += queued;
                }
            }
            Some(_) => {}
        }
    }
    Ok(detected)
}

/// Retry timing for transient failures.
#[derive(Debug, Clone, Copy)]
pub struct Backoff {
    /// Delay after the first failure; doubles with each further one.
    pub first_secs: i64,
    pub max_secs: i64,
    /// After this many attempts a message is given up as failed.
    pub max_attempts: i64,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff { first_secs: 60, max_secs: 6 * 3600, max_attempts: 16 }
    }
}

impl Backoff {
    fn delay(&self, attempts: i64) -> i64 {
        let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 30)).unwrap_or(30);
        self.first_secs.saturating_mul(1i64 << doublings).min(self.max_secs)
    }
}

/// What one delivery pass did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Delivered {
    pub sent: usize,
    /// Back in the queue for a later attempt (SMTP down or busy).
    pub retrying: usize,
    pub failed: usize,
    /// Claims of a run that died mid-send, now marked and never resent.
    pub in_doubt: u64,
}

/// Sends every due update email once.
pub fn deliver(subs: &Subscriptions, backoff: Backoff) -> Result<Delivered> {
    let mut done = Delivered::default();
    let due = {
        let store = subs.store();
        done.in_doubt = store.mark_in_doubt(now(), CLAIM_LEASE_SECS)?;
        store.due(now(), 100_000)?
    };
    for id in due {
        let item = {
            let store = subs.store();
            if !store.claim(id, now())? {
                continue;
            }
            store.outbox_item(id)?
        };
        let Some(item) = item else { continue };
        match send(subs, &item) {
            Ok(()) => {
                failpoint::after_accept(done.sent + 1);
                subs.store().mark_sent(id, now())?;
                done.sent += 1;
            }
            Err(SendError::Transient(e)) if item.attempts < backoff.max_attempts => {
                tracing::warn!(outbox = id, attempt = item.attempts, "not sent, will retry: {e}");
                subs.store().mark_retry(id, now() + backoff.delay(item.attempts), &e)?;
                done.retrying += 1;
                // The server is unreachable or busy: leave the rest queued for the next pass.
                break;
            }
            Err(e) => {
                tracing::error!(outbox = id, "update email given up: {e}");
                subs.store().mark_failed(id, &e.to_string())?;
                done.failed += 1;
            }
        }
    }
    let counts = subs.store().outbox_counts()?;
    done.retrying = usize::try_from(counts.queued).unwrap_or(usize::MAX);
    Ok(done)
}

fn send(subs: &Subscriptions, item: &OutboxItem) -> Result<(), SendError> {
    let email = emails::update(subs, item).map_err(|e| SendError::Permanent(format!("{e:#}")))?;
    subs.mailer.send(&email)
}

/// One notification run's outcome.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    pub detected: Detected,
    pub delivered: Delivered,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (d, s) = (&self.detected, &self.delivered);
        write!(
            f,
            "{} changed item(s), {} email(s) queued; sent {}, waiting to retry {}, failed {}, in doubt {}",
            d.changes, d.queued, s.sent, s.retrying, s.failed, s.in_doubt
        )
    }
}

/// For the serving process: call on a blocking thread after a new catalogue is swapped in.
/// Detects what changed for followers and delivers what is due; safe to run concurrently with
/// `jobzone notify` (claims are atomic, changes are recorded once per transaction).
pub fn after_catalogue_swap(subs: &Subscriptions, catalogue: &Catalogue) -> Result<Report> {
    let detected = detect_changes(subs, catalogue).context("while detecting changes")?;
    let delivered = deliver(subs, Backoff::default()).context("while delivering update emails")?;
    Ok(Report { detected, delivered })
}

/// `jobzone notify`: the same as [`after_catalogue_swap`], over the catalogue on disk.
pub fn run(config: &crate::config::Config, args: &crate::config::NotifyArgs) -> Result<Report> {
    let catalogue = Catalogue::open(&config.catalogue, 1)?;
    let subs = Subscriptions::open(config, config.base_url())?;
    let detected = detect_changes(&subs, &catalogue).context("while detecting changes")?;
    let backoff = Backoff { first_secs: args.retry_after, ..Backoff::default() };
    let delivered = deliver(&subs, backoff).context("while delivering update emails")?;
    Ok(Report { detected, delivered })
}

/// A test hook, compiled into debug builds only: `JOBZONE_FAILPOINT_EXIT_AFTER_SENT=N` ends the
/// process right after the SMTP server accepted the Nth message and before it is marked sent,
/// the worst moment for a crash.
mod failpoint {
    #[cfg(debug_assertions)]
    pub fn after_accept(sent: usize) {
        if std::env::var("JOBZONE_FAILPOINT_EXIT_AFTER_SENT").ok().and_then(|v| v.parse().ok()) == Some(sent) {
            std::process::exit(86);
        }
    }

    #[cfg(not(debug_assertions))]
    pub fn after_accept(_sent: usize) {}
}

#[cfg(test)]
mod tests {
    use super::Backoff;

    #[test]
    fn the_retry_delay_doubles_up_to_its_ceiling() {
        let b = Backoff { first_secs: 60, max_secs: 600, max_attempts: 5 };
        assert_eq!([1, 2, 3, 4, 5, 40].map(|a| b.delay(a)), [60, 120, 240, 480, 600, 600]);
    }
}
