//! Turns a template into a response: content type, status, and cache headers from the one
//! `CachePolicy`, so a reader's browser or a CDN can revalidate cheaply.

use super::cache_layer::Cacheable;
use super::cache_policy::CachePolicy;
use crate::web::{Site, State, WebError};
use actix_web::http::header::{
    self, CacheControl, CacheDirective, ContentType, EntityTag, IfNoneMatch, TryIntoHeaderPair,
};
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
    pub image: Option<crate::web::share::ShareImage>,
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

/// The one adapter from a page's template to its response: a 200 that the page cache may keep.
/// The ETag, the 304 and the compression are the cache layer's work (`cache_layer`), so they
/// cost nothing on a hit.
pub fn page<T: Template>(template: &T) -> Result<HttpResponse, WebError> {
    let body = template.render().map_err(|e| WebError::internal("while rendering a template", e))?;
    Ok(respond(CachePolicy::Page, ContentType::html(), body))
}

/// The one adapter from a body to a response: content type, `Cache-Control` from `policy`, and
/// the mark that lets the page cache keep it.
pub fn respond(policy: CachePolicy, content_type: impl TryIntoHeaderPair, body: impl Into<String>) -> HttpResponse {
    let mut res = HttpResponse::Ok()
        .insert_header(content_type)
        .insert_header((header::CACHE_CONTROL, policy.header_value()))
        .body(body.into());
    res.extensions_mut().insert(Cacheable(policy));
    res
}

/// The ETag of what is drawn from this catalogue (share cards, badges), which the page cache
/// does not keep: it changes exactly when the catalogue does.
fn version_etag(site: &State) -> EntityTag {
    EntityTag::new_strong(format!("{}-{}", site.catalogue().version, env!("CARGO_PKG_VERSION")))
}

/// A 304 when the reader already has the drawing this catalogue would answer, checked first.
pub fn not_modified(req: &HttpRequest, site: &State) -> Option<HttpResponse> {
    let tag = version_etag(site);
    match req.get_header::<IfNoneMatch>() {
        Some(IfNoneMatch::Any) => Some(HttpResponse::NotModified().insert_header(header::ETag(tag)).finish()),
        Some(IfNoneMatch::Items(items)) if items.iter().any(|t| t.weak_eq(&tag)) => {
            Some(HttpResponse::NotModified().insert_header(header::ETag(tag)).finish())
        }
        _ => None,
    }
}

/// Something drawn from the catalogue (a share card, a badge), cached like a page but longer.
pub fn generated(
    site: &State,
    content_type: &'static str,
    max_age: u32,
    body: impl actix_web::body::MessageBody + 'static,
) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type))
        .insert_header(header::ETag(version_etag(site)))
        .insert_header(CacheControl(vec![CacheDirective::Public, CacheDirective::MaxAge(max_age)]))
        .body(body)
}

/// Renders `template` with a 4xx status (a form with a problem to fix); never cached.
pub fn page_with_status<T: Template>(
    template: &T,
    status: actix_web::http::StatusCode,
) -> Result<HttpResponse, WebError> {
    let body = template.render().map_err(|e| WebError::internal("while rendering a template", e))?;
    Ok(HttpResponse::build(status)
        .insert_header(header::ContentType::html())
        .insert_header((header::CACHE_CONTROL, CachePolicy::Revalidate.header_value()))
        .body(body))
}

/// A permanent redirect, e.g. from a role's old slug.
pub fn moved_permanently(location: &str) -> HttpResponse {
    HttpResponse::MovedPermanently()
        .insert_header((header::LOCATION, location))
        .insert_header((header::CACHE_CONTROL, CachePolicy::Revalidate.header_value()))
        .finish()
}
