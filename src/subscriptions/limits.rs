//! Abuse limits: a bounded number of confirmation emails per address and per client IP each
//! hour, so the form cannot be used to flood someone's inbox. Both are counted in the
//! subscribers database under keyed hashes, so the counts reveal neither address nor IP, and
//! rows older than an hour are deleted as they are read.

use super::store::Store;
use super::token::Secret;
use anyhow::Result;

const HOUR: i64 = 3600;

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Confirmation emails one address may receive per hour.
    pub per_address: u32,
    /// Confirmation emails one client IP may cause per hour.
    pub per_ip: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { per_address: 3, per_ip: 20 }
    }
}

/// Which limit a request ran into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limited {
    Address,
    Ip,
}

/// The keyed hashes one send is counted under: (address, IP).
pub type Keys = ([u8; 16], [u8; 16]);

fn key(secret: &Secret, what: &[u8], value: &str) -> [u8; 16] {
    let mac = secret.mac(&[b"limit", what, value.as_bytes()]);
    let mut key = [0u8; 16];
    key.copy_from_slice(&mac[..16]);
    key
}

/// Whether one more confirmation email to `email`, asked for from `ip`, is within the limits;
/// the keys to record it under when it is.
pub fn check(
    store: &Store,
    secret: &Secret,
    limits: &Limits,
    email: &str,
    ip: &str,
    now: i64,
) -> Result<Result<Keys, Limited>> {
    let keys = (key(secret, b"address", email), key(secret, b"ip", ip));
    let since = now - HOUR;
    if store.sends_since(&keys.0, since)? >= limits.per_address {
        return Ok(Err(Limited::Address));
    }
    if store.sends_since(&keys.1, since)? >= limits.per_ip {
        return Ok(Err(Limited::Ip));
    }
    Ok(Ok(keys))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_limit_allows_its_number_per_hour_then_refuses_until_the_hour_has_passed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store =
            Store::open(&crate::subscriptions::store::Location::Sqlite(dir.path().join("s.db"))).expect("store");
        let secret = Secret::from_bytes(vec![3; 32]).expect("secret");
        let limits = Limits { per_address: 2, per_ip: 3 };
        let send = |email: &str, ip: &str, now: i64| {
            let r = check(&store, &secret, &limits, email, ip, now).expect("check");
            if let Ok(keys) = r {
                store.record_send(&[&keys.0, &keys.1], now).expect("record");
            }
            r.err()
        };
        assert_eq!(send("a@x.org", "1.1.1.1", 0), None);
        assert_eq!(send("a@x.org", "1.1.1.1", 1), None);
        assert_eq!(send("a@x.org", "2.2.2.2", 2), Some(Limited::Address));
        assert_eq!(send("b@x.org", "1.1.1.1", 3), None);
        assert_eq!(send("c@x.org", "1.1.1.1", 4), Some(Limited::Ip));
        assert_eq!(send("a@x.org", "3.3.3.3", HOUR + 1), None);
    }
}
