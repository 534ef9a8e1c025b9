//! The catalogue: all SQL lives here. `write` builds it from content; `Catalogue` serves it,
//! read-only, to the web layer.

pub mod browse;
pub mod models;
pub mod occupations;
mod pool;
pub mod read;
mod search_index;
mod write;

pub use pool::{Pool, Pooled};
pub use write::{PROGRESS_EVERY, PROGRESS_FROM, Written, write};

use crate::methodology::Methodology;
use anyhow::{Context, Result};
use std::path::Path;
use std::sync::Arc;

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
    /// The values /roles can filter on; fixed for the catalogue's life, so read once.
    pub facets: models::Facets,
}

impl Catalogue {
    pub fn open(path: &Path, connections: usize) -> Result<Catalogue> {
        let pool =
            Pool::open(path, connections).with_context(|| format!("while opening the catalogue {}", path.display()))?;
        let conn = pool.get();
        let get = |key: &str| -> Result<String> {
            read::meta(&conn, key)?
                .with_context(|| format!("the catalogue has no {key}; rebuild it with `jobzone build`"))
        };
        let version = get("version")?;
        let methodology: Methodology =
            serde_json::from_str(&get("methodology_json")?).context("while reading the stored methodology")?;
        let methodology_source = get("methodology_source")?;
        let synonyms: Vec<(String, String)> =
            serde_json::from_str(&get("synonyms_json")?).context("while reading the stored synonyms")?;
        let search = search_index::build(&conn, &synonyms).context("while building the search index")?;
        let facets = browse::facets(&conn).context("while reading the browse facets")?;
        drop(conn);
        Ok(Catalogue { pool, version, methodology: Arc::new(methodology), methodology_source, search, facets })
    }

    /// A read-only connection. Call only from a blocking thread.
    pub fn conn(&self) -> Pooled<'_> {
        self.pool.get()
    }
}
