//! Files generated once per catalogue and kept for its life: the catalogue never changes while
//! it is served, so neither do they. Each is built by the first request that needs it.

use super::etag::Etagged;
use crate::web::open_data::downloads::Downloads;
use std::sync::{Arc, OnceLock};

#[derive(Default)]
pub struct Generated {
    /// The open-data downloads (CSV and JSON).
    pub downloads: OnceLock<Arc<Downloads>>,
    /// The site-wide Atom feed.
    pub site_feed: OnceLock<Etagged>,
}
