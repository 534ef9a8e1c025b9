//! Observed AI use over time as the catalogue keeps it: the releases with their whole-economy
//! figures, and each release's view of every occupation and task (the tables at the end of
//! schema.sql); written by the build, read by the pages, /methodology and the API.

use super::Input;
use crate::assessment::usage::{EconomyPoint, ObservedUsage, TaskUsage, TaskUsagePoint, UsagePoint};
use rusqlite::{Connection, Result, Transaction, params};

pub(super) fn write(tx: &Transaction<'_>, content: &Input) -> Result<()> {
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

/// What each release saw of an occupation and of its tasks (empty for one without tasks).
pub fn observed_usage(conn: &Connection, code: &str) -> Result<ObservedUsage> {
    let releases = conn
        .prepare_cached(
            "SELECT u.release, r.label, u.share, u.matched_time, u.matched_tasks, u.tasks, u.automated, u.augmented
             FROM occupation_usage u JOIN usage_releases r USING (release)
             WHERE u.code = ?1 ORDER BY r.position",
        )?
        .query_map([code], |r| {
            Ok(UsagePoint {
                release: r.get(0)?,
                label: r.get(1)?,
                share: r.get(2)?,
                matched_time: r.get(3)?,
                matched_tasks: r.get(4)?,
                tasks: r.get(5)?,
                automated: r.get(6)?,
                augmented: r.get(7)?,
            })
        })?
        .collect::<Result<Vec<_>>>()?;
    let rows = conn
        .prepare_cached(
            "SELECT t.task_id, t.task, t.release, r.label, t.share, t.automated, t.augmented
             FROM task_usage t JOIN usage_releases r USING (release)
             WHERE t.code = ?1 ORDER BY t.position, r.position",
        )?
        .query_map([code], |r| {
            let point = TaskUsagePoint {
                release: r.get(2)?,
                label: r.get(3)?,
                share: r.get(4)?,
                automated: r.get(5)?,
                augmented: r.get(6)?,
            };
            Ok((r.get::<_, u32>(0)?, r.get::<_, String>(1)?, point))
        })?
        .collect::<Result<Vec<_>>>()?;
    let mut tasks: Vec<TaskUsage> = Vec::new();
    for (task_id, task, point) in rows {
        match tasks.last_mut() {
            Some(t) if t.task_id == task_id => t.points.push(point),
            _ => tasks.push(TaskUsage { task_id, task, points: vec![point] }),
        }
    }
    Ok(ObservedUsage { occupation: code.to_string(), releases, tasks })
}

/// What each release saw of the whole economy, oldest first.
pub fn economy_usage(conn: &Connection) -> Result<Vec<EconomyPoint>> {
    conn.prepare_cached(
        "SELECT release, label, tasks_listed, tasks_matched, matched_share, automated, augmented
         FROM usage_releases ORDER BY position",
    )?
    .query_map([], |r| {
        Ok(EconomyPoint {
            release: r.get(0)?,
            label: r.get(1)?,
            tasks_listed: r.get(2)?,
            tasks_matched: r.get(3)?,
            matched_share: r.get(4)?,
            automated: r.get(5)?,
            augmented: r.get(6)?,
        })
    })?
    .collect()
}
