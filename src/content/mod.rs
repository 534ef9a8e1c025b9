//! Reading and validating `content/`: the methodology and every role assessment.
//! Nothing here writes; the catalogue build takes what this returns.

mod front_matter;
pub mod model;
pub mod occupations;
mod problem;
mod role;
mod validate;

pub use model::Role;
pub use occupations::{MajorGroup, Occupation};
pub use problem::{Problem, Problems};
pub use validate::{is_slug as validate_slug, is_soc_code};

use crate::methodology::Methodology;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// All content, validated.
#[derive(Debug)]
pub struct Content {
    pub methodology: Methodology,
    /// The methodology file's own text, stored so the methodology page can show it.
    pub methodology_source: String,
    /// Sorted by slug.
    pub roles: Vec<Role>,
    /// The 23 SOC major groups.
    pub major_groups: Vec<MajorGroup>,
    /// All O*NET occupations, in table order.
    pub occupations: Vec<Occupation>,
    /// Search synonyms: (what readers type, what it stands for).
    pub synonyms: Vec<(String, String)>,
    /// Every O*NET alternate, short and reported title, for search.
    pub lay_titles: Vec<crate::data::titles::LayTitle>,
    /// OEWS employment by SOC code: search's popularity prior.
    pub employment: crate::data::employment::Employment,
    /// A stable hash of every file read: the catalogue's version, and so the site's ETag.
    pub fingerprint: u64,
}

/// FNV-1a: small, stable across builds and platforms, and plenty for change detection.
fn fnv1a(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// Reads and validates everything under `dir`, reporting every problem found, not just the first.
pub fn load(dir: &Path) -> Result<Content, Problems> {
    let mut problems = Vec::new();
    let methodology_path = dir.join("methodology.toml");
    let (methodology, methodology_source) = match read_methodology(&methodology_path) {
        Ok(m) => m,
        Err(p) => return Err(Problems(vec![p])),
    };

    let mut fingerprint = fnv1a(FNV_OFFSET, methodology_source.as_bytes());
    let (major_groups, occupations) = occupations::load(dir, &mut problems);
    let synonyms = read_synonyms(&dir.join(SYNONYMS), &mut problems);
    for (from, to) in &synonyms {
        fingerprint = fnv1a(fnv1a(fingerprint, from.as_bytes()), to.as_bytes());
    }
    let lay_titles = crate::data::titles::load(dir, &mut problems);
    let employment = crate::data::employment::load(dir, &mut problems);
    for t in &lay_titles {
        fingerprint = fnv1a(fnv1a(fingerprint, t.code.as_bytes()), t.title.as_bytes());
        fingerprint = fnv1a(fnv1a(fingerprint, t.kind.as_str().as_bytes()), &[t.sources]);
    }
    for (soc, n) in employment.iter() {
        fingerprint = fnv1a(fnv1a(fingerprint, soc.as_bytes()), &n.to_le_bytes());
    }
    for o in &occupations {
        fingerprint = fnv1a(fingerprint, o.code.as_bytes());
        fingerprint = fnv1a(fingerprint, o.title.as_bytes());
        fingerprint = fnv1a(fingerprint, o.description.as_bytes());
    }
    let mut roles = Vec::new();
    let mut lines = Vec::new();
    let files = role_files(&dir.join("roles"), &mut problems);
    for (i, path) in files.iter().enumerate() {
        if files.len() >= crate::catalogue::PROGRESS_FROM && i > 0 && i % crate::catalogue::PROGRESS_EVERY == 0 {
            tracing::info!("read {i}/{} role files", files.len());
        }
        match read_role(path, &methodology, &mut fingerprint) {
            Ok((role, l)) => {
                roles.push(role);
                lines.push(l);
            }
            Err(mut p) => problems.append(&mut p),
        }
    }
    cross_check(&roles, &lines, &mut problems);
    let codes: std::collections::HashSet<&str> = occupations.iter().map(|o| o.code.as_str()).collect();
    for (r, l) in roles.iter().zip(&lines) {
        if !codes.is_empty() && !codes.contains(r.occupation.as_str()) {
            problems.push(Problem::new(
                &r.source,
                l.occupation,
                format!(
                    "occupation \"{}\" is not in the O*NET 30.1 table; look the code up in content/{}",
                    r.occupation,
                    occupations::TABLE
                ),
            ));
        }
    }
    if problems.is_empty() {
        Ok(Content {
            methodology,
            methodology_source,
            roles,
            major_groups,
            occupations,
            synonyms,
            lay_titles,
            employment,
            fingerprint,
        })
    } else {
        Err(Problems(problems))
    }
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
                if crate::search::words(to.get_ref()).is_empty() || crate::search::words(&from).is_empty() {
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

fn read_methodology(path: &Path) -> Result<(Methodology, String), Problem> {
    let text = fs::read_to_string(path).map_err(|e| {
        Problem::new(path, 1, format!("cannot read the methodology ({e}); restore content/methodology.toml"))
    })?;
    let m: Methodology = toml::from_str(&text).map_err(|e| {
        let line = e.span().map_or(1, |s| front_matter::line_of(&text, s.start));
        Problem::new(path, line, e.message().trim())
    })?;
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

fn read_role(path: &Path, m: &Methodology, fingerprint: &mut u64) -> Result<(Role, validate::Lines), Vec<Problem>> {
    let text = fs::read_to_string(path)
        .map_err(|e| vec![Problem::new(path, 1, format!("cannot read the file as UTF-8 text ({e})"))])?;
    *fingerprint = fnv1a(*fingerprint, path.as_os_str().as_encoded_bytes());
    *fingerprint = fnv1a(*fingerprint, text.as_bytes());
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
    let (role, lines) = validate::role(fm, &mut checker, m, stem, doc.body);
    if checker.problems.is_empty() { Ok((role, lines)) } else { Err(checker.problems) }
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
fn cross_check(roles: &[Role], lines: &[validate::Lines], problems: &mut Vec<Problem>) {
    let slugs: HashMap<&str, &Role> = roles.iter().map(|r| (r.slug.as_str(), r)).collect();
    // Titles may repeat across seniorities, so a role's own name is title + seniority.
    let mut names: HashMap<String, &Path> = HashMap::new();
    for (r, l) in roles.iter().zip(lines) {
        let key = title_key(&format!("{} {}", r.title, r.seniority));
        if let Some(other) = names.insert(key, &r.source) {
            problems.push(Problem::new(
                &r.source,
                l.title,
                format!(
                    "another role ({}) has the same title and seniority; make one of them distinct",
                    other.display()
                ),
            ));
        }
    }
    let titles: HashMap<String, &str> = roles.iter().map(|r| (title_key(&r.title), r.slug.as_str())).collect();
    let mut aliases: HashMap<String, &Path> = HashMap::new();
    for (r, l) in roles.iter().zip(lines) {
        for (alias, &line) in r.aliases.iter().zip(&l.aliases) {
            let key = title_key(alias);
            if let Some(owner) = titles.get(&key).filter(|owner| **owner != r.slug) {
                problems.push(Problem::new(
                    &r.source,
                    line,
                    format!("alias \"{alias}\" is the title of {owner}; remove the alias"),
                ));
            }
            if let Some(other) = aliases.insert(key, &r.source) {
                problems.push(Problem::new(
                    &r.source,
                    line,
                    format!(
                        "alias \"{alias}\" is already used by {}; each alias may point to one role only",
                        other.display()
                    ),
                ));
            }
        }
        for (old, &line) in r.old_slugs.iter().zip(&l.old_slugs) {
            if slugs.contains_key(old.as_str()) {
                problems.push(Problem::new(
                    &r.source,
                    line,
                    format!("old slug \"{old}\" is the slug of a live role; an old slug must not be in use"),
                ));
            }
        }
        let mut seen = Vec::new();
        for (t, &line) in r.transitions.iter().zip(&l.transitions) {
            if t.to == r.slug {
                problems.push(Problem::new(
                    &r.source,
                    line,
                    "a role cannot transition to itself; remove this [[transitions]] entry",
                ));
            } else if !slugs.contains_key(t.to.as_str()) {
                problems.push(Problem::new(
                    &r.source,
                    line,
                    format!("transition target \"{}\" is not a role; use the slug of a file in content/roles/", t.to),
                ));
            } else if seen.contains(&t.to.as_str()) {
                problems.push(Problem::new(
                    &r.source,
                    line,
                    format!("transition to \"{}\" is listed twice; remove one", t.to),
                ));
            }
            seen.push(t.to.as_str());
        }
        for (target, &line) in r.seniority_links.iter().zip(&l.seniority_links) {
            if !slugs.contains_key(target.as_str()) {
                problems.push(Problem::new(
                    &r.source,
                    line,
                    format!("seniority link \"{target}\" is not a role; use the slug of a file in content/roles/"),
                ));
            }
        }
    }
    let mut old_slugs: HashMap<&str, &Path> = HashMap::new();
    for (r, l) in roles.iter().zip(lines) {
        for (old, &line) in r.old_slugs.iter().zip(&l.old_slugs) {
            if let Some(other) = old_slugs.insert(old, &r.source) {
                problems.push(Problem::new(
                    &r.source,
                    line,
                    format!(
                        "old slug \"{old}\" is also claimed by {}; it can redirect to one role only",
                        other.display()
                    ),
                ));
            }
        }
    }
}
