//! Search by what the work is ("I fix cars"), for queries no title matches in full. The query's
//! words, less the stop words and widened by the everyday vocabulary of
//! `content/search/describe.toml` (fix -> repair, cars -> automobiles), become an FTS5 query over
//! the catalogue's index of O*NET task statements, detailed work activities and occupation
//! descriptions (porter stemming). The catalogue runs it; this module writes the query and ranks
//! the rows it returns into occupations, each with the text it matched as the reason.

use super::normalise::words;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::{Deserialize, Serialize};

/// Which text of an occupation a description matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkKind {
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
            WorkKind::Task => "task",
            WorkKind::Activity => "activity",
            WorkKind::Description => "description",
        }
    }

    pub fn parse(s: &str) -> Option<WorkKind> {
        [WorkKind::Task, WorkKind::Activity, WorkKind::Description].into_iter().find(|k| k.as_str() == s)
    }
}

/// One row the full-text index returned.
#[derive(Debug, Clone)]
pub struct WorkRow {
    /// O*NET-SOC code of the occupation the text belongs to.
    pub code: String,
    pub kind: WorkKind,
    pub text: String,
    /// FTS5's bm25 rank: lower (more negative) is a better match.
    pub rank: f64,
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
/// Rows read from the index per description; enough for every occupation that can reach a page.
pub const ROWS: usize = 300;

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

    /// FTS5 queries for a description, strictest first: every term in one text, then any term.
    /// None when nothing but stop words is left. Terms are quoted, so no query syntax gets through.
    pub fn fts_queries(&self, query: &str) -> Option<[String; 2]> {
        let terms = self.terms(query);
        if terms.is_empty() {
            return None;
        }
        let group = |t: &Vec<String>| {
            let alternatives: Vec<String> = t.iter().map(|w| format!("\"{}\"", w.replace('"', ""))).collect();
            format!("({})", alternatives.join(" OR "))
        };
        let groups: Vec<String> = terms.iter().map(group).collect();
        Some([groups.join(" AND "), groups.join(" OR ")])
    }
}

/// How much each kind of text counts: a task statement or activity says what the work is; a
/// description also says what it is not, so it weighs a little less.
fn weight(kind: WorkKind) -> f64 {
    match kind {
        WorkKind::Task | WorkKind::Activity => 1.0,
        WorkKind::Description => 0.8,
    }
}

/// Occupations by how well their texts match, best first, each with its best row: the best
/// row's strength, plus a third of the second's and a sixth of the third's (an occupation whose
/// work matches in several statements is likelier), plus `prior_weight` for every tenfold of
/// the people it employs (`prior` by code), which decides between near-equal matches.
pub fn rank_rows(rows: Vec<WorkRow>, prior: impl Fn(&str) -> u64, prior_weight: f64) -> Vec<WorkRow> {
    let mut by_code: HashMap<String, Vec<(f64, WorkRow)>> = HashMap::default();
    for row in rows {
        let strength = -row.rank * weight(row.kind);
        by_code.entry(row.code.clone()).or_default().push((strength, row));
    }
    let mut ranked: Vec<(f64, WorkRow)> = by_code
        .into_values()
        .filter_map(|mut list| {
            list.sort_by(|a, b| b.0.total_cmp(&a.0));
            let strength: f64 = list.iter().take(3).zip([1.0, 1.0 / 3.0, 1.0 / 6.0]).map(|((s, _), w)| s * w).sum();
            let (_, best) = list.into_iter().next()?;
            let people = prior(&best.code) as f64;
            Some((strength + prior_weight * (people + 1.0).log10(), best))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.code.cmp(&b.1.code)));
    ranked.into_iter().map(|(_, row)| row).collect()
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
        let [all, any] = vocabulary().fts_queries("I fix cars").expect("two terms");
        assert_eq!(all, "(\"fix\" OR \"repair\") AND (\"car\" OR \"automobile\" OR \"vehicle\")");
        assert_eq!(any, "(\"fix\" OR \"repair\") OR (\"car\" OR \"automobile\" OR \"vehicle\")");
        let [all, _] = vocabulary().fts_queries("I teach high school").expect("two terms");
        assert_eq!(all, "(\"teach\") AND (\"high school\" OR \"secondary school\")");
        assert_eq!(vocabulary().fts_queries("I work at"), None);
    }

    #[test]
    fn query_syntax_is_quoted_away() {
        let [all, _] = vocabulary().fts_queries("NEAR(\"x\" * OR)").expect("terms");
        assert_eq!(all, "(\"near\") AND (\"x\") AND (\"or\")");
    }

    #[test]
    fn occupations_rank_by_their_best_texts_then_by_employment() {
        let row = |code: &str, rank: f64| WorkRow { code: code.into(), kind: WorkKind::Task, text: code.into(), rank };
        let rows = vec![row("a", -10.0), row("b", -9.0), row("b", -8.0), row("b", -8.0), row("c", -10.0)];
        let ranked: Vec<String> = rank_rows(rows.clone(), |_| 0, 1.0).into_iter().map(|r| r.code).collect();
        assert_eq!(ranked, ["b", "a", "c"], "three good statements beat one slightly better");
        let prior = |c: &str| if c == "c" { 1_000_000 } else { 10 };
        let ranked: Vec<String> = rank_rows(rows, prior, 1.0).into_iter().map(|r| r.code).collect();
        assert_eq!(ranked[0], "c", "employment decides between near-equal matches");
    }
}
