//! `/about` (who publishes jobzone, how scores are made, how to report an error) and
//! `/accessibility` (what we test, known gaps, how to report a barrier).

use super::http::render::{self, PageMeta};
use super::{State, WebError};
use actix_web::HttpResponse;
use askama::Template;

/// Where readers send corrections and accessibility reports: `--contact-email`, or corrections@
/// the public host.
pub fn contact_email(configured: Option<&str>, base_url: &str) -> String {
    if let Some(address) = configured.filter(|a| !a.trim().is_empty()) {
        return address.trim().to_string();
    }
    let host = base_url.split("://").nth(1).unwrap_or(base_url).split(['/', ':']).next().unwrap_or("localhost");
    format!("corrections@{host}")
}

/// templates/about.html
#[derive(Template)]
#[template(path = "about.html")]
pub struct AboutTemplate {
    pub meta: PageMeta,
    pub contact: String,
    /// The methodology version the catalogue was built with.
    pub methodology_version: String,
}

/// templates/accessibility.html
#[derive(Template)]
#[template(path = "accessibility.html")]
pub struct AccessibilityTemplate {
    pub meta: PageMeta,
    pub contact: String,
}

pub async fn about(site: State) -> Result<HttpResponse, WebError> {
    let meta = PageMeta::new(
        &site,
        "/about",
        "About jobzone",
        "Who publishes jobzone, how its AI job-risk scores are made, and how to report an error.",
    );
    let methodology_version = site.catalogue().methodology.version.to_string();
    render::page(&AboutTemplate { meta, contact: site.contact_email.clone(), methodology_version })
}

pub async fn accessibility(site: State) -> Result<HttpResponse, WebError> {
    let meta = PageMeta::new(
        &site,
        "/accessibility",
        "Accessibility statement",
        "How jobzone is built and tested to be usable by everyone, the gaps we know of, and how to report a barrier.",
    );
    render::page(&AccessibilityTemplate { meta, contact: site.contact_email.clone() })
}

#[cfg(test)]
mod tests {
    use super::contact_email;

    #[test]
    fn the_contact_address_is_configured_or_taken_from_the_public_host() {
        assert_eq!(contact_email(Some("fixes@example.org"), "https://jobzone.example"), "fixes@example.org");
        assert_eq!(contact_email(None, "https://jobzone.example/"), "corrections@jobzone.example");
        assert_eq!(contact_email(Some("  "), "http://127.0.0.1:8080"), "corrections@127.0.0.1");
    }
}
