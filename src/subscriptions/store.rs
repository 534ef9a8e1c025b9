//! The subscribers database: its own SQLite file (never the catalogue), in WAL mode, with
//! numbered migrations recorded in `PRAGMA user_version`. It keeps only what the feature needs:
//! the address, what it follows, its state and timestamps, and hashes of the link tokens.
//!
//! The one SQL exception to "SQL lives in src/catalogue/": this database is mutable and owned by
//! this feature, so its statements sit beside the code that owns it.

use super::{Kind, Snapshot, Target};
use anyhow::{Context, Result};
use rusqlite::{Connection, OptionalExtension, params};
use std::path::Path;

/// Each entry upgrades the schema by one version; never edit a released entry, add one.
const MIGRATIONS: &[&str] = &[include_str!("migrations/001_initial.sql")];

/// One address following one item.
#[derive(Debug, Clone)]
pub struct Subscription {
    pub id: i64,
    pub email: String,
    pub target: Target,
    pub confirmed: bool,
    pub created_at: i64,
}

/// One queued update email with everything needed to write it.
#[derive(Debug, Clone)]
pub struct OutboxItem {
    pub id: i64,
    pub change_id: i64,
    pub attempts: i64,
    pub subscription: Subscription,
    pub old: Snapshot,
    pub new: Snapshot,
}

/// How many outbox rows are in each state.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct OutboxCounts {
    pub queued: u64,
    pub sending: u64,
    pub sent: u64,
    pub in_doubt: u64,
    pub failed: u64,
}

pub struct Store {
    conn: Connection,
}

impl Store {
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).with_context(|| format!("while creating {}", dir.display()))?;
        }
        let conn = Connection::open(path)
            .with_context(|| format!("while opening the subscribers database {}", path.display()))?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Deleted addresses are overwritten with zeros, not left in free pages.
        conn.pragma_update(None, "secure_delete", "ON")?;
        let mut store = Store { conn };
        store.migrate().with_context(|| format!("while migrating {}", path.display()))?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let version: usize = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > MIGRATIONS.len() {
            anyhow::bail!("the database has schema version {version}, newer than this jobzone knows");
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version) {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", i + 1)?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn schema_version(&self) -> Result<usize> {
        Ok(self.conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    pub fn get(&self, id: i64) -> Result<Option<Subscription>> {
        Ok(self
            .conn
            .prepare_cached(&format!("SELECT {SUB_COLUMNS} FROM subscriptions WHERE id = ?1"))?
            .query_row([id], subscription)
            .optional()?)
    }

    pub fn find(&self, email: &str, target: &Target) -> Result<Option<Subscription>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {SUB_COLUMNS} FROM subscriptions WHERE email = ?1 AND kind = ?2 AND target = ?3"
            ))?
            .query_row(params![email, target.kind.as_str(), target.id], subscription)
            .optional()?)
    }

    /// The subscription of `email` to `target`, created pending if there is none.
    pub fn find_or_insert(&self, email: &str, target: &Target, now: i64) -> Result<Subscription> {
        self.conn
            .prepare_cached(
                "INSERT INTO subscriptions (email, kind, target, state, created_at) VALUES (?1, ?2, ?3, 'pending', ?4)
                 ON CONFLICT (email, kind, target) DO NOTHING",
            )?
            .execute(params![email, target.kind.as_str(), target.id, now])?;
        self.find(email, target)?.context("the subscription just written is missing")
    }

    /// Stores the hashes of the links just issued; a new confirmation hash retires the old link.
    pub fn set_token_hashes(&self, id: i64, confirm: Option<&[u8]>, unsubscribe: &[u8]) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE subscriptions SET confirm_hash = coalesce(?2, confirm_hash), unsubscribe_hash = ?3 WHERE id = ?1",
            )?
            .execute(params![id, confirm, unsubscribe])?;
        Ok(())
    }

    /// True when `confirm_hash` is the live confirmation link of a pending subscription.
    pub fn confirm_link_is_live(&self, id: i64, confirm_hash: &[u8]) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM subscriptions WHERE id = ?1 AND confirm_hash = ?2")?
            .exists(params![id, confirm_hash])?)
    }

    /// Confirms the subscription whose live confirmation link this is; false if there is none.
    pub fn confirm(&self, id: i64, confirm_hash: &[u8], now: i64) -> Result<bool> {
        let changed = self
            .conn
            .prepare_cached(
                "UPDATE subscriptions SET state = 'confirmed', confirmed_at = ?3, confirm_hash = NULL
                 WHERE id = ?1 AND confirm_hash = ?2",
            )?
            .execute(params![id, confirm_hash, now])?;
        Ok(changed == 1)
    }

    /// The subscription this unsubscribe link belongs to, if it still exists.
    pub fn by_unsubscribe_link(&self, id: i64, unsubscribe_hash: &[u8]) -> Result<Option<Subscription>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {SUB_COLUMNS} FROM subscriptions WHERE id = ?1 AND unsubscribe_hash = ?2"
            ))?
            .query_row(params![id, unsubscribe_hash], subscription)
            .optional()?)
    }

    /// Deletes one subscription and its queued mail (the outbox rows cascade).
    pub fn delete(&self, id: i64) -> Result<usize> {
        Ok(self.conn.prepare_cached("DELETE FROM subscriptions WHERE id = ?1")?.execute([id])?)
    }

    /// Deletes everything kept about an address.
    pub fn delete_address(&self, email: &str) -> Result<usize> {
        Ok(self.conn.prepare_cached("DELETE FROM subscriptions WHERE email = ?1")?.execute([email])?)
    }

    /// Moves committed deletions out of the write-ahead log into the zeroed main file, so an
    /// unsubscribed address does not linger on disk in old log frames. Best effort: a busy
    /// reader only delays it to the next checkpoint.
    pub fn purge_deleted(&self) {
        if let Err(e) = self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())) {
            tracing::warn!("checkpoint after a deletion failed: {e}");
        }
    }

    /// Confirmation emails sent under `key` since `since`; old entries are pruned on the way.
    pub fn sends_since(&self, key: &[u8], since: i64) -> Result<u32> {
        self.conn.prepare_cached("DELETE FROM sends WHERE at < ?1")?.execute([since])?;
        Ok(self
            .conn
            .prepare_cached("SELECT count(*) FROM sends WHERE key = ?1 AND at >= ?2")?
            .query_row(params![key, since], |r| r.get(0))?)
    }

    pub fn record_send(&self, keys: &[&[u8]], now: i64) -> Result<()> {
        let mut insert = self.conn.prepare_cached("INSERT INTO sends (key, at) VALUES (?1, ?2)")?;
        for key in keys {
            insert.execute(params![key, now])?;
        }
        Ok(())
    }

    /// What the last notice (or the first subscription) for `target` said.
    pub fn notice(&self, target: &Target) -> Result<Option<Snapshot>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT title, url, score, zone, zone_name, revision_date, revision_note FROM notices
                 WHERE kind = ?1 AND target = ?2",
            )?
            .query_row(params![target.kind.as_str(), target.id], |r| snapshot(r, 0))
            .optional()?)
    }

    /// Records `now_showing` as the state a follower of `target` has seen, unless one is kept.
    pub fn set_baseline(&self, target: &Target, now_showing: &Snapshot, now: i64) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO notices (kind, target, title, url, score, zone, zone_name, revision_date, revision_note, noted_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (kind, target) DO NOTHING",
            )?
            .execute(params![
                target.kind.as_str(),
                target.id,
                now_showing.title,
                now_showing.url,
                now_showing.score,
                now_showing.zone,
                now_showing.zone_name,
                now_showing.revision_date,
                now_showing.revision_note,
                now
            ])?;
        Ok(())
    }

    /// Every item at least one confirmed address follows.
    pub fn followed(&self) -> Result<Vec<Target>> {
        self.conn
            .prepare_cached("SELECT DISTINCT kind, target FROM subscriptions WHERE state = 'confirmed' ORDER BY 1, 2")?
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .filter_map(|row| match row {
                Ok((kind, id)) => Kind::parse(&kind).map(|kind| Ok(Target { kind, id })),
                Err(e) => Some(Err(e.into())),
            })
            .collect()
    }

    /// In one transaction: records the change from `old` to `new`, makes `new` the last notice,
    /// and queues one email per confirmed follower. Returns how many were queued.
    pub fn record_change(&mut self, target: &Target, old: &Snapshot, new: &Snapshot, now: i64) -> Result<usize> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO changes (kind, target, old_title, old_url, old_score, old_zone, old_zone_name, old_revision_date, old_revision_note,
                                  new_title, new_url, new_score, new_zone, new_zone_name, new_revision_date, new_revision_note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            params![
                target.kind.as_str(),
                target.id,
                old.title,
                old.url,
                old.score,
                old.zone,
                old.zone_name,
                old.revision_date,
                old.revision_note,
                new.title,
                new.url,
                new.score,
                new.zone,
                new.zone_name,
                new.revision_date,
                new.revision_note,
                now
            ],
        )?;
        let change = tx.last_insert_rowid();
        tx.execute(
            "UPDATE notices SET title = ?3, url = ?4, score = ?5, zone = ?6, zone_name = ?7, revision_date = ?8,
                    revision_note = ?9, noted_at = ?10 WHERE kind = ?1 AND target = ?2",
            params![
                target.kind.as_str(),
                target.id,
                new.title,
                new.url,
                new.score,
                new.zone,
                new.zone_name,
                new.revision_date,
                new.revision_note,
                now
            ],
        )?;
        let queued = tx.execute(
            "INSERT INTO outbox (change_id, subscription_id, state, next_attempt_at, created_at)
             SELECT ?1, id, 'queued', ?4, ?4 FROM subscriptions WHERE kind = ?2 AND target = ?3 AND state = 'confirmed'
             ON CONFLICT (change_id, subscription_id) DO NOTHING",
            params![change, target.kind.as_str(), target.id, now],
        )?;
        tx.commit()?;
        Ok(queued)
    }

    /// Rows claimed for sending longer ago than `lease` seconds belong to a run that died between
    /// the claim and the record of the SMTP server's answer: the message may or may not have gone
    /// out, so they become `in_doubt` and are never sent again. Returns how many.
    pub fn mark_in_doubt(&self, now: i64, lease: i64) -> Result<usize> {
        Ok(self
            .conn
            .prepare_cached("UPDATE outbox SET state = 'in_doubt' WHERE state = 'sending' AND claimed_at <= ?1")?
            .execute([now - lease])?)
    }

    /// Queued rows whose next attempt is due, oldest first.
    pub fn due(&self, now: i64, limit: usize) -> Result<Vec<i64>> {
        self.conn
            .prepare_cached(
                "SELECT id FROM outbox WHERE state = 'queued' AND next_attempt_at <= ?1 ORDER BY next_attempt_at, id LIMIT ?2",
            )?
            .query_map(params![now, limit as i64], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()
            .map_err(Into::into)
    }

    /// Claims a queued row for sending, committed before any SMTP traffic; false when another
    /// run claimed it first.
    pub fn claim(&self, id: i64, now: i64) -> Result<bool> {
        let changed = self
            .conn
            .prepare_cached(
                "UPDATE outbox SET state = 'sending', claimed_at = ?2, attempts = attempts + 1
                 WHERE id = ?1 AND state = 'queued'",
            )?
            .execute(params![id, now])?;
        Ok(changed == 1)
    }

    pub fn outbox_item(&self, id: i64) -> Result<Option<OutboxItem>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT o.id, o.change_id, o.attempts, {SUB_COLUMNS_S},
                        c.old_title, c.old_url, c.old_score, c.old_zone, c.old_zone_name, c.old_revision_date, c.old_revision_note,
                        c.new_title, c.new_url, c.new_score, c.new_zone, c.new_zone_name, c.new_revision_date, c.new_revision_note
                 FROM outbox o JOIN subscriptions s ON s.id = o.subscription_id JOIN changes c ON c.id = o.change_id
                 WHERE o.id = ?1"
            ))?
            .query_row([id], |r| {
                Ok(OutboxItem {
                    id: r.get(0)?,
                    change_id: r.get(1)?,
                    attempts: r.get(2)?,
                    subscription: subscription_at(r, 3)?,
                    old: snapshot(r, 9)?,
                    new: snapshot(r, 16)?,
                })
            })
            .optional()?)
    }

    pub fn mark_sent(&self, id: i64, now: i64) -> Result<()> {
        self.conn
            .prepare_cached("UPDATE outbox SET state = 'sent', sent_at = ?2, last_error = NULL WHERE id = ?1")?
            .execute(params![id, now])?;
        Ok(())
    }

    /// Back to the queue, to be tried again at `next_attempt_at`.
    pub fn mark_retry(&self, id: i64, next_attempt_at: i64, error: &str) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE outbox SET state = 'queued', next_attempt_at = ?2, last_error = ?3, claimed_at = NULL WHERE id = ?1",
            )?
            .execute(params![id, next_attempt_at, error])?;
        Ok(())
    }

    pub fn mark_failed(&self, id: i64, error: &str) -> Result<()> {
        self.conn
            .prepare_cached("UPDATE outbox SET state = 'failed', last_error = ?2 WHERE id = ?1")?
            .execute(params![id, error])?;
        Ok(())
    }

    pub fn outbox_counts(&self) -> Result<OutboxCounts> {
        let mut counts = OutboxCounts::default();
        let mut stmt = self.conn.prepare_cached("SELECT state, count(*) FROM outbox GROUP BY state")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u64>(1)?)))?;
        for row in rows {
            let (state, n) = row?;
            match state.as_str() {
                "queued" => counts.queued = n,
                "sending" => counts.sending = n,
                "sent" => counts.sent = n,
                "in_doubt" => counts.in_doubt = n,
                _ => counts.failed += n,
            }
        }
        Ok(counts)
    }
}

const SUB_COLUMNS: &str = "id, email, kind, target, state, created_at";
const SUB_COLUMNS_S: &str = "s.id, s.email, s.kind, s.target, s.state, s.created_at";

fn subscription(r: &rusqlite::Row<'_>) -> rusqlite::Result<Subscription> {
    subscription_at(r, 0)
}

fn subscription_at(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Subscription> {
    let kind: String = r.get(at + 2)?;
    let kind = Kind::parse(&kind).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(at + 2, rusqlite::types::Type::Text, format!("kind {kind}").into())
    })?;
    Ok(Subscription {
        id: r.get(at)?,
        email: r.get(at + 1)?,
        target: Target { kind, id: r.get(at + 3)? },
        confirmed: r.get::<_, String>(at + 4)? == "confirmed",
        created_at: r.get(at + 5)?,
    })
}

fn snapshot(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Snapshot> {
    Ok(Snapshot {
        title: r.get(at)?,
        url: r.get(at + 1)?,
        score: r.get(at + 2)?,
        zone: r.get(at + 3)?,
        zone_name: r.get(at + 4)?,
        revision_date: r.get(at + 5)?,
        revision_note: r.get(at + 6)?,
    })
}
