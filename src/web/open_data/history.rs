//! `/data/history.csv`: every row of the score history, as the catalogue holds it (the same rows
//! the pages, feeds, emails and API show), one line per change.

use super::downloads::spreadsheet_text;
use crate::history::{Point, score_text};
use serde::Serialize;

/// (name, meaning) of each column, in order.
pub const COLUMNS: [(&str, &str); 8] = [
    ("date", "the day the score took effect, YYYY-MM-DD"),
    ("kind", "role (editor-reviewed) or occupation (data-derived)"),
    ("key", "the role's slug or the occupation's O*NET-SOC code"),
    ("score", "the score from that day, 0-100"),
    ("zone", "red, yellow or green, after any editor override"),
    ("methodology", "the methodology version that computed it (see /methodology#changelog)"),
    (
        "data",
        "the data sets an estimate read (their keys on /methodology), or the editor review a role's figures come from",
    ),
    ("reason", "why it changed: the methodology's changelog, the editor's revision note, or a data update"),
];

#[derive(Serialize)]
struct Line {
    date: String,
    kind: &'static str,
    key: String,
    score: String,
    zone: &'static str,
    methodology: String,
    data: String,
    reason: String,
}

/// The CSV, with a header row, text that a spreadsheet would run made inert.
pub fn csv(points: &[Point], decimals: u32) -> anyhow::Result<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    if points.is_empty() {
        writer.write_record(COLUMNS.iter().map(|(name, _)| *name))?;
    }
    for p in points {
        writer.serialize(Line {
            date: p.date.clone(),
            kind: p.key.kind().as_str(),
            key: p.key.id().to_string(),
            score: score_text(p.score, decimals),
            zone: p.zone.as_str(),
            methodology: spreadsheet_text(&p.methodology),
            data: spreadsheet_text(&p.data),
            reason: spreadsheet_text(&p.reason),
        })?;
    }
    writer.into_inner().map_err(|e| anyhow::anyhow!("while writing the history CSV: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Key;
    use crate::methodology::ZoneKey;

    #[test]
    fn the_header_is_the_documented_columns_and_formulas_are_inert() {
        let p = Point {
            date: "2026-11-30".into(),
            key: Key::from_segment("15-1252.00").expect("a code"),
            score: 31.44,
            zone: ZoneKey::Yellow,
            methodology: "1.1".into(),
            data: "onet gpts".into(),
            reason: "=HYPERLINK(\"x\")".into(),
        };
        let text = String::from_utf8(csv(&[p], 1).expect("csv")).expect("utf-8");
        let mut lines = text.lines();
        let names: Vec<&str> = COLUMNS.iter().map(|(n, _)| *n).collect();
        assert_eq!(lines.next(), Some(names.join(",").as_str()));
        assert_eq!(
            lines.next(),
            Some("2026-11-30,occupation,15-1252.00,31.4,yellow,1.1,onet gpts,\"'=HYPERLINK(\"\"x\"\")\"")
        );
    }
}
