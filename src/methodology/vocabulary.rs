//! The typed vocabulary of the methodology: task classes, zones and provenance are enums parsed
//! when methodology.toml loads, so a renamed key fails there instead of silently miscounting.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What AI does to a task, by its 1-5 score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskClassKey {
    Displacement,
    Augmentation,
    NotInvolved,
}

impl TaskClassKey {
    pub const ALL: [TaskClassKey; 3] =
        [TaskClassKey::Displacement, TaskClassKey::Augmentation, TaskClassKey::NotInvolved];

    /// The key as methodology.toml and CSS classes write it.
    pub fn as_str(self) -> &'static str {
        match self {
            TaskClassKey::Displacement => "displacement",
            TaskClassKey::Augmentation => "augmentation",
            TaskClassKey::NotInvolved => "not_involved",
        }
    }
}

/// The three zones of the 0-100 score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ZoneKey {
    Green,
    Yellow,
    Red,
}

impl ZoneKey {
    pub const ALL: [ZoneKey; 3] = [ZoneKey::Green, ZoneKey::Yellow, ZoneKey::Red];

    pub fn as_str(self) -> &'static str {
        match self {
            ZoneKey::Green => "green",
            ZoneKey::Yellow => "yellow",
            ZoneKey::Red => "red",
        }
    }

    pub fn parse(s: &str) -> Option<ZoneKey> {
        ZoneKey::ALL.into_iter().find(|z| z.as_str().eq_ignore_ascii_case(s))
    }
}

/// Who stands behind an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Provenance {
    /// Written and reviewed by an editor in content/roles/.
    Editor,
    /// Derived at build time from published research data.
    Data,
}

impl Provenance {
    pub const ALL: [Provenance; 2] = [Provenance::Editor, Provenance::Data];

    pub fn as_str(self) -> &'static str {
        match self {
            Provenance::Editor => "editor",
            Provenance::Data => "data",
        }
    }

    pub fn parse(s: &str) -> Option<Provenance> {
        Provenance::ALL.into_iter().find(|p| p.as_str().eq_ignore_ascii_case(s))
    }
}

macro_rules! display_as_key {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}
display_as_key!(TaskClassKey, ZoneKey, Provenance);
