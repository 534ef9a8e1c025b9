//! How an assessment is addressed: a role by its slug, an occupation by its O*NET-SOC code.
//! The two never collide (a slug has no dot, a code always has one), so `/compare/{a}/{b}` and
//! other links can take either.

use super::{RoleSlug, SocCode};
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

/// An assessment's address, holding its validated identifier. It serialises as
/// `{"kind": "role", "id": "..."}`, and reading one back checks the identifier again.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "lowercase")]
pub enum Key {
    Role(RoleSlug),
    Occupation(SocCode),
}

impl Key {
    pub fn kind(&self) -> Kind {
        match self {
            Key::Role(_) => Kind::Role,
            Key::Occupation(_) => Kind::Occupation,
        }
    }

    /// A role's slug or an occupation's O*NET-SOC code.
    pub fn id(&self) -> &str {
        match self {
            Key::Role(slug) => slug.as_str(),
            Key::Occupation(code) => code.as_str(),
        }
    }

    /// The key of this kind with this identifier; None when `id` is not well formed for `kind`.
    pub fn parse(kind: Kind, id: &str) -> Option<Key> {
        match kind {
            Kind::Role => RoleSlug::parse(id).map(Key::Role),
            Kind::Occupation => SocCode::parse(id).map(Key::Occupation),
        }
    }

    /// A key from a URL segment: an O*NET-SOC code or a role slug; None for anything else.
    pub fn from_segment(segment: &str) -> Option<Key> {
        SocCode::parse(segment).map(Key::Occupation).or_else(|| RoleSlug::parse(segment).map(Key::Role))
    }

    /// The page's path: "/roles/{slug}" or "/occupations/{code}".
    pub fn url(&self) -> String {
        match self {
            Key::Role(slug) => format!("/roles/{slug}"),
            Key::Occupation(code) => format!("/occupations/{code}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_name_a_role_or_an_occupation_and_nothing_else() {
        let role = Key::from_segment("senior-software-engineer").expect("a slug");
        assert_eq!((role.kind(), role.id()), (Kind::Role, "senior-software-engineer"));
        let occupation = Key::from_segment("29-1141.00").expect("a code");
        assert_eq!((occupation.kind(), occupation.url().as_str()), (Kind::Occupation, "/occupations/29-1141.00"));
        assert_eq!(Key::from_segment("../etc"), None);
        assert_eq!(Key::parse(Kind::Role, "a-b").map(|k| k.url()), Some("/roles/a-b".to_string()));
        assert_eq!(Key::parse(Kind::Role, "29-1141.00"), None, "a code is no slug");
    }

    #[test]
    fn a_key_reads_and_writes_as_kind_and_id_and_refuses_a_malformed_id() {
        let key = Key::from_segment("29-1141.00").expect("a code");
        let json = serde_json::to_string(&key).expect("serialises");
        assert_eq!(json, r#"{"kind":"occupation","id":"29-1141.00"}"#);
        assert_eq!(serde_json::from_str::<Key>(&json).expect("reads back"), key);
        assert!(serde_json::from_str::<Key>(r#"{"kind":"role","id":"../etc"}"#).is_err());
    }
}
