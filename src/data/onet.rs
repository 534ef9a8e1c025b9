//! O*NET 30.1 (`content/data/onet-30.1/`): occupations, task statements, the detailed work
//! activities each task involves and the generalized work activity above each, Job Zones,
//! related occupations, and the interest, skill and work-style measures the method reads.

use super::table::{Format, Table};
use super::value::{code, columns, id, number, text};
pub use crate::assessment::{TaskType, Tier};
use crate::problem::Problem;
use rustc_hash::FxHashMap;
use std::path::Path;

pub const DIR: &str = "onet-30.1";
/// The occupation table: every occupation, with its title and description.
pub const OCCUPATIONS: &str = "Occupation Data.txt";

#[derive(Debug, Clone)]
pub struct Task {
    pub id: u32,
    pub text: String,
    pub kind: TaskType,
}

/// One row of O*NET's occupation table: the list of every occupation the site has a page for.
#[derive(Debug, Clone)]
pub struct Occupation {
    /// O*NET-SOC code, e.g. "15-1252.00".
    pub code: String,
    pub title: String,
    pub description: String,
    /// The line of the occupation table it was read from, for problems found later.
    pub line: usize,
}

impl Occupation {
    /// "15": the SOC major group.
    pub fn major_group(&self) -> &str {
        &self.code[..2]
    }
}

#[derive(Debug, Clone)]
pub struct Related {
    pub code: String,
    pub tier: Tier,
    /// O*NET's rank, 1 = most related.
    pub index: u32,
}

/// Occupation-level measures (Interests OI, Skills IM, Work Styles WI) by (element ID, scale ID):
/// the keys are stored once, each occupation holds (key index, value) pairs.
#[derive(Debug, Default)]
pub struct Measures {
    keys: Vec<(String, String)>,
    values: FxHashMap<String, Vec<(u16, f32)>>,
}

impl Measures {
    fn insert(&mut self, occupation: &str, element: &str, scale: &str, value: f64) {
        let k = match self.keys.iter().position(|(e, s)| e == element && s == scale) {
            Some(k) => k,
            None => {
                self.keys.push((element.to_string(), scale.to_string()));
                self.keys.len() - 1
            }
        };
        let slot = self.values.entry(occupation.to_string()).or_default();
        slot.push((k as u16, value as f32));
    }

    /// The value of O*NET element `element` on scale `scale` for an occupation.
    pub fn get(&self, occupation: &str, element: &str, scale: &str) -> Option<f64> {
        let k = self.keys.iter().position(|(e, s)| e == element && s == scale)? as u16;
        let v = self.values.get(occupation)?.iter().find(|(i, _)| *i == k)?.1;
        // f32 keeps the table lean; round back to the two decimals O*NET publishes.
        Some((f64::from(v) * 100.0).round() / 100.0)
    }

    /// Whether any occupation has this element on this scale (for checking methodology.toml).
    pub fn knows(&self, element: &str, scale: &str) -> bool {
        self.keys.iter().any(|(e, s)| e == element && s == scale)
    }
}

#[derive(Debug, Default)]
pub struct Onet {
    /// Every occupation, in O*NET's order.
    pub occupations: Vec<Occupation>,
    /// Task statements by occupation code, in file order.
    pub tasks: FxHashMap<String, Vec<Task>>,
    /// Generalized work activity element IDs, stored once; `iwas` points into it.
    pub gwas: Vec<String>,
    /// Intermediate work activity IDs, stored once, each with its generalized work activity.
    pub iwas: Vec<(String, u8)>,
    /// The distinct intermediate work activities of each task's detailed work activities
    /// (indices into `iwas`).
    pub task_iwas: FxHashMap<u32, Vec<u16>>,
    pub job_zones: FxHashMap<String, u8>,
    /// Related occupations by occupation code, in O*NET's order.
    pub related: FxHashMap<String, Vec<Related>>,
    pub measures: Measures,
}

impl Onet {
    /// The (generalized, intermediate) work activity IDs of a task's detailed work activities;
    /// None when O*NET maps the task to none.
    pub fn task_activities(&self, task: u32) -> Option<impl Iterator<Item = (&str, &str)>> {
        let iwas = self.task_iwas.get(&task)?;
        Some(iwas.iter().map(|&i| {
            let (iwa, gwa) = &self.iwas[i as usize];
            (self.gwas[*gwa as usize].as_str(), iwa.as_str())
        }))
    }

    pub fn load(content: &Path, problems: &mut Vec<Problem>) -> Onet {
        let dir = content.join(DIR);
        let mut onet = Onet::default();
        read(&dir, OCCUPATIONS, problems, |t, p| occupations(&mut onet, t, p));
        read(&dir, "Task Statements.txt", problems, |t, p| tasks(&mut onet, t, p));
        let mut dwa_iwa = FxHashMap::default();
        read(&dir, "DWA Reference.txt", problems, |t, p| dwas(&mut onet, &mut dwa_iwa, t, p));
        read(&dir, "Tasks to DWAs.txt", problems, |t, p| task_dwas(&mut onet, &dwa_iwa, t, p));
        read(&dir, "Job Zones.txt", problems, |t, p| job_zones(&mut onet, t, p));
        read(&dir, "Related Occupations.txt", problems, |t, p| related(&mut onet, t, p));
        for (file, scale) in [("Interests.txt", "OI"), ("Skills.txt", "IM"), ("Work Styles.txt", "WI")] {
            read(&dir, file, problems, |t, p| measures(&mut onet, scale, t, p));
        }
        onet
    }
}

/// Reads one table and hands it to `f`; a missing file or column is recorded and skipped.
pub(super) fn read(
    dir: &Path,
    file: &str,
    problems: &mut Vec<Problem>,
    f: impl FnOnce(&Table, &mut Vec<Problem>) -> Option<()>,
) {
    let format = if file.ends_with(".csv") { Format::Csv } else { Format::Tsv };
    if let Some(table) = Table::read(dir, file, format, problems) {
        f(&table, problems);
    }
}

fn occupations(onet: &mut Onet, t: &Table, p: &mut Vec<Problem>) -> Option<()> {
    let [c, title, description] = columns(t, ["O*NET-SOC Code", "Title", "Description"], p)?;
    let mut seen = std::collections::HashSet::new();
    for row in &t.rows {
        let Some(code) = code(t, row, c, p) else { continue };
        if !crate::assessment::is_soc_code(code) {
            p.push(t.problem(row, format!("\"{code}\" is not an O*NET-SOC code like 15-1252.00")));
            continue;
        }
        if !seen.insert(code) {
            p.push(t.problem(row, format!("code {code} appears twice")));
        }
        let (title, description) = (text(row, title).to_string(), text(row, description).to_string());
        onet.occupations.push(Occupation { code: code.to_string(), title, description, line: row.line });
    }
    Some(())
}

fn tasks(onet: &mut Onet, t: &Table, p: &mut Vec<Problem>) -> Option<()> {
    let [c, tid, task, kind] = columns(t, ["O*NET-SOC Code", "Task ID", "Task", "Task Type"], p)?;
    for row in &t.rows {
        let kind = match text(row, kind) {
            "Core" => TaskType::Core,
            "Supplemental" => TaskType::Supplemental,
            "" => TaskType::Unspecified,
            other => {
                p.push(t.problem(row, format!("Task Type \"{other}\" is not Core, Supplemental or empty; restore the published file unmodified (its source is in the SOURCE.md beside it)")));
                continue;
            }
        };
        if let (Some(code), Some(id)) = (code(t, row, c, p), id(t, row, tid, p)) {
            let entry = onet.tasks.entry(code.to_string()).or_default();
            entry.push(Task { id, text: text(row, task).to_string(), kind });
        }
    }
    Some(())
}

fn dwas(onet: &mut Onet, dwa_iwa: &mut FxHashMap<String, u16>, t: &Table, p: &mut Vec<Problem>) -> Option<()> {
    let [element, iwa, dwa] = columns(t, ["Element ID", "IWA ID", "DWA ID"], p)?;
    for row in &t.rows {
        let gwa = intern(&mut onet.gwas, text(row, element)) as u8;
        let iwa = text(row, iwa);
        let i = match onet.iwas.iter().position(|(id, _)| id == iwa) {
            Some(i) => i,
            None => {
                onet.iwas.push((iwa.to_string(), gwa));
                onet.iwas.len() - 1
            }
        };
        dwa_iwa.insert(text(row, dwa).to_string(), i as u16);
    }
    Some(())
}

/// The position of `value` in `list`, appended if new.
fn intern(list: &mut Vec<String>, value: &str) -> usize {
    list.iter().position(|v| v == value).unwrap_or_else(|| {
        list.push(value.to_string());
        list.len() - 1
    })
}

fn task_dwas(onet: &mut Onet, dwa_iwa: &FxHashMap<String, u16>, t: &Table, p: &mut Vec<Problem>) -> Option<()> {
    let [tid, dwa] = columns(t, ["Task ID", "DWA ID"], p)?;
    for row in &t.rows {
        let Some(task) = id(t, row, tid, p) else { continue };
        let Some(&iwa) = dwa_iwa.get(text(row, dwa)) else {
            p.push(t.problem(
                row,
                format!(
                    "DWA ID \"{}\" is not in DWA Reference.txt; restore both published files unmodified (their source is in the SOURCE.md beside them)",
                    text(row, dwa)
                ),
            ));
            continue;
        };
        let iwas = onet.task_iwas.entry(task).or_default();
        if !iwas.contains(&iwa) {
            iwas.push(iwa);
        }
    }
    Some(())
}

fn job_zones(onet: &mut Onet, t: &Table, p: &mut Vec<Problem>) -> Option<()> {
    let [c, zone] = columns(t, ["O*NET-SOC Code", "Job Zone"], p)?;
    for row in &t.rows {
        let Some(code) = code(t, row, c, p) else { continue };
        match text(row, zone).parse::<u8>() {
            Ok(z @ 1..=5) => {
                onet.job_zones.insert(code.to_string(), z);
            }
            _ => p.push(t.problem(
                row,
                format!("Job Zone \"{}\" is not 1-5; restore the published file unmodified (its source is in the SOURCE.md beside it)", text(row, zone)),
            )),
        }
    }
    Some(())
}

fn related(onet: &mut Onet, t: &Table, p: &mut Vec<Problem>) -> Option<()> {
    let [c, r, tier, index] = columns(t, ["O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"], p)?;
    for row in &t.rows {
        let tier = match text(row, tier) {
            "Primary-Short" => Tier::PrimaryShort,
            "Primary-Long" => Tier::PrimaryLong,
            "Supplemental" => Tier::Supplemental,
            other => {
                p.push(t.problem(row, format!("Relatedness Tier \"{other}\" is not Primary-Short, Primary-Long or Supplemental; restore the published file unmodified (its source is in the SOURCE.md beside it)")));
                continue;
            }
        };
        if let (Some(code), Some(other), Some(index)) = (code(t, row, c, p), code(t, row, r, p), id(t, row, index, p)) {
            let entry = onet.related.entry(code.to_string()).or_default();
            entry.push(Related { code: other.to_string(), tier, index });
        }
    }
    for list in onet.related.values_mut() {
        list.sort_by_key(|r| r.index);
    }
    Some(())
}

fn measures(onet: &mut Onet, scale: &str, t: &Table, p: &mut Vec<Problem>) -> Option<()> {
    let [c, element, scale_col, value] = columns(t, ["O*NET-SOC Code", "Element ID", "Scale ID", "Data Value"], p)?;
    for row in &t.rows {
        if text(row, scale_col) != scale {
            continue;
        }
        if let (Some(code), Some(v)) = (code(t, row, c, p), number(t, row, value, p)) {
            onet.measures.insert(code, text(row, element), scale, v);
        }
    }
    Some(())
}
