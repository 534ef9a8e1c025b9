//! The assessment page, shared by editor roles (`/roles/{slug}`) and data-derived occupations
//! (`/occupations/{code}`): one view model, built one section at a time, each section paired with
//! its partial under `templates/partials/assessment/`.

mod answer;
mod next;
mod sections;
pub mod usage;
mod words;

pub use next::tier_name;
pub use words::{automation_words, exposure_words, zone_name, zone_rule, zone_tag};

use super::charts::{self, Segment, Waterfall};
use super::http::render::PageMeta;
use super::{State, filters};
use crate::assessment::{Assessment, Automation, Basis, DataFacts, Exposure, Standing, TaskType};
use crate::catalogue::models::{AssessmentPage, Card, OccupationRow};
use crate::methodology::engine::percent;
use crate::methodology::{Methodology, Provenance, ProvenanceLabel, TaskClassKey, Zone};
use answer::Answer;
use askama::Template;
use next::{MoveCard, OwnTask};
use sections::{composition_labels, glance, item, items, protective, sub_label_line, task_bars, task_lines};
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
    /// "What to do next": the moves within reach, best first.
    pub moves: Vec<MoveCard>,
    /// The job's own tasks that resist AI most.
    pub lean_into: Vec<OwnTask>,
    /// The figures of the plain answer under the score box.
    pub answer: Answer,
    /// What the data says of the occupation (a role's occupation for a role): market figures
    /// and the research percentiles.
    pub facts: Option<DataFacts>,
    pub seniority_links: Vec<Card>,
    /// Roles offered in the "compare with" form.
    pub compare_roles: Vec<Card>,
    /// Occupation pages only.
    pub occupation: Option<OccupationView>,
    /// JSON-LD and the embed snippet (partials/jsonld.html, partials/embed.html).
    pub share: super::share::PageShare,
    /// The email updates form (partials/updates_form.html).
    pub follow: super::subscriptions::FollowForm,
    /// The score history, oldest first (partials/assessment/history.html).
    pub history: Vec<crate::history::Point>,
    /// Its chart, from two points on.
    pub history_chart: Option<charts::HistoryChart>,
    /// "AI use over time" (partials/assessment/usage.html).
    pub usage: usage::UsageSection,
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

    /// The sub-label's description, lower-cased without its full stop, when one applies.
    fn sub_label_description(&self) -> Option<String> {
        let name = self.a.card.sub_label.as_deref()?;
        let rule = self.m.sub_labels.iter().find(|r| r.name == name && r.zone == self.a.card.zone)?;
        let text = rule.description.trim_end_matches('.');
        let mut chars = text.chars();
        Some(chars.next().map(|f| f.to_lowercase().chain(chars).collect()).unwrap_or_default())
    }

    /// The highest task score of the augmentation class: above it AI takes a task over.
    fn augmentation_max(&self) -> i64 {
        self.m.class(TaskClassKey::Augmentation).max_score
    }

    fn zone_of(&self, key: &crate::methodology::ZoneKey) -> String {
        zone_name(&self.m, *key)
    }

    /// Whether any listed move scores higher (an editor's transition may not).
    fn any_higher(&self) -> bool {
        self.moves.iter().any(|m| m.step.points > 0.0)
    }

    /// True when every move offered cuts pay by more than the `[moves]` rule allows.
    fn every_move_cuts_pay(&self) -> bool {
        !self.moves.is_empty() && self.moves.iter().all(|m| m.cuts_pay)
    }

    /// True when the only moves offered are longer steps outside the reach rule.
    fn only_longer_steps(&self) -> bool {
        !self.moves.is_empty() && self.moves.iter().all(|m| m.beyond_reach)
    }

    /// The address of a data source named in methodology.toml.
    fn source_url(&self, key: &str) -> &str {
        self.m.data_method.sources.iter().find(|s| s.key == key).map_or("/methodology#data-sources", |s| s.url.as_str())
    }

    /// Which third of all occupations a percentile falls in, in words.
    fn third(&self, s: &Standing) -> &'static str {
        match s.percentile {
            0..=33 => "least exposed third",
            34..=66 => "middle third",
            _ => "most exposed third",
        }
    }

    /// The third every measure that covers this job puts it in, when there are at least two
    /// and they agree.
    fn agreed_third(&self) -> Option<&'static str> {
        let r = &self.facts.as_ref()?.research;
        let thirds: Vec<&str> = [r.human_beta, r.microsoft, r.aei].iter().flatten().map(|s| self.third(s)).collect();
        (thirds.len() >= 2 && thirds.iter().all(|t| *t == thirds[0])).then(|| thirds[0])
    }

    /// How many of the three measures cover this job.
    fn measures_covering(&self) -> usize {
        self.facts.as_ref().map_or(0, |f| {
            let r = &f.research;
            [r.human_beta, r.microsoft, r.aei].iter().flatten().count()
        })
    }

    /// One task's observed use across the releases that list it, in words.
    fn task_usage(&self, task_id: &u32) -> Option<String> {
        self.usage.usage.task(*task_id).map(usage::task_trend)
    }

    fn task_type(&self, t: &TaskType) -> &'static str {
        match t {
            TaskType::Core => "Core task",
            TaskType::Supplemental => "Supplemental task",
            TaskType::Unspecified => "Task type not given",
        }
    }
}

/// Builds the page one section at a time.
pub fn build(
    site: &State,
    meta: PageMeta,
    page: AssessmentPage,
    compare_roles: Vec<Card>,
    occupation: Option<OccupationView>,
) -> AssessmentTemplate {
    let m = site.catalogue().methodology.clone();
    let AssessmentPage { a, card, transitions, seniority_links, facts, occupation_title, history, usage } = page;
    let history_points: Vec<_> = history.iter().map(|p| (p.date.clone(), p.score, p.zone)).collect();
    let history_chart = charts::history(&m, &history_points, m.scale.decimals);
    let description = match (&a.editorial, &occupation) {
        (Some(e), _) => e.primary_function.clone(),
        (None, Some(o)) => o.o.description.clone(),
        (None, None) => String::new(),
    };
    let share = super::share::PageShare::new(site, &a, &card, &description);
    let follow = super::subscriptions::FollowForm::new(site, card.key.kind(), card.key.id(), card.display_name());
    let meta = PageMeta { image: Some(super::share::image(site, &card)), ..meta };
    let c = &a.card;
    let zone = m.zone(a.zone).clone();
    let growth = item(
        &a.growth,
        a.growth.key.clone(),
        m.components.growth.short.clone(),
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
        waterfall: charts::waterfall(&m.components.shorts(), &c.composition, c.score),
        zone_rule: zone_rule(&m),
        sub_label_line: sub_label_line(&zone, &a),
        moves: next::moves(&m, &card, &a, facts.as_ref(), transitions),
        lean_into: next::lean_into(&a),
        answer: answer::answer(&m, &a, facts.as_ref(), &occupation_title),
        facts,
        seniority_links,
        compare_roles,
        occupation,
        share,
        follow,
        history,
        history_chart,
        usage: usage::UsageSection::new(usage, &occupation_title),
        zone,
        card,
        a,
        m,
    }
}
