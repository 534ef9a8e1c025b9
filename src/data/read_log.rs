//! The bytes of each data file as [`Table::read`](super::table::Table::read) read them, kept for
//! the build's fingerprint so that no file is read twice. Recording is on only inside
//! [`recording`], on the thread that calls it (the build pipeline); everywhere else a table's bytes
//! are dropped once parsed. A file the log misses (one nobody parses, or one read on another
//! thread) is still fingerprinted: the fingerprint reads it itself.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Each file read while recording, by the path it was read from, with its bytes as read.
pub type ReadLog = HashMap<PathBuf, Vec<u8>>;

thread_local! {
    static LOG: RefCell<Option<ReadLog>> = const { RefCell::new(None) };
}

/// Runs `f`, keeping the bytes of every data table it reads on this thread; returns what `f`
/// returns and the log.
pub fn recording<T>(f: impl FnOnce() -> T) -> (T, ReadLog) {
    let outer = LOG.with(|log| log.replace(Some(ReadLog::new())));
    let out = f();
    let log = LOG.with(|log| log.replace(outer)).unwrap_or_default();
    (out, log)
}

/// Keeps `bytes` as the content of `path` when a recording is on; drops them otherwise.
pub(super) fn keep(path: &Path, bytes: Vec<u8>) {
    LOG.with(|log| {
        if let Some(log) = log.borrow_mut().as_mut() {
            log.insert(path.to_path_buf(), bytes);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::table::{Format, Table};

    #[test]
    fn tables_read_while_recording_are_kept_and_others_are_not() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("a.tsv"), "x\ty\n1\t2\n").expect("write");
        let mut problems = Vec::new();
        Table::read(dir.path(), "a.tsv", Format::Tsv, &mut problems).expect("reads");
        let ((), log) = recording(|| {
            Table::read(dir.path(), "a.tsv", Format::Tsv, &mut problems).expect("reads");
        });
        assert!(problems.is_empty());
        assert_eq!(log.len(), 1);
        assert_eq!(log[&dir.path().join("a.tsv")], b"x\ty\n1\t2\n");
        let ((), after) = recording(|| ());
        assert!(after.is_empty(), "a recording starts empty");
    }
}
