//! Each measure of the data-derived method: the raw value from the data, rounded as the page
//! shows it, the points its threshold table gives, and how a combined dimension makes one rating
//! of several measures.

use super::{factors, inputs};
use crate::assessment::{Basis, Quote, Rated, Task};
use crate::data::DataSets;
use crate::data::bls::{ALL_OCCUPATIONS, Wages};
use crate::methodology::data_method::{Combine, DataMethod, Measure, Rule};
use rustc_hash::FxHashMap;

/// What every measure of one occupation may read.
pub struct Context<'a> {
    pub method: &'a DataMethod,
    pub data: &'a DataSets,
    pub code: &'a str,
    pub nem: Option<&'a str>,
    pub tasks: &'a [Task],
}

impl Context<'_> {
    /// OEWS figures for the occupation: its own SOC code, else its NEM code (OEWS publishes some
    /// of the same aggregates).
    pub fn wages<'w>(&self, table: &'w FxHashMap<String, Wages>) -> Option<&'w Wages> {
        table.get(&self.code[..7]).or_else(|| self.nem.and_then(|n| table.get(n)))
    }
}

/// The dimension's rating: its points, the rule, and the figure behind them. Without data it
/// counts as the rule's stated value for now, shown as "no data, counted as N" with the rule
/// (a major-group median replaces it later, see [`super::missing`]).
pub fn value(ctx: &Context, rule: &Rule) -> Rated {
    let rationale = format!("{} ({}).", rule.measured, rule.thresholds_in_words());
    let basis = match reading(ctx, rule) {
        Some(r) => {
            let basis = Basis {
                source: rule.source.clone(),
                raw: Some(r.raw),
                shown: r.shown,
                no_data: false,
                counted_as: None,
                quotes: r.quotes,
            };
            return Rated { key: rule.key.clone(), score: r.points, rationale, basis: Some(basis) };
        }
        None => Basis {
            source: rule.source.clone(),
            raw: None,
            shown: "no data".into(),
            no_data: true,
            counted_as: rule.missing.map(|m| m.in_words()),
            quotes: Vec::new(),
        },
    };
    Rated { key: rule.key.clone(), score: rule.missing.map_or(0, |m| m.value), rationale, basis: Some(basis) }
}

/// What one measure (or a combination) found: points, raw value, the figure shown, quotes.
struct Reading {
    points: i64,
    raw: f64,
    shown: String,
    quotes: Vec<Quote>,
}

fn reading(ctx: &Context, rule: &Rule) -> Option<Reading> {
    if rule.measure == Measure::Combined {
        return combined(ctx, rule);
    }
    let (raw, shown, quotes) = measure(ctx, rule)?;
    Some(Reading { points: rule.points(raw), raw, shown, quotes })
}

/// The parts that have data, made one by the rule's `combine`; the raw value is the points.
fn combined(ctx: &Context, rule: &Rule) -> Option<Reading> {
    let found: Vec<(&Rule, Reading)> = rule.parts.iter().filter_map(|p| reading(ctx, p).map(|r| (p, r))).collect();
    let points: Vec<i64> = found.iter().map(|(_, r)| r.points).collect();
    let chosen = match rule.combine? {
        Combine::First => *points.first()?,
        Combine::Max => *points.iter().max()?,
        // Integer division truncates toward zero.
        Combine::MeanTowardZero => points.iter().sum::<i64>() / i64::try_from(points.len()).ok().filter(|n| *n > 0)?,
    };
    let used = if rule.combine == Some(Combine::First) { 1 } else { found.len() };
    let shown = found[..used]
        .iter()
        .map(|(p, r)| format!("{}: {} ({})", p.label.as_deref().unwrap_or(&p.key), r.shown, signed_whole(r.points)))
        .collect::<Vec<_>>()
        .join("; ");
    let quotes = found.into_iter().take(used).flat_map(|(_, r)| r.quotes).collect();
    Some(Reading { points: chosen, raw: chosen as f64, shown, quotes })
}

fn measure(ctx: &Context, rule: &Rule) -> Found {
    match rule.measure {
        Measure::NoData | Measure::Combined => None,
        Measure::EmploymentChangeVsAll => employment_change(ctx, rule),
        Measure::WageChangeVsAll => wage_change(ctx, rule),
        Measure::AiApplicability => ctx.data.working_with_ai.for_onet(ctx.code).map(|v| {
            let v = round(v, 2);
            (v, format!("{v:.2} {}", rule.unit), Vec::new())
        }),
        Measure::AutomationFactors => {
            let terms: Vec<&str> =
                ctx.method.ai_terms.iter().chain(&ctx.method.automation_terms).map(String::as_str).collect();
            bls_factors(ctx, rule, &terms)
        }
        Measure::AiFactors => {
            let terms: Vec<&str> = ctx.method.ai_terms.iter().map(String::as_str).collect();
            bls_factors(ctx, rule, &terms)
        }
        Measure::PhysicalTaskShare => physical_share(ctx, rule),
        Measure::EntryEducation => entry_education(ctx, rule),
        Measure::OnetMeasure => {
            let (element, scale) = (rule.element.as_deref().unwrap_or(""), rule.scale.as_deref().unwrap_or(""));
            ctx.data
                .onet
                .measures
                .get(ctx.code, element, scale)
                .map(|v| (v, format!("{v:.2} {}", rule.unit), Vec::new()))
        }
        Measure::OohLicensing => inputs::ooh_licensing(ctx, rule),
        Measure::OnetContext => inputs::onet_context(ctx, rule),
        Measure::WorkerAgency => inputs::worker_agency(ctx, rule),
        Measure::AeiAutomatedUse => inputs::aei_automated_use(ctx, rule),
    }
}

/// A measure's raw value, the figure as shown, and the sentences it quotes; None without data.
pub type Found = Option<(f64, String, Vec<Quote>)>;

fn employment_change(ctx: &Context, rule: &Rule) -> Found {
    let projections = &ctx.data.bls.projections;
    let own = projections.get(ctx.nem?)?.change_percent?;
    let all = projections.get(ALL_OCCUPATIONS)?.change_percent?;
    versus_all(own, all, rule)
}

fn wage_change(ctx: &Context, rule: &Rule) -> Found {
    let bls = &ctx.data.bls;
    let change = |w25: &Wages, w21: &Wages| Some(round((w25.median_annual? / w21.median_annual? - 1.0) * 100.0, 1));
    let own = change(ctx.wages(&bls.oews_2025)?, ctx.wages(&bls.oews_2021)?)?;
    let all = change(bls.oews_2025.get(ALL_OCCUPATIONS)?, bls.oews_2021.get(ALL_OCCUPATIONS)?)?;
    versus_all(own, all, rule)
}

/// The difference of two one-decimal percentages, so the shown figures add up.
fn versus_all(own: f64, all: f64, rule: &Rule) -> Found {
    let diff = round(own - all, 1);
    Some((diff, format!("{} {} ({}% vs {}%)", signed(diff), rule.unit, signed(own), signed(all)), Vec::new()))
}

fn bls_factors(ctx: &Context, rule: &Rule, terms: &[&str]) -> Found {
    let list = ctx.data.bls.factors.get(ctx.nem?)?;
    let (net, quotes) = factors::net(list, terms)?;
    let up = quotes.iter().filter(|q| factors::direction(&q.text) == Some(1)).count();
    let down = quotes.len() - up;
    let shown = format!("{} {} ({up} increase, {down} decrease)", signed_whole(net), rule.unit);
    Some((net as f64, shown, quotes))
}

fn physical_share(ctx: &Context, rule: &Rule) -> Found {
    let method = ctx.method;
    let listed = |list: &[String], id: &str| list.iter().any(|x| x == id);
    let physical = |(gwa, iwa): (&str, &str)| {
        listed(&method.physical_iwas, iwa)
            || (listed(&method.physical_gwas, gwa) && !listed(&method.physical_excluded_iwas, iwa))
    };
    let mut mapped = false;
    let (mut total, mut hands_on) = (0u32, 0u32);
    for task in ctx.tasks {
        total += task.weight;
        let Some(id) = task.labels.as_ref().map(|l| l.task_id) else { continue };
        if let Some(mut activities) = ctx.data.onet.task_activities(id) {
            mapped = true;
            if activities.any(physical) {
                hands_on += task.weight;
            }
        }
    }
    if !mapped || total == 0 {
        return None;
    }
    let share = round(f64::from(hands_on) / f64::from(total) * 100.0, 1);
    Some((share, format!("{share:.1}{}", rule.unit), Vec::new()))
}

fn entry_education(ctx: &Context, rule: &Rule) -> Found {
    let bls = &ctx.data.bls;
    let education = bls.education(bls.projections.get(ctx.nem?)?)?;
    let rank = ctx.method.education_ranks.iter().position(|e| e == education)? + 1;
    let shown = format!(
        "{education} ({} {rank} of {})",
        rule.unit.split(" (").next().unwrap_or(""),
        ctx.method.education_ranks.len()
    );
    Some((rank as f64, shown, Vec::new()))
}

/// Rounds half away from zero to `decimals` places.
pub fn round(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (x * f).round() / f
}

/// "+12.7", "-3.0", "0.0".
pub fn signed(x: f64) -> String {
    if x > 0.0 { format!("+{x:.1}") } else { format!("{:.1}", if x == 0.0 { 0.0 } else { x }) }
}

pub fn signed_whole(n: i64) -> String {
    if n > 0 { format!("+{n}") } else { n.to_string() }
}
