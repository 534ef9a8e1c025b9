//! Looks one query word up in the index: the tokens it matches (exactly, as a prefix, or within
//! the typo budget) and the entries that contain them.

use super::Index;
use super::normalise::{letter_mask, typos_allowed, within};
use rustc_hash::FxHashMap as HashMap;

/// How a query word matched a token; lower is better.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum How {
    Exact,
    /// The token starts with the word (the last word of a query being typed).
    Prefix,
    Typo,
}

/// The tokens one query word matches, with how and with how many edits. Ranking asks this for
/// every word of every candidate entry, so a long set is a table indexed by token id.
pub enum TokenSet {
    Few(Vec<(u32, (How, u8))>),
    /// By token id: 0 for no match, else 1 + how * 8 + edits.
    Table(Vec<u8>),
}

/// Past this many tokens, a table beats a scan.
const FEW: usize = 8;

impl TokenSet {
    fn build(found: Vec<(u32, (How, u8))>, tokens: usize) -> TokenSet {
        if found.len() <= FEW {
            return TokenSet::Few(found);
        }
        let mut table = vec![0u8; tokens];
        for (id, (how, edits)) in found {
            table[id as usize] = 1 + (how as u8) * 8 + edits.min(7);
        }
        TokenSet::Table(table)
    }

    pub fn get(&self, id: u32) -> Option<(How, u8)> {
        match self {
            TokenSet::Few(v) => v.iter().find(|(t, _)| *t == id).map(|(_, m)| *m),
            TokenSet::Table(t) => match t.get(id as usize).copied().unwrap_or(0) {
                0 => None,
                c => {
                    let how = match (c - 1) / 8 {
                        0 => How::Exact,
                        1 => How::Prefix,
                        _ => How::Typo,
                    };
                    Some((how, (c - 1) % 8))
                }
            },
        }
    }

    pub fn contains(&self, id: u32) -> bool {
        self.get(id).is_some()
    }
}

/// What one query word matches.
pub struct WordHits<'a> {
    pub tokens: TokenSet,
    /// Entries where the word is two adjacent words run together ("backend": "Back End").
    pub joined: &'a [u32],
    /// (token, how many of its entries to consider): read only for the words that select
    /// candidates, so a common word in a long query costs nothing.
    lists: Vec<(u32, usize)>,
}

/// Most entries a single token contributes; bounds work on very common words.
const MAX_CANDIDATES: usize = 20_000;
/// Most entries a prefix expansion adds for one word: past this, the extra candidates are all
/// prefix matches of long-tail words and cannot reach the first page.
const PREFIX_CANDIDATES: usize = 3_000;
/// Most tokens a prefix opens onto.
const PREFIX_TOKENS: usize = 200;

impl WordHits<'_> {
    /// How many entries the word selects, at most (before removing duplicates).
    pub fn size(&self) -> usize {
        self.lists.iter().map(|&(_, take)| take).sum::<usize>() + self.joined.len()
    }

    /// The entries containing a matching token, ascending, the first `cap` of each list.
    pub fn entries(&self, index: &Index, cap: usize) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::with_capacity(self.size().min(cap.saturating_mul(2)));
        for &(token, take) in &self.lists {
            out.extend(index.postings[token as usize].iter().take(take.min(cap)));
        }
        out.extend(self.joined.iter().take(cap));
        out.sort_unstable();
        out.dedup();
        out
    }
}

impl Index {
    /// `with_entries` false: only whether the word is a token (stop words, which select nothing
    /// by themselves but still decide whether a whole title matched). `allow_typos` false for
    /// words a synonym supplied: they are spelt right.
    pub(super) fn lookup(&self, word: &str, allow_prefix: bool, with_entries: bool, allow_typos: bool) -> WordHits<'_> {
        let mut tokens: HashMap<u32, (How, u8)> = HashMap::default();
        let mut lists: Vec<(u32, usize)> = Vec::new();
        let joined = self.joined.get(word).map_or(&[][..], |v| v.as_slice());
        let n = self.tokens.len();
        let exact = self.token_ids.get(word).copied();
        if let Some(id) = exact {
            tokens.insert(id, (How::Exact, 0));
            lists.push((id, self.postings[id as usize].len().min(MAX_CANDIDATES)));
        }
        // Numbers (codes) match exactly, never by prefix or typo.
        if with_entries && !word.bytes().all(|b| b.is_ascii_digit()) {
            if allow_prefix && word.chars().count() >= 2 {
                self.prefixes(word, &mut tokens, &mut lists);
            }
            if allow_typos {
                self.typos(word, &mut tokens, &mut lists);
            }
        }
        if !with_entries {
            lists.clear();
        }
        WordHits { tokens: TokenSet::build(tokens.into_iter().collect(), n), joined, lists }
    }

    /// Tokens that start with `word`, within the prefix budget.
    fn prefixes(&self, word: &str, tokens: &mut HashMap<u32, (How, u8)>, lists: &mut Vec<(u32, usize)>) {
        let mut room = PREFIX_CANDIDATES;
        let start = self.tokens.partition_point(|t| &**t < word);
        for (i, t) in
            self.tokens[start..].iter().enumerate().take_while(|(_, t)| t.starts_with(word)).take(PREFIX_TOKENS)
        {
            if room == 0 {
                break;
            }
            let id = (start + i) as u32;
            if &**t != word {
                tokens.insert(id, (How::Prefix, 0));
                let take = self.postings[id as usize].len().min(room);
                lists.push((id, take));
                room -= take;
            }
        }
    }

    /// Tokens within the typo budget of `word`.
    fn typos(&self, word: &str, tokens: &mut HashMap<u32, (How, u8)>, lists: &mut Vec<(u32, usize)>) {
        let len = word.chars().count();
        let max = typos_allowed(len);
        if max == 0 {
            return;
        }
        let mask = letter_mask(word);
        let top = (len + max).min(self.by_length.len().saturating_sub(1));
        for l in len.saturating_sub(max)..=top {
            for &id in &self.by_length[l] {
                if (mask ^ self.letter_masks[id as usize]).count_ones() as usize > 2 * max || tokens.contains_key(&id) {
                    continue;
                }
                if let Some(d) = within(word, &self.tokens[id as usize], max) {
                    tokens.insert(id, (How::Typo, d as u8));
                    lists.push((id, self.postings[id as usize].len().min(MAX_CANDIDATES)));
                }
            }
        }
    }
}
