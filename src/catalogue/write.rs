//! Writes a complete catalogue from validated content: to a temporary file first, renamed over
//! the old catalogue only once everything is written, so a failed build leaves it untouched.

use crate::content::{Content, Role};
use crate::markdown;
use crate::methodology::{self, Methodology, Scorecard};
use anyhow::{Context, Result};
use rusqlite::{Connection, Transaction, params};
use std::fs;
use std::path::{Path, PathBuf};

/// Large builds log progress every this many roles.
pub const PROGRESS_EVERY: usize = 1000;
pub const PROGRESS_FROM: usize = 2000;

/// What a build produced.
#[derive(Debug)]
pub struct Written {
    pub roles: usize,
    pub bytes: u64,
    pub version: String,
}

/// The catalogue version: content fingerprint and methodology version.
pub fn version(content: &Content) -> String {
    format!("{:016x}", content.fingerprint)
}

pub fn write(content: &Content, path: &Path) -> Result<Written> {
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
    Ok(Written { roles: content.roles.len(), bytes, version: version(content) })
}

/// A sibling of `path`, so the final rename stays on one file system and is atomic.
fn temporary_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "catalogue.db".into());
    path.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}

fn write_to(content: &Content, tmp: &Path) -> Result<()> {
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
    // Roles link to roles written later; check those references once, at commit.
    tx.execute_batch("PRAGMA defer_foreign_keys = ON;")?;
    write_meta(&tx, content)?;
    write_occupations(&tx, content)?;
    super::write_search::write_search(&tx, content).context("while writing the search tables")?;
    let m = &content.methodology;
    let total = content.roles.len();
    for (i, role) in content.roles.iter().enumerate() {
        write_role(&tx, m, role).with_context(|| format!("while writing role {}", role.slug))?;
        if total >= PROGRESS_FROM && (i + 1) % PROGRESS_EVERY == 0 {
            tracing::info!("wrote {}/{total} roles", i + 1);
        }
    }
    tx.commit().context("while committing the catalogue")?;
    conn.execute_batch("PRAGMA optimize;")?;
    conn.close().map_err(|(_, e)| e).context("while closing the new catalogue")?;
    Ok(())
}

fn write_meta(tx: &Transaction<'_>, content: &Content) -> Result<()> {
    let mut stmt = tx.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)")?;
    stmt.execute(params!["version", version(content)])?;
    stmt.execute(params!["schema", super::schema_version()])?;
    stmt.execute(params!["methodology_version", content.methodology.version])?;
    stmt.execute(params!["methodology_json", serde_json::to_string(&content.methodology)?])?;
    stmt.execute(params!["methodology_source", content.methodology_source])?;
    stmt.execute(params!["synonyms_json", serde_json::to_string(&content.synonyms)?])?;
    Ok(())
}

fn write_occupations(tx: &Transaction<'_>, content: &Content) -> Result<()> {
    let mut group = tx.prepare("INSERT INTO major_groups VALUES (?1, ?2, ?3)")?;
    for (i, g) in content.major_groups.iter().enumerate() {
        group.execute(params![g.code, g.name, i])?;
    }
    let mut occupation = tx.prepare("INSERT INTO occupations VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for (i, o) in content.occupations.iter().enumerate() {
        occupation.execute(params![o.code, o.title, o.description, o.major_group(), i])?;
    }
    Ok(())
}

fn write_role(tx: &Transaction<'_>, m: &Methodology, r: &Role) -> Result<()> {
    let card: Scorecard = methodology::score(m, &r.inputs());
    let zone = r.assessor_override.as_ref().map_or(card.zone.as_str(), |o| o.zone.as_str());
    let rank = m.seniority_levels.iter().position(|s| *s == r.seniority).unwrap_or(0) as i64;
    let published = r.revisions.last().map_or("", |v| v.date.as_str());
    let opt_inline = |s: &Option<String>| s.as_deref().map(markdown::inline_to_html);
    tx.prepare_cached(
        "INSERT INTO role_cards VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        r.slug,
        r.title,
        r.seniority,
        rank,
        r.experience,
        r.category,
        r.occupation,
        card.task_resistance,
        card.score,
        zone,
        card.sub_label,
        card.split.displaced,
        card.split.augmented,
        card.split.not_involved,
        r.updated(),
    ])?;
    tx.prepare_cached(
        "INSERT INTO roles VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
    )?
    .execute(params![
        r.slug,
        r.live_tracked,
        markdown::inline_to_html(&r.verdict),
        r.primary_function,
        r.not_this_role,
        r.typical_experience,
        opt_inline(&r.seniority_note),
        r.growth_rationale,
        markdown::to_html(&r.growth_check),
        opt_inline(&r.quick_screen_note),
        markdown::to_html(&r.reinstatement),
        r.assessor_override.as_ref().map(|o| &o.zone),
        r.assessor_override.as_ref().map(|o| &o.reason),
        r.outlook.horizon,
        markdown::to_html(&r.outlook.future),
        markdown::to_html(&r.outlook.timeline),
        card.raw,
        card.zone,
        serde_json::to_string(&card)?,
        published,
    ])?;

    let mut alias = tx.prepare_cached("INSERT INTO aliases VALUES (?1, ?2, ?3)")?;
    for (i, a) in r.aliases.iter().enumerate() {
        alias.execute(params![r.slug, i, a])?;
    }
    let mut old = tx.prepare_cached("INSERT INTO old_slugs VALUES (?1, ?2)")?;
    for o in &r.old_slugs {
        old.execute(params![o, r.slug])?;
    }
    let mut task = tx.prepare_cached("INSERT INTO tasks VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")?;
    for (i, (t, s)) in r.tasks.iter().zip(&card.tasks).enumerate() {
        task.execute(params![r.slug, i, t.name, t.share, t.score, s.weighted, s.class, t.rationale])?;
    }
    let mut item = tx.prepare_cached("INSERT INTO scored_items VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
    let protective_keys = m.protective.principles.iter().map(|p| &p.key);
    for (kind, items, keys) in [
        ("protective", &r.protective, protective_keys.collect::<Vec<_>>()),
        ("evidence", &r.evidence, m.evidence.dimensions.iter().map(|d| &d.key).collect()),
        ("barrier", &r.barriers, m.barriers.dimensions.iter().map(|d| &d.key).collect()),
    ] {
        for (i, (s, key)) in items.iter().zip(keys).enumerate() {
            item.execute(params![r.slug, kind, i, key, s.score, s.rationale])?;
        }
    }
    let mut step = tx.prepare_cached("INSERT INTO strategy_steps VALUES (?1, ?2, ?3)")?;
    for (i, s) in r.outlook.strategy.iter().enumerate() {
        step.execute(params![r.slug, i, markdown::inline_to_html(s)])?;
    }
    let mut section = tx.prepare_cached("INSERT INTO commentary VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for (i, s) in markdown::sections(&r.commentary).iter().enumerate() {
        section.execute(params![r.slug, i, s.title, s.anchor, s.html])?;
    }
    let mut transition = tx.prepare_cached("INSERT INTO transitions VALUES (?1, ?2, ?3, ?4)")?;
    for (i, t) in r.transitions.iter().enumerate() {
        transition.execute(params![r.slug, i, t.to, t.why])?;
    }
    let mut link = tx.prepare_cached("INSERT INTO seniority_links VALUES (?1, ?2, ?3)")?;
    for (i, target) in r.seniority_links.iter().enumerate() {
        link.execute(params![r.slug, i, target])?;
    }
    let mut source = tx.prepare_cached("INSERT INTO sources VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for (i, s) in r.sources.iter().enumerate() {
        source.execute(params![r.slug, i, s.title, s.url, s.publisher])?;
    }
    let mut revision = tx.prepare_cached("INSERT INTO revisions VALUES (?1, ?2, ?3, ?4)")?;
    for (i, v) in r.revisions.iter().enumerate() {
        revision.execute(params![r.slug, i, v.date, v.note])?;
    }
    Ok(())
}
