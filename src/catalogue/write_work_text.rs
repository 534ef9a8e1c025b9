//! Writes the full-text index of what each occupation's work is, for search by description:
//! one document per occupation (`occupation_text`, which ranks them), each text on its own row
//! (`work_text`, which says why a result matched), and where each occupation's texts lie
//! (`work_occupations`). See the tables in schema.sql, and work_text.rs for how they are read.

use super::Input;
use super::work_text::KINDS;
use anyhow::Result;
use rusqlite::{Transaction, params};
use std::collections::{HashMap, HashSet};

/// Every title, task statement, detailed work activity and description, as documents and rows,
/// occupation by occupation; then each table is merged into one b-tree segment, so a query
/// reads one segment, not many.
pub fn write_work_text(tx: &Transaction<'_>, content: &Input, codes: &HashSet<&str>) -> Result<()> {
    // Each occupation's texts by kind, in `KINDS` order: its own title before O*NET's lay titles.
    let mut by_code: HashMap<&str, [Vec<&str>; 4]> = HashMap::new();
    for o in content.occupations.iter().filter(|o| codes.contains(o.code.as_str())) {
        by_code.entry(&o.code).or_default()[0].push(&o.title);
    }
    let lay = content.lay_titles.iter().map(|t| (&t.code, t.title.as_str(), 0));
    let tasks = content.work.tasks.iter().map(|(c, t)| (c, t.as_str(), 1));
    let activities = content.work.activities.iter().map(|(c, t)| (c, t.as_str(), 2));
    for (code, text, kind) in lay.chain(tasks).chain(activities) {
        if let Some(texts) = by_code.get_mut(code.as_str()) {
            texts[kind].push(text);
        }
    }
    for o in content.occupations.iter().filter(|o| !o.description.is_empty()) {
        if let Some(texts) = by_code.get_mut(o.code.as_str()) {
            texts[3].push(&o.description);
        }
    }
    let mut occupation = tx.prepare("INSERT INTO work_occupations VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
    let mut document = tx.prepare(
        "INSERT INTO occupation_text (rowid, titles, description, tasks, activities) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut row = tx.prepare("INSERT INTO work_text (rowid, text) VALUES (?1, ?2)")?;
    let (mut id, mut rowid) = (0i64, 1i64);
    for o in &content.occupations {
        let Some(texts) = by_code.remove(o.code.as_str()) else { continue };
        id += 1;
        let [titles, tasks, activities, _] = &texts;
        let join = |parts: &Vec<&str>| parts.join("\n");
        document.execute(params![id, join(titles), o.description, join(tasks), join(activities)])?;
        let mut starts = [0i64; KINDS.len()];
        for (start, list) in starts.iter_mut().zip(&texts) {
            *start = rowid;
            for text in list {
                row.execute(params![rowid, text])?;
                rowid += 1;
            }
        }
        let [t, k, a, d] = starts;
        occupation.execute(params![id, o.code, t, k, a, d, rowid])?;
    }
    for table in ["work_text", "occupation_text"] {
        tx.execute(&format!("INSERT INTO {table} ({table}) VALUES ('optimize')"), [])?;
    }
    Ok(())
}
