//! Writes what search needs beyond roles and occupations: O*NET lay titles and employment.

use super::Input;
use anyhow::Result;
use rusqlite::{Transaction, params};
use std::collections::{HashMap, HashSet};

pub fn write_search(tx: &Transaction<'_>, content: &Input) -> Result<()> {
    let codes: HashSet<&str> = content.occupations.iter().map(|o| o.code.as_str()).collect();
    let mut title = tx.prepare("INSERT INTO lay_titles VALUES (?1, ?2, ?3, ?4, ?5)")?;
    let mut positions: HashMap<&str, usize> = HashMap::new();
    // A title of an occupation O*NET has since dropped from its occupation table has no page.
    for t in content.lay_titles.iter().filter(|t| codes.contains(t.code.as_str())) {
        let position = positions.entry(&t.code).or_default();
        title.execute(params![t.code, *position, t.title, t.kind.as_str(), t.sources])?;
        *position += 1;
    }
    let mut employment = tx.prepare("INSERT INTO occupation_employment VALUES (?1, ?2, ?3, ?4)")?;
    let sources: Vec<_> = content.occupations.iter().map(|o| (o, content.employment.source(&o.code))).collect();
    let mut sharing: HashMap<&str, u64> = HashMap::new();
    for (_, source) in &sources {
        if let Some((oews, _)) = source {
            *sharing.entry(oews).or_default() += 1;
        }
    }
    for (o, source) in &sources {
        let Some((oews, n)) = *source else { continue };
        employment.execute(params![o.code, oews, n as i64, prior(&o.code, oews, n, sharing[oews]) as i64])?;
    }
    Ok(())
}

/// An occupation's share of the employment it is published under, for ranking only: the general
/// occupation of a SOC code (".00") takes all of it, so "nurse" means Registered Nurses before
/// Acute Care Nurses; a specialty (".01" on) and an occupation OEWS publishes only with others
/// (31-1121 and 31-1122 as 31-1120) take an equal share.
fn prior(code: &str, oews: &str, employment: u64, sharing: u64) -> u64 {
    if code.ends_with(".00") && code.starts_with(oews) { employment } else { employment / sharing.max(1) }
}
