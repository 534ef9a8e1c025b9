//! `/search?q=`: the results page (its JSON twin is `api::search`).

use super::http::render::{self, PageMeta};
use super::{State, WebError};
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
    /// Suggestions when nothing matched.
    pub suggestions: Vec<&'static str>,
}

/// The query as searched: trimmed, without control characters, at most MAX_QUERY_CHARS.
pub(super) fn clean(q: Option<&String>) -> String {
    q.map(|q| q.trim().chars().filter(|c| !c.is_control()).take(MAX_QUERY_CHARS).collect()).unwrap_or_default()
}

pub async fn search_page(site: State, query: web::Query<HashMap<String, String>>) -> Result<HttpResponse, WebError> {
    let q = clean(query.get("q"));
    let hits = if q.is_empty() { Vec::new() } else { site.catalogue().search.search(&q, PAGE_RESULTS) };
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
    render::page(&SearchTemplate { meta, query: q, hits, suggestions })
}
