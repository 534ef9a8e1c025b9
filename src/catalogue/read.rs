//! The queries every page shares: cards, whole assessments, redirects. Statements are cached
//! per connection.

use super::models::*;
use crate::assessment::{Assessment, DataFacts, Key, Kind, RoleSlug, SocCode};
use crate::methodology::{Provenance, Split, ZoneKey};
use rusqlite::types::Type;
use rusqlite::{Connection, OptionalExtension, Result, Row, params};

pub(super) const CARD_COLUMNS: &str = "kind, id, provenance, title, seniority, experience, category, occupation, \
     major_group, job_zone, task_resistance, score, zone, sub_label, displaced, augmented, not_involved, updated";

/// A text column that must parse as one of our enums; a bad value is a corrupt catalogue.
fn parsed<T>(row: &Row<'_>, column: &str, parse: impl Fn(&str) -> Option<T>) -> Result<T> {
    let text: String = row.get(column)?;
    parse(&text).ok_or_else(|| {
        let index = row.as_ref().column_index(column).unwrap_or(0);
        rusqlite::Error::FromSqlConversionFailure(index, Type::Text, format!("unknown {column} {text:?}").into())
    })
}

/// The `kind` and `id` columns as a key; an identifier that is not well formed is a corrupt
/// catalogue.
fn key(row: &Row<'_>) -> Result<Key> {
    let kind = parsed(row, "kind", Kind::parse)?;
    parsed(row, "id", |id| Key::parse(kind, id))
}

/// Reads a `cards` row selected with [`CARD_COLUMNS`].
pub(super) fn card(row: &Row<'_>) -> Result<Card> {
    Ok(Card {
        key: key(row)?,
        provenance: parsed(row, "provenance", Provenance::parse)?,
        title: row.get("title")?,
        seniority: row.get("seniority")?,
        experience: row.get("experience")?,
        category: row.get("category")?,
        occupation: row.get("occupation")?,
        major_group: row.get("major_group")?,
        job_zone: row.get("job_zone")?,
        task_resistance: row.get("task_resistance")?,
        score: row.get("score")?,
        zone: parsed(row, "zone", ZoneKey::parse)?,
        sub_label: row.get("sub_label")?,
        split: Split {
            displaced: row.get("displaced")?,
            augmented: row.get("augmented")?,
            not_involved: row.get("not_involved")?,
        },
        updated: row.get("updated")?,
    })
}

fn json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, Type::Text, Box::new(e)))
}

pub fn meta(conn: &Connection, key: &str) -> Result<Option<String>> {
    conn.prepare_cached("SELECT value FROM meta WHERE key = ?1")?.query_row([key], |r| r.get(0)).optional()
}

pub fn card_of(conn: &Connection, key: &Key) -> Result<Option<Card>> {
    conn.prepare_cached(&format!("SELECT {CARD_COLUMNS} FROM cards WHERE kind = ?1 AND id = ?2"))?
        .query_row(params![key.kind().as_str(), key.id()], card)
        .optional()
}

/// The whole stored assessment.
pub fn assessment(conn: &Connection, key: &Key) -> Result<Option<Assessment>> {
    let text: Option<String> = conn
        .prepare_cached("SELECT json FROM details WHERE kind = ?1 AND id = ?2")?
        .query_row(params![key.kind().as_str(), key.id()], |r| r.get(0))
        .optional()?;
    text.map(|t| json(&t)).transpose()
}

/// Just the tasks of a stored assessment and the engine's figures for them: what a transition
/// card shows of its target. Deserialising only these keeps a page with several transitions
/// from building every target's whole assessment.
#[derive(serde::Deserialize)]
struct TasksOnly {
    tasks: Vec<crate::assessment::Task>,
    card: TaskFigures,
}

#[derive(serde::Deserialize)]
struct TaskFigures {
    tasks: Vec<crate::methodology::TaskScore>,
}

fn task_rows(conn: &Connection, key: &Key) -> Result<Option<Vec<TaskRow>>> {
    let text: Option<String> = conn
        .prepare_cached("SELECT json FROM details WHERE kind = ?1 AND id = ?2")?
        .query_row(params![key.kind().as_str(), key.id()], |r| r.get(0))
        .optional()?;
    let Some(text) = text else { return Ok(None) };
    let only: TasksOnly = json(&text)?;
    let rated = only.tasks.iter().filter(|t| t.score.is_some());
    Ok(Some(
        rated
            .zip(only.card.tasks)
            .map(|(t, s)| TaskRow { name: t.name.clone(), share: s.share, class: s.class })
            .collect(),
    ))
}

/// Everything an assessment page needs, or None if nothing is assessed under `key`.
pub fn assessment_page(conn: &Connection, key: &Key) -> Result<Option<AssessmentPage>> {
    let (Some(a), Some(card)) = (assessment(conn, key)?, card_of(conn, key)?) else {
        return Ok(None);
    };
    // A role's occupation code was checked when its file was read; a malformed one has no facts.
    let facts_of = |code: &str| SocCode::parse(code).map_or(Ok(None), |c| occupation_facts(conn, &c));
    let mut transitions = Vec::with_capacity(a.transitions.len());
    for t in &a.transitions {
        if let (Some(target_card), Some(tasks)) = (card_of(conn, &t.to)?, task_rows(conn, &t.to)?) {
            let facts = facts_of(&target_card.occupation)?;
            transitions.push(TransitionTarget { card: target_card, move_: t.clone(), tasks, facts });
        }
    }
    let facts = facts_of(&a.occupation)?;
    let occupation_title = conn
        .prepare_cached("SELECT title FROM occupations WHERE code = ?1")?
        .query_row([&a.occupation], |r| r.get(0))
        .optional()?
        .unwrap_or_else(|| a.occupation.clone());
    let mut seniority_links = Vec::new();
    for link in a.editorial.iter().flat_map(|e| &e.seniority_links) {
        seniority_links.extend(card_of(conn, link)?);
    }
    let history = super::history::of(conn, key)?;
    let usage = super::usage::observed_usage(conn, &a.occupation)?;
    Ok(Some(AssessmentPage { a, card, transitions, seniority_links, facts, occupation_title, history, usage }))
}

/// Every assessment's key, roles first.
pub fn all_keys(conn: &Connection) -> Result<Vec<Key>> {
    conn.prepare_cached("SELECT kind, id FROM cards ORDER BY kind DESC, id")?.query_map([], key)?.collect()
}

/// Editor-reviewed roles, by title then seniority.
pub fn all_roles(conn: &Connection) -> Result<Vec<Card>> {
    conn.prepare_cached(&format!(
        "SELECT {CARD_COLUMNS} FROM cards WHERE kind = 'role' ORDER BY title, seniority_rank, id"
    ))?
    .query_map([], card)?
    .collect()
}

/// Every score, for the distribution charts: (score, zone, provenance).
pub fn all_scores(conn: &Connection) -> Result<Vec<(f64, ZoneKey, Provenance)>> {
    conn.prepare_cached("SELECT score, zone, provenance FROM cards")?
        .query_map([], |r| {
            Ok((r.get(0)?, parsed(r, "zone", ZoneKey::parse)?, parsed(r, "provenance", Provenance::parse)?))
        })?
        .collect()
}

/// Each editor role beside the data-derived card of its occupation, where that has a score.
pub fn editor_and_data_pairs(conn: &Connection) -> Result<Vec<(Card, Card)>> {
    let roles = all_roles(conn)?;
    let mut out = Vec::new();
    for r in roles {
        let Some(code) = SocCode::parse(&r.occupation) else { continue };
        if let Some(o) = card_of(conn, &code.key())? {
            out.push((r, o));
        }
    }
    Ok(out)
}

/// The most recently revised editor roles.
pub fn recently_updated(conn: &Connection, limit: usize) -> Result<Vec<Card>> {
    conn.prepare_cached(&format!(
        "SELECT {CARD_COLUMNS} FROM cards WHERE kind = 'role' ORDER BY updated DESC, id LIMIT ?1"
    ))?
    .query_map([limit as i64], card)?
    .collect()
}

/// The live slug an old slug now redirects to.
pub fn renamed_to(conn: &Connection, old_slug: &RoleSlug) -> Result<Option<String>> {
    conn.prepare_cached("SELECT slug FROM old_slugs WHERE old_slug = ?1")?
        .query_row([old_slug.as_str()], |r| r.get(0))
        .optional()
}

/// Roles to offer in a "compare with" list: same category first, then the rest, by title.
pub fn compare_candidates(conn: &Connection, exclude: &str, limit: usize) -> Result<Vec<Card>> {
    conn.prepare_cached(&format!(
        "SELECT {CARD_COLUMNS} FROM cards
         WHERE kind = 'role' AND id <> ?1
         ORDER BY category = (SELECT category FROM cards WHERE kind = 'role' AND id = ?1) DESC,
                  title, seniority_rank, id
         LIMIT ?2"
    ))?
    .query_map(params![exclude, limit as i64], card)?
    .collect()
}

/// Every page a crawler should know, with its last change: (path, date or empty).
pub fn sitemap_entries(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut out: Vec<(String, String)> = conn
        .prepare_cached("SELECT kind, id, updated FROM cards ORDER BY kind DESC, id")?
        .query_map([], |r| Ok((key(r)?.url(), r.get(2)?)))?
        .collect::<Result<_>>()?;
    let unscored: Vec<SocCode> = conn
        .prepare_cached(
            "SELECT code FROM occupations o
             WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.kind = 'occupation' AND c.id = o.code) ORDER BY code",
        )?
        .query_map([], |r| parsed(r, "code", SocCode::parse))?
        .collect::<Result<_>>()?;
    out.extend(unscored.into_iter().map(|code| (code.key().url(), String::new())));
    Ok(out)
}

/// What the data sets say of an occupation, scored or not.
pub fn occupation_facts(conn: &Connection, code: &SocCode) -> Result<Option<DataFacts>> {
    let text: Option<String> = conn
        .prepare_cached("SELECT json FROM occupation_facts WHERE code = ?1")?
        .query_row([code.as_str()], |r| r.get(0))
        .optional()?;
    text.map(|t| json(&t)).transpose()
}
