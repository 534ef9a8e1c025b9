//! `/about` (who publishes jobzone, how scores are made, how to report an error) and
//! `/accessibility` (what we test, known gaps, how to report a barrier).

use super::render::{self, PageMeta};
use super::{State, WebError};
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

/// Where readers send corrections and accessibility reports. One place to change it.
pub const CONTACT_EMAIL: &str = "corrections@jobzone.example";

/// templates/about.html
#[derive(Template)]
#[template(path = "about.html")]
pub struct AboutTemplate {
    pub meta: PageMeta,
    pub contact: &'static str,
    /// The methodology version the catalogue was built with.
    pub methodology_version: String,
}

/// templates/accessibility.html
#[derive(Template)]
#[template(path = "accessibility.html")]
pub struct AccessibilityTemplate {
    pub meta: PageMeta,
    pub contact: &'static str,
}

pub async fn about(req: HttpRequest, site: State) -> Result<HttpResponse, WebError> {
    let meta = PageMeta::new(
        &site,
        "/about",
        "About jobzone",
        "Who publishes jobzone, how its AI job-risk scores are made, and how to report an error.",
    );
    let methodology_version = site.catalogue().methodology.version.to_string();
    render::page(&req, &site, &AboutTemplate { meta, contact: CONTACT_EMAIL, methodology_version })
}

pub async fn accessibility(req: HttpRequest, site: State) -> Result<HttpResponse, WebError> {
    let meta = PageMeta::new(
        &site,
        "/accessibility",
        "Accessibility statement",
        "How jobzone is built and tested to be usable by everyone, the gaps we know of, and how to report a barrier.",
    );
    render::page(&req, &site, &AccessibilityTemplate { meta, contact: CONTACT_EMAIL })
}
