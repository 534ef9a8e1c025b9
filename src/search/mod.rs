//! Search by any title or alias: an in-memory index over roles, their aliases and all O*NET
//! occupations, built once when the catalogue opens (the catalogue never changes under it).
//!
//! Ranking, best first: the whole query equals a title or alias; a title or alias starts with
//! it; every word matches exactly; every word matches allowing prefixes and typos; some words
//! match. Ties go to assessed roles over unassessed occupations, then shorter titles, then
//! alphabetical order, so results are deterministic.

mod normalise;

pub use normalise::{stem, words};

use normalise::{joined_pairs, typos_allowed, within};
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

/// What a search entry points at.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Target {
    /// "role" or "occupation".
    pub kind: &'static str,
    /// Display title, e.g. "Backend/API Developer (Mid-Level)".
    pub title: String,
    pub url: String,
    pub zone: Option<String>,
    pub score: Option<f64>,
}

/// One thing a reader may type a title as.
struct Entry {
    target: u32,
    /// The title or alias as written.
    text: String,
    /// "title", "alias" or "occupation title".
    field: &'static str,
    /// Its words, normalised, joined by spaces.
    norm: String,
}

/// One result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    #[serde(flatten)]
    pub target: Target,
    /// What matched, e.g. "alias: Backend Engineer".
    pub matched: String,
}

#[derive(Default)]
pub struct Index {
    targets: Vec<Target>,
    entries: Vec<Entry>,
    /// token -> entries containing it, ascending.
    postings: HashMap<String, Vec<u32>>,
    /// Adjacent words run together ("backend" from "back end") -> entries. Matched exactly
    /// only: they are many, and fuzzy matching them would mostly find noise.
    joined: HashMap<String, Vec<u32>>,
    /// All tokens, sorted, for prefix ranges.
    sorted_tokens: Vec<String>,
    /// Tokens by length in characters, for typo scans.
    by_length: Vec<Vec<u32>>,
    /// Which letters and digits each token contains, parallel to `sorted_tokens`.
    letter_masks: Vec<u64>,
    /// Query word(s) -> the words they stand for.
    synonyms: HashMap<String, Vec<String>>,
}

/// How well one query word matched a token: lower is better.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum WordMatch {
    Exact,
    Prefix,
    Typo,
}

/// (tier, words unmatched, 0 for a role or 1 for an occupation, title length): lower ranks higher.
type RankKey = (u8, usize, u8, usize);

/// Most candidates a single word may contribute; bounds work on very common words.
const MAX_CANDIDATES: usize = 20_000;
/// A bit per letter or digit present in `word` (other characters share one bit).
fn letter_mask(word: &str) -> u64 {
    word.chars().fold(0, |m, c| {
        m | 1u64
            << match c {
                'a'..='z' => c as u32 - 'a' as u32,
                '0'..='9' => 26 + c as u32 - '0' as u32,
                _ => 36,
            }
    })
}

/// Most candidates a prefix expansion adds for one word.
const PREFIX_CANDIDATES: usize = 3_000;

/// Most candidates per word considered for partial matches.
const PARTIAL_CANDIDATES: usize = 5_000;

/// Words too common in job titles to select anything by themselves.
fn is_stop_word(w: &str) -> bool {
    matches!(w, "and" | "or" | "of" | "the" | "a" | "an" | "in" | "for" | "except" | "all" | "other" | "to" | "with")
}

/// Longest query we read; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most words of a query we use.
const MAX_WORDS: usize = 8;

pub struct IndexBuilder {
    index: Index,
    seniority_words: HashMap<u32, Vec<String>>,
}

impl IndexBuilder {
    pub fn new(synonyms: &[(String, String)]) -> Self {
        let mut index = Index::default();
        for (from, to) in synonyms {
            index.synonyms.insert(words(from).join(" "), words(to));
        }
        IndexBuilder { index, seniority_words: HashMap::default() }
    }

    /// Adds a target; `seniority` words (e.g. "Mid-Level") match it but are not its title.
    pub fn target(&mut self, target: Target, seniority: Option<&str>) -> u32 {
        let id = self.index.targets.len() as u32;
        self.index.targets.push(target);
        if let Some(s) = seniority {
            let mut w = words(s);
            // "Mid-Level" is typed "mid", "Entry-Level" "entry"; both also as one word.
            w.extend(joined_pairs(&w));
            self.seniority_words.insert(id, w);
        }
        id
    }

    pub fn entry(&mut self, target: u32, text: &str, field: &'static str) {
        let w = words(text);
        let norm = w.join(" ");
        let id = self.index.entries.len() as u32;
        let mut tokens = w.clone();
        if let Some(extra) = self.seniority_words.get(&target) {
            tokens.extend(extra.iter().cloned());
        }
        tokens.sort();
        tokens.dedup();
        let mut pairs = joined_pairs(&w);
        pairs.retain(|p| !tokens.contains(p));
        pairs.sort();
        pairs.dedup();
        for t in tokens {
            self.index.postings.entry(t).or_default().push(id);
        }
        for p in pairs {
            self.index.joined.entry(p).or_default().push(id);
        }
        self.index.entries.push(Entry { target, text: text.to_string(), field, norm });
    }

    pub fn finish(mut self) -> Index {
        let mut tokens: Vec<String> = self.index.postings.keys().cloned().collect();
        tokens.sort();
        for (i, t) in tokens.iter().enumerate() {
            let len = t.chars().count();
            if self.index.by_length.len() <= len {
                self.index.by_length.resize(len + 1, Vec::new());
            }
            self.index.by_length[len].push(i as u32);
        }
        self.index.letter_masks = tokens.iter().map(|t| letter_mask(t)).collect();
        self.index.sorted_tokens = tokens;
        self.index
    }
}

impl Index {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entries whose tokens match `word`, each with how well.
    fn matches(&self, word: &str, allow_prefix: bool) -> HashMap<u32, WordMatch> {
        let mut out: HashMap<u32, WordMatch> = HashMap::default();
        let add = |token: &str, how: WordMatch, out: &mut HashMap<u32, WordMatch>, limit: usize| {
            if let Some(ids) = self.postings.get(token) {
                for &id in ids.iter().take(limit) {
                    let best = out.entry(id).or_insert(how);
                    *best = (*best).min(how);
                }
            }
        };
        add(word, WordMatch::Exact, &mut out, MAX_CANDIDATES);
        for &id in self.joined.get(word).into_iter().flatten().take(MAX_CANDIDATES) {
            out.insert(id, WordMatch::Exact);
        }
        if word.bytes().all(|b| b.is_ascii_digit()) {
            return out; // numbers (codes) match exactly, never by prefix or typo
        }
        if allow_prefix && word.chars().count() >= 2 {
            // A short prefix can open onto most of the index; past a budget the extra
            // candidates cannot change the first page, since they all rank as prefix matches.
            let budget = out.len() + PREFIX_CANDIDATES;
            let start = self.sorted_tokens.partition_point(|t| t.as_str() < word);
            for t in self.sorted_tokens[start..].iter().take_while(|t| t.starts_with(word)).take(200) {
                if out.len() >= budget {
                    break;
                }
                if t != word {
                    let remaining = budget - out.len();
                    add(t, WordMatch::Prefix, &mut out, remaining);
                }
            }
        }
        let max = typos_allowed(word.chars().count());
        if max > 0 {
            let len = word.chars().count();
            let mask = letter_mask(word);
            for l in len.saturating_sub(max)..=(len + max).min(self.by_length.len().saturating_sub(1)) {
                for &i in &self.by_length[l] {
                    // One edit changes at most two letters' presence; skip hopeless tokens cheaply.
                    if (mask ^ self.letter_masks[i as usize]).count_ones() as usize > 2 * max {
                        continue;
                    }
                    let t = &self.sorted_tokens[i as usize];
                    if t != word && within(word, t, max).is_some() {
                        add(t, WordMatch::Typo, &mut out, MAX_CANDIDATES);
                    }
                }
            }
        }
        out
    }

    /// The ways to read a query: as typed, with adjacent words joined, and with synonyms.
    fn variants(&self, query_words: &[String]) -> Vec<Vec<String>> {
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
                    if let Some(to) = self.synonyms.get(&v[i..i + n].join(" ")) {
                        let mut e = v.clone();
                        e.splice(i..i + n, to.iter().cloned());
                        expanded.push(e);
                    }
                }
            }
        }
        out.extend(expanded);
        out.dedup();
        out.truncate(16);
        out
    }

    /// Assessed roles rank before occupations at equal match quality.
    fn kind_rank(&self, target: u32) -> u8 {
        u8::from(self.targets[target as usize].kind != "role")
    }

    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let mut query_words = words(&query);
        query_words.truncate(MAX_WORDS);
        if query_words.is_empty() || limit == 0 {
            return Vec::new();
        }
        // Rank key per target: lower is better.
        let mut best: HashMap<u32, (RankKey, u32)> = HashMap::default();
        // Variants share most words; look each (word, prefix allowed) up once.
        let mut memo: HashMap<(String, bool), HashMap<u32, WordMatch>> = HashMap::default();
        let variants = self.variants(&query_words);
        let keep = |best: &mut HashMap<u32, (RankKey, u32)>, id: u32, key: RankKey| {
            let target = self.entries[id as usize].target;
            let slot = best.entry(target).or_insert((key, id));
            if (key, &self.entries[id as usize].text) < (slot.0, &self.entries[slot.1 as usize].text) {
                *slot = (key, id);
            }
        };
        let mut word_sets: Vec<(Vec<String>, String)> = Vec::new();
        for variant in &variants {
            // Words like "and" or "of" match almost everything; they still count for the exact
            // and prefix tiers (which compare whole titles) but select nothing on their own.
            let content: Vec<String> = variant.iter().filter(|w| !is_stop_word(w)).cloned().collect();
            let content = if content.is_empty() { variant.clone() } else { content };
            for (i, w) in content.iter().enumerate() {
                let prefix = i + 1 == content.len();
                memo.entry((w.clone(), prefix)).or_insert_with(|| self.matches(w, prefix));
            }
            word_sets.push((content, variant.join(" ")));
        }
        let lookup = |content: &[String]| -> Vec<&HashMap<u32, WordMatch>> {
            content.iter().enumerate().filter_map(|(i, w)| memo.get(&(w.clone(), i + 1 == content.len()))).collect()
        };
        // Full matches: every word matches. Walk the smallest set and probe the others.
        for (content, q_norm) in &word_sets {
            let per_word = lookup(content);
            let Some(smallest) = per_word.iter().min_by_key(|m| m.len()) else { continue };
            for (&id, &how) in smallest.iter() {
                let mut worst = how;
                if !per_word.iter().all(|m| {
                    m.get(&id).is_some_and(|&h| {
                        worst = worst.max(h);
                        true
                    })
                }) {
                    continue;
                }
                let e = &self.entries[id as usize];
                let tier = if e.norm == *q_norm {
                    0
                } else if e.norm.starts_with(q_norm.as_str()) {
                    1
                } else if worst == WordMatch::Exact {
                    2
                } else {
                    3
                };
                keep(&mut best, id, (tier, 0, self.kind_rank(e.target), e.norm.len()));
            }
        }
        // Partial matches rank below every full match, so they are needed only to fill the page.
        if best.len() < limit {
            for (content, _) in &word_sets {
                let per_word = lookup(content);
                let mut counts: HashMap<u32, usize> = HashMap::default();
                for m in &per_word {
                    for &id in m.keys().take(PARTIAL_CANDIDATES) {
                        *counts.entry(id).or_default() += 1;
                    }
                }
                for (id, matched) in counts {
                    if matched < content.len() {
                        let e = &self.entries[id as usize];
                        keep(&mut best, id, (4, content.len() - matched, self.kind_rank(e.target), e.norm.len()));
                    }
                }
            }
        }
        let mut ranked: Vec<(u32, (RankKey, u32))> = best.into_iter().collect();
        let order = |a: &(u32, (RankKey, u32)), b: &(u32, (RankKey, u32))| {
            a.1.0.cmp(&b.1.0).then_with(|| self.targets[a.0 as usize].title.cmp(&self.targets[b.0 as usize].title))
        };
        // Only the first `limit` need ordering: select them, then sort just those.
        if ranked.len() > limit {
            ranked.select_nth_unstable_by(limit - 1, order);
            ranked.truncate(limit);
        }
        ranked.sort_by(order);
        ranked
            .into_iter()
            .take(limit)
            .map(|(target, (_, entry))| {
                let e = &self.entries[entry as usize];
                Hit { target: self.targets[target as usize].clone(), matched: format!("{}: {}", e.field, e.text) }
            })
            .collect()
    }
}
