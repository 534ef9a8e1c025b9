//! The catalogue's version: one SHA-256 over every file under `content/` (its path relative to
//! the folder, then its bytes, in a stable order), so any change to what editors write or to a
//! data set gives a new version, and so new ETags, while a copy of the same content does not.

use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};

/// The first eight bytes of the digest, as the catalogue stores it.
pub fn of_dir(dir: &Path) -> u64 {
    let mut files = Vec::new();
    collect(dir, &mut files);
    files.sort();
    let mut hasher = Sha256::new();
    for path in files {
        let relative = path.strip_prefix(dir).unwrap_or(&path);
        let name = relative.as_os_str().as_encoded_bytes();
        hasher.update((name.len() as u64).to_le_bytes());
        hasher.update(name);
        // An unreadable file fails the build where it is read; here it only counts as empty.
        let bytes = fs::read(&path).unwrap_or_default();
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(&bytes);
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
        assert_eq!(of_dir(a.path()), of_dir(b.path()));
        fs::write(b.path().join("roles/x.md"), "One").expect("write");
        assert_ne!(of_dir(a.path()), of_dir(b.path()));
        fs::rename(b.path().join("roles/x.md"), b.path().join("roles/y.md")).expect("rename");
        fs::write(b.path().join("roles/y.md"), "one").expect("write");
        assert_ne!(of_dir(a.path()), of_dir(b.path()), "a renamed file is a change");
    }
}
