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

/// What one query word matches.
pub struct WordHits<'a> {
    /// Token id -> how it matched and with how many edits.
    pub tokens: HashMap<u32, (How, u8)>,
    /// Entries where the word is two adjacent words run together ("backend": "Back End").
    pub joined: &'a [u32],
    /// Entries containing a matching token, ascending (bounded, see the constants).
    pub entries: Vec<u32>,
}

/// Most entries a single token contributes; bounds work on very common words.
const MAX_CANDIDATES: usize = 20_000;
/// Most entries a prefix expansion adds for one word: past this, the extra candidates are all
/// prefix matches of long-tail words and cannot reach the first page.
const PREFIX_CANDIDATES: usize = 3_000;
/// Most tokens a prefix opens onto.
const PREFIX_TOKENS: usize = 200;

impl Index {
    /// `with_entries` false: only whether the word is a token (stop words, which select nothing
    /// by themselves but still decide whether a whole title matched).
    pub(super) fn lookup(&self, word: &str, allow_prefix: bool, with_entries: bool) -> WordHits<'_> {
        let mut tokens: HashMap<u32, (How, u8)> = HashMap::default();
        let mut entries: Vec<u32> = Vec::new();
        let joined = self.joined.get(word).map_or(&[][..], |v| v.as_slice());
        if !with_entries {
            if let Some(&id) = self.token_ids.get(word) {
                tokens.insert(id, (How::Exact, 0));
            }
            return WordHits { tokens, joined, entries };
        }
        if let Some(&id) = self.token_ids.get(word) {
            tokens.insert(id, (How::Exact, 0));
            entries.extend(self.postings[id as usize].iter().take(MAX_CANDIDATES));
        }
        entries.extend(joined.iter().take(MAX_CANDIDATES));
        if word.bytes().all(|b| b.is_ascii_digit()) {
            // Numbers (codes) match exactly, never by prefix or typo.
            entries.sort_unstable();
            entries.dedup();
            return WordHits { tokens, joined, entries };
        }
        if allow_prefix && word.chars().count() >= 2 {
            let budget = entries.len() + PREFIX_CANDIDATES;
            let start = self.tokens.partition_point(|t| &**t < word);
            for (i, t) in
                self.tokens[start..].iter().enumerate().take_while(|(_, t)| t.starts_with(word)).take(PREFIX_TOKENS)
            {
                let id = (start + i) as u32;
                if entries.len() >= budget {
                    break;
                }
                if &**t != word {
                    tokens.insert(id, (How::Prefix, 0));
                    let room = budget - entries.len();
                    entries.extend(self.postings[id as usize].iter().take(room));
                }
            }
        }
        let len = word.chars().count();
        let max = typos_allowed(len);
        if max > 0 {
            let mask = letter_mask(word);
            let top = (len + max).min(self.by_length.len().saturating_sub(1));
            for l in len.saturating_sub(max)..=top {
                for &id in &self.by_length[l] {
                    if (mask ^ self.letter_masks[id as usize]).count_ones() as usize > 2 * max
                        || tokens.contains_key(&id)
                    {
                        continue;
                    }
                    if let Some(d) = within(word, &self.tokens[id as usize], max) {
                        tokens.insert(id, (How::Typo, d as u8));
                        entries.extend(self.postings[id as usize].iter().take(MAX_CANDIDATES));
                    }
                }
            }
        }
        entries.sort_unstable();
        entries.dedup();
        WordHits { tokens, joined, entries }
    }
}
