//! Rendered responses kept in memory, per catalogue, so a repeated request is served like a
//! static file: no SQL, no rendering, and each coding compressed once.

use super::cache_policy::CachePolicy;
use super::encoding::{self, Coding, Effort};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::web::{self, Bytes};
use actix_web::{HttpRequest, HttpResponse};
use quick_cache::Weighter;
use std::borrow::Cow;
use std::hash::Hasher;
use std::sync::{Arc, OnceLock};

/// A bounded cache of responses, weighed in bytes. A fresh one comes with each catalogue, so
/// nothing rendered from an older catalogue is ever served after a swap.
pub struct PageCache {
    pages: Option<quick_cache::sync::Cache<String, Arc<CachedPage>, ByBytes>>,
}

#[derive(Clone)]
struct ByBytes;

impl Weighter<String, Arc<CachedPage>> for ByBytes {
    fn weight(&self, key: &String, page: &Arc<CachedPage>) -> u64 {
        (key.len() + page.weight) as u64
    }
}

impl PageCache {
    /// A cache holding about `max_bytes` of responses; 0 turns caching off.
    pub fn new(max_bytes: u64) -> PageCache {
        let pages = (max_bytes > 0).then(|| {
            let estimated_items = usize::try_from(max_bytes / 16_384).unwrap_or(usize::MAX).max(64);
            quick_cache::sync::Cache::with_weighter(estimated_items, max_bytes, ByBytes)
        });
        PageCache { pages }
    }

    pub fn get(&self, key: &str) -> Option<Arc<CachedPage>> {
        self.pages.as_ref()?.get(key)
    }

    pub fn insert(&self, key: String, page: Arc<CachedPage>) {
        if let Some(pages) = &self.pages {
            pages.insert(key, page);
        }
    }

    /// How many responses are kept now.
    pub fn len(&self) -> usize {
        self.pages.as_ref().map_or(0, |p| p.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes kept now, and the most it keeps (both 0 when caching is off).
    pub fn weight_and_capacity(&self) -> (u64, u64) {
        self.pages.as_ref().map_or((0, 0), |p| (p.weight(), p.capacity()))
    }
}

/// The cache key: the path and the query with its parameters sorted by name (keeping the order
/// of repeated names) and empty ones dropped, so `?b=1&a=` and `?b=1` share one entry.
/// A path without a query is its own key, so most hits allocate nothing.
pub fn key<'a>(path: &'a str, query: &str) -> Cow<'a, str> {
    if query.is_empty() {
        return Cow::Borrowed(path);
    }
    let mut params: Vec<&str> = query.split('&').filter(|p| !p.is_empty() && !p.ends_with('=')).collect();
    if params.is_empty() {
        return Cow::Borrowed(path);
    }
    params.sort_by_key(|p| p.split('=').next().unwrap_or_default());
    let mut key = String::with_capacity(path.len() + query.len() + 1);
    key.push_str(path);
    key.push('?');
    key.push_str(&params.join("&"));
    Cow::Owned(key)
}

/// One response with its strong validator and its compressed bodies, each made on first demand.
pub struct CachedPage {
    content_type: Option<HeaderValue>,
    cache_control: HeaderValue,
    /// Hash of the identity body; each coding's ETag adds its own suffix.
    tag: String,
    /// The ETag header of each coding (brotli, gzip, identity), made once.
    etags: [HeaderValue; 3],
    identity: Bytes,
    brotli: OnceLock<Option<Bytes>>,
    gzip: OnceLock<Option<Bytes>>,
    /// Fixed at creation, as the cache requires: the body plus a guess at its compressed forms.
    weight: usize,
}

/// The one content hash behind every ETag.
pub fn content_hash(body: &[u8]) -> String {
    let mut h = rustc_hash::FxHasher::default();
    h.write(body);
    h.write_usize(body.len());
    format!("{:016x}", h.finish())
}

impl CachedPage {
    pub fn new(content_type: Option<HeaderValue>, policy: CachePolicy, body: Bytes) -> CachedPage {
        let tag = content_hash(&body);
        let etag = |coding: Coding| {
            HeaderValue::from_str(&format!("\"{tag}{}\"", coding.etag_suffix()))
                .unwrap_or_else(|_| HeaderValue::from_static("\"0\""))
        };
        CachedPage {
            content_type,
            cache_control: policy.header_value(),
            etags: [etag(Coding::Brotli), etag(Coding::Gzip), etag(Coding::Identity)],
            tag,
            weight: body.len() + body.len() / 2 + 256,
            identity: body,
            brotli: OnceLock::new(),
            gzip: OnceLock::new(),
        }
    }

    /// Compresses every coding now, for responses made once at start-up (static assets).
    pub fn precompressed(self) -> CachedPage {
        let compressible = encoding::is_compressible(self.content_type.as_ref());
        for coding in [Coding::Brotli, Coding::Gzip] {
            let body = if compressible { encoding::compress(coding, &self.identity, Effort::Stored) } else { None };
            let _ = self.cell(coding).map(|c| c.set(body));
        }
        self
    }

    fn cell(&self, coding: Coding) -> Option<&OnceLock<Option<Bytes>>> {
        match coding {
            Coding::Brotli => Some(&self.brotli),
            Coding::Gzip => Some(&self.gzip),
            Coding::Identity => None,
        }
    }

    fn etag(&self, coding: Coding) -> HeaderValue {
        self.etags[coding as usize].clone()
    }

    /// True when `If-None-Match` names any representation of this page, or is `*`
    /// (weak comparison, as RFC 9110 13.1.2 asks for this header).
    fn not_modified(&self, req: &HttpRequest) -> bool {
        let Some(value) = req.headers().get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) else {
            return false;
        };
        value.split(',').map(str::trim).any(|t| {
            t == "*" || {
                let t = t.strip_prefix("W/").unwrap_or(t).trim_matches('"');
                let base = t.strip_suffix("-br").or_else(|| t.strip_suffix("-gz")).unwrap_or(t);
                base == self.tag
            }
        })
    }

    /// The body in `coding`, compressing it on the blocking pool the first time it is asked for;
    /// falls back to identity when compressing would not help.
    async fn body(self: &Arc<Self>, coding: Coding) -> (Coding, Bytes) {
        let Some(cell) = self.cell(coding) else { return (Coding::Identity, self.identity.clone()) };
        if !encoding::is_compressible(self.content_type.as_ref()) {
            return (Coding::Identity, self.identity.clone());
        }
        let encoded = match cell.get() {
            Some(done) => done.clone(),
            None => {
                let page = Arc::clone(self);
                let made =
                    web::block(move || encoding::compress(coding, &page.identity, Effort::Stored)).await.ok().flatten();
                cell.get_or_init(|| made).clone()
            }
        };
        match encoded {
            Some(body) => (coding, body),
            None => (Coding::Identity, self.identity.clone()),
        }
    }

    /// A 304 when the client has it, else the body in the client's preferred coding.
    pub async fn respond(self: &Arc<Self>, req: &HttpRequest, wanted: Coding) -> HttpResponse {
        let compressible = encoding::is_compressible(self.content_type.as_ref());
        if self.not_modified(req) {
            let coding = if compressible { wanted } else { Coding::Identity };
            let mut res = HttpResponse::NotModified();
            res.insert_header((header::ETAG, self.etag(coding)))
                .insert_header((header::CACHE_CONTROL, self.cache_control.clone()));
            if compressible {
                res.insert_header((header::VARY, HeaderValue::from_static("accept-encoding")));
            }
            return res.finish();
        }
        // HEAD gets the same headers and length; actix leaves the body off the wire.
        let (coding, body) = self.body(wanted).await;
        let mut res = HttpResponse::build(StatusCode::OK);
        res.insert_header((header::ETAG, self.etag(coding)))
            .insert_header((header::CACHE_CONTROL, self.cache_control.clone()));
        if let Some(ct) = &self.content_type {
            res.insert_header((header::CONTENT_TYPE, ct.clone()));
        }
        if compressible {
            res.insert_header((header::VARY, HeaderValue::from_static("accept-encoding")));
        }
        if let Some(ce) = coding.header() {
            res.insert_header((header::CONTENT_ENCODING, ce));
        }
        res.body(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_sorts_parameters_and_drops_empty_ones() {
        assert_eq!(key("/roles", "zone=red&category=&page=2"), "/roles?page=2&zone=red");
        assert_eq!(key("/roles", "page=2&zone=red"), "/roles?page=2&zone=red");
        assert_eq!(key("/search", "q="), "/search");
        assert_eq!(key("/search", "q=b&q=a"), "/search?q=b&q=a");
    }

    #[test]
    fn the_cache_keeps_pages_and_a_zero_budget_keeps_none() {
        let page = Arc::new(CachedPage::new(None, CachePolicy::Page, Bytes::from_static(b"hello")));
        let cache = PageCache::new(1 << 20);
        cache.insert("/".into(), page.clone());
        assert!(cache.get("/").is_some());
        let off = PageCache::new(0);
        off.insert("/".into(), page);
        assert!(off.get("/").is_none());
    }
}
