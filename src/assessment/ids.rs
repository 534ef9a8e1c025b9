//! The identifiers an assessment is addressed by, validated once where they enter (a path
//! segment, a content file) and carried inward as types: a role's slug and an O*NET-SOC code.

use super::Key;
use serde::{Deserialize, Serialize};
use std::fmt;

/// True for a permanent role slug: lowercase letters, digits and single inner hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

/// "15-1252.00": two digits, hyphen, four digits, dot, two digits.
pub fn is_soc_code(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, &c)| match i {
            2 => c == b'-',
            7 => c == b'.',
            _ => c.is_ascii_digit(),
        })
}

/// A well-formed role slug; the only ways to make one are [`RoleSlug::parse`] and reading one
/// (serde), which checks it the same way.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct RoleSlug(String);

/// A well-formed O*NET-SOC code; the only ways to make one are [`SocCode::parse`] and reading
/// one (serde), which checks it the same way.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct SocCode(String);

impl TryFrom<String> for RoleSlug {
    type Error = String;
    fn try_from(s: String) -> Result<RoleSlug, String> {
        if is_slug(&s) { Ok(RoleSlug(s)) } else { Err(format!("{s:?} is not a role slug")) }
    }
}

impl TryFrom<String> for SocCode {
    type Error = String;
    fn try_from(s: String) -> Result<SocCode, String> {
        if is_soc_code(&s) { Ok(SocCode(s)) } else { Err(format!("{s:?} is not an O*NET-SOC code")) }
    }
}

impl From<RoleSlug> for String {
    fn from(s: RoleSlug) -> String {
        s.0
    }
}

impl From<SocCode> for String {
    fn from(c: SocCode) -> String {
        c.0
    }
}

impl RoleSlug {
    /// The slug, or None when `s` is not a well-formed one.
    pub fn parse(s: &str) -> Option<RoleSlug> {
        is_slug(s).then(|| RoleSlug(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The role this slug names.
    pub fn key(&self) -> Key {
        Key::Role(self.clone())
    }
}

impl SocCode {
    /// The code, or None when `s` is not a well-formed one.
    pub fn parse(s: &str) -> Option<SocCode> {
        is_soc_code(s).then(|| SocCode(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The occupation this code names.
    pub fn key(&self) -> Key {
        Key::Occupation(self.clone())
    }
}

impl fmt::Display for RoleSlug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for SocCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_soc_codes_are_recognised() {
        assert!(is_slug("backend-api-developer-mid-level"));
        assert!(!is_slug("Backend") && !is_slug("a--b") && !is_slug("-a") && !is_slug("a/b"));
        assert!(is_soc_code("15-1252.00"));
        assert!(!is_soc_code("15-1252") && !is_soc_code("151252.00") && !is_soc_code("15-12a2.00"));
        assert_eq!(RoleSlug::parse("a-b").map(|s| s.key()), Key::from_segment("a-b"));
        assert_eq!(SocCode::parse("29-1141.00").map(|c| c.to_string()), Some("29-1141.00".to_string()));
        assert!(RoleSlug::parse("../etc").is_none() && SocCode::parse("29-1141").is_none());
    }
}
