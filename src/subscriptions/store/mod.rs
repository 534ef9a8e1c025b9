//! The subscribers database: its own SQLite file (never the catalogue), in WAL mode, with
//! numbered migrations recorded in `PRAGMA user_version`. It keeps only what the feature needs:
//! the address, what it follows, its state and timestamps, and hashes of the link tokens.
//!
//! The one SQL exception to "SQL lives in src/catalogue/": this database is mutable and owned by
//! this feature, so its statements sit beside the code that owns it.

mod delivery;

use super::{Kind, Snapshot, Target};
use anyhow::{Context, Result};
use rusqlite::{Connection, OptionalExtension, params};
use std::path::Path;

/// Each entry upgrades the schema by one version; never edit a released entry, add one.
const MIGRATIONS: &[&str] = &[include_str!("../migrations/001_initial.sql")];

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
}

pub(super) const SUB_COLUMNS: &str = "id, email, kind, target, state, created_at";
pub(super) const SUB_COLUMNS_S: &str = "s.id, s.email, s.kind, s.target, s.state, s.created_at";

fn subscription(r: &rusqlite::Row<'_>) -> rusqlite::Result<Subscription> {
    subscription_at(r, 0)
}

pub(super) fn subscription_at(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Subscription> {
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

pub(super) fn snapshot(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Snapshot> {
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
