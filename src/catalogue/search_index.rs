//! Reads what search needs from the catalogue, once, into the in-memory index: roles and their
//! aliases, occupations with their employment, and every O*NET lay title. (Search by what the
//! work is queries the catalogue's full-text index instead: `work_text.rs`.)

use crate::data::titles::TitleKind;
use crate::search::{DescribeLists, Index, IndexBuilder, MatchKind, Target, TargetKind};
use anyhow::Context;
use rusqlite::{Connection, Result};
use std::collections::HashMap;

/// The index of the catalogue open on `conn`, with the word lists the build stored.
pub fn build(conn: &Connection) -> anyhow::Result<Index> {
    let list = |key: &str| -> anyhow::Result<String> {
        super::read::meta(conn, key)?
            .with_context(|| format!("the catalogue has no {key}; rebuild it with `jobzone build`"))
    };
    let synonyms: Vec<(String, String)> = serde_json::from_str(&list("synonyms_json")?)?;
    let levels: Vec<(String, String)> = serde_json::from_str(&list("levels_json")?)?;
    let describe: DescribeLists = serde_json::from_str(&list("describe_json")?)?;
    let mut b = IndexBuilder::new(&synonyms).lists(&levels, &describe);
    roles(conn, &mut b)?;
    occupations(conn, &mut b)?;
    Ok(b.finish())
}

fn roles(conn: &Connection, b: &mut IndexBuilder) -> Result<()> {
    let mut role_ids: HashMap<String, u32> = HashMap::new();
    let mut stmt =
        conn.prepare("SELECT id, title, seniority, zone, score FROM cards WHERE kind = 'role' ORDER BY id")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (slug, title, seniority): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
        let target = Target {
            kind: TargetKind::Role,
            title: format!("{title} ({seniority})"),
            url: format!("/roles/{slug}"),
            zone: Some(r.get(3)?),
            score: Some(r.get(4)?),
        };
        let id = b.target(target, Some(&seniority), 0);
        b.entry(id, &title, MatchKind::Title, 0);
        role_ids.insert(slug, id);
    }
    let mut stmt = conn.prepare("SELECT id, alias FROM aliases WHERE kind = 'role' ORDER BY id, position")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        if let Some(&id) = role_ids.get(&r.get::<_, String>(0)?) {
            b.entry(id, &r.get::<_, String>(1)?, MatchKind::Alias, 0);
        }
    }
    Ok(())
}

/// Occupations with their score where they have one, each with its share of employment as the
/// popularity prior, then their lay titles.
fn occupations(conn: &Connection, b: &mut IndexBuilder) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT o.code, o.title, e.prior, c.zone, c.score
         FROM occupations o LEFT JOIN occupation_employment e ON e.code = o.code
         LEFT JOIN cards c ON c.kind = 'occupation' AND c.id = o.code ORDER BY o.code",
    )?;
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (code, title): (String, String) = (r.get(0)?, r.get(1)?);
        let prior = r.get::<_, Option<i64>>(2)?.unwrap_or(0).max(0) as u64;
        let target = Target {
            kind: TargetKind::Occupation,
            title: title.clone(),
            url: format!("/occupations/{code}"),
            zone: r.get(3)?,
            score: r.get(4)?,
        };
        let id = b.target(target, None, prior);
        b.entry(id, &title, MatchKind::Title, 0);
        ids.insert(code, id);
    }
    let mut stmt = conn.prepare("SELECT code, title, kind, sources FROM lay_titles ORDER BY code, position")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let Some(&id) = ids.get(&r.get::<_, String>(0)?) else { continue };
        let kind = match TitleKind::parse(&r.get::<_, String>(2)?) {
            Some(TitleKind::Alternate) => MatchKind::AlternateTitle,
            Some(TitleKind::Short) => MatchKind::ShortTitle,
            Some(TitleKind::Reported) => MatchKind::ReportedTitle,
            None => continue,
        };
        b.entry(id, &r.get::<_, String>(1)?, kind, r.get::<_, u8>(3)?);
    }
    Ok(())
}
