//! The three emails we send, each as plain text and HTML from templates/subscriptions/.

use super::mail::Email;
use super::store::{OutboxItem, Subscription};
use super::{Snapshot, Subscriptions};
use anyhow::{Context, Result};
use askama::Template;

/// What every email's footer needs.
pub struct Footer {
    pub unsubscribe_url: String,
    pub privacy_url: String,
}

/// templates/subscriptions/email_confirm.{txt,html}
#[derive(Template)]
#[template(path = "subscriptions/email_confirm.txt")]
struct ConfirmText<'a> {
    what: &'a Snapshot,
    item_url: String,
    confirm_url: String,
    hours: u64,
    footer: &'a Footer,
}

#[derive(Template)]
#[template(path = "subscriptions/email_confirm.html")]
struct ConfirmHtml<'a> {
    what: &'a Snapshot,
    item_url: String,
    confirm_url: String,
    hours: u64,
    footer: &'a Footer,
}

/// templates/subscriptions/email_already.{txt,html}
#[derive(Template)]
#[template(path = "subscriptions/email_already.txt")]
struct AlreadyText<'a> {
    what: &'a Snapshot,
    item_url: String,
    footer: &'a Footer,
}

#[derive(Template)]
#[template(path = "subscriptions/email_already.html")]
struct AlreadyHtml<'a> {
    what: &'a Snapshot,
    item_url: String,
    footer: &'a Footer,
}

/// templates/subscriptions/email_update.{txt,html}
#[derive(Template)]
#[template(path = "subscriptions/email_update.txt")]
struct UpdateText<'a> {
    old: &'a Snapshot,
    new: &'a Snapshot,
    item_url: String,
    footer: &'a Footer,
}

#[derive(Template)]
#[template(path = "subscriptions/email_update.html")]
struct UpdateHtml<'a> {
    old: &'a Snapshot,
    new: &'a Snapshot,
    item_url: String,
    footer: &'a Footer,
}

fn footer(subs: &Subscriptions, unsubscribe: &str) -> Footer {
    Footer { unsubscribe_url: subs.url(&format!("/unsubscribe/{unsubscribe}")), privacy_url: subs.url("/privacy") }
}

fn render(t: &impl Template) -> Result<String> {
    t.render().context("while rendering an email template")
}

pub fn confirmation(
    subs: &Subscriptions,
    sub: &Subscription,
    what: &Snapshot,
    confirm: &str,
    unsubscribe: &str,
) -> Result<Email> {
    let footer = footer(subs, unsubscribe);
    let confirm_url = subs.url(&format!("/subscribe/confirm/{confirm}"));
    let item_url = subs.url(&what.url);
    let hours = super::CONFIRM_TTL_SECS / 3600;
    let text = render(&ConfirmText {
        what,
        item_url: item_url.clone(),
        confirm_url: confirm_url.clone(),
        hours,
        footer: &footer,
    })?;
    let html = render(&ConfirmHtml { what, item_url, confirm_url, hours, footer: &footer })?;
    Ok(Email {
        to: sub.email.clone(),
        subject: format!("Confirm: updates on {}", what.title),
        text,
        html,
        message_id: random_message_id(subs, "confirm")?,
        unsubscribe_url: footer.unsubscribe_url,
    })
}

pub fn already_following(
    subs: &Subscriptions,
    sub: &Subscription,
    what: &Snapshot,
    unsubscribe: &str,
) -> Result<Email> {
    let footer = footer(subs, unsubscribe);
    let item_url = subs.url(&what.url);
    let text = render(&AlreadyText { what, item_url: item_url.clone(), footer: &footer })?;
    let html = render(&AlreadyHtml { what, item_url, footer: &footer })?;
    Ok(Email {
        to: sub.email.clone(),
        subject: format!("You already get updates on {}", what.title),
        text,
        html,
        message_id: random_message_id(subs, "already")?,
        unsubscribe_url: footer.unsubscribe_url,
    })
}

/// An update email. Its Message-ID depends only on the change and the subscription, so if it
/// were ever sent twice, receiving servers and clients could recognise the repeat.
pub fn update(subs: &Subscriptions, item: &OutboxItem) -> Result<Email> {
    let unsubscribe = subs.unsubscribe_token(&item.subscription);
    let footer = footer(subs, &unsubscribe);
    let (old, new) = (&item.old, &item.new);
    let item_url = subs.url(&new.url);
    let text = render(&UpdateText { old, new, item_url: item_url.clone(), footer: &footer })?;
    let html = render(&UpdateHtml { old, new, item_url, footer: &footer })?;
    let subject = if format!("{:.1}", old.score) == format!("{:.1}", new.score) && old.zone == new.zone {
        format!("{}: assessment revised", new.title)
    } else {
        format!("{}: score {:.1} \u{2192} {:.1} ({} zone)", new.title, old.score, new.score, new.zone_name)
    };
    Ok(Email {
        to: item.subscription.email.clone(),
        subject,
        text,
        html,
        message_id: format!("update-{}-{}@{}", item.change_id, item.subscription.id, subs.mailer.domain()),
        unsubscribe_url: footer.unsubscribe_url,
    })
}

fn random_message_id(subs: &Subscriptions, what: &str) -> Result<String> {
    use base64::Engine;
    let nonce = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(super::token::random_bytes::<12>()?);
    Ok(format!("{what}-{nonce}@{}", subs.mailer.domain()))
}
