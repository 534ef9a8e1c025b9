//! `/sitemap.xml` and `/robots.txt`: what search engines may crawl.

use super::http::cache_policy::CachePolicy;
use super::http::render;
use super::{State, WebError, with_catalogue};
use crate::catalogue::read;
use actix_web::HttpResponse;
use actix_web::http::header;
use askama::Template;

/// The site's own pages, listed before every assessment page (and warmed first).
pub const PAGES: [&str; 5] = ["/", "/roles", "/occupations", "/methodology", "/data"];

/// templates/sitemap.xml
#[derive(Template)]
#[template(path = "sitemap.xml")]
pub struct Sitemap {
    pub base_url: String,
    pub pages: &'static [&'static str],
    /// (path, last change date or empty)
    pub entries: Vec<(String, String)>,
}

pub async fn sitemap(site: State) -> Result<HttpResponse, WebError> {
    let entries = with_catalogue(&site, |c| read::sitemap_entries(&c.conn())).await?;
    let body = Sitemap { base_url: site.base_url.clone(), pages: &PAGES, entries }
        .render()
        .map_err(|e| WebError::internal("while rendering the sitemap", e))?;
    Ok(render::respond(CachePolicy::Feed, (header::CONTENT_TYPE, "application/xml; charset=utf-8"), body))
}

pub async fn robots(site: State) -> HttpResponse {
    let body = format!(
        "User-agent: *\nDisallow: /api/\nDisallow: /search\nAllow: /\nSitemap: {}/sitemap.xml\n",
        site.base_url
    );
    render::respond(CachePolicy::Feed, (header::CONTENT_TYPE, "text/plain; charset=utf-8"), body)
}
