//! How many people each occupation employs (OEWS May 2025, national): search's popularity prior,
//! so "trucker" means the occupation most truckers work in. Kept small on purpose; the full BLS
//! loaders live in `bls.rs`.

use super::table::{Format, Table};
use crate::content::Problem;
use std::collections::BTreeMap;
use std::path::Path;

pub const OEWS: &str = "data/bls/oews-national-may2025.csv";

/// Employment by 6-digit SOC code ("29-1141"), detailed and aggregate rows alike.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Employment {
    by_soc: BTreeMap<String, u64>,
}

impl Employment {
    /// Employment of an O*NET-SOC occupation ("29-1141.01" belongs to SOC "29-1141"). Where OEWS
    /// publishes only the broad occupation (31-1121 and 31-1122 as 31-1120), that figure.
    pub fn of(&self, onet_code: &str) -> Option<u64> {
        self.source(onet_code).map(|(_, n)| n)
    }

    /// The OEWS code an occupation's figure comes from, and the figure.
    pub fn source(&self, onet_code: &str) -> Option<(&str, u64)> {
        let soc = onet_code.get(..7)?;
        let broad = format!("{}0", soc.get(..6)?);
        self.by_soc.get_key_value(soc).or_else(|| self.by_soc.get_key_value(&broad)).map(|(k, v)| (k.as_str(), *v))
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, u64)> {
        self.by_soc.iter().map(|(k, v)| (k.as_str(), *v))
    }
}

/// Reads every row with a published employment figure; suppressed figures ("**") are skipped.
pub fn load(dir: &Path, problems: &mut Vec<Problem>) -> Employment {
    let mut by_soc = BTreeMap::new();
    let Some(t) = Table::read(dir, OEWS, Format::Csv, problems) else { return Employment::default() };
    let [code, employment] = match t.columns(["OCC_CODE", "Employment"]) {
        Ok(c) => c,
        Err(p) => {
            problems.push(p);
            return Employment::default();
        }
    };
    for row in &t.rows {
        if let Ok(n) = row.fields[employment].replace(',', "").trim().parse::<u64>() {
            by_soc.insert(row.fields[code].trim().to_string(), n);
        }
    }
    Employment { by_soc }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occupations_take_their_soc_figure_or_their_broad_groups() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let mut problems = Vec::new();
        let e = load(&dir, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(e.of("29-1141.00"), Some(3_379_720));
        assert_eq!(e.of("29-1141.03"), Some(3_379_720));
        assert_eq!(e.of("31-1122.00"), e.of("31-1120.00"), "personal care aides are published with home health aides");
        assert_eq!(e.source("31-1122.00").map(|(code, _)| code), Some("31-1120"));
        assert_eq!(e.of("55-1011.00"), None, "the military is not in OEWS");
    }
}
