//! Hostile content that parses but must not be published: each is refused by `jobzone check`
//! with the file and line to fix.

use std::path::Path;

const ROLE_FILE: &str = "roles/backend-api-developer-mid-level.md";

/// A copy of the bundled content with `find` replaced by `replace` in `file`; returns the
/// problems `check` reports, as `path:line: message` strings, and the line `replace` is on.
fn check_with(file: &str, find: &str, replace: &str) -> (Vec<String>, usize) {
    let mut line = 0;
    let problems = check_edited(file, |bytes| {
        let text = String::from_utf8(bytes.to_vec()).expect("a UTF-8 content file");
        let at = text.find(find).unwrap_or_else(|| panic!("{file} has {find}"));
        line = text[..at].matches('\n').count() + 1;
        text.replacen(find, replace, 1).into_bytes()
    });
    (problems, line)
}

/// A copy of the bundled content with `file` rewritten by `edit`; returns the problems `check`
/// reports, as `path:line: message` strings (paths relative to the content folder).
pub fn check_edited(file: &str, edit: impl FnOnce(&[u8]) -> Vec<u8>) -> Vec<String> {
    let dir = crate::helpers::copy_content();
    let content = dir.path().join("content");
    let path = content.join(file);
    let bytes = std::fs::read(&path).expect("content file");
    std::fs::write(&path, edit(&bytes)).expect("write");
    match jobzone::build::check(&content) {
        Ok(_) => Vec::new(),
        Err(problems) => {
            problems.0.iter().map(|p| format!("{}:{}: {}", rel(&p.path, &content), p.line, p.message)).collect()
        }
    }
}

fn rel(path: &Path, base: &Path) -> String {
    path.strip_prefix(base).unwrap_or(path).display().to_string()
}

pub fn assert_refused(problems: &[String], at: &str, says: &str) {
    assert!(
        problems.iter().any(|p| p.starts_with(&format!("{at}: ")) && p.contains(says)),
        "expected a problem at {at} saying {says:?}; got {problems:#?}"
    );
}

#[test]
fn infinite_nan_and_absurd_methodology_values_are_refused_at_their_line() {
    for bad in ["inf", "nan", "-inf", "1e308"] {
        let (problems, line) = check_with("methodology.toml", "raw_span = 7.93", &format!("raw_span = {bad}"));
        assert_refused(&problems, &format!("methodology.toml:{line}"), "raw_span");
    }
    let (problems, line) =
        check_with("methodology.toml", "evidence_per_point = 0.04", "evidence_per_point = 1000000.0");
    assert_refused(&problems, &format!("methodology.toml:{line}"), "evidence_per_point");
}

#[test]
fn an_unknown_or_nameless_score_component_is_refused_at_its_line() {
    let (problems, line) = check_with("methodology.toml", "[components.growth]", "[components.grwoth]");
    assert_refused(&problems, &format!("methodology.toml:{line}"), "grwoth");
    let (problems, line) = check_with("methodology.toml", "short = \"Barriers\"", "short = \"\"");
    assert_refused(&problems, &format!("methodology.toml:{line}"), "[components.barriers] short");
}

#[test]
fn control_characters_and_noncharacters_in_plain_text_are_refused() {
    for (find, replace) in [
        ("title = \"Backend/API Developer\"", "title = \"Backend\\u0001API Developer\""),
        ("note = \"First published.\"", "note = \"First\\u001bpublished.\""),
        ("note = \"First published.\"", "note = \"First published.\\uFFFF\""),
        ("title = \"Backend/API Developer\"", "title = \"Backend\\uFFFEAPI Developer\""),
    ] {
        let (problems, line) = check_with(ROLE_FILE, find, replace);
        assert_refused(&problems, &format!("{ROLE_FILE}:{line}"), "invisible character");
    }
}

#[test]
fn protocol_relative_links_are_refused() {
    for link in ["[x](//evil.example/)", "[x](/\\\\evil.example/)"] {
        let (problems, line) =
            check_with(ROLE_FILE, "verdict = \"AI coding tools", &format!("verdict = \"{link} AI coding tools"));
        assert_refused(&problems, &format!("{ROLE_FILE}:{line}"), "`//`");
    }
}

#[test]
fn external_images_in_markdown_are_refused() {
    for image in ["![chart](https://evil.example/x.png)", "![chart](//evil.example/x.png)"] {
        let (problems, line) =
            check_with(ROLE_FILE, "verdict = \"AI coding tools", &format!("verdict = \"{image} AI coding tools"));
        assert_refused(&problems, &format!("{ROLE_FILE}:{line}"), "images must come from this site");
    }
}

#[test]
fn line_breaks_in_one_line_fields_of_a_role_file_are_refused() {
    for (find, replace) in [
        ("title = \"Backend/API Developer\"", "title = \"Backend\\nBcc: x@evil.example\""),
        ("title = \"Backend/API Developer\"", "title = \"Backend\\r\\nAPI Developer\""),
        ("note = \"First published.\"", "note = \"First\\npublished.\""),
        ("note = \"First published.\"", "note = \"First published.\\r\""),
    ] {
        let (problems, line) = check_with(ROLE_FILE, find, replace);
        assert_refused(&problems, &format!("{ROLE_FILE}:{line}"), "line break");
    }
}
