//! The editable word lists search reads beside the synonyms: level words
//! (`content/search/levels.toml`) and the description vocabulary (`content/search/describe.toml`).
//! Every entry must normalise to words; a bad one is reported with its file and line.

use super::Problem;
use super::front_matter::line_of;
use crate::search::{DescribeLists, words};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use toml::Spanned;

pub const LEVELS: &str = "search/levels.toml";
pub const DESCRIBE: &str = "search/describe.toml";

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LevelsFile {
    levels: BTreeMap<Spanned<String>, Spanned<String>>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DescribeFile {
    stop: Vec<Spanned<String>>,
    words: BTreeMap<Spanned<String>, Spanned<Vec<Spanned<String>>>>,
}

/// Reads and parses one list file; a missing file or a TOML error is a problem at its line.
fn parse<T: serde::de::DeserializeOwned>(dir: &Path, file: &str, problems: &mut Vec<Problem>) -> Option<(T, String)> {
    let path = dir.join(file);
    let Ok(text) = fs::read_to_string(&path) else {
        problems.push(Problem::new(&path, 1, format!("cannot read this search list; create content/{file}")));
        return None;
    };
    match toml::from_str::<T>(&text) {
        Ok(parsed) => Some((parsed, text)),
        Err(e) => {
            let line = e.span().map_or(1, |s| line_of(&text, s.start));
            problems.push(Problem::new(&path, line, e.message().trim()));
            None
        }
    }
}

/// Reports `value` when it has no words (only punctuation or nothing), at its line.
fn has_words(path: &Path, text: &str, value: &Spanned<String>, what: &str, problems: &mut Vec<Problem>) -> bool {
    let ok = !words(value.get_ref()).is_empty();
    if !ok {
        let message = format!("{what} \"{}\" has no words; write letters or digits, or remove it", value.get_ref());
        problems.push(Problem::new(path, line_of(text, value.span().start), message));
    }
    ok
}

/// (phrase as typed, the level it names), in file order of the phrases.
pub fn read_levels(dir: &Path, problems: &mut Vec<Problem>) -> Vec<(String, String)> {
    let Some((file, text)) = parse::<LevelsFile>(dir, LEVELS, problems) else { return Vec::new() };
    let path = dir.join(LEVELS);
    let mut out = Vec::new();
    for (from, to) in file.levels {
        let ok = has_words(&path, &text, &from, "level word", problems);
        if has_words(&path, &text, &to, "level name", problems) && ok {
            out.push((from.into_inner(), to.into_inner()));
        }
    }
    out
}

/// The stop words and the everyday vocabulary for descriptions of the work.
pub fn read_describe(dir: &Path, problems: &mut Vec<Problem>) -> DescribeLists {
    let Some((file, text)) = parse::<DescribeFile>(dir, DESCRIBE, problems) else { return DescribeLists::default() };
    let path = dir.join(DESCRIBE);
    let stop = file
        .stop
        .into_iter()
        .filter(|s| has_words(&path, &text, s, "stop word", problems))
        .map(Spanned::into_inner)
        .collect();
    let mut list = Vec::new();
    for (from, to) in file.words {
        if words(from.get_ref()).len() > 2 {
            let message = format!(
                "\"{}\" is more than two words; the vocabulary maps a word or a two-word phrase",
                from.get_ref()
            );
            problems.push(Problem::new(&path, line_of(&text, from.span().start), message));
            continue;
        }
        if to.get_ref().is_empty() {
            let message =
                format!("\"{}\" lists no words; add the words O*NET uses for it, or remove the line", from.get_ref());
            problems.push(Problem::new(&path, line_of(&text, to.span().start), message));
            continue;
        }
        let ok = has_words(&path, &text, &from, "word", problems);
        let alternatives: Vec<Spanned<String>> = to.into_inner();
        // Every alternative is checked, so each bad one is reported.
        let bad = alternatives.iter().filter(|a| !has_words(&path, &text, a, "word", problems)).count();
        if ok && bad == 0 {
            list.push((from.into_inner(), alternatives.into_iter().map(Spanned::into_inner).collect()));
        }
    }
    DescribeLists { stop, words: list }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir_with(file: &str, text: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::create_dir_all(dir.path().join("search")).expect("search dir");
        fs::write(dir.path().join(file), text).expect("write");
        dir
    }

    #[test]
    fn the_shipped_lists_are_valid() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let mut problems = Vec::new();
        let levels = read_levels(&dir, &mut problems);
        let describe = read_describe(&dir, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(levels.iter().any(|(from, to)| from == "senior" && to == "senior"), "{levels:?}");
        assert!(describe.stop.iter().any(|s| s == "i") && describe.words.iter().any(|(w, _)| w == "fix"));
    }

    #[test]
    fn a_bad_level_or_word_is_reported_at_its_line() {
        let dir = dir_with(LEVELS, "[levels]\nsenior = \"senior\"\n\"--\" = \"x\"\n");
        let mut problems = Vec::new();
        assert_eq!(read_levels(dir.path(), &mut problems), [("senior".to_string(), "senior".to_string())]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 3, "{}", problems[0]);
        assert!(problems[0].to_string().contains("has no words"), "{}", problems[0]);

        let dir = dir_with(DESCRIBE, "stop = [\"i\"]\n[words]\nfix = [\"repair\"]\ncars = []\n\"a b c\" = [\"d\"]\n");
        let mut problems = Vec::new();
        let lists = read_describe(dir.path(), &mut problems);
        assert_eq!(lists.words, [("fix".to_string(), vec!["repair".to_string()])]);
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [5, 4], "{problems:?}");
    }

    #[test]
    fn a_missing_list_or_unknown_key_is_a_problem() {
        let dir = dir_with(LEVELS, "[levels]\nsenior = \"senior\"\n[other]\n");
        let mut problems = Vec::new();
        read_levels(dir.path(), &mut problems);
        read_describe(dir.path(), &mut problems);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[1].to_string().contains("create content/search/describe.toml"), "{}", problems[1]);
    }
}
