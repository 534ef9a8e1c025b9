//! The one error type of the web layer: every failure becomes a helpful HTML page with the
//! right status. Internal causes are logged, never shown.

use super::http::cache_policy::CachePolicy;
use super::http::render::PageMeta;
use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpResponse, ResponseError};
use askama::Template;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("not found")]
    NotFound,
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("method not allowed")]
    MethodNotAllowed,
    /// A feature this copy of the site cannot offer (e.g. email updates without a writable
    /// subscribers store); says why in the reader's terms.
    #[error("unavailable: {0}")]
    Unavailable(&'static str),
    /// A failure on our side; the cause chain is logged, never shown.
    #[error("internal error: {0:#}")]
    Internal(#[source] anyhow::Error),
}

impl WebError {
    /// An internal error with what was being done when it happened.
    pub fn internal<E>(doing: &'static str, cause: E) -> WebError
    where
        E: Into<anyhow::Error>,
    {
        WebError::Internal(cause.into().context(doing))
    }
}

/// templates/error.html
#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    meta: PageMeta,
    /// 404, 400 or 500.
    status: u16,
    heading: &'static str,
    /// What went wrong, in the reader's terms.
    explanation: String,
}

impl ResponseError for WebError {
    fn status_code(&self) -> StatusCode {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            WebError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let (heading, explanation) = match self {
            WebError::NotFound => (
                "We couldn't find that page",
                "The address may be mistyped, or the role may not be assessed yet.".to_string(),
            ),
            WebError::BadRequest(why) => ("That request didn't make sense to us", format!("{why}.")),
            WebError::MethodNotAllowed => (
                "That address only answers reading",
                format!("Pages here answer {} requests only.", super::http::methods::ALLOWED),
            ),
            WebError::Unavailable(why) => ("That is not available here", (*why).to_string()),
            WebError::Internal(cause) => {
                tracing::error!(error = ?cause, "internal error");
                ("Something went wrong on our side", "We have logged it. Please try again in a moment.".to_string())
            }
        };
        let status = self.status_code();
        let page = ErrorPage { meta: PageMeta::noindex(heading), status: status.as_u16(), heading, explanation };
        let body = page.render().unwrap_or_else(|_| heading.to_string());
        let mut res = HttpResponse::build(status);
        if matches!(self, WebError::MethodNotAllowed) {
            res.insert_header((header::ALLOW, super::http::methods::ALLOWED));
        }
        res.insert_header(header::ContentType::html())
            .insert_header((header::CACHE_CONTROL, CachePolicy::Revalidate.header_value()))
            .body(body)
    }
}
