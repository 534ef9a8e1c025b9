//! Reading and validating what editors write under `content/`: the methodology, every role
//! assessment, the search word lists (synonyms, level words, the description vocabulary) and
//! the SOC major-group names. The research data sets beside
//! them are `data/`'s; putting the two together is the build pipeline's (`build/`).

pub(crate) mod dates;
mod front_matter;
pub mod major_groups;
mod role;
mod search_lists;
mod text;
mod validate;

pub use major_groups::MajorGroup;

use crate::assessment::Assessment;
use crate::methodology::Methodology;
use crate::problem::Problem;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// Everything editors write, each file validated and the roles checked against each other.
#[derive(Debug)]
pub struct Content {
    pub methodology: Methodology,
    /// The methodology file's own text, stored so the methodology page can show it.
    pub methodology_source: String,
    /// The editor-reviewed roles, scored; sorted by slug.
    pub roles: Vec<Assessment>,
    /// Where each role's file is and the line of its `occupation` key, in `roles` order.
    lines: Vec<validate::Lines>,
    /// The 23 SOC major groups.
    pub major_groups: Vec<MajorGroup>,
    /// Search synonyms: (what readers type, what it stands for).
    pub synonyms: Vec<(String, String)>,
    /// Search's level words: (phrase as typed, the level it names).
    pub levels: Vec<(String, String)>,
    /// Search's stop words and everyday vocabulary for descriptions of the work.
    pub describe: crate::search::DescribeLists,
}

impl Content {
    /// Each role with its file and the line of its `occupation` key, for checks against the data.
    pub fn role_occupations(&self) -> impl Iterator<Item = (&Assessment, &Path, usize)> {
        self.roles.iter().zip(&self.lines).map(|(r, l)| (r, l.path.as_path(), l.occupation))
    }
}

/// Reads and validates everything editors write under `dir`, reporting every problem found, not
/// just the first. Problems go to `problems`; the content is usable only when none were pushed.
pub fn load(dir: &Path, problems: &mut Vec<Problem>) -> Option<Content> {
    let (methodology, methodology_source) = match read_methodology(&dir.join("methodology.toml")) {
        Ok(m) => m,
        Err(p) => {
            problems.push(p);
            return None;
        }
    };
    let major_groups = major_groups::load(dir, problems);
    let synonyms = read_synonyms(&dir.join(SYNONYMS), problems);
    let levels = search_lists::read_levels(dir, problems);
    let describe = search_lists::read_describe(dir, problems);
    let mut roles = Vec::new();
    let mut lines = Vec::new();
    let files = role_files(&dir.join("roles"), problems);
    for (i, path) in files.iter().enumerate() {
        if files.len() >= crate::telemetry::PROGRESS_FROM && i > 0 && i % crate::telemetry::PROGRESS_EVERY == 0 {
            tracing::info!("read {i}/{} role files", files.len());
        }
        match read_role(path, &methodology) {
            Ok((role, l)) => {
                roles.push(role);
                lines.push(l);
            }
            Err(mut p) => problems.append(&mut p),
        }
    }
    cross_check(&roles, &lines, problems);
    Some(Content { methodology, methodology_source, roles, lines, major_groups, synonyms, levels, describe })
}

const SYNONYMS: &str = "search/synonyms.toml";

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SynonymsFile {
    synonyms: std::collections::BTreeMap<String, Spanned<String>>,
}

/// The short forms readers type for job titles; each must expand to some words.
fn read_synonyms(path: &Path, problems: &mut Vec<Problem>) -> Vec<(String, String)> {
    let Ok(text) = fs::read_to_string(path) else {
        problems.push(Problem::new(path, 1, format!("cannot read the search synonyms; create content/{SYNONYMS}")));
        return Vec::new();
    };
    match toml::from_str::<SynonymsFile>(&text) {
        Ok(f) => f
            .synonyms
            .into_iter()
            .filter_map(|(from, to)| {
                if !has_word(to.get_ref()) || !has_word(&from) {
                    let line = front_matter::line_of(&text, to.span().start);
                    problems.push(Problem::new(path, line, format!("synonym \"{from}\" must map words to words")));
                    None
                } else {
                    Some((from, to.into_inner()))
                }
            })
            .collect(),
        Err(e) => {
            let line = e.span().map_or(1, |s| front_matter::line_of(&text, s.start));
            problems.push(Problem::new(path, line, e.message().trim()));
            Vec::new()
        }
    }
}

/// Whether a synonym side holds a word at all (search splits titles at anything else).
fn has_word(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

fn read_methodology(path: &Path) -> Result<(Methodology, String), Problem> {
    let text = fs::read_to_string(path).map_err(|e| {
        Problem::new(path, 1, format!("cannot read the methodology ({e}); restore content/methodology.toml"))
    })?;
    let m: Methodology = toml::from_str(&text).map_err(|e| {
        let line = e.span().map_or(1, |s| front_matter::line_of(&text, s.start));
        Problem::new(path, line, e.message().trim())
    })?;
    if let Some(blank) = m.components.blank().first() {
        return Err(Problem::new(path, blank.line_in(&text), blank.to_string()));
    }
    if let Some(insane) = crate::methodology::sanity::finite_and_sane(&m).first() {
        return Err(Problem::new(path, insane.line_in(&text), insane.to_string()));
    }
    if let Some(first) = m.problems().into_iter().next() {
        return Err(Problem::new(path, 1, first));
    }
    Ok((m, text))
}

fn role_files(dir: &Path, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(Problem::new(dir, 1, format!("cannot read the roles folder ({e}); create content/roles/")));
            return Vec::new();
        }
    };
    let mut files: Vec<PathBuf> =
        entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "md")).collect();
    files.sort();
    files
}

fn read_role(path: &Path, m: &Methodology) -> Result<(Assessment, validate::Lines), Vec<Problem>> {
    let text = fs::read_to_string(path)
        .map_err(|e| vec![Problem::new(path, 1, format!("cannot read the file as UTF-8 text ({e})"))])?;
    let doc = front_matter::split(&text).map_err(|why| vec![Problem::new(path, 1, why)])?;
    let fm: role::RoleFrontMatter = toml::from_str(doc.front_matter).map_err(|e| {
        let line = e.span().map_or(1, |s| front_matter::line_of(doc.front_matter, s.start));
        let message = e.message().trim().to_string();
        let hint = if message.contains("unknown field") {
            "; check the spelling against the content format in README.md"
        } else {
            ""
        };
        vec![Problem::new(path, doc.front_matter_line + line - 1, format!("{message}{hint}"))]
    })?;
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    let mut checker = validate::Checker::new(path, &doc);
    match validate::role(fm, &mut checker, m, stem, doc.body) {
        Some(role) if checker.problems.is_empty() => Ok(role),
        _ => Err(checker.problems),
    }
}

/// How two titles or aliases compare: case, spacing and punctuation do not make them different.
fn title_key(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Checks what no single file can: unique names and slugs, and links that point at real roles.
fn cross_check(roles: &[Assessment], lines: &[validate::Lines], problems: &mut Vec<Problem>) {
    let slugs: HashMap<&str, &Assessment> = roles.iter().map(|r| (r.key.id(), r)).collect();
    // Titles may repeat across seniorities, so a role's own name is title + seniority.
    let mut names: HashMap<String, &Path> = HashMap::new();
    for (r, l) in roles.iter().zip(lines) {
        if let Some(other) = names.insert(title_key(&r.display_name()), &l.path) {
            let why = format!(
                "another role ({}) has the same title and seniority; make one of them distinct",
                other.display()
            );
            problems.push(Problem::new(&l.path, l.title, why));
        }
    }
    let titles: HashMap<String, &str> = roles.iter().map(|r| (title_key(&r.title), r.key.id())).collect();
    let mut aliases: HashMap<String, &Path> = HashMap::new();
    let mut old_slugs: HashMap<&str, &Path> = HashMap::new();
    for (r, l) in roles.iter().zip(lines) {
        let slug = r.key.id();
        let mut report = |line: usize, message: String| problems.push(Problem::new(&l.path, line, message));
        for (alias, &line) in r.aliases.iter().zip(&l.aliases) {
            let key = title_key(alias);
            if let Some(owner) = titles.get(&key).filter(|owner| **owner != slug) {
                report(line, format!("alias \"{alias}\" is the title of {owner}; remove the alias"));
            }
            if let Some(other) = aliases.insert(key, &l.path) {
                report(
                    line,
                    format!(
                        "alias \"{alias}\" is already used by {}; each alias may point to one role only",
                        other.display()
                    ),
                );
            }
        }
        let editorial = r.editorial.as_ref();
        for (old, &line) in editorial.map(|e| e.old_slugs.as_slice()).unwrap_or_default().iter().zip(&l.old_slugs) {
            if slugs.contains_key(old.as_str()) {
                report(line, format!("old slug \"{old}\" is the slug of a live role; an old slug must not be in use"));
            }
            if let Some(other) = old_slugs.insert(old, &l.path) {
                report(
                    line,
                    format!(
                        "old slug \"{old}\" is also claimed by {}; it can redirect to one role only",
                        other.display()
                    ),
                );
            }
        }
        let mut seen = Vec::new();
        for (t, &line) in r.transitions.iter().zip(&l.transitions) {
            let to = t.to.id();
            if to == slug {
                report(line, "a role cannot transition to itself; remove this [[transitions]] entry".into());
            } else if !slugs.contains_key(to) {
                report(
                    line,
                    format!("transition target \"{to}\" is not a role; use the slug of a file in content/roles/"),
                );
            } else if seen.contains(&to) {
                report(line, format!("transition to \"{to}\" is listed twice; remove one"));
            }
            seen.push(to);
        }
        let links = editorial.map(|e| e.seniority_links.as_slice()).unwrap_or_default();
        for (target, &line) in links.iter().zip(&l.seniority_links) {
            if !slugs.contains_key(target.id()) {
                report(
                    line,
                    format!(
                        "seniority link \"{}\" is not a role; use the slug of a file in content/roles/",
                        target.id()
                    ),
                );
            }
        }
    }
}
