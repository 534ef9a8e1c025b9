//! The history file's format: tab-separated values, one row per line, after `#` comment lines
//! and one header line. Tabs because reasons are sentences full of commas and quotes, and a tab
//! never occurs in them; no quoting rules, so one row is always one line and a problem is
//! always at one line. Reading checks each row on its own; [`super::check`] checks rows against
//! the catalogue.

use super::Point;
use crate::assessment::Key;
use crate::methodology::ZoneKey;
use crate::problem::Problem;
use std::path::Path;

/// The header line, naming the columns in order.
pub const HEADER: &str = "date\tkey\tscore\tzone\tmethodology\tdata\treason";
const COLUMNS: usize = 7;

/// A row as read, with the line it is on.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub point: Point,
    pub line: usize,
}

/// Reads every row of `text` (the file at `path`); each malformed line is a problem at its line.
pub fn parse(path: &Path, text: &str, problems: &mut Vec<Problem>) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut header_seen = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if raw.starts_with('#') || raw.trim().is_empty() {
            continue;
        }
        if !header_seen {
            if raw != HEADER {
                let why = format!("the first line after the comments must be the header {HEADER:?}, tab-separated");
                problems.push(Problem::new(path, line, why));
                return rows;
            }
            header_seen = true;
            continue;
        }
        match row(raw) {
            Ok(point) => rows.push(Row { point, line }),
            Err(why) => problems.push(Problem::new(path, line, why)),
        }
    }
    rows
}

/// One line as a point, or what is wrong with it and how to fix it.
fn row(raw: &str) -> Result<Point, String> {
    let fields: Vec<&str> = raw.split('\t').collect();
    if fields.len() != COLUMNS {
        return Err(format!(
            "{} tab-separated fields where {COLUMNS} are needed ({HEADER}); separate fields with one tab each",
            fields.len()
        ));
    }
    let [date, key, score, zone, methodology, data, reason] = [0, 1, 2, 3, 4, 5, 6].map(|i| fields[i]);
    if let Some(bad) = fields.iter().find(|f| f.trim() != **f || f.is_empty()) {
        return Err(format!("field {bad:?} is empty or has spaces around it; every field needs a value, trimmed"));
    }
    let date = iso_date(date)?;
    let key = Key::from_segment(key).ok_or_else(|| {
        format!("key {key:?} is neither a role slug nor an O*NET-SOC code; write e.g. senior-software-engineer or 15-1252.00")
    })?;
    let score = score
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && (0.0..=100.0).contains(s))
        .ok_or_else(|| format!("score {score:?} is not a number from 0 to 100"))?;
    let zone = ZoneKey::parse(zone).ok_or_else(|| {
        let keys: Vec<&str> = ZoneKey::ALL.iter().map(|z| z.as_str()).collect();
        format!("zone {zone:?} is not one of {}", keys.join(", "))
    })?;
    if let Some(c) = raw.chars().find(|c| c.is_control() && *c != '\t') {
        return Err(format!("the row holds the control character U+{:04X}; remove it", u32::from(c)));
    }
    Ok(Point {
        date,
        key,
        score,
        zone,
        methodology: methodology.to_string(),
        data: data.to_string(),
        reason: reason.to_string(),
    })
}

/// A real calendar date written YYYY-MM-DD.
pub fn iso_date(text: &str) -> Result<String, String> {
    let bad = || format!("date {text:?} is not a calendar date written YYYY-MM-DD");
    let parsed: toml::value::Datetime = text.parse().map_err(|_| bad())?;
    let iso = crate::content::dates::iso_date(&parsed).map_err(|_| bad())?;
    if iso == text { Ok(iso) } else { Err(bad()) }
}

/// One point as a line of the file, without its newline. Tabs and line breaks in the text
/// fields become spaces, so a row can never spill into another.
pub fn line(p: &Point, decimals: u32) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    [
        p.date.clone(),
        p.key.id().to_string(),
        super::score_text(p.score, decimals),
        p.zone.as_str().to_string(),
        clean(&p.methodology),
        clean(&p.data),
        clean(&p.reason),
    ]
    .join("\t")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Vec<Row>, Vec<String>) {
        let mut problems = Vec::new();
        let rows = parse(Path::new("content/history.tsv"), text, &mut problems);
        (rows, problems.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn a_good_row_reads_back_as_it_was_written() {
        let text =
            format!("# comment\n{HEADER}\n2026-11-30\t15-1252.00\t31.4\tyellow\t1.1\tonet gpts\tWhy, \"quoted\".\n");
        let (rows, problems) = read(&text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].line, 3);
        assert_eq!(rows[0].point.key, Key::from_segment("15-1252.00").expect("a code"));
        assert_eq!(line(&rows[0].point, 1), text.lines().nth(2).unwrap_or_default());
    }

    #[test]
    fn each_malformed_row_is_refused_at_its_own_line() {
        let text = format!(
            "{HEADER}\n2026-02-30\tsenior-software-engineer\t40.0\tyellow\t1.0\td\tr\n\
             2026-01-01\tNot A Key\t40.0\tyellow\t1.0\td\tr\n\
             2026-01-01\tsenior-software-engineer\t140\tyellow\t1.0\td\tr\n\
             2026-01-01\tsenior-software-engineer\t40.0\tpurple\t1.0\td\tr\n\
             2026-01-01\tsenior-software-engineer\t40.0\tyellow\t1.0\td\n\
             2026-01-01\tsenior-software-engineer\t40.0\tyellow\t1.0\td\tr\n"
        );
        let (rows, problems) = read(&text);
        assert_eq!(rows.len(), 1, "only the last row is good");
        let lines: Vec<&str> = problems.iter().map(|p| p.split(": ").next().unwrap_or_default()).collect();
        assert_eq!(
            lines,
            [
                "content/history.tsv:2",
                "content/history.tsv:3",
                "content/history.tsv:4",
                "content/history.tsv:5",
                "content/history.tsv:6"
            ]
        );
        assert!(problems[0].contains("calendar date"), "{}", problems[0]);
        assert!(problems[4].contains("7 are needed"), "{}", problems[4]);
    }

    #[test]
    fn a_missing_header_is_refused() {
        let (_, problems) = read("2026-01-01\tsenior-software-engineer\t40.0\tyellow\t1.0\td\tr\n");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].starts_with("content/history.tsv:1: the first line"), "{}", problems[0]);
    }
}
