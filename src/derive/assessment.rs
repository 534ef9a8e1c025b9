//! The data method's output for one occupation, as the one assessment model: its rated and
//! unrated tasks, every dimension with the figure and rule behind its points, scored by the one
//! engine. Transitions to related occupations that score higher are added once all are scored.

use super::model::{DerivedOccupation, DimensionValue};
use crate::assessment::{self, Assessment, Basis, Key, Rated, Source, Task, TaskLabels, Transition};
use crate::methodology::data_method::Rule;
use crate::methodology::{Methodology, Provenance};
use std::collections::HashMap;

/// Most transitions an occupation page lists.
const MAX_TRANSITIONS: usize = 5;

/// The scored assessment of a derived occupation, or None when none of its tasks is rated.
pub fn assessment(m: &Methodology, d: &DerivedOccupation, category: &str) -> Option<Assessment> {
    let tasks: Vec<Task> = d
        .tasks
        .iter()
        .map(|t| Task {
            name: t.text.clone(),
            weight: t.weight,
            score: t.score,
            rationale: String::new(),
            labels: Some(TaskLabels {
                task_id: t.id,
                task_type: t.kind,
                automation: t.automation,
                human_exposure: t.human_exposure,
                gpt4_exposure: t.gpt4_exposure,
                aei_share: t.aei_share,
            }),
        })
        .collect();
    if !tasks.iter().any(|t| t.score.is_some()) {
        return None;
    }
    let method = &m.data_method;
    let rate = |values: &[DimensionValue], rules: &[Rule]| -> Vec<Rated> {
        values.iter().zip(rules).map(|(v, r)| rated(v, r)).collect()
    };
    let evidence = rate(&d.evidence, &method.evidence);
    let barriers = rate(&d.barriers, &method.barriers);
    let protective = rate(&d.protective, &method.protective);
    let growth = rated(&d.growth, &method.growth);
    let card = crate::methodology::score(m, &assessment::inputs(&tasks, &evidence, &barriers, &protective, &growth));
    Some(Assessment {
        key: Key::occupation(d.code.as_str()),
        provenance: Provenance::Data,
        title: d.title.clone(),
        seniority: None,
        category: category.to_string(),
        occupation: d.code.clone(),
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
        data: Some(d.facts.clone()),
    })
}

/// A dimension's points with the measure, the rule and the figure behind them.
fn rated(v: &DimensionValue, rule: &Rule) -> Rated {
    Rated {
        key: v.key.clone(),
        score: v.points,
        rationale: format!("{} ({}).", rule.measured, rule.thresholds_in_words()),
        basis: Some(Basis {
            source: v.source.clone(),
            raw: v.raw,
            shown: v.shown.clone(),
            no_data: v.no_data,
            quotes: v.quotes.clone(),
        }),
    }
}

/// For each scored occupation, the related occupations (O*NET's order) that score higher.
pub fn link_transitions(all: &mut [Assessment]) {
    let scores: HashMap<String, (f64, String)> =
        all.iter().map(|a| (a.key.id.clone(), (a.card.score, a.title.clone()))).collect();
    for a in all.iter_mut() {
        let Some(facts) = &a.data else { continue };
        let own = a.card.score;
        a.transitions = facts
            .related
            .iter()
            .filter_map(|r| {
                let (score, _) = scores.get(&r.code)?;
                (*score > own).then(|| Transition {
                    to: Key::occupation(r.code.as_str()),
                    why: format!("O*NET lists it as related ({}).", tier_words(r.tier)),
                })
            })
            .take(MAX_TRANSITIONS)
            .collect();
    }
}

fn tier_words(tier: assessment::Tier) -> &'static str {
    match tier {
        assessment::Tier::PrimaryShort => "one of the most closely related",
        assessment::Tier::PrimaryLong => "closely related",
        assessment::Tier::Supplemental => "related",
    }
}

/// Everything the build takes from the data method.
#[derive(Debug, Default)]
pub struct Derived {
    /// Scored occupations, with their transitions.
    pub assessments: Vec<Assessment>,
    /// Why each unscored occupation has no score, by code.
    pub unscored: std::collections::BTreeMap<String, String>,
    /// What the data says of every occupation, scored or not, by code.
    pub facts: std::collections::BTreeMap<String, assessment::DataFacts>,
}

/// Derives, converts and scores every occupation; `group_name` names an occupation's SOC major group.
pub fn assess_all(
    m: &Methodology,
    data: &crate::data::DataSets,
    occupations: &[crate::content::Occupation],
    group_name: impl Fn(&str) -> String,
) -> Derived {
    let derived: HashMap<String, DerivedOccupation> =
        super::derive(m, data).into_iter().map(|d| (d.code.clone(), d)).collect();
    let mut out = Derived::default();
    for o in occupations {
        let d = match derived.get(&o.code) {
            Some(d) => d.clone(),
            None => {
                out.unscored.insert(
                    o.code.clone(),
                    "O*NET 30.1 lists no task statements for this occupation (most such codes are \"All Other\" catch-alls), and the data-derived method scores an occupation from its tasks.".into(),
                );
                super::occupation(&m.data_method, data, &o.code, &o.title)
            }
        };
        out.facts.insert(o.code.clone(), d.facts.clone());
        match assessment(m, &d, &group_name(o.major_group())) {
            Some(a) => out.assessments.push(a),
            None if !out.unscored.contains_key(&o.code) => {
                out.unscored.insert(
                    o.code.clone(),
                    format!(
                        "None of its {} O*NET task statements carries a GPT-4 automation label in Eloundou et al. (2023), so there is nothing to score.",
                        d.tasks.len()
                    ),
                );
            }
            None => {}
        }
    }
    link_transitions(&mut out.assessments);
    out
}
