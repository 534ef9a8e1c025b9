//! `/methodology`: the formula, rendered from the methodology the catalogue was built with.

use super::render::{self, PageMeta};
use super::{State, WebError, filters};
use crate::methodology::Methodology;
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

/// templates/methodology.html
#[derive(Template)]
#[template(path = "methodology.html")]
pub struct MethodologyTemplate {
    pub meta: PageMeta,
    pub m: std::sync::Arc<Methodology>,
    /// methodology.toml exactly as it ran.
    pub source: String,
    /// (score, label, effect) for each AI growth score.
    pub growth_rows: Vec<(i64, String, String)>,
}

pub async fn methodology(req: HttpRequest, site: State) -> Result<HttpResponse, WebError> {
    let m = site.catalogue().methodology.clone();
    let meta = PageMeta::new(
        &site,
        "/methodology",
        format!("Methodology: how the jobzone score is calculated (v{})", m.version),
        "Every weight, threshold and label of the jobzone AI job-risk score, exactly as it runs.",
    );
    let growth_rows = (m.growth.min_score..=m.growth.max_score)
        .map(|g| (g, m.growth_label(g).to_string(), m.growth_effect(g).to_string()))
        .collect();
    let page = MethodologyTemplate { meta, source: site.catalogue().methodology_source.clone(), growth_rows, m };
    render::page(&req, &site, &page)
}
