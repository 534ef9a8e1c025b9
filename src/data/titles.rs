//! The names people give their jobs, as O*NET 30.1 collects them: alternate titles (with their
//! short forms, e.g. "RN", "CNA"), and the sample of titles workers reported. Search indexes every
//! one, so a reader finds an occupation by the title they actually use.

use super::table::{Format, Table};
use crate::assessment::is_soc_code;
use crate::problem::Problem;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::path::Path;

pub const ALTERNATE: &str = "data/onet-30.1/Alternate Titles.txt";
pub const REPORTED: &str = "data/onet-30.1/Sample of Reported Titles.txt";

/// Which O*NET list a lay title comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TitleKind {
    /// Alternate Titles: the long form, e.g. "Certified Nurse Aide (CNA)".
    Alternate,
    /// Alternate Titles' `Short Title` column: the abbreviation, e.g. "CNA".
    Short,
    /// Sample of Reported Titles: what incumbents wrote on O*NET surveys.
    Reported,
}

impl TitleKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TitleKind::Alternate => "alternate",
            TitleKind::Short => "short",
            TitleKind::Reported => "reported",
        }
    }

    pub fn parse(s: &str) -> Option<TitleKind> {
        [TitleKind::Alternate, TitleKind::Short, TitleKind::Reported].into_iter().find(|k| k.as_str() == s)
    }
}

/// One title an occupation is known by.
#[derive(Debug, Clone, PartialEq)]
pub struct LayTitle {
    /// O*NET-SOC code, e.g. "29-1141.00".
    pub code: String,
    pub title: String,
    pub kind: TitleKind,
    /// How many O*NET sources list this title for this occupation, the reported sample counting
    /// as one: a title several sources agree on is the likelier meaning when occupations share it.
    pub sources: u8,
}

/// Every alternate, short and reported title, each once per occupation (case ignored), in file
/// order: alternates first, then short titles, then reported titles not already listed.
pub fn load(dir: &Path, problems: &mut Vec<Problem>) -> Vec<LayTitle> {
    let mut out = Vec::with_capacity(70_000);
    let mut seen: HashMap<(String, String), usize> = HashMap::with_capacity(70_000);
    // A title listed again (a reported title that is also an alternate) counts one more source.
    let mut push = |out: &mut Vec<LayTitle>, code: &str, title: &str, kind: TitleKind, sources: u8| {
        let title = title.trim();
        if title.is_empty() {
            return;
        }
        match seen.entry((code.to_string(), title.to_lowercase())) {
            Entry::Occupied(at) if kind == TitleKind::Reported => {
                let t: &mut LayTitle = &mut out[*at.get()];
                t.sources = t.sources.saturating_add(1);
            }
            Entry::Occupied(_) => {}
            Entry::Vacant(slot) => {
                slot.insert(out.len());
                out.push(LayTitle { code: code.to_string(), title: title.to_string(), kind, sources });
            }
        }
    };
    if let Some(t) = Table::read(dir, ALTERNATE, Format::Tsv, problems) {
        match t.columns(["O*NET-SOC Code", "Alternate Title", "Short Title", "Source(s)"]) {
            Ok([code, alternate, short, sources]) => {
                let mut shorts = Vec::new();
                for row in &t.rows {
                    let c = row.fields[code].trim();
                    if !is_soc_code(c) {
                        problems.push(t.problem(row, format!("\"{c}\" is not an O*NET-SOC code like 29-1141.00")));
                        continue;
                    }
                    let n = row.fields[sources].split(',').filter(|s| !s.trim().is_empty()).count();
                    let n = u8::try_from(n).unwrap_or(u8::MAX);
                    push(&mut out, c, &row.fields[alternate], TitleKind::Alternate, n);
                    shorts.push((c, row.fields[short].as_str(), n));
                }
                for (c, s, n) in shorts {
                    push(&mut out, c, s, TitleKind::Short, n);
                }
            }
            Err(p) => problems.push(p),
        }
    }
    if let Some(t) = Table::read(dir, REPORTED, Format::Tsv, problems) {
        match t.columns(["O*NET-SOC Code", "Reported Job Title"]) {
            Ok([code, title]) => {
                for row in &t.rows {
                    let c = row.fields[code].trim();
                    if !is_soc_code(c) {
                        problems.push(t.problem(row, format!("\"{c}\" is not an O*NET-SOC code like 29-1141.00")));
                        continue;
                    }
                    push(&mut out, c, &row.fields[title], TitleKind::Reported, 1);
                }
            }
            Err(p) => problems.push(p),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sources listing "CEO (Chief Executive Officer)" in Alternate Titles.txt.
    const CEO_SOURCES: u8 = 4;

    #[test]
    fn the_bundled_titles_include_short_forms_and_reported_titles_once_each() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let mut problems = Vec::new();
        let titles = load(&dir, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        let has = |code: &str, title: &str, kind: TitleKind| {
            titles.iter().any(|t| t.code == code && t.title == title && t.kind == kind)
        };
        assert!(has("29-1141.00", "Nurse", TitleKind::Alternate));
        assert!(has("31-1131.00", "CNA", TitleKind::Short));
        // Every reported title in 30.1 is also an alternate title: it counts as one more source.
        let ceo = titles.iter().find(|t| t.code == "11-1011.00" && t.title == "CEO (Chief Executive Officer)");
        assert_eq!(ceo.map(|t| (t.kind, t.sources)), Some((TitleKind::Alternate, CEO_SOURCES + 1)));
        let cna = titles.iter().filter(|t| t.code == "31-1131.00" && t.title == "CNA").count();
        assert_eq!(cna, 1, "a short title shared by several alternates is listed once");
        assert!(titles.len() > 56_000, "{}", titles.len());
    }

    #[test]
    fn a_malformed_code_is_a_problem_at_its_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        let onet = dir.path().join("data/onet-30.1");
        std::fs::create_dir_all(&onet).expect("mkdir");
        std::fs::write(
            onet.join("Alternate Titles.txt"),
            "O*NET-SOC Code\tTitle\tAlternate Title\tShort Title\tSource(s)\n29-1141.00\tRN\tNurse\t\t02,04\nnurse\tx\ty\t\t02\n",
        )
        .expect("write");
        std::fs::write(
            onet.join("Sample of Reported Titles.txt"),
            "O*NET-SOC Code\tTitle\tReported Job Title\tShown in My Next Move\n29-1141.00\tRN\tnurse\tY\n",
        )
        .expect("write");
        let mut problems = Vec::new();
        let titles = load(dir.path(), &mut problems);
        assert_eq!(titles.len(), 1, "the reported \"nurse\" repeats the alternate \"Nurse\": {titles:?}");
        assert_eq!(titles[0].sources, 3, "two alternate sources and the reported sample");
        let shown = problems[0].to_string();
        assert!(shown.contains("Alternate Titles.txt:3:"), "{shown}");
    }
}
