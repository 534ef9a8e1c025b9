//! `/api/v1/search?q=&limit=`: search results as JSON, for suggestions and other clients.

use super::problem::{self, Kind};
use crate::search::Hit;
use crate::web::State;
use crate::web::search::clean;
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

pub async fn search(req: HttpRequest, site: State, query: web::Query<HashMap<String, String>>) -> HttpResponse {
    let Some(raw) = query.get("q") else {
        return problem::respond(&req, Kind::BadQuery, "the q parameter is required");
    };
    let limit = match query.get("limit").map(|l| l.trim().parse::<usize>()) {
        None => DEFAULT_LIMIT,
        Some(Ok(n)) if (1..=MAX_LIMIT).contains(&n) => n,
        Some(_) => {
            return problem::respond(
                &req,
                Kind::BadQuery,
                format!("limit must be a whole number from 1 to {MAX_LIMIT}"),
            );
        }
    };
    let q = clean(Some(raw));
    let results = if q.is_empty() { Vec::new() } else { site.catalogue().search.search(&q, limit) };
    super::occupations::json(&ApiResults { query: &q, results })
}
