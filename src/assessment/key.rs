//! How an assessment is addressed: a role by its slug, an occupation by its O*NET-SOC code.
//! The two never collide (a slug has no dot, a code always has one), so `/compare/{a}/{b}` and
//! other links can take either.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Role,
    Occupation,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Role => "role",
            Kind::Occupation => "occupation",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        [Kind::Role, Kind::Occupation].into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Key {
    pub kind: Kind,
    /// A role's slug or an occupation's O*NET-SOC code.
    pub id: String,
}

impl Key {
    pub fn role(slug: impl Into<String>) -> Key {
        Key { kind: Kind::Role, id: slug.into() }
    }

    pub fn occupation(code: impl Into<String>) -> Key {
        Key { kind: Kind::Occupation, id: code.into() }
    }

    /// A key from a URL segment: an O*NET-SOC code or a role slug; None for anything else.
    pub fn from_segment(segment: &str) -> Option<Key> {
        if super::is_soc_code(segment) {
            Some(Key::occupation(segment))
        } else if super::is_slug(segment) {
            Some(Key::role(segment))
        } else {
            None
        }
    }

    /// The page's path: "/roles/{slug}" or "/occupations/{code}".
    pub fn url(&self) -> String {
        match self.kind {
            Kind::Role => format!("/roles/{}", self.id),
            Kind::Occupation => format!("/occupations/{}", self.id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_name_a_role_or_an_occupation_and_nothing_else() {
        assert_eq!(Key::from_segment("senior-software-engineer"), Some(Key::role("senior-software-engineer")));
        assert_eq!(Key::from_segment("29-1141.00"), Some(Key::occupation("29-1141.00")));
        assert_eq!(Key::from_segment("../etc"), None);
        assert_eq!(Key::occupation("29-1141.00").url(), "/occupations/29-1141.00");
        assert_eq!(Key::role("a-b").url(), "/roles/a-b");
    }
}
