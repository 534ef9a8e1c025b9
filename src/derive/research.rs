//! "What other research says": each occupation's percentile on the three independent measures
//! of AI exposure we ship (human raters' exposure, Microsoft's AI applicability, the Anthropic
//! Economic Index's share of conversations), computed once at build over every occupation each
//! measure covers. Pure.

use crate::assessment::{DataFacts, Standing};
use crate::data::DataSets;
use crate::derive::stats::ranks;
use std::collections::BTreeMap;

/// One measure's value for each occupation it covers.
fn standings(values: Vec<(String, f64)>) -> BTreeMap<String, Standing> {
    let ranked = ranks(&values.iter().map(|(_, v)| *v).collect::<Vec<_>>());
    let n = values.len() as f64;
    values
        .into_iter()
        .zip(ranked)
        .map(|((code, value), rank)| {
            let percentile = ((rank - 0.5) / n * 100.0).round().clamp(0.0, 100.0) as u8;
            let value = (value * 10_000.0).round() / 10_000.0;
            (code, Standing { value, percentile, of: n as u32 })
        })
        .collect()
}

/// The share of Claude conversations on an occupation's tasks, or None when none of its task
/// statements appears in the index.
fn aei_share(data: &DataSets, code: &str) -> Option<f64> {
    let tasks = data.onet.tasks.get(code)?;
    let shares: Vec<f64> = tasks.iter().filter_map(|t| data.aei.for_task(&t.text)).collect();
    (!shares.is_empty()).then(|| shares.iter().sum())
}

/// Fills in `research` of every occupation in `facts`.
pub fn rank_all(data: &DataSets, facts: &mut BTreeMap<String, DataFacts>) {
    let codes: Vec<String> = facts.keys().cloned().collect();
    let measure = |f: &dyn Fn(&str) -> Option<f64>| {
        standings(codes.iter().filter_map(|c| f(c).map(|v| (c.clone(), v))).collect())
    };
    let human = measure(&|c| data.gpts.occupations.get(c).map(|e| e.human_rating_beta));
    let microsoft = measure(&|c| data.working_with_ai.for_onet(c));
    let aei = measure(&|c| aei_share(data, c));
    for (code, f) in facts.iter_mut() {
        f.research.human_beta = human.get(code).copied();
        f.research.microsoft = microsoft.get(code).copied();
        f.research.aei = aei.get(code).copied();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_mid_ranks_and_values_keep_four_decimals() {
        let s = standings(vec![("a".into(), 0.1), ("b".into(), 0.3), ("c".into(), 0.2), ("d".into(), 0.123456)]);
        assert_eq!(s["a"].percentile, 13);
        assert_eq!(s["b"].percentile, 88);
        assert_eq!(s["d"].value, 0.1235);
        assert_eq!(s["c"].of, 4);
    }

    #[test]
    fn every_measure_covers_most_occupations_and_telemarketers_rank_high_on_human_exposure() {
        let (_, data) = super::super::tests::shipped();
        let mut facts: BTreeMap<String, DataFacts> =
            data.onet.occupations.iter().map(|o| (o.code.clone(), DataFacts::default())).collect();
        rank_all(data, &mut facts);
        for (name, pick) in [
            ("human", (|f: &DataFacts| f.research.human_beta) as fn(&DataFacts) -> Option<Standing>),
            ("microsoft", |f| f.research.microsoft),
            ("aei", |f| f.research.aei),
        ] {
            let covered = facts.values().filter(|f| pick(f).is_some()).count();
            assert!(covered > 500, "{name} covers {covered}");
        }
        let telemarketers = facts["41-9041.00"].research.human_beta.expect("covered");
        assert!(telemarketers.percentile >= 80, "{telemarketers:?}");
    }
}
