//! Words for the figures of an assessment: zones, the zone rule, exposure and automation labels.
//! Shared by the assessment page, compare and the personal score.

use crate::assessment::{Automation, Exposure};
use crate::methodology::{Methodology, ZoneKey};

/// E0/E1/E2 in plain words, as Eloundou et al. define them (the code in brackets).
pub fn exposure_words(label: Option<Exposure>) -> &'static str {
    match label {
        Some(Exposure::E0) => "not exposed (E0)",
        Some(Exposure::E1) => "exposed: a chatbot alone halves the time (E1)",
        Some(Exposure::E2) => "exposed with extra AI software (E2)",
        None => "not labelled",
    }
}

/// T0..T4 in plain words: Eloundou et al.'s five-level automation scale (the code in brackets).
pub fn automation_words(label: Option<Automation>) -> &'static str {
    match label {
        Some(Automation::T0) => "not automatable (T0)",
        Some(Automation::T1) => "barely automatable (T1)",
        Some(Automation::T2) => "partly automatable (T2)",
        Some(Automation::T3) => "mostly automatable (T3)",
        Some(Automation::T4) => "fully automatable (T4)",
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
