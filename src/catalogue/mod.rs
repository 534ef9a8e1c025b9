//! The catalogue: all SQL lives here. `write` stores what the build pipeline produced; `Catalogue` serves it,
//! read-only, to the web layer.

pub mod browse;
pub mod followed;
pub mod history;
mod input;
pub mod models;
pub mod occupations;
mod pool;
pub mod read;
mod search_index;
pub mod usage;
mod work_text;
mod write;
mod write_search;
mod write_work_text;

pub use input::Input;
pub use pool::{Pool, Pooled};
pub use write::{Written, write};

use crate::methodology::Methodology;
use anyhow::{Context, Result};
use std::path::Path;
use std::sync::Arc;

/// Identifies the schema this binary writes and reads: a catalogue built by another version of
/// the schema is rebuilt, never half-read.
pub fn schema_version() -> String {
    let hash = include_str!("schema.sql")
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    format!("{hash:016x}")
}

/// The schema version recorded in the catalogue at `path`, if it can be read at all.
pub fn stored_schema_version(path: &Path) -> Option<String> {
    let conn = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
    read::meta(&conn, "schema").ok().flatten()
}

/// Builds just the search index of the catalogue at `path`, as [`Catalogue::open`] does: for
/// the search benchmark, which times it and measures its memory.
pub fn build_search_index(path: &Path) -> Result<crate::search::Index> {
    let conn = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    search_index::build(&conn).context("while building the search index")
}

/// An open, immutable catalogue.
pub struct Catalogue {
    pool: Pool,
    /// Changes whenever content changes; the base of every ETag.
    pub version: String,
    pub methodology: Arc<Methodology>,
    /// methodology.toml as the editors wrote it.
    pub methodology_source: String,
    /// Every role, alias and occupation title, ready to search.
    pub search: crate::search::Index,
    /// Where each occupation's texts lie in the full-text index, for search by description.
    work_spans: work_text::WorkSpans,
    /// The values /roles can filter on; fixed for the catalogue's life, so read once.
    pub facets: models::Facets,
    /// How the data-derived scores agree with independent research, as the build measured it.
    pub agreement: Arc<crate::assessment::agreement::Agreement>,
}

impl Catalogue {
    pub fn open(path: &Path, connections: usize) -> Result<Catalogue> {
        let pool =
            Pool::open(path, connections).with_context(|| format!("while opening the catalogue {}", path.display()))?;
        let conn = pool.get();
        let health: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .with_context(|| format!("while checking the catalogue {}", path.display()))?;
        if health != "ok" {
            anyhow::bail!("the catalogue {} is damaged ({health}); rebuild it with `jobzone build`", path.display());
        }
        let get = |key: &str| -> Result<String> {
            read::meta(&conn, key)?
                .with_context(|| format!("the catalogue has no {key}; rebuild it with `jobzone build`"))
        };
        if get("schema")? != schema_version() {
            anyhow::bail!(
                "the catalogue {} was built by another version of jobzone; rebuild it with `jobzone build`",
                path.display()
            );
        }
        let version = get("version")?;
        let methodology: Methodology =
            serde_json::from_str(&get("methodology_json")?).context("while reading the stored methodology")?;
        let methodology_source = get("methodology_source")?;
        let search = search_index::build(&conn).context("while building the search index")?;
        let work_spans = work_text::WorkSpans::read(&conn).context("while reading the full-text index")?;
        let facets = browse::facets(&conn).context("while reading the browse facets")?;
        let agreement =
            Arc::new(serde_json::from_str(&get("agreement_json")?).context("while reading the stored agreement")?);
        drop(conn);
        Ok(Catalogue {
            pool,
            version,
            methodology: Arc::new(methodology),
            methodology_source,
            search,
            work_spans,
            facets,
            agreement,
        })
    }

    /// Search by title, and by what the work is when no title matches the whole query (see
    /// [`crate::search::Index::search_with`]). Call only from a blocking thread.
    pub fn search(&self, query: &str, limit: usize) -> rusqlite::Result<Vec<crate::search::Hit>> {
        let conn = self.conn();
        self.search.search_with(query, limit, &work_text::WorkText { conn: &conn, spans: &self.work_spans })
    }

    /// A read-only connection. Call only from a blocking thread.
    pub fn conn(&self) -> Pooled<'_> {
        self.pool.get()
    }
}
