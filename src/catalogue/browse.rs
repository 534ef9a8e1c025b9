//! The /roles listing: filters, sort, pages, and the counts beside them.

use super::models::{Facets, RoleFilter, RoleListing, RoleSort};
use super::read::{SUMMARY_COLUMNS, summary};
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
        add("zone = ?", &f.zone);
    }
    add("category = ?", &f.category);
    add("seniority = ?", &f.seniority);
    add("substr(occupation, 1, 2) = ?", &f.group);
    let sql = if clauses.is_empty() { String::new() } else { format!("WHERE {}", clauses.join(" AND ")) };
    (sql, values)
}

pub fn browse(conn: &Connection, f: &RoleFilter) -> Result<RoleListing> {
    let (where_sql, values) = conditions(f, true);
    let order = match f.sort {
        RoleSort::ScoreDesc => "score DESC, title, slug",
        RoleSort::ScoreAsc => "score ASC, title, slug",
        RoleSort::Title => "title, seniority_rank, slug",
    };
    let total: i64 = conn
        .prepare_cached(&format!("SELECT count(*) FROM role_cards {where_sql}"))?
        .query_row(params_from_iter(values.iter()), |r| r.get(0))?;
    let mut page_values = values.clone();
    page_values.push(Value::Integer(f.per_page as i64));
    page_values.push(Value::Integer((f.page.saturating_sub(1) * f.per_page) as i64));
    let roles = conn
        .prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM role_cards {where_sql} ORDER BY {order} LIMIT ? OFFSET ?"
        ))?
        .query_map(params_from_iter(page_values.iter()), summary)?
        .collect::<Result<_>>()?;

    let (zone_where, zone_values) = conditions(f, false);
    let zone_counts = conn
        .prepare_cached(&format!("SELECT zone, count(*) FROM role_cards {zone_where} GROUP BY zone"))?
        .query_map(params_from_iter(zone_values.iter()), |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))?
        .collect::<Result<_>>()?;
    Ok(RoleListing { roles, total: total as usize, zone_counts })
}

pub fn facets(conn: &Connection) -> Result<Facets> {
    let strings =
        |sql: &str| -> Result<Vec<String>> { conn.prepare_cached(sql)?.query_map([], |r| r.get(0))?.collect() };
    Ok(Facets {
        categories: strings("SELECT DISTINCT category FROM role_cards ORDER BY category")?,
        seniorities: conn
            .prepare_cached("SELECT seniority FROM role_cards GROUP BY seniority ORDER BY min(seniority_rank), seniority")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_>>()?,
        groups: conn
            .prepare_cached(
                "SELECT g.code, g.name FROM major_groups g
                 WHERE EXISTS (SELECT 1 FROM role_cards r WHERE substr(r.occupation, 1, 2) = g.code) ORDER BY g.position",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_>>()?,
    })
}
