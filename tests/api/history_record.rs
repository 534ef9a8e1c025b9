//! The score history in content/history.tsv: recording appends one row per change and nothing
//! the second time; a malformed row or an unknown key is refused at file:line, and a refused
//! build leaves the catalogue it would have replaced untouched; the committed history is
//! current, and every assessment has one naming its methodology version.

use crate::helpers::{content_dir, copy_content};
use jobzone::build::{self, BuildError};
use jobzone::catalogue::{Catalogue, history, read};
use std::fs;
use std::path::Path;

fn history_lines(content: &Path) -> Vec<String> {
    fs::read_to_string(content.join("history.tsv")).expect("history").lines().map(String::from).collect()
}

/// Where the digit of the first task's score is in a role file.
fn first_task_score(text: &str) -> usize {
    let task = text.find("[[tasks]]").expect("a task");
    task + text[task..].find("\nscore = ").expect("a task score") + "\nscore = ".len()
}

/// Changes the first task score of the junior role by one and adds a revision saying so.
fn revise_junior_role(content: &Path, note: &str) {
    let file = content.join("roles/junior-software-developer.md");
    let text = fs::read_to_string(&file).expect("role file");
    let at = first_task_score(&text);
    let old: i64 = text[at..at + 1].parse().expect("one digit");
    let new = if old > 1 { old - 1 } else { old + 1 };
    let text = format!("{}{new}{}", &text[..at], &text[at + 1..]);
    let close = text[3..].find("\n+++\n").map(|i| i + 3).expect("closing +++");
    let added = format!("\n[[revisions]]\ndate = 2026-12-01\nnote = \"{note}\"\n");
    fs::write(&file, format!("{}\n{added}{}", &text[..close], &text[close..])).expect("write role");
}

#[test]
fn the_committed_history_is_current_recording_it_adds_nothing() {
    let dir = copy_content();
    let content = dir.path().join("content");
    let before = history_lines(&content);
    let added = build::record_history(&content, "2026-12-01").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(added, 0, "content/history.tsv is behind the content; run `jobzone history record`");
    assert_eq!(history_lines(&content), before);
}

#[test]
fn recording_a_changed_score_twice_adds_one_row_with_the_editors_reason() {
    let dir = copy_content();
    let content = dir.path().join("content");
    revise_junior_role(&content, "Task scores reviewed against new code-generation benchmarks.");
    let before = history_lines(&content);
    assert_eq!(build::record_history(&content, "2026-12-05").unwrap_or_else(|e| panic!("{e}")), 1);
    assert_eq!(build::record_history(&content, "2026-12-06").unwrap_or_else(|e| panic!("{e}")), 0);
    let after = history_lines(&content);
    assert_eq!(after.len(), before.len() + 1, "one row, once");
    assert_eq!(after[..before.len()], before[..], "rows are only appended");
    let row: Vec<&str> = after[after.len() - 1].split('\t').collect();
    assert_eq!(row[0], "2026-12-01", "dated by the revision");
    assert_eq!(row[1], "junior-software-developer");
    assert_eq!(row[4], "1.1");
    assert_eq!(row[5], "editor review 2026-12-01");
    assert_eq!(row[6], "Task scores reviewed against new code-generation benchmarks.");
    let input = build::check(&content).unwrap_or_else(|p| panic!("{p}"));
    let role = input.roles.iter().find(|r| r.key.id() == "junior-software-developer").expect("role");
    assert_eq!(row[2], format!("{:.1}", role.card.score), "the new score");
}

#[test]
fn a_changed_score_without_a_new_revision_is_refused_with_how_to_fix_it() {
    let dir = copy_content();
    let content = dir.path().join("content");
    let file = content.join("roles/junior-software-developer.md");
    let text = fs::read_to_string(&file).expect("role file");
    let at = first_task_score(&text);
    let new = if &text[at..at + 1] == "1" { "2" } else { "1" };
    fs::write(&file, format!("{}{new}{}", &text[..at], &text[at + 1..])).expect("write role");
    let before = history_lines(&content);
    match build::record_history(&content, "2026-12-05") {
        Err(BuildError::Invalid(p)) => assert!(p.to_string().contains("add a [[revisions]] entry"), "{p}"),
        other => panic!("expected a refusal, got {:?}", other.map_err(|e| e.to_string())),
    }
    assert_eq!(history_lines(&content), before, "nothing appended");
}

/// `check` and `build` name the file and line of each bad row; the live catalogue survives.
#[test]
fn malformed_rows_and_unknown_keys_are_refused_at_file_and_line_and_the_catalogue_is_kept() {
    let dir = copy_content();
    let content = dir.path().join("content");
    let catalogue = dir.path().join("catalogue.db");
    build::build(&content, &catalogue).unwrap_or_else(|e| panic!("{e}"));
    let good = fs::read(&catalogue).expect("catalogue");
    let n = history_lines(&content).len();
    let bad = [
        "2026-12-01\tjunior-software-developer\tforty\tred\t1.1\td\tr",
        "2026-12-01\tno-such-role\t12.0\tred\t1.1\td\tr",
        "2026-12-01\t99-9999.99\t12.0\tred\t1.1\td\tr",
        "2026-12-01\tjunior-software-developer\t12.0\tred\t9.9\td\tr",
        "2026-12-01\tjunior-software-developer\t12.0\tred\t1.1\td",
    ];
    let mut text = fs::read_to_string(content.join("history.tsv")).expect("history");
    for line in bad {
        text.push_str(line);
        text.push('\n');
    }
    fs::write(content.join("history.tsv"), text).expect("write history");
    let problems = match build::check(&content) {
        Err(p) => p.0,
        Ok(_) => panic!("a malformed history passed check"),
    };
    let places: Vec<String> = problems
        .iter()
        .map(|p| format!("{}:{}", p.path.file_name().unwrap_or_default().to_string_lossy(), p.line))
        .collect();
    let expected: Vec<String> = (1..=bad.len()).map(|i| format!("history.tsv:{}", n + i)).collect();
    assert_eq!(places, expected, "{problems:?}");
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert!(messages[0].contains("not a number from 0 to 100"), "{}", messages[0]);
    assert!(messages[1].contains("no role has the slug \"no-such-role\""), "{}", messages[1]);
    assert!(messages[2].contains("no scored occupation has the code"), "{}", messages[2]);
    assert!(messages[3].contains("[[changelog]]"), "{}", messages[3]);
    assert!(messages[4].contains("tab-separated"), "{}", messages[4]);
    assert!(matches!(build::build(&content, &catalogue), Err(BuildError::Invalid(_))));
    assert_eq!(fs::read(&catalogue).expect("catalogue"), good, "a refused build leaves the catalogue as it was");
}

#[test]
fn every_assessment_has_a_history_ending_at_its_score_under_todays_methodology() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("catalogue.db");
    build::build(&content_dir(), &path).unwrap_or_else(|e| panic!("{e}"));
    let catalogue = Catalogue::open(&path, 1).expect("opens");
    let m = &catalogue.methodology;
    let conn = catalogue.conn();
    let keys = read::all_keys(&conn).expect("keys");
    let mut moved = 0;
    for key in &keys {
        let rows = history::of(&conn, key).expect("history");
        let card = read::card_of(&conn, key).expect("card").expect("scored");
        let last = rows.last().unwrap_or_else(|| panic!("{}: no score history", key.url()));
        assert_eq!(format!("{:.1}", last.score), format!("{:.1}", card.score), "{}", key.url());
        assert_eq!((last.zone, last.methodology.as_str()), (card.zone, m.version.as_str()), "{}", key.url());
        assert!(rows.iter().all(|r| m.changelog.iter().any(|c| c.version == r.methodology)), "{}", key.url());
        assert!(rows.iter().all(|r| !r.reason.is_empty()), "{}", key.url());
        if rows.iter().any(|r| format!("{:.1}", r.score) != format!("{:.1}", last.score)) {
            moved += 1;
        }
    }
    // Every occupation was recorded under 1.0 and 1.1; most moved.
    let occupations = keys.iter().filter(|k| k.kind() == jobzone::assessment::Kind::Occupation).count();
    assert!(moved > occupations / 2, "{moved} of {occupations} occupations show a move");
}

/// A new methodology version gives every assessment a row: an occupation's reason is the
/// changelog's summary; an editor role whose score it leaves alone gets the `editor_roles`
/// sentence instead, which says why its score stayed.
#[test]
fn a_new_methodology_version_gives_roles_it_leaves_alone_the_editor_roles_reason() {
    let dir = copy_content();
    let content = dir.path().join("content");
    let file = content.join("methodology.toml");
    let text = fs::read_to_string(&file).expect("methodology");
    let text =
        text.replacen("version = \"1.1\"\neffective = 2026-11-30", "version = \"1.2\"\neffective = 2026-12-10", 1);
    let entry = "[[changelog]]\nversion = \"1.2\"\ndate = 2026-12-10\nsummary = \"Occupations: a test change.\"\n\
                 changes = [\"A test change.\"]\neditor_roles = \"Roles: left as they were.\"\n\n";
    let at = text.find("[[changelog]]").expect("a changelog");
    fs::write(&file, format!("{}{entry}{}", &text[..at], &text[at..])).expect("write methodology");
    let before = history_lines(&content).len();
    build::record_history(&content, "2026-12-10").unwrap_or_else(|e| panic!("{e}"));
    let added: Vec<Vec<String>> =
        history_lines(&content)[before..].iter().map(|l| l.split('\t').map(String::from).collect()).collect();
    assert!(added.len() > 900, "{} rows", added.len());
    for row in &added {
        let role = !row[1].as_bytes()[0].is_ascii_digit();
        let want = if role { "Roles: left as they were." } else { "Occupations: a test change." };
        assert_eq!((row[0].as_str(), row[4].as_str(), row[6].as_str()), ("2026-12-10", "1.2", want), "{row:?}");
    }
    assert_eq!(added.iter().filter(|r| !r[1].as_bytes()[0].is_ascii_digit()).count(), 5, "one row per role");
}
