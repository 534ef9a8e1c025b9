//! What a catalogue holds, as the build pipeline (`build/`) hands it over: the editor's content,
//! the data-derived assessments and what search needs. The writer stores it as it is.

use crate::assessment::{Assessment, DataFacts};
use crate::content::MajorGroup;
use crate::data::employment::Employment;
use crate::data::onet::Occupation;
use crate::data::titles::LayTitle;
use crate::methodology::Methodology;
use std::collections::BTreeMap;

/// Everything one build produced, validated and scored.
#[derive(Debug)]
pub struct Input {
    pub methodology: Methodology,
    /// The methodology file's own text, stored so the methodology page can show it.
    pub methodology_source: String,
    /// The editor-reviewed roles, scored; sorted by slug.
    pub roles: Vec<Assessment>,
    /// The 23 SOC major groups.
    pub major_groups: Vec<MajorGroup>,
    /// All O*NET occupations, in table order.
    pub occupations: Vec<Occupation>,
    /// The data-derived assessments of every occupation with O*NET tasks, scored.
    pub derived: Vec<Assessment>,
    /// How the derived scores agree with the independent research we ship.
    pub agreement: crate::assessment::agreement::Agreement,
    /// Why an occupation has no data-derived score, by code.
    pub unscored: BTreeMap<String, String>,
    /// What the data sets say of each occupation (scored or not), by code.
    pub facts: BTreeMap<String, DataFacts>,
    /// What each Anthropic Economic Index release saw of each occupation with tasks, by code.
    pub usage: BTreeMap<String, crate::assessment::usage::ObservedUsage>,
    /// What each release saw of the whole economy, oldest first.
    pub economy_usage: Vec<crate::assessment::usage::EconomyPoint>,
    /// Search synonyms: (what readers type, what it stands for).
    pub synonyms: Vec<(String, String)>,
    /// Search's level words: (phrase as typed, the level it names).
    pub levels: Vec<(String, String)>,
    /// Search's stop words and everyday vocabulary for descriptions of the work.
    pub describe: crate::search::DescribeLists,
    /// Every O*NET task statement and detailed work activity, for the description search.
    pub work: crate::data::onet::WorkTexts,
    /// Every O*NET alternate, short and reported title, for search.
    pub lay_titles: Vec<LayTitle>,
    /// OEWS employment by SOC code: search's popularity prior.
    pub employment: Employment,
    /// Every row of content/history.tsv, in file order, under each assessment's current key.
    pub history: Vec<crate::history::Point>,
    /// A hash of every content file: the catalogue's version, and so the site's ETag.
    pub fingerprint: u64,
}
