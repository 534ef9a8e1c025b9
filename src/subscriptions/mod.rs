//! "Get updates on this role" by email: double opt-in subscriptions kept in their own database
//! (SQLite, or PostgreSQL when several copies serve), signed links, abuse limits, and update emails delivered through an outbox.
//!
//! The web layer calls [`Subscriptions`]; `jobzone notify` (or the serving process after a
//! catalogue swap, through [`notify::after_catalogue_swap`]) turns catalogue changes into emails.

pub mod address;
mod emails;
pub mod limits;
pub mod mail;
pub mod notify;
pub mod store;
pub mod token;

use crate::catalogue::Catalogue;
use crate::config::Config;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use store::{Location, Store, Subscription};
use token::{Purpose, Secret, TokenError};

/// How long a confirmation link works.
pub const CONFIRM_TTL_SECS: u64 = 48 * 3600;

/// What can be followed: any assessment, a role or an occupation, as (kind, id).
pub use crate::assessment::Kind;

/// One followed item: a role slug or an occupation's SOC code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub kind: Kind,
    pub id: String,
}

impl Target {
    /// A target from form fields, if they are well formed (existence is checked separately).
    pub fn parse(kind: &str, id: &str) -> Option<Target> {
        let kind = Kind::parse(kind)?;
        let ok = !id.is_empty()
            && id.len() <= 120
            && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.');
        ok.then(|| Target { kind, id: id.to_string() })
    }
}

/// What a follower was told about an item: its title, link, score, zone and newest revision.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub title: String,
    /// Site path, e.g. /roles/backend-api-developer-mid-level.
    pub url: String,
    pub score: f64,
    pub zone: String,
    pub zone_name: String,
    pub revision_date: String,
    pub revision_note: String,
}

impl Snapshot {
    /// True when a follower should hear about the move from `self` to `newer`: the score as
    /// shown (one decimal), the zone or the newest revision differ.
    pub fn differs_from(&self, newer: &Snapshot) -> bool {
        format!("{:.1}", self.score) != format!("{:.1}", newer.score)
            || self.zone != newer.zone
            || self.revision_date != newer.revision_date
            || self.revision_note != newer.revision_note
    }
}

/// Where subscribers, the secret and the outbox folder live, from the configuration. With a
/// PostgreSQL store the secret file and the outbox sit beside the catalogue; copies that share
/// one store must share the secret too (`JOBZONE_SECRET`).
pub struct Paths {
    pub database: Location,
    pub secret: PathBuf,
    pub outbox: PathBuf,
}

impl Paths {
    pub fn from_config(config: &Config) -> Paths {
        let database = config
            .mail
            .subscribers
            .as_deref()
            .map_or_else(|| Location::Sqlite(beside(&config.catalogue, "subscribers.db")), Location::parse);
        let file = match &database {
            Location::Sqlite(path) => path.clone(),
            Location::Postgres(_) => beside(&config.catalogue, "subscribers"),
        };
        let secret = append_extension(&file, "secret");
        let outbox = config.mail.mail_outbox.clone().unwrap_or_else(|| beside(&file, "outbox"));
        Paths { database, secret, outbox }
    }
}

fn beside(file: &Path, name: &str) -> PathBuf {
    file.parent().map_or_else(|| PathBuf::from(name), |dir| dir.join(name))
}

fn append_extension(file: &Path, ext: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(ext);
    PathBuf::from(name)
}

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

/// The feature, as the web layer and the notifier use it.
pub struct Subscriptions {
    store: Mutex<Store>,
    pub secret: Secret,
    pub mailer: mail::Mailer,
    /// Public origin for links in emails, without a trailing slash.
    pub base_url: String,
    pub limits: limits::Limits,
    /// A reverse proxy whose X-Forwarded-For names the client (`--proxy-ip`).
    pub proxy_ip: Option<std::net::IpAddr>,
}

/// Why a subscribe request sent nothing.
#[derive(Debug, thiserror::Error)]
pub enum SubscribeError {
    #[error("too many confirmation emails: {0:?}")]
    Limited(limits::Limited),
    #[error("the email could not be sent: {0}")]
    NotSent(mail::SendError),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// The state of a link from one of our emails.
#[derive(Debug)]
pub enum Link {
    /// Genuine, unexpired and still current.
    Live(Subscription),
    /// Genuine but replaced, already used, or its subscription is gone.
    Stale,
    Expired,
    /// Malformed or tampered with.
    Invalid,
}

impl Subscriptions {
    /// `base_url` is the public origin links in emails point to.
    pub fn open(config: &Config, base_url: String) -> Result<Subscriptions> {
        let paths = Paths::from_config(config);
        let store = Store::open(&paths.database)?;
        let secret = Secret::load(&paths.secret)?;
        let from = config.mail.mail_from.clone().unwrap_or_else(|| default_from(&base_url));
        let mailer = mail::Mailer::new(config.mail.smtp_url.as_deref(), &from, paths.outbox)?;
        tracing::info!("subscribers in {}; email goes to {}", paths.database.describe(), mailer.describe());
        Ok(Subscriptions {
            store: Mutex::new(store),
            secret,
            mailer,
            base_url,
            limits: limits::Limits::default(),
            proxy_ip: config.mail.proxy_ip,
        })
    }

    /// The one writer connection. Call only from a blocking thread.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn form_token(&self, target: &Target) -> String {
        token::form_token(&self.secret, target.kind.as_str(), &target.id)
    }

    pub fn form_token_matches(&self, target: &Target, submitted: &str) -> bool {
        token::form_token_matches(&self.secret, target.kind.as_str(), &target.id, submitted)
    }

    /// The never-expiring unsubscribe link token of a subscription, derived rather than stored so
    /// every update email can carry it; the store keeps its hash to retire it on deletion.
    pub fn unsubscribe_token(&self, sub: &Subscription) -> String {
        let nonce = self.secret.mac(&[
            b"unsubscribe-nonce",
            sub.id.to_string().as_bytes(),
            sub.email.as_bytes(),
            sub.created_at.to_string().as_bytes(),
        ]);
        token::sign(&self.secret, Purpose::Unsubscribe, sub.id, token::NEVER, &nonce[..12])
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// Sends a confirmation link (or, to an address that already follows `what`, a note saying
    /// so): the reader's answer is the same either way. Counts toward the hourly limits.
    pub fn subscribe(&self, email: &str, target: &Target, what: &Snapshot, ip: &str) -> Result<(), SubscribeError> {
        let now = now();
        let message = {
            let store = self.store();
            let keys =
                limits::check(&store, &self.secret, &self.limits, email, ip, now)?.map_err(SubscribeError::Limited)?;
            let sub = store.find_or_insert(email, target, now)?;
            let unsubscribe = self.unsubscribe_token(&sub);
            let message = if sub.confirmed {
                store.set_token_hashes(sub.id, None, &token::hash(&unsubscribe))?;
                emails::already_following(self, &sub, what, &unsubscribe)?
            } else {
                let nonce = token::random_bytes::<16>()?;
                let expires = now as u64 + CONFIRM_TTL_SECS;
                let confirm = token::sign(&self.secret, Purpose::Confirm, sub.id, expires, &nonce);
                store.set_token_hashes(sub.id, Some(&token::hash(&confirm)), &token::hash(&unsubscribe))?;
                emails::confirmation(self, &sub, what, &confirm, &unsubscribe)?
            };
            store.record_send(&[&keys.0, &keys.1], now)?;
            message
        };
        self.mailer.send(&message).map_err(SubscribeError::NotSent)
    }

    /// What a confirmation link is, without changing anything (GET must not confirm).
    pub fn confirm_link(&self, link: &str) -> Result<Link> {
        let id = match token::verify(&self.secret, link, Purpose::Confirm, now() as u64) {
            Ok(id) => id,
            Err(TokenError::Expired) => return Ok(Link::Expired),
            Err(TokenError::Invalid) => return Ok(Link::Invalid),
        };
        let store = self.store();
        if !store.confirm_link_is_live(id, &token::hash(link))? {
            return Ok(Link::Stale);
        }
        Ok(store.get(id)?.map_or(Link::Stale, Link::Live))
    }

    /// Confirms the subscription (the POST behind the confirm button) and records what the
    /// follower sees now, so the first update names the change from it.
    pub fn confirm(&self, link: &str, catalogue: &Catalogue) -> Result<Link> {
        let sub = match self.confirm_link(link)? {
            Link::Live(sub) => sub,
            other => return Ok(other),
        };
        let now_showing = notify::snapshot(catalogue, &sub.target).context("while reading the followed item")?;
        let store = self.store();
        if !store.confirm(sub.id, &token::hash(link), now())? {
            return Ok(Link::Stale);
        }
        if let Some(snapshot) = now_showing {
            store.set_baseline(&sub.target, &snapshot, now())?;
        }
        Ok(Link::Live(Subscription { confirmed: true, ..sub }))
    }

    /// What an unsubscribe link is, without changing anything.
    pub fn unsubscribe_link(&self, link: &str) -> Result<Link> {
        let id = match token::verify(&self.secret, link, Purpose::Unsubscribe, now() as u64) {
            Ok(id) => id,
            Err(TokenError::Expired) => return Ok(Link::Expired),
            Err(TokenError::Invalid) => return Ok(Link::Invalid),
        };
        Ok(self.store().by_unsubscribe_link(id, &token::hash(link))?.map_or(Link::Stale, Link::Live))
    }

    /// Deletes the subscription of this link, or with `everything`, all that is kept about its
    /// address. A link whose subscription is already gone is `Stale` (nothing left to delete).
    pub fn unsubscribe(&self, link: &str, everything: bool) -> Result<Link> {
        let sub = match self.unsubscribe_link(link)? {
            Link::Live(sub) => sub,
            other => return Ok(other),
        };
        let store = self.store();
        if everything {
            store.delete_address(&sub.email)?;
        } else {
            store.delete(sub.id)?;
        }
        store.purge_deleted();
        Ok(Link::Live(sub))
    }
}

/// `jobzone <updates@HOST>` for the host of the public origin.
fn default_from(base_url: &str) -> String {
    let host = base_url.split("://").nth(1).unwrap_or(base_url).split(['/', ':']).next().unwrap_or("localhost");
    let host = if host.contains('.') && host.chars().any(|c| c.is_ascii_alphabetic()) {
        host
    } else {
        "localhost.localdomain"
    };
    format!("jobzone <updates@{host}>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_must_be_a_known_kind_and_a_plain_id() {
        assert_eq!(Target::parse("role", "a-b").map(|t| t.kind), Some(Kind::Role));
        assert_eq!(Target::parse("occupation", "15-1252.00").map(|t| t.kind), Some(Kind::Occupation));
        assert!(Target::parse("page", "a").is_none());
        assert!(Target::parse("role", "").is_none());
        assert!(Target::parse("role", "../x").is_none());
        assert!(Target::parse("role", "A<b>").is_none());
    }

    #[test]
    fn a_change_is_the_shown_score_the_zone_or_the_newest_revision() {
        let a = Snapshot {
            title: "T".into(),
            url: "/roles/t".into(),
            score: 24.51,
            zone: "red".into(),
            zone_name: "Red".into(),
            revision_date: "2026-01-01".into(),
            revision_note: "n".into(),
        };
        assert!(!a.differs_from(&Snapshot { score: 24.54, ..a.clone() }));
        assert!(a.differs_from(&Snapshot { score: 24.6, ..a.clone() }));
        assert!(a.differs_from(&Snapshot { zone: "yellow".into(), ..a.clone() }));
        assert!(a.differs_from(&Snapshot { revision_date: "2026-02-01".into(), ..a.clone() }));
    }

    #[test]
    fn the_sender_is_made_from_the_public_host() {
        assert_eq!(default_from("https://jobzone.example"), "jobzone <updates@jobzone.example>");
        assert_eq!(default_from("http://127.0.0.1:8080"), "jobzone <updates@localhost.localdomain>");
        assert_eq!(default_from("http://localhost:8080"), "jobzone <updates@localhost.localdomain>");
    }
}
