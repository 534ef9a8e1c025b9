//! The data-derived method: turns the research data sets into each O*NET occupation's
//! assessment (tasks, evidence, barriers, protective principles, growth, scored by the one
//! engine) and the facts its page shows. Pure: no I/O; the build loads [`DataSets`] and the
//! methodology, then calls [`occupation`] for each occupation (see [`assessment::assess_all`]).

pub mod agreement;
pub mod assessment;
pub mod dimensions;
pub mod factors;
pub mod inputs;
pub mod missing;
pub mod moves;
pub mod research;
pub mod stats;
pub mod usage;

use crate::assessment::SocCode;
use crate::assessment::{Assessment, DataFacts, Ooh, RelatedOccupation, Source, Task, TaskLabels};
use crate::data::DataSets;
use crate::data::onet::TaskType;
use crate::methodology::data_method::{DataMethod, TaskWeights};
use crate::methodology::{Methodology, Provenance};
use dimensions::Context;

/// What the method makes of one occupation: its scored assessment (None when no task of it is
/// rated, or it has none) and, either way, the facts its page shows.
pub struct Derivation {
    pub assessment: Option<Assessment>,
    pub facts: DataFacts,
}

/// Every O*NET occupation that has task statements, in O*NET's order, assessed; `category`
/// names an occupation's SOC major group.
pub fn derive(m: &Methodology, data: &DataSets, category: impl Fn(&str) -> String) -> Vec<Assessment> {
    let mut all: Vec<Assessment> = data
        .onet
        .occupations
        .iter()
        .filter_map(|o| occupation(m, data, &o.code, &o.title, &category(&o.code[..2])).assessment)
        .collect();
    missing::fill_group_medians(m, &mut all);
    all
}

/// One occupation's assessment and facts, with every missing input at its rule's stated value
/// (the major-group medians need every occupation: [`missing::fill_group_medians`]).
pub fn occupation(m: &Methodology, data: &DataSets, code: &str, title: &str, category: &str) -> Derivation {
    let method = &m.data_method;
    let tasks = tasks(method, data, code);
    let nem = data.bls.crosswalk.get(code).map(|c| c.nem.as_str());
    let ctx = Context { method, data, code, nem, tasks: &tasks };
    let facts = facts(&ctx);
    // The O*NET reader refuses a malformed code, so every code here parses.
    let (Some(id), true) = (SocCode::parse(code), tasks.iter().any(|t| t.score.is_some())) else {
        return Derivation { assessment: None, facts };
    };
    let all = |rules: &[_]| rules.iter().map(|r| dimensions::value(&ctx, r)).collect::<Vec<_>>();
    let (evidence, barriers, protective) = (all(&method.evidence), all(&method.barriers), all(&method.protective));
    let growth = dimensions::value(&ctx, &method.growth);
    let card =
        crate::methodology::score(m, &crate::assessment::inputs(&tasks, &evidence, &barriers, &protective, &growth));
    let assessment = Assessment {
        key: id.key(),
        provenance: Provenance::Data,
        title: title.to_string(),
        seniority: None,
        category: category.to_string(),
        occupation: code.to_string(),
        aliases: Vec::new(),
        verdict_html: String::new(),
        tasks,
        evidence,
        barriers,
        protective,
        growth,
        growth_check_html: String::new(),
        zone: card.zone,
        card,
        transitions: Vec::new(),
        sources: method
            .sources
            .iter()
            .map(|s| Source {
                title: format!("{}: {} ({})", s.name, s.authors, s.year),
                url: s.url.clone(),
                publisher: Some(s.licence.clone()),
            })
            .collect(),
        updated: m.effective.to_string(),
        editorial: None,
        data: Some(facts.clone()),
    };
    Derivation { assessment: Some(assessment), facts }
}

fn tasks(method: &DataMethod, data: &DataSets, code: &str) -> Vec<Task> {
    let w = method.task_weights;
    let list = data.onet.tasks.get(code).map_or(&[][..], Vec::as_slice);
    list.iter()
        .map(|t| {
            let labels = data.gpts.labels.get(&t.id);
            let automation = labels.and_then(|l| l.automation);
            Task {
                name: t.text.clone(),
                weight: task_weight(w, t.kind),
                score: automation.map(|a| method.automation_scores.for_level(a.level())),
                rationale: String::new(),
                labels: Some(TaskLabels {
                    task_id: t.id,
                    task_type: t.kind,
                    automation,
                    human_exposure: labels.and_then(|l| l.human),
                    gpt4_exposure: labels.and_then(|l| l.gpt4),
                    aei_share: data.aei.for_task(&t.text),
                }),
            }
        })
        .collect()
}

/// A task's weight in its occupation's time: by its O*NET type, as the methodology weighs it.
pub fn task_weight(w: TaskWeights, kind: TaskType) -> u32 {
    match kind {
        TaskType::Core => w.core,
        TaskType::Supplemental => w.supplemental,
        TaskType::Unspecified => w.unspecified,
    }
}

fn facts(ctx: &Context) -> DataFacts {
    let bls = &ctx.data.bls;
    let projection = ctx.nem.and_then(|n| bls.projections.get(n));
    let w25 = ctx.wages(&bls.oews_2025);
    let total: u32 = ctx.tasks.iter().map(|t| t.weight).sum();
    let rated: u32 = ctx.tasks.iter().filter(|t| t.score.is_some()).map(|t| t.weight).sum();
    let related = ctx.data.onet.related.get(ctx.code).map_or(&[][..], Vec::as_slice);
    DataFacts {
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
        research: Default::default(),
        rated_share: if total == 0 { 0.0 } else { dimensions::round(f64::from(rated) / f64::from(total) * 100.0, 1) },
    }
}

#[cfg(test)]
mod calibration;
#[cfg(test)]
mod inputs_tests;
#[cfg(test)]
mod tests;
