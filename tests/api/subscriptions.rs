//! Email updates against a real SMTP server on a loopback port: double opt-in, one update per
//! change, one-click unsubscribe, and delivery that loses nothing and sends nothing twice.

use crate::mail_harness::{Inbox, MailSite, ROLE, free_port, smtp_url, start_smtp_on};
use crate::snapshots::redacted;

/// Subscribes `email` and confirms it through the link in the confirmation email.
async fn subscribe_and_confirm(site: &MailSite, inbox: &Inbox, email: &str) {
    let before = inbox.to(email).len();
    site.subscribe(email).await.assert_status(200);
    let mails = inbox.to(email);
    assert_eq!(mails.len(), before + 1, "one confirmation email to {email}");
    let confirm = mails[before].link("/subscribe/confirm/");
    let page = site.post(&confirm, &[]).await;
    page.assert_status(200);
    assert!(page.body.contains("You are subscribed"), "{}", page.body);
}

#[tokio::test]
async fn a_confirmed_reader_gets_exactly_one_update_naming_old_and_new_score_and_one_click_unsubscribe_stops_them() {
    let port = free_port();
    let inbox = start_smtp_on(port);
    let site = MailSite::start(Some(smtp_url(port))).await;
    the_update_flow(&site, &inbox).await;
    let stored = [site.path("subscribers.db"), site.path("subscribers.db-wal")]
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .any(|bytes| bytes.windows(18).any(|w| w == b"reader@example.com"));
    assert!(!stored, "the address is gone from the database files");
}

#[tokio::test]
async fn the_same_update_flow_works_with_subscribers_in_postgresql() {
    let Some(server) = tokio::task::spawn_blocking(crate::postgres::TempPostgres::start).await.expect("start") else {
        return;
    };
    let port = free_port();
    let inbox = start_smtp_on(port);
    let site = MailSite::start_with(Some(smtp_url(port)), Some(server.database())).await;
    the_update_flow(&site, &inbox).await;
    drop(site);
    tokio::task::spawn_blocking(move || drop(server)).await.expect("stop");
}

/// Subscribe, confirm, one update per change with the old and new score, no repeat, one-click
/// unsubscribe, and nothing after it.
async fn the_update_flow(site: &MailSite, inbox: &Inbox) {
    let answer = site.subscribe("reader@example.com").await;
    answer.assert_status(200);
    assert!(answer.body.contains("Check your inbox"), "{}", answer.body);
    assert_eq!(inbox.len(), 1, "the confirmation email arrived");
    let confirmation = &inbox.all()[0];
    assert_eq!(confirmation.header("To"), "reader@example.com");
    assert!(confirmation.header("Content-Type").starts_with("multipart/alternative"));
    assert!(confirmation.header("List-Unsubscribe").starts_with("<http"), "{}", confirmation.raw);
    assert_eq!(confirmation.header("List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
    assert!(confirmation.part("text/html").contains("/subscribe/confirm/"));
    assert_eq!(site.states(), [("reader@example.com".to_string(), "pending".to_string())]);
    insta::assert_snapshot!("email_confirm_text", redacted(&confirmation.text(), &site.address));
    insta::assert_snapshot!("email_confirm_html", redacted(&confirmation.part("text/html"), &site.address));

    let confirm = confirmation.link("/subscribe/confirm/");
    site.post(&confirm, &[]).await.assert_status(200);
    assert_eq!(site.states(), [("reader@example.com".to_string(), "confirmed".to_string())]);

    site.change_role(0, "Growth check revised to neutral.");
    let (code, report) = site.notify(None, &[]);
    assert_eq!(code, Some(0), "{report}");
    let mails = inbox.to("reader@example.com");
    assert_eq!(mails.len(), 2, "exactly one update after the confirmation");
    let update = &mails[1];
    let text = update.text();
    assert!(text.contains("Before: 24.5/100, Red zone"), "{text}");
    assert!(text.contains("26.1/100, Yellow zone"), "{text}");
    assert!(text.contains("Growth check revised to neutral."), "{text}");
    assert!(text.contains(&format!("/roles/{ROLE}")), "{text}");
    assert!(update.part("text/html").contains("24.5/100"));
    assert_eq!(update.header("List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
    insta::assert_snapshot!("email_update_text", redacted(&text, &site.address));
    insta::assert_snapshot!("email_update_html", redacted(&update.part("text/html"), &site.address));

    // A second run finds nothing new to say.
    let (code, report) = site.notify(None, &[]);
    assert_eq!(code, Some(0), "{report}");
    assert_eq!(inbox.len(), 2, "no repeat");

    // RFC 8058: the mail client POSTs List-Unsubscribe=One-Click to the header's URL, from its
    // own servers, with no Origin.
    let unsubscribe = update.list_unsubscribe_path();
    site.post_with(&unsubscribe, &[("List-Unsubscribe", "One-Click")], &[]).await.assert_status(200);
    assert!(site.states().is_empty(), "the subscription is deleted");

    site.change_role(1, "Growth check revised to positive.");
    let (code, report) = site.notify(None, &[]);
    assert_eq!(code, Some(0), "{report}");
    assert_eq!(inbox.len(), 2, "nothing after unsubscribing");
}

#[tokio::test]
async fn update_emails_queued_while_smtp_is_down_are_delivered_once_each_when_it_is_back() {
    let site_port = free_port();
    let site_inbox = start_smtp_on(site_port);
    let site = MailSite::start(Some(smtp_url(site_port))).await;
    for email in ["one@example.com", "two@example.com"] {
        subscribe_and_confirm(&site, &site_inbox, email).await;
    }
    site.change_role(0, "Growth check revised to neutral.");

    let down = free_port();
    let (code, report) = site.notify(Some(&smtp_url(down)), &[]);
    assert_eq!(code, Some(75), "a run with SMTP down says some mail waits: {report}");
    assert!(report.contains("2 email(s) queued"), "{report}");
    assert!(report.contains("waiting to retry 2"), "{report}");

    let inbox = start_smtp_on(down);
    let (code, report) = site.notify(Some(&smtp_url(down)), &[]);
    assert_eq!(code, Some(0), "{report}");
    assert!(report.contains("sent 2"), "{report}");
    let (code, report) = site.notify(Some(&smtp_url(down)), &[]);
    assert_eq!(code, Some(0), "{report}");

    for email in ["one@example.com", "two@example.com"] {
        let mails = inbox.to(email);
        assert_eq!(mails.len(), 1, "one update for {email}");
        assert!(mails[0].text().contains("26.1/100"), "{}", mails[0].text());
    }
    assert_eq!(inbox.len(), 2);
}

#[tokio::test]
async fn a_notify_run_killed_after_the_server_accepted_a_message_never_sends_it_again() {
    let port = free_port();
    let inbox = start_smtp_on(port);
    let site = MailSite::start(Some(smtp_url(port))).await;
    let readers = ["a@example.com", "b@example.com", "c@example.com"];
    for email in readers {
        subscribe_and_confirm(&site, &inbox, email).await;
    }
    let confirmations = inbox.len();
    site.change_role(0, "Growth check revised to neutral.");

    // The failpoint ends the process after the first accepted message, before it is marked sent.
    let (code, report) = site.notify(None, &[("JOBZONE_FAILPOINT_EXIT_AFTER_SENT", "1")]);
    assert_eq!(code, Some(86), "the run was cut short: {report}");
    assert_eq!(inbox.len(), confirmations + 1, "one update went out before the crash");

    let (code, report) = site.notify(None, &[]);
    assert_eq!(code, Some(0), "{report}");
    assert!(report.contains("sent 2"), "{report}");
    for email in readers {
        let updates = inbox.to(email).into_iter().filter(|m| m.text().contains("26.1/100")).count();
        assert_eq!(updates, 1, "{email} got the update exactly once");
    }
    let ids: std::collections::HashSet<String> =
        inbox.all().iter().skip(confirmations).map(|m| m.header("Message-ID")).collect();
    assert_eq!(ids.len(), 3, "each update has its own deterministic Message-ID");
}
