//! The missing-input rule, second pass: where a dimension's rule says `group_median`, an
//! occupation without data counts as the lower median of the points of the occupations in its SOC
//! major group that have data (when enough do), and its score is computed again. The first pass
//! ([`super::dimensions::value`]) already gave every missing input the rule's stated value.

use crate::assessment::{Assessment, Rated};
use crate::methodology::Methodology;
use crate::methodology::data_method::{GROUP_MEDIAN_MIN, MissingRule, Rule};
use crate::methodology::engine::signed;
use std::collections::BTreeMap;

/// Where an assessment keeps one group of dimensions.
type Dimensions = fn(&mut Assessment) -> &mut Vec<Rated>;

/// Applies the group-median rule to every dimension that states it, then rescores what changed.
pub fn fill_group_medians(m: &Methodology, all: &mut [Assessment]) {
    let dm = &m.data_method;
    let groups: [(&[Rule], Dimensions); 3] = [
        (&dm.evidence, |a| &mut a.evidence),
        (&dm.barriers, |a| &mut a.barriers),
        (&dm.protective, |a| &mut a.protective),
    ];
    let mut changed = vec![false; all.len()];
    for (rules, dims) in groups {
        for (i, rule) in rules.iter().enumerate() {
            if rule.missing.is_none_or(|r| r.counts_as != MissingRule::GroupMedian) {
                continue;
            }
            let mut with_data: BTreeMap<String, Vec<i64>> = BTreeMap::new();
            for a in all.iter_mut() {
                let group = major_group(a);
                let d = &dims(a)[i];
                if !no_data(d) {
                    with_data.entry(group).or_default().push(d.score);
                }
            }
            for (a, changed) in all.iter_mut().zip(changed.iter_mut()) {
                let group = major_group(a);
                let category = a.category.clone();
                let d = &mut dims(a)[i];
                if !no_data(d) {
                    continue;
                }
                let Some(points) = with_data.get_mut(&group).filter(|p| p.len() >= GROUP_MEDIAN_MIN) else {
                    if let Some(b) = d.basis.as_mut() {
                        b.counted_as = Some(format!(
                            "without data it counts as {}, the stated value, since fewer than {GROUP_MEDIAN_MIN} occupations in {category} have data",
                            signed(d.score)
                        ));
                    }
                    continue;
                };
                points.sort_unstable();
                let median = points[(points.len() - 1) / 2];
                d.score = median;
                if let Some(b) = d.basis.as_mut() {
                    b.counted_as = Some(format!(
                        "without data it counts as the median points of the {} occupations in {category} that have data",
                        points.len()
                    ));
                }
                *changed = true;
            }
        }
    }
    for (a, _) in all.iter_mut().zip(changed).filter(|(_, c)| *c) {
        rescore(m, a);
    }
}

fn no_data(d: &Rated) -> bool {
    d.basis.as_ref().is_some_and(|b| b.no_data)
}

/// "29" for 29-1141.00.
fn major_group(a: &Assessment) -> String {
    a.occupation.get(..2).unwrap_or("").to_string()
}

/// The engine's scorecard from the assessment's own inputs.
pub fn rescore(m: &Methodology, a: &mut Assessment) {
    let inputs = crate::assessment::inputs(&a.tasks, &a.evidence, &a.barriers, &a.protective, &a.growth);
    a.card = crate::methodology::score(m, &inputs);
    a.zone = a.card.zone;
}
