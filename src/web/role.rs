//! `/roles/{slug}`: the role page, and `/roles/{slug}/feed.xml`, its revision feed.

use super::charts::{self, Segment, Waterfall};
use super::render::{self, PageMeta};
use super::{State, WebError, filters, with_catalogue};
use crate::catalogue::models::{RolePage, RoleSummary};
use crate::catalogue::read;
use crate::content::validate_slug;
use crate::methodology::engine::signed;
use crate::methodology::{Methodology, Zone};
use crate::transition::Move;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

/// One gauge of "score at a glance".
pub struct Meter {
    pub name: String,
    pub description: String,
    /// e.g. "3.05", "-4".
    pub value: String,
    /// e.g. "/5".
    pub out_of: String,
    /// 0-100.
    pub fill: f64,
}

/// A protective principle, evidence dimension or barrier, named and scored.
pub struct ItemRow {
    pub name: String,
    pub short: String,
    /// What the score means, where the methodology says (protective levels).
    pub level: String,
    pub score: i64,
    pub rationale: String,
    /// 0-100, for the bar.
    pub fill: f64,
}

pub struct TransitionCard {
    pub why: String,
    pub zone_name: String,
    pub step: Move,
    pub summary: String,
    pub from_split: Vec<Segment>,
    pub to_split: Vec<Segment>,
}

/// templates/role.html
#[derive(Template)]
#[template(path = "role.html")]
pub struct RoleTemplate {
    pub meta: PageMeta,
    /// Everything read from the catalogue.
    pub r: RolePage,
    pub m: std::sync::Arc<Methodology>,
    pub zone: Zone,
    /// "RED", "GREEN (Transforming)".
    pub zone_tag: String,
    pub formula_zone_name: String,
    pub glance: Vec<Meter>,
    pub bands: Vec<Segment>,
    pub split: Vec<Segment>,
    /// Tasks by share of time, largest first, for the impact chart.
    pub task_bars: Vec<(String, u32, i64, String)>,
    pub protective: Vec<ItemRow>,
    pub evidence: Vec<ItemRow>,
    pub evidence_band: String,
    pub barriers: Vec<ItemRow>,
    pub barrier_band: String,
    pub growth_label: String,
    pub growth_effect: String,
    pub composition_labels: Vec<String>,
    pub waterfall: Waterfall,
    /// "Green ≥48, Yellow 25-47.9, Red <25".
    pub zone_rule: String,
    /// "Red: does not meet all three Imminent conditions".
    pub sub_label_line: String,
    pub transitions: Vec<TransitionCard>,
    /// Roles offered in the "compare with" form.
    pub compare_roles: Vec<RoleSummary>,
    /// The email updates form (templates/partials/updates_form.html).
    pub follow: super::subscriptions::FollowForm,
}

impl RoleTemplate {
    fn class_label(&self, key: &str) -> String {
        self.m.task_classes.iter().find(|c| c.key == key).map_or_else(|| key.to_string(), |c| c.label.clone())
    }

    /// "RED" or "GREEN (Transforming)" for any role summary.
    fn tag(&self, s: &RoleSummary) -> String {
        zone_tag(&self.m, &s.zone, s.sub_label.as_deref())
    }
}

fn zone_name(m: &Methodology, key: &str) -> String {
    m.zone(key).map_or_else(|| key.to_string(), |z| z.name.clone())
}

/// "Green ≥48, Yellow 25–47.9, Red <25", from the methodology's zones.
pub(super) fn zone_rule(m: &Methodology) -> String {
    m.zones
        .iter()
        .enumerate()
        .map(|(i, z)| match i {
            0 => format!("{} \u{2265}{}", z.name, z.min_score),
            _ if i == m.zones.len() - 1 => format!("{} <{}", z.name, m.zones[i - 1].min_score),
            _ => format!("{} {}\u{2013}{:.1}", z.name, z.min_score, m.zones[i - 1].min_score - 0.1),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn zone_tag(m: &Methodology, zone: &str, sub_label: Option<&str>) -> String {
    let name = zone_name(m, zone).to_uppercase();
    match sub_label {
        Some(sub) => format!("{name} ({sub})"),
        None => name,
    }
}

/// How many roles the "compare with" form offers.
const COMPARE_CHOICES: usize = 300;

const NUMBER_WORDS: [&str; 6] = ["zero", "one", "two", "three", "four", "five"];

fn build(site: &super::Site, r: RolePage, compare_roles: Vec<RoleSummary>) -> RoleTemplate {
    let m = site.catalogue.methodology.clone();
    let c = &r.card;
    let s = &r.summary;
    let zone = m.zone(&s.zone).cloned().unwrap_or_else(|| m.zones[m.zones.len() - 1].clone());
    let own_tag = zone_tag(&m, &s.zone, s.sub_label.as_deref());

    // Each gauge's range is the methodology's: a dimension's per-item range times its items.
    let total = |min: i64, max: i64, items: usize| ((min * items as i64) as f64, (max * items as i64) as f64);
    let evidence_range = total(m.evidence.min_score, m.evidence.max_score, m.evidence.dimensions.len());
    let barrier_range = total(m.barriers.min_score, m.barriers.max_score, m.barriers.dimensions.len());
    let protective_range = total(m.protective.min_score, m.protective.max_score, m.protective.principles.len());
    let growth_range = (m.growth.min_score as f64, m.growth.max_score as f64);
    let glance = vec![
        meter(
            "Task Resistance",
            &m.task_resistance.description,
            format!("{:.2}", c.task_resistance),
            c.task_resistance,
            (0.0, 5.0),
        ),
        meter("Evidence", &m.evidence.description, signed(c.evidence_total), c.evidence_total as f64, evidence_range),
        meter(
            "Barriers to AI",
            &m.barriers.description,
            c.barriers_total.to_string(),
            c.barriers_total as f64,
            barrier_range,
        ),
        meter(
            "Protective Principles",
            &m.protective.description,
            c.protective_total.to_string(),
            c.protective_total as f64,
            protective_range,
        ),
        meter("AI Growth", &m.growth.description, signed(c.growth), c.growth as f64, growth_range),
    ];

    let mut task_bars: Vec<_> = r.tasks.iter().map(|t| (t.name.clone(), t.share, t.score, t.class.clone())).collect();
    task_bars.sort_by_key(|t| std::cmp::Reverse(t.1));

    let (pmax, emin, emax, bmax) =
        (m.protective.max_score, m.evidence.min_score, m.evidence.max_score, m.barriers.max_score);
    let protective = r
        .protective
        .iter()
        .zip(&m.protective.principles)
        .map(|(row, p)| ItemRow {
            name: p.name.clone(),
            short: p.short_name().to_string(),
            level: usize::try_from(row.score).ok().and_then(|i| p.levels.get(i)).cloned().unwrap_or_default(),
            score: row.score,
            rationale: row.rationale.clone(),
            fill: charts::fill(row.score as f64, 0.0, pmax as f64),
        })
        .collect();
    let items =
        |rows: &[crate::catalogue::models::ScoredRow], dims: &[crate::methodology::Dimension], min: i64, max: i64| {
            rows.iter()
                .zip(dims)
                .map(|(row, d)| ItemRow {
                    name: d.name.clone(),
                    short: d.short_name().to_string(),
                    level: String::new(),
                    score: row.score,
                    rationale: row.rationale.clone(),
                    fill: charts::fill(row.score as f64, min as f64, max as f64),
                })
                .collect::<Vec<_>>()
        };
    let evidence = items(&r.evidence, &m.evidence.dimensions, emin, emax);
    let barriers = items(&r.barriers, &m.barriers.dimensions, 0, bmax);

    let composition_labels = vec![
        format!("Task Resistance ({}%)", m.composition.task_resistance),
        format!("Evidence ({}%)", m.composition.evidence),
        format!("Barriers ({}%)", m.composition.barriers),
        format!("Protective ({}%)", m.composition.protective),
        format!("AI Growth ({}%)", m.composition.growth),
    ];
    let short_labels: Vec<String> =
        ["Task Resistance", "Evidence", "Barriers", "Protective", "AI Growth"].map(String::from).to_vec();
    let waterfall = charts::waterfall(&short_labels, &c.composition, c.score);

    let zone_rule = zone_rule(&m);

    let sub_label_line = match (&s.sub_label, c.sub_label_checks.first()) {
        (Some(sub), _) => format!("{} \u{2014} {sub}", zone.name),
        (None, Some((rule, checks))) => format!(
            "{} \u{2014} does not meet all {} {rule} conditions",
            zone.name,
            NUMBER_WORDS.get(checks.len()).copied().unwrap_or("the")
        ),
        (None, None) => format!("{} \u{2014} no sub-label applies to this zone", zone.name),
    };

    let transitions = r
        .transitions
        .iter()
        .map(|t| {
            let step = Move::between(s, &r.tasks, &t.target, &t.target_tasks);
            TransitionCard {
                why: t.why.clone(),
                zone_name: zone_tag(&m, &t.target.zone, t.target.sub_label.as_deref()),
                summary: step.summary(),
                from_split: charts::split_bar(&m, &s.split),
                to_split: charts::split_bar(&m, &t.target.split),
                step,
            }
        })
        .collect();

    let name = s.display_name();
    let meta = PageMeta {
        og_type: "article",
        ..PageMeta::new(
            site,
            &s.url(),
            format!("Will AI replace {} jobs? {:.1}/100, {} zone", name, s.score, zone.name),
            format!(
                "{name} scores {:.1}/100 on the jobzone AI job-risk index: {} zone. Task breakdown, evidence, barriers, the full calculation and safer roles to move to.",
                s.score, zone.name
            ),
        )
    };

    RoleTemplate {
        follow: super::subscriptions::FollowForm::new(site, crate::subscriptions::Kind::Role, &s.slug, name),
        meta,
        formula_zone_name: zone_name(&m, &r.formula_zone),
        growth_label: m.growth_label(c.growth).to_string(),
        growth_effect: m.growth_effect(c.growth).to_string(),
        evidence_band: Methodology::band(&m.evidence.bands, c.evidence_total).to_string(),
        barrier_band: Methodology::band(&m.barriers.bands, c.barriers_total).to_string(),
        bands: charts::zone_bands(&m),
        split: charts::split_bar(&m, &s.split),
        zone,
        zone_tag: own_tag,
        glance,
        task_bars,
        protective,
        evidence,
        barriers,
        composition_labels,
        waterfall,
        zone_rule,
        sub_label_line,
        transitions,
        compare_roles,
        r,
        m,
    }
}

/// A gauge showing `value` (as `shown`) out of the top of `range`.
fn meter(name: &str, description: &str, shown: String, value: f64, range: (f64, f64)) -> Meter {
    Meter {
        name: name.into(),
        description: description.into(),
        value: shown,
        out_of: format!("/{}", range.1),
        fill: charts::fill(value, range.0, range.1),
    }
}

pub async fn role_page(req: HttpRequest, site: State, slug: web::Path<String>) -> Result<HttpResponse, WebError> {
    let slug = slug.into_inner();
    if !validate_slug(&slug) {
        return Err(WebError::NotFound);
    }
    let (page, renamed, others) = with_catalogue(&site, move |c| {
        let conn = c.conn();
        let page = read::role_page(&conn, &slug)?;
        let renamed = if page.is_none() { read::renamed_to(&conn, &slug)? } else { None };
        let others = if page.is_some() { read::compare_candidates(&conn, &slug, COMPARE_CHOICES)? } else { Vec::new() };
        Ok((page, renamed, others))
    })
    .await?;
    match (page, renamed) {
        (Some(page), _) => render::page(&req, &site, &build(&site, page, others)),
        (None, Some(to)) => Ok(render::moved_permanently(&format!("/roles/{to}"))),
        (None, None) => Err(WebError::NotFound),
    }
}

/// templates/role_feed.xml
#[derive(Template)]
#[template(path = "role_feed.xml")]
pub struct RoleFeed {
    pub base_url: String,
    pub r: RolePage,
}

pub async fn role_feed(site: State, slug: web::Path<String>) -> Result<HttpResponse, WebError> {
    let slug = slug.into_inner();
    if !validate_slug(&slug) {
        return Err(WebError::NotFound);
    }
    let page = with_catalogue(&site, move |c| read::role_page(&c.conn(), &slug)).await?.ok_or(WebError::NotFound)?;
    let feed = RoleFeed { base_url: site.base_url.clone(), r: page };
    let body = feed.render().map_err(|e| WebError::Internal(format!("feed template: {e}")))?;
    Ok(HttpResponse::Ok().insert_header((header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")).body(body))
}
