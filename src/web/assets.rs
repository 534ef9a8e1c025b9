//! Static files, compiled into the binary: no file system path is ever built from a request.

use super::WebError;
use actix_web::http::header::{self, CacheControl, CacheDirective};
use actix_web::{HttpRequest, HttpResponse, web};
use std::sync::LazyLock;

struct Asset {
    name: &'static str,
    content_type: &'static str,
    body: &'static str,
}

const ASSETS: &[Asset] = &[
    Asset { name: "style.css", content_type: "text/css; charset=utf-8", body: include_str!("../../static/style.css") },
    Asset { name: "favicon.svg", content_type: "image/svg+xml", body: include_str!("../../static/favicon.svg") },
    Asset {
        name: "suggest.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../../static/suggest.js"),
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

pub async fn asset(req: HttpRequest, file: web::Path<String>) -> Result<HttpResponse, WebError> {
    let asset = ASSETS.iter().find(|a| a.name == file.as_str()).ok_or(WebError::NotFound)?;
    let versioned = req.query_string() == format!("v={}", version());
    let max_age = if versioned { 31_536_000 } else { 3_600 };
    let mut cache = vec![CacheDirective::Public, CacheDirective::MaxAge(max_age)];
    if versioned {
        cache.push(CacheDirective::Extension("immutable".into(), None));
    }
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, asset.content_type))
        .insert_header(CacheControl(cache))
        .body(asset.body))
}
