//! Hostile and damaged research data files: every field passes one text gate (one line of
//! printable text, at most its column's published length), refused by `jobzone check` at the
//! file and line to fix.

use crate::hostile::{assert_refused, check_edited};

const OCCUPATIONS: &str = "data/onet-30.1/Occupation Data.txt";
const TASKS: &str = "data/onet-30.1/Task Statements.txt";

/// `bytes` with `edit` applied to the text of each 1-based line in `lines`.
fn edit_lines(bytes: &[u8], lines: &[usize], edit: impl Fn(usize, &[u8]) -> Vec<u8>) -> Vec<u8> {
    let mut out: Vec<Vec<u8>> = bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    for &line in lines {
        out[line - 1] = edit(line, &out[line - 1]);
    }
    out.join(&b'\n')
}

/// The line with its second tab-separated field (an O*NET title) replaced by `title`.
fn with_title(line: &[u8], title: &[u8]) -> Vec<u8> {
    let mut fields: Vec<&[u8]> = line.split(|&b| b == b'\t').collect();
    fields[1] = title;
    fields.join(&b'\t')
}

#[test]
fn control_characters_and_noncharacters_in_a_data_title_are_refused_at_their_line() {
    let bad =
        ["Chief\u{1}Executives", "Chief\u{0}Executives", "Chief\u{b}Executives", "Chief\u{1b}[2J", "Chief\u{fffe}"];
    let lines = [2, 3, 4, 5, 6];
    let problems = check_edited(OCCUPATIONS, |bytes| {
        edit_lines(bytes, &lines, |line, text| with_title(text, bad[line - 2].as_bytes()))
    });
    for (line, c) in lines.iter().zip(["U+0001", "U+0000", "U+000B", "U+001B", "U+FFFE"]) {
        assert_refused(&problems, &format!("{OCCUPATIONS}:{line}"), c);
    }
}

#[test]
fn a_data_field_longer_than_its_published_maximum_is_refused_at_its_line() {
    let huge = "Chief Executives ".repeat(60_000);
    let problems =
        check_edited(OCCUPATIONS, |bytes| edit_lines(bytes, &[7], |_, text| with_title(text, huge.as_bytes())));
    assert_refused(&problems, &format!("{OCCUPATIONS}:7"), "over its maximum of 300");
}

#[test]
fn invalid_utf8_in_a_data_file_is_reported_at_its_own_line() {
    let problems = check_edited(TASKS, |bytes| {
        edit_lines(bytes, &[200], |_, text| [&text[..12], b"\xff\xfe", &text[12..]].concat())
    });
    assert_refused(&problems, &format!("{TASKS}:200"), "not UTF-8");
}
