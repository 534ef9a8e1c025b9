//! `/api/v1/roles` and `/api/v1/roles/{slug}`: every editor-reviewed role, and every figure on a
//! role page, as JSON.

use super::problem::{self, Kind};
use crate::assessment::usage::ObservedUsage;
use crate::assessment::{Assessment, RoleSlug};
use crate::catalogue::models::Card;
use crate::catalogue::read;
use crate::web::{State, WebError, with_catalogue};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;

/// One role in the list.
#[derive(Serialize)]
struct RoleItem {
    slug: String,
    title: String,
    seniority: Option<String>,
    score: f64,
    zone: String,
    provenance: String,
    url: String,
}

#[derive(Serialize)]
struct RoleList {
    count: usize,
    roles: Vec<RoleItem>,
}

/// Everything a role page shows: the narrow card and the whole assessment behind it.
#[derive(Serialize)]
struct RoleDetail {
    slug: String,
    url: String,
    card: Card,
    assessment: Assessment,
    /// The score history, oldest first: each change of score, zone or methodology, and why.
    history: Vec<crate::history::Point>,
    /// What each Anthropic Economic Index release saw of the tasks of the role's occupation.
    observed_usage: Option<ObservedUsage>,
}

pub async fn roles(site: State) -> Result<HttpResponse, WebError> {
    let cards = with_catalogue(&site, |c| read::all_roles(&c.conn())).await?;
    let roles: Vec<RoleItem> = cards
        .into_iter()
        .map(|c| RoleItem {
            url: format!("{}{}", site.base_url, c.url()),
            slug: c.key.id().to_string(),
            title: c.title,
            seniority: c.seniority,
            score: c.score,
            zone: c.zone.as_str().to_string(),
            provenance: c.provenance.as_str().to_string(),
        })
        .collect();
    Ok(super::occupations::json(&RoleList { count: roles.len(), roles }))
}

/// A renamed role's old slug redirects (301) to its new address, as the page does.
pub async fn role(req: HttpRequest, site: State, slug: web::Path<String>) -> Result<HttpResponse, WebError> {
    let Some(slug) = RoleSlug::parse(&slug) else {
        return Ok(problem::respond(&req, Kind::NotFound, "a role slug is lowercase letters, digits and hyphens"));
    };
    let key = slug.key();
    let (found, renamed) = with_catalogue(&site, move |c| {
        let conn = c.conn();
        let found = match (read::assessment(&conn, &key)?, read::card_of(&conn, &key)?) {
            (Some(a), Some(card)) => {
                let history = crate::catalogue::history::of(&conn, &key)?;
                let usage = crate::catalogue::usage::observed_usage(&conn, &a.occupation)?;
                Some((a, card, history, usage))
            }
            _ => None,
        };
        let renamed = if found.is_none() { read::renamed_to(&conn, &slug)? } else { None };
        Ok((found, renamed))
    })
    .await?;
    match (found, renamed) {
        (Some((assessment, card, history, usage)), _) => Ok(super::occupations::json(&RoleDetail {
            slug: card.key.id().to_string(),
            url: format!("{}{}", site.base_url, card.url()),
            card,
            assessment,
            history,
            observed_usage: usage.measured(),
        })),
        (None, Some(to)) => Ok(HttpResponse::MovedPermanently()
            .insert_header((header::LOCATION, format!("/api/v1/roles/{to}")))
            .finish()),
        (None, None) => Ok(problem::respond(&req, Kind::NotFound, "no role has that slug")),
    }
}
