//! Sending email: through SMTP with lettre when `--smtp-url` is set, otherwise into an outbox
//! folder as `.eml` files, so the whole feature works on a fresh machine with nothing set up.
//!
//! Every message is multipart (plain text and HTML) and carries `List-Unsubscribe` and
//! `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058), so mail clients can offer
//! their own one-click unsubscribe button that POSTs to our link.

use anyhow::{Context, Result};
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{Message, SmtpTransport, Transport as _};
use std::path::PathBuf;
use std::time::Duration;

/// A message ready to send.
#[derive(Debug, Clone)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// Without angle brackets; deterministic for update emails, so a receiver can drop a repeat.
    pub message_id: String,
    /// The RFC 8058 one-click target, also linked in the body.
    pub unsubscribe_url: String,
}

/// Why a message did not go out.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// Worth retrying later: the server is down, busy, or answered 4xx.
    #[error("temporary failure: {0}")]
    Transient(String),
    /// Retrying will not help: the server refused the message or the address (5xx).
    #[error("permanent failure: {0}")]
    Permanent(String),
}

enum Transport {
    Smtp(Box<SmtpTransport>),
    Folder(PathBuf),
}

pub struct Mailer {
    transport: Transport,
    from: Mailbox,
}

impl Mailer {
    /// SMTP from `smtp_url` (`smtp://host:port`, `smtp://host:587?tls=required` for STARTTLS,
    /// `smtps://host:465` for TLS) with `JOBZONE_SMTP_USERNAME` / `JOBZONE_SMTP_PASSWORD` when
    /// set; with no URL, the `outbox` folder.
    pub fn new(smtp_url: Option<&str>, from: &str, outbox: PathBuf) -> Result<Mailer> {
        let from: Mailbox = from.parse().with_context(|| format!("--mail-from {from:?} is not an email address"))?;
        let transport = match smtp_url {
            Some(url) => {
                let mut builder = SmtpTransport::from_url(url)
                    .with_context(|| format!("--smtp-url {url:?} is not a valid smtp:// or smtps:// URL"))?
                    .timeout(Some(Duration::from_secs(20)));
                if let (Ok(user), Ok(password)) =
                    (std::env::var("JOBZONE_SMTP_USERNAME"), std::env::var("JOBZONE_SMTP_PASSWORD"))
                {
                    builder = builder.credentials(Credentials::new(user, password));
                }
                Transport::Smtp(Box::new(builder.build()))
            }
            None => Transport::Folder(outbox),
        };
        Ok(Mailer { transport, from })
    }

    /// "SMTP" or "the outbox folder DIR", for logs.
    pub fn describe(&self) -> String {
        match &self.transport {
            Transport::Smtp(_) => "SMTP".to_string(),
            Transport::Folder(dir) => format!("the outbox folder {}", dir.display()),
        }
    }

    /// The domain our Message-IDs are made in.
    pub fn domain(&self) -> &str {
        self.from.email.domain()
    }

    pub fn send(&self, email: &Email) -> Result<(), SendError> {
        let message = self.compose(email).map_err(|e| SendError::Permanent(format!("{e:#}")))?;
        match &self.transport {
            Transport::Smtp(smtp) => smtp.send(&message).map(drop).map_err(|e| {
                if e.is_permanent() { SendError::Permanent(e.to_string()) } else { SendError::Transient(e.to_string()) }
            }),
            Transport::Folder(dir) => write_eml(dir, &email.message_id, &message.formatted())
                .map_err(|e| SendError::Transient(format!("{e:#}"))),
        }
    }

    fn compose(&self, email: &Email) -> Result<Message> {
        let to: Mailbox = email.to.parse().with_context(|| format!("{:?} is not an email address", email.to))?;
        let mut message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(email.subject.clone())
            .message_id(Some(format!("<{}>", email.message_id)))
            .multipart(MultiPart::alternative_plain_html(email.text.clone(), email.html.clone()))
            .context("while composing the message")?;
        let headers = message.headers_mut();
        headers.insert_raw(HeaderValue::new(
            HeaderName::new_from_ascii_str("List-Unsubscribe"),
            format!("<{}>", email.unsubscribe_url),
        ));
        headers.insert_raw(HeaderValue::new(
            HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
            "List-Unsubscribe=One-Click".to_string(),
        ));
        Ok(message)
    }
}

/// Writes the message whole or not at all (temporary file, then rename).
fn write_eml(dir: &std::path::Path, message_id: &str, bytes: &[u8]) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("while creating the outbox folder {}", dir.display()))?;
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos();
    let name: String =
        message_id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '.' { c } else { '_' }).collect();
    let path = dir.join(format!("{stamp}-{name}.eml"));
    let tmp = dir.join(format!(".{stamp}-{name}.tmp"));
    std::fs::write(&tmp, bytes).with_context(|| format!("while writing {}", tmp.display()))?;
    std::fs::rename(&tmp, &path).with_context(|| format!("while renaming {}", tmp.display()))?;
    Ok(())
}
