//! Queries about O*NET occupations and the roles assessed in them.

use super::models::{MajorGroupRow, NearbyRole, OccupationEntry, OccupationRow, RoleSummary};
use super::read::{SUMMARY_COLUMNS, summary};
use rusqlite::{Connection, OptionalExtension, Result};

pub fn occupation(conn: &Connection, code: &str) -> Result<Option<OccupationRow>> {
    conn.prepare_cached(
        "SELECT o.code, o.title, o.description, o.major_group, g.name
         FROM occupations o JOIN major_groups g ON g.code = o.major_group WHERE o.code = ?1",
    )?
    .query_row([code], |r| {
        Ok(OccupationRow {
            code: r.get(0)?,
            title: r.get(1)?,
            description: r.get(2)?,
            major_group: r.get(3)?,
            major_group_name: r.get(4)?,
        })
    })
    .optional()
}

/// Roles assessed in this occupation, by seniority.
pub fn roles_in(conn: &Connection, code: &str) -> Result<Vec<RoleSummary>> {
    conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM role_cards WHERE occupation = ?1 ORDER BY seniority_rank, title"
    ))?
    .query_map([code], summary)?
    .collect()
}

/// Assessed roles closest to `code`: same broad, minor or major SOC group first; when its
/// major group has none, the roles of the numerically nearest groups, so a reader always
/// has somewhere to go.
pub fn nearby_roles(conn: &Connection, code: &str, limit: usize) -> Result<Vec<NearbyRole>> {
    conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS},
                CASE WHEN substr(occupation, 1, 6) = substr(?1, 1, 6) THEN 4
                     WHEN substr(occupation, 1, 4) = substr(?1, 1, 4) THEN 3
                     WHEN substr(occupation, 1, 2) = substr(?1, 1, 2) THEN 2
                     ELSE 1 END AS closeness,
                abs(CAST(substr(occupation, 1, 2) AS INTEGER) - CAST(substr(?1, 1, 2) AS INTEGER)) AS distance
         FROM role_cards
         WHERE occupation <> ?1
         ORDER BY closeness DESC, distance, score DESC, slug
         LIMIT ?2"
    ))?
    .query_map(rusqlite::params![code, limit as i64], |r| {
        let closeness = match r.get::<_, i64>(14)? {
            4 => "broad",
            3 => "minor",
            2 => "major",
            _ => "other",
        };
        Ok(NearbyRole { role: summary(r)?, closeness })
    })?
    .collect()
}

/// Every major group with its occupations and how many roles each has, in SOC order.
pub fn by_major_group(conn: &Connection) -> Result<Vec<MajorGroupRow>> {
    let mut groups: Vec<MajorGroupRow> = conn
        .prepare_cached("SELECT code, name FROM major_groups ORDER BY position")?
        .query_map([], |r| Ok(MajorGroupRow { code: r.get(0)?, name: r.get(1)?, occupations: Vec::new() }))?
        .collect::<Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT o.code, o.title, o.major_group, count(r.slug)
         FROM occupations o LEFT JOIN role_cards r ON r.occupation = o.code
         GROUP BY o.code ORDER BY o.code",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, String>(2)?, OccupationEntry { code: r.get(0)?, title: r.get(1)?, assessed: r.get(3)? }))
    })?;
    for row in rows {
        let (group, entry) = row?;
        if let Some(g) = groups.iter_mut().find(|g| g.code == group) {
            g.occupations.push(entry);
        }
    }
    Ok(groups)
}
