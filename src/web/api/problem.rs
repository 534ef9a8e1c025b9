//! Errors under `/api/` as RFC 9457 problem details (`application/problem+json`), so a client
//! reads one shape for every failure instead of an HTML page. Each problem type is documented on
//! `/data` under its anchor, which its `type` URI points to.

use crate::web::Site;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, CacheControl, CacheDirective};
use actix_web::middleware::Next;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;

pub const CONTENT_TYPE: &str = "application/problem+json";

/// The kinds of problem the API reports; each has a fixed title, as RFC 9457 asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    UnknownEndpoint,
    NotFound,
    BadQuery,
    MethodNotAllowed,
    ServerError,
}

impl Kind {
    pub const ALL: [Kind; 5] =
        [Kind::UnknownEndpoint, Kind::NotFound, Kind::BadQuery, Kind::MethodNotAllowed, Kind::ServerError];

    /// The anchor on /data that documents it.
    pub fn slug(self) -> &'static str {
        match self {
            Kind::UnknownEndpoint => "unknown-endpoint",
            Kind::NotFound => "not-found",
            Kind::BadQuery => "bad-query",
            Kind::MethodNotAllowed => "method-not-allowed",
            Kind::ServerError => "server-error",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Kind::UnknownEndpoint => "No such API endpoint",
            Kind::NotFound => "Nothing is published under that name",
            Kind::BadQuery => "A query parameter is missing or out of range",
            Kind::MethodNotAllowed => "Method not allowed",
            Kind::ServerError => "Something went wrong on our side",
        }
    }

    pub fn status(self) -> StatusCode {
        match self {
            Kind::UnknownEndpoint | Kind::NotFound => StatusCode::NOT_FOUND,
            Kind::BadQuery => StatusCode::BAD_REQUEST,
            Kind::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Kind::ServerError => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// What the /data page says about it.
    pub fn explanation(self) -> &'static str {
        match self {
            Kind::UnknownEndpoint => {
                "The path is not one of the endpoints listed here; check the spelling and the version prefix /api/v1."
            }
            Kind::NotFound => {
                "The endpoint exists, but no role has that slug, or no occupation has that O*NET-SOC code."
            }
            Kind::BadQuery => {
                "A required parameter is missing, or a value is not allowed; the detail names the parameter and its range."
            }
            Kind::MethodNotAllowed => {
                "The API is read-only: only GET and HEAD are answered. The Allow header lists them."
            }
            Kind::ServerError => "We could not read the catalogue. It is logged on our side; please try again later.",
        }
    }

    fn of_status(status: StatusCode) -> Kind {
        match status.as_u16() {
            404 => Kind::NotFound,
            405 => Kind::MethodNotAllowed,
            400..=499 => Kind::BadQuery,
            _ => Kind::ServerError,
        }
    }
}

/// The RFC 9457 members we send.
#[derive(Debug, Serialize)]
struct Problem<'a> {
    #[serde(rename = "type")]
    kind: String,
    title: &'static str,
    status: u16,
    detail: &'a str,
    instance: &'a str,
}

fn base_url(req: &HttpRequest) -> String {
    req.app_data::<web::Data<Site>>().map(|s| s.base_url.clone()).unwrap_or_default()
}

/// The one way the API answers an error: `kind`'s status and title, `detail` in the reader's
/// terms, and the request path as `instance`.
pub fn respond(req: &HttpRequest, kind: Kind, detail: impl AsRef<str>) -> HttpResponse {
    let body = Problem {
        kind: format!("{}/data#problem-{}", base_url(req), kind.slug()),
        title: kind.title(),
        status: kind.status().as_u16(),
        detail: detail.as_ref(),
        instance: req.path(),
    };
    let mut response = HttpResponse::build(kind.status());
    response
        .insert_header((header::CONTENT_TYPE, CONTENT_TYPE))
        .insert_header(CacheControl(vec![CacheDirective::NoCache]));
    if kind == Kind::MethodNotAllowed {
        response.insert_header((header::ALLOW, "GET, HEAD"));
    }
    response.body(serde_json::to_string(&body).unwrap_or_default())
}

/// The scope's default service: a path under /api/ that no endpoint matches.
pub async fn unknown_endpoint(req: HttpRequest) -> HttpResponse {
    respond(&req, Kind::UnknownEndpoint, format!("no API endpoint answers {}", req.path()))
}

/// Each endpoint's default service: a method other than GET or HEAD.
pub async fn method_not_allowed(req: HttpRequest) -> HttpResponse {
    respond(&req, Kind::MethodNotAllowed, format!("{} is not allowed here; use GET or HEAD", req.method()))
}

/// A safety net around the whole API: any error answer that is not already a problem (a path or
/// query extractor's refusal, an internal error rendered as HTML) becomes one, so no client ever
/// gets HTML from /api/.
pub async fn fallback(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let (http, response) = match next.call(req).await {
        Ok(res) => {
            let is_problem = res
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.starts_with(CONTENT_TYPE));
            if res.status().as_u16() < 400 || is_problem {
                return Ok(res.map_into_boxed_body());
            }
            let status = res.status();
            let (http, _) = res.into_parts();
            (http, status)
        }
        Err(e) => return Err(e),
    };
    let kind = Kind::of_status(response);
    let detail = match kind {
        Kind::ServerError => "the catalogue could not be read".to_string(),
        _ => format!("{} answered {}", http.path(), response.as_u16()),
    };
    let body = respond(&http, kind, detail);
    Ok(ServiceResponse::new(http, body))
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::middleware::from_fn;
    use actix_web::{App, test as actix_test};

    #[actix_web::test]
    async fn the_fallback_turns_an_html_error_into_a_problem_and_leaves_success_alone() {
        let app = actix_test::init_service(
            App::new().service(
                web::scope("/api")
                    .wrap(from_fn(fallback))
                    .route("/html", web::get().to(|| async { HttpResponse::InternalServerError().body("<p>oops</p>") }))
                    .route("/ok", web::get().to(|| async { HttpResponse::Ok().body("fine") })),
            ),
        )
        .await;
        let res = actix_test::call_service(&app, actix_test::TestRequest::get().uri("/api/html").to_request()).await;
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(res.headers().get(header::CONTENT_TYPE).map(|v| v.as_bytes()), Some(CONTENT_TYPE.as_bytes()));
        let body: serde_json::Value = actix_test::read_body_json(res).await;
        assert_eq!((body["status"].as_u64(), body["instance"].as_str()), (Some(500), Some("/api/html")));
        let res = actix_test::call_service(&app, actix_test::TestRequest::get().uri("/api/ok").to_request()).await;
        assert_eq!(actix_test::read_body(res).await, "fine");
    }

    #[test]
    fn every_kind_has_a_distinct_anchor_and_an_error_status() {
        let mut slugs: Vec<&str> = Kind::ALL.iter().map(|k| k.slug()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), Kind::ALL.len());
        assert!(Kind::ALL.iter().all(|k| k.status().as_u16() >= 400));
        assert_eq!(Kind::of_status(StatusCode::UNPROCESSABLE_ENTITY), Kind::BadQuery);
    }
}
