//! Geometry for the inline SVG charts. Numbers are worked out here; templates only draw.
//! Every chart also states its figures in text, so nothing depends on seeing the picture.

pub mod history;
pub mod trend;

pub use history::{HistoryChart, history};

use crate::methodology::{Composition, Methodology, Split, TaskClassKey, ZoneKey};

/// A horizontal segment in percent of the chart's width.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub key: String,
    pub label: String,
    pub x: f64,
    pub width: f64,
}

/// The 0-100 scale with one band per zone.
pub fn zone_bands(m: &Methodology) -> Vec<Segment> {
    // Zones are listed highest first; each band runs from its minimum to the next one up.
    let mut upper = 100.0;
    let mut bands: Vec<Segment> = m
        .zones
        .iter()
        .map(|z| {
            let seg = Segment {
                key: z.key.as_str().to_string(),
                label: z.name.clone(),
                x: z.min_score,
                width: upper - z.min_score,
            };
            upper = z.min_score;
            seg
        })
        .collect();
    bands.reverse();
    bands
}

/// The displaced / augmented / not-involved bar; empty classes are left out.
pub fn split_bar(m: &Methodology, split: &Split) -> Vec<Segment> {
    let mut x = 0.0;
    TaskClassKey::ALL
        .into_iter()
        .map(|key| (key, split.of(key)))
        .filter(|&(_, share)| share > 0.0)
        .map(|(key, share)| {
            let seg = Segment { key: key.as_str().to_string(), label: m.class(key).label.clone(), x, width: share };
            x += share;
            seg
        })
        .collect()
}

/// One column of the waterfall, in SVG user units.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    /// The figure the column stands for, e.g. +30.5 or 24.5.
    pub value: f64,
    /// "up", "down" or "total".
    pub kind: &'static str,
    pub x: f64,
    pub y: f64,
    pub height: f64,
    /// Where the value label sits.
    pub label_y: f64,
}

pub struct Waterfall {
    pub bars: Vec<Bar>,
    pub width: f64,
    pub height: f64,
    pub bar_width: f64,
    /// y of the zero line.
    pub zero_y: f64,
}

const WATERFALL_WIDTH: f64 = 700.0;
const WATERFALL_HEIGHT: f64 = 240.0;
const PLOT_TOP: f64 = 28.0;
const PLOT_BOTTOM: f64 = 200.0;

/// Steps from 0 through each indicative share, then the formula's adjustment, to the score.
pub fn waterfall(labels: &[String], composition: &Composition, score: f64) -> Waterfall {
    let mut steps: Vec<(String, f64, &'static str)> = labels
        .iter()
        .zip(&composition.parts)
        .map(|(l, p)| (l.clone(), p.points, if p.points >= 0.0 { "up" } else { "down" }))
        .collect();
    if composition.gap != 0.0 {
        steps.push(("Formula difference".into(), composition.gap, if composition.gap >= 0.0 { "up" } else { "down" }));
    }
    let mut running = 0.0;
    let mut spans = Vec::new();
    for (label, value, kind) in steps {
        spans.push((label, value, kind, running, running + value));
        running += value;
    }
    spans.push(("Score".into(), score, "total", 0.0, score));

    let lo = spans.iter().map(|s| s.3.min(s.4)).fold(0.0, f64::min);
    let hi = spans.iter().map(|s| s.3.max(s.4)).fold(0.0, f64::max).max(1.0);
    let y = |v: f64| PLOT_TOP + (hi - v) / (hi - lo) * (PLOT_BOTTOM - PLOT_TOP);
    let slot = WATERFALL_WIDTH / spans.len() as f64;
    let bar_width = slot * 0.62;
    let bars = spans
        .into_iter()
        .enumerate()
        .map(|(i, (label, value, kind, from, to))| {
            let (top, bottom) = (y(from.max(to)), y(from.min(to)));
            Bar {
                label,
                value,
                kind,
                x: i as f64 * slot + (slot - bar_width) / 2.0,
                y: top,
                height: (bottom - top).max(1.0),
                label_y: if value >= 0.0 { top - 7.0 } else { bottom + 16.0 },
            }
        })
        .collect();
    Waterfall { bars, width: WATERFALL_WIDTH, height: WATERFALL_HEIGHT, bar_width, zero_y: y(0.0) }
}

/// One bar of a score histogram, in SVG user units: a bin of scores, stacked by zone.
#[derive(Debug, Clone, PartialEq)]
pub struct HistogramBar {
    /// The bin's scores: `from` up to, not including, `to` (the last bin includes 100).
    pub from: f64,
    pub to: f64,
    pub count: usize,
    pub x: f64,
    pub width: f64,
    /// Top of the whole bar.
    pub y: f64,
    /// The entries of each zone in the bin, bottom up: (zone, count, y, height). An editor's
    /// zone override can put an entry of one zone in another zone's range; it keeps its colour.
    pub parts: Vec<(ZoneKey, usize, f64, f64)>,
}

pub struct Histogram {
    pub bars: Vec<HistogramBar>,
    pub width: f64,
    pub height: f64,
    pub total: usize,
}

const HISTOGRAM_WIDTH: f64 = 700.0;
const HISTOGRAM_HEIGHT: f64 = 200.0;
const HISTOGRAM_PLOT: f64 = 160.0;

/// The bins: `bin` points wide, starting afresh at each zone's lower bound, so no bin straddles
/// a zone boundary (the last bin of a zone may be narrower).
fn bins(m: &Methodology, bin: f64) -> Vec<(f64, f64)> {
    let mut bounds: Vec<f64> = m.zones.iter().map(|z| z.min_score).filter(|b| *b > 0.0 && *b < 100.0).collect();
    bounds.sort_by(f64::total_cmp);
    bounds.push(100.0);
    let mut out = Vec::new();
    let mut from = 0.0;
    for upper in bounds {
        while from < upper {
            let to = (from + bin).min(upper);
            out.push((from, to));
            from = to;
        }
    }
    out
}

/// Counts (score, zone) entries in zone-aligned bins from 0 to 100, stacked by zone.
pub fn histogram(m: &Methodology, entries: &[(f64, ZoneKey)], bin: f64) -> Histogram {
    let edges = bins(m, bin);
    let mut counts = vec![[0usize; 3]; edges.len()];
    for &(score, zone) in entries {
        let i = edges.iter().position(|&(_, to)| score < to).unwrap_or(edges.len() - 1);
        counts[i][ZoneKey::ALL.iter().position(|z| *z == zone).unwrap_or(0)] += 1;
    }
    let max = counts.iter().map(|c| c.iter().sum::<usize>()).max().unwrap_or(0).max(1);
    let scale = HISTOGRAM_WIDTH / 100.0;
    let base = HISTOGRAM_PLOT + 10.0;
    let bars = edges
        .iter()
        .zip(&counts)
        .map(|(&(from, to), c)| {
            let mut top = base;
            let mut parts = Vec::new();
            // Red at the bottom, Green on top.
            for (k, zone) in ZoneKey::ALL.iter().enumerate().rev() {
                if c[k] > 0 {
                    let height = c[k] as f64 / max as f64 * HISTOGRAM_PLOT;
                    top -= height;
                    parts.push((*zone, c[k], top, height));
                }
            }
            HistogramBar {
                from,
                to,
                count: c.iter().sum(),
                x: from * scale + 1.0,
                width: ((to - from) * scale - 2.0).max(1.0),
                y: top,
                parts,
            }
        })
        .collect();
    Histogram { bars, width: HISTOGRAM_WIDTH, height: HISTOGRAM_HEIGHT, total: entries.len() }
}

/// A scatter plot of scores against an independent measure, in SVG user units.
#[derive(Debug, Clone, PartialEq)]
pub struct Scatter {
    /// (x, y, zone) of every point.
    pub points: Vec<(f64, f64, ZoneKey)>,
    pub width: f64,
    pub height: f64,
    /// Where the plot area ends on the left, right and bottom (axes and labels sit outside).
    pub left: f64,
    pub right: f64,
    pub bottom: f64,
}

const SCATTER_WIDTH: f64 = 360.0;
const SCATTER_HEIGHT: f64 = 240.0;
const SCATTER_LEFT: f64 = 34.0;
const SCATTER_BOTTOM: f64 = 206.0;
const SCATTER_TOP: f64 = 8.0;

/// Plots (score, measure) pairs with the measure as a percentile rank on x (0 left, 100 right)
/// and the score (0-100) on y, so the picture shows the ranks the Spearman correlation compares.
pub fn scatter(m: &Methodology, points: &[(f64, f64, f64)]) -> Scatter {
    let right = SCATTER_WIDTH - 6.0;
    let points = points
        .iter()
        .map(|&(score, _, p)| {
            let x = SCATTER_LEFT + p / 100.0 * (right - SCATTER_LEFT);
            let y = SCATTER_BOTTOM - score.clamp(0.0, 100.0) / 100.0 * (SCATTER_BOTTOM - SCATTER_TOP);
            ((x * 10.0).round() / 10.0, (y * 10.0).round() / 10.0, crate::methodology::engine::zone_for(m, score))
        })
        .collect();
    Scatter { points, width: SCATTER_WIDTH, height: SCATTER_HEIGHT, left: SCATTER_LEFT, right, bottom: SCATTER_BOTTOM }
}

/// How full a meter is, 0-100, for a value on a min..max range.
pub fn fill(value: f64, min: f64, max: f64) -> f64 {
    if max <= min {
        return 0.0;
    }
    ((value - min) / (max - min) * 100.0).clamp(0.0, 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methodology::{CompositionPart, bundled};

    #[test]
    fn zone_bands_cover_0_to_100_in_order() {
        let bands = zone_bands(&bundled());
        let keys: Vec<&str> = bands.iter().map(|b| b.key.as_str()).collect();
        assert_eq!(keys, ["red", "yellow", "green"]);
        assert_eq!((bands[0].x, bands[0].width), (0.0, 25.0));
        assert_eq!((bands[1].x, bands[1].width), (25.0, 23.0));
        assert_eq!((bands[2].x, bands[2].width), (48.0, 52.0));
    }

    #[test]
    fn split_bar_leaves_out_empty_classes() {
        let bar = split_bar(&bundled(), &Split { displaced: 30.0, augmented: 70.0, not_involved: 0.0 });
        assert_eq!(bar.len(), 2);
        assert_eq!((bar[1].label.as_str(), bar[1].x, bar[1].width), ("Augmented", 30.0, 70.0));
    }

    #[test]
    fn waterfall_shows_the_gap_and_ends_on_the_score() {
        let parts = [30.5, -8.0, 1.5, 2.2, -2.5]
            .iter()
            .map(|&p| CompositionPart { key: String::new(), weight: 0.0, points: p })
            .collect();
        let c = Composition { parts, total: 23.7, gap: 0.8 };
        let labels: Vec<String> = (1..=5).map(|i| format!("d{i}")).collect();
        let w = waterfall(&labels, &c, 24.5);
        assert_eq!(w.bars.len(), 7);
        assert_eq!(w.bars[5].label, "Formula difference");
        assert_eq!(w.bars[5].value, 0.8);
        let score = &w.bars[6];
        assert_eq!((score.kind, score.value), ("total", 24.5));
        assert!((score.y + score.height - w.zero_y).abs() < 1e-9, "the score column stands on zero");
        // The first step rises from zero to 30.5, the highest point, so it touches the top.
        assert!((w.bars[0].y - PLOT_TOP).abs() < 1e-9);
    }

    #[test]
    fn histogram_bins_align_with_the_zones_and_colour_each_entry_by_its_own_zone() {
        use ZoneKey::*;
        let entries = [
            (0.0, Red),
            (4.9, Red),
            (24.9, Red),
            (25.0, Yellow),
            (47.9, Yellow),
            (48.0, Green),
            (47.0, Green),
            (100.0, Green),
        ];
        let h = histogram(&bundled(), &entries, 5.0);
        let edges: Vec<(f64, f64)> = h.bars.iter().map(|b| (b.from, b.to)).collect();
        assert!(
            edges.contains(&(45.0, 48.0)) && edges.contains(&(48.0, 53.0)) && edges.contains(&(20.0, 25.0)),
            "{edges:?}"
        );
        assert_eq!(h.bars.iter().map(|b| b.count).sum::<usize>(), 8);
        let bin = |from: f64| h.bars.iter().find(|b| b.from == from).expect("bin");
        assert_eq!(bin(0.0).count, 2);
        assert_eq!(bin(45.0).parts.iter().map(|p| (p.0, p.1)).collect::<Vec<_>>(), [(Yellow, 1), (Green, 1)]);
        assert_eq!(h.bars.last().map(|b| (b.to, b.count)), Some((100.0, 1)));
    }

    #[test]
    fn fill_is_clamped() {
        assert_eq!(fill(-4.0, -10.0, 10.0), 30.0);
        assert_eq!(fill(12.0, 0.0, 10.0), 100.0);
    }
}
