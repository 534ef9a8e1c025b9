//! The one guard for identifiers in paths: a handler that takes a [`RoleSlug`] or a [`SocCode`]
//! only ever runs with a well-formed one; anything else is a 404 before it starts.

pub use crate::assessment::{RoleSlug, SocCode};
use crate::web::WebError;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use std::future::{Ready, ready};

fn segment<T>(req: &HttpRequest, name: &str, parse: fn(&str) -> Option<T>) -> Result<T, WebError> {
    req.match_info().get(name).and_then(parse).ok_or(WebError::NotFound)
}

impl FromRequest for RoleSlug {
    type Error = WebError;
    type Future = Ready<Result<Self, WebError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(segment(req, "slug", RoleSlug::parse))
    }
}

impl FromRequest for SocCode {
    type Error = WebError;
    type Future = Ready<Result<Self, WebError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(segment(req, "code", SocCode::parse))
    }
}
