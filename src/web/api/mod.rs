//! Everything under `/api/`: the endpoint table, one problem-details answer for every error, and
//! the OpenAPI description at `/api/v1/openapi.json`. The table is the one list of endpoints: the
//! scope is built from it, and a test checks each path is in the OpenAPI document.

mod occupations;
pub mod problem;
mod roles;
mod search;

use super::http::methods::get_or_head as get;
use actix_web::dev::HttpServiceFactory;
use actix_web::http::header::{self, CacheControl, CacheDirective};
use actix_web::middleware::from_fn;
use actix_web::{HttpRequest, HttpResponse, Route, web};
use problem::Kind;

/// The OpenAPI 3.1 description, kept by hand beside the code it describes.
const OPENAPI: &str = include_str!("../../../static/openapi.json");

/// Every endpoint: its full path and its handler.
fn endpoints() -> Vec<(&'static str, Route)> {
    vec![
        ("/api/v1/search", get().to(search::search)),
        ("/api/v1/occupations", get().to(occupations::occupations)),
        ("/api/v1/occupations/{code}", get().to(occupations::occupation)),
        ("/api/v1/roles", get().to(roles::roles)),
        ("/api/v1/roles/{slug}", get().to(roles::role)),
        ("/api/v1/openapi.json", get().to(openapi)),
    ]
}

/// The paths the API answers, as the OpenAPI document names them.
pub fn api_paths() -> Vec<&'static str> {
    endpoints().into_iter().map(|(path, _)| path).collect()
}

/// The `/api` scope: every endpoint, a 405 problem for other methods on it, a 404 problem for
/// unknown paths, and problem details for extractor errors.
pub fn scope() -> impl HttpServiceFactory {
    let mut scope = web::scope("/api")
        .app_data(web::PathConfig::default().error_handler(|e, req| {
            actix_web::error::InternalError::from_response(e, problem::respond(req, Kind::NotFound, "malformed path"))
                .into()
        }))
        .app_data(web::QueryConfig::default().error_handler(|e, req| {
            let detail = format!("the query string could not be read: {e}");
            actix_web::error::InternalError::from_response(e, problem::respond(req, Kind::BadQuery, detail)).into()
        }))
        .default_service(web::to(problem::unknown_endpoint));
    for (path, route) in endpoints() {
        let relative = path.strip_prefix("/api").unwrap_or(path);
        scope =
            scope.service(web::resource(relative).route(route).default_service(web::to(problem::method_not_allowed)));
    }
    scope.wrap(from_fn(problem::fallback))
}

/// `/api/v1/openapi.json`.
pub async fn openapi(_req: HttpRequest) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/json"))
        .insert_header(CacheControl(vec![CacheDirective::Public, CacheDirective::MaxAge(3600)]))
        .body(OPENAPI)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_openapi_document_is_json_and_lists_every_endpoint() {
        let doc: serde_json::Value = serde_json::from_str(OPENAPI).expect("valid JSON");
        assert_eq!(doc["openapi"].as_str().map(|v| v.starts_with("3.1")), Some(true));
        for path in api_paths() {
            assert!(doc["paths"][path].is_object(), "{path} is not documented");
        }
    }
}
