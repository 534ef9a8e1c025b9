//! `/sitemap.xml` and `/robots.txt`: what search engines may crawl.

use super::{State, WebError, with_catalogue};
use crate::catalogue::read;
use actix_web::HttpResponse;
use actix_web::http::header::{self, CacheControl, CacheDirective};
use askama::Template;

/// templates/sitemap.xml
#[derive(Template)]
#[template(path = "sitemap.xml")]
pub struct Sitemap {
    pub base_url: String,
    /// (path, last change date or empty)
    pub entries: Vec<(String, String)>,
}

pub async fn sitemap(site: State) -> Result<HttpResponse, WebError> {
    let entries = with_catalogue(&site, |c| read::sitemap_entries(&c.conn())).await?;
    let body = Sitemap { base_url: site.base_url.clone(), entries }
        .render()
        .map_err(|e| WebError::Internal(format!("sitemap template: {e}")))?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/xml; charset=utf-8"))
        .insert_header(CacheControl(vec![CacheDirective::Public, CacheDirective::MaxAge(3600)]))
        .body(body))
}

pub async fn robots(site: State) -> HttpResponse {
    HttpResponse::Ok().insert_header((header::CONTENT_TYPE, "text/plain; charset=utf-8")).body(format!(
        "User-agent: *\nDisallow: /api/\nDisallow: /search\nAllow: /\nSitemap: {}/sitemap.xml\n",
        site.base_url
    ))
}
