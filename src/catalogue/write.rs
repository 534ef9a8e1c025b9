//! Writes a complete catalogue from validated content: to a temporary file first, renamed over
//! the old catalogue only once everything is written, so a failed build leaves it untouched.

use super::Input;
use super::models::Card;
use crate::assessment::Assessment;
use crate::telemetry::{PROGRESS_EVERY, PROGRESS_FROM};
use anyhow::{Context, Result};
use rusqlite::{Connection, Transaction, named_params, params};
use std::fs;
use std::path::{Path, PathBuf};

/// What a build produced.
#[derive(Debug)]
pub struct Written {
    pub roles: usize,
    /// Data-derived occupation assessments.
    pub occupations: usize,
    pub bytes: u64,
    pub version: String,
}

/// The catalogue version: content fingerprint and methodology version.
pub fn version(content: &Input) -> String {
    format!("{:016x}", content.fingerprint)
}

pub fn write(content: &Input, path: &Path) -> Result<Written> {
    let tmp = temporary_path(path);
    let result = write_to(content, &tmp).and_then(|()| {
        let file = fs::File::open(&tmp).context("while reopening the new catalogue to sync it")?;
        file.sync_all().context("while syncing the new catalogue to disk")?;
        fs::rename(&tmp, path).with_context(|| format!("while moving the new catalogue to {}", path.display()))
    });
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result?;
    let bytes = fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    Ok(Written { roles: content.roles.len(), occupations: content.derived.len(), bytes, version: version(content) })
}

/// A sibling of `path`, so the final rename stays on one file system and is atomic.
fn temporary_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "catalogue.db".into());
    path.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}

fn write_to(content: &Input, tmp: &Path) -> Result<()> {
    if tmp.exists() {
        fs::remove_file(tmp).context("while removing a stale temporary catalogue")?;
    }
    if let Some(dir) = tmp.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).with_context(|| format!("while creating {}", dir.display()))?;
    }
    let mut conn = Connection::open(tmp).with_context(|| format!("while creating {}", tmp.display()))?;
    // The file is private until renamed, so it needs no journal; a crash just leaves a temp file.
    conn.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON;")?;
    conn.execute_batch(include_str!("schema.sql")).context("while creating the schema")?;
    let tx = conn.transaction()?;
    write_meta(&tx, content)?;
    write_occupations(&tx, content)?;
    super::usage::write(&tx, content).context("while writing observed AI use")?;
    super::write_search::write_search(&tx, content).context("while writing the search tables")?;
    let all: Vec<&Assessment> = content.roles.iter().chain(&content.derived).collect();
    let total = all.len();
    for (i, a) in all.into_iter().enumerate() {
        write_assessment(&tx, a).with_context(|| format!("while writing {}", a.key.url()))?;
        if total >= PROGRESS_FROM && (i + 1) % PROGRESS_EVERY == 0 {
            tracing::info!("wrote {}/{total} assessments", i + 1);
        }
    }
    super::history::write(&tx, &content.history).context("while writing the score history")?;
    tx.commit().context("while committing the catalogue")?;
    conn.execute_batch("PRAGMA optimize;")?;
    conn.close().map_err(|(_, e)| e).context("while closing the new catalogue")?;
    Ok(())
}

fn write_meta(tx: &Transaction<'_>, content: &Input) -> Result<()> {
    let mut stmt = tx.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)")?;
    stmt.execute(params!["version", version(content)])?;
    stmt.execute(params!["schema", super::schema_version()])?;
    stmt.execute(params!["methodology_version", content.methodology.version])?;
    stmt.execute(params!["methodology_json", serde_json::to_string(&content.methodology)?])?;
    stmt.execute(params!["methodology_source", content.methodology_source])?;
    stmt.execute(params!["synonyms_json", serde_json::to_string(&content.synonyms)?])?;
    stmt.execute(params!["agreement_json", serde_json::to_string(&content.agreement)?])?;
    stmt.execute(params!["levels_json", serde_json::to_string(&content.levels)?])?;
    stmt.execute(params!["describe_json", serde_json::to_string(&content.describe)?])?;
    Ok(())
}

fn write_occupations(tx: &Transaction<'_>, content: &Input) -> Result<()> {
    let mut group = tx.prepare("INSERT INTO major_groups (code, name, position) VALUES (?1, ?2, ?3)")?;
    for (i, g) in content.major_groups.iter().enumerate() {
        group.execute(params![g.code, g.name, i])?;
    }
    let mut occupation = tx.prepare(
        "INSERT INTO occupations (code, title, description, major_group, position, unscored_reason)
         VALUES (:code, :title, :description, :major_group, :position, :unscored_reason)",
    )?;
    for (i, o) in content.occupations.iter().enumerate() {
        occupation.execute(named_params! {
            ":code": o.code,
            ":title": o.title,
            ":description": o.description,
            ":major_group": o.major_group(),
            ":position": i,
            ":unscored_reason": content.unscored.get(&o.code),
        })?;
    }
    let mut facts = tx.prepare("INSERT INTO occupation_facts (code, json) VALUES (?1, ?2)")?;
    for (code, f) in &content.facts {
        facts.execute(params![code, serde_json::to_string(f)?])?;
    }
    Ok(())
}

/// One assessment: its card row, its whole detail, its aliases and old slugs.
fn write_assessment(tx: &Transaction<'_>, a: &Assessment) -> Result<()> {
    let c = Card::of(a, &a.occupation[..2]);
    let kind = c.key.kind().as_str();
    tx.prepare_cached(
        "INSERT INTO cards (kind, id, provenance, title, seniority, seniority_rank, experience, category,
             occupation, major_group, job_zone, task_resistance, score, zone, sub_label, displaced, augmented,
             not_involved, updated)
         VALUES (:kind, :id, :provenance, :title, :seniority, :seniority_rank, :experience, :category,
             :occupation, :major_group, :job_zone, :task_resistance, :score, :zone, :sub_label, :displaced,
             :augmented, :not_involved, :updated)",
    )?
    .execute(named_params! {
        ":kind": kind,
        ":id": c.key.id(),
        ":provenance": c.provenance.as_str(),
        ":title": c.title,
        ":seniority": c.seniority,
        ":seniority_rank": a.seniority.as_ref().map_or(0, |s| s.rank),
        ":experience": c.experience,
        ":category": c.category,
        ":occupation": c.occupation,
        ":major_group": c.major_group,
        ":job_zone": c.job_zone,
        ":task_resistance": c.task_resistance,
        ":score": c.score,
        ":zone": c.zone.as_str(),
        ":sub_label": c.sub_label,
        ":displaced": c.split.displaced,
        ":augmented": c.split.augmented,
        ":not_involved": c.split.not_involved,
        ":updated": c.updated,
    })?;
    tx.prepare_cached("INSERT INTO details (kind, id, json) VALUES (?1, ?2, ?3)")?.execute(params![
        kind,
        c.key.id(),
        serde_json::to_string(a)?
    ])?;
    let mut alias = tx.prepare_cached("INSERT INTO aliases (kind, id, position, alias) VALUES (?1, ?2, ?3, ?4)")?;
    for (i, text) in a.aliases.iter().enumerate() {
        alias.execute(params![kind, c.key.id(), i, text])?;
    }
    let mut old = tx.prepare_cached("INSERT INTO old_slugs (old_slug, slug) VALUES (?1, ?2)")?;
    for o in a.editorial.iter().flat_map(|e| &e.old_slugs) {
        old.execute(params![o, c.key.id()])?;
    }
    Ok(())
}
