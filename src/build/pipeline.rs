//! The build, start to end: read what editors write (`content`) and every research data set
//! (`data`), check one against the other, derive and score every occupation (`derive`), and
//! fingerprint it all. The only place these modules meet.

use super::fingerprint;
use crate::catalogue::Input;
use crate::content::{self, MajorGroup};
use crate::data::DataSets;
use crate::data::onet::{self, Occupation};
use crate::problem::{Problem, Problems};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Reads and validates everything under `dir` and derives every occupation's assessment,
/// reporting every problem found, not just the first.
pub fn run(dir: &Path) -> Result<Input, Problems> {
    let mut problems = Vec::new();
    let Some(content) = content::load(dir, &mut problems) else { return Err(Problems(problems)) };
    let (mut data, read) = crate::data::read_log::recording(|| DataSets::load(dir, &mut problems));
    cross_check(dir, &content, &data.onet.occupations, &mut problems);
    if !problems.is_empty() {
        return Err(Problems(problems));
    }
    let fingerprint = fingerprint::of_dir(dir, &read);
    drop(read);
    let names: HashMap<&str, &str> = content.major_groups.iter().map(|g| (g.code.as_str(), g.name.as_str())).collect();
    let derived = crate::derive::assessment::assess_all(&content.methodology, &data, |group| {
        names.get(group).map_or_else(|| group.to_string(), |n| n.to_string())
    });
    let usage = crate::derive::usage::measure(content.methodology.data_method.task_weights, &data);
    let mut roles = content.roles;
    crate::derive::moves::link_roles(
        &content.methodology,
        &mut roles,
        &derived.assessments,
        &derived.facts,
        &derived.profiles,
    );
    let assessed: Vec<&crate::assessment::Assessment> = roles.iter().chain(&derived.assessments).collect();
    let history = crate::history::check::load(dir, &content.methodology, &assessed, &mut problems);
    if !problems.is_empty() {
        return Err(Problems(problems));
    }
    Ok(Input {
        fingerprint,
        occupations: std::mem::take(&mut data.onet.occupations),
        lay_titles: std::mem::take(&mut data.lay_titles),
        employment: std::mem::take(&mut data.employment),
        methodology: content.methodology,
        methodology_source: content.methodology_source,
        roles,
        major_groups: content.major_groups,
        agreement: crate::derive::agreement::measure(&data, &derived.assessments),
        derived: derived.assessments,
        unscored: derived.unscored,
        facts: derived.facts,
        usage: usage.occupations,
        economy_usage: usage.economy,
        synonyms: content.synonyms,
        levels: content.levels,
        describe: content.describe,
        work: data.onet.work_texts(),
        history,
    })
}

/// What neither the editor's files nor the data can check alone: every role maps to an
/// occupation in O*NET's table, and every occupation falls in one of our major groups.
fn cross_check(dir: &Path, content: &content::Content, occupations: &[Occupation], problems: &mut Vec<Problem>) {
    let table = dir.join("data").join(onet::DIR).join(onet::OCCUPATIONS);
    let codes: HashSet<&str> = occupations.iter().map(|o| o.code.as_str()).collect();
    for (role, path, line) in content.role_occupations() {
        if !codes.is_empty() && !codes.contains(role.occupation.as_str()) {
            let why = format!(
                "occupation \"{}\" is not in the O*NET 30.1 table; look the code up in content/data/{}/{}",
                role.occupation,
                onet::DIR,
                onet::OCCUPATIONS
            );
            problems.push(Problem::new(path, line, why));
        }
    }
    let known: HashSet<&str> = content.major_groups.iter().map(|g: &MajorGroup| g.code.as_str()).collect();
    for o in occupations.iter().filter(|o| !known.contains(o.major_group())) {
        let why = format!(
            "code {} is in no major group; add group \"{}\" to content/{}",
            o.code,
            o.major_group(),
            content::major_groups::GROUPS
        );
        problems.push(Problem::new(&table, o.line, why));
    }
}
