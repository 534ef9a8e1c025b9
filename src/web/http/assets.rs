//! Static files, compiled into the binary: no file system path is ever built from a request.

use super::cache_policy::CachePolicy;
use super::encoding;
use super::page_cache::CachedPage;
use crate::web::WebError;
use actix_web::http::header::{self, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, web};
use std::sync::{Arc, LazyLock};

struct Asset {
    name: &'static str,
    content_type: &'static str,
    body: &'static str,
}

const ASSETS: &[Asset] = &[
    Asset {
        name: "style.css",
        content_type: "text/css; charset=utf-8",
        body: include_str!("../../../static/style.css"),
    },
    Asset { name: "favicon.svg", content_type: "image/svg+xml", body: include_str!("../../../static/favicon.svg") },
    Asset {
        name: "suggest.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../../static/suggest.js"),
    },
];

/// A token that changes whenever any asset does; pages link `/static/x?v=TOKEN`, so assets
/// can be cached for a year.
pub fn version() -> &'static str {
    static VERSION: LazyLock<String> = LazyLock::new(|| {
        let hash = ASSETS
            .iter()
            .flat_map(|a| a.body.bytes())
            .fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
        format!("{:08x}", hash >> 32)
    });
    &VERSION
}

/// An asset's name, and its response with and without the version token.
type Prepared = (&'static str, Arc<CachedPage>, Arc<CachedPage>);

/// Each asset as a response made once, compressed in every coding: a year's cache for the
/// versioned address, an hour for the bare one.
static PREPARED: LazyLock<Vec<Prepared>> = LazyLock::new(|| {
    ASSETS
        .iter()
        .map(|a| {
            let make = |policy| {
                let ct = HeaderValue::from_static(a.content_type);
                Arc::new(CachedPage::new(Some(ct), policy, Bytes::from_static(a.body.as_bytes())).precompressed())
            };
            (a.name, make(CachePolicy::VersionedAsset), make(CachePolicy::Asset))
        })
        .collect()
});

/// Compresses the assets now rather than on the first request.
pub fn prepare() {
    LazyLock::force(&PREPARED);
}

pub async fn asset(req: HttpRequest, file: web::Path<String>) -> Result<HttpResponse, WebError> {
    let (_, versioned, plain) = PREPARED.iter().find(|a| a.0 == file.as_str()).ok_or(WebError::NotFound)?;
    let is_versioned = req.query_string() == format!("v={}", version());
    let page = if is_versioned { versioned } else { plain };
    let wanted = encoding::preferred(req.headers().get(header::ACCEPT_ENCODING));
    Ok(page.respond(&req, wanted).await)
}
