//! Search by what the work is ("I fix cars"), for queries no title matches in full. The query's
//! words, less the stop words and widened by the everyday vocabulary of
//! `content/search/describe.toml` (fix -> repair, cars -> automobiles), become an FTS5 query over
//! the catalogue's full-text index (porter stemming) of each occupation's O*NET titles,
//! description, task statements and detailed work activities ([`WorkIndex`]). The catalogue runs
//! it twice: over one document per occupation, which ranks occupations (bm25, titles weighing
//! most), and over the single texts of the leading occupations, whose best match is the reason
//! shown. This module writes the query and combines the two answers.

use super::normalise::words;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::{Deserialize, Serialize};

/// Which text of an occupation a description matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkKind {
    /// One of the occupation's titles (its own or an O*NET lay title).
    Title,
    /// An O*NET task statement.
    Task,
    /// An O*NET detailed work activity.
    Activity,
    /// The occupation's O*NET description.
    Description,
}

impl WorkKind {
    pub fn as_str(self) -> &'static str {
        match self {
            WorkKind::Title => "title",
            WorkKind::Task => "task",
            WorkKind::Activity => "activity",
            WorkKind::Description => "description",
        }
    }

    pub fn parse(s: &str) -> Option<WorkKind> {
        [WorkKind::Title, WorkKind::Task, WorkKind::Activity, WorkKind::Description]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// One text the full-text index matched.
#[derive(Debug, Clone)]
pub struct WorkRow {
    /// O*NET-SOC code of the occupation the text belongs to.
    pub code: String,
    pub kind: WorkKind,
    /// Which text: its row in the index, to read it by once it is shown ([`WorkIndex::texts`]).
    pub row: i64,
    /// FTS5's bm25 rank: lower (more negative) is a better match.
    pub rank: f64,
}

/// The full-text index of what each occupation's work is (the catalogue's, in SQL).
pub trait WorkIndex {
    type Error;
    /// Whether some single text holds the terms together (see [`DescribeQuery::together`]).
    fn together(&self, query: &DescribeQuery) -> Result<bool, Self::Error>;
    /// The occupations whose texts match any of the terms, and their texts that match.
    fn matches(&self, query: &DescribeQuery) -> Result<WorkMatches, Self::Error>;
    /// The texts of `rows`, in order.
    fn texts(&self, rows: &[i64]) -> Result<Vec<String>, Self::Error>;
}

/// What the full-text index returned for one query.
#[derive(Debug, Clone, Default)]
pub struct WorkMatches {
    /// (code, bm25 rank of the occupation's whole document), best first.
    pub occupations: Vec<(String, f64)>,
    /// The best single texts of those occupations, best first, at most [`TEXTS`].
    pub texts: Vec<WorkRow>,
}

/// The stop words and everyday words of `content/search/describe.toml`, as the build stored them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeLists {
    /// Words that say nothing about the work ("I", "work", "at").
    pub stop: Vec<String>,
    /// (everyday word or two-word phrase, the words O*NET uses for it).
    pub words: Vec<(String, Vec<String>)>,
}

/// The description vocabulary, ready to rewrite queries.
#[derive(Default)]
pub struct Vocabulary {
    stop: HashSet<String>,
    /// Normalised phrase (words joined by a space) -> normalised alternatives.
    words: HashMap<String, Vec<String>>,
}

/// Most words of a description we use.
const MAX_TERMS: usize = 8;
/// Occupations read from the index per description: far more than a page shows.
pub const OCCUPATIONS: usize = 100;
/// Single texts read per description, for reasons and to back up the occupation ranking.
pub const TEXTS: usize = 300;
/// bm25 column weights of the occupation document: titles, description, tasks, activities. A
/// title is how people name the work; the description sums it up; tasks and activities detail it.
pub const COLUMN_WEIGHTS: [f64; 4] = [3.0, 2.0, 1.0, 1.0];
/// Weight of the occupation's best single text beside its whole document: a text that holds
/// several of the query's words together ("Wash dishes ...") is good evidence, but one text of
/// a long list says less about the job than the whole of it.
const TEXT_WEIGHT: f64 = 0.5;
/// Points for every tenfold of employment: about a tenth of a good match, so the people an
/// occupation employs decide only between near-equal matches.
const PRIOR_WEIGHT: f64 = 1.5;

impl Vocabulary {
    pub fn new(lists: &DescribeLists) -> Vocabulary {
        Vocabulary {
            stop: lists.stop.iter().flat_map(|w| words(w)).collect(),
            words: lists
                .words
                .iter()
                .map(|(from, to)| (words(from).join(" "), to.iter().map(|t| words(t).join(" ")).collect()))
                .collect(),
        }
    }

    /// The query's terms, each with the words that stand for it: "I fix cars" -> [[fix, repair],
    /// [car, automobile, vehicle]]. Two-word phrases in the vocabulary are taken whole.
    fn terms(&self, query: &str) -> Vec<Vec<String>> {
        let w: Vec<String> = words(query).into_iter().filter(|w| !self.stop.contains(w)).collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < w.len() && out.len() < MAX_TERMS {
            let pair = w.get(i + 1).map(|next| format!("{} {next}", w[i]));
            if let Some((p, to)) = pair.and_then(|p| self.words.get(&p).map(|to| (p, to))) {
                out.push(std::iter::once(p).chain(to.iter().cloned()).collect());
                i += 2;
            } else {
                let to = self.words.get(&w[i]).cloned().unwrap_or_default();
                out.push(std::iter::once(w[i].clone()).chain(to).collect());
                i += 1;
            }
        }
        out
    }

    /// The FTS5 queries for a description; None when nothing but stop words is left. Terms are
    /// quoted, so no query syntax gets through.
    pub fn fts_query(&self, query: &str) -> Option<DescribeQuery> {
        let terms = self.terms(query);
        let group = |t: &Vec<String>| {
            let alternatives: Vec<String> = t.iter().map(|w| format!("\"{}\"", w.replace('"', ""))).collect();
            format!("({})", alternatives.join(" OR "))
        };
        let groups: Vec<String> = terms.iter().map(group).collect();
        let together = if groups.len() <= 2 {
            groups.join(" AND ")
        } else {
            let all_but = |skip: usize| {
                let kept: Vec<&str> =
                    groups.iter().enumerate().filter(|(i, _)| *i != skip).map(|(_, g)| g.as_str()).collect();
                format!("({})", kept.join(" AND "))
            };
            (0..groups.len()).map(all_but).collect::<Vec<_>>().join(" OR ")
        };
        // "I", "my", "work", "at": words a title has no use for say this is a sentence.
        let sentence = words(query).iter().any(|w| self.stop.contains(w) && !super::rank::is_stop_word(w));
        (!groups.is_empty()).then(|| DescribeQuery { any: groups.join(" OR "), together, sentence })
    }
}

/// The FTS5 queries for one description.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeQuery {
    /// Any of its terms, each with its alternatives: bm25 ranks texts holding more of them first.
    pub any: String,
    /// Every term in one text (all but one, from three terms on): whether the words read as one
    /// description of some work, or as a title with a word no title holds ("lien cook").
    pub together: String,
    /// The query has words only sentences use ("I", "my", "work"): it describes the work.
    pub sentence: bool,
}

/// Occupations best first, each with the text that shows why: its document's strength, plus
/// [`TEXT_WEIGHT`] times its best single text's, plus [`PRIOR_WEIGHT`] for every tenfold of
/// the people it employs (`prior` by code). One without any matching text among those read is
/// left out: it could not say why it matched.
pub fn rank(matches: WorkMatches, prior: impl Fn(&str) -> u64) -> Vec<WorkRow> {
    // Per code: the best text of any kind (it scores), and the best that is not a title (it is
    // the reason shown when there is one: a task says more about "I teach" than a title does).
    let mut best: HashMap<&str, (&WorkRow, Option<&WorkRow>)> = HashMap::default();
    for row in &matches.texts {
        let slot = best.entry(row.code.as_str()).or_insert((row, None));
        if row.kind != WorkKind::Title && slot.1.is_none() {
            slot.1 = Some(row);
        }
    }
    let mut ranked: Vec<(f64, &WorkRow)> = matches
        .occupations
        .iter()
        .filter_map(|(code, rank)| {
            let (top, work) = best.get(code.as_str())?;
            let people = prior(code) as f64;
            let text = work.map_or(0.0, |w| w.rank);
            Some((-rank - TEXT_WEIGHT * text + PRIOR_WEIGHT * (people + 1.0).log10(), work.unwrap_or(top)))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.code.cmp(&b.1.code)));
    ranked.into_iter().map(|(_, row)| row.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> Vocabulary {
        Vocabulary::new(&DescribeLists {
            stop: vec!["I".into(), "at".into(), "work".into()],
            words: vec![
                ("fix".into(), vec!["repair".into()]),
                ("cars".into(), vec!["automobiles".into(), "vehicles".into()]),
                ("high school".into(), vec!["secondary school".into()]),
            ],
        })
    }

    #[test]
    fn stop_words_go_and_everyday_words_widen() {
        let q = vocabulary().fts_query("I fix cars").expect("two terms");
        assert_eq!(q.any, "(\"fix\" OR \"repair\") OR (\"car\" OR \"automobile\" OR \"vehicle\")");
        assert_eq!(q.together, "(\"fix\" OR \"repair\") AND (\"car\" OR \"automobile\" OR \"vehicle\")");
        assert!(q.sentence, "\"I\" is no part of a title");
        assert!(!vocabulary().fts_query("lien cook").expect("two terms").sentence);
        let q = vocabulary().fts_query("I teach high school").expect("two terms");
        assert_eq!(q.any, "(\"teach\") OR (\"high school\" OR \"secondary school\")");
        assert_eq!(vocabulary().fts_query("I work at"), None);
    }

    #[test]
    fn from_three_terms_together_means_all_but_one() {
        let q = vocabulary().fts_query("wash dirty dishes").expect("three terms");
        assert_eq!(
            q.together,
            "((\"dirty\") AND (\"dish\")) OR ((\"wash\") AND (\"dish\")) OR ((\"wash\") AND (\"dirty\"))"
        );
    }

    #[test]
    fn query_syntax_is_quoted_away() {
        let q = vocabulary().fts_query("NEAR(\"x\" * OR)").expect("terms");
        assert_eq!(q.any, "(\"near\") OR (\"x\") OR (\"or\")");
    }

    #[test]
    fn occupations_rank_by_document_then_best_text_then_employment() {
        let row = |code: &str, rank: f64| WorkRow { code: code.into(), kind: WorkKind::Task, row: 0, rank };
        let matches = WorkMatches {
            occupations: vec![("a".into(), -10.0), ("b".into(), -10.0), ("c".into(), -9.0), ("d".into(), -20.0)],
            texts: vec![row("b", -8.0), row("a", -4.0), row("c", -4.0), row("b", -1.0)],
        };
        let codes = |m: WorkMatches, p: &dyn Fn(&str) -> u64| -> Vec<String> {
            rank(m, p).into_iter().map(|r| r.code).collect()
        };
        assert_eq!(codes(matches.clone(), &|_| 0), ["b", "a", "c"], "d has no text to show why");
        let prior = |c: &str| if c == "c" { 1_000_000 } else { 0 };
        assert_eq!(codes(matches, &prior)[0], "c", "employment decides between near-equal matches");
    }
}
