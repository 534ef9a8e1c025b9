//! How many people each occupation employs (OEWS May 2025, national): search's popularity prior,
//! so "trucker" means the occupation most truckers work in. A view of the OEWS table `bls.rs`
//! reads (the file is read once, there).

use super::bls::Wages;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

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

    /// Every OEWS row with a published employment figure; suppressed figures ("**") are left out.
    pub fn from_oews(oews: &FxHashMap<String, Wages>) -> Employment {
        let by_soc = oews.iter().filter_map(|(code, w)| Some((code.clone(), w.employment? as u64))).collect();
        Employment { by_soc }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occupations_take_their_soc_figure_or_their_broad_groups() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/data");
        let mut problems = Vec::new();
        let e = Employment::from_oews(&crate::data::bls::Bls::load(&dir, &mut problems).oews_2025);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(e.of("29-1141.00"), Some(3_379_720));
        assert_eq!(e.of("29-1141.03"), Some(3_379_720));
        assert_eq!(e.of("31-1122.00"), e.of("31-1120.00"), "personal care aides are published with home health aides");
        assert_eq!(e.source("31-1122.00").map(|(code, _)| code), Some("31-1120"));
        assert_eq!(e.of("55-1011.00"), None, "the military is not in OEWS");
    }
}
