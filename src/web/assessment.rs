//! The assessment page, shared by editor roles (`/roles/{slug}`) and data-derived occupations
//! (`/occupations/{code}`): one view model, built one section at a time, each section paired with
//! its partial under `templates/partials/assessment/`.

use super::charts::{self, Segment, Waterfall};
use super::render::PageMeta;
use super::{Site, filters};
use crate::assessment::{Assessment, Automation, Basis, DataFacts, Exposure, Rated, TaskType};
use crate::catalogue::models::{AssessmentPage, Card, OccupationRow};
use crate::methodology::engine::{percent, signed};
use crate::methodology::{Methodology, Provenance, ProvenanceLabel, TaskClassKey, Zone, ZoneKey};
use crate::transition::Move;
use askama::Template;
use std::sync::Arc;

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
    /// Data-derived: the published figure behind the points.
    pub basis: Option<Basis>,
}

impl ItemRow {
    pub fn no_data(&self) -> bool {
        self.basis.as_ref().is_some_and(|b| b.no_data)
    }
}

/// One task row, rated or not.
pub struct TaskLine {
    pub name: String,
    /// "15", "6.7": percent of rated time; empty when not rated.
    pub share: String,
    pub score: Option<i64>,
    pub weighted: Option<f64>,
    pub class: Option<TaskClassKey>,
    pub rationale: String,
    pub labels: Option<crate::assessment::TaskLabels>,
}

pub struct TransitionCard {
    pub why: String,
    pub zone_name: String,
    pub step: Move,
    pub summary: String,
    pub from_split: Vec<Segment>,
    pub to_split: Vec<Segment>,
}

/// The ranges a page prints beside figures, all from the methodology.
pub struct Ranges {
    /// "1–5".
    pub task: String,
    /// "/5.0".
    pub trs_max: String,
    pub evidence_item: String,
    pub evidence_total: String,
    pub barrier_item: String,
    pub barrier_total: String,
    pub protective_item: String,
    pub protective_total: String,
    pub growth: String,
}

impl Ranges {
    fn of(m: &Methodology) -> Ranges {
        let range = |min: i64, max: i64| format!("{}\u{2013}{}", signed_plain(min), signed_plain(max));
        Ranges {
            task: range(m.task_scores.min, m.task_scores.max),
            trs_max: format!("/{:.1}", m.task_resistance_max()),
            evidence_item: range(m.evidence.min_score, m.evidence.max_score),
            evidence_total: format!("/{}", m.evidence_range().1),
            barrier_item: range(m.barriers.min_score, m.barriers.max_score),
            barrier_total: format!("/{}", m.barrier_range().1),
            protective_item: range(m.protective.min_score, m.protective.max_score),
            protective_total: format!("/{}", m.protective_range().1),
            growth: range(m.growth.min_score, m.growth.max_score),
        }
    }
}

/// "-2", "0", "2": a range end, with a typographic minus.
fn signed_plain(n: i64) -> String {
    n.to_string().replace('-', "\u{2212}")
}

/// What an occupation page adds to the assessment.
pub struct OccupationView {
    pub o: OccupationRow,
    pub facts: Option<DataFacts>,
    /// Editor roles mapped to this occupation, at most `occupations::ROLES_SHOWN`.
    pub roles: Vec<Card>,
    /// How many in all, and where to browse them when there are more.
    pub roles_total: usize,
    pub browse_url: String,
    /// O*NET's related occupations that have a score, in O*NET's order, with their tier in words.
    pub related: Vec<(Card, &'static str)>,
    pub onet_url: String,
}

/// templates/assessment.html
#[derive(Template)]
#[template(path = "assessment.html")]
pub struct AssessmentTemplate {
    pub meta: PageMeta,
    pub a: Assessment,
    pub card: Card,
    pub m: Arc<Methodology>,
    pub provenance: ProvenanceLabel,
    pub zone: Zone,
    /// "RED", "GREEN (Transforming)".
    pub zone_tag: String,
    pub formula_zone_name: String,
    pub ranges: Ranges,
    pub glance: Vec<Meter>,
    pub bands: Vec<Segment>,
    pub split: Vec<Segment>,
    /// Rated tasks by share of time, largest first, for the impact chart.
    pub task_bars: Vec<(String, f64, i64, TaskClassKey)>,
    pub tasks: Vec<TaskLine>,
    pub protective: Vec<ItemRow>,
    pub evidence: Vec<ItemRow>,
    pub evidence_band: String,
    pub barriers: Vec<ItemRow>,
    pub barrier_band: String,
    pub growth: ItemRow,
    pub growth_label: String,
    pub growth_effect: String,
    pub composition_labels: Vec<String>,
    pub waterfall: Waterfall,
    /// "Green ≥48, Yellow 25-47.9, Red <25".
    pub zone_rule: String,
    /// "Red: does not meet all three Imminent conditions".
    pub sub_label_line: String,
    pub transitions: Vec<TransitionCard>,
    pub seniority_links: Vec<Card>,
    /// Roles offered in the "compare with" form.
    pub compare_roles: Vec<Card>,
    /// Occupation pages only.
    pub occupation: Option<OccupationView>,
    /// JSON-LD and the embed snippet (partials/jsonld.html, partials/embed.html).
    pub share: super::share::PageShare,
    /// The email updates form (partials/updates_form.html).
    pub follow: super::subscriptions::FollowForm,
}

impl AssessmentTemplate {
    fn class_label(&self, key: &TaskClassKey) -> String {
        self.m.class(*key).label.clone()
    }

    /// "RED" or "GREEN (Transforming)" for any card.
    fn tag(&self, c: &Card) -> String {
        zone_tag(&self.m, c.zone, c.sub_label.as_deref())
    }

    fn is_editor(&self) -> bool {
        self.a.provenance == Provenance::Editor
    }

    fn live_tracked(&self) -> bool {
        self.a.editorial.as_ref().is_some_and(|e| e.live_tracked)
    }

    /// The date of the first revision.
    fn published(&self) -> &str {
        self.a.editorial.as_ref().and_then(|e| e.revisions.last()).map_or("", |v| v.date.as_str())
    }

    fn pct(&self, p: &f64) -> String {
        percent(*p)
    }

    fn exposure(&self, label: &Option<Exposure>) -> &'static str {
        exposure_words(*label)
    }

    fn automation(&self, label: &Option<Automation>) -> &'static str {
        automation_words(*label)
    }

    fn task_type(&self, t: &TaskType) -> &'static str {
        match t {
            TaskType::Core => "Core task",
            TaskType::Supplemental => "Supplemental task",
            TaskType::Unspecified => "Task type not given",
        }
    }
}

/// E0/E1/E2 in words, as Eloundou et al. define them.
pub fn exposure_words(label: Option<Exposure>) -> &'static str {
    match label {
        Some(Exposure::E0) => "E0, no exposure",
        Some(Exposure::E1) => "E1, an LLM alone halves the time",
        Some(Exposure::E2) => "E2, LLM-powered software would halve it",
        None => "not labelled",
    }
}

/// T0..T4 in words: Eloundou et al.'s five-level automation scale.
pub fn automation_words(label: Option<Automation>) -> &'static str {
    match label {
        Some(Automation::T0) => "T0, no automation",
        Some(Automation::T1) => "T1, minimal",
        Some(Automation::T2) => "T2, partial",
        Some(Automation::T3) => "T3, mostly automated",
        Some(Automation::T4) => "T4, full automation",
        None => "not rated",
    }
}

pub fn zone_name(m: &Methodology, key: ZoneKey) -> String {
    m.zone(key).name.clone()
}

/// "Green ≥48, Yellow 25–47.9, Red <25", from the methodology's zones.
pub fn zone_rule(m: &Methodology) -> String {
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

pub fn zone_tag(m: &Methodology, zone: ZoneKey, sub_label: Option<&str>) -> String {
    let name = zone_name(m, zone).to_uppercase();
    match sub_label {
        Some(sub) => format!("{name} ({sub})"),
        None => name,
    }
}

const NUMBER_WORDS: [&str; 6] = ["zero", "one", "two", "three", "four", "five"];

/// Builds the page one section at a time.
pub fn build(
    site: &Site,
    meta: PageMeta,
    page: AssessmentPage,
    compare_roles: Vec<Card>,
    occupation: Option<OccupationView>,
) -> AssessmentTemplate {
    let m = site.catalogue().methodology.clone();
    let AssessmentPage { a, card, transitions, seniority_links } = page;
    let description = match (&a.editorial, &occupation) {
        (Some(e), _) => e.primary_function.clone(),
        (None, Some(o)) => o.o.description.clone(),
        (None, None) => String::new(),
    };
    let share = super::share::PageShare::new(site, &a, &card, &description);
    let follow = super::subscriptions::FollowForm::new(site, card.key.kind, &card.key.id, card.display_name());
    let meta = PageMeta { image: Some(super::share::image(site, &card)), ..meta };
    let c = &a.card;
    let zone = m.zone(a.zone).clone();
    let growth = item(
        &a.growth,
        a.growth.key.clone(),
        "AI growth".into(),
        String::new(),
        m.growth.min_score,
        m.growth.max_score,
    );
    AssessmentTemplate {
        meta,
        provenance: m.provenance(a.provenance).clone(),
        zone_tag: zone_tag(&m, a.zone, c.sub_label.as_deref()),
        formula_zone_name: zone_name(&m, c.zone),
        ranges: Ranges::of(&m),
        glance: glance(&m, &a),
        bands: charts::zone_bands(&m),
        split: charts::split_bar(&m, &c.split),
        task_bars: task_bars(&a),
        tasks: task_lines(&a),
        protective: protective(&m, &a),
        evidence: items(&a.evidence, &m.evidence.dimensions, m.evidence.min_score, m.evidence.max_score),
        evidence_band: Methodology::band(&m.evidence.bands, c.evidence_total).to_string(),
        barriers: items(&a.barriers, &m.barriers.dimensions, m.barriers.min_score, m.barriers.max_score),
        barrier_band: Methodology::band(&m.barriers.bands, c.barriers_total).to_string(),
        growth,
        growth_label: m.growth_label(c.growth).to_string(),
        growth_effect: m.growth_effect(c.growth).to_string(),
        composition_labels: composition_labels(&m),
        waterfall: charts::waterfall(
            &["Task Resistance", "Evidence", "Barriers", "Protective", "AI Growth"].map(String::from),
            &c.composition,
            c.score,
        ),
        zone_rule: zone_rule(&m),
        sub_label_line: sub_label_line(&zone, &a),
        transitions: transition_cards(&m, &card, &a, transitions),
        seniority_links,
        compare_roles,
        occupation,
        share,
        follow,
        zone,
        card,
        a,
        m,
    }
}

fn glance(m: &Methodology, a: &Assessment) -> Vec<Meter> {
    let c = &a.card;
    let (emin, emax) = m.evidence_range();
    let (bmin, bmax) = m.barrier_range();
    let (pmin, pmax) = m.protective_range();
    vec![
        meter(
            "Task Resistance",
            &m.task_resistance.description,
            format!("{:.2}", c.task_resistance),
            c.task_resistance,
            (0.0, m.task_resistance_max()),
        ),
        meter(
            "Evidence",
            &m.evidence.description,
            signed(c.evidence_total),
            c.evidence_total as f64,
            (emin as f64, emax as f64),
        ),
        meter(
            "Barriers to AI",
            &m.barriers.description,
            c.barriers_total.to_string(),
            c.barriers_total as f64,
            (bmin as f64, bmax as f64),
        ),
        meter(
            "Protective Principles",
            &m.protective.description,
            c.protective_total.to_string(),
            c.protective_total as f64,
            (pmin as f64, pmax as f64),
        ),
        meter(
            "AI Growth",
            &m.growth.description,
            signed(c.growth),
            c.growth as f64,
            (m.growth.min_score as f64, m.growth.max_score as f64),
        ),
    ]
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

fn task_bars(a: &Assessment) -> Vec<(String, f64, i64, TaskClassKey)> {
    let mut bars: Vec<_> =
        a.rated_tasks().map(|(t, s)| (t.name.clone(), s.share, t.score.unwrap_or_default(), s.class)).collect();
    bars.sort_by(|x, y| y.1.total_cmp(&x.1));
    bars
}

fn task_lines(a: &Assessment) -> Vec<TaskLine> {
    let mut figures = a.card.tasks.iter();
    a.tasks
        .iter()
        .map(|t| {
            let f = t.score.and_then(|_| figures.next());
            TaskLine {
                name: t.name.clone(),
                share: f.map(|f| percent(f.share)).unwrap_or_default(),
                score: t.score,
                weighted: f.map(|f| f.weighted),
                class: f.map(|f| f.class),
                rationale: t.rationale.clone(),
                labels: t.labels.clone(),
            }
        })
        .collect()
}

fn item(r: &Rated, name: String, short: String, level: String, min: i64, max: i64) -> ItemRow {
    ItemRow {
        name,
        short,
        level,
        score: r.score,
        rationale: r.rationale.clone(),
        fill: charts::fill(r.score as f64, min as f64, max as f64),
        basis: r.basis.clone(),
    }
}

fn protective(m: &Methodology, a: &Assessment) -> Vec<ItemRow> {
    a.protective
        .iter()
        .zip(&m.protective.principles)
        .map(|(r, p)| {
            let level = usize::try_from(r.score).ok().and_then(|i| p.levels.get(i)).cloned().unwrap_or_default();
            item(r, p.name.clone(), p.short_name().to_string(), level, m.protective.min_score, m.protective.max_score)
        })
        .collect()
}

fn items(rows: &[Rated], dims: &[crate::methodology::Dimension], min: i64, max: i64) -> Vec<ItemRow> {
    rows.iter()
        .zip(dims)
        .map(|(r, d)| item(r, d.name.clone(), d.short_name().to_string(), String::new(), min, max))
        .collect()
}

fn composition_labels(m: &Methodology) -> Vec<String> {
    let w = &m.composition;
    vec![
        format!("Task Resistance ({}%)", w.task_resistance),
        format!("Evidence ({}%)", w.evidence),
        format!("Barriers ({}%)", w.barriers),
        format!("Protective ({}%)", w.protective),
        format!("AI Growth ({}%)", w.growth),
    ]
}

fn sub_label_line(zone: &Zone, a: &Assessment) -> String {
    match (&a.card.sub_label, a.card.sub_label_checks.first()) {
        (Some(sub), _) => format!("{} \u{2014} {sub}", zone.name),
        (None, Some((rule, checks))) => format!(
            "{} \u{2014} does not meet all {} {rule} conditions",
            zone.name,
            NUMBER_WORDS.get(checks.len()).copied().unwrap_or("the")
        ),
        (None, None) => format!("{} \u{2014} no sub-label applies to this zone", zone.name),
    }
}

fn transition_cards(
    m: &Methodology,
    card: &Card,
    a: &Assessment,
    targets: Vec<crate::catalogue::models::TransitionTarget>,
) -> Vec<TransitionCard> {
    let own = crate::catalogue::models::TaskRow::of(a);
    targets
        .into_iter()
        .map(|t| {
            let step = Move::between(card, &own, &t.card, &t.tasks);
            TransitionCard {
                why: t.why,
                zone_name: zone_tag(m, t.card.zone, t.card.sub_label.as_deref()),
                summary: step.summary(),
                from_split: charts::split_bar(m, &card.split),
                to_split: charts::split_bar(m, &t.card.split),
                step,
            }
        })
        .collect()
}
