//! Checks one role file for what serde cannot: ranges, sums, required prose, dates, links,
//! and Markdown that the site would refuse to publish.

use super::dates::iso_date;
use super::front_matter::{Document, line_of};
use super::role::{RoleFrontMatter, Scored};
use crate::assessment::{self, Assessment, Editorial, Outlook, Override, Rated, Revision};
use crate::assessment::{RoleSlug, is_slug, is_soc_code};
use crate::markdown;
use crate::methodology::{Methodology, Provenance, ZoneKey};
use crate::problem::Problem;
use std::path::Path;
use toml::Spanned;

/// Where a value sits: turns spans into file lines and collects problems.
pub struct Checker<'a> {
    pub path: &'a Path,
    doc: &'a Document<'a>,
    pub problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    pub fn new(path: &'a Path, doc: &'a Document<'a>) -> Self {
        Checker { path, doc, problems: Vec::new() }
    }

    /// File line of a byte offset into the front matter.
    pub fn line(&self, offset: usize) -> usize {
        self.doc.front_matter_line + line_of(self.doc.front_matter, offset) - 1
    }

    pub fn report<T>(&mut self, at: &Spanned<T>, message: impl Into<String>) {
        let line = self.line(at.span().start);
        self.problems.push(Problem::new(self.path, line, message));
    }

    fn text(&mut self, s: &Spanned<String>, what: &str) -> String {
        if s.get_ref().trim().is_empty() {
            self.report(s, format!("{what} is empty; write it, or remove the key if it is optional"));
        }
        if let Some((_, c)) = super::text::forbidden_character(s.get_ref()) {
            let code = u32::from(c);
            self.report(s, format!("{what} contains the invisible character U+{code:04X}; delete it"));
        }
        s.get_ref().trim().to_string()
    }

    /// A one-line field (a title, a name, a revision note): text without line breaks, which
    /// would otherwise reach email subjects, feed titles and CSV rows.
    fn one_line(&mut self, s: &Spanned<String>, what: &str) -> String {
        if s.get_ref().contains(['\r', '\n']) {
            self.report(s, format!("{what} contains a line break; write it on one line"));
        }
        self.text(s, what)
    }

    /// A link to another role: its slug, or a problem when it cannot be one (whether a role has
    /// that slug is checked once every file is read).
    fn role_link(&mut self, s: &Spanned<String>, what: &str) -> Option<RoleSlug> {
        let text = self.one_line(s, what);
        let slug = RoleSlug::parse(&text);
        if slug.is_none() {
            self.report(s, format!("{what} \"{text}\" is not a role; use the slug of a file in content/roles/"));
        }
        slug
    }

    /// Prose that is rendered as Markdown: must be present and publishable.
    fn markdown(&mut self, s: &Spanned<String>, what: &str) -> String {
        let text = self.text(s, what);
        // Offsets inside a TOML string map to lines only approximately (escapes, quotes);
        // the value's own first line plus the newlines before the offset is close enough.
        let start = s.span().start;
        for (offset, message) in markdown::unsafe_constructs(s.get_ref()) {
            let line = self.line(start) + line_of(s.get_ref(), offset) - 1;
            self.problems.push(Problem::new(self.path, line, format!("{what}: {message}")));
        }
        text
    }

    fn in_range(&mut self, v: &Spanned<i64>, min: i64, max: i64, what: &str) -> i64 {
        let n = *v.get_ref();
        if n < min || n > max {
            self.report(v, format!("{what} is {n}, outside {min} to {max}; use a whole number in that range"));
        }
        n
    }

    fn scored(&mut self, s: &Scored, key: &str, min: i64, max: i64, what: &str) -> Rated {
        Rated {
            key: key.to_string(),
            score: self.in_range(&s.score, min, max, &format!("{what} score")),
            rationale: self.text(&s.rationale, &format!("{what} rationale")),
            basis: None,
        }
    }
}

/// File lines of the values that other files must agree with (checked once all are read).
#[derive(Debug, Default)]
pub struct Lines {
    pub path: std::path::PathBuf,
    pub title: usize,
    pub aliases: Vec<usize>,
    pub old_slugs: Vec<usize>,
    pub transitions: Vec<usize>,
    pub seniority_links: Vec<usize>,
    pub occupation: usize,
}

/// Checks a parsed role file against the methodology and builds its assessment, scored; None
/// when its slug is malformed (a problem says so).
pub fn role(
    fm: RoleFrontMatter,
    c: &mut Checker<'_>,
    m: &Methodology,
    stem: &str,
    body: &str,
) -> Option<(Assessment, Lines)> {
    let line_of_each = |c: &Checker<'_>, v: &[Spanned<String>]| v.iter().map(|s| c.line(s.span().start)).collect();
    let lines = Lines {
        path: c.path.to_path_buf(),
        title: c.line(fm.title.span().start),
        aliases: line_of_each(c, &fm.aliases),
        old_slugs: line_of_each(c, &fm.old_slugs),
        transitions: fm.transitions.iter().map(|t| c.line(t.to.span().start)).collect(),
        seniority_links: line_of_each(c, &fm.definition.seniority_links),
        occupation: c.line(fm.occupation.span().start),
    };
    let slug = identity(&fm, c, stem);
    let seniority = seniority(&fm, c, m);
    let occupation = c.one_line(&fm.occupation, "occupation");
    if !is_soc_code(&occupation) {
        c.report(
            &fm.occupation,
            format!("occupation \"{occupation}\" is not an O*NET-SOC code; write it like \"15-1252.00\""),
        );
    }
    let tasks = tasks(&fm, c, m);
    let (evidence, barriers, protective, growth) = ratings(&fm, c, m);
    let editorial = editorial(&fm, c, m, body);
    let card = crate::methodology::score(m, &assessment::inputs(&tasks, &evidence, &barriers, &protective, &growth));
    let zone = editorial.assessor_override.as_ref().map_or(card.zone, |o| o.zone);
    let updated = editorial.revisions.first().map(|r| r.date.clone()).unwrap_or_default();
    let sources = sources(&fm, c);
    let role = Assessment {
        provenance: Provenance::Editor,
        title: c.one_line(&fm.title, "title"),
        seniority: Some(seniority),
        category: c.one_line(&fm.category, "category"),
        occupation,
        aliases: fm.aliases.iter().map(|a| c.one_line(a, "alias")).collect(),
        verdict_html: markdown::inline_to_html(&c.markdown(&fm.verdict, "verdict")),
        tasks,
        evidence,
        barriers,
        protective,
        growth,
        growth_check_html: markdown::to_html(&c.markdown(&fm.growth.check, "growth check")),
        card,
        zone,
        transitions: fm
            .transitions
            .iter()
            .filter_map(|t| {
                let to = c.role_link(&t.to, "transition target");
                let why = c.text(&t.why, "transition reason");
                Some(assessment::Transition {
                    to: to?.key(),
                    why,
                    related: None,
                    similarity: None,
                    beyond_reach: false,
                })
            })
            .collect(),
        sources,
        updated,
        editorial: Some(editorial),
        data: None,
        // Last, so that a malformed slug still has every other field checked.
        key: slug?.key(),
    };
    Some((role, lines))
}

/// The slug: well formed and equal to the file name.
fn identity(fm: &RoleFrontMatter, c: &mut Checker<'_>, stem: &str) -> Option<RoleSlug> {
    let slug = c.one_line(&fm.slug, "slug");
    if !is_slug(&slug) {
        c.report(&fm.slug, format!("slug \"{slug}\" must be lowercase letters, digits and single hyphens, e.g. \"backend-api-developer-mid-level\""));
    } else if slug != stem {
        c.report(
            &fm.slug,
            format!(
                "slug \"{slug}\" differs from the file name; rename the file to {slug}.md or set slug = \"{stem}\""
            ),
        );
    }
    for s in &fm.old_slugs {
        let text = s.get_ref().trim();
        if !is_slug(text) {
            c.report(s, format!("old slug \"{text}\" is not a valid slug; use lowercase letters, digits and hyphens"));
        }
    }
    RoleSlug::parse(&slug)
}

fn seniority(fm: &RoleFrontMatter, c: &mut Checker<'_>, m: &Methodology) -> assessment::Seniority {
    let level = c.one_line(&fm.seniority, "seniority");
    let rank = m.seniority_levels.iter().position(|s| *s == level);
    if rank.is_none() {
        c.report(
            &fm.seniority,
            format!("seniority \"{level}\" is not one of {:?} (methodology.toml seniority_levels)", m.seniority_levels),
        );
    }
    assessment::Seniority { level, rank: rank.unwrap_or(0), experience: c.one_line(&fm.experience, "experience") }
}

fn tasks(fm: &RoleFrontMatter, c: &mut Checker<'_>, m: &Methodology) -> Vec<assessment::Task> {
    if fm.tasks.is_empty() {
        c.problems.push(Problem::new(
            c.path,
            c.line(0),
            "no [[tasks]]; add the tasks that make up the role's working time",
        ));
    }
    let (min, max) = (m.task_scores.min, m.task_scores.max);
    let tasks = fm
        .tasks
        .iter()
        .map(|t| assessment::Task {
            name: c.one_line(&t.name, "task name"),
            weight: c.in_range(&t.share, 1, 100, "task share") as u32,
            score: Some(c.in_range(&t.score, min, max, "task score")),
            rationale: c.text(&t.rationale, "task rationale"),
            labels: None,
        })
        .collect();
    let total: i64 = fm.tasks.iter().map(|t| *t.share.get_ref()).sum();
    if let Some(first) = fm.tasks.first().filter(|_| total != 100) {
        c.report(
            &first.share,
            format!("task shares add up to {total}%, not 100%; adjust the shares of time so they total 100"),
        );
    }
    tasks
}

/// Evidence, barriers, protective principles and growth, each in methodology order.
fn ratings(fm: &RoleFrontMatter, c: &mut Checker<'_>, m: &Methodology) -> (Vec<Rated>, Vec<Rated>, Vec<Rated>, Rated) {
    let rate = |c: &mut Checker<'_>, items: Vec<(&Scored, &str, &str)>, min: i64, max: i64, what: &str| {
        items
            .into_iter()
            .map(|(s, key, name)| c.scored(s, key, min, max, &format!("{what} {name}")))
            .collect::<Vec<_>>()
    };
    let e = &fm.evidence;
    let evidence = rate(
        c,
        [&e.job_postings, &e.company_actions, &e.wage_trends, &e.tool_maturity, &e.expert_consensus]
            .into_iter()
            .zip(&m.evidence.dimensions)
            .map(|(s, d)| (s, d.key.as_str(), d.name.as_str()))
            .collect(),
        m.evidence.min_score,
        m.evidence.max_score,
        "evidence",
    );
    let b = &fm.barriers;
    let barriers = rate(
        c,
        [&b.regulatory, &b.physical, &b.union, &b.liability, &b.cultural]
            .into_iter()
            .zip(&m.barriers.dimensions)
            .map(|(s, d)| (s, d.key.as_str(), d.name.as_str()))
            .collect(),
        m.barriers.min_score,
        m.barriers.max_score,
        "barrier",
    );
    let p = &fm.protective;
    let protective = rate(
        c,
        [&p.embodied_physicality, &p.interpersonal_connection, &p.moral_judgment]
            .into_iter()
            .zip(&m.protective.principles)
            .map(|(s, pr)| (s, pr.key.as_str(), pr.name.as_str()))
            .collect(),
        m.protective.min_score,
        m.protective.max_score,
        "protective",
    );
    let growth = Rated {
        key: "growth".into(),
        score: c.in_range(&fm.growth.score, m.growth.min_score, m.growth.max_score, "growth score"),
        rationale: c.text(&fm.growth.rationale, "growth rationale"),
        basis: None,
    };
    (evidence, barriers, protective, growth)
}

fn sources(fm: &RoleFrontMatter, c: &mut Checker<'_>) -> Vec<assessment::Source> {
    fm.sources
        .iter()
        .map(|s| {
            let url = c.one_line(&s.url, "source url");
            if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(char::is_whitespace) {
                c.report(&s.url, format!("source url \"{url}\" must be a full http(s):// address without spaces"));
            }
            assessment::Source {
                title: c.one_line(&s.title, "source title"),
                url,
                publisher: s.publisher.as_ref().map(|p| c.one_line(p, "source publisher")),
            }
        })
        .collect()
}

/// The prose only an editor writes, rendered and sanitised.
fn editorial(fm: &RoleFrontMatter, c: &mut Checker<'_>, m: &Methodology, body: &str) -> Editorial {
    let assessor_override = fm.assessor_override.as_ref().map(|o| {
        let text = c.one_line(&o.zone, "override zone");
        let zone = ZoneKey::parse(&text);
        if zone.is_none() {
            let keys: Vec<&str> = m.zones.iter().map(|z| z.key.as_str()).collect();
            c.report(&o.zone, format!("override zone \"{text}\" is unknown; use one of {keys:?}"));
        }
        Override { zone: zone.unwrap_or(ZoneKey::Red), reason: c.text(&o.reason, "override reason") }
    });
    let o = &fm.outlook;
    let outlook = Outlook {
        horizon: c.in_range(&o.horizon, 2000, 2100, "outlook horizon year"),
        future_html: markdown::to_html(&c.markdown(&o.future, "outlook future")),
        strategy_html: o
            .strategy
            .iter()
            .map(|s| markdown::inline_to_html(&c.markdown(s, "outlook strategy step")))
            .collect(),
        timeline_html: markdown::to_html(&c.markdown(&o.timeline, "outlook timeline")),
    };
    let d = &fm.definition;
    Editorial {
        live_tracked: fm.live_tracked,
        old_slugs: fm.old_slugs.iter().map(|s| c.one_line(s, "old slug")).collect(),
        primary_function: c.text(&d.primary_function, "primary function"),
        not_this_role: c.text(&d.not_this_role, "what this role is not"),
        typical_experience: c.text(&d.typical_experience, "typical experience"),
        seniority_note_html: d
            .seniority_note
            .as_ref()
            .map(|s| markdown::inline_to_html(&c.markdown(s, "seniority note"))),
        seniority_links: d
            .seniority_links
            .iter()
            .filter_map(|s| Some(c.role_link(s, "seniority link")?.key()))
            .collect(),
        growth_rationale: fm.growth.rationale.get_ref().trim().to_string(),
        quick_screen_note_html: fm
            .quick_screen_note
            .as_ref()
            .map(|s| markdown::inline_to_html(&c.markdown(s, "quick screen note"))),
        reinstatement_html: markdown::to_html(&c.markdown(&fm.reinstatement, "reinstatement check")),
        assessor_override,
        outlook,
        commentary: commentary(c, body),
        revisions: revisions(fm, c),
    }
}

fn commentary(c: &mut Checker<'_>, body: &str) -> Vec<markdown::Section> {
    let body_problems: Vec<Problem> = markdown::unsafe_constructs(body)
        .into_iter()
        .map(|(offset, message)| {
            Problem::new(c.path, c.doc.body_line + line_of(body, offset) - 1, format!("commentary: {message}"))
        })
        .collect();
    c.problems.extend(body_problems);
    if body.trim().is_empty() {
        c.problems.push(Problem::new(
            c.path,
            c.doc.body_line,
            "the commentary (Markdown after the closing +++) is empty; write the assessor's commentary",
        ));
    }
    markdown::sections(body.trim())
}

/// Revisions, newest first, each with a real calendar date.
fn revisions(fm: &RoleFrontMatter, c: &mut Checker<'_>) -> Vec<Revision> {
    if fm.revisions.is_empty() {
        c.problems.push(Problem::new(
            c.path,
            c.line(0),
            "no [[revisions]]; add one with the date the assessment was published",
        ));
    }
    let mut revisions: Vec<Revision> = fm
        .revisions
        .iter()
        .map(|r| {
            let date = match iso_date(r.date.get_ref()) {
                Ok(d) => d,
                Err(why) => {
                    c.report(
                        &r.date,
                        format!("revision date {}: {why}; write a date like 2026-03-02", r.date.get_ref()),
                    );
                    String::new()
                }
            };
            Revision { date, note: c.one_line(&r.note, "revision note") }
        })
        .collect();
    revisions.sort_by(|a, b| b.date.cmp(&a.date));
    revisions
}
