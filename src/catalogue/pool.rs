//! A fixed pool of read-only SQLite connections. Callers run on blocking threads
//! (`web::block`), so waiting for a free connection never stalls an async worker.

use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::sync::{Condvar, Mutex, PoisonError};

pub struct Pool {
    idle: Mutex<Vec<Connection>>,
    available: Condvar,
}

/// A connection on loan; it goes back to the pool when dropped.
pub struct Pooled<'a> {
    pool: &'a Pool,
    conn: Option<Connection>,
}

impl std::ops::Deref for Pooled<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        self.conn.as_ref().expect("a loaned connection is present until dropped")
    }
}

impl Drop for Pooled<'_> {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            self.pool.idle.lock().unwrap_or_else(PoisonError::into_inner).push(conn);
            self.pool.available.notify_one();
        }
    }
}

impl Pool {
    /// Opens `size` read-only connections to the catalogue at `path`, as an immutable file: a
    /// catalogue never changes once written (a rebuild writes a new file and renames it over),
    /// so SQLite may skip locking and the hot-journal check that otherwise stats the file
    /// system on every query.
    pub fn open(path: &Path, size: usize) -> rusqlite::Result<Pool> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let uri = immutable_uri(path);
        let mut conns = Vec::with_capacity(size);
        for _ in 0..size.max(1) {
            let conn = Connection::open_with_flags(&uri, flags)?;
            conn.execute_batch("PRAGMA query_only = ON; PRAGMA cache_size = -8000;")?;
            conn.set_prepared_statement_cache_capacity(64);
            super::work_text::add_bit_set_function(&conn)?;
            conns.push(conn);
        }
        Ok(Pool { idle: Mutex::new(conns), available: Condvar::new() })
    }

    /// Borrows a connection, waiting for one to come back if all are in use.
    pub fn get(&self) -> Pooled<'_> {
        let mut idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if let Some(conn) = idle.pop() {
                return Pooled { pool: self, conn: Some(conn) };
            }
            idle = self.available.wait(idle).unwrap_or_else(PoisonError::into_inner);
        }
    }
}

/// `file:PATH?immutable=1`, with the characters a URI gives meaning to percent-encoded.
fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for &b in path.as_os_str().as_encoded_bytes() {
        match b {
            b'%' | b'?' | b'#' | b' ' | b'"' | 0..=0x1f | 0x7f..=0xff => uri.push_str(&format!("%{b:02X}")),
            _ => uri.push(char::from(b)),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_uri_escapes_characters_that_would_end_the_path() {
        assert_eq!(immutable_uri(Path::new("/tmp/a b/c?.db")), "file:/tmp/a%20b/c%3F.db?immutable=1");
    }
}
