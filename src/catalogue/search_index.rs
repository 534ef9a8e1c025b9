//! Reads what search needs from the catalogue, once, into the in-memory index.

use crate::search::{Index, IndexBuilder, Target};
use rusqlite::{Connection, Result};
use std::collections::HashMap;

pub fn build(conn: &Connection, synonyms: &[(String, String)]) -> Result<Index> {
    let mut b = IndexBuilder::new(synonyms);
    let mut role_ids: HashMap<String, u32> = HashMap::new();
    let mut stmt = conn.prepare("SELECT slug, title, seniority, zone, score FROM role_cards ORDER BY slug")?;
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
    let mut stmt = conn.prepare("SELECT slug, alias FROM aliases ORDER BY slug, position")?;
    let aliases = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for alias in aliases {
        let (slug, alias) = alias?;
        if let Some(&id) = role_ids.get(&slug) {
            b.entry(id, &alias, "alias");
        }
    }
    let mut stmt = conn.prepare("SELECT code, title FROM occupations ORDER BY code")?;
    let occupations = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for occupation in occupations {
        let (code, title) = occupation?;
        let id = b.target(
            Target {
                kind: "occupation",
                title: title.clone(),
                url: format!("/occupations/{code}"),
                zone: None,
                score: None,
            },
            None,
        );
        b.entry(id, &title, "occupation title");
    }
    Ok(b.finish())
}
