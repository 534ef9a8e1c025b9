//! Ranks the targets a query matches. Each reading of the query (as typed, with adjacent words
//! joined, with synonyms) is scored against candidate entries; each target keeps its best entry.
//!
//! An entry's coarse rank, lower first: every query word matched (else, more matched words
//! first); fewer typo edits; its shape (the whole title, a title the query begins, the words
//! anywhere); editor role before occupation; the target's own name before an O*NET lay title;
//! the last word typed in full before one completed as a prefix. Near-equal targets (same coarse
//! rank) then go by [`closeness`]: shared title words ("trucker" and Truck Drivers), employment,
//! how many of their names match, how many O*NET sources list the name; then the shorter name
//! and alphabetical order, so results are deterministic.

use super::lookup::{How, WordHits};
use super::normalise::{stem, words};
use super::{Index, MAX_QUERY_CHARS, MatchKind, TargetKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cmp::Reverse;

/// Most words of a query we use.
pub(super) const MAX_WORDS: usize = 8;
/// Most readings of one query.
const MAX_READINGS: usize = 16;
/// Occupations that must list a title as a lay title, matched whole, for it to count as generic.
const GENERIC_SHARED: usize = 3;
/// Most candidates per word considered for partial matches.
const PARTIAL_CANDIDATES: usize = 500;

/// Words too common in job titles to select anything by themselves.
pub(super) fn is_stop_word(w: &str) -> bool {
    matches!(w, "and" | "or" | "of" | "the" | "a" | "an" | "in" | "for" | "except" | "all" | "other" | "to" | "with")
}

/// How much of an entry the query covers; lower is better.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Shape {
    /// Every word of the title, and nothing else ("nurses" = "Nurse"; "nurse pract" with the
    /// last word completed).
    Whole,
    /// The title begins with the query ("nurse" in "Nurse Midwives").
    Starts,
    /// The words appear somewhere in the title.
    Contains,
}

/// (0 when every word matched, else more the fewer words matched; typo edits; shape; 1 for an
/// occupation without a score unless this is its own whole title, so a generic title such as
/// "physician" finds the scored specialties before "Physicians, All Other"; 0 role / 1
/// occupation; 0 own name / 1 lay title; 1 when the last word was completed as a prefix).
type Coarse = (u8, u8, Shape, u8, u8, u8, u8);

/// One result of a title search: the target, the entry that matched it, and how well.
pub(super) struct Ranked {
    pub target: u32,
    pub entry: u32,
    /// Every word of the query matched.
    pub complete: bool,
    /// ... and the matched name is exactly the query's words.
    pub whole: bool,
}

/// What search keeps of a target: the entry that ranks it, and the entry it shows.
struct Best {
    /// (coarse rank, more sources first, shorter text first, entry).
    rank: (Coarse, Reverse<u8>, usize, u32),
    /// How many of its entries match as well as the ranking one ("CNA" is five Nursing
    /// Assistants titles).
    support: u8,
    /// The name shown as what matched: the best match as typed, before a synonym's expansion
    /// and whatever its kind, so "rn" shows "also called RN", not the title it stands for.
    shown: (Shown, u32),
}

/// ((unmatched, edits, shape, prefix), via a synonym, lay title, more sources first, shorter).
type Shown = ((u8, u8, Shape, u8), bool, u8, Reverse<u8>, usize);

/// One way to read the query.
struct Reading {
    words: Vec<String>,
    /// Parallel to `words`: index into the looked-up word hits.
    hits: Vec<usize>,
    /// Parallel to `words`: false for stop words (unless the query is only stop words).
    content: Vec<bool>,
    /// A synonym's expansion rather than the words as typed.
    synonym: bool,
    /// Fewer words than typed: adjacent ones run together.
    joined: bool,
}

impl Reading {
    fn content_count(&self) -> usize {
        self.content.iter().filter(|c| **c).count()
    }
}

/// Adjacent query words run together: "back end dev" -> "backend", "enddev", "backenddev".
fn variants_joined(query_words: &[String]) -> Vec<String> {
    let mut out: Vec<String> = query_words.windows(2).map(|w| stem(&format!("{}{}", w[0], w[1]))).collect();
    if query_words.len() > 2 {
        out.push(stem(&query_words.concat()));
    }
    out
}

/// The ways to read a query: as typed, with adjacent words joined, and with synonyms (marked).
fn variants(index: &Index, query_words: &[String]) -> Vec<(Vec<String>, bool)> {
    let mut out = vec![query_words.to_vec()];
    for i in 0..query_words.len().saturating_sub(1) {
        let mut v = query_words.to_vec();
        v.splice(i..i + 2, [stem(&format!("{}{}", query_words[i], query_words[i + 1]))]);
        out.push(v);
    }
    if query_words.len() > 2 {
        out.push(vec![stem(&query_words.concat())]);
    }
    let mut expanded = Vec::new();
    for v in &out {
        for n in [2usize, 1] {
            for i in 0..v.len().saturating_sub(n - 1) {
                if let Some(to) = index.synonyms.get(&v[i..i + n].join(" ")) {
                    let mut e = v.clone();
                    e.splice(i..i + n, to.iter().cloned());
                    expanded.push(e);
                }
            }
        }
    }
    let mut all: Vec<(Vec<String>, bool)> = out.into_iter().map(|v| (v, false)).collect();
    for e in expanded {
        if !all.iter().any(|(v, _)| *v == e) {
            all.push((e, true));
        }
    }
    all.dedup();
    all.truncate(MAX_READINGS);
    all
}

/// The best `limit` (target, entry) pairs for `query`, best first.
pub(super) fn search(index: &Index, query: &str, limit: usize) -> Vec<Ranked> {
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let mut query_words = words(&query);
    query_words.truncate(MAX_WORDS);
    if query_words.is_empty() || limit == 0 {
        return Vec::new();
    }
    // Readings share most words: look each (word, prefix allowed, content, typos) up once.
    let mut keys: HashMap<(String, bool, bool, bool), usize> = HashMap::default();
    // Typos only in words the reader typed (or ran together), not in a synonym's expansion.
    let typed: Vec<String> = query_words.iter().cloned().chain(variants_joined(&query_words)).collect();
    let mut hits: Vec<WordHits<'_>> = Vec::new();
    let mut readings = Vec::new();
    for (v, synonym) in variants(index, &query_words) {
        let all_stop = v.iter().all(|w| is_stop_word(w));
        let content: Vec<bool> = v.iter().map(|w| all_stop || !is_stop_word(w)).collect();
        let last = v.len() - 1;
        let ids = v
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let (prefix, typos) = (i == last && content[i], typed.contains(w));
                *keys.entry((w.clone(), prefix, content[i], typos)).or_insert_with(|| {
                    hits.push(index.lookup(w, prefix, content[i], typos));
                    hits.len() - 1
                })
            })
            .collect();
        let joined = v.len() < query_words.len();
        readings.push(Reading { words: v, hits: ids, content, synonym, joined });
    }
    let mut best: HashMap<u32, Best> = HashMap::default();
    let keep = |best: &mut HashMap<u32, Best>, id: u32, r: usize, coarse: Coarse| {
        let e = &index.entries[id as usize];
        let len = index.texts[e.text as usize].len();
        let rank = (coarse, Reverse(e.sources), len, id);
        let (unmatched, edits, shape, _, _, lay, prefix) = coarse;
        let shown = (((unmatched, edits, shape, prefix), readings[r].synonym, lay, Reverse(e.sources), len), id);
        let slot = best.entry(e.target).or_insert(Best { rank, support: 0, shown });
        if coarse < slot.rank.0 {
            slot.support = 0;
        }
        if coarse <= slot.rank.0 {
            slot.support = slot.support.saturating_add(1);
        }
        slot.rank = slot.rank.min(rank);
        slot.shown = slot.shown.min(shown);
    };
    // Full matches: walk the entries of the rarest word and check the others on each.
    for (r, reading) in readings.iter().enumerate() {
        let rarest =
            (0..reading.words.len()).filter(|&i| reading.content[i]).min_by_key(|&i| hits[reading.hits[i]].size());
        let Some(rarest) = rarest else { continue };
        for id in hits[reading.hits[rarest]].entries(index, usize::MAX) {
            if let Some(coarse) = evaluate(index, id, reading, &hits) {
                keep(&mut best, id, r, coarse);
            }
        }
    }
    // Partial matches rank below every full one, so they are needed only to fill the page.
    if best.len() < limit {
        // Readings with words joined exist to find whole titles ("back end"), not fragments.
        for (r, reading) in readings.iter().enumerate().filter(|(_, r)| r.content_count() > 1 && !r.joined) {
            let mut seen: HashSet<u32> = HashSet::default();
            for (_, &h) in reading.hits.iter().enumerate().filter(|(i, _)| reading.content[*i]) {
                for id in hits[h].entries(index, PARTIAL_CANDIDATES) {
                    if seen.insert(id)
                        && let Some(coarse) = evaluate(index, id, reading, &hits)
                    {
                        keep(&mut best, id, r, coarse);
                    }
                }
            }
        }
    }
    order(index, best, &readings, &hits, limit)
}

/// Sorts the targets by their best entry, breaking near-ties by [`closeness`], and keeps the
/// first `limit`.
fn order(
    index: &Index,
    best: HashMap<u32, Best>,
    readings: &[Reading],
    hits: &[WordHits<'_>],
    limit: usize,
) -> Vec<Ranked> {
    type Fine<'a> = (Coarse, Reverse<u32>, Reverse<u8>, usize, &'a str, u32, u32);
    // Closeness only decides among equal coarse ranks: skip targets that cannot make the page.
    let mut coarse: Vec<Coarse> = best.values().map(|b| b.rank.0).collect();
    let cutoff = if coarse.len() > limit {
        *coarse.select_nth_unstable(limit - 1).1
    } else {
        (u8::MAX, u8::MAX, Shape::Contains, u8::MAX, u8::MAX, u8::MAX, u8::MAX)
    };
    // A generic title ("surgeon", "collector"): the lay title of many occupations, matched whole.
    let top = coarse.iter().min().copied();
    let sharing = coarse.iter().filter(|c| Some(**c) == top && c.2 == Shape::Whole && c.5 == 1).count();
    let generic = sharing >= GENERIC_SHARED;
    let mut ranked: Vec<Fine<'_>> = best
        .into_iter()
        .filter(|(_, b)| b.rank.0 <= cutoff)
        .map(|(target, b)| {
            let t = &index.targets[target as usize];
            let (coarse, sources, len, _) = b.rank;
            let score = closeness(index, target, sources.0, b.support, generic, readings, hits);
            (coarse, Reverse(score), sources, len, t.title.as_str(), target, b.shown.1)
        })
        .collect();
    if ranked.len() > limit {
        ranked.select_nth_unstable(limit - 1);
        ranked.truncate(limit);
    }
    ranked.sort_unstable();
    // RUST_LOG=jobzone::search=trace shows why each result ranks where it does.
    if tracing::enabled!(tracing::Level::TRACE) {
        for f in &ranked {
            let text = &index.texts[index.entries[f.6 as usize].text as usize];
            tracing::trace!("{:?} closeness {} sources {} {} | {text}", f.0, f.1.0, f.2.0, f.4);
        }
    }
    ranked
        .into_iter()
        .map(|f| Ranked { target: f.5, entry: f.6, complete: f.0.0 == 0, whole: f.0.0 == 0 && f.0.2 == Shape::Whole })
        .collect()
}

/// How likely a reader means this target, among targets that match equally well; higher is
/// likelier. Points: the occupation's own title sharing the query's words (100 a word found
/// exactly, 50 a word sharing its stem: "trucker" and Truck Drivers); 200 for every tenfold of
/// the people it employs (OEWS; ten times the employment outweighs two shared words); 50 for
/// each of its names matching as well, up to four ("CNA" is five Nursing Assistants titles);
/// 25 for each O*NET source listing the matched title, up to four. Roles have neither title
/// words to share nor employment: they rank first by kind already. For a `generic` title, which
/// many occupations list as a lay title, a shared title word counts double: "collector" is
/// likelier Bill and Account Collectors than the far larger Cashiers, who also list it.
fn closeness(
    index: &Index,
    target: u32,
    sources: u8,
    support: u8,
    generic: bool,
    readings: &[Reading],
    hits: &[WordHits<'_>],
) -> u32 {
    let meta = &index.meta[target as usize];
    let mut score = 50 * u32::from(support.min(4)) + 25 * u32::from(sources.min(4));
    if index.targets[target as usize].kind == TargetKind::Occupation {
        let echo = readings.iter().map(|r| echo(index, target, r, hits, generic)).max().unwrap_or(0);
        let per_point = if generic { 100 } else { 50 };
        score += per_point * echo + (200.0 * (meta.prior as f64 + 1.0).log10()) as u32;
    }
    score
}

/// How much the target's own title shares the reading's words: 2 a word found exactly (or as
/// a typo or completion), 1 a word sharing a stem of five letters, or four as a whole word.
/// `exact`: a typo or completion counts only as a shared stem (a generic title's home has its
/// very word: "picker" is not Packers).
fn echo(index: &Index, target: u32, reading: &Reading, hits: &[WordHits<'_>], exact: bool) -> u32 {
    let title = index.range(index.meta[target as usize].title);
    let mut n = 0;
    for (i, w) in reading.words.iter().enumerate().filter(|(i, _)| reading.content[*i]) {
        let h = &hits[reading.hits[i]];
        n += title
            .iter()
            .map(|&t| {
                let token = &*index.tokens[t as usize];
                match h.tokens.get(t) {
                    Some((How::Exact, _)) => 2,
                    Some(_) if !exact => 2,
                    _ => u32::from(same_stem(w, token)),
                }
            })
            .max()
            .unwrap_or(0);
    }
    n
}

/// "trucker" and "truck", "manager" and "management", "caregiver" and "care".
fn same_stem(a: &str, b: &str) -> bool {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    common >= 5 || (common >= 4 && common == a.len().min(b.len()))
}

/// The coarse rank of entry `id` for `reading`, or None when no content word matches it.
fn evaluate(index: &Index, id: u32, reading: &Reading, hits: &[WordHits<'_>]) -> Option<Coarse> {
    let e = &index.entries[id as usize];
    let words = index.entry_words(e);
    let extras = index.range(index.meta[e.target as usize].extras);
    let full: u32 = if words.len() >= 32 { u32::MAX } else { (1u32 << words.len()) - 1 };
    let (mut covered, mut missing, mut edits) = (0u32, 0u8, 0u8);
    let (mut prefix, mut all, mut in_order, mut next) = (false, true, true, 0usize);
    for (i, &h) in reading.hits.iter().enumerate() {
        let wh = &hits[h];
        // The best matching position, preferring one no earlier word took.
        let mut found: Option<(bool, How, u8, usize)> = None;
        for (j, t) in words.iter().enumerate() {
            if let Some((how, d)) = wh.tokens.get(*t) {
                let c = (covered & (1 << j) != 0, how, d, j);
                if found.is_none_or(|f| c < f) {
                    found = Some(c);
                }
            }
        }
        if let Some((_, how, d, j)) = found {
            covered |= 1 << j;
            edits = edits.saturating_add(d);
            prefix |= how == How::Prefix;
            in_order &= j == next;
            next = j + 1;
        } else if extras.iter().any(|&t| wh.tokens.contains(t)) {
            // A role's seniority: matches the role without being part of its title.
        } else if wh.joined.binary_search(&id).is_ok() {
            let w = &reading.words[i];
            if let Some(j) = (0..words.len().saturating_sub(1)).find(|&j| {
                stem(&format!("{}{}", index.tokens[words[j] as usize], index.tokens[words[j + 1] as usize])) == *w
            }) {
                covered |= 0b11 << j;
                in_order &= j == next;
                next = j + 2;
            }
        } else {
            all = false;
            missing += u8::from(reading.content[i]);
        }
    }
    if usize::from(missing) == reading.content_count() {
        return None;
    }
    let shape = if !all {
        Shape::Contains
    } else if covered == full {
        Shape::Whole
    } else if in_order {
        Shape::Starts
    } else {
        Shape::Contains
    };
    let t = &index.targets[e.target as usize];
    let unscored = t.score.is_none() && !(e.kind == MatchKind::Title && shape == Shape::Whole);
    // Partial matches rank by the words they do match: readings differ in length ("node backend
    // eng" and "nodebackend eng"), so what is missing is not comparable across them.
    let matched = reading.content_count() - usize::from(missing);
    let unmatched = if missing == 0 { 0 } else { 1 + (MAX_WORDS - matched.min(MAX_WORDS)) as u8 };
    Some((
        unmatched,
        edits,
        shape,
        u8::from(unscored),
        u8::from(t.kind != TargetKind::Role),
        u8::from(e.kind.is_lay()),
        u8::from(prefix),
    ))
}

#[cfg(test)]
#[path = "rank_tests.rs"]
mod tests;
