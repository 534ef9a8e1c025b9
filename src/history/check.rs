//! The history against the catalogue it belongs to: every key names an assessment that exists,
//! every methodology version is in the changelog, and each assessment's rows are in date order
//! (the file is only ever appended to).

use super::Point;
use super::file::Row;
use crate::assessment::{Assessment, Key, Kind};
use crate::methodology::Methodology;
use crate::problem::Problem;
use std::collections::HashMap;
use std::path::Path;

/// Reads `content/history.tsv` under `dir` and checks it against `assessments`; a missing file
/// is an empty history. Rows filed under a role's old slug are returned under its slug.
pub fn load(dir: &Path, m: &Methodology, assessments: &[&Assessment], problems: &mut Vec<Problem>) -> Vec<Point> {
    let path = dir.join(super::FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => {
            problems.push(Problem::new(&path, 0, format!("cannot be read ({e}); make it a readable UTF-8 file")));
            return Vec::new();
        }
    };
    let mut found = Vec::new();
    let rows = super::file::parse(&path, &text, &mut found);
    let points = against(&path, rows, m, assessments, &mut found);
    // In file order, whichever check found them.
    found.sort_by_key(|p| p.line);
    problems.append(&mut found);
    points
}

/// Checks read rows against the assessments and the methodology's changelog.
pub fn against(
    path: &Path,
    rows: Vec<Row>,
    m: &Methodology,
    assessments: &[&Assessment],
    problems: &mut Vec<Problem>,
) -> Vec<Point> {
    let mut known: HashMap<Key, Key> = HashMap::new();
    for a in assessments {
        known.insert(a.key.clone(), a.key.clone());
        for old in a.editorial.iter().flat_map(|e| &e.old_slugs) {
            if let Some(old) = Key::parse(Kind::Role, old) {
                known.insert(old, a.key.clone());
            }
        }
    }
    let versions: Vec<&str> = m.changelog.iter().map(|c| c.version.as_str()).collect();
    let mut last_date: HashMap<Key, String> = HashMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for Row { mut point, line } in rows {
        let Some(key) = known.get(&point.key) else {
            let why = match point.key.kind() {
                Kind::Role => {
                    format!("no role has the slug \"{}\"; use the slug of a file in content/roles/", point.key.id())
                }
                Kind::Occupation => format!(
                    "no scored occupation has the code \"{}\"; use the code of an occupation with a data-derived score",
                    point.key.id()
                ),
            };
            problems.push(Problem::new(path, line, why));
            continue;
        };
        point.key = key.clone();
        if !versions.contains(&point.methodology.as_str()) {
            let why = format!(
                "methodology version \"{}\" is not in the [[changelog]] of methodology.toml (it has {})",
                point.methodology,
                versions.join(", ")
            );
            problems.push(Problem::new(path, line, why));
            continue;
        }
        if let Some(before) = last_date.get(&point.key).filter(|d| d.as_str() > point.date.as_str()) {
            let why = format!(
                "dated {} after a row of {} dated {before}; the file is append-only, so add newer rows at the end",
                point.date,
                point.key.id()
            );
            problems.push(Problem::new(path, line, why));
            continue;
        }
        last_date.insert(point.key.clone(), point.date.clone());
        out.push(point);
    }
    out
}
