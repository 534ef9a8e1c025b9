//! A small line chart of one figure at a few dated points (observed AI use per release): the
//! points sit in equal slots, each named under the axis and labelled with its value, so the
//! chart reads at phone width without a legend.

/// One point, in SVG user units.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    pub x: f64,
    pub y: f64,
    /// Under the axis: "Feb 2025".
    pub name: String,
    /// Above the point: "0.512%".
    pub value: String,
    /// Where that value sits.
    pub value_y: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    pub points: Vec<TrendPoint>,
    /// The line through the points, as an SVG `points` list.
    pub line: String,
    pub width: f64,
    pub height: f64,
    /// The zero line's ends and height.
    pub left: f64,
    pub right: f64,
    pub baseline: f64,
    /// Where the names sit, under the baseline.
    pub names_y: f64,
}

const WIDTH: f64 = 360.0;
const HEIGHT: f64 = 176.0;
const LEFT: f64 = 8.0;
const TOP: f64 = 30.0;
const BASELINE: f64 = 140.0;

/// Plots (name, value, value as shown) from zero up to the largest value.
pub fn trend(points: &[(String, f64, String)]) -> Trend {
    let right = WIDTH - LEFT;
    let max = points.iter().map(|p| p.1).fold(0.0, f64::max);
    let slot = (right - LEFT) / points.len().max(1) as f64;
    let round = |v: f64| (v * 10.0).round() / 10.0;
    let points: Vec<TrendPoint> = points
        .iter()
        .enumerate()
        .map(|(i, (name, v, shown))| {
            let y = round(if max > 0.0 { BASELINE - v / max * (BASELINE - TOP) } else { BASELINE });
            TrendPoint {
                x: round(LEFT + slot * (i as f64 + 0.5)),
                y,
                name: name.clone(),
                value: shown.clone(),
                value_y: round(y - 10.0),
            }
        })
        .collect();
    let line = points.iter().map(|p| format!("{},{}", p.x, p.y)).collect::<Vec<_>>().join(" ");
    Trend {
        points,
        line,
        width: WIDTH,
        height: HEIGHT,
        left: LEFT,
        right,
        baseline: BASELINE,
        names_y: BASELINE + 22.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_value_touches_the_top_and_zero_sits_on_the_baseline() {
        let p = |n: &str, v: f64| (n.to_string(), v, format!("{v}%"));
        let t = trend(&[p("a", 0.0), p("b", 2.0), p("c", 1.0)]);
        let ys: Vec<f64> = t.points.iter().map(|p| p.y).collect();
        assert_eq!(ys, [BASELINE, TOP, (BASELINE + TOP) / 2.0]);
        assert!(t.points.windows(2).all(|w| w[0].x < w[1].x));
        assert_eq!(t.line.split(' ').count(), 3);
        assert_eq!(t.points[1].value, "2%");
    }

    #[test]
    fn all_zero_stays_on_the_baseline() {
        let t = trend(&[("a".into(), 0.0, "0%".into()), ("b".into(), 0.0, "0%".into())]);
        assert!(t.points.iter().all(|p| p.y == BASELINE));
    }
}
