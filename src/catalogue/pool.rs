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
    /// Opens `size` read-only connections to the catalogue at `path`.
    pub fn open(path: &Path, size: usize) -> rusqlite::Result<Pool> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let mut conns = Vec::with_capacity(size);
        for _ in 0..size.max(1) {
            let conn = Connection::open_with_flags(path, flags)?;
            conn.execute_batch("PRAGMA query_only = ON; PRAGMA cache_size = -8000;")?;
            conn.set_prepared_statement_cache_capacity(64);
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
