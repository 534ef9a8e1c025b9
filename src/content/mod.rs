//! Reading and validating `content/`: the methodology and every role assessment.
//! Nothing here writes; the catalogue build takes what this returns.

mod front_matter;
mod ids;
pub mod occupations;
mod problem;
mod role;
mod text;
mod validate;

pub use ids::{is_slug as validate_slug, is_soc_code};
pub use occupations::{MajorGroup, Occupation};
pub use problem::{Problem, Problems};

use crate::assessment::Assessment;
use crate::methodology::Methodology;
use std::collections::HashMap;
use std::fs;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// All content, validated.
#[derive(Debug)]
pub struct Content {
    pub methodology: Methodology,
    /// The methodology file's own text, stored so the methodology page can show it.
    pub methodology_source: String,
    /// The editor-reviewed roles, scored; sorted by slug.
    pub roles: Vec<Assessment>,
    /// The 23 SOC major groups.
    pub major_groups: Vec<MajorGroup>,
    /// All O*NET occupations, in table order.
    pub occupations: Vec<Occupation>,
    /// The data-derived assessments of every occupation with O*NET tasks, scored.
    pub derived: Vec<Assessment>,
    /// Why an occupation has no data-derived score, by code.
    pub unscored: std::collections::BTreeMap<String, String>,
    /// What the data sets say of each occupation (scored or not), by code.
    pub facts: std::collections::BTreeMap<String, crate::assessment::DataFacts>,
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
                &l.path,
                l.occupation,
                format!(
                    "occupation \"{}\" is not in the O*NET 30.1 table; look the code up in content/{}",
                    r.occupation,
                    occupations::TABLE
                ),
            ));
        }
    }
    let data = crate::data::DataSets::load(dir, &mut problems);
    fingerprint = fingerprint_data(dir, fingerprint);
    if problems.is_empty() {
        let names: HashMap<&str, &str> = major_groups.iter().map(|g| (g.code.as_str(), g.name.as_str())).collect();
        let derived = crate::derive::assessment::assess_all(&methodology, &data, &occupations, |group| {
            names.get(group).map_or_else(|| group.to_string(), |n| n.to_string())
        });
        crate::derive::moves::link_roles(
            &methodology,
            &mut roles,
            &derived.assessments,
            &derived.facts,
            &derived.profiles,
        );
        Ok(Content {
            methodology,
            methodology_source,
            roles,
            major_groups,
            occupations,
            derived: derived.assessments,
            unscored: derived.unscored,
            facts: derived.facts,
            synonyms,
            lay_titles,
            employment,
            fingerprint,
        })
    } else {
        Err(Problems(problems))
    }
}

/// Folds every research data file (path and bytes, in a stable order) into the fingerprint, so
/// a changed data set changes the catalogue version.
fn fingerprint_data(dir: &Path, hash: u64) -> u64 {
    let mut files = Vec::new();
    let mut stack = vec![dir.join("data")];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() { stack.push(path) } else { files.push(path) }
        }
    }
    files.sort();
    // 35 MB of data: hashed eight bytes at a time (Fx), not byte by byte.
    let mut hasher = rustc_hash::FxHasher::default();
    for path in files {
        hasher.write(path.as_os_str().as_encoded_bytes());
        if let Ok(bytes) = fs::read(&path) {
            hasher.write(&bytes);
        }
    }
    fnv1a(hash, &hasher.finish().to_le_bytes())
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

fn read_role(
    path: &Path,
    m: &Methodology,
    fingerprint: &mut u64,
) -> Result<(Assessment, validate::Lines), Vec<Problem>> {
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
fn cross_check(roles: &[Assessment], lines: &[validate::Lines], problems: &mut Vec<Problem>) {
    let slugs: HashMap<&str, &Assessment> = roles.iter().map(|r| (r.key.id.as_str(), r)).collect();
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
    let titles: HashMap<String, &str> = roles.iter().map(|r| (title_key(&r.title), r.key.id.as_str())).collect();
    let mut aliases: HashMap<String, &Path> = HashMap::new();
    let mut old_slugs: HashMap<&str, &Path> = HashMap::new();
    for (r, l) in roles.iter().zip(lines) {
        let slug = r.key.id.as_str();
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
            let to = t.to.id.as_str();
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
            if !slugs.contains_key(target.id.as_str()) {
                report(
                    line,
                    format!("seniority link \"{}\" is not a role; use the slug of a file in content/roles/", target.id),
                );
            }
        }
    }
}
