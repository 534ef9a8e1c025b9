//! `jobzone check` and `jobzone build` refuse bad content with file:line and a fix, and a
//! refused build leaves the existing catalogue byte for byte as it was.

use crate::helpers::{bundled_catalogue, content_dir, copy_dir, one, spawn_app_with_content};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const REFERENCE: &str = "roles/backend-api-developer-mid-level.md";

fn jobzone(args: &[&str], content: &Path, catalogue: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jobzone"))
        .args(args)
        .arg("--content")
        .arg(content)
        .arg("--catalogue")
        .arg(catalogue)
        .env("RUST_LOG", "error")
        .output()
        .expect("jobzone runs")
}

/// A copy of the bundled content with one edit, and the 1-based line the edit is on.
struct Edited {
    dir: tempfile::TempDir,
    line: usize,
}

impl Edited {
    fn content(&self) -> PathBuf {
        self.dir.path().join("content")
    }
}

/// Replaces the first line after `after` (a line that starts with it) for which `matches`
/// holds, with `new`.
fn edit(file: &str, after: &str, matches: impl Fn(&str) -> bool, new: &str) -> Edited {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&content_dir(), &dir.path().join("content"));
    let path = dir.path().join("content").join(file);
    let text = fs::read_to_string(&path).expect("read role");
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let start =
        lines.iter().position(|l| l.starts_with(after)).unwrap_or_else(|| panic!("no line starts with {after}"));
    let at =
        (start..lines.len()).find(|&i| matches(&lines[i])).unwrap_or_else(|| panic!("no line to edit after {after}"));
    lines[at] = new.to_string();
    fs::write(&path, lines.join("\n") + "\n").expect("write");
    Edited { dir, line: at + 1 }
}

/// Starts from a good catalogue (a copy of the one the bundled content builds), then checks
/// that `check` and `build` both refuse the edited content with `file:line: ...message...`,
/// and that the catalogue is untouched.
fn assert_refused(edited: &Edited, file: &str, line: usize, message: &str) {
    assert!(!message.is_empty(), "name the message the problem must carry");
    let catalogue = edited.dir.path().join("catalogue.db");
    fs::copy(bundled_catalogue(), &catalogue).expect("copy the good catalogue");
    let before = fs::read(&catalogue).expect("catalogue written");

    let expected = format!("{}:{line}: ", edited.content().join(file).display());
    for command in ["check", "build"] {
        let out = jobzone(&[command], &edited.content(), &catalogue);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{command} should fail; stderr:\n{stderr}");
        let problem = stderr
            .lines()
            .find(|l| l.starts_with(&expected))
            .unwrap_or_else(|| panic!("{command}: no line starting {expected} in:\n{stderr}"));
        assert!(problem.contains(message), "{command}: {problem:?} lacks {message:?}");
    }
    assert_eq!(fs::read(&catalogue).expect("catalogue still there"), before, "the refused build changed the catalogue");
    let leftovers: Vec<_> = fs::read_dir(edited.dir.path())
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");
}

#[test]
fn check_accepts_the_bundled_content() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = jobzone(&["check"], &content_dir(), &dir.path().join("c.db"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("content is valid: 5 roles"));
    assert!(!dir.path().join("c.db").exists(), "check must not write a catalogue");
}

#[test]
fn a_task_score_out_of_range_is_refused_with_its_line() {
    let e = edit(REFERENCE, "[[tasks]]", |l| l.starts_with("score = "), "score = 7");
    assert_refused(&e, REFERENCE, e.line, "task score is 7, outside 1 to 5");
}

#[test]
fn a_level_word_or_everyday_word_without_words_is_refused_with_its_line() {
    let e = edit("search/levels.toml", "[levels]", |l| l.starts_with("senior ="), "senior = \"--\"");
    assert_refused(&e, "search/levels.toml", e.line, "level name \"--\" has no words");
    let e = edit("search/describe.toml", "[words]", |l| l.starts_with("fix ="), "fix = []");
    assert_refused(&e, "search/describe.toml", e.line, "\"fix\" lists no words");
}

#[test]
fn task_shares_adding_to_95_are_refused() {
    let e = edit(REFERENCE, "[[tasks]]", |l| l.starts_with("share = 15"), "share = 10");
    assert_refused(&e, REFERENCE, e.line, "task shares add up to 95%, not 100%");
}

#[test]
fn an_unknown_field_is_refused_with_a_hint() {
    let e = edit(REFERENCE, "title = ", |l| l.starts_with("title = "), "titel = \"Backend/API Developer\"");
    assert_refused(&e, REFERENCE, e.line, "unknown field `titel`");
}

#[test]
fn a_transition_to_a_missing_role_is_refused() {
    let e = edit(REFERENCE, "[[transitions]]", |l| l.starts_with("to = "), "to = \"astronaut\"");
    assert_refused(&e, REFERENCE, e.line, "transition target \"astronaut\" is not a role");
}

#[test]
fn a_link_that_cannot_be_a_slug_is_refused_as_no_role() {
    let e = edit(REFERENCE, "[[transitions]]", |l| l.starts_with("to = "), "to = \"Astronaut!\"");
    assert_refused(&e, REFERENCE, e.line, "transition target \"Astronaut!\" is not a role");
    let e = edit(REFERENCE, "seniority_links", |l| l.starts_with("seniority_links"), "seniority_links = [\"../x\"]");
    assert_refused(&e, REFERENCE, e.line, "seniority link \"../x\" is not a role");
}

#[test]
fn an_alias_used_by_two_roles_is_refused() {
    let file = "roles/senior-software-engineer.md";
    let e = edit(file, "aliases = ", |l| l.starts_with("aliases = "), "aliases = [\"Backend Engineer\"]");
    assert_refused(&e, file, e.line, "alias \"Backend Engineer\" is already used by");
}

#[test]
fn raw_script_in_commentary_is_refused() {
    let e = edit(REFERENCE, "## ", |l| l.is_empty(), "<script>alert('x')</script>");
    assert_refused(&e, REFERENCE, e.line, "raw HTML `<script>alert('x')</script>` is not allowed");
}

#[test]
fn a_javascript_link_in_commentary_is_refused() {
    let e = edit(REFERENCE, "## ", |l| l.is_empty(), "See [this](javascript:alert(document.cookie)).");
    assert_refused(&e, REFERENCE, e.line, "link to `javascript:` is not allowed");
}

#[test]
fn an_impossible_revision_date_is_refused() {
    let e = edit(REFERENCE, "[[revisions]]", |l| l.starts_with("date = "), "date = 2026-02-30");
    assert_refused(&e, REFERENCE, e.line, "invalid date, expected day between 01 and 28");
}

/// The binary names the history file's line for a malformed row and for an unknown key, and
/// `history record` then records twice nothing: it is refused like the build.
#[test]
fn a_malformed_history_row_and_an_unknown_key_are_refused_at_their_line() {
    for (row, message) in [
        ("2026-12-01\tjunior-software-developer\t12.0\tred\t1.1\teditor review", "7 are needed"),
        ("2026-12-01\tno-such-role\t12.0\tred\t1.1\td\tr", "no role has the slug \"no-such-role\""),
    ] {
        let e = edit("history.tsv", "2026-11-30", |l| l.contains("\tjunior-software-developer\t"), row);
        assert_refused(&e, "history.tsv", e.line, message);
        let out = jobzone(&["history", "record"], &e.content(), &e.dir.path().join("catalogue.db"));
        assert_eq!(out.status.code(), Some(1), "history record over a malformed history");
    }
}

#[test]
fn check_notes_a_history_that_trails_the_content_without_failing() {
    let e = edit(REFERENCE, "[growth]", |l| l.starts_with("score = "), "score = 0");
    let out = jobzone(&["check"], &e.content(), &e.dir.path().join("catalogue.db"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("history"), "check says the history trails: {stderr}");
}

#[tokio::test]
async fn hostile_text_in_plain_fields_is_escaped_on_the_page() {
    let e = edit(
        REFERENCE,
        "[[tasks]]",
        |l| l.starts_with("rationale = "),
        "rationale = \"<script>alert(1)</script> & <img src=x onerror=alert(1)>\"",
    );
    let app = spawn_app_with_content(&e.content()).await;
    let page = app.get("/roles/backend-api-developer-mid-level").await;
    page.assert_status(200);
    assert!(!page.body.contains("<script>alert(1)"), "script reached the page");
    assert!(!page.body.contains("<img src=x"), "img reached the page");
    assert!(
        one(&page.html(), "table.tasks tbody tr:first-child .task__rationale").contains("<script>alert(1)</script>"),
        "the text is shown, escaped"
    );
}

#[test]
fn build_writes_a_catalogue_and_replaces_it_atomically() {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalogue = dir.path().join("nested").join("catalogue.db");
    let out = jobzone(&["build"], &content_dir(), &catalogue);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("5 roles"));
    let conn = rusqlite_free_check(&catalogue);
    assert!(conn > 0);
}

/// Size of the catalogue: a real SQLite file starts with its magic header.
fn rusqlite_free_check(path: &Path) -> usize {
    let bytes = fs::read(path).expect("catalogue exists");
    assert!(bytes.starts_with(b"SQLite format 3\0"));
    bytes.len()
}

#[tokio::test]
async fn an_old_slug_redirects_permanently_to_the_renamed_role_its_badge_and_its_card() {
    let e = edit(
        REFERENCE,
        "live_tracked = ",
        |l| l.starts_with("live_tracked = "),
        "live_tracked = true\nold_slugs = [\"backend-developer\"]",
    );
    let app = spawn_app_with_content(&e.content()).await;
    let page = app.get("/roles/backend-developer").await;
    assert_eq!(page.status, 301);
    assert_eq!(page.header("location"), "/roles/backend-api-developer-mid-level");
    // Badges embedded elsewhere and cached share cards follow the rename too.
    let badge = app.get("/badge/roles/backend-developer.svg").await;
    assert_eq!((badge.status, badge.header("location")), (301, "/badge/roles/backend-api-developer-mid-level.svg"));
    let card = app.get("/cards/roles/backend-developer.png").await;
    assert_eq!((card.status, card.header("location")), (301, "/cards/roles/backend-api-developer-mid-level.png"));
    // Feed readers that subscribed under the old address follow it too.
    let feed = app.get("/roles/backend-developer/feed.xml").await;
    assert_eq!((feed.status, feed.header("location")), (301, "/roles/backend-api-developer-mid-level/feed.xml"));
}

#[test]
fn an_old_slug_that_is_a_live_slug_is_refused() {
    let e = edit(
        REFERENCE,
        "live_tracked = ",
        |l| l.starts_with("live_tracked = "),
        "old_slugs = [\"devsecops-engineer\"]",
    );
    assert_refused(&e, REFERENCE, e.line, "old slug \"devsecops-engineer\" is the slug of a live role");
}

#[test]
fn a_catalogue_from_another_schema_is_stale_and_is_rebuilt() {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalogue = dir.path().join("catalogue.db");
    jobzone::build::build(&content_dir(), &catalogue).expect("build");
    assert!(!jobzone::build::is_stale(&content_dir(), &catalogue), "a fresh build is not stale");
    let conn = rusqlite::Connection::open(&catalogue).expect("open");
    let updated = conn.execute("UPDATE meta SET value = 'older' WHERE key = 'schema'", []).expect("update");
    assert_eq!(updated, 1);
    assert_eq!(jobzone::catalogue::stored_schema_version(&catalogue).as_deref(), Some("older"));
    drop(conn);
    assert!(jobzone::build::is_stale(&content_dir(), &catalogue), "another schema is stale");
    let refused = jobzone::catalogue::Catalogue::open(&catalogue, 1).err().expect("refused");
    assert!(refused.to_string().contains("rebuild it with `jobzone build`"), "{refused}");
    assert!(jobzone::build::is_stale(&content_dir(), &dir.path().join("missing.db")));
}
