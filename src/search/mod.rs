//! Search by any title a reader knows their job by: an in-memory index over editor roles and
//! their aliases, every O*NET occupation, and every O*NET lay title (alternate, short and
//! reported titles), built once when the catalogue opens (the catalogue never changes under it).
//!
//! Ranking, best first (see `rank.rs`): fewer query words left unmatched; fewer typo edits; the
//! whole title matched, then a title the query begins, then the words anywhere; editor roles
//! before occupations; an occupation's own title before its lay titles; then, among such
//! near-equal matches, the occupation whose own title shares the query's words, and the one that
//! employs more people (OEWS), so "nurse" means Registered Nurses.

mod build;
mod lookup;
mod normalise;
mod rank;

pub use build::IndexBuilder;
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
}

impl MatchKind {
    /// O*NET's lay titles, as opposed to the target's own names.
    fn is_lay(self) -> bool {
        matches!(self, MatchKind::AlternateTitle | MatchKind::ShortTitle | MatchKind::ReportedTitle)
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

/// One result, with the name that matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    #[serde(flatten)]
    pub target: Target,
    /// The title, alias or lay title that matched, as written ("Trucker", "RN").
    pub matched_title: String,
    pub matched_kind: MatchKind,
}

impl Hit {
    /// The name that matched when it is not the target's own title: "also called ...".
    pub fn also_called(&self) -> Option<&str> {
        (self.matched_kind != MatchKind::Title).then_some(self.matched_title.as_str())
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

    /// The best `limit` targets for `query`, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        rank::search(self, query, limit)
            .into_iter()
            .map(|(target, entry)| {
                let e = &self.entries[entry as usize];
                Hit {
                    target: self.targets[target as usize].clone(),
                    matched_title: self.texts[e.text as usize].to_string(),
                    matched_kind: e.kind,
                }
            })
            .collect()
    }
}
