//! The text gate every field of every research data table passes before anything reads it:
//! one line of printable text (no control characters, no noncharacters, no CR or LF) no longer
//! than the published maximum for its column. A field that fails is refused at `file:line`, so
//! hostile or damaged data never reaches a page, a card, a badge, a feed or a download.
//!
//! Editor files have the same rule in `content::text`; this is its counterpart for data files,
//! kept apart from the table reader so that new data sets get it without doing anything.

use super::table::Table;
use crate::problem::Problem;

/// The published maximum length, in characters, of a data field, by column name. Each is a
/// few times the longest value in the shipped releases, so a new release fits and a runaway
/// value (a whole file pasted into one cell) is refused. Listed in the README.
pub const MAX_CHARS: &[(&str, usize)] = &[
    // Occupation and job titles of every source.
    ("Title", 300),
    ("Alternate Title", 300),
    ("Short Title", 300),
    ("Reported Job Title", 300),
    ("Related Title", 300),
    ("title", 300),
    ("OCC_TITLE", 300),
    // Task statements (O*NET, GPTs are GPTs, the Anthropic Economic Index).
    ("Task", 1_000),
    ("task_name", 1_000),
    // O*NET occupation and element descriptions.
    ("Description", 2_000),
    // A section of an Occupational Outlook Handbook profile (`bls-ooh/ooh-sections.tsv`; the
    // longest is 8,131 characters).
    ("text", 20_000),
];

/// The maximum for every column not named above (codes, figures, labels, short prose).
pub const DEFAULT_MAX_CHARS: usize = 1_000;

/// The maximum length of a field of column `header`.
pub fn max_chars(header: &str) -> usize {
    MAX_CHARS.iter().find(|(name, _)| *name == header).map_or(DEFAULT_MAX_CHARS, |&(_, max)| max)
}

/// Why `value` cannot be a field of column `header`, if it cannot.
pub fn refusal(header: &str, value: &str) -> Option<String> {
    let max = max_chars(header);
    // A character is at least one byte, so only a long value needs counting.
    if value.len() > max {
        let n = value.chars().count();
        if n > max {
            return Some(format!(
                "column \"{header}\" is {n} characters long, over its maximum of {max}; restore the published file unmodified (its source is in the SOURCE.md beside it)"
            ));
        }
    }
    if value.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return None;
    }
    let c = value.chars().find(|&c| forbidden(c))?;
    let what = match c {
        '\n' | '\r' => "a line break",
        _ => "the invisible character",
    };
    Some(format!(
        "column \"{header}\" contains {what} U+{:04X}; a data field is one line of printable text: restore the published file unmodified (its source is in the SOURCE.md beside it)",
        u32::from(c)
    ))
}

/// Control characters (C0 including tab, CR and LF; DEL; C1) and Unicode noncharacters.
fn forbidden(c: char) -> bool {
    let n = u32::from(c);
    c.is_control() || (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE
}

/// Checks every field of `table`; each refused field is pushed to `problems` at its line.
/// Returns true when all passed.
pub fn check(table: &Table, problems: &mut Vec<Problem>) -> bool {
    let before = problems.len();
    for row in &table.rows {
        for (header, value) in table.headers.iter().zip(&row.fields) {
            if let Some(message) = refusal(header, value) {
                problems.push(table.problem(row, message));
            }
        }
    }
    problems.len() == before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_noncharacters_and_line_breaks_are_refused_by_name() {
        for (bad, code) in [
            ("Chief\u{1}Executives", "U+0001"),
            ("Chief\u{0}Executives", "U+0000"),
            ("Chief\u{b}Executives", "U+000B"),
            ("Chief\u{1b}[31mExecutives", "U+001B"),
            ("Chief\u{fffe}", "U+FFFE"),
            ("Chief\u{fdd0}", "U+FDD0"),
            ("Chief\u{1fffe}", "U+1FFFE"),
            ("Chief\u{85}", "U+0085"),
            ("Chief\tExecutives", "U+0009"),
        ] {
            let why = refusal("Title", bad).unwrap_or_else(|| panic!("{bad:?} passed"));
            assert!(why.contains(code) && why.contains("invisible character"), "{why}");
        }
        for bad in ["Chief\nExecutives", "Chief\r"] {
            assert!(refusal("Title", bad).is_some_and(|w| w.contains("a line break")), "{bad:?}");
        }
    }

    #[test]
    fn each_column_has_its_published_maximum_and_ordinary_text_passes() {
        assert_eq!(max_chars("Title"), 300);
        assert_eq!(max_chars("Description"), 2_000);
        assert_eq!(max_chars("Anything else"), DEFAULT_MAX_CHARS);
        assert_eq!(refusal("Title", &"é".repeat(300)), None, "characters, not bytes, are counted");
        let long = refusal("Title", &"x".repeat(301)).expect("too long");
        assert!(long.contains("301 characters long, over its maximum of 300"), "{long}");
        assert_eq!(refusal("Title", "Café owners, 日本語 — \"quoted\" (&) <b>"), None);
    }
}
