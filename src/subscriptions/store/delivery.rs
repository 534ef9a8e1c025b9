//! The change log, the last notice per followed item, and the outbox of update emails.

use super::db::{Db, Param};
use super::{OutboxCounts, OutboxItem, SUB_COLUMNS_S, Store, kind, snapshot, subscription_at};
use crate::subscriptions::{Kind, Snapshot, Target};
use anyhow::{Context, Result};

const NOTICE: &str = "SELECT title, url, score, zone, zone_name, revision_date, revision_note FROM notices
                      WHERE kind = $1 AND target = $2";

/// The seven columns of a snapshot as parameters.
fn snapshot_params(s: &Snapshot) -> [Param<'_>; 7] {
    [
        Param::Text(&s.title),
        Param::Text(&s.url),
        Param::Real(s.score),
        Param::Text(&s.zone),
        Param::Text(&s.zone_name),
        Param::Text(&s.revision_date),
        Param::Text(&s.revision_note),
    ]
}

/// `target` followed by `s`'s columns and then `tail`.
fn target_snapshot<'a>(target: &'a Target, s: &'a Snapshot, tail: &[Param<'a>]) -> Vec<Param<'a>> {
    let mut params = vec![kind(target), Param::Text(&target.id)];
    params.extend(snapshot_params(s));
    params.extend_from_slice(tail);
    params
}

fn notice(db: &mut Db, target: &Target) -> Result<Option<Snapshot>> {
    db.query_opt(NOTICE, &[kind(target), Param::Text(&target.id)])?.map(|r| snapshot(&r, 0)).transpose()
}

impl Store {
    /// What the last notice (or the first subscription) for `target` said.
    pub fn notice(&self, target: &Target) -> Result<Option<Snapshot>> {
        notice(&mut self.db(), target)
    }

    /// Records `now_showing` as the state a follower of `target` has seen, unless one is kept.
    pub fn set_baseline(&self, target: &Target, now_showing: &Snapshot, now: i64) -> Result<()> {
        self.db().execute(
            "INSERT INTO notices (kind, target, title, url, score, zone, zone_name, revision_date, revision_note, noted_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (kind, target) DO NOTHING",
            &target_snapshot(target, now_showing, &[Param::Int(now)]),
        )?;
        Ok(())
    }

    /// Every item at least one confirmed address follows.
    pub fn followed(&self) -> Result<Vec<Target>> {
        let rows = self
            .db()
            .query("SELECT DISTINCT kind, target FROM subscriptions WHERE state = 'confirmed' ORDER BY 1, 2", &[])?;
        let mut targets = Vec::with_capacity(rows.len());
        for row in rows {
            if let Some(kind) = Kind::parse(&row.text(0)?) {
                targets.push(Target { kind, id: row.text(1)? });
            }
        }
        Ok(targets)
    }

    /// In one transaction: records the change from `old` to `new`, makes `new` the last notice,
    /// and queues one email per confirmed follower. Returns how many were queued, or None when
    /// another process (the server's notifier or a concurrent `jobzone notify`) recorded this
    /// change first: the notice is re-read under the write lock, so a change is recorded once.
    pub fn record_change(&mut self, target: &Target, old: &Snapshot, new: &Snapshot, now: i64) -> Result<Option<u64>> {
        self.db().write_transaction(|db| {
            if notice(db, target)?.as_ref() != Some(old) {
                return Ok(None);
            }
            let mut params = target_snapshot(target, old, &[]);
            params.extend(snapshot_params(new));
            params.push(Param::Int(now));
            let change = db
                .query_opt(
                    "INSERT INTO changes (kind, target, old_title, old_url, old_score, old_zone, old_zone_name, old_revision_date, old_revision_note,
                                          new_title, new_url, new_score, new_zone, new_zone_name, new_revision_date, new_revision_note, created_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id",
                    &params,
                )?
                .context("an insert returns its id")?
                .int(0)?;
            db.execute(
                "UPDATE notices SET title = $3, url = $4, score = $5, zone = $6, zone_name = $7, revision_date = $8,
                        revision_note = $9, noted_at = $10 WHERE kind = $1 AND target = $2",
                &target_snapshot(target, new, &[Param::Int(now)]),
            )?;
            let queued = db.execute(
                "INSERT INTO outbox (change_id, subscription_id, state, next_attempt_at, created_at)
                 SELECT CAST($1 AS BIGINT), id, 'queued', CAST($4 AS BIGINT), CAST($4 AS BIGINT) FROM subscriptions
                 WHERE kind = $2 AND target = $3 AND state = 'confirmed'
                 ON CONFLICT (change_id, subscription_id) DO NOTHING",
                &[Param::Int(change), kind(target), Param::Text(&target.id), Param::Int(now)],
            )?;
            Ok(Some(queued))
        })
    }

    /// Rows claimed for sending longer ago than `lease` seconds belong to a run that died between
    /// the claim and the record of the SMTP server's answer: the message may or may not have gone
    /// out, so they become `in_doubt` and are never sent again. Returns how many.
    pub fn mark_in_doubt(&self, now: i64, lease: i64) -> Result<u64> {
        self.db().execute(
            "UPDATE outbox SET state = 'in_doubt' WHERE state = 'sending' AND claimed_at <= $1",
            &[Param::Int(now - lease)],
        )
    }

    /// Queued rows whose next attempt is due, oldest first.
    pub fn due(&self, now: i64, limit: usize) -> Result<Vec<i64>> {
        let rows = self.db().query(
            "SELECT id FROM outbox WHERE state = 'queued' AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2",
            &[Param::Int(now), Param::Int(i64::try_from(limit).unwrap_or(i64::MAX))],
        )?;
        rows.iter().map(|r| r.int(0)).collect()
    }

    /// Claims a queued row for sending, committed before any SMTP traffic; false when another
    /// run claimed it first.
    pub fn claim(&self, id: i64, now: i64) -> Result<bool> {
        let changed = self.db().execute(
            "UPDATE outbox SET state = 'sending', claimed_at = $2, attempts = attempts + 1
             WHERE id = $1 AND state = 'queued'",
            &[Param::Int(id), Param::Int(now)],
        )?;
        Ok(changed == 1)
    }

    pub fn outbox_item(&self, id: i64) -> Result<Option<OutboxItem>> {
        let sql = format!(
            "SELECT o.id, o.change_id, o.attempts, {SUB_COLUMNS_S},
                    c.old_title, c.old_url, c.old_score, c.old_zone, c.old_zone_name, c.old_revision_date, c.old_revision_note,
                    c.new_title, c.new_url, c.new_score, c.new_zone, c.new_zone_name, c.new_revision_date, c.new_revision_note
             FROM outbox o JOIN subscriptions s ON s.id = o.subscription_id JOIN changes c ON c.id = o.change_id
             WHERE o.id = $1"
        );
        let Some(r) = self.db().query_opt(&sql, &[Param::Int(id)])? else { return Ok(None) };
        Ok(Some(OutboxItem {
            id: r.int(0)?,
            change_id: r.int(1)?,
            attempts: r.int(2)?,
            subscription: subscription_at(&r, 3)?,
            old: snapshot(&r, 9)?,
            new: snapshot(&r, 16)?,
        }))
    }

    pub fn mark_sent(&self, id: i64, now: i64) -> Result<()> {
        self.db().execute(
            "UPDATE outbox SET state = 'sent', sent_at = $2, last_error = NULL WHERE id = $1",
            &[Param::Int(id), Param::Int(now)],
        )?;
        Ok(())
    }

    /// Back to the queue, to be tried again at `next_attempt_at`.
    pub fn mark_retry(&self, id: i64, next_attempt_at: i64, error: &str) -> Result<()> {
        self.db().execute(
            "UPDATE outbox SET state = 'queued', next_attempt_at = $2, last_error = $3, claimed_at = NULL WHERE id = $1",
            &[Param::Int(id), Param::Int(next_attempt_at), Param::Text(error)],
        )?;
        Ok(())
    }

    pub fn mark_failed(&self, id: i64, error: &str) -> Result<()> {
        self.db().execute(
            "UPDATE outbox SET state = 'failed', last_error = $2 WHERE id = $1",
            &[Param::Int(id), Param::Text(error)],
        )?;
        Ok(())
    }

    pub fn outbox_counts(&self) -> Result<OutboxCounts> {
        let mut counts = OutboxCounts::default();
        for row in self.db().query("SELECT state, count(*) FROM outbox GROUP BY state", &[])? {
            let n = u64::try_from(row.int(1)?).unwrap_or(0);
            match row.text(0)?.as_str() {
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
