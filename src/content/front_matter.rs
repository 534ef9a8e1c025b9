//! Splits a content file into TOML front matter and Markdown body, and maps byte offsets
//! back to line numbers of the whole file.

/// A content file cut at its `+++` fences.
#[derive(Debug)]
pub struct Document<'a> {
    pub front_matter: &'a str,
    /// Line of the file on which the front matter's first line stands.
    pub front_matter_line: usize,
    pub body: &'a str,
    pub body_line: usize,
}

/// Splits `text`, which must open with a `+++` line and close its front matter with another.
pub fn split(text: &str) -> Result<Document<'_>, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
        .ok_or("the file must start with a line `+++` that opens the TOML front matter")?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let front_matter = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let front_lines = front_matter.matches('\n').count();
            return Ok(Document { front_matter, front_matter_line: 2, body, body_line: 2 + front_lines + 1 });
        }
        offset += line.len();
    }
    Err("the front matter is never closed: add a line `+++` after the last TOML line".into())
}

/// Line (1-based, relative to the start of `text`) of byte `offset`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body_and_knows_their_lines() {
        let doc = split("+++\na = 1\nb = 2\n+++\n## Body\ntext\n").expect("valid");
        assert_eq!(doc.front_matter, "a = 1\nb = 2\n");
        assert_eq!(doc.body, "## Body\ntext\n");
        assert_eq!(doc.body_line, 5);
        assert_eq!(doc.front_matter_line + line_of(doc.front_matter, 6) - 1, 3);
    }

    #[test]
    fn a_file_without_fences_is_refused_with_a_fix() {
        assert!(split("a = 1\n").unwrap_err().contains("must start with a line `+++`"));
        assert!(split("+++\na = 1\n").unwrap_err().contains("never closed"));
    }
}
