//! Writes the full-text index of what each occupation's work is, for search by description:
//! one document per occupation (`occupation_text`, which ranks them) and each text on its own row
//! (`work_text`, which says why a result matched). See the tables in schema.sql.

use super::Input;
use crate::search::WorkKind;
use anyhow::Result;
use rusqlite::{Transaction, params};
use std::collections::{HashMap, HashSet};

/// Every title, task statement, detailed work activity and description, as documents and rows;
/// then each table is merged into one b-tree segment, so a query reads one segment, not many.
pub fn write_work_text(tx: &Transaction<'_>, content: &Input, codes: &HashSet<&str>) -> Result<()> {
    let mut by_code: HashMap<&str, [Vec<&str>; 4]> = HashMap::new();
    for o in &content.occupations {
        by_code.entry(&o.code).or_default()[1].push(&o.description);
    }
    let own = content.occupations.iter().map(|o| (&o.code, o.title.as_str(), WorkKind::Title));
    let lay = own.chain(content.lay_titles.iter().map(|t| (&t.code, t.title.as_str(), WorkKind::Title)));
    let tasks = content.work.tasks.iter().map(|(c, t)| (c, t.as_str(), WorkKind::Task));
    let activities = content.work.activities.iter().map(|(c, t)| (c, t.as_str(), WorkKind::Activity));
    let mut row = tx.prepare("INSERT INTO work_text (text, code, kind) VALUES (?1, ?2, ?3)")?;
    for (code, text, kind) in lay.chain(tasks).chain(activities) {
        let Some(doc) = by_code.get_mut(code.as_str()).filter(|_| codes.contains(code.as_str())) else { continue };
        row.execute(params![text, code, kind.as_str()])?;
        let column = match kind {
            WorkKind::Title => 0,
            WorkKind::Task => 2,
            _ => 3,
        };
        doc[column].push(text);
    }
    for o in content.occupations.iter().filter(|o| !o.description.is_empty()) {
        row.execute(params![o.description, o.code, WorkKind::Description.as_str()])?;
    }
    let mut document = tx.prepare(
        "INSERT INTO occupation_text (titles, description, tasks, activities, code) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for o in &content.occupations {
        let [titles, description, tasks, activities] = &by_code[o.code.as_str()];
        let text = |parts: &Vec<&str>| parts.join("\n");
        document.execute(params![text(titles), text(description), text(tasks), text(activities), o.code])?;
    }
    for table in ["work_text", "occupation_text"] {
        tx.execute(&format!("INSERT INTO {table} ({table}) VALUES ('optimize')"), [])?;
    }
    Ok(())
}
