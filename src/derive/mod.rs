//! The data-derived method: turns the research data sets into each O*NET occupation's inputs
//! (tasks, evidence, barriers, protective principles, growth) and the facts its page shows.
//! Pure: no I/O; the build loads [`DataSets`] and the methodology, then calls [`derive`].
//! Scoring goes through the one engine, [`crate::methodology::score`], via [`inputs`].

pub mod dimensions;
pub mod factors;
pub mod model;
pub mod stats;

pub use model::{DerivedOccupation, DerivedTask, DimensionValue, Facts, Ooh, Quote, RelatedOccupation};

use crate::data::DataSets;
use crate::data::onet::TaskType;
use crate::methodology::data_method::DataMethod;
use crate::methodology::{Inputs, Methodology, Scorecard, TaskInput, score};
use dimensions::Context;

/// Every O*NET occupation that has task statements, in O*NET's order, with its derived inputs.
pub fn derive(m: &Methodology, data: &DataSets) -> Vec<DerivedOccupation> {
    data.onet
        .occupations
        .iter()
        .filter(|o| data.onet.tasks.get(&o.code).is_some_and(|t| !t.is_empty()))
        .map(|o| occupation(&m.data_method, data, &o.code, &o.title))
        .collect()
}

/// The derived inputs of one occupation (which must have task statements).
pub fn occupation(method: &DataMethod, data: &DataSets, code: &str, title: &str) -> DerivedOccupation {
    let tasks = tasks(method, data, code);
    let nem = data.bls.crosswalk.get(code).map(|c| c.nem.as_str());
    let ctx = Context { method, data, code, nem, tasks: &tasks };
    let all = |rules: &[_]| rules.iter().map(|r| dimensions::value(&ctx, r)).collect::<Vec<_>>();
    let (evidence, barriers, protective) = (all(&method.evidence), all(&method.barriers), all(&method.protective));
    let growth = dimensions::value(&ctx, &method.growth);
    let facts = facts(&ctx);
    DerivedOccupation {
        code: code.to_string(),
        title: title.to_string(),
        tasks,
        evidence,
        barriers,
        protective,
        growth,
        facts,
    }
}

fn tasks(method: &DataMethod, data: &DataSets, code: &str) -> Vec<DerivedTask> {
    let w = method.task_weights;
    let list = data.onet.tasks.get(code).map_or(&[][..], Vec::as_slice);
    list.iter()
        .map(|t| {
            let labels = data.gpts.labels.get(&t.id);
            let automation = labels.and_then(|l| l.automation);
            DerivedTask {
                id: t.id,
                text: t.text.clone(),
                kind: t.kind,
                weight: match t.kind {
                    TaskType::Core => w.core,
                    TaskType::Supplemental => w.supplemental,
                    TaskType::Unspecified => w.unspecified,
                },
                automation,
                score: automation.map(|a| method.automation_scores.for_level(a.level())),
                human_exposure: labels.and_then(|l| l.human),
                gpt4_exposure: labels.and_then(|l| l.gpt4),
                aei_share: data.aei.for_task(&t.text),
            }
        })
        .collect()
}

fn facts(ctx: &Context) -> Facts {
    let bls = &ctx.data.bls;
    let projection = ctx.nem.and_then(|n| bls.projections.get(n));
    let w25 = ctx.wages(&bls.oews_2025);
    let total: u32 = ctx.tasks.iter().map(|t| t.weight).sum();
    let rated: u32 = ctx.tasks.iter().filter(|t| t.score.is_some()).map(|t| t.weight).sum();
    let related = ctx.data.onet.related.get(ctx.code).map_or(&[][..], Vec::as_slice);
    Facts {
        nem_code: ctx.nem.map(str::to_string),
        employment_2025: w25.and_then(|w| w.employment),
        median_wage_2025: w25.and_then(|w| w.median_annual),
        median_wage_2021: ctx.wages(&bls.oews_2021).and_then(|w| w.median_annual),
        projected_change_percent: projection.and_then(|p| p.change_percent),
        // Table 1.2 counts in thousands.
        annual_openings: projection.and_then(|p| p.openings).map(|o| (o * 1000.0).round()),
        entry_education: projection.and_then(|p| bls.education(p)).map(str::to_string),
        ooh: bls.crosswalk.get(ctx.code).and_then(|c| c.ooh.clone()).map(|(title, url)| Ooh { title, url }),
        job_zone: ctx.data.onet.job_zones.get(ctx.code).copied(),
        related: related
            .iter()
            .map(|r| RelatedOccupation { code: r.code.clone(), tier: r.tier, index: r.index })
            .collect(),
        rated_share: if total == 0 { 0.0 } else { dimensions::round(f64::from(rated) / f64::from(total) * 100.0, 1) },
    }
}

/// The score engine's inputs for a derived occupation: the rated tasks only (unrated ones are
/// left out, so the engine's shares are renormalised over the rated weight), and every
/// dimension's points.
pub fn inputs(o: &DerivedOccupation) -> Inputs {
    let points = |dims: &[DimensionValue]| dims.iter().map(|d| d.points).collect();
    Inputs {
        tasks: o.tasks.iter().filter_map(|t| t.score.map(|score| TaskInput { weight: t.weight, score })).collect(),
        evidence: points(&o.evidence),
        barriers: points(&o.barriers),
        protective: points(&o.protective),
        growth: o.growth.points,
    }
}

/// Scores a derived occupation with the one engine; None when no task is rated.
pub fn scorecard(m: &Methodology, o: &DerivedOccupation) -> Option<Scorecard> {
    o.tasks.iter().any(|t| t.score.is_some()).then(|| score(m, &inputs(o)))
}

#[cfg(test)]
mod calibration;
#[cfg(test)]
mod tests;
