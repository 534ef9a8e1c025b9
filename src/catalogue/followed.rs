//! What email followers are told about: a followed assessment's score, zone and newest revision.
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
    /// The newest revision: an editor's dated note, or for a data-derived estimate the date of
    /// the method it was computed with.
    pub revision_date: String,
    pub revision_note: String,
}

pub fn state(conn: &Connection, key: &Key) -> Result<Option<FollowedState>> {
    let (Some(card), Some(a)) = (read::card_of(conn, key)?, read::assessment(conn, key)?) else {
        return Ok(None);
    };
    let (revision_date, revision_note) = match a.editorial.as_ref().and_then(|e| e.revisions.first()) {
        Some(r) => (r.date.clone(), r.note.clone()),
        None => (a.updated.clone(), "The data-derived estimate was recomputed from the published data.".into()),
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
