//! `/`: what the site is, the distribution of every score, the editor-reviewed roles by zone,
//! and the latest revisions.

use super::charts::{self, Histogram};
use super::http::render::{self, PageMeta};
use super::{State, WebError, with_catalogue};
use crate::catalogue::models::Card;
use crate::catalogue::read;
use crate::methodology::{Methodology, Provenance, ZoneKey};
use actix_web::HttpResponse;
use askama::Template;

/// Editor roles listed per zone on the home page; the rest are a click away in /roles.
const ROLES_PER_ZONE: usize = 12;

pub struct ZoneGroup {
    pub key: ZoneKey,
    pub name: String,
    pub headline: String,
    /// Best score first, at most ROLES_PER_ZONE.
    pub roles: Vec<Card>,
    /// Editor roles in the zone, on all pages.
    pub roles_total: usize,
    /// Every scored entry in the zone, both provenances.
    pub count: usize,
}

/// templates/home.html
#[derive(Template)]
#[template(path = "home.html")]
pub struct HomeTemplate {
    pub meta: PageMeta,
    pub m: std::sync::Arc<Methodology>,
    /// Highest zone first.
    pub zones: Vec<ZoneGroup>,
    pub recent: Vec<Card>,
    /// Editor-reviewed roles.
    pub roles: usize,
    /// Data-derived occupation estimates.
    pub occupations: usize,
    pub histogram: Histogram,
}

impl HomeTemplate {
    /// "RED" or "GREEN (Transforming)": a card's zone as every badge names it.
    fn tag(&self, c: &Card) -> String {
        super::assessment::zone_tag(&self.m, c.zone, c.sub_label.as_deref())
    }
}

pub async fn home(site: State) -> Result<HttpResponse, WebError> {
    let (all, scores, recent) = with_catalogue(&site, |c| {
        let conn = c.conn();
        Ok((read::all_roles(&conn)?, read::all_scores(&conn)?, read::recently_updated(&conn, 5)?))
    })
    .await?;
    let m = site.catalogue().methodology.clone();
    let zones = m
        .zones
        .iter()
        .map(|z| {
            let mut roles: Vec<Card> = all.iter().filter(|r| r.zone == z.key).cloned().collect();
            roles.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.title.cmp(&b.title)));
            let roles_total = roles.len();
            roles.truncate(ROLES_PER_ZONE);
            let count = scores.iter().filter(|s| s.1 == z.key).count();
            ZoneGroup { key: z.key, name: z.name.clone(), headline: z.headline.clone(), roles, roles_total, count }
        })
        .collect();
    let values: Vec<f64> = scores.iter().map(|s| s.0).collect();
    let occupations = scores.iter().filter(|s| s.2 == Provenance::Data).count();
    let meta = PageMeta::new(
        &site,
        "/",
        "Will AI replace my job? AI job-risk scores by role",
        "Find out how exposed your job is to AI: task-by-task assessments, market evidence, barriers and one published formula, with safer roles to move to.",
    );
    let histogram = charts::histogram(&m, &values, 5.0);
    render::page(&HomeTemplate { meta, m, zones, recent, roles: all.len(), occupations, histogram })
}
