//! `/api/v1/search?q=&limit=`: search results as JSON, for suggestions and other clients.

use super::problem::{self, Kind};
use crate::search::Hit;
use crate::web::search::{clean, search as find};
use crate::web::{State, WebError};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;
use std::collections::HashMap;

const DEFAULT_LIMIT: usize = 8;
const MAX_LIMIT: usize = 50;

#[derive(Serialize)]
struct ApiResults<'a> {
    query: &'a str,
    results: Vec<Hit>,
}

pub async fn search(
    req: HttpRequest,
    site: State,
    query: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    let Some(raw) = query.get("q") else {
        return Ok(problem::respond(&req, Kind::BadQuery, "the q parameter is required"));
    };
    let limit = match query.get("limit").map(|l| l.trim().parse::<usize>()) {
        None => DEFAULT_LIMIT,
        Some(Ok(n)) if (1..=MAX_LIMIT).contains(&n) => n,
        Some(_) => {
            let detail = format!("limit must be a whole number from 1 to {MAX_LIMIT}");
            return Ok(problem::respond(&req, Kind::BadQuery, detail));
        }
    };
    let q = clean(Some(raw));
    let results = find(&site, &q, limit).await?;
    Ok(super::occupations::json(&ApiResults { query: &q, results }))
}
