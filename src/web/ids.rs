//! The one guard for identifiers in paths: a handler that takes a [`RoleSlug`] or a [`SocCode`]
//! only ever runs with a well-formed one; anything else is a 404 before it starts.

use super::WebError;
use crate::assessment::Key;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use std::future::{Ready, ready};

/// A well-formed role slug from the `{slug}` path segment.
pub struct RoleSlug(pub String);

/// A well-formed O*NET-SOC code from the `{code}` path segment.
pub struct SocCode(pub String);

impl RoleSlug {
    pub fn key(&self) -> Key {
        Key::role(self.0.as_str())
    }
}

impl SocCode {
    pub fn key(&self) -> Key {
        Key::occupation(self.0.as_str())
    }
}

fn segment(req: &HttpRequest, name: &str, valid: fn(&str) -> bool) -> Result<String, WebError> {
    req.match_info().get(name).filter(|s| valid(s)).map(str::to_string).ok_or(WebError::NotFound)
}

impl FromRequest for RoleSlug {
    type Error = WebError;
    type Future = Ready<Result<Self, WebError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(segment(req, "slug", crate::content::validate_slug).map(RoleSlug))
    }
}

impl FromRequest for SocCode {
    type Error = WebError;
    type Future = Ready<Result<Self, WebError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(segment(req, "code", crate::content::is_soc_code).map(SocCode))
    }
}
