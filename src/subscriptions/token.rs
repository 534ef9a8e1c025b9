//! Signed tokens for the links in our emails and the follow form, and the signing secret.
//!
//! A link token is `purpose.subscription.expires.nonce.signature`, the signature being
//! HMAC-SHA256 over the rest with the site's secret. Signing means a token cannot be forged or
//! edited (the subscription id, purpose or expiry cannot be changed without the secret); the
//! store keeps only a SHA-256 hash of each issued token, so a newer confirmation link retires an
//! older one and a deleted subscription's links stop working.

use anyhow::{Context, Result};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use std::path::Path;

type HmacSha256 = Hmac<Sha256>;

/// The key every token is signed with: from `JOBZONE_SECRET`, or generated once and kept in a
/// file only its owner can read.
#[derive(Clone)]
pub struct Secret(Vec<u8>);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(..)")
    }
}

/// Shorter secrets are refused: a guessable key would let anyone sign links.
const MIN_SECRET_BYTES: usize = 32;

impl Secret {
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Secret> {
        if bytes.len() < MIN_SECRET_BYTES {
            anyhow::bail!("the signing secret must be at least {MIN_SECRET_BYTES} bytes long");
        }
        Ok(Secret(bytes))
    }

    /// `JOBZONE_SECRET` when set; otherwise the key stored at `path`, created on first use with
    /// 0600 permissions.
    pub fn load(path: &Path) -> Result<Secret> {
        if let Ok(value) = std::env::var("JOBZONE_SECRET") {
            return Secret::from_bytes(value.into_bytes()).context("while reading JOBZONE_SECRET");
        }
        match std::fs::read_to_string(path) {
            Ok(text) => Secret::from_bytes(text.trim().as_bytes().to_vec())
                .with_context(|| format!("while reading the secret in {}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Secret::create(path),
            Err(e) => Err(e).with_context(|| format!("while reading the secret in {}", path.display())),
        }
    }

    fn create(path: &Path) -> Result<Secret> {
        use std::io::Write;
        let text = URL_SAFE_NO_PAD.encode(random_bytes::<32>()?);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(path) {
            Ok(mut file) => {
                file.write_all(text.as_bytes())
                    .and_then(|()| file.sync_all())
                    .with_context(|| format!("while writing the secret to {}", path.display()))?;
                tracing::info!("generated a signing secret in {}", path.display());
                Secret::from_bytes(text.into_bytes())
            }
            // Another process created it first: use theirs.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Secret::load(path),
            Err(e) => Err(e).with_context(|| format!("while creating the secret {}", path.display())),
        }
    }

    /// HMAC-SHA256 of the parts, each length-prefixed so that no two part lists collide.
    pub fn mac(&self, parts: &[&[u8]]) -> [u8; 32] {
        let mut mac = HmacSha256::new_from_slice(&self.0).expect("HMAC accepts keys of any length");
        for part in parts {
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part);
        }
        mac.finalize().into_bytes().into()
    }
}

pub fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness from the OS: {e}"))?;
    Ok(bytes)
}

/// What a link may do; a confirmation token cannot unsubscribe and the other way round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Confirm,
    Unsubscribe,
}

impl Purpose {
    fn tag(self) -> &'static str {
        match self {
            Purpose::Confirm => "c",
            Purpose::Unsubscribe => "u",
        }
    }
}

/// Why a link token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenError {
    /// Malformed, edited, signed with another key, or meant for another purpose.
    Invalid,
    /// Genuine, but past its expiry.
    Expired,
}

/// Expiry 0 means the token never expires (unsubscribe links must keep working).
pub const NEVER: u64 = 0;

/// Signs a link token for `subscription`.
pub fn sign(secret: &Secret, purpose: Purpose, subscription: i64, expires: u64, nonce: &[u8]) -> String {
    let body = format!("{}.{subscription}.{expires}.{}", purpose.tag(), URL_SAFE_NO_PAD.encode(nonce));
    let signature = URL_SAFE_NO_PAD.encode(secret.mac(&[b"link", body.as_bytes()]));
    format!("{body}.{signature}")
}

/// The subscription a genuine, unexpired token for `purpose` names.
pub fn verify(secret: &Secret, token: &str, purpose: Purpose, now: u64) -> Result<i64, TokenError> {
    if token.len() > 256 {
        return Err(TokenError::Invalid);
    }
    let (body, signature) = token.rsplit_once('.').ok_or(TokenError::Invalid)?;
    let signature = URL_SAFE_NO_PAD.decode(signature).map_err(|_| TokenError::Invalid)?;
    let mut mac = HmacSha256::new_from_slice(&secret.0).map_err(|_| TokenError::Invalid)?;
    for part in [b"link".as_slice(), body.as_bytes()] {
        mac.update(&(part.len() as u64).to_be_bytes());
        mac.update(part);
    }
    // Constant-time comparison.
    mac.verify_slice(&signature).map_err(|_| TokenError::Invalid)?;
    let mut fields = body.split('.');
    let (Some(tag), Some(id), Some(expires), Some(_nonce), None) =
        (fields.next(), fields.next(), fields.next(), fields.next(), fields.next())
    else {
        return Err(TokenError::Invalid);
    };
    if tag != purpose.tag() {
        return Err(TokenError::Invalid);
    }
    let id: i64 = id.parse().map_err(|_| TokenError::Invalid)?;
    let expires: u64 = expires.parse().map_err(|_| TokenError::Invalid)?;
    if expires != NEVER && now >= expires {
        return Err(TokenError::Expired);
    }
    Ok(id)
}

/// What the store keeps instead of a token.
pub fn hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// The follow form's hidden token for one followed item: the same for every reader (so a cached
/// page can carry it), unknowable without the secret, and valid for that item only.
pub fn form_token(secret: &Secret, kind: &str, id: &str) -> String {
    URL_SAFE_NO_PAD.encode(&secret.mac(&[b"follow", kind.as_bytes(), id.as_bytes()])[..16])
}

/// Checks a submitted form token in constant time.
pub fn form_token_matches(secret: &Secret, kind: &str, id: &str, submitted: &str) -> bool {
    let expected = form_token(secret, kind, id);
    expected.len() == submitted.len()
        && expected.bytes().zip(submitted.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret() -> Secret {
        Secret::from_bytes(vec![7; 32]).expect("long enough")
    }

    #[test]
    fn a_signed_token_verifies_until_it_expires() {
        let t = sign(&secret(), Purpose::Confirm, 42, 1_000, b"nonce");
        assert_eq!(verify(&secret(), &t, Purpose::Confirm, 999), Ok(42));
        assert_eq!(verify(&secret(), &t, Purpose::Confirm, 1_000), Err(TokenError::Expired));
    }

    #[test]
    fn an_edited_token_or_another_key_or_purpose_is_refused() {
        let t = sign(&secret(), Purpose::Confirm, 42, 1_000, b"nonce");
        let edited = t.replacen(".42.", ".43.", 1);
        assert_eq!(verify(&secret(), &edited, Purpose::Confirm, 0), Err(TokenError::Invalid));
        let other = Secret::from_bytes(vec![8; 32]).expect("long enough");
        assert_eq!(verify(&other, &t, Purpose::Confirm, 0), Err(TokenError::Invalid));
        assert_eq!(verify(&secret(), &t, Purpose::Unsubscribe, 0), Err(TokenError::Invalid));
        assert_eq!(verify(&secret(), "not-a-token", Purpose::Confirm, 0), Err(TokenError::Invalid));
    }

    #[test]
    fn an_unsubscribe_token_without_expiry_never_expires() {
        let t = sign(&secret(), Purpose::Unsubscribe, 1, NEVER, b"n");
        assert_eq!(verify(&secret(), &t, Purpose::Unsubscribe, u64::MAX), Ok(1));
    }

    #[test]
    fn the_form_token_is_bound_to_its_item() {
        let t = form_token(&secret(), "role", "a");
        assert!(form_token_matches(&secret(), "role", "a", &t));
        assert!(!form_token_matches(&secret(), "role", "b", &t));
        assert!(!form_token_matches(&secret(), "occupation", "a", &t));
        assert!(!form_token_matches(&secret(), "role", "a", ""));
    }

    #[test]
    fn a_short_secret_is_refused() {
        assert!(Secret::from_bytes(vec![1; 8]).is_err());
    }
}
