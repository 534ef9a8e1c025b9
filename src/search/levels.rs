//! Level words ("senior", "junior", "lead", "entry level"): they say how far along someone is,
//! not which job they do. The list is `content/search/levels.toml`; a query's level words are
//! taken out when no real title holds them, the rest is searched as the title, and the level is
//! carried to each result with what it means for that result's assessment.

use super::normalise::words;
use serde::Serialize;

/// The level a query named, carried to a result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Level {
    /// The level as the list names it ("senior", "entry-level").
    pub word: String,
    /// What the result's score means for that level, in a sentence.
    pub note: String,
}

/// Level phrases, longest first so "entry level" is taken before "entry".
#[derive(Default)]
pub struct Levels {
    phrases: Vec<(Vec<String>, String)>,
}

impl Levels {
    /// `list`: (phrase as typed, the level it names).
    pub fn new(list: &[(String, String)]) -> Levels {
        let mut phrases: Vec<(Vec<String>, String)> =
            list.iter().map(|(from, to)| (words(from), to.clone())).filter(|(w, _)| !w.is_empty()).collect();
        phrases.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        Levels { phrases }
    }

    /// The first level a query names and the query's words without any level phrase; None when
    /// it names none, or nothing but levels ("senior" alone is searched as typed).
    pub fn strip(&self, query: &[String]) -> Option<(String, Vec<String>)> {
        let (mut rest, mut first): (Vec<String>, Option<(usize, &str)>) = (Vec::new(), None);
        let mut i = 0;
        'words: while i < query.len() {
            for (phrase, level) in &self.phrases {
                if query[i..].starts_with(phrase) {
                    first = first.or(Some((i, level.as_str())));
                    i += phrase.len();
                    continue 'words;
                }
            }
            rest.push(query[i].clone());
            i += 1;
        }
        let (_, level) = first?;
        (!rest.is_empty()).then(|| (level.to_string(), rest))
    }
}

/// What a level means for a result: an occupation's estimate covers every level; an editor role
/// is assessed at one seniority, which may not be the one asked for. None when the role is
/// assessed at that very level.
pub fn note(level: &str, role_seniority: Option<&str>) -> Option<Level> {
    let note = match role_seniority {
        Some(s) if words(s) == words(level) => return None,
        Some(s) => format!("No {level}-specific assessment: this role is assessed at {s}."),
        None => format!("No {level}-specific assessment: this estimate covers all levels."),
    };
    Some(Level { word: level.to_string(), note })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels() -> Levels {
        Levels::new(&[
            ("senior".into(), "senior".into()),
            ("entry".into(), "entry-level".into()),
            ("entry level".into(), "entry-level".into()),
            ("lead".into(), "lead".into()),
        ])
    }

    #[test]
    fn a_level_phrase_is_taken_out_wherever_it_stands_longest_first() {
        let l = levels();
        assert_eq!(l.strip(&words("senior accountant")), Some(("senior".into(), words("accountant"))));
        assert_eq!(l.strip(&words("Entry-Level data analyst")), Some(("entry-level".into(), words("data analyst"))));
        assert_eq!(l.strip(&words("electrician lead")), Some(("lead".into(), words("electrician"))));
        assert_eq!(l.strip(&words("senior lead cook")), Some(("senior".into(), words("cook"))));
    }

    #[test]
    fn a_query_of_only_levels_or_none_is_left_alone() {
        let l = levels();
        assert_eq!(l.strip(&words("senior")), None);
        assert_eq!(l.strip(&words("registered nurse")), None);
        assert_eq!(l.strip(&words("seniority analyst")), None, "whole words only");
    }

    #[test]
    fn the_note_says_what_the_score_covers() {
        let n = note("senior", None).expect("an occupation always gets a note");
        assert_eq!(n.note, "No senior-specific assessment: this estimate covers all levels.");
        assert_eq!(note("junior", Some("Junior")), None, "a role at that level needs no note");
        let n = note("senior", Some("Mid-Level")).expect("a role at another level");
        assert!(n.note.contains("Mid-Level"), "{}", n.note);
    }
}
