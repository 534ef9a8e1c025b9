//! "What to do next": the moves within reach of each scored job, computed at build. A candidate
//! is any other scored occupation that O*NET lists as related or whose skill and knowledge
//! profile is similar (O*NET 30.1 Skills and Knowledge importance, standardised, cosine); the
//! `[moves]` rule of methodology.toml says which are within reach and how they rank. Pure.

use crate::assessment::{Assessment, DataFacts, SocCode, Tier, Transition};
use crate::data::DataSets;
use crate::methodology::Methodology;
use crate::methodology::engine::round_to;
use std::collections::{BTreeMap, HashMap};

/// Each occupation's skill and knowledge profile, standardised across the occupations it was
/// built from and scaled to length one, so a dot product is their cosine similarity.
#[derive(Debug, Default)]
pub struct Profiles {
    index: HashMap<String, usize>,
    unit: Vec<Vec<f64>>,
}

impl Profiles {
    /// The profiles of `codes` that O*NET rates on every skill and knowledge element.
    pub fn new<'a>(data: &DataSets, codes: impl IntoIterator<Item = &'a str>) -> Profiles {
        let (names, raw): (Vec<&str>, Vec<Vec<f64>>) =
            codes.into_iter().filter_map(|c| Some((c, data.onet.measures.profile(c, "IM")?))).unzip();
        let Some(width) = raw.first().map(Vec::len) else { return Profiles::default() };
        let n = raw.len() as f64;
        let mean: Vec<f64> = (0..width).map(|k| raw.iter().map(|v| v[k]).sum::<f64>() / n).collect();
        let sd: Vec<f64> =
            (0..width).map(|k| (raw.iter().map(|v| (v[k] - mean[k]).powi(2)).sum::<f64>() / n).sqrt()).collect();
        let unit = raw
            .iter()
            .map(|v| {
                let z: Vec<f64> =
                    (0..width).map(|k| if sd[k] > 0.0 { (v[k] - mean[k]) / sd[k] } else { 0.0 }).collect();
                let length = z.iter().map(|x| x * x).sum::<f64>().sqrt();
                z.into_iter().map(|x| if length > 0.0 { x / length } else { 0.0 }).collect()
            })
            .collect();
        let index = names.into_iter().enumerate().map(|(i, c)| (c.to_string(), i)).collect();
        Profiles { index, unit }
    }

    /// The similarity of two occupations, -1..1, or None when either has no profile.
    pub fn similarity(&self, a: &str, b: &str) -> Option<f64> {
        let (a, b) = (&self.unit[*self.index.get(a)?], &self.unit[*self.index.get(b)?]);
        Some(a.iter().zip(b).map(|(x, y)| x * y).sum())
    }
}

/// A scored occupation as a possible destination.
struct Target<'a> {
    code: &'a str,
    score: f64,
    /// The zone's lower bound: a higher one is a better zone.
    zone_floor: f64,
    job_zone: Option<u8>,
    /// Median annual wage, May 2025.
    wage: Option<f64>,
}

/// Where a move starts: a scored job, its occupation's facts, what it may not move to.
struct Origin<'a> {
    code: &'a str,
    score: f64,
    zone_floor: f64,
    facts: Option<&'a DataFacts>,
}

impl Origin<'_> {
    /// Whether moving to `t` cuts pay by more than the rule allows.
    fn pay_cut_to(&self, m: &Methodology, t: &Target) -> bool {
        m.moves.cuts_pay(self.facts.and_then(|f| f.median_wage_2025), t.wage)
    }

    /// The occupations O*NET lists as related to this job, with how closely.
    fn related(&self) -> HashMap<&str, Tier> {
        self.facts.iter().flat_map(|f| &f.related).map(|r| (r.code.as_str(), r.tier)).collect()
    }
}

/// The data-derived moves from `from`, best first, at most `limit`: those that gain at least
/// `[moves] min_points`, or where none does, those within reach that gain anything at all, or
/// where none is within reach, the longer steps to the most alike higher-scoring occupations.
fn moves_from(
    m: &Methodology,
    profiles: &Profiles,
    from: &Origin,
    targets: &[Target],
    limit: usize,
) -> Vec<Transition> {
    let found = moves_gaining(m, profiles, from, targets, limit, m.moves.min_points);
    if !found.is_empty() {
        return found;
    }
    let found = moves_gaining(m, profiles, from, targets, limit, f64::MIN_POSITIVE);
    if found.is_empty() { longer_steps(m, profiles, from, targets, limit) } else { found }
}

/// Higher-scoring occupations outside the reach rule that O*NET relates to the job or whose skill
/// and knowledge profile is known, the most alike first (O*NET's related ones without a profile
/// after them; ties: the larger gain), marked `beyond_reach` so the page can say what they are.
fn longer_steps(
    m: &Methodology,
    profiles: &Profiles,
    from: &Origin,
    targets: &[Target],
    limit: usize,
) -> Vec<Transition> {
    let related = from.related();
    let mut found: Vec<(bool, f64, f64, Transition)> = targets
        .iter()
        .filter(|t| t.code != from.code && t.score > from.score)
        .filter_map(|t| {
            let similarity = profiles.similarity(from.code, t.code).map(|s| round_to(s, 2));
            let tier = related.get(t.code).copied();
            if similarity.is_none() && tier.is_none() {
                return None;
            }
            let to = SocCode::parse(t.code)?.key();
            let step = Transition { to, why: String::new(), related: tier, similarity, beyond_reach: true };
            Some((from.pay_cut_to(m, t), similarity.unwrap_or(f64::MIN), t.score - from.score, step))
        })
        .collect();
    found.sort_by(|a, b| {
        a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(b.2.total_cmp(&a.2)).then_with(|| a.3.to.id().cmp(b.3.to.id()))
    });
    found.into_iter().take(limit).map(|(_, _, _, t)| t).collect()
}

fn moves_gaining(
    m: &Methodology,
    profiles: &Profiles,
    from: &Origin,
    targets: &[Target],
    limit: usize,
    min_points: f64,
) -> Vec<Transition> {
    let rule = &m.moves;
    let related = from.related();
    let own_zone = from.facts.and_then(|f| f.job_zone);
    let mut found: Vec<(bool, bool, f64, Transition)> = targets
        .iter()
        .filter(|t| t.code != from.code && t.score - from.score >= min_points)
        .filter_map(|t| {
            let tier = related.get(t.code).copied();
            let similarity = profiles.similarity(from.code, t.code).map(|s| round_to(s, 2));
            let step = own_zone.zip(t.job_zone).map(|(a, b)| i64::from(b) - i64::from(a));
            if !rule.within_reach(tier.is_some(), similarity, step) {
                return None;
            }
            let to = SocCode::parse(t.code)?.key();
            let better_zone = t.zone_floor > from.zone_floor;
            let gain = rule.rank(t.score - from.score, similarity, step);
            Some((
                from.pay_cut_to(m, t),
                better_zone,
                gain,
                Transition { to, why: String::new(), related: tier, similarity, beyond_reach: false },
            ))
        })
        .collect();
    found.sort_by(|a, b| {
        a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(b.2.total_cmp(&a.2)).then_with(|| a.3.to.id().cmp(b.3.to.id()))
    });
    found.into_iter().take(limit).map(|(_, _, _, t)| t).collect()
}

fn targets<'a>(m: &Methodology, occupations: &'a [Assessment]) -> Vec<Target<'a>> {
    occupations
        .iter()
        .map(|a| Target {
            code: a.key.id(),
            score: a.card.score,
            zone_floor: m.zone(a.zone).min_score,
            job_zone: a.data.as_ref().and_then(|d| d.job_zone),
            wage: a.data.as_ref().and_then(|d| d.median_wage_2025),
        })
        .collect()
}

/// Gives every scored occupation its moves within reach.
pub fn link_occupations(m: &Methodology, occupations: &mut [Assessment], profiles: &Profiles) {
    let found: Vec<Vec<Transition>> = {
        let all = targets(m, occupations);
        occupations
            .iter()
            .map(|a| {
                let from = Origin {
                    code: a.key.id(),
                    score: a.card.score,
                    zone_floor: m.zone(a.zone).min_score,
                    facts: a.data.as_ref(),
                };
                moves_from(m, profiles, &from, &all, m.moves.shown)
            })
            .collect()
    };
    for (a, moves) in occupations.iter_mut().zip(found) {
        a.transitions = moves;
    }
}

/// Adds to each editor role, after the editor's own transitions, the moves within reach of its
/// occupation that score higher than the role: at least one, up to `[moves] shown` in all.
pub fn link_roles(
    m: &Methodology,
    roles: &mut [Assessment],
    occupations: &[Assessment],
    facts: &BTreeMap<String, DataFacts>,
    profiles: &Profiles,
) {
    let all = targets(m, occupations);
    for role in roles {
        let from = Origin {
            code: &role.occupation,
            score: role.card.score,
            zone_floor: m.zone(role.zone).min_score,
            facts: facts.get(&role.occupation),
        };
        let room = m.moves.shown.saturating_sub(role.transitions.len()).max(1);
        let moves = moves_from(m, profiles, &from, &all, room);
        role.transitions.extend(moves);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::onet::Related;

    /// The occupations of these tests, by name; each stands for an O*NET-SOC code.
    const NAMES: [&str; 11] = ["a", "b", "c", "near", "green", "unlike", "tiny", "far", "climb", "cheap", "paid"];

    /// The code a test occupation goes by: "a" is 11-1001.00, "b" 11-1002.00 and so on.
    fn soc(name: &str) -> String {
        format!("11-{:04}.00", 1001 + NAMES.iter().position(|n| *n == name).expect("a test occupation"))
    }

    /// The test name of a code made by [`soc`].
    fn name(code: &str) -> &'static str {
        NAMES.into_iter().find(|n| soc(n) == code).expect("a test code")
    }

    fn data_with(profiles: &[(&str, [f64; 3])]) -> DataSets {
        let mut data = DataSets::default();
        for (name, values) in profiles {
            for (k, v) in values.iter().enumerate() {
                data.onet.measures.insert(&soc(name), &format!("2.A.1.{k}"), "IM", *v);
            }
        }
        data.onet.related.insert(soc("a"), vec![Related { code: soc("far"), tier: Tier::PrimaryShort, index: 1 }]);
        data
    }

    #[test]
    fn standardised_profiles_give_one_for_the_same_shape_and_minus_one_for_the_opposite() {
        let data = data_with(&[("a", [1.0, 3.0, 5.0]), ("b", [1.0, 3.0, 5.0]), ("c", [5.0, 3.0, 1.0])]);
        let [a, b, c] = ["a", "b", "c"].map(soc);
        let p = Profiles::new(&data, [a.as_str(), &b, &c]);
        assert!((p.similarity(&a, &b).unwrap() - 1.0).abs() < 1e-9);
        assert!((p.similarity(&a, &c).unwrap() + 1.0).abs() < 1e-9);
        assert_eq!(p.similarity(&a, "11-9999.00"), None);
    }

    fn occupation(name: &str, score: f64, zone: crate::methodology::ZoneKey, job_zone: u8) -> Assessment {
        let mut a = super::super::tests::derived()[0].clone();
        a.key = SocCode::parse(&soc(name)).expect("a test code").key();
        a.card.score = score;
        a.zone = zone;
        a.data = Some(DataFacts { job_zone: Some(job_zone), ..DataFacts::default() });
        a
    }

    /// Links every occupation of `all` to its moves under the bundled methodology, with the
    /// skill profiles of `data`.
    fn link(data: &DataSets, all: &mut [Assessment]) {
        let codes: Vec<String> = all.iter().map(|a| a.key.id().to_string()).collect();
        let profiles = Profiles::new(data, codes.iter().map(String::as_str));
        link_occupations(&crate::methodology::bundled(), all, &profiles);
    }

    #[test]
    fn moves_are_within_reach_gain_enough_and_put_a_better_zone_first() {
        use crate::methodology::ZoneKey::*;
        let data = data_with(&[
            ("a", [1.0, 3.0, 5.0]),
            ("near", [1.0, 3.0, 5.0]),
            ("green", [1.2, 3.0, 4.6]),
            ("unlike", [5.0, 3.0, 1.0]),
            ("tiny", [1.0, 3.0, 5.0]),
            ("far", [5.0, 1.0, 3.0]),
            ("climb", [1.0, 3.0, 5.0]),
        ]);
        let mut all = vec![
            occupation("a", 20.0, Red, 2),
            occupation("near", 40.0, Yellow, 2),
            occupation("green", 50.0, Green, 3),
            occupation("unlike", 70.0, Green, 2),
            occupation("tiny", 21.0, Red, 2),
            occupation("far", 30.0, Yellow, 2),
            occupation("climb", 60.0, Green, 4),
        ];
        all[0].data.as_mut().unwrap().related = data.onet.related[&soc("a")]
            .iter()
            .map(|r| crate::assessment::RelatedOccupation { code: r.code.clone(), tier: r.tier, index: r.index })
            .collect();
        link(&data, &mut all);
        let to: Vec<&str> = all[0].transitions.iter().map(|t| name(t.to.id())).collect();
        // All three reach a better zone than Red; "near" gains 20 x 1.0, "green" 30 x its
        // similarity, halved for its Job Zone climb, "far" (related, dissimilar) ranks last. Not
        // "unlike" (dissimilar), "tiny" (gains under min_points) or "climb" (two Job Zones up).
        assert_eq!(to, ["near", "green", "far"]);
        assert_eq!(all[0].transitions[2].related, Some(Tier::PrimaryShort));
        assert!(all[0].transitions[0].similarity.is_some_and(|s| (s - 1.0).abs() < 1e-9));
    }

    #[test]
    fn a_move_that_cuts_pay_by_more_than_the_rule_allows_ranks_after_those_that_keep_it() {
        use crate::methodology::ZoneKey::*;
        let data = data_with(&[
            ("a", [1.0, 3.0, 5.0]),
            ("cheap", [1.0, 3.0, 5.0]),
            ("paid", [1.0, 3.0, 5.0]),
            ("b", [5.0, 3.0, 1.0]),
        ]);
        let with_wage = |mut a: Assessment, wage: f64| {
            a.data.as_mut().unwrap().median_wage_2025 = Some(wage);
            a
        };
        let mut all = vec![
            with_wage(occupation("a", 20.0, Red, 2), 100_000.0),
            with_wage(occupation("cheap", 60.0, Green, 2), 60_000.0),
            with_wage(occupation("paid", 40.0, Yellow, 2), 95_000.0),
            occupation("b", 10.0, Red, 2),
        ];
        link(&data, &mut all);
        // "cheap" gains more and reaches Green, but pays 40% less: it comes after "paid".
        let to: Vec<&str> = all[0].transitions.iter().map(|t| name(t.to.id())).collect();
        assert_eq!(to, ["paid", "cheap"]);
    }

    #[test]
    fn where_nothing_higher_is_within_reach_the_most_alike_higher_scorers_are_longer_steps() {
        use crate::methodology::ZoneKey::*;
        let data = data_with(&[("a", [1.0, 3.0, 5.0]), ("unlike", [5.0, 3.0, 1.0]), ("climb", [1.0, 3.0, 5.0])]);
        let mut all = vec![
            occupation("a", 40.0, Yellow, 2),
            occupation("unlike", 70.0, Green, 2),
            occupation("climb", 60.0, Green, 5),
        ];
        link(&data, &mut all);
        // Neither is within reach ("unlike" is dissimilar, "climb" three Job Zones up), so both
        // come as longer steps, the more alike first; the top scorer gets none.
        let to: Vec<(&str, bool)> = all[0].transitions.iter().map(|t| (name(t.to.id()), t.beyond_reach)).collect();
        assert_eq!(to, [("climb", true), ("unlike", true)]);
        assert!(all[1].transitions.is_empty());
    }
}
