//! Turns a template into a response: content type, status, and cache headers keyed to the
//! catalogue version, so a reader's browser or a CDN can revalidate cheaply.

use super::{Site, WebError};
use actix_web::http::header::{self, CacheControl, CacheDirective, EntityTag, IfNoneMatch};
use actix_web::{HttpMessage, HttpRequest, HttpResponse};
use askama::Template;

/// What every page's <head> says about it.
pub struct PageMeta {
    pub title: String,
    pub description: String,
    /// Absolute URL of the canonical address, or empty for pages not to be indexed.
    pub canonical: String,
    pub og_type: &'static str,
    pub noindex: bool,
    /// Cache-busting token for /static assets.
    pub asset_version: &'static str,
    /// The share card a link preview shows, on pages that have one.
    pub image: Option<super::share::ShareImage>,
}

impl PageMeta {
    pub fn new(site: &Site, path: &str, title: impl Into<String>, description: impl Into<String>) -> Self {
        PageMeta {
            title: title.into(),
            description: description.into(),
            canonical: format!("{}{}", site.base_url, path),
            og_type: "website",
            noindex: false,
            asset_version: super::assets::version(),
            image: None,
        }
    }

    /// For error pages, which have no canonical address and no state.
    pub fn noindex(title: &str) -> Self {
        PageMeta {
            title: title.to_string(),
            description: String::new(),
            canonical: String::new(),
            og_type: "website",
            noindex: true,
            asset_version: super::assets::version(),
            image: None,
        }
    }
}

/// The ETag of every page rendered from this catalogue by this build of the server.
fn etag(site: &Site) -> EntityTag {
    EntityTag::new_weak(format!("{}-{}", site.catalogue.version, env!("CARGO_PKG_VERSION")))
}

/// A 304 when the reader already has what this catalogue would answer, checked before any work.
pub fn not_modified(req: &HttpRequest, site: &Site) -> Option<HttpResponse> {
    let tag = etag(site);
    match req.get_header::<IfNoneMatch>() {
        Some(IfNoneMatch::Items(items)) if items.iter().any(|t| t.weak_eq(&tag)) => {
            Some(HttpResponse::NotModified().insert_header(header::ETag(tag)).finish())
        }
        _ => None,
    }
}

/// Something drawn from the catalogue (a share card, a badge), cached like a page but longer.
pub fn generated(
    site: &Site,
    content_type: &'static str,
    max_age: u32,
    body: impl actix_web::body::MessageBody + 'static,
) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type))
        .insert_header(header::ETag(etag(site)))
        .insert_header(CacheControl(vec![CacheDirective::Public, CacheDirective::MaxAge(max_age)]))
        .body(body)
}

/// Renders `template` as a 200 page, or answers 304 when the reader already has it.
pub fn page<T: Template>(req: &HttpRequest, site: &Site, template: &T) -> Result<HttpResponse, WebError> {
    if let Some(unchanged) = not_modified(req, site) {
        return Ok(unchanged);
    }
    let tag = etag(site);
    let body = template.render().map_err(|e| WebError::Internal(format!("template: {e}")))?;
    Ok(HttpResponse::Ok()
        .insert_header(header::ContentType::html())
        .insert_header(header::ETag(tag))
        .insert_header(CacheControl(vec![CacheDirective::Public, CacheDirective::MaxAge(300)]))
        .body(body))
}

/// Renders `template` with a 4xx status (a form with a problem to fix); never cached.
pub fn page_with_status<T: Template>(
    template: &T,
    status: actix_web::http::StatusCode,
) -> Result<HttpResponse, WebError> {
    let body = template.render().map_err(|e| WebError::Internal(format!("template: {e}")))?;
    Ok(HttpResponse::build(status)
        .insert_header(header::ContentType::html())
        .insert_header(CacheControl(vec![CacheDirective::NoCache]))
        .body(body))
}

/// A permanent redirect, e.g. from a role's old slug.
pub fn moved_permanently(location: &str) -> HttpResponse {
    HttpResponse::MovedPermanently().insert_header((header::LOCATION, location)).finish()
}
