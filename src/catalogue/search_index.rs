//! Reads what search needs from the catalogue, once, into the in-memory index.

use crate::search::{Index, IndexBuilder, Target};
use rusqlite::{Connection, Result};
use std::collections::HashMap;

pub fn build(conn: &Connection, synonyms: &[(String, String)]) -> Result<Index> {
    let mut b = IndexBuilder::new(synonyms);
    let mut role_ids: HashMap<String, u32> = HashMap::new();
    let mut stmt =
        conn.prepare("SELECT id, title, seniority, zone, score FROM cards WHERE kind = 'role' ORDER BY id")?;
    let roles = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, f64>(4)?,
        ))
    })?;
    for role in roles {
        let (slug, title, seniority, zone, score) = role?;
        let target = Target {
            kind: "role",
            title: format!("{title} ({seniority})"),
            url: format!("/roles/{slug}"),
            zone: Some(zone),
            score: Some(score),
        };
        let id = b.target(target, Some(&seniority));
        b.entry(id, &title, "title");
        role_ids.insert(slug, id);
    }
    let mut stmt = conn.prepare("SELECT id, alias FROM aliases WHERE kind = 'role' ORDER BY id, position")?;
    let aliases = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for alias in aliases {
        let (slug, alias) = alias?;
        if let Some(&id) = role_ids.get(&slug) {
            b.entry(id, &alias, "alias");
        }
    }
    let mut stmt = conn.prepare(
        "SELECT o.code, o.title, c.zone, c.score FROM occupations o
         LEFT JOIN cards c ON c.kind = 'occupation' AND c.id = o.code ORDER BY o.code",
    )?;
    let occupations = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, Option<f64>>(3)?,
        ))
    })?;
    for occupation in occupations {
        let (code, title, zone, score) = occupation?;
        let id = b.target(
            Target { kind: "occupation", title: title.clone(), url: format!("/occupations/{code}"), zone, score },
            None,
        );
        b.entry(id, &title, "occupation title");
    }
    Ok(b.finish())
}
