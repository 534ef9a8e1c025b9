//! What email followers are told about: a followed item's score, zone and newest revision.
//! Kept apart from read.rs so the subscriptions feature reads the catalogue through one door.

use super::models::RevisionRow;
use super::read;
use rusqlite::{Connection, OptionalExtension, Result};

/// A role as an update email describes it.
pub struct RoleState {
    /// "Backend/API Developer (Mid-Level)".
    pub title: String,
    pub url: String,
    pub score: f64,
    /// Zone key after any assessor override.
    pub zone: String,
    /// The newest revision (dates are sorted newest first at build time).
    pub latest: RevisionRow,
}

pub fn role_state(conn: &Connection, slug: &str) -> Result<Option<RoleState>> {
    let Some(summary) = read::role_summary(conn, slug)? else {
        return Ok(None);
    };
    let latest = conn
        .prepare_cached("SELECT date, note FROM revisions WHERE slug = ?1 ORDER BY date DESC, position LIMIT 1")?
        .query_row([slug], |r| Ok(RevisionRow { date: r.get(0)?, note: r.get(1)? }))
        .optional()?
        .unwrap_or(RevisionRow { date: summary.updated.clone(), note: String::new() });
    Ok(Some(RoleState {
        title: summary.display_name(),
        url: summary.url(),
        score: summary.score,
        zone: summary.zone,
        latest,
    }))
}

/// The title of an occupation, if the catalogue has it.
pub fn occupation_title(conn: &Connection, code: &str) -> Result<Option<String>> {
    conn.prepare_cached("SELECT title FROM occupations WHERE code = ?1")?.query_row([code], |r| r.get(0)).optional()
}
