//! The published research data sets under `content/data/` (O*NET 30.1 and 24.x, GPTs are GPTs,
//! Working with AI, the Anthropic Economic Index, BLS and its Occupational Outlook Handbook,
//! WORKBank), read into typed tables. One file per source; all of them read through
//! [`table::Table`], so a malformed file is refused with `file:line`, and every field passes
//! [`gate`] (one line of printable text within its published length). Each file is read once per
//! build, here; the views other modules need are made from these tables.

pub mod aei;
pub mod aei_releases;
pub mod bls;
pub mod employment;
pub mod gate;
pub mod gpts;
pub mod onet;
pub mod onet24;
pub mod ooh;
pub mod read_log;
pub mod table;
pub mod titles;
pub mod value;
pub mod workbank;
pub mod working_with_ai;

use crate::problem::Problem;
use std::path::Path;

/// Everything the data-derived method reads, loaded once per build.
#[derive(Debug, Default)]
pub struct DataSets {
    pub onet: onet::Onet,
    pub gpts: gpts::Gpts,
    pub working_with_ai: working_with_ai::WorkingWithAi,
    pub aei: aei::Aei,
    /// The four Anthropic Economic Index releases, Claude.ai only, oldest first.
    pub aei_releases: aei_releases::Releases,
    pub bls: bls::Bls,
    pub ooh: ooh::Ooh,
    pub onet24: onet24::Onet24,
    pub workbank: workbank::Workbank,
    /// Every O*NET alternate, short and reported title, for search.
    pub lay_titles: Vec<titles::LayTitle>,
    /// OEWS May 2025 employment by SOC code: search's popularity prior.
    pub employment: employment::Employment,
}

impl DataSets {
    /// Reads every data set under `content_dir/data/`. Each malformed or missing file or value is
    /// pushed to `problems` with file:line; the data sets are usable only when none were pushed.
    pub fn load(content_dir: &Path, problems: &mut Vec<Problem>) -> DataSets {
        let dir = content_dir.join("data");
        let bls = bls::Bls::load(&dir, problems);
        let aei = aei::Aei::load(&dir, problems);
        DataSets {
            aei_releases: aei_releases::Releases::load(&dir, &aei, problems),
            aei,
            onet: onet::Onet::load(&dir, problems),
            gpts: gpts::Gpts::load(&dir, problems),
            working_with_ai: working_with_ai::WorkingWithAi::load(&dir, problems),
            ooh: ooh::Ooh::load(&dir, problems),
            onet24: onet24::Onet24::load(&dir, problems),
            workbank: workbank::Workbank::load(&dir, problems),
            lay_titles: titles::load(content_dir, problems),
            employment: employment::Employment::from_oews(&bls.oews_2025),
            bls,
        }
    }
}

#[cfg(test)]
mod tests;
