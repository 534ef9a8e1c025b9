//! The score history chart: one dot per recorded score, spaced by date, joined by a line, over
//! the zone bands.

use super::zone_bands;
use crate::methodology::{Methodology, ZoneKey};

/// A score history over time, in SVG user units: one dot per recorded score, joined by a line,
/// over the zone bands.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryChart {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    /// One band per zone, lowest first: (y, height, zone).
    pub bands: Vec<(f64, f64, ZoneKey)>,
    /// (x, y, score as shown, zone) of every point, oldest first.
    pub dots: Vec<(f64, f64, String, ZoneKey)>,
    /// The SVG path joining the dots.
    pub line: String,
    /// The first and the last date, under the ends of the time axis.
    pub first: String,
    pub last: String,
}

const HISTORY_WIDTH: f64 = 320.0;
const HISTORY_HEIGHT: f64 = 170.0;
const HISTORY_LEFT: f64 = 30.0;
const HISTORY_RIGHT: f64 = 300.0;
const HISTORY_TOP: f64 = 8.0;
const HISTORY_BOTTOM: f64 = 140.0;

/// Days since 1970-01-01 of an ISO date, for spacing points by time.
fn day_number(date: &str) -> Option<f64> {
    let mut parts = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some((era * 146_097 + doe - 719_468) as f64)
}

/// The chart of `points` ((date, score, zone), oldest first); None for fewer than two, where a
/// table says it all.
pub fn history(m: &Methodology, points: &[(String, f64, ZoneKey)], decimals: u32) -> Option<HistoryChart> {
    if points.len() < 2 {
        return None;
    }
    let days: Vec<f64> = points.iter().map(|(d, _, _)| day_number(d).unwrap_or(0.0)).collect();
    let (first, last) = (days[0], days[days.len() - 1]);
    let span = last - first;
    let n = (points.len() - 1) as f64;
    let y_of = |score: f64| HISTORY_BOTTOM - score.clamp(0.0, 100.0) / 100.0 * (HISTORY_BOTTOM - HISTORY_TOP);
    let round = |v: f64| (v * 10.0).round() / 10.0;
    let dots: Vec<(f64, f64, String, ZoneKey)> = points
        .iter()
        .enumerate()
        .map(|(i, (_, score, zone))| {
            // By time; evenly when every point falls on one day.
            let share = if span > 0.0 { (days[i] - first) / span } else { i as f64 / n };
            let x = HISTORY_LEFT + share * (HISTORY_RIGHT - HISTORY_LEFT);
            (round(x), round(y_of(*score)), format!("{score:.*}", decimals as usize), *zone)
        })
        .collect();
    let line = dots
        .iter()
        .enumerate()
        .map(|(i, (x, y, _, _))| format!("{}{x} {y}", if i == 0 { "M" } else { " L" }))
        .collect();
    let bands = zone_bands(m)
        .iter()
        .filter_map(|b| {
            let zone = ZoneKey::parse(&b.key)?;
            let (top, bottom) = (y_of(b.x + b.width), y_of(b.x));
            Some((round(top), round(bottom - top), zone))
        })
        .collect();
    Some(HistoryChart {
        width: HISTORY_WIDTH,
        height: HISTORY_HEIGHT,
        left: HISTORY_LEFT,
        right: HISTORY_RIGHT,
        top: HISTORY_TOP,
        bottom: HISTORY_BOTTOM,
        bands,
        dots,
        line,
        first: points[0].0.clone(),
        last: points[points.len() - 1].0.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::methodology::bundled;

    #[test]
    fn a_history_chart_needs_two_points_and_spaces_them_by_date() {
        let m = bundled();
        let p = |d: &str, s: f64| (d.to_string(), s, crate::methodology::engine::zone_for(&m, s));
        assert!(history(&m, &[p("2026-01-01", 40.0)], 1).is_none());
        let c = history(&m, &[p("2026-01-01", 40.0), p("2026-01-11", 50.0), p("2026-01-31", 20.0)], 1).expect("chart");
        let xs: Vec<f64> = c.dots.iter().map(|d| d.0).collect();
        assert_eq!(xs, [HISTORY_LEFT, HISTORY_LEFT + 90.0, HISTORY_RIGHT]);
        assert!(c.dots[1].1 < c.dots[0].1 && c.dots[2].1 > c.dots[0].1, "higher scores sit higher");
        assert_eq!(c.dots[2].2, "20.0");
        assert_eq!(c.line.matches('L').count(), 2);
        assert_eq!(day_number("1970-01-01"), Some(0.0));
        assert_eq!(day_number("2026-11-30"), Some(20_787.0));
    }
}
