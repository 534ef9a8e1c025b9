//! The sections of an assessment page, each built from the assessment and the methodology for
//! its partial under `templates/partials/assessment/`.

use super::{ItemRow, Meter, TaskLine};
use crate::assessment::{Assessment, Rated};
use crate::methodology::engine::{percent, signed};
use crate::methodology::{Methodology, TaskClassKey, Zone};
use crate::web::charts;

const NUMBER_WORDS: [&str; 6] = ["zero", "one", "two", "three", "four", "five"];

pub(super) fn glance(m: &Methodology, a: &Assessment) -> Vec<Meter> {
    let c = &a.card;
    let (emin, emax) = m.evidence_range();
    let (bmin, bmax) = m.barrier_range();
    let (pmin, pmax) = m.protective_range();
    let names = &m.components;
    vec![
        meter(
            &names.task_resistance.name,
            &m.task_resistance.description,
            format!("{:.2}", c.task_resistance),
            c.task_resistance,
            (0.0, m.task_resistance_max()),
        ),
        meter(
            &names.evidence.name,
            &m.evidence.description,
            signed(c.evidence_total),
            c.evidence_total as f64,
            (emin as f64, emax as f64),
        ),
        meter(
            &names.barriers.name,
            &m.barriers.description,
            c.barriers_total.to_string(),
            c.barriers_total as f64,
            (bmin as f64, bmax as f64),
        ),
        meter(
            &names.protective.name,
            &m.protective.description,
            c.protective_total.to_string(),
            c.protective_total as f64,
            (pmin as f64, pmax as f64),
        ),
        meter(
            &names.growth.name,
            &m.growth.description,
            signed(c.growth),
            c.growth as f64,
            (m.growth.min_score as f64, m.growth.max_score as f64),
        ),
    ]
}

/// A gauge showing `value` (as `shown`) out of the top of `range`.
pub(super) fn meter(name: &str, description: &str, shown: String, value: f64, range: (f64, f64)) -> Meter {
    Meter {
        name: name.into(),
        description: description.into(),
        value: shown,
        out_of: format!("/{}", range.1),
        fill: charts::fill(value, range.0, range.1),
    }
}

pub(super) fn task_bars(a: &Assessment) -> Vec<(String, f64, i64, TaskClassKey)> {
    let mut bars: Vec<_> =
        a.rated_tasks().map(|(t, s)| (t.name.clone(), s.share, t.score.unwrap_or_default(), s.class)).collect();
    bars.sort_by(|x, y| y.1.total_cmp(&x.1));
    bars
}

pub(super) fn task_lines(a: &Assessment) -> Vec<TaskLine> {
    let mut figures = a.card.tasks.iter();
    a.tasks
        .iter()
        .map(|t| {
            let f = t.score.and_then(|_| figures.next());
            TaskLine {
                name: t.name.clone(),
                share: f.map(|f| percent(f.share)).unwrap_or_default(),
                score: t.score,
                weighted: f.map(|f| f.weighted),
                class: f.map(|f| f.class),
                rationale: t.rationale.clone(),
                labels: t.labels.clone(),
            }
        })
        .collect()
}

pub(super) fn item(r: &Rated, name: String, short: String, level: String, min: i64, max: i64) -> ItemRow {
    ItemRow {
        name,
        short,
        level,
        score: r.score,
        rationale: r.rationale.clone(),
        fill: charts::fill(r.score as f64, min as f64, max as f64),
        basis: r.basis.clone(),
    }
}

pub(super) fn protective(m: &Methodology, a: &Assessment) -> Vec<ItemRow> {
    a.protective
        .iter()
        .zip(&m.protective.principles)
        .map(|(r, p)| {
            let level = usize::try_from(r.score).ok().and_then(|i| p.levels.get(i)).cloned().unwrap_or_default();
            item(r, p.name.clone(), p.short_name().to_string(), level, m.protective.min_score, m.protective.max_score)
        })
        .collect()
}

pub(super) fn items(rows: &[Rated], dims: &[crate::methodology::Dimension], min: i64, max: i64) -> Vec<ItemRow> {
    rows.iter()
        .zip(dims)
        .map(|(r, d)| item(r, d.name.clone(), d.short_name().to_string(), String::new(), min, max))
        .collect()
}

pub(super) fn composition_labels(m: &Methodology) -> Vec<String> {
    let w = &m.composition;
    let weights = [w.task_resistance, w.evidence, w.barriers, w.protective, w.growth];
    m.components.shorts().into_iter().zip(weights).map(|(name, weight)| format!("{name} ({weight}%)")).collect()
}

pub(super) fn sub_label_line(zone: &Zone, a: &Assessment) -> String {
    match (&a.card.sub_label, a.card.sub_label_checks.first()) {
        (Some(sub), _) => format!("{} \u{2014} {sub}", zone.name),
        (None, Some((rule, checks))) => format!(
            "{} \u{2014} does not meet all {} {rule} conditions",
            zone.name,
            NUMBER_WORDS.get(checks.len()).copied().unwrap_or("the")
        ),
        (None, None) => format!("{} \u{2014} no sub-label applies to this zone", zone.name),
    }
}
