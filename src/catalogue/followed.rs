//! What email followers are told about: a followed assessment's score, zone and the newest row
//! of its score history (the same rows its page and Atom feed show).
//! Kept apart from read.rs so the subscriptions feature reads the catalogue through one door.

use super::read;
use crate::assessment::Key;
use crate::methodology::ZoneKey;
use rusqlite::{Connection, Result};

/// An assessment as an update email describes it.
pub struct FollowedState {
    /// "Backend/API Developer (Mid-Level)" or "Registered Nurses".
    pub title: String,
    pub url: String,
    pub score: f64,
    /// Zone after any assessor override.
    pub zone: ZoneKey,
    /// The newest change in the score history: its date and reason (a methodology changelog
    /// summary, an editor's revision note or a data update), with the methodology version.
    pub revision_date: String,
    pub revision_note: String,
}

pub fn state(conn: &Connection, key: &Key) -> Result<Option<FollowedState>> {
    let (Some(card), Some(a)) = (read::card_of(conn, key)?, read::assessment(conn, key)?) else {
        return Ok(None);
    };
    let newest = super::history::of(conn, key)?.pop();
    let (revision_date, revision_note) = match newest {
        Some(p) => (p.date, format!("{} (methodology {})", p.reason, p.methodology)),
        None => (a.updated.clone(), "No change has been recorded in the score history yet.".into()),
    };
    Ok(Some(FollowedState {
        title: card.display_name(),
        url: card.url(),
        score: card.score,
        zone: card.zone,
        revision_date,
        revision_note,
    }))
}
