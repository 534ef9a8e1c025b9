//! `/methodology`: the formula, rendered from the methodology the catalogue was built with.

use super::charts::trend::Trend;
use super::charts::{self, Histogram, Scatter};
use super::http::render::{self, PageMeta};
use super::{State, WebError, filters, with_catalogue};
use crate::assessment::agreement::MeasureAgreement;
use crate::assessment::usage::EconomyPoint;
use crate::catalogue::models::Card;
use crate::catalogue::read;
use crate::methodology::data_method::{Combine, Rule};
use crate::methodology::{Methodology, Provenance, Zone, ZoneCounts, ZoneKey};
use actix_web::HttpResponse;
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
    pub histogram: Histogram,
    /// Every zone with how many published scores fall in it.
    pub zone_counts: Vec<(Zone, usize)>,
    /// Editor roles beside their occupation's data-derived card.
    pub pairs: Vec<(Card, Card)>,
    /// The data method's rules, one group per part of the formula.
    pub rule_groups: Vec<RuleGroup>,
    /// How the data-derived scores agree with each independent measure, with its scatter plot.
    pub agreement: Vec<(MeasureAgreement, Scatter)>,
    /// Data-derived occupations per zone under the previous version (from the changelog) and now.
    pub zones_before_after: Option<(ZoneCounts, ZoneCounts)>,
    /// What each Anthropic Economic Index release saw of the whole economy, and its chart.
    pub economy: Vec<EconomyPoint>,
    pub economy_chart: Option<Trend>,
}

/// The data-derived rules of one part of the formula, each with its dimension's name.
pub struct RuleGroup {
    pub title: String,
    pub rules: Vec<(String, Rule)>,
}

impl MethodologyTemplate {
    /// "RED" or "GREEN (Transforming)": a card's zone as every badge names it.
    fn tag(&self, c: &Card) -> String {
        super::assessment::zone_tag(&self.m, c.zone, c.sub_label.as_deref())
    }

    fn source_name(&self, key: &Option<String>) -> String {
        key.as_deref()
            .and_then(|k| self.m.data_method.source(k))
            .map_or_else(|| "no source in our data".to_string(), |s| s.name.clone())
    }

    fn threshold_rows(&self, rule: &Rule) -> String {
        rule.thresholds_in_words()
    }

    fn missing_words(&self, rule: &Rule) -> String {
        rule.missing.map_or_else(String::new, |m| m.in_words())
    }

    /// "\u{2212}0.854": a correlation with a real minus sign.
    fn correlation(&self, r: &f64) -> String {
        format!("{r:.3}").replace('-', "\u{2212}")
    }
}

/// The data method's rules, each under the name its dimension has in the methodology.
fn rule_groups(m: &Methodology) -> Vec<RuleGroup> {
    let named = |rules: &[Rule], names: Vec<String>| -> Vec<(String, Rule)> {
        names.into_iter().zip(rules.iter().cloned()).collect()
    };
    let dm = &m.data_method;
    let names = &m.components;
    vec![
        RuleGroup {
            title: names.evidence.name.clone(),
            rules: named(&dm.evidence, m.evidence.dimensions.iter().map(|d| d.name.clone()).collect()),
        },
        RuleGroup {
            title: names.barriers.name.clone(),
            rules: named(&dm.barriers, m.barriers.dimensions.iter().map(|d| d.name.clone()).collect()),
        },
        RuleGroup {
            title: names.protective.name.clone(),
            rules: named(&dm.protective, m.protective.principles.iter().map(|p| p.name.clone()).collect()),
        },
        RuleGroup { title: names.growth.name.clone(), rules: vec![(names.growth.name.clone(), dm.growth.clone())] },
    ]
}

pub async fn methodology(site: State) -> Result<HttpResponse, WebError> {
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
    let (scores, pairs, economy) = with_catalogue(&site, |c| {
        let conn = c.conn();
        Ok((
            read::all_scores(&conn)?,
            read::editor_and_data_pairs(&conn)?,
            crate::catalogue::usage::economy_usage(&conn)?,
        ))
    })
    .await?;
    let count = |zone: ZoneKey| scores.iter().filter(|s| s.1 == zone && s.2 == Provenance::Data).count();
    let now = ZoneCounts { green: count(ZoneKey::Green), yellow: count(ZoneKey::Yellow), red: count(ZoneKey::Red) };
    let zones_before_after = m.changelog.first().and_then(|c| c.zones_before).map(|before| (before, now));
    let agreement =
        site.catalogue().agreement.measures.iter().map(|a| (a.clone(), charts::scatter(&m, &a.points))).collect();
    let zone_counts = m.zones.iter().map(|z| (z.clone(), scores.iter().filter(|s| s.1 == z.key).count())).collect();
    let page = MethodologyTemplate {
        meta,
        source: site.catalogue().methodology_source.clone(),
        growth_rows,
        histogram: charts::histogram(&m, &scores.iter().map(|s| (s.0, s.1)).collect::<Vec<_>>(), 5.0),
        zone_counts,
        pairs,
        rule_groups: rule_groups(&m),
        agreement,
        zones_before_after,
        economy_chart: super::assessment::usage::economy_chart(&economy),
        economy,
        m,
    };
    render::page(&page)
}
