//! U.S. Bureau of Labor Statistics (`content/data/bls/`): the O*NET -> National Employment Matrix
//! crosswalk with Occupational Outlook Handbook profiles, Employment Projections 2024-34 (tables
//! 1.2 and 1.12), and OEWS national wages for May 2025 and May 2021.

use super::onet::read;
use super::value::{code, columns, number, optional_number, text};
use crate::problem::Problem;
use rustc_hash::FxHashMap;
use std::path::Path;

pub const DIR: &str = "bls";
/// The code BLS gives the all-occupations total in every table.
pub const ALL_OCCUPATIONS: &str = "00-0000";

/// Where an O*NET occupation sits in BLS's tables.
#[derive(Debug, Clone)]
pub struct Crosswalk {
    pub nem: String,
    /// Occupational Outlook Handbook profile title and URL, when BLS has one.
    pub ooh: Option<(String, String)>,
}

/// One NEM occupation's row of table 1.2 (employment in thousands, as published).
#[derive(Debug, Clone, Copy)]
pub struct Projection {
    pub employment_2024: Option<f64>,
    pub employment_2034: Option<f64>,
    /// Employment change 2024-34, percent.
    pub change_percent: Option<f64>,
    /// Annual average openings 2024-34, thousands.
    pub openings: Option<f64>,
    /// Index into [`Bls::educations`].
    pub education: Option<u8>,
}

/// One stated factor of table 1.12.
#[derive(Debug, Clone)]
pub struct Factor {
    pub industry: String,
    pub text: String,
}

/// One OEWS row: employment and annual median wage (None where BLS prints a marker).
#[derive(Debug, Clone, Copy, Default)]
pub struct Wages {
    pub employment: Option<f64>,
    pub median_annual: Option<f64>,
}

#[derive(Debug, Default)]
pub struct Bls {
    /// By O*NET-SOC code.
    pub crosswalk: FxHashMap<String, Crosswalk>,
    /// Table 1.2 by NEM code (including 00-0000).
    pub projections: FxHashMap<String, Projection>,
    /// Typical entry education names, stored once.
    pub educations: Vec<String>,
    /// Table 1.12 by NEM code, in BLS's order.
    pub factors: FxHashMap<String, Vec<Factor>>,
    /// OEWS May 2025 by SOC code (including 00-0000).
    pub oews_2025: FxHashMap<String, Wages>,
    /// OEWS May 2021 by SOC code.
    pub oews_2021: FxHashMap<String, Wages>,
}

impl Bls {
    pub fn load(content: &Path, problems: &mut Vec<Problem>) -> Bls {
        let dir = content.join(DIR);
        let mut bls = Bls::default();
        read(&dir, "onet-to-nem-crosswalk-2025-08-28.tsv", problems, |t, p| {
            let [c, nem, title, url] =
                columns(t, ["O*NET-SOC code", "NEM Code", "OOH profile title", "OOH profile website"], p)?;
            for row in &t.rows {
                if let (Some(onet), Some(nem)) = (code(t, row, c, p), code(t, row, nem, p)) {
                    let (title, url) = (text(row, title), text(row, url));
                    let ooh = url.starts_with("https://").then(|| (title.to_string(), url.to_string()));
                    bls.crosswalk.insert(onet.to_string(), Crosswalk { nem: nem.to_string(), ooh });
                }
            }
            Some(())
        });
        read(&dir, "ep-2024-34-table-1.2.tsv", problems, |t, p| projections(&mut bls, t, p));
        read(&dir, "ep-2024-34-table-1.12.tsv", problems, |t, p| {
            let names = [
                "2024 National Employment Matrix occupation code",
                "2024 National Employment Matrix industry title",
                "Factors affecting occupational utilization",
            ];
            let [c, industry, factor] = columns(t, names, p)?;
            for row in &t.rows {
                if let Some(nem) = code(t, row, c, p) {
                    let f = Factor { industry: text(row, industry).to_string(), text: text(row, factor).to_string() };
                    bls.factors.entry(nem.to_string()).or_default().push(f);
                }
            }
            Some(())
        });
        read(&dir, "oews-national-may2025.csv", problems, |t, p| {
            oews(&mut bls.oews_2025, t, ["OCC_CODE", "Employment", "Annual median wage"], p)
        });
        read(&dir, "oews-national-may2021.csv", problems, |t, p| {
            oews(&mut bls.oews_2021, t, ["OCC_CODE", "TOT_EMP", "A_MEDIAN"], p)
        });
        bls
    }

    pub fn education(&self, projection: &Projection) -> Option<&str> {
        projection.education.map(|i| self.educations[i as usize].as_str())
    }
}

fn projections(bls: &mut Bls, t: &super::table::Table, p: &mut Vec<Problem>) -> Option<()> {
    let [c, e24, e34, change, openings, education] = columns(
        t,
        [
            "2024 National Employment Matrix code",
            "Employment, 2024",
            "Employment, 2034",
            "Employment change, percent, 2024–34",
            "Occupational openings, 2024–34 annual average",
            "Typical education needed for entry",
        ],
        p,
    )?;
    for row in &t.rows {
        let Some(nem) = code(t, row, c, p) else { continue };
        let education = match text(row, education) {
            "" | "—" => None,
            name => Some(match bls.educations.iter().position(|e| e == name) {
                Some(i) => i as u8,
                None => {
                    bls.educations.push(name.to_string());
                    (bls.educations.len() - 1) as u8
                }
            }),
        };
        let projection = Projection {
            employment_2024: number(t, row, e24, p),
            employment_2034: number(t, row, e34, p),
            change_percent: number(t, row, change, p),
            openings: optional_number(t, row, openings, p),
            education,
        };
        bls.projections.insert(nem.to_string(), projection);
    }
    Some(())
}

fn oews(
    out: &mut FxHashMap<String, Wages>,
    t: &super::table::Table,
    names: [&str; 3],
    p: &mut Vec<Problem>,
) -> Option<()> {
    let [c, employment, median] = columns(t, names, p)?;
    for row in &t.rows {
        if let Some(code) = code(t, row, c, p) {
            let wages = Wages {
                employment: optional_number(t, row, employment, p),
                median_annual: optional_number(t, row, median, p),
            };
            out.insert(code.to_string(), wages);
        }
    }
    Some(())
}
