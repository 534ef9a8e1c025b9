//! HTTP plumbing every answer goes through, whatever the page: the cache layer in front of the
//! handlers and its page cache, ETags and content codings, the one cache policy, the GET/HEAD
//! rule, the render adapter, path identifiers, static assets, catalogue reloads, and warming
//! each new catalogue's pages before readers ask for them.

pub(crate) mod assets;
pub(crate) mod cache_layer;
pub mod cache_policy;
pub mod encoding;
pub(crate) mod etag;
pub(crate) mod generated;
pub(crate) mod ids;
pub(crate) mod methods;
pub mod page_cache;
pub mod reload;
pub(crate) mod render;
pub mod warm;
