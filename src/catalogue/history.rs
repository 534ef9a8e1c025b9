//! The score history as the catalogue keeps it: written once by the build from
//! content/history.tsv, read by the page, the feeds, the update emails, the API and /data.

use crate::assessment::{Key, Kind};
use crate::history::Point;
use crate::methodology::ZoneKey;
use rusqlite::types::Type;
use rusqlite::{Connection, Result, Row, Transaction, params};
use std::collections::HashMap;

pub(super) fn write(tx: &Transaction<'_>, history: &[Point]) -> Result<()> {
    let mut stmt = tx.prepare(
        "INSERT INTO history (kind, id, position, date, score, zone, methodology, data, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    let mut position: HashMap<&Key, usize> = HashMap::new();
    for p in history {
        let n = position.entry(&p.key).or_default();
        stmt.execute(params![
            p.key.kind().as_str(),
            p.key.id(),
            *n,
            p.date,
            p.score,
            p.zone.as_str(),
            p.methodology,
            p.data,
            p.reason
        ])?;
        *n += 1;
    }
    Ok(())
}

const COLUMNS: &str = "kind, id, date, score, zone, methodology, data, reason";

fn point(row: &Row<'_>) -> Result<Point> {
    let bad = |i: usize, what: &str, text: &str| {
        rusqlite::Error::FromSqlConversionFailure(i, Type::Text, format!("unknown {what} {text:?}").into())
    };
    let (kind, id): (String, String) = (row.get(0)?, row.get(1)?);
    let zone: String = row.get(4)?;
    let kind = Kind::parse(&kind).ok_or_else(|| bad(0, "kind", &kind))?;
    Ok(Point {
        key: Key::parse(kind, &id).ok_or_else(|| bad(1, "identifier", &id))?,
        date: row.get(2)?,
        score: row.get(3)?,
        zone: ZoneKey::parse(&zone).ok_or_else(|| bad(4, "zone", &zone))?,
        methodology: row.get(5)?,
        data: row.get(6)?,
        reason: row.get(7)?,
    })
}

/// One assessment's history, oldest first.
pub fn of(conn: &Connection, key: &Key) -> Result<Vec<Point>> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM history WHERE kind = ?1 AND id = ?2 ORDER BY position"))?
        .query_map(params![key.kind().as_str(), key.id()], point)?
        .collect()
}

/// Every assessment's history: roles first, then occupations by code, each oldest first.
pub fn all(conn: &Connection) -> Result<Vec<Point>> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM history ORDER BY kind DESC, id, position"))?
        .query_map([], point)?
        .collect()
}

/// The histories of every role, each oldest first.
pub fn of_roles(conn: &Connection) -> Result<Vec<Point>> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM history WHERE kind = 'role' ORDER BY id, position"))?
        .query_map([], point)?
        .collect()
}
