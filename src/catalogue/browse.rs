//! The /roles listing of every scored role and occupation: filters, sort, pages, and the counts
//! beside them.

use super::models::{Facets, RoleFilter, RoleListing, RoleSort};
use super::read::{CARD_COLUMNS, card};
use crate::methodology::ZoneKey;
use rusqlite::types::Value;
use rusqlite::{Connection, Result, params_from_iter};

/// WHERE clause and parameters for every filter except, optionally, the zone.
fn conditions(f: &RoleFilter, with_zone: bool) -> (String, Vec<Value>) {
    let mut clauses = Vec::new();
    let mut values = Vec::new();
    let mut add = |sql: &str, v: &Option<String>| {
        if let Some(v) = v {
            clauses.push(sql.to_string());
            values.push(Value::Text(v.clone()));
        }
    };
    if with_zone {
        add("zone = ?", &f.zone.map(|z| z.as_str().to_string()));
    }
    add("provenance = ?", &f.provenance.map(|p| p.as_str().to_string()));
    add("category = ?", &f.category);
    add("seniority = ?", &f.seniority);
    add("major_group = ?", &f.group);
    if let Some(jz) = f.job_zone {
        clauses.push("job_zone = ?".to_string());
        values.push(Value::Integer(i64::from(jz)));
    }
    let sql = if clauses.is_empty() { String::new() } else { format!("WHERE {}", clauses.join(" AND ")) };
    (sql, values)
}

pub fn browse(conn: &Connection, f: &RoleFilter) -> Result<RoleListing> {
    let (where_sql, values) = conditions(f, true);
    let order = match f.sort {
        RoleSort::ScoreDesc => "score DESC, title, id",
        RoleSort::ScoreAsc => "score ASC, title, id",
        RoleSort::Title => "title, seniority_rank, id",
    };
    let total: i64 = conn
        .prepare_cached(&format!("SELECT count(*) FROM cards {where_sql}"))?
        .query_row(params_from_iter(values.iter()), |r| r.get(0))?;
    let mut page_values = values.clone();
    page_values.push(Value::Integer(f.per_page as i64));
    page_values.push(Value::Integer((f.page.saturating_sub(1) * f.per_page) as i64));
    let cards = conn
        .prepare_cached(&format!("SELECT {CARD_COLUMNS} FROM cards {where_sql} ORDER BY {order} LIMIT ? OFFSET ?"))?
        .query_map(params_from_iter(page_values.iter()), card)?
        .collect::<Result<_>>()?;

    let (zone_where, zone_values) = conditions(f, false);
    let zone_counts = conn
        .prepare_cached(&format!("SELECT zone, count(*) FROM cards {zone_where} GROUP BY zone"))?
        .query_map(params_from_iter(zone_values.iter()), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as usize))
        })?
        .filter_map(|row| row.map(|(z, n)| ZoneKey::parse(&z).map(|z| (z, n))).transpose())
        .collect::<Result<_>>()?;
    Ok(RoleListing { cards, total: total as usize, zone_counts })
}

pub fn facets(conn: &Connection) -> Result<Facets> {
    let strings =
        |sql: &str| -> Result<Vec<String>> { conn.prepare_cached(sql)?.query_map([], |r| r.get(0))?.collect() };
    Ok(Facets {
        categories: strings("SELECT DISTINCT category FROM cards WHERE kind = 'role' ORDER BY category")?,
        seniorities: conn
            .prepare_cached(
                "SELECT seniority FROM cards WHERE seniority IS NOT NULL
                 GROUP BY seniority ORDER BY min(seniority_rank), seniority",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_>>()?,
        groups: conn
            .prepare_cached(
                "SELECT g.code, g.name FROM major_groups g
                 WHERE EXISTS (SELECT 1 FROM cards c WHERE c.major_group = g.code) ORDER BY g.position",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_>>()?,
        job_zones: conn
            .prepare_cached("SELECT DISTINCT job_zone FROM cards WHERE job_zone IS NOT NULL ORDER BY job_zone")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_>>()?,
    })
}
