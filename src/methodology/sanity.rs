//! Numbers in methodology.toml that parse but cannot be meant: `inf`, `nan`, and values so far
//! out of range that the build would write a catalogue the server cannot open (JSON has no
//! infinity) or overflow while sizing a table. Checked before anything else uses them.

use super::Methodology;
use std::fmt;

/// One value out of bounds, with where it lives in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Insane {
    /// The table as written in the file, e.g. `scale` or `zones`.
    pub table: &'static str,
    /// Which `[[table]]` entry, for arrays of tables.
    pub index: usize,
    pub key: &'static str,
    pub message: String,
}

impl fmt::Display for Insane {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {} {}", self.table, self.key, self.message)
    }
}

impl Insane {
    /// The 1-based line of this key in `text` (the methodology file), or 1 if not found.
    pub fn line_in(&self, text: &str) -> usize {
        let (single, array) = (format!("[{}]", self.table), format!("[[{}]]", self.table));
        let mut seen = 0;
        let mut inside = false;
        for (i, line) in text.lines().enumerate() {
            let trimmed = line.trim();
            if trimmed.starts_with('[') {
                inside = trimmed == single
                    || (trimmed == array && {
                        seen += 1;
                        seen - 1 == self.index
                    });
                continue;
            }
            let key = trimmed.split('=').next().unwrap_or_default().trim();
            if inside && key == self.key {
                return i + 1;
            }
        }
        1
    }
}

/// Every float finite and every number within a range an editor could mean.
pub fn finite_and_sane(m: &Methodology) -> Vec<Insane> {
    let mut out = Vec::new();
    let mut float = |table, index, key, v: f64, min: f64, max: f64| {
        if !v.is_finite() || v < min || v > max {
            out.push(Insane { table, index, key, message: format!("is {v}; use a number from {min} to {max}") });
        }
    };
    float("task_resistance", 0, "ceiling", m.task_resistance.ceiling, 0.0, 100.0);
    float("modifiers", 0, "evidence_per_point", m.modifiers.evidence_per_point, -1.0, 1.0);
    float("modifiers", 0, "barriers_per_point", m.modifiers.barriers_per_point, -1.0, 1.0);
    float("modifiers", 0, "growth_per_point", m.modifiers.growth_per_point, -1.0, 1.0);
    float("scale", 0, "raw_floor", m.scale.raw_floor, -1000.0, 1000.0);
    float("scale", 0, "raw_span", m.scale.raw_span, 0.001, 1000.0);
    for (i, z) in m.zones.iter().enumerate() {
        float("zones", i, "min_score", z.min_score, 0.0, 100.0);
    }
    let c = &m.composition;
    for (key, v) in [
        ("task_resistance", c.task_resistance),
        ("evidence", c.evidence),
        ("barriers", c.barriers),
        ("protective", c.protective),
        ("growth", c.growth),
    ] {
        float("composition", 0, key, v, 0.0, 100.0);
    }
    let mut int = |table, key, v: i64| {
        if !(-100..=100).contains(&v) {
            out.push(Insane { table, index: 0, key, message: format!("is {v}; use a whole number from -100 to 100") });
        }
    };
    for (table, set) in [("evidence", &m.evidence), ("barriers", &m.barriers)] {
        int(table, "min_score", set.min_score);
        int(table, "max_score", set.max_score);
    }
    int("protective", "min_score", m.protective.min_score);
    int("protective", "max_score", m.protective.max_score);
    int("growth", "min_score", m.growth.min_score);
    int("growth", "max_score", m.growth.max_score);
    if m.scale.decimals > 6 {
        out.push(Insane {
            table: "scale",
            index: 0,
            key: "decimals",
            message: format!("is {}; show at most 6 decimals", m.scale.decimals),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUNDLED: &str = include_str!("../../content/methodology.toml");

    fn with(find: &str, replace: &str) -> (String, Methodology) {
        assert!(BUNDLED.contains(find), "methodology.toml has {find}");
        let text = BUNDLED.replacen(find, replace, 1);
        let m = toml::from_str(&text).expect("still parses");
        (text, m)
    }

    #[test]
    fn the_bundled_methodology_is_sane() {
        assert_eq!(finite_and_sane(&crate::methodology::bundled()), vec![]);
    }

    #[test]
    fn infinity_nan_and_absurd_values_are_refused_at_their_line() {
        let raw_span = BUNDLED.lines().position(|l| l.trim_start().starts_with("raw_span")).expect("raw_span") + 1;
        for bad in ["inf", "nan", "-inf", "1e300"] {
            let (text, m) = with("raw_span = 7.93", &format!("raw_span = {bad}"));
            let found = finite_and_sane(&m);
            assert_eq!(found.len(), 1, "{bad}: {found:?}");
            assert_eq!(found[0].key, "raw_span");
            assert_eq!(found[0].line_in(&text), raw_span, "{bad}");
        }
        let (_, m) = with("evidence_per_point = 0.04", "evidence_per_point = nan");
        assert_eq!(finite_and_sane(&m)[0].key, "evidence_per_point");
    }
}
