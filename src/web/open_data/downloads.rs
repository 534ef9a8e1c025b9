//! The open-data downloads: one row per scored entry (editor roles and data-derived
//! occupations), every published figure with its provenance, as CSV and as JSON. Built once per
//! catalogue on first request and kept with its strong ETag; the catalogue never changes while
//! it is served, so neither do the files.

use crate::assessment::Assessment;
use crate::catalogue::read;
use crate::methodology::engine::round_to;
use crate::web::http::etag::Etagged;
use crate::web::{State, WebError, with_catalogue};
use serde::Serialize;
use std::sync::{Arc, OnceLock};

/// One scored entry, flat so CSV and JSON carry the same columns.
#[derive(Debug, Serialize)]
pub struct Row {
    pub kind: &'static str,
    pub id: String,
    pub title: String,
    pub seniority: Option<String>,
    pub occupation: String,
    pub provenance: &'static str,
    pub score: f64,
    pub zone: &'static str,
    pub sub_label: Option<String>,
    pub task_resistance: f64,
    pub evidence_total: i64,
    pub barriers_total: i64,
    pub protective_total: i64,
    pub growth: i64,
    pub evidence_modifier: f64,
    pub barrier_modifier: f64,
    pub growth_modifier: f64,
    pub raw: f64,
    pub displaced: f64,
    pub augmented: f64,
    pub not_involved: f64,
    pub updated: String,
    pub url: String,
}

/// Each column of [`Row`] with what it means, in order: the /data page lists them, and a test
/// checks the CSV header against them.
pub const COLUMNS: [(&str, &str); 23] = [
    ("kind", "role (editor-reviewed, one job at one seniority) or occupation (an O*NET occupation)"),
    ("id", "the role's slug or the occupation's O*NET-SOC code; with kind, the entry's key"),
    ("title", "the role or occupation title"),
    ("seniority", "roles only: the seniority level, e.g. Mid-Level"),
    ("occupation", "the O*NET-SOC code the entry belongs to"),
    ("provenance", "editor (written and reviewed by an editor) or data (derived from published research data)"),
    ("score", "the published score, 0-100; higher means more resistant to AI"),
    ("zone", "red, yellow or green, after any assessor override"),
    ("sub_label", "the zone's sub-label, where a rule gives one"),
    ("task_resistance", "task resistance: the ceiling minus the time-weighted task score"),
    ("evidence_total", "sum of the evidence dimensions (ranges on /methodology)"),
    ("barriers_total", "sum of the barriers (ranges on /methodology)"),
    ("protective_total", "sum of the protective principles (ranges on /methodology)"),
    ("growth", "AI growth correlation (range on /methodology)"),
    ("evidence_modifier", "1 + evidence total x the methodology's weight"),
    ("barrier_modifier", "1 + barriers total x the methodology's weight"),
    ("growth_modifier", "1 + growth x the methodology's weight"),
    ("raw", "task resistance x the three modifiers, to four decimals"),
    ("displaced", "percent of rated task time in the displacement class, to one decimal"),
    ("augmented", "percent of rated task time in the augmentation class"),
    ("not_involved", "percent of rated task time AI is not involved in"),
    ("updated", "date of the newest revision (roles) or of the data release (occupations), YYYY-MM-DD"),
    ("url", "the entry's page"),
];

impl Row {
    pub fn of(a: &Assessment, base_url: &str) -> Row {
        let c = &a.card;
        Row {
            kind: a.key.kind().as_str(),
            id: a.key.id().to_string(),
            title: a.title.clone(),
            seniority: a.seniority.as_ref().map(|s| s.level.clone()),
            occupation: a.occupation.clone(),
            provenance: a.provenance.as_str(),
            score: round_to(c.score, 1),
            zone: a.zone.as_str(),
            sub_label: c.sub_label.clone(),
            task_resistance: round_to(c.task_resistance, 2),
            evidence_total: c.evidence_total,
            barriers_total: c.barriers_total,
            protective_total: c.protective_total,
            growth: c.growth,
            evidence_modifier: round_to(c.evidence_modifier, 4),
            barrier_modifier: round_to(c.barrier_modifier, 4),
            growth_modifier: round_to(c.growth_modifier, 4),
            raw: round_to(c.raw, 4),
            displaced: round_to(c.split.displaced, 1),
            augmented: round_to(c.split.augmented, 1),
            not_involved: round_to(c.split.not_involved, 1),
            updated: a.updated.clone(),
            url: format!("{base_url}{}", a.key.url()),
        }
    }
}

impl Row {
    /// The row as the CSV holds it: text cells a spreadsheet would run as a formula are
    /// prefixed with `'` (OWASP's advice on CSV injection); figures are numbers and stay as they are.
    fn spreadsheet_safe(&self) -> Row {
        let opt = |s: &Option<String>| s.as_deref().map(spreadsheet_text);
        Row {
            id: spreadsheet_text(&self.id),
            title: spreadsheet_text(&self.title),
            seniority: opt(&self.seniority),
            occupation: spreadsheet_text(&self.occupation),
            sub_label: opt(&self.sub_label),
            updated: spreadsheet_text(&self.updated),
            url: spreadsheet_text(&self.url),
            ..*self
        }
    }
}

/// `text`, prefixed with `'` when it starts with a character that makes a spreadsheet treat
/// the cell as a formula (`=`, `+`, `@`, a tab or CR, or `-` when the text is not a number).
pub fn spreadsheet_text(text: &str) -> String {
    let live = match text.chars().next() {
        Some('=' | '+' | '@' | '\t' | '\r') => true,
        Some('-') => text.parse::<f64>().is_err(),
        _ => false,
    };
    if live { format!("'{text}") } else { text.to_string() }
}

/// The JSON download: what it is, under which licence, and the rows.
#[derive(Serialize)]
struct JsonDownload<'a> {
    title: &'static str,
    licence: &'static str,
    licence_url: &'static str,
    /// The catalogue version the rows were generated from.
    version: &'a str,
    documentation: String,
    count: usize,
    assessments: &'a [Row],
}

/// Both files of one catalogue, with what the /data page says about them.
#[derive(Debug)]
pub struct Downloads {
    pub csv: Etagged,
    pub json: Etagged,
    /// The score history, one row per change (super::history).
    pub history_csv: Etagged,
    pub history_rows: usize,
    pub count: usize,
    pub roles: usize,
    pub occupations: usize,
    /// The newest `updated` date among the rows.
    pub updated: String,
}

pub const LICENCE: &str = "CC BY 4.0";
pub const LICENCE_URL: &str = "https://creativecommons.org/licenses/by/4.0/";

/// Writes both files from the rows.
pub fn generate(
    rows: &[Row],
    history: &[crate::history::Point],
    decimals: u32,
    version: &str,
    base_url: &str,
) -> anyhow::Result<Downloads> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    if rows.is_empty() {
        writer.write_record(COLUMNS.iter().map(|(name, _)| *name))?;
    }
    for row in rows {
        writer.serialize(row.spreadsheet_safe())?;
    }
    let csv = writer.into_inner().map_err(|e| anyhow::anyhow!("while writing the CSV: {e}"))?;
    let json = serde_json::to_vec(&JsonDownload {
        title: "jobzone AI job-risk assessments",
        licence: LICENCE,
        licence_url: LICENCE_URL,
        version,
        documentation: format!("{base_url}/data"),
        count: rows.len(),
        assessments: rows,
    })?;
    Ok(Downloads {
        csv: Etagged::new(csv),
        json: Etagged::new(json),
        history_csv: Etagged::new(super::history::csv(history, decimals)?),
        history_rows: history.len(),
        count: rows.len(),
        roles: rows.iter().filter(|r| r.kind == "role").count(),
        occupations: rows.iter().filter(|r| r.kind == "occupation").count(),
        updated: rows.iter().map(|r| r.updated.as_str()).max().unwrap_or_default().to_string(),
    })
}

/// The catalogue's downloads, generated on the first request that needs them.
pub async fn of(site: &State, cache: &OnceLock<Arc<Downloads>>) -> Result<Arc<Downloads>, WebError> {
    if let Some(d) = cache.get() {
        return Ok(d.clone());
    }
    let base_url = site.base_url.clone();
    let (rows, history) = with_catalogue(site, move |c| {
        let conn = c.conn();
        let mut rows = Vec::new();
        for key in read::all_keys(&conn)? {
            if let Some(a) = read::assessment(&conn, &key)? {
                rows.push(Row::of(&a, &base_url));
            }
        }
        Ok((rows, crate::catalogue::history::all(&conn)?))
    })
    .await?;
    let decimals = site.catalogue().methodology.scale.decimals;
    let generated = generate(&rows, &history, decimals, &site.catalogue().version, &site.base_url)
        .map_err(|e| WebError::internal("while generating the open data downloads", e))?;
    // Two first requests may race; both computed the same bytes, and the first one stays.
    Ok(cache.get_or_init(|| Arc::new(generated)).clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_csv_header_is_the_documented_columns_in_order() {
        let d = generate(&[], &[], 1, "v", "https://x").expect("generates");
        let header = std::str::from_utf8(&d.csv.body).expect("utf-8").lines().next().unwrap_or_default().to_string();
        let documented: Vec<&str> = COLUMNS.iter().map(|(name, _)| *name).collect();
        assert_eq!(header, documented.join(","));
        let row = Row {
            kind: "role",
            id: "a".into(),
            title: "T, with \"quotes\"".into(),
            seniority: None,
            occupation: "15-1252.00".into(),
            provenance: "editor",
            score: 1.0,
            zone: "red",
            sub_label: None,
            task_resistance: 1.0,
            evidence_total: 0,
            barriers_total: 0,
            protective_total: 0,
            growth: 0,
            evidence_modifier: 1.0,
            barrier_modifier: 1.0,
            growth_modifier: 1.0,
            raw: 1.0,
            displaced: 0.0,
            augmented: 0.0,
            not_involved: 100.0,
            updated: "2026-01-01".into(),
            url: "https://x/roles/a".into(),
        };
        let d = generate(&[row], &[], 1, "v", "https://x").expect("generates");
        let text = std::str::from_utf8(&d.csv.body).expect("utf-8");
        assert_eq!(text.lines().next(), Some(documented.join(",").as_str()));
        assert!(text.contains("\"T, with \"\"quotes\"\"\""), "{text}");
    }

    #[test]
    fn text_a_spreadsheet_would_run_is_prefixed_and_numbers_and_prose_are_not() {
        for (text, cell) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1 555", "'+1 555"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("-cmd", "'-cmd"),
            ("\t=1", "'\t=1"),
            ("-2.5", "-2.5"),
            ("Backend/API Developer", "Backend/API Developer"),
            ("", ""),
        ] {
            assert_eq!(spreadsheet_text(text), cell);
        }
    }
}
