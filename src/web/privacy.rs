//! `/privacy`: what the email updates keep, why, for how long, and how to delete it.

use super::http::render::{self, PageMeta};
use super::{State, WebError};
use crate::subscriptions::{CONFIRM_TTL_SECS, limits::Limits};
use actix_web::HttpResponse;
use askama::Template;

/// templates/privacy.html
#[derive(Template)]
#[template(path = "privacy.html")]
pub struct PrivacyTemplate {
    pub meta: PageMeta,
    /// How long a confirmation link works, in hours.
    pub confirm_hours: u64,
    pub limits: Limits,
}

pub async fn privacy(site: State) -> Result<HttpResponse, WebError> {
    let meta = PageMeta::new(
        &site,
        "/privacy",
        "Privacy: what jobzone keeps about you",
        "What jobzone keeps when you ask for email updates, why, for how long, and how to delete it.",
    );
    let page = PrivacyTemplate {
        meta,
        confirm_hours: CONFIRM_TTL_SECS / 3600,
        limits: site.subscriptions.as_ref().map_or_else(Default::default, |s| s.limits),
    };
    render::page(&page)
}
