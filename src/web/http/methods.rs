//! HTTP method and path rules shared by every route: GET and HEAD on pages, 405 with `Allow`
//! for anything else, and one canonical address per page (no trailing slash).

use crate::web::WebError;
use actix_web::dev::HttpServiceFactory;
use actix_web::http::header;
use actix_web::{FromRequest, Handler, HttpRequest, HttpResponse, Responder, guard, web};

/// The methods every page answers.
pub const ALLOWED: &str = "GET, HEAD";

/// A resource answering GET, and HEAD the same way without a body; other methods get 405.
pub fn page<F, Args>(path: &str, handler: F) -> impl HttpServiceFactory + use<F, Args>
where
    F: Handler<Args>,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    web::resource(path).route(get_or_head().to(handler)).default_service(web::to(method_not_allowed))
}

/// The one GET/HEAD guard: a route answering GET, and HEAD the same way without a body. Pages,
/// the API and the resources that also take a POST all use it.
pub fn get_or_head() -> actix_web::Route {
    web::route().guard(guard::Any(guard::Get()).or(guard::Head()))
}

async fn method_not_allowed() -> Result<HttpResponse, WebError> {
    Err(WebError::MethodNotAllowed)
}

/// The default service: a path with a trailing slash is sent to its canonical address with 308;
/// anything else is a 404. A path that would become `//host` (a protocol-relative URL, an open
/// redirect) is a plain 404.
pub async fn not_found_or_redirect(req: HttpRequest) -> Result<HttpResponse, WebError> {
    let path = req.path();
    if path.len() > 1 && path.ends_with('/') {
        let trimmed = path.trim_end_matches('/');
        let trimmed = if trimmed.is_empty() { "/" } else { trimmed };
        let unsafe_target = trimmed.starts_with("//") || trimmed.starts_with("/\\") || trimmed.contains("%5C");
        if !unsafe_target {
            let location = match req.query_string() {
                "" => trimmed.to_string(),
                q => format!("{trimmed}?{q}"),
            };
            return Ok(HttpResponse::PermanentRedirect()
                .insert_header((header::LOCATION, location))
                .insert_header((header::CACHE_CONTROL, super::cache_policy::CachePolicy::Revalidate.header_value()))
                .finish());
        }
    }
    Err(WebError::NotFound)
}
