//! Builds the index: interns every word once, then sorts the tokens so prefixes are ranges.

use super::describe::{DescribeLists, Vocabulary};
use super::levels::Levels;
use super::normalise::{joined_pairs, letter_mask, words};
use super::{Entry, Index, MatchKind, Target, TargetMeta};
use rustc_hash::FxHashMap as HashMap;

pub struct IndexBuilder {
    index: Index,
    /// Token -> provisional id (order of first sight); `finish` renumbers them sorted.
    ids: HashMap<String, u32>,
    tokens: Vec<String>,
    postings: Vec<Vec<u32>>,
    joined: HashMap<String, Vec<u32>>,
}

impl IndexBuilder {
    pub fn new(synonyms: &[(String, String)]) -> Self {
        let mut index = Index::default();
        for (from, to) in synonyms {
            index.synonyms.insert(words(from).join(" "), words(to));
        }
        IndexBuilder {
            index,
            ids: HashMap::default(),
            tokens: Vec::new(),
            postings: Vec::new(),
            joined: HashMap::default(),
        }
    }

    /// Adds the level words (phrase as typed, the level it names) and the description vocabulary.
    pub fn lists(mut self, levels: &[(String, String)], describe: &DescribeLists) -> Self {
        self.index.levels = Levels::new(levels);
        self.index.vocabulary = Vocabulary::new(describe);
        self
    }

    fn intern(&mut self, token: String) -> u32 {
        if let Some(&id) = self.ids.get(&token) {
            return id;
        }
        let id = self.tokens.len() as u32;
        self.tokens.push(token.clone());
        self.postings.push(Vec::new());
        self.ids.insert(token, id);
        id
    }

    /// Appends token ids to the shared word list and returns their range (at most 32 words).
    fn push_words(&mut self, w: Vec<String>) -> (u32, u8) {
        let start = self.index.words.len() as u32;
        let mut n = 0u8;
        for t in w.into_iter().take(32) {
            let id = self.intern(t);
            self.index.words.push(id);
            n += 1;
        }
        (start, n)
    }

    /// Adds a target. `seniority` words (e.g. "Mid-Level") match it without being its title;
    /// `prior` is the employment behind it, which breaks ties between near-equal matches.
    pub fn target(&mut self, target: Target, seniority: Option<&str>, prior: u64) -> u32 {
        let id = self.index.targets.len() as u32;
        let title = self.push_words(words(target.title.split(" (").next().unwrap_or_default()));
        let extras = match seniority {
            Some(s) => {
                let mut w = words(s);
                // "Mid-Level" is typed "mid", "Entry-Level" "entry"; both also as one word.
                w.extend(joined_pairs(&w));
                self.push_words(w)
            }
            None => (self.index.words.len() as u32, 0),
        };
        if let Some(code) = target.url.strip_prefix("/occupations/") {
            self.index.by_code.insert(code.into(), id);
        }
        self.index.targets.push(target);
        let seniority = seniority.map(Into::into);
        self.index.meta.push(TargetMeta { prior, title, extras, seniority });
        id
    }

    /// Adds a name of `target`. "Long Form (Short)" also matches as "Long Form" and as "Short".
    pub fn entry(&mut self, target: u32, text: &str, kind: MatchKind, sources: u8) {
        let text_id = self.index.texts.len() as u32;
        self.index.texts.push(text.into());
        match split_parenthesis(text) {
            Some((outside, inside)) => {
                self.form(target, text_id, &outside, kind, sources);
                self.form(target, text_id, inside, kind, sources);
            }
            None => self.form(target, text_id, text, kind, sources),
        }
    }

    fn form(&mut self, target: u32, text: u32, form: &str, kind: MatchKind, sources: u8) {
        let w = words(form);
        if w.is_empty() {
            return;
        }
        let id = self.index.entries.len() as u32;
        for p in joined_pairs(&w) {
            let list = self.joined.entry(p).or_default();
            if list.last() != Some(&id) {
                list.push(id);
            }
        }
        let (start, len) = self.push_words(w);
        let (es, el) = self.index.meta[target as usize].extras;
        let mut ids: Vec<u32> = self.index.words[start as usize..(start + u32::from(len)) as usize].to_vec();
        ids.extend_from_slice(&self.index.words[es as usize..(es + u32::from(el)) as usize]);
        ids.sort_unstable();
        ids.dedup();
        for t in ids {
            self.postings[t as usize].push(id);
        }
        self.index.entries.push(Entry { target, text, kind, sources, start, len });
    }

    pub fn finish(mut self) -> Index {
        // Renumber tokens in sorted order, so a prefix is a contiguous range of ids.
        let mut order: Vec<u32> = (0..self.tokens.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| self.tokens[a as usize].cmp(&self.tokens[b as usize]));
        let mut new_id = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_id[old as usize] = new as u32;
        }
        for w in &mut self.index.words {
            *w = new_id[*w as usize];
        }
        let mut postings: Vec<Vec<u32>> = Vec::with_capacity(order.len());
        let mut tokens: Vec<Box<str>> = Vec::with_capacity(order.len());
        for &old in &order {
            postings.push(std::mem::take(&mut self.postings[old as usize]));
            tokens.push(std::mem::take(&mut self.tokens[old as usize]).into_boxed_str());
        }
        let index = &mut self.index;
        postings.iter_mut().for_each(Vec::shrink_to_fit);
        for (i, t) in tokens.iter().enumerate() {
            let len = t.chars().count();
            if index.by_length.len() <= len {
                index.by_length.resize(len + 1, Vec::new());
            }
            index.by_length[len].push(i as u32);
        }
        index.letter_masks = tokens.iter().map(|t| letter_mask(t)).collect();
        index.token_ids = tokens.iter().enumerate().map(|(i, t)| (t.clone(), i as u32)).collect();
        index.tokens = tokens;
        index.postings = postings;
        index.joined = self.joined.into_iter().map(|(k, v)| (k.into_boxed_str(), v)).collect();
        index.words.shrink_to_fit();
        index.entries.shrink_to_fit();
        self.index
    }
}

/// "Certified Nurse Aide (CNA)" -> ("Certified Nurse Aide", "CNA"); None without one
/// parenthesised part.
fn split_parenthesis(text: &str) -> Option<(String, &str)> {
    let open = text.find('(')?;
    let close = open + text[open..].find(')')?;
    if text[close + 1..].contains('(') {
        return None;
    }
    let inside = &text[open + 1..close];
    let outside = format!("{} {}", &text[..open], &text[close + 1..]);
    (!inside.trim().is_empty() && !outside.trim().is_empty()).then_some((outside, inside))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parenthesised_part_is_split_off() {
        assert_eq!(split_parenthesis("Certified Nurse Aide (CNA)"), Some(("Certified Nurse Aide  ".into(), "CNA")));
        assert_eq!(split_parenthesis("Nurse"), None);
        assert_eq!(split_parenthesis("(A) b (C)"), None);
    }
}
