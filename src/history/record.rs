//! What `jobzone history record` appends: a row for each assessment whose score, zone or
//! methodology version differs from its last row. The reason comes from where the change came
//! from: the methodology's changelog for a new version, the editor's newest revision note for a
//! role, the data for an estimate. Recording again right after adds nothing.

use super::{Point, data_vintage, editor_vintage, score_text};
use crate::assessment::{Assessment, Key, Kind};
use crate::methodology::Methodology;
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// The rows due now, in the order of `assessments`, or why some cannot be recorded (each
/// message says how to fix it).
pub fn due(
    m: &Methodology,
    history: &[Point],
    assessments: &[&Assessment],
    today: &str,
) -> Result<Vec<Point>, Vec<String>> {
    let mut last: HashMap<&Key, &Point> = HashMap::new();
    for p in history {
        last.insert(&p.key, p);
    }
    let decimals = m.scale.decimals;
    let (mut rows, mut refused) = (Vec::new(), Vec::new());
    for a in assessments {
        let before = last.get(&a.key).copied();
        let unchanged = before.is_some_and(|b| {
            score_text(b.score, decimals) == score_text(a.card.score, decimals)
                && b.zone == a.zone
                && b.methodology == m.version
        });
        if unchanged {
            continue;
        }
        match row(m, a, before, today) {
            Ok(p) => rows.push(p),
            Err(why) => refused.push(why),
        }
    }
    if refused.is_empty() { Ok(rows) } else { Err(refused) }
}

/// The row recording `a` as it is now, after `before`.
fn row(m: &Methodology, a: &Assessment, before: Option<&Point>, today: &str) -> Result<Point, String> {
    let revision = a.editorial.as_ref().and_then(|e| e.revisions.first());
    let data = match (a.key.kind(), revision) {
        (Kind::Role, Some(r)) => editor_vintage(&r.date),
        _ => data_vintage(m),
    };
    let point = |date: &str, reason: &str| Point {
        date: date.to_string(),
        key: a.key.clone(),
        score: a.card.score,
        zone: a.zone,
        methodology: m.version.clone(),
        data: data.clone(),
        reason: reason.to_string(),
    };
    let new_method = before.is_some_and(|b| b.methodology != m.version);
    if new_method {
        let Some(change) = m.changelog.iter().find(|c| c.version == m.version) else {
            return Err(format!(
                "{}: methodology {} has no [[changelog]] entry to give the reason; add one to methodology.toml",
                a.key.id(),
                m.version
            ));
        };
        let kept = before.is_some_and(|b| {
            score_text(b.score, m.scale.decimals) == score_text(a.card.score, m.scale.decimals) && b.zone == a.zone
        });
        let reason = match (&change.editor_roles, a.key.kind()) {
            (Some(roles), Kind::Role) if kept => roles,
            _ => &change.summary,
        };
        return Ok(point(&change.date.to_string(), reason));
    }
    match (a.key.kind(), revision) {
        (Kind::Role, Some(r)) => {
            if before.is_some_and(|b| b.date.as_str() >= r.date.as_str()) {
                return Err(format!(
                    "{}: its score or zone changed but its newest revision ({}) is already recorded; add a [[revisions]] entry saying why",
                    a.key.id(),
                    r.date
                ));
            }
            Ok(point(&r.date, &r.note))
        }
        (Kind::Role, None) => Err(format!("{}: has no revision to date and explain the change", a.key.id())),
        (Kind::Occupation, _) if before.is_none() => Ok(point(today, "First data-derived estimate.")),
        (Kind::Occupation, _) => Ok(point(today, "Recomputed from updated data under the same methodology.")),
    }
}

/// Appends `rows` to the history file at `path`, writing the header first if the file is new.
pub fn append(path: &Path, rows: &[Point], decimals: u32) -> std::io::Result<()> {
    let existing = match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    let mut out = String::new();
    match &existing {
        None => {
            out.push_str(super::file::HEADER);
            out.push('\n');
        }
        Some(text) if !text.is_empty() && !text.ends_with('\n') => out.push('\n'),
        Some(_) => {}
    }
    for p in rows {
        out.push_str(&super::file::line(p, decimals));
        out.push('\n');
    }
    let mut file = std::fs::OpenOptions::new().create(true).append(true).open(path)?;
    file.write_all(out.as_bytes())?;
    file.sync_all()
}
