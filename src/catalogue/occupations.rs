//! Queries about O*NET occupations and the roles assessed in them.

use super::models::{Card, MajorGroupRow, Nearby, OccupationEntry, OccupationRow};
use super::read::{CARD_COLUMNS, card};
use crate::assessment::SocCode;
use crate::methodology::ZoneKey;
use rusqlite::{Connection, OptionalExtension, Result};

pub fn occupation(conn: &Connection, code: &SocCode) -> Result<Option<OccupationRow>> {
    conn.prepare_cached(
        "SELECT o.code, o.title, o.description, o.major_group, g.name, o.unscored_reason
         FROM occupations o JOIN major_groups g ON g.code = o.major_group WHERE o.code = ?1",
    )?
    .query_row([code.as_str()], |r| {
        Ok(OccupationRow {
            code: r.get(0)?,
            title: r.get(1)?,
            description: r.get(2)?,
            major_group: r.get(3)?,
            major_group_name: r.get(4)?,
            unscored_reason: r.get(5)?,
        })
    })
    .optional()
}

/// Editor roles mapped to this occupation, by seniority: at most `limit`, and how many in all.
pub fn roles_in(conn: &Connection, code: &SocCode, limit: usize) -> Result<(Vec<Card>, usize)> {
    let roles = conn
        .prepare_cached(&format!(
            "SELECT {CARD_COLUMNS} FROM cards WHERE kind = 'role' AND occupation = ?1
             ORDER BY seniority_rank, title LIMIT ?2"
        ))?
        .query_map(rusqlite::params![code.as_str(), limit as i64], card)?
        .collect::<Result<_>>()?;
    let total: i64 = conn
        .prepare_cached("SELECT count(*) FROM cards WHERE kind = 'role' AND occupation = ?1")?
        .query_row([code.as_str()], |r| r.get(0))?;
    Ok((roles, total as usize))
}

/// Scored assessments closest to `code`: same broad, minor or major SOC group first; when its
/// major group has none, those of the numerically nearest groups, so a reader always has
/// somewhere to go.
pub fn nearby(conn: &Connection, code: &SocCode, limit: usize) -> Result<Vec<Nearby>> {
    conn.prepare_cached(&format!(
        "SELECT {CARD_COLUMNS},
                CASE WHEN substr(occupation, 1, 6) = substr(?1, 1, 6) THEN 4
                     WHEN substr(occupation, 1, 4) = substr(?1, 1, 4) THEN 3
                     WHEN substr(occupation, 1, 2) = substr(?1, 1, 2) THEN 2
                     ELSE 1 END AS closeness,
                abs(CAST(substr(occupation, 1, 2) AS INTEGER) - CAST(substr(?1, 1, 2) AS INTEGER)) AS distance
         FROM cards
         WHERE occupation <> ?1
         ORDER BY closeness DESC, distance, kind DESC, score DESC, id
         LIMIT ?2"
    ))?
    .query_map(rusqlite::params![code.as_str(), limit as i64], |r| {
        let closeness = match r.get::<_, i64>("closeness")? {
            4 => "broad",
            3 => "minor",
            2 => "major",
            _ => "other",
        };
        Ok(Nearby { card: card(r)?, closeness })
    })?
    .collect()
}

/// Related occupations' cards, in the order given (O*NET's), skipping unscored ones.
pub fn cards_of_occupations(conn: &Connection, codes: &[SocCode]) -> Result<Vec<Card>> {
    let mut out = Vec::with_capacity(codes.len());
    for code in codes {
        out.extend(super::read::card_of(conn, &code.key())?);
    }
    Ok(out)
}

/// Every major group with its occupations, their scores and how many roles map to each, in SOC order.
pub fn by_major_group(conn: &Connection) -> Result<Vec<MajorGroupRow>> {
    let mut groups: Vec<MajorGroupRow> = conn
        .prepare_cached("SELECT code, name FROM major_groups ORDER BY position")?
        .query_map([], |r| Ok(MajorGroupRow { code: r.get(0)?, name: r.get(1)?, occupations: Vec::new() }))?
        .collect::<Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT o.code, o.title, o.major_group, c.score, c.zone,
                (SELECT count(*) FROM cards r WHERE r.kind = 'role' AND r.occupation = o.code)
         FROM occupations o LEFT JOIN cards c ON c.kind = 'occupation' AND c.id = o.code
         ORDER BY o.code",
    )?;
    let rows = stmt.query_map([], |r| {
        let zone: Option<String> = r.get(4)?;
        Ok((
            r.get::<_, String>(2)?,
            OccupationEntry {
                code: r.get(0)?,
                title: r.get(1)?,
                score: r.get(3)?,
                zone: zone.as_deref().and_then(ZoneKey::parse),
                assessed: r.get(5)?,
            },
        ))
    })?;
    for row in rows {
        let (group, entry) = row?;
        if let Some(g) = groups.iter_mut().find(|g| g.code == group) {
            g.occupations.push(entry);
        }
    }
    Ok(groups)
}
