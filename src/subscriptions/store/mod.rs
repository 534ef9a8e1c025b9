//! The subscribers store: its own database (never the catalogue), SQLite by default (one file
//! in WAL mode) or PostgreSQL when several copies of the site serve, with the same numbered
//! migrations on both. It keeps only what the feature needs: the address, what it follows, its
//! state and timestamps, and hashes of the link tokens.
//!
//! The one SQL exception to "SQL lives in src/catalogue/": this database is mutable and owned by
//! this feature, so its statements sit beside the code that owns it. Each is written once and
//! runs on both databases (`db`).

mod db;
mod delivery;

pub use db::Location;
use db::{Db, Param, Row};

use super::{Kind, Snapshot, Target};
use anyhow::{Context, Result};
use std::cell::RefCell;

/// Each entry upgrades the schema by one version, as (SQLite, PostgreSQL) scripts of the same
/// tables; never edit a released entry, add one.
const MIGRATIONS: &[(&str, &str)] =
    &[(include_str!("../migrations/001_initial.sql"), include_str!("../migrations/postgres/001_initial.sql"))];

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

/// The store's one connection. Use it from blocking threads only (the web layer holds it in a
/// mutex and calls it through `web::block`).
pub struct Store {
    db: RefCell<Db>,
}

impl Store {
    /// Opens (creating if need be) and migrates the store at `location`. Runs on a thread of
    /// its own, so it may be called from async code (the PostgreSQL client must not block an
    /// async worker).
    pub fn open(location: &Location) -> Result<Store> {
        let open = || -> Result<Db> {
            let mut db = Db::open(location)?;
            db.migrate(MIGRATIONS).with_context(|| format!("while migrating {}", location.describe()))?;
            Ok(db)
        };
        let db = std::thread::scope(|s| s.spawn(open).join())
            .map_err(|_| anyhow::anyhow!("opening the subscribers store panicked"))??;
        Ok(Store { db: RefCell::new(db) })
    }

    fn db(&self) -> std::cell::RefMut<'_, Db> {
        self.db.borrow_mut()
    }

    pub fn schema_version(&self) -> Result<usize> {
        self.db().schema_version()
    }

    /// Which database this is, for tests and logs.
    pub fn is_postgres(&self) -> bool {
        matches!(*self.db(), Db::Postgres(_))
    }

    pub fn get(&self, id: i64) -> Result<Option<Subscription>> {
        let sql = format!("SELECT {SUB_COLUMNS} FROM subscriptions WHERE id = $1");
        self.db().query_opt(&sql, &[Param::Int(id)])?.map(|r| subscription_at(&r, 0)).transpose()
    }

    pub fn find(&self, email: &str, target: &Target) -> Result<Option<Subscription>> {
        let sql = format!("SELECT {SUB_COLUMNS} FROM subscriptions WHERE email = $1 AND kind = $2 AND target = $3");
        let row = self.db().query_opt(&sql, &[Param::Text(email), kind(target), Param::Text(&target.id)])?;
        row.map(|r| subscription_at(&r, 0)).transpose()
    }

    /// The subscription of `email` to `target`, created pending if there is none.
    pub fn find_or_insert(&self, email: &str, target: &Target, now: i64) -> Result<Subscription> {
        self.db().execute(
            "INSERT INTO subscriptions (email, kind, target, state, created_at) VALUES ($1, $2, $3, 'pending', $4)
             ON CONFLICT (email, kind, target) DO NOTHING",
            &[Param::Text(email), kind(target), Param::Text(&target.id), Param::Int(now)],
        )?;
        self.find(email, target)?.context("the subscription just written is missing")
    }

    /// Stores the hashes of the links just issued; a new confirmation hash retires the old link.
    pub fn set_token_hashes(&self, id: i64, confirm: Option<&[u8]>, unsubscribe: &[u8]) -> Result<()> {
        self.db().execute(
            "UPDATE subscriptions SET confirm_hash = coalesce($2, confirm_hash), unsubscribe_hash = $3 WHERE id = $1",
            &[Param::Int(id), Param::Blob(confirm), Param::Blob(Some(unsubscribe))],
        )?;
        Ok(())
    }

    /// True when `confirm_hash` is the live confirmation link of a pending subscription.
    pub fn confirm_link_is_live(&self, id: i64, confirm_hash: &[u8]) -> Result<bool> {
        let sql = "SELECT 1 FROM subscriptions WHERE id = $1 AND confirm_hash = $2";
        Ok(self.db().query_opt(sql, &[Param::Int(id), Param::Blob(Some(confirm_hash))])?.is_some())
    }

    /// Confirms the subscription whose live confirmation link this is; false if there is none.
    pub fn confirm(&self, id: i64, confirm_hash: &[u8], now: i64) -> Result<bool> {
        let changed = self.db().execute(
            "UPDATE subscriptions SET state = 'confirmed', confirmed_at = $3, confirm_hash = NULL
             WHERE id = $1 AND confirm_hash = $2",
            &[Param::Int(id), Param::Blob(Some(confirm_hash)), Param::Int(now)],
        )?;
        Ok(changed == 1)
    }

    /// The subscription this unsubscribe link belongs to, if it still exists.
    pub fn by_unsubscribe_link(&self, id: i64, unsubscribe_hash: &[u8]) -> Result<Option<Subscription>> {
        let sql = format!("SELECT {SUB_COLUMNS} FROM subscriptions WHERE id = $1 AND unsubscribe_hash = $2");
        let row = self.db().query_opt(&sql, &[Param::Int(id), Param::Blob(Some(unsubscribe_hash))])?;
        row.map(|r| subscription_at(&r, 0)).transpose()
    }

    /// Deletes one subscription and its queued mail (the outbox rows cascade).
    pub fn delete(&self, id: i64) -> Result<u64> {
        self.db().execute("DELETE FROM subscriptions WHERE id = $1", &[Param::Int(id)])
    }

    /// Deletes everything kept about an address.
    pub fn delete_address(&self, email: &str) -> Result<u64> {
        self.db().execute("DELETE FROM subscriptions WHERE email = $1", &[Param::Text(email)])
    }

    /// Clears committed deletions out of the database files, so an unsubscribed address does
    /// not linger on disk. Best effort: a busy reader only delays it to the next time.
    pub fn purge_deleted(&self) {
        if let Err(e) = self.db().purge_deleted() {
            tracing::warn!("clearing deleted rows failed: {e:#}");
        }
    }

    /// Confirmation emails sent under `key` since `since`; old entries are pruned on the way.
    pub fn sends_since(&self, key: &[u8], since: i64) -> Result<u32> {
        let mut db = self.db();
        db.execute("DELETE FROM sends WHERE at < $1", &[Param::Int(since)])?;
        let sql = "SELECT count(*) FROM sends WHERE key = $1 AND at >= $2";
        let row = db.query_opt(sql, &[Param::Blob(Some(key)), Param::Int(since)])?.context("count has a row")?;
        Ok(u32::try_from(row.int(0)?).unwrap_or(u32::MAX))
    }

    pub fn record_send(&self, keys: &[&[u8]], now: i64) -> Result<()> {
        let mut db = self.db();
        for key in keys {
            db.execute("INSERT INTO sends (key, at) VALUES ($1, $2)", &[Param::Blob(Some(key)), Param::Int(now)])?;
        }
        Ok(())
    }
}

/// The target's kind as a parameter.
fn kind(target: &Target) -> Param<'static> {
    Param::Text(target.kind.as_str())
}

pub(super) const SUB_COLUMNS: &str = "id, email, kind, target, state, created_at";
pub(super) const SUB_COLUMNS_S: &str = "s.id, s.email, s.kind, s.target, s.state, s.created_at";

pub(super) fn subscription_at(r: &Row, at: usize) -> Result<Subscription> {
    let kind = r.text(at + 2)?;
    let kind = Kind::parse(&kind).with_context(|| format!("unknown kind {kind} in the subscribers store"))?;
    Ok(Subscription {
        id: r.int(at)?,
        email: r.text(at + 1)?,
        target: Target { kind, id: r.text(at + 3)? },
        confirmed: r.text(at + 4)? == "confirmed",
        created_at: r.int(at + 5)?,
    })
}

pub(super) fn snapshot(r: &Row, at: usize) -> Result<Snapshot> {
    Ok(Snapshot {
        title: r.text(at)?,
        url: r.text(at + 1)?,
        score: r.real(at + 2)?,
        zone: r.text(at + 3)?,
        zone_name: r.text(at + 4)?,
        revision_date: r.text(at + 5)?,
        revision_note: r.text(at + 6)?,
    })
}
