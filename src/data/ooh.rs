//! U.S. Bureau of Labor Statistics, Occupational Outlook Handbook (`content/data/bls-ooh/`): each
//! profile's title, address, the SOC codes it covers, and the text of its licensing subsection
//! ("Licenses, Certifications, and Registrations" and the variants a few profiles use).

use super::onet::read;
use super::value::{columns, text};
use crate::problem::Problem;
use rustc_hash::FxHashMap;
use std::path::Path;

pub const DIR: &str = "bls-ooh";

/// One Handbook profile.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    pub title: String,
    pub url: String,
    /// The licensing subsection's text (its rows joined), or None when the profile has none.
    pub licensing: Option<String>,
}

#[derive(Debug, Default)]
pub struct Ooh {
    pub profiles: Vec<Profile>,
    /// Profile index by SOC 2018 code ("29-1141"), as each profile's projections table lists them.
    pub by_soc: FxHashMap<String, usize>,
}

impl Ooh {
    pub fn load(content: &Path, problems: &mut Vec<Problem>) -> Ooh {
        let mut out = Ooh::default();
        read(&content.join(DIR), "ooh-sections.tsv", problems, |t, p| {
            let [slug, title, socs, subsection, body, url] =
                columns(t, ["ooh_slug", "ooh_title", "soc_codes", "subsection", "text", "source_url"], p)?;
            let mut index: FxHashMap<String, usize> = FxHashMap::default();
            for row in &t.rows {
                let i = *index.entry(text(row, slug).to_string()).or_insert_with(|| {
                    out.profiles.push(Profile {
                        title: text(row, title).to_string(),
                        url: text(row, url).to_string(),
                        licensing: None,
                    });
                    out.profiles.len() - 1
                });
                for soc in text(row, socs).split(';').map(str::trim).filter(|s| !s.is_empty()) {
                    out.by_soc.entry(soc.to_string()).or_insert(i);
                }
                if is_licensing(text(row, subsection)) {
                    let slot = out.profiles[i].licensing.get_or_insert_with(String::new);
                    if !slot.is_empty() {
                        slot.push(' ');
                    }
                    slot.push_str(text(row, body));
                }
            }
            Some(())
        });
        out
    }

    /// The profile covering an O*NET-SOC code ("29-1141.01" reads SOC 29-1141).
    pub fn for_onet(&self, onet_code: &str) -> Option<&Profile> {
        self.by_soc.get(onet_code.get(..7)?).map(|&i| &self.profiles[i])
    }
}

/// "Licenses, Certifications, and Registrations", "License and Certification", "Certification", ...
fn is_licensing(subsection: &str) -> bool {
    let s = subsection.to_lowercase();
    s.contains("licens") || s.starts_with("certif")
}
