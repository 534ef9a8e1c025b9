//! Diagnostics with a place: `path:line: what is wrong, and how to fix it`. Every reader of
//! content and data reports through these, and `check` and `build` print them. A leaf: it
//! imports nothing from the crate.

use std::fmt;
use std::path::{Path, PathBuf};

/// One thing wrong with the content, at a place an editor can jump to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub line: usize,
    /// What is wrong, and how to fix it.
    pub message: String,
}

impl Problem {
    /// A problem at `line` of `path`; `message` says what is wrong and how to fix it.
    pub fn new(path: &Path, line: usize, message: impl Into<String>) -> Self {
        Problem { path: path.to_path_buf(), line, message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
    }
}

/// Every problem found, printed one per line.
#[derive(Debug)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.0 {
            writeln!(f, "{p}")?;
        }
        write!(f, "{} problem(s) in content; nothing was written", self.0.len())
    }
}

impl std::error::Error for Problems {}
