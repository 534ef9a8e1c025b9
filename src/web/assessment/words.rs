//! Words for the figures of an assessment: zones, the zone rule, exposure and automation labels.
//! Shared by the assessment page, compare and the personal score.

use crate::assessment::{Automation, Exposure};
use crate::methodology::{Methodology, ZoneKey};

/// E0/E1/E2 in words, as Eloundou et al. define them.
pub fn exposure_words(label: Option<Exposure>) -> &'static str {
    match label {
        Some(Exposure::E0) => "E0, no exposure",
        Some(Exposure::E1) => "E1, an LLM alone halves the time",
        Some(Exposure::E2) => "E2, LLM-powered software would halve it",
        None => "not labelled",
    }
}

/// T0..T4 in words: Eloundou et al.'s five-level automation scale.
pub fn automation_words(label: Option<Automation>) -> &'static str {
    match label {
        Some(Automation::T0) => "T0, no automation",
        Some(Automation::T1) => "T1, minimal",
        Some(Automation::T2) => "T2, partial",
        Some(Automation::T3) => "T3, mostly automated",
        Some(Automation::T4) => "T4, full automation",
        None => "not rated",
    }
}

pub fn zone_name(m: &Methodology, key: ZoneKey) -> String {
    m.zone(key).name.clone()
}

/// "Green ≥48, Yellow 25–47.9, Red <25", from the methodology's zones.
pub fn zone_rule(m: &Methodology) -> String {
    m.zones
        .iter()
        .enumerate()
        .map(|(i, z)| match i {
            0 => format!("{} \u{2265}{}", z.name, z.min_score),
            _ if i == m.zones.len() - 1 => format!("{} <{}", z.name, m.zones[i - 1].min_score),
            _ => format!("{} {}\u{2013}{:.1}", z.name, z.min_score, m.zones[i - 1].min_score - 0.1),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn zone_tag(m: &Methodology, zone: ZoneKey, sub_label: Option<&str>) -> String {
    let name = zone_name(m, zone).to_uppercase();
    match sub_label {
        Some(sub) => format!("{name} ({sub})"),
        None => name,
    }
}
