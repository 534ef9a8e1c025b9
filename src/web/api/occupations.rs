//! `/api/v1/occupations` and `/api/v1/occupations/{code}`: every occupation and every figure on
//! an occupation page, as JSON.

use super::problem::{self, Kind};
use crate::assessment::usage::ObservedUsage;
use crate::assessment::{Assessment, DataFacts, SocCode};
use crate::catalogue::models::{Card, OccupationRow};
use crate::catalogue::{occupations as queries, read};
use crate::web::http::cache_policy::CachePolicy;
use crate::web::{State, WebError, with_catalogue};
use actix_web::http::header::ContentType;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Serialize;

/// One occupation in the list: scored or not.
#[derive(Serialize)]
struct OccupationItem {
    code: String,
    title: String,
    score: Option<f64>,
    zone: Option<String>,
    /// "data" for a data-derived score; null when there is none.
    provenance: Option<String>,
    url: String,
}

#[derive(Serialize)]
struct OccupationList {
    count: usize,
    scored: usize,
    occupations: Vec<OccupationItem>,
}

/// Everything an occupation page shows.
#[derive(Serialize)]
struct OccupationDetail {
    code: String,
    title: String,
    description: String,
    major_group: String,
    major_group_name: String,
    url: String,
    /// Why there is no score, when there is none.
    unscored_reason: Option<String>,
    facts: Option<DataFacts>,
    /// The whole assessment: tasks, dimensions with their sources and raw values, the scorecard.
    assessment: Option<Assessment>,
    /// Editor-reviewed roles mapped to this occupation.
    roles: Vec<Card>,
    /// The score history, oldest first: each change of score, zone or methodology, and why;
    /// empty when the occupation has no score.
    history: Vec<crate::history::Point>,
    /// What each Anthropic Economic Index release saw of its tasks; null without task statements.
    observed_usage: Option<ObservedUsage>,
}

/// JSON through the one adapter, so the page cache keeps it with a strong ETag.
pub(super) fn json<T: Serialize>(value: &T) -> HttpResponse {
    match serde_json::to_string(value) {
        Ok(body) => crate::web::http::render::respond(CachePolicy::Api, ContentType::json(), body),
        Err(e) => {
            tracing::error!(%e, "could not write JSON");
            HttpResponse::InternalServerError().finish()
        }
    }
}

pub async fn occupations(site: State) -> Result<HttpResponse, WebError> {
    let groups = with_catalogue(&site, |c| queries::by_major_group(&c.conn())).await?;
    let occupations: Vec<OccupationItem> = groups
        .into_iter()
        .flat_map(|g| g.occupations)
        .map(|o| OccupationItem {
            url: format!("{}{}", site.base_url, o.url()),
            provenance: o.score.map(|_| "data".to_string()),
            zone: o.zone.map(|z| z.as_str().to_string()),
            score: o.score,
            code: o.code,
            title: o.title,
        })
        .collect();
    let scored = occupations.iter().filter(|o| o.score.is_some()).count();
    Ok(json(&OccupationList { count: occupations.len(), scored, occupations }))
}

pub async fn occupation(req: HttpRequest, site: State, code: web::Path<String>) -> Result<HttpResponse, WebError> {
    let Some(code) = SocCode::parse(&code) else {
        return Ok(problem::respond(&req, Kind::NotFound, format!("no occupation {:?}", code.into_inner())));
    };
    let key = code.key();
    let found = with_catalogue(&site, move |c| {
        let conn = c.conn();
        let Some(o) = queries::occupation(&conn, &code)? else { return Ok(None) };
        Ok(Some((
            o,
            read::occupation_facts(&conn, &code)?,
            read::assessment(&conn, &key)?,
            queries::roles_in(&conn, &code, usize::MAX >> 1)?.0,
            crate::catalogue::history::of(&conn, &key)?,
            crate::catalogue::usage::observed_usage(&conn, code.as_str())?,
        )))
    })
    .await?;
    let Some((o, facts, assessment, roles, history, usage)) = found else {
        return Ok(problem::respond(&req, Kind::NotFound, "no occupation with that code"));
    };
    let OccupationRow { code, title, description, major_group, major_group_name, unscored_reason } = o;
    let url = format!("{}/occupations/{code}", site.base_url);
    Ok(json(&OccupationDetail {
        code,
        title,
        description,
        major_group,
        major_group_name,
        url,
        unscored_reason,
        facts,
        assessment,
        roles,
        history,
        observed_usage: usage.measured(),
    }))
}
