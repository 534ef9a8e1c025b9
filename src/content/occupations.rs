//! The O*NET 30.1 occupation table (kept unmodified in content/data/onet-30.1/) and our own
//! file of SOC major-group names.

use super::front_matter::line_of;
use super::ids::is_soc_code;
use super::problem::Problem;
use serde::Deserialize;
use std::collections::HashSet;
use std::fs;
use std::path::Path;

pub const TABLE: &str = "data/onet-30.1/Occupation Data.txt";
pub const GROUPS: &str = "occupations/major-groups.toml";

#[derive(Debug, Clone)]
pub struct Occupation {
    /// O*NET-SOC code, e.g. "15-1252.00".
    pub code: String,
    pub title: String,
    pub description: String,
}

impl Occupation {
    /// "15": the SOC major group.
    pub fn major_group(&self) -> &str {
        &self.code[..2]
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MajorGroup {
    pub code: String,
    pub name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupsFile {
    groups: Vec<MajorGroup>,
}

/// Reads the major groups and the occupation table; every row must parse and fall in a group.
pub fn load(dir: &Path, problems: &mut Vec<Problem>) -> (Vec<MajorGroup>, Vec<Occupation>) {
    let groups = load_groups(&dir.join(GROUPS), problems);
    let path = dir.join(TABLE);
    let text = match fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            problems.push(Problem::new(
                &path,
                1,
                format!("cannot read the O*NET occupation table ({e}); put the published O*NET 30.1 file there unmodified (see content/data/onet-30.1/SOURCE.md)"),
            ));
            return (groups, Vec::new());
        }
    };
    let known: HashSet<&str> = groups.iter().map(|g| g.code.as_str()).collect();
    let mut seen = HashSet::new();
    let mut occupations = Vec::with_capacity(1100);
    for (i, line) in text.lines().enumerate().skip(1) {
        let line_no = i + 1;
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [code, title, description] = fields[..] else {
            problems.push(Problem::new(
                &path,
                line_no,
                format!("expected 3 tab-separated fields (code, title, description), found {}", fields.len()),
            ));
            continue;
        };
        if !is_soc_code(code) {
            problems.push(Problem::new(&path, line_no, format!("\"{code}\" is not an O*NET-SOC code like 15-1252.00")));
            continue;
        }
        if !known.contains(&code[..2]) {
            problems.push(Problem::new(
                &path,
                line_no,
                format!("code {code} is in no major group; add group \"{}\" to {GROUPS}", &code[..2]),
            ));
        }
        if !seen.insert(code.to_string()) {
            problems.push(Problem::new(&path, line_no, format!("code {code} appears twice")));
        }
        occupations.push(Occupation {
            code: code.into(),
            title: title.trim().into(),
            description: description.trim().into(),
        });
    }
    (groups, occupations)
}

fn load_groups(path: &Path, problems: &mut Vec<Problem>) -> Vec<MajorGroup> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            problems.push(Problem::new(path, 1, format!("cannot read the major groups ({e})")));
            return Vec::new();
        }
    };
    match toml::from_str::<GroupsFile>(&text) {
        Ok(f) => f.groups,
        Err(e) => {
            let line = e.span().map_or(1, |s| line_of(&text, s.start));
            problems.push(Problem::new(path, line, e.message().trim()));
            Vec::new()
        }
    }
}
