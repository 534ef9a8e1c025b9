//! Characters no plain-text field may hold: C0 control characters (other than tab and line
//! breaks) and the noncharacters U+FFFE and U+FFFF. XML 1.0 forbids them, so one in a title or
//! a revision note would make the Atom feed unreadable; none has a use in prose.

/// The byte offset and the character of the first forbidden character in `s`, if any.
pub fn forbidden_character(s: &str) -> Option<(usize, char)> {
    s.char_indices().find(|&(_, c)| {
        (c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{7f}')) || matches!(c, '\u{fffe}' | '\u{ffff}')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_noncharacters_are_found_and_ordinary_text_passes() {
        assert_eq!(forbidden_character("Back\u{1}end"), Some((4, '\u{1}')));
        assert_eq!(forbidden_character("note\u{ffff}"), Some((4, '\u{ffff}')));
        assert_eq!(forbidden_character("x\u{fffe}"), Some((1, '\u{fffe}')));
        assert_eq!(forbidden_character("Tabs\tand\nlines, café, 日本"), None);
    }
}
