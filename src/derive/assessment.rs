//! Every occupation through the data method at once: the scored assessments with their moves
//! within reach and research percentiles, why the others have no score, and the facts of all of
//! them.

use crate::assessment::{self, Assessment};
use crate::methodology::Methodology;

/// Everything the build takes from the data method.
#[derive(Debug, Default)]
pub struct Derived {
    /// Scored occupations, with their transitions.
    pub assessments: Vec<Assessment>,
    /// Why each unscored occupation has no score, by code.
    pub unscored: std::collections::BTreeMap<String, String>,
    /// What the data says of every occupation, scored or not, by code.
    pub facts: std::collections::BTreeMap<String, assessment::DataFacts>,
    /// The skill and knowledge profiles of the scored occupations, for moves.
    pub profiles: super::moves::Profiles,
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
    super::missing::fill_group_medians(m, &mut out.assessments);
    super::research::rank_all(data, &mut out.facts);
    for a in &mut out.assessments {
        a.data.clone_from(&out.facts.get(a.key.id()).cloned());
    }
    out.profiles = super::moves::Profiles::new(data, out.assessments.iter().map(|a| a.key.id()));
    super::moves::link_occupations(m, &mut out.assessments, &out.profiles);
    out
}
