//! Our own file of SOC major-group names; the occupations in each come from the O*NET
//! occupation table in `data/`, and the build checks every occupation falls in a group.

use super::front_matter::line_of;
use crate::problem::Problem;
use serde::Deserialize;
use std::fs;
use std::path::Path;

pub const GROUPS: &str = "occupations/major-groups.toml";

/// A SOC major group: "15", "Computer and Mathematical Occupations".
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

/// Reads our file of SOC major-group names (`content/occupations/major-groups.toml`).
pub fn load(dir: &Path, problems: &mut Vec<Problem>) -> Vec<MajorGroup> {
    let path = &dir.join(GROUPS);
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
