//! Writes observed AI use over time: the releases with their whole-economy figures, and each
//! release's view of every occupation and task (the tables at the end of schema.sql).

use super::Input;
use anyhow::Result;
use rusqlite::{Transaction, params};

pub fn write_usage(tx: &Transaction<'_>, content: &Input) -> Result<()> {
    let mut release = tx.prepare(
        "INSERT INTO usage_releases (release, position, label, tasks_listed, tasks_matched, matched_share, automated, augmented)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, e) in content.economy_usage.iter().enumerate() {
        release.execute(params![
            e.release,
            i,
            e.label,
            e.tasks_listed,
            e.tasks_matched,
            e.matched_share,
            e.automated,
            e.augmented
        ])?;
    }
    let mut occupation = tx.prepare(
        "INSERT INTO occupation_usage (code, release, share, matched_time, matched_tasks, tasks, automated, augmented)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut task = tx.prepare(
        "INSERT INTO task_usage (code, task_id, position, task, release, share, automated, augmented)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (code, usage) in &content.usage {
        for p in &usage.releases {
            occupation.execute(params![
                code,
                p.release,
                p.share,
                p.matched_time,
                p.matched_tasks,
                p.tasks,
                p.automated,
                p.augmented
            ])?;
        }
        for (i, t) in usage.tasks.iter().enumerate() {
            for p in &t.points {
                task.execute(params![code, t.task_id, i, t.task, p.release, p.share, p.automated, p.augmented])?;
            }
        }
    }
    Ok(())
}
