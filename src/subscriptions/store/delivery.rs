//! The change log, the last notice per followed item, and the outbox of update emails.

use super::{OutboxCounts, OutboxItem, SUB_COLUMNS_S, Store, snapshot, subscription_at};
use crate::subscriptions::{Kind, Snapshot, Target};
use anyhow::Result;
use rusqlite::{OptionalExtension, params};

impl Store {
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
    /// and queues one email per confirmed follower. Returns how many were queued, or None when
    /// another process (the server's notifier or a concurrent `jobzone notify`) recorded this
    /// change first: the notice is re-read under the write lock, so a change is recorded once.
    pub fn record_change(
        &mut self,
        target: &Target,
        old: &Snapshot,
        new: &Snapshot,
        now: i64,
    ) -> Result<Option<usize>> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let told = tx
            .prepare_cached(
                "SELECT title, url, score, zone, zone_name, revision_date, revision_note FROM notices
                 WHERE kind = ?1 AND target = ?2",
            )?
            .query_row(params![target.kind.as_str(), target.id], |r| snapshot(r, 0))
            .optional()?;
        if told.as_ref() != Some(old) {
            return Ok(None);
        }
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
        Ok(Some(queued))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(score: f64) -> Snapshot {
        Snapshot {
            title: "T".into(),
            url: "/roles/t".into(),
            score,
            zone: "red".into(),
            zone_name: "Red".into(),
            revision_date: "2026-01-01".into(),
            revision_note: "n".into(),
        }
    }

    #[test]
    fn a_change_seen_by_two_processes_at_once_is_recorded_and_queued_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("s.db");
        let mut a = Store::open(&path).expect("store a");
        let mut b = Store::open(&path).expect("store b");
        let target = Target { kind: Kind::Role, id: "t".into() };
        let sub = a.find_or_insert("x@example.com", &target, 0).expect("subscribe");
        a.set_token_hashes(sub.id, Some(b"h"), b"u").expect("hashes");
        assert!(a.confirm(sub.id, b"h", 1).expect("confirm"));
        a.set_baseline(&target, &snap(20.0), 1).expect("baseline");
        let (told_a, told_b) = (a.notice(&target).expect("a reads"), b.notice(&target).expect("b reads"));
        let (told_a, told_b) = (told_a.expect("a notice"), told_b.expect("b notice"));
        assert_eq!(a.record_change(&target, &told_a, &snap(30.0), 2).expect("a records"), Some(1));
        assert_eq!(b.record_change(&target, &told_b, &snap(30.0), 2).expect("b records"), None);
        assert_eq!(a.outbox_counts().expect("counts").queued, 1);
    }

    #[test]
    fn a_claimed_row_is_never_due_again_and_becomes_in_doubt_after_the_lease() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut store = Store::open(&dir.path().join("s.db")).expect("store");
        let target = Target { kind: Kind::Role, id: "t".into() };
        let sub = store.find_or_insert("x@example.com", &target, 0).expect("subscribe");
        store.set_token_hashes(sub.id, Some(b"h"), b"u").expect("hashes");
        store.confirm(sub.id, b"h", 0).expect("confirm");
        store.set_baseline(&target, &snap(20.0), 0).expect("baseline");
        store.record_change(&target, &snap(20.0), &snap(30.0), 0).expect("record");
        let due = store.due(0, 10).expect("due");
        assert_eq!(due.len(), 1);
        assert!(store.claim(due[0], 10).expect("claim"));
        assert!(!store.claim(due[0], 10).expect("second claim"), "a claim is taken once");
        assert!(store.due(100_000, 10).expect("due").is_empty(), "a sending row is never due");
        assert_eq!(store.mark_in_doubt(10 + 60, 900).expect("sweep"), 0, "within the lease");
        assert_eq!(store.mark_in_doubt(10 + 900, 900).expect("sweep"), 1);
        assert_eq!(store.outbox_counts().expect("counts").in_doubt, 1);
    }

    #[test]
    fn migrations_bring_a_new_database_to_the_latest_version_and_are_idempotent() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("s.db");
        let version = Store::open(&path).expect("first open").schema_version().expect("version");
        assert_eq!(version, super::super::MIGRATIONS.len());
        assert_eq!(Store::open(&path).expect("reopen").schema_version().expect("version"), version);
    }
}
