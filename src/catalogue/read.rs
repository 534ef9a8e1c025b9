//! Every query the site runs. Statements are cached per connection.

use super::models::*;
use crate::methodology::{Scorecard, Split};
use rusqlite::{Connection, OptionalExtension, Result, Row, params};

pub(super) const SUMMARY_COLUMNS: &str = "slug, title, seniority, experience, category, occupation, task_resistance, \
     score, zone, sub_label, displaced, augmented, not_involved, updated";

pub(super) fn summary(row: &Row<'_>) -> Result<RoleSummary> {
    Ok(RoleSummary {
        slug: row.get(0)?,
        title: row.get(1)?,
        seniority: row.get(2)?,
        experience: row.get(3)?,
        category: row.get(4)?,
        occupation: row.get(5)?,
        task_resistance: row.get(6)?,
        score: row.get(7)?,
        zone: row.get(8)?,
        sub_label: row.get(9)?,
        split: Split { displaced: row.get(10)?, augmented: row.get(11)?, not_involved: row.get(12)? },
        updated: row.get(13)?,
    })
}

pub fn meta(conn: &Connection, key: &str) -> Result<Option<String>> {
    conn.prepare_cached("SELECT value FROM meta WHERE key = ?1")?.query_row([key], |r| r.get(0)).optional()
}

pub fn role_summary(conn: &Connection, slug: &str) -> Result<Option<RoleSummary>> {
    conn.prepare_cached(&format!("SELECT {SUMMARY_COLUMNS} FROM role_cards WHERE slug = ?1"))?
        .query_row([slug], summary)
        .optional()
}

/// All roles, by title then seniority.
pub fn all_roles(conn: &Connection) -> Result<Vec<RoleSummary>> {
    conn.prepare_cached(&format!("SELECT {SUMMARY_COLUMNS} FROM role_cards ORDER BY title, seniority_rank, slug"))?
        .query_map([], summary)?
        .collect()
}

/// The most recently revised roles.
pub fn recently_updated(conn: &Connection, limit: usize) -> Result<Vec<RoleSummary>> {
    conn.prepare_cached(&format!("SELECT {SUMMARY_COLUMNS} FROM role_cards ORDER BY updated DESC, slug LIMIT ?1"))?
        .query_map([limit as i64], summary)?
        .collect()
}

/// The live slug an old slug now redirects to.
pub fn renamed_to(conn: &Connection, old_slug: &str) -> Result<Option<String>> {
    conn.prepare_cached("SELECT slug FROM old_slugs WHERE old_slug = ?1")?
        .query_row([old_slug], |r| r.get(0))
        .optional()
}

fn tasks(conn: &Connection, slug: &str) -> Result<Vec<TaskRow>> {
    conn.prepare_cached(
        "SELECT name, share, score, weighted, class, rationale FROM tasks WHERE slug = ?1 ORDER BY position",
    )?
    .query_map([slug], |r| {
        Ok(TaskRow {
            name: r.get(0)?,
            share: r.get(1)?,
            score: r.get(2)?,
            weighted: r.get(3)?,
            class: r.get(4)?,
            rationale: r.get(5)?,
        })
    })?
    .collect()
}

fn scored_items(conn: &Connection, slug: &str, kind: &str) -> Result<Vec<ScoredRow>> {
    conn.prepare_cached(
        "SELECT key, score, rationale FROM scored_items WHERE slug = ?1 AND kind = ?2 ORDER BY position",
    )?
    .query_map(params![slug, kind], |r| Ok(ScoredRow { key: r.get(0)?, score: r.get(1)?, rationale: r.get(2)? }))?
    .collect()
}

fn strings(conn: &Connection, sql: &str, slug: &str) -> Result<Vec<String>> {
    conn.prepare_cached(sql)?.query_map([slug], |r| r.get(0))?.collect()
}

fn linked_roles(conn: &Connection, sql: &str, slug: &str) -> Result<Vec<RoleSummary>> {
    let mut out = Vec::new();
    for target in strings(conn, sql, slug)? {
        out.extend(role_summary(conn, &target)?);
    }
    Ok(out)
}

/// Everything the role page needs, or None if no role has this slug.
pub fn role_page(conn: &Connection, slug: &str) -> Result<Option<RolePage>> {
    let Some(summary) = role_summary(conn, slug)? else {
        return Ok(None);
    };
    let row = conn
        .prepare_cached(
            "SELECT live_tracked, verdict_html, primary_function, not_this_role, typical_experience,
                    seniority_note_html, growth_rationale, growth_check_html, quick_screen_note_html,
                    reinstatement_html, formula_zone, override_reason, outlook_horizon,
                    outlook_future_html, outlook_timeline_html, scorecard_json, published
             FROM roles WHERE slug = ?1",
        )?
        .query_row([slug], |r| {
            Ok((
                r.get::<_, bool>(0)?,
                [r.get::<_, String>(1)?, r.get(2)?, r.get(3)?, r.get(4)?],
                r.get::<_, Option<String>>(5)?,
                [r.get::<_, String>(6)?, r.get(7)?],
                r.get::<_, Option<String>>(8)?,
                [r.get::<_, String>(9)?, r.get(10)?],
                r.get::<_, Option<String>>(11)?,
                r.get::<_, i64>(12)?,
                [r.get::<_, String>(13)?, r.get(14)?, r.get(15)?, r.get(16)?],
            ))
        })?;
    let (
        live_tracked,
        [verdict_html, primary_function, not_this_role, typical_experience],
        seniority_note_html,
        [growth_rationale, growth_check_html],
        quick_screen_note_html,
        [reinstatement_html, formula_zone],
        override_reason,
        outlook_horizon,
        [outlook_future_html, outlook_timeline_html, card_json, published],
    ) = row;
    let card: Scorecard = serde_json::from_str(&card_json)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(15, rusqlite::types::Type::Text, Box::new(e)))?;

    let mut transitions = Vec::new();
    let mut stmt = conn.prepare_cached("SELECT target, why FROM transitions WHERE slug = ?1 ORDER BY position")?;
    let pairs: Vec<(String, String)> =
        stmt.query_map([slug], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_>>()?;
    for (target, why) in pairs {
        if let Some(target_summary) = role_summary(conn, &target)? {
            transitions.push(TransitionRow { target_tasks: tasks(conn, &target)?, target: target_summary, why });
        }
    }

    Ok(Some(RolePage {
        live_tracked,
        aliases: strings(conn, "SELECT alias FROM aliases WHERE slug = ?1 ORDER BY position", slug)?,
        verdict_html,
        primary_function,
        not_this_role,
        typical_experience,
        seniority_note_html,
        seniority_links: linked_roles(
            conn,
            "SELECT target FROM seniority_links WHERE slug = ?1 ORDER BY position",
            slug,
        )?,
        growth_rationale,
        growth_check_html,
        quick_screen_note_html,
        reinstatement_html,
        formula_zone,
        override_reason,
        outlook_horizon,
        outlook_future_html,
        outlook_timeline_html,
        strategy_html: strings(conn, "SELECT html FROM strategy_steps WHERE slug = ?1 ORDER BY position", slug)?,
        card,
        tasks: tasks(conn, slug)?,
        protective: scored_items(conn, slug, "protective")?,
        evidence: scored_items(conn, slug, "evidence")?,
        barriers: scored_items(conn, slug, "barrier")?,
        commentary: conn
            .prepare_cached("SELECT title, anchor, html FROM commentary WHERE slug = ?1 ORDER BY position")?
            .query_map([slug], |r| Ok(Section { title: r.get(0)?, anchor: r.get(1)?, html: r.get(2)? }))?
            .collect::<Result<_>>()?,
        transitions,
        sources: conn
            .prepare_cached("SELECT title, url, publisher FROM sources WHERE slug = ?1 ORDER BY position")?
            .query_map([slug], |r| Ok(SourceRow { title: r.get(0)?, url: r.get(1)?, publisher: r.get(2)? }))?
            .collect::<Result<_>>()?,
        revisions: conn
            .prepare_cached("SELECT date, note FROM revisions WHERE slug = ?1 ORDER BY position")?
            .query_map([slug], |r| Ok(RevisionRow { date: r.get(0)?, note: r.get(1)? }))?
            .collect::<Result<_>>()?,
        published,
        summary,
    }))
}

/// Roles to offer in a "compare with" list: same category first, then the rest, by title.
pub fn compare_candidates(conn: &Connection, slug: &str, limit: usize) -> Result<Vec<RoleSummary>> {
    conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM role_cards
         WHERE slug <> ?1
         ORDER BY category = (SELECT category FROM role_cards WHERE slug = ?1) DESC, title, seniority_rank, slug
         LIMIT ?2"
    ))?
    .query_map(params![slug, limit as i64], summary)?
    .collect()
}

/// Every role's slug and last revision date, for the sitemap.
pub fn role_dates(conn: &Connection) -> Result<Vec<(String, String)>> {
    conn.prepare_cached("SELECT slug, updated FROM role_cards ORDER BY slug")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
}

/// Every occupation code, for the sitemap.
pub fn occupation_codes(conn: &Connection) -> Result<Vec<String>> {
    conn.prepare_cached("SELECT code FROM occupations ORDER BY code")?.query_map([], |r| r.get(0))?.collect()
}
