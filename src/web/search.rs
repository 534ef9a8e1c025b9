//! `/search?q=`: the results page (its JSON twin is `api::search`).

use super::http::render::{self, PageMeta};
use super::{State, WebError, with_catalogue};
use crate::search::{Hit, MAX_QUERY_CHARS};
use actix_web::{HttpResponse, web};
use askama::Template;
use std::collections::HashMap;

/// Results on the page.
const PAGE_RESULTS: usize = 30;

/// templates/search.html
#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchTemplate {
    pub meta: PageMeta,
    /// The query as the reader typed it (trimmed, at most MAX_QUERY_CHARS).
    pub query: String,
    pub hits: Vec<Hit>,
    /// The level word the query named ("senior"), said once above the results; a role assessed
    /// at another level also says so on its own line.
    pub level: Option<String>,
    /// Suggestions when nothing matched.
    pub suggestions: Vec<&'static str>,
}

/// The query as searched: trimmed, without control characters, at most MAX_QUERY_CHARS.
pub(super) fn clean(q: Option<&String>) -> String {
    q.map(|q| q.trim().chars().filter(|c| !c.is_control()).take(MAX_QUERY_CHARS).collect()).unwrap_or_default()
}

pub async fn search_page(site: State, query: web::Query<HashMap<String, String>>) -> Result<HttpResponse, WebError> {
    let q = clean(query.get("q"));
    let hits = search(&site, &q, PAGE_RESULTS).await?;
    let suggestions = if hits.is_empty() {
        vec!["software developer", "nurse", "accountant", "teacher", "truck driver"]
    } else {
        Vec::new()
    };
    let title = if q.is_empty() {
        "Search for your job".to_string()
    } else {
        format!("Search results for \u{201c}{q}\u{201d}")
    };
    let meta = PageMeta {
        noindex: !q.is_empty(),
        ..PageMeta::new(
            &site,
            "/search",
            title,
            "Find your job by any title you know it by, and see how exposed it is to AI.",
        )
    };
    let level = hits.iter().find_map(|h| h.level.as_ref().map(|l| l.word.clone()));
    render::page(&SearchTemplate { meta, query: q, hits, level, suggestions })
}

/// Titles first, then what the work is: the description search reads SQLite, so the whole
/// search runs on the blocking pool. An empty query finds nothing.
pub(super) async fn search(site: &State, q: &str, limit: usize) -> Result<Vec<Hit>, WebError> {
    if q.is_empty() {
        return Ok(Vec::new());
    }
    let q = q.to_string();
    with_catalogue(site, move |c| c.search(&q, limit)).await
}
