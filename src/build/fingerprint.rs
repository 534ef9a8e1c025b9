//! The catalogue's version: one SHA-256 over every file under `content/` (its path relative to
//! the folder, then its bytes, in a stable order), so any change to what editors write or to a
//! data set gives a new version, and so new ETags, while a copy of the same content does not.
//! The data files the build has already read come from its read log; only the rest (what editors
//! write, SOURCE.md files) are read here.

use crate::data::read_log::ReadLog;
use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};

/// The first eight bytes of the digest, as the catalogue stores it. A file in `read` is hashed
/// from the bytes logged when it was read; the digest is the same as if it were read again.
pub fn of_dir(dir: &Path, read: &ReadLog) -> u64 {
    let mut files = Vec::new();
    collect(dir, &mut files);
    files.sort();
    let mut hasher = Sha256::new();
    for path in files {
        let relative = path.strip_prefix(dir).unwrap_or(&path);
        let name = relative.as_os_str().as_encoded_bytes();
        hasher.update((name.len() as u64).to_le_bytes());
        hasher.update(name);
        let bytes = match read.get(&path) {
            Some(logged) => std::borrow::Cow::Borrowed(logged.as_slice()),
            // An unreadable file fails the build where it is read; here it only counts as empty.
            None => std::borrow::Cow::Owned(fs::read(&path).unwrap_or_default()),
        };
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(&*bytes);
    }
    let digest = hasher.finalize();
    u64::from_le_bytes(digest[..8].try_into().unwrap_or_default())
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() { collect(&path, files) } else { files.push(path) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_files_anywhere_give_the_same_version_and_any_change_a_new_one() {
        let (a, b) = (tempfile::tempdir().expect("temp dir"), tempfile::tempdir().expect("temp dir"));
        for d in [a.path(), b.path()] {
            fs::create_dir_all(d.join("roles")).expect("mkdir");
            fs::write(d.join("roles/x.md"), "one").expect("write");
            fs::write(d.join("methodology.toml"), "two").expect("write");
        }
        let none = ReadLog::new();
        assert_eq!(of_dir(a.path(), &none), of_dir(b.path(), &none));
        fs::write(b.path().join("roles/x.md"), "One").expect("write");
        assert_ne!(of_dir(a.path(), &none), of_dir(b.path(), &none));
        fs::rename(b.path().join("roles/x.md"), b.path().join("roles/y.md")).expect("rename");
        fs::write(b.path().join("roles/y.md"), "one").expect("write");
        assert_ne!(of_dir(a.path(), &none), of_dir(b.path(), &none), "a renamed file is a change");
    }

    #[test]
    fn logged_bytes_stand_for_the_file_and_give_the_digest_reading_it_would() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::write(dir.path().join("a.tsv"), "x\ty\n").expect("write");
        fs::write(dir.path().join("b.md"), "two").expect("write");
        let fresh = of_dir(dir.path(), &ReadLog::new());
        let logged = ReadLog::from([(dir.path().join("a.tsv"), b"x\ty\n".to_vec())]);
        assert_eq!(of_dir(dir.path(), &logged), fresh);
        // The log is used instead of the file: bytes that differ from the file give another digest.
        let stale = ReadLog::from([(dir.path().join("a.tsv"), b"x\tz\n".to_vec())]);
        assert_ne!(of_dir(dir.path(), &stale), fresh);
    }

    #[test]
    fn the_bundled_content_gets_the_same_version_from_the_build_as_from_a_fresh_read() {
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let mut problems = Vec::new();
        let (_, read) = crate::data::read_log::recording(|| crate::data::DataSets::load(&content, &mut problems));
        assert!(problems.is_empty(), "{problems:?}");
        assert!(read.len() > 20, "every data table is logged, {} were", read.len());
        assert_eq!(of_dir(&content, &read), of_dir(&content, &ReadLog::new()));
    }
}
