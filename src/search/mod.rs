//! Search by any title a reader knows their job by: an in-memory index over editor roles and
//! their aliases, every O*NET occupation, and every O*NET lay title (alternate, short and
//! reported titles), built once when the catalogue opens (the catalogue never changes under it).
//!
//! Ranking, best first (see `rank.rs`): fewer query words left unmatched; fewer typo edits; the
//! whole title matched, then a title the query begins, then the words anywhere; editor roles
//! before occupations; an occupation's own title before its lay titles; then, among such
//! near-equal matches, the occupation whose own title shares the query's words, and the one that
//! employs more people (OEWS), so "nurse" means Registered Nurses. An occupation without a
//! score ranks after scored ones that match as well, unless the query is its own title.
//!
//! Level words ("senior", "lead") are modifiers (`levels.rs`): unless a whole title holds them,
//! the rest of the query is the title and each result carries the level. A query no title
//! matches in full is also read as a description of the work (`describe.rs`).

mod build;
pub mod describe;
mod levels;
mod lookup;
mod normalise;
mod rank;

pub use build::IndexBuilder;
pub use describe::{DescribeLists, DescribeQuery, WorkIndex, WorkKind, WorkMatches, WorkRow};
pub use levels::Level;
pub use normalise::{stem, within, words};

use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

/// What a search entry points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// An editor-reviewed role.
    Role,
    /// An O*NET occupation.
    Occupation,
}

/// Which of a target's names matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The role's or occupation's own title.
    Title,
    /// An alias an editor gave the role.
    Alias,
    /// An O*NET alternate title.
    AlternateTitle,
    /// An O*NET short title, usually an abbreviation ("RN").
    ShortTitle,
    /// A title workers reported to O*NET.
    ReportedTitle,
    /// One of the occupation's O*NET task statements (the query described the work).
    Task,
    /// One of the occupation's O*NET detailed work activities.
    WorkActivity,
    /// The occupation's O*NET description.
    Description,
}

impl MatchKind {
    /// O*NET's lay titles, as opposed to the target's own names.
    fn is_lay(self) -> bool {
        matches!(self, MatchKind::AlternateTitle | MatchKind::ShortTitle | MatchKind::ReportedTitle)
    }

    /// Another name of the target, shown as "also called ...".
    fn is_other_name(self) -> bool {
        self == MatchKind::Alias || self.is_lay()
    }

    fn from_work(kind: WorkKind) -> MatchKind {
        match kind {
            WorkKind::Title => MatchKind::AlternateTitle,
            WorkKind::Task => MatchKind::Task,
            WorkKind::Activity => MatchKind::WorkActivity,
            WorkKind::Description => MatchKind::Description,
        }
    }
}

/// A role or occupation search can find.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Target {
    pub kind: TargetKind,
    /// Display title, e.g. "Backend/API Developer (Mid-Level)".
    pub title: String,
    pub url: String,
    /// Present once the target has a score (every role; occupations when scored).
    pub zone: Option<String>,
    pub score: Option<f64>,
}

impl Target {
    pub fn is_role(&self) -> bool {
        self.kind == TargetKind::Role
    }
}

/// One result, with what matched and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    #[serde(flatten)]
    pub target: Target,
    /// The title, alias or lay title that matched, as written ("Trucker", "RN"); for a
    /// description, the task, activity or description text it matched.
    pub matched_title: String,
    pub matched_kind: MatchKind,
    /// Why it is a result, in words: "also called Trucker", "your words match the task: ...".
    pub match_reason: String,
    /// The level the query named ("senior accountant"), when this result's assessment is not
    /// specific to it.
    pub level: Option<Level>,
}

impl Hit {
    fn new(target: Target, matched_title: String, matched_kind: MatchKind) -> Hit {
        let match_reason = match matched_kind {
            MatchKind::Title => "its own title".to_string(),
            MatchKind::Task => format!("your words match the task: {matched_title}"),
            MatchKind::WorkActivity => format!("your words match the work activity: {matched_title}"),
            MatchKind::Description => format!("your words match its description: {matched_title}"),
            _ => format!("also called {matched_title}"),
        };
        Hit { target, matched_title, matched_kind, match_reason, level: None }
    }

    /// The name that matched when it is another name of the target: "also called ...".
    pub fn also_called(&self) -> Option<&str> {
        self.matched_kind.is_other_name().then_some(self.matched_title.as_str())
    }

    /// The reason when the query matched what the work is rather than a name.
    pub fn work_reason(&self) -> Option<&str> {
        matches!(self.matched_kind, MatchKind::Task | MatchKind::WorkActivity | MatchKind::Description)
            .then_some(self.match_reason.as_str())
    }
}

/// One name a target may be typed as. Parenthesised parts ("Certified Nurse Aide (CNA)") are
/// separate entries sharing one display text, so either part can match as a whole title.
struct Entry {
    target: u32,
    /// Into `Index::texts`: the name as written.
    text: u32,
    kind: MatchKind,
    /// O*NET sources that list this lay title (0 for others).
    sources: u8,
    /// Its words as token ids: `Index::words[start..start + len]`.
    start: u32,
    len: u8,
}

/// Per-target facts ranking uses.
#[derive(Default, Clone)]
struct TargetMeta {
    /// OEWS employment behind the occupation (0 for roles and unpublished occupations).
    prior: u64,
    /// Token ids of its own title: `Index::words[start..start + len]`.
    title: (u32, u8),
    /// Token ids that match it without being in any of its names (a role's seniority).
    extras: (u32, u8),
    /// A role's seniority as written ("Mid-Level"), to say whether a level the query named is it.
    seniority: Option<Box<str>>,
}

#[derive(Default)]
pub struct Index {
    targets: Vec<Target>,
    meta: Vec<TargetMeta>,
    texts: Vec<Box<str>>,
    entries: Vec<Entry>,
    /// Token ids of entry words, target titles and extras, referenced by ranges.
    words: Vec<u32>,
    /// Every token, sorted, so prefixes are ranges; a token's id is its position.
    tokens: Vec<Box<str>>,
    token_ids: HashMap<Box<str>, u32>,
    /// Token id -> entries containing it (or, for extras, the target's entries), ascending.
    postings: Vec<Vec<u32>>,
    /// Adjacent words run together ("backend" from "back end") -> entries. Matched exactly
    /// only: they are many, and fuzzy matching them would mostly find noise.
    joined: HashMap<Box<str>, Vec<u32>>,
    /// Token ids by length in characters, for typo scans.
    by_length: Vec<Vec<u32>>,
    /// Which letters and digits each token contains, by token id.
    letter_masks: Vec<u64>,
    /// Query word(s) -> the words they stand for.
    synonyms: HashMap<String, Vec<String>>,
    levels: levels::Levels,
    vocabulary: describe::Vocabulary,
    /// O*NET-SOC code -> its occupation target, for description matches.
    by_code: HashMap<Box<str>, u32>,
}

/// What the title search found.
struct Titles {
    hits: Vec<Hit>,
    /// The first hit matched every word searched for.
    complete: bool,
    /// The level a level word named, and the query's other words, which were searched instead.
    level: Option<(String, Vec<String>)>,
}

/// Longest query we read; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 200;

impl Index {
    /// Entries (names) in the index.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Distinct tokens in the index.
    pub fn tokens(&self) -> usize {
        self.tokens.len()
    }

    fn entry_words(&self, e: &Entry) -> &[u32] {
        &self.words[e.start as usize..e.start as usize + e.len as usize]
    }

    fn range(&self, (start, len): (u32, u8)) -> &[u32] {
        &self.words[start as usize..start as usize + len as usize]
    }

    /// The best `limit` targets for `query` by title, best first. A level word no whole title
    /// holds is a modifier: the rest of the query is searched and each result carries the level.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.titles(query, limit).hits
    }

    /// [`Index::search`], and, when no title matches every word, the query read as a
    /// description of the work: `work` runs FTS5 queries over each occupation's O*NET titles,
    /// description, tasks and activities (the catalogue does it, in SQL). Description matches
    /// come first when the query reads as a sentence ("I fix cars") or some one text holds its
    /// words together ("wash dishes"), else after the partial title matches ("lien cook" is a
    /// cook with a typo, not a lien), so then they are looked for only when those leave room.
    pub fn search_with<W: WorkIndex>(&self, query: &str, limit: usize, work: &W) -> Result<Vec<Hit>, W::Error> {
        let Titles { hits, complete, level } = self.titles(query, limit);
        if complete || limit == 0 {
            return Ok(hits);
        }
        // A level word stays a modifier: "senior I fix cars" describes fixing cars.
        let query: String = match &level {
            Some((_, rest)) => rest.join(" "),
            None => query.chars().take(MAX_QUERY_CHARS).collect(),
        };
        let Some(fts) = self.vocabulary.fts_query(&query) else { return Ok(hits) };
        let together = fts.sentence || work.together(&fts)?;
        if !together && hits.len() >= limit {
            return Ok(hits);
        }
        let prior = |code: &str| self.by_code.get(code).map_or(0, |&t| self.meta[t as usize].prior);
        let rows: Vec<(&Target, WorkRow)> = describe::rank(work.matches(&fts)?, prior)
            .into_iter()
            .filter_map(|row| Some((&self.targets[*self.by_code.get(row.code.as_str())? as usize], row)))
            .take(limit)
            .collect();
        let texts = work.texts(&rows.iter().map(|(_, row)| row.row).collect::<Vec<_>>())?;
        let described: Vec<Hit> = rows
            .into_iter()
            .zip(texts)
            .map(|((target, row), text)| {
                let kind = match row.kind {
                    WorkKind::Title if text == target.title => MatchKind::Title,
                    WorkKind::Title => MatchKind::AlternateTitle,
                    other => MatchKind::from_work(other),
                };
                let mut hit = Hit::new(target.clone(), text, kind);
                hit.level = level.as_ref().and_then(|(word, _)| levels::note(word, None));
                hit
            })
            .collect();
        let (first, then) = if together { (described, hits) } else { (hits, described) };
        let mut out = first;
        for h in then {
            if out.len() < limit && !out.iter().any(|o| o.target.url == h.target.url) {
                out.push(h);
            }
        }
        Ok(out)
    }

    /// Title results, whether the first matched every word of the query, and the level taken out.
    fn titles(&self, query: &str, limit: usize) -> Titles {
        let ranked = rank::search(self, query, limit);
        let as_typed =
            ranked.first().is_some_and(|r| r.whole || (r.complete && self.targets[r.target as usize].is_role()));
        let mut query_words = words(&query.chars().take(MAX_QUERY_CHARS).collect::<String>());
        query_words.truncate(rank::MAX_WORDS);
        let stripped = if as_typed { None } else { self.levels.strip(&query_words) };
        let Some((level, rest)) = stripped else {
            let complete = ranked.first().is_some_and(|r| r.complete);
            return Titles { hits: self.hits(ranked), complete, level: None };
        };
        let ranked = rank::search(self, &rest.join(" "), limit);
        let complete = ranked.first().is_some_and(|r| r.complete);
        let notes: Vec<Option<Level>> =
            ranked.iter().map(|r| levels::note(&level, self.meta[r.target as usize].seniority.as_deref())).collect();
        let mut hits = self.hits(ranked);
        for (h, note) in hits.iter_mut().zip(notes) {
            h.level = note;
        }
        Titles { hits, complete, level: Some((level, rest)) }
    }

    fn hits(&self, ranked: Vec<rank::Ranked>) -> Vec<Hit> {
        ranked
            .into_iter()
            .map(|r| {
                let e = &self.entries[r.entry as usize];
                Hit::new(self.targets[r.target as usize].clone(), self.texts[e.text as usize].to_string(), e.kind)
            })
            .collect()
    }
}
