//! Measures how the scored occupations agree with the independent research we ship: human
//! raters' exposure and GPT-4's (Eloundou et al.), Microsoft's AI applicability, and the Anthropic
//! Economic Index's observed use (newest release). Pure: reads the data sets and the assessments.

use super::stats::spearman;
use crate::assessment::Assessment;
use crate::assessment::agreement::{Agreement, Disagreement, MeasureAgreement};
use crate::data::DataSets;

/// How many disagreements each measure lists.
const DISAGREEMENTS: usize = 10;

/// Agreement of `scored` with each independent measure.
pub fn measure(data: &DataSets, scored: &[Assessment]) -> Agreement {
    let observed = |o: &Assessment| -> Option<f64> {
        let uses: Vec<f64> =
            o.tasks.iter().filter_map(|t| data.aei.latest_for_task(&t.name)).map(|u| u.percent).collect();
        (!uses.is_empty()).then(|| uses.iter().sum())
    };
    let human = |o: &Assessment| data.gpts.occupations.get(o.key.id()).map(|e| e.human_rating_beta);
    let microsoft = |o: &Assessment| data.working_with_ai.for_onet(o.key.id());
    let measures = vec![
        one("Human raters' exposure to LLMs (Eloundou et al. 2023, beta)", "gpts", false, scored, &human),
        one("Microsoft's AI applicability (Tomlinson et al. 2025)", "working_with_ai", true, scored, &microsoft),
        one(
            "Observed use: share of Claude conversations on the occupation's tasks (Anthropic Economic Index, November 2025)",
            "aei_2025_11",
            true,
            scored,
            &observed,
        ),
    ];
    Agreement { measures }
}

fn one(
    name: &str,
    source: &str,
    also_an_input: bool,
    scored: &[Assessment],
    value: &dyn Fn(&Assessment) -> Option<f64>,
) -> MeasureAgreement {
    let both: Vec<(&Assessment, f64)> = scored.iter().filter_map(|o| value(o).map(|v| (o, v))).collect();
    let points: Vec<(f64, f64)> = both.iter().map(|(o, v)| (o.card.score, *v)).collect();
    let ours = percentiles(&points.iter().map(|p| p.0).collect::<Vec<_>>());
    let measured = percentiles(&points.iter().map(|p| p.1).collect::<Vec<_>>());
    // More exposure or use means less safe: their safety percentile is 100 minus the measure's.
    let theirs: Vec<f64> = measured.iter().map(|p| 100.0 - p).collect();
    let mut gaps: Vec<Disagreement> = both
        .iter()
        .zip(ours.iter().zip(&theirs))
        .map(|((o, v), (a, b))| Disagreement {
            code: o.key.id().to_string(),
            title: o.title.clone(),
            score: o.card.score,
            value: *v,
            our_percentile: a.round(),
            their_percentile: b.round(),
        })
        .collect();
    gaps.sort_by(|x, y| {
        let gap = |d: &Disagreement| (d.our_percentile - d.their_percentile).abs();
        gap(y).total_cmp(&gap(x)).then_with(|| x.code.cmp(&y.code))
    });
    gaps.truncate(DISAGREEMENTS);
    MeasureAgreement {
        name: name.to_string(),
        source: source.to_string(),
        also_an_input,
        spearman: (spearman(&points) * 1000.0).round() / 1000.0,
        points: points.iter().zip(&measured).map(|(&(s, v), &p)| (s, v, (p * 10.0).round() / 10.0)).collect(),
        disagreements: gaps,
    }
}

/// Each value's percentile rank (0-100; ties share the mean rank).
fn percentiles(values: &[f64]) -> Vec<f64> {
    let n = values.len();
    if n < 2 {
        return vec![50.0; n];
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut out = vec![0.0; n];
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j + 1 < n && values[order[j + 1]] == values[order[i]] {
            j += 1;
        }
        let rank = (i + j) as f64 / 2.0;
        for k in i..=j {
            out[order[k]] = rank / (n - 1) as f64 * 100.0;
        }
        i = j + 1;
    }
    out
}
