//! `/compare/{a}/{b}`: two assessments (roles by slug, occupations by O*NET-SOC code) side by
//! side and the move from a to b; `/compare?a=&b=` redirects there. Problems answer 4xx with the
//! form, so the reader can try again.

use super::charts::{self, Segment};
use super::http::render::{self, PageMeta};
use super::{State, WebError, filters, with_catalogue};
use crate::assessment::{Assessment, Key};
use crate::catalogue::models::{Card, TaskRow};
use crate::catalogue::read;
use crate::transition::Move;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use std::collections::HashMap;

/// How many roles the compare form lists.
const CANDIDATES: usize = 300;

/// One line of the side-by-side table.
pub struct Row {
    pub label: String,
    pub a: String,
    pub b: String,
    /// b - a, signed, or empty where a difference means nothing.
    pub diff: String,
    /// "up", "down" or "" for colouring the difference.
    pub direction: &'static str,
}

pub struct Comparison {
    pub a: Card,
    pub b: Card,
    pub a_tag: String,
    pub b_tag: String,
    pub rows: Vec<Row>,
    pub step: Move,
    pub summary: String,
    pub a_split: Vec<Segment>,
    pub b_split: Vec<Segment>,
}

/// templates/compare.html
#[derive(Template)]
#[template(path = "compare.html")]
pub struct CompareTemplate {
    pub meta: PageMeta,
    pub comparison: Option<Comparison>,
    /// What is wrong with the request, shown above the form.
    pub problem: Option<String>,
    pub roles: Vec<Card>,
    pub selected_a: String,
    pub selected_b: String,
}

fn row(label: &str, a: f64, b: f64, decimals: usize, suffix: &str, higher_is_safer: bool) -> Row {
    let diff = b - a;
    let fmt = |v: f64| format!("{v:.decimals$}{suffix}");
    let signed = if diff > 0.0 { format!("+{}", fmt(diff)) } else { fmt(diff) };
    let better = (diff > 0.0) == higher_is_safer;
    Row {
        label: label.into(),
        a: fmt(a),
        b: fmt(b),
        direction: if diff.abs() < 1e-9 {
            ""
        } else if better {
            "up"
        } else {
            "down"
        },
        diff: if diff.abs() < 1e-9 { "no change".into() } else { signed },
    }
}

fn compare(site: &super::State, (a, ac): &(Assessment, Card), (b, bc): &(Assessment, Card)) -> Comparison {
    let m = &site.catalogue().methodology;
    let (ca, cb) = (&a.card, &b.card);
    let range = |(lo, hi): (i64, i64)| format!("{lo} to {hi}");
    let names = &m.components;
    let rows = vec![
        row("Score (0-100)", ca.score, cb.score, 1, "", true),
        row(
            &format!("{} (0-{})", names.task_resistance.short, m.task_resistance_max()),
            ca.task_resistance,
            cb.task_resistance,
            2,
            "",
            true,
        ),
        row(
            &format!("{} ({})", names.evidence.short, range(m.evidence_range())),
            ca.evidence_total as f64,
            cb.evidence_total as f64,
            0,
            "",
            true,
        ),
        row(
            &format!("{} ({})", names.barriers.short, range(m.barrier_range())),
            ca.barriers_total as f64,
            cb.barriers_total as f64,
            0,
            "",
            true,
        ),
        row(
            &format!("{} ({})", names.protective.short, range(m.protective_range())),
            ca.protective_total as f64,
            cb.protective_total as f64,
            0,
            "",
            true,
        ),
        row(
            &format!("{} ({})", names.growth.short, range((m.growth.min_score, m.growth.max_score))),
            ca.growth as f64,
            cb.growth as f64,
            0,
            "",
            true,
        ),
        row("Time in displaced tasks", ca.split.displaced, cb.split.displaced, 0, "%", false),
        row("Time in augmented tasks", ca.split.augmented, cb.split.augmented, 0, "%", false),
        row("Time AI is not involved in", ca.split.not_involved, cb.split.not_involved, 0, "%", true),
    ];
    let step = Move::between(ac, &TaskRow::of(a), bc, &TaskRow::of(b));
    Comparison {
        a_tag: super::assessment::zone_tag(m, ac.zone, ac.sub_label.as_deref()),
        b_tag: super::assessment::zone_tag(m, bc.zone, bc.sub_label.as_deref()),
        a_split: charts::split_bar(m, &ac.split),
        b_split: charts::split_bar(m, &bc.split),
        summary: step.summary(),
        step,
        rows,
        a: ac.clone(),
        b: bc.clone(),
    }
}

/// An assessment and its card, if `key` names one.
fn fetch(conn: &rusqlite::Connection, key: &Key) -> rusqlite::Result<Option<(Assessment, Card)>> {
    Ok(read::assessment(conn, key)?.zip(read::card_of(conn, key)?))
}

/// Renders the compare page with a problem and the form, at a 4xx status.
async fn refuse(
    site: &State,
    status: StatusCode,
    problem: String,
    a: String,
    b: String,
) -> Result<HttpResponse, WebError> {
    let roles = with_catalogue(site, |c| read::compare_candidates(&c.conn(), "", CANDIDATES)).await?;
    let meta = PageMeta {
        noindex: true,
        ..PageMeta::new(site, "/compare", "Compare two roles", "Compare the AI job risk of two roles side by side.")
    };
    let page = CompareTemplate { meta, comparison: None, problem: Some(problem), roles, selected_a: a, selected_b: b };
    render::page_with_status(&page, status)
}

async fn no_such_role(site: &State) -> Result<HttpResponse, WebError> {
    let why = "We have no role at that address. Pick one from the lists.".to_string();
    refuse(site, StatusCode::NOT_FOUND, why, String::new(), String::new()).await
}

/// `/compare?a=..&b=..`: the form's target; sends the reader to the canonical address.
pub async fn compare_form(site: State, query: web::Query<HashMap<String, String>>) -> Result<HttpResponse, WebError> {
    let get = |k: &str| query.get(k).map(|v| v.trim().to_string()).unwrap_or_default();
    let (a, b) = (get("a"), get("b"));
    if a.is_empty() || b.is_empty() {
        let which = if a.is_empty() && b.is_empty() { "two roles" } else { "a second role" };
        return refuse(&site, StatusCode::BAD_REQUEST, format!("Choose {which} to compare."), a, b).await;
    }
    if Key::from_segment(&a).is_none() || Key::from_segment(&b).is_none() {
        return no_such_role(&site).await;
    }
    Ok(HttpResponse::SeeOther().insert_header(("Location", format!("/compare/{a}/{b}"))).finish())
}

pub async fn compare_page(site: State, path: web::Path<(String, String)>) -> Result<HttpResponse, WebError> {
    let (a, b) = path.into_inner();
    if a == b {
        return refuse(
            &site,
            StatusCode::BAD_REQUEST,
            "That is the same role twice: choose two different roles.".into(),
            a,
            String::new(),
        )
        .await;
    }
    let (Some(ka), Some(kb)) = (Key::from_segment(&a), Key::from_segment(&b)) else {
        return no_such_role(&site).await;
    };
    let (pa, pb, roles) = with_catalogue(&site, move |c| {
        let conn = c.conn();
        Ok((fetch(&conn, &ka)?, fetch(&conn, &kb)?, read::compare_candidates(&conn, "", CANDIDATES)?))
    })
    .await?;
    let (Some(pa), Some(pb)) = (pa, pb) else {
        return refuse(
            &site,
            StatusCode::NOT_FOUND,
            "We have no assessment at one of those addresses. Pick roles from the lists.".to_string(),
            String::new(),
            String::new(),
        )
        .await;
    };
    let comparison = compare(&site, &pa, &pb);
    // Both directions show the same two assessments: one canonical address for the pair.
    let (first, second) = if a <= b { (&a, &b) } else { (&b, &a) };
    let meta = PageMeta::new(
        &site,
        &format!("/compare/{first}/{second}"),
        format!("{} vs {}: AI job risk compared", pa.1.display_name(), pb.1.display_name()),
        format!(
            "{} scores {:.1} and {} scores {:.1} out of 100 for AI job risk. What moving from one to the other changes.",
            pa.1.display_name(),
            pa.1.score,
            pb.1.display_name(),
            pb.1.score
        ),
    );
    let page =
        CompareTemplate { meta, comparison: Some(comparison), problem: None, roles, selected_a: a, selected_b: b };
    render::page(&page)
}
