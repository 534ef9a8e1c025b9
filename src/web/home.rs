//! `/`: what the site is, every assessed role by zone, and the latest revisions.

use super::render::{self, PageMeta};
use super::{State, WebError, with_catalogue};
use crate::catalogue::models::RoleSummary;
use crate::catalogue::read;
use crate::methodology::Methodology;
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

pub struct ZoneGroup {
    pub key: String,
    pub name: String,
    pub headline: String,
    /// The best-scoring few; the browse page lists the rest.
    pub roles: Vec<RoleSummary>,
    /// How many roles the zone has in all.
    pub count: usize,
}

/// Roles listed per zone on the home page, so its weight does not grow with the catalogue.
pub const PER_ZONE: usize = 12;

/// templates/home.html
#[derive(Template)]
#[template(path = "home.html")]
pub struct HomeTemplate {
    pub meta: PageMeta,
    pub m: std::sync::Arc<Methodology>,
    /// Highest zone first; each zone's roles best score first.
    pub zones: Vec<ZoneGroup>,
    pub recent: Vec<RoleSummary>,
    pub total: usize,
}

impl HomeTemplate {
    fn zone_name(&self, key: &str) -> String {
        self.m.zone(key).map_or_else(|| key.to_string(), |z| z.name.clone())
    }
}

pub async fn home(req: HttpRequest, site: State) -> Result<HttpResponse, WebError> {
    let (all, recent) = with_catalogue(&site, |c| {
        let conn = c.conn();
        Ok((read::all_roles(&conn)?, read::recently_updated(&conn, 5)?))
    })
    .await?;
    let m = site.catalogue().methodology.clone();
    let zones = m
        .zones
        .iter()
        .map(|z| {
            let mut roles: Vec<RoleSummary> = all.iter().filter(|r| r.zone == z.key).cloned().collect();
            roles.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.title.cmp(&b.title)));
            let count = roles.len();
            roles.truncate(PER_ZONE);
            ZoneGroup { key: z.key.clone(), name: z.name.clone(), headline: z.headline.clone(), roles, count }
        })
        .collect();
    let meta = PageMeta::new(
        &site,
        "/",
        "Will AI replace my job? AI job-risk scores by role",
        "Find out how exposed your job is to AI: task-by-task assessments, market evidence, barriers and one published formula, with safer roles to move to.",
    );
    render::page(&req, &site, &HomeTemplate { meta, m, zones, recent, total: all.len() })
}
