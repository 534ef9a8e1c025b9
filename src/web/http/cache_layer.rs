//! The middleware in front of every handler: answers from the page cache when it can, keeps
//! what the handlers mark as cacheable, and compresses everything else on the fly.

use super::cache_policy::CachePolicy;
use super::encoding::{self, Coding, Effort};
use super::page_cache::{self, CachedPage};
use crate::web::Site;
use actix_web::body::{self, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{Error, HttpMessage, HttpResponse, web};
use std::sync::Arc;

/// Marks a response as fit for the page cache; set by `render::respond`.
#[derive(Clone, Copy)]
pub struct Cacheable(pub CachePolicy);

/// See the module documentation. A cache hit does no SQL, no rendering and no compression.
pub async fn serve(req: ServiceRequest, next: Next<impl MessageBody + 'static>) -> Result<ServiceResponse, Error> {
    let wanted = encoding::preferred(req.headers().get(header::ACCEPT_ENCODING));
    let is_read = matches!(*req.method(), Method::GET | Method::HEAD);
    let site = req.app_data::<web::Data<Site>>().cloned();
    let (Some(site), true) = (site, is_read) else {
        return compress_on_the_fly(next.call(req).await?, wanted).await;
    };
    // The one generation this request reads: the handler's `State` takes it from here.
    let generation = site.generation();
    let key = page_cache::key(req.path(), req.query_string());
    if let Some(page) = generation.pages.get(&key) {
        let res = page.respond(req.request(), wanted).await;
        return Ok(req.into_response(res));
    }
    let key = key.into_owned();
    req.extensions_mut().insert(Arc::clone(&generation));
    let res = next.call(req).await?;
    let policy = res.response().extensions().get::<Cacheable>().map(|c| c.0);
    let Some(policy) = policy.filter(|p| p.kept_in_page_cache() && res.status() == StatusCode::OK) else {
        return compress_on_the_fly(res, wanted).await;
    };
    let (req, res) = res.into_parts();
    let content_type = res.headers().get(header::CONTENT_TYPE).cloned();
    let bytes =
        body::to_bytes(res.into_body()).await.map_err(|e| actix_web::error::ErrorInternalServerError(e.into()))?;
    let page = Arc::new(CachedPage::new(content_type, policy, bytes));
    generation.pages.insert(key, Arc::clone(&page));
    let res = page.respond(&req, wanted).await;
    Ok(ServiceResponse::new(req, res))
}

/// Compresses a response that is not kept (errors, redirects' bodies, forms with a problem) in
/// the client's preferred coding, quickly.
async fn compress_on_the_fly(
    res: ServiceResponse<impl MessageBody + 'static>,
    wanted: Coding,
) -> Result<ServiceResponse, Error> {
    let headers = res.headers();
    if wanted == Coding::Identity
        || headers.contains_key(header::CONTENT_ENCODING)
        || !encoding::is_compressible(headers.get(header::CONTENT_TYPE))
    {
        return Ok(res.map_into_boxed_body());
    }
    let (req, res) = res.into_parts();
    let (mut head, body) = res.into_parts();
    let bytes = whole(body).await?;
    head.headers_mut().append(header::VARY, HeaderValue::from_static("accept-encoding"));
    let body = match encoding::compress(wanted, &bytes, Effort::OnTheFly) {
        Some(compressed) => {
            if let Some(ce) = wanted.header() {
                head.headers_mut().insert(header::CONTENT_ENCODING, ce);
            }
            compressed
        }
        None => bytes,
    };
    let res: HttpResponse<BoxBody> = head.set_body(BoxBody::new(body));
    Ok(ServiceResponse::new(req, res))
}

/// The whole body as one buffer: the rendered page itself when it is already one (no copy).
async fn whole(body: impl MessageBody) -> Result<actix_web::web::Bytes, Error> {
    match body.try_into_bytes() {
        Ok(bytes) => Ok(bytes),
        Err(body) => body::to_bytes(body).await.map_err(|e| actix_web::error::ErrorInternalServerError(e.into())),
    }
}
