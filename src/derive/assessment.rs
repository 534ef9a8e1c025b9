//! Every occupation through the data method at once: the scored assessments with their
//! transitions to related occupations that score higher, why the others have no score, and the
//! facts of all of them.

use crate::assessment::{self, Assessment, Key, Transition};
use crate::methodology::Methodology;
use std::collections::HashMap;

/// Most transitions an occupation page lists.
const MAX_TRANSITIONS: usize = 5;

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

/// Derives, converts and scores every occupation of O*NET's table; `group_name` names an occupation's SOC major group.
pub fn assess_all(m: &Methodology, data: &crate::data::DataSets, group_name: impl Fn(&str) -> String) -> Derived {
    let mut out = Derived::default();
    for o in &data.onet.occupations {
        let d = super::occupation(m, data, &o.code, &o.title, &group_name(o.major_group()));
        out.facts.insert(o.code.clone(), d.facts);
        match d.assessment {
            Some(a) => out.assessments.push(a),
            None => {
                let tasks = data.onet.tasks.get(&o.code).map_or(0, Vec::len);
                let why = if tasks == 0 {
                    "O*NET 30.1 lists no task statements for this occupation (most such codes are \"All Other\" catch-alls), and the data-derived method scores an occupation from its tasks.".to_string()
                } else {
                    format!(
                        "None of its {tasks} O*NET task statements carries a GPT-4 automation label in Eloundou et al. (2023), so there is nothing to score."
                    )
                };
                out.unscored.insert(o.code.clone(), why);
            }
        }
    }
    link_transitions(&mut out.assessments);
    out
}
