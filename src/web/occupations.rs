//! `/occupations` (all 1,016 by major group, with their scores) and `/occupations/{code}`: a
//! scored occupation's full assessment page, or, for the few O*NET gives no tasks, why there is
//! no score and the nearest scored work.

use super::assessment::{self, OccupationView};
use super::http::ids::SocCode;
use super::http::render::{self, PageMeta};
use super::{State, WebError, with_catalogue};
use crate::assessment::Tier;
use crate::catalogue::models::{Card, MajorGroupRow, Nearby, OccupationRow};
use crate::catalogue::{occupations as queries, read};
use actix_web::HttpResponse;
use askama::Template;

/// How many nearby scored entries an unscored occupation lists.
const NEARBY: usize = 8;

/// Editor roles listed on an occupation page, so its weight does not grow with the catalogue.
pub const ROLES_SHOWN: usize = 25;

/// templates/occupation.html: an occupation without a score.
#[derive(Template)]
#[template(path = "occupation.html")]
pub struct UnscoredTemplate {
    pub meta: PageMeta,
    pub o: OccupationRow,
    /// Editor roles mapped to it, at most `ROLES_SHOWN`.
    pub roles: Vec<Card>,
    /// How many editor roles map to it in all; past `ROLES_SHOWN` the page links to browse.
    pub roles_total: usize,
    /// The browse page of editor roles in this occupation's major group.
    pub browse_url: String,
    /// The scored entries closest to it.
    pub nearby: Vec<Nearby>,
    /// O*NET OnLine's page for this code.
    pub onet_url: String,
    /// True when no nearby entry shares this occupation's major group.
    pub only_other_groups: bool,
}

impl UnscoredTemplate {
    fn closeness(&self, n: &Nearby) -> String {
        match n.closeness {
            "broad" => "Same broad occupation group".into(),
            "minor" => "Same minor group".into(),
            "major" => format!("Same major group: {}", self.o.major_group_name),
            _ => "Another occupation group".into(),
        }
    }

    fn tag(&self, c: &Card) -> String {
        c.zone.as_str().to_uppercase()
    }
}

fn browse_url(o: &OccupationRow) -> String {
    format!("/roles?provenance=editor&group={}", o.major_group)
}

fn onet_url(code: &str) -> String {
    format!("https://www.onetonline.org/link/summary/{code}")
}

pub async fn occupation(site: State, code: SocCode) -> Result<HttpResponse, WebError> {
    let found = with_catalogue(&site, move |c| {
        let conn = c.conn();
        let Some(o) = queries::occupation(&conn, &code)? else { return Ok(None) };
        let roles = queries::roles_in(&conn, &code, ROLES_SHOWN)?;
        let page = read::assessment_page(&conn, &code.key())?;
        let facts = read::occupation_facts(&conn, &code)?;
        let related =
            || facts.iter().flat_map(|f| f.related.iter()).filter_map(|r| Some((SocCode::parse(&r.code)?, r.tier)));
        let related_codes: Vec<SocCode> = related().map(|(c, _)| c).collect();
        let tiers: Vec<Tier> = related().map(|(_, t)| t).collect();
        let related_cards = queries::cards_of_occupations(&conn, &related_codes)?;
        let related = related_cards
            .into_iter()
            .filter_map(|card| {
                let i = related_codes.iter().position(|c| c.as_str() == card.key.id())?;
                Some((card, assessment::tier_name(tiers[i])))
            })
            .collect();
        let nearby = if page.is_none() { queries::nearby(&conn, &code, NEARBY)? } else { Vec::new() };
        let others = if page.is_some() { read::compare_candidates(&conn, "", 300)? } else { Vec::new() };
        Ok(Some((o, roles, page, facts, related, nearby, others)))
    })
    .await?;
    let (o, roles, page, facts, related, nearby, others) = found.ok_or(WebError::NotFound)?;
    match page {
        Some(page) => {
            let meta = super::role::meta(&site, &page.a);
            let (roles, roles_total) = roles;
            let browse_url = browse_url(&o);
            let view =
                OccupationView { onet_url: onet_url(&o.code), o, facts, roles, roles_total, browse_url, related };
            render::page(&assessment::build(&site, meta, page, others, Some(view)))
        }
        None => {
            let meta = PageMeta::new(
                &site,
                &o.url(),
                format!("{} ({}): no AI job-risk score yet", o.title, o.code),
                format!("{}: O*NET-SOC {}. {}", o.title, o.code, first_sentence(&o.description)),
            );
            let only_other_groups = !nearby.is_empty() && nearby.iter().all(|n| n.closeness == "other");
            let (roles, roles_total) = roles;
            let browse_url = browse_url(&o);
            let page = UnscoredTemplate {
                meta,
                onet_url: onet_url(&o.code),
                o,
                roles,
                roles_total,
                browse_url,
                nearby,
                only_other_groups,
            };
            render::page(&page)
        }
    }
}

fn first_sentence(text: &str) -> &str {
    text.find(". ").map_or(text, |i| &text[..=i])
}

/// templates/occupations.html
#[derive(Template)]
#[template(path = "occupations.html")]
pub struct OccupationsTemplate {
    pub meta: PageMeta,
    pub groups: Vec<MajorGroupRow>,
    pub total: usize,
    pub scored: usize,
}

pub async fn occupations(site: State) -> Result<HttpResponse, WebError> {
    let groups = with_catalogue(&site, |c| queries::by_major_group(&c.conn())).await?;
    let total = groups.iter().map(|g| g.occupations.len()).sum();
    let scored = groups.iter().map(MajorGroupRow::scored).sum();
    let meta = PageMeta::new(
        &site,
        "/occupations",
        "All occupations by group: find yours",
        format!("All {total} O*NET occupations in 23 major groups, {scored} of them with an AI job-risk score."),
    );
    render::page(&OccupationsTemplate { meta, groups, total, scored })
}
