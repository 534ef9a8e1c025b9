//! The follow form and the links in our emails, with no SMTP server configured: every email
//! goes to the outbox folder as an .eml file.

use crate::helpers::{one, select};
use crate::mail_harness::{Mail, MailSite, ROLE};
use jobzone::subscriptions::token::{self, Purpose, Secret};

/// The .eml files in the outbox folder, oldest first.
fn outbox(site: &MailSite) -> Vec<Mail> {
    let Ok(entries) = std::fs::read_dir(site.path("outbox")) else { return Vec::new() };
    let mut paths: Vec<_> =
        entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "eml")).collect();
    paths.sort();
    paths.iter().map(|p| Mail { raw: std::fs::read_to_string(p).expect("read .eml") }).collect()
}

#[tokio::test]
async fn with_no_smtp_configured_the_whole_flow_works_through_the_outbox_folder() {
    let site = MailSite::start(None).await;
    site.subscribe("folder@example.com").await.assert_status(200);
    let mails = outbox(&site);
    assert_eq!(mails.len(), 1, "the confirmation is an .eml file");
    assert_eq!(mails[0].header("List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
    site.post(&mails[0].link("/subscribe/confirm/"), &[]).await.assert_status(200);

    site.change_role(0, "Growth check revised to neutral.");
    let (code, report) = site.notify(None, &[]);
    assert_eq!(code, Some(0), "{report}");
    let mails = outbox(&site);
    assert_eq!(mails.len(), 2, "one update file");
    let text = mails[1].text();
    assert!(text.contains("Before: 24.5/100, Red zone") && text.contains("26.1/100, Yellow zone"), "{text}");

    let unsubscribe = mails[1].link("/unsubscribe/");
    let page = site.get(&unsubscribe).await;
    page.assert_status(200);
    assert_eq!(site.states().len(), 1, "opening the unsubscribe link deletes nothing");
    site.post(&unsubscribe, &[("scope", "all")]).await.assert_status(200);
    assert!(site.states().is_empty());
}

#[tokio::test]
async fn the_role_page_form_carries_the_same_token_for_every_reader_and_sets_no_cookie() {
    let site = MailSite::start(None).await;
    let first = site.get(&format!("/roles/{ROLE}")).await;
    first.assert_status(200);
    assert!(first.headers.get("set-cookie").is_none());
    let html = first.html();
    assert_eq!(select(&html, "#updates form[method=post][action='/subscribe'] input[type=email]").len(), 1);
    assert_eq!(select(&html, "#updates input[name=kind][value=role]").len(), 1);
    assert_eq!(select(&html, &format!("#updates input[name=id][value={ROLE}]")).len(), 1);
    assert_eq!(select(&html, &format!("#updates a[href='/roles/{ROLE}/feed.xml']")).len(), 1, "the feed stays");
    assert_eq!(site.form_token().await, site.form_token().await);
}

#[tokio::test]
async fn a_post_without_the_form_token_or_from_another_site_is_refused_with_403() {
    let site = MailSite::start(None).await;
    let token = site.form_token().await;
    let fields = |t: &'static str| [("kind", "role"), ("id", ROLE), ("email", "victim@example.com"), ("token", t)];
    let no_token = site.post("/subscribe", &[("kind", "role"), ("id", ROLE), ("email", "victim@example.com")]).await;
    no_token.assert_status(403);
    site.post("/subscribe", &fields("forged-token-value")).await.assert_status(403);
    let token: &'static str = Box::leak(token.into_boxed_str());
    let cross_origin = [("Origin", "https://evil.example")];
    site.post_with("/subscribe", &fields(token), &cross_origin).await.assert_status(403);
    let cross_site = [("Sec-Fetch-Site", "cross-site")];
    site.post_with("/subscribe", &fields(token), &cross_site).await.assert_status(403);
    // A token for one role does not work for another.
    let other = [("kind", "role"), ("id", "devsecops-engineer"), ("email", "victim@example.com"), ("token", token)];
    site.post("/subscribe", &other).await.assert_status(403);
    assert!(site.states().is_empty() && outbox(&site).is_empty(), "nothing stored, nothing sent");
}

#[tokio::test]
async fn an_invalid_or_hostile_address_gets_its_message_next_to_the_field() {
    let site = MailSite::start(None).await;
    let page = site.subscribe("\"><script>alert(1)</script>@example.com").await;
    page.assert_status(422);
    let html = page.html();
    let message = one(&html, "#follow-email-error");
    assert!(message.contains("before the @"), "{message}");
    assert_eq!(select(&html, "input#follow-email[aria-invalid=true][aria-describedby=follow-email-error]").len(), 1);
    assert!(!page.body.contains("<script>alert"), "the typed text is escaped");
    let page = site.subscribe("no-at-sign.example.com").await;
    page.assert_status(422);
    assert!(one(&page.html(), "#follow-email-error").contains("needs an @"));
    assert!(site.states().is_empty());
}

#[tokio::test]
async fn more_confirmation_emails_than_the_hourly_limit_get_a_429_page() {
    let site = MailSite::start(None).await;
    for _ in 0..3 {
        site.subscribe("busy@example.com").await.assert_status(200);
    }
    let page = site.subscribe("busy@example.com").await;
    page.assert_status(429);
    assert_eq!(page.header("retry-after"), "3600");
    assert!(one(&page.html(), "h1").contains("Too many"), "{}", page.body);
    assert_eq!(outbox(&site).len(), 3, "nothing sent over the limit");
}

#[tokio::test]
async fn more_confirmation_emails_from_one_client_ip_than_its_hourly_limit_get_a_429_page() {
    let site = MailSite::start(None).await;
    for i in 0..20 {
        site.subscribe(&format!("reader{i}@example.com")).await.assert_status(200);
    }
    let page = site.subscribe("one-more@example.com").await;
    page.assert_status(429);
    assert!(page.body.contains("from your network"), "{}", page.body);
    assert_eq!(outbox(&site).len(), 20);
}

#[tokio::test]
async fn the_answer_is_the_same_whether_or_not_the_address_already_subscribed() {
    let site = MailSite::start(None).await;
    let first = site.subscribe("same@example.com").await;
    site.post(&outbox(&site)[0].link("/subscribe/confirm/"), &[]).await.assert_status(200);
    let again = site.subscribe("same@example.com").await;
    let fresh = site.subscribe("new@example.com").await;
    for page in [&again, &fresh] {
        page.assert_status(first.status);
        assert_eq!(one(&page.html(), "main"), one(&first.html(), "main"));
    }
}

#[tokio::test]
async fn opening_the_confirmation_link_changes_nothing_until_the_button_is_pressed() {
    let site = MailSite::start(None).await;
    site.subscribe("scanner@example.com").await.assert_status(200);
    let confirm = outbox(&site)[0].link("/subscribe/confirm/");
    for _ in 0..2 {
        let page = site.get(&confirm).await;
        page.assert_status(200);
        let html = page.html();
        assert_eq!(select(&html, &format!("form[method=post][action='{confirm}'] button")).len(), 1);
    }
    assert_eq!(site.states(), [("scanner@example.com".to_string(), "pending".to_string())]);
    site.post(&confirm, &[]).await.assert_status(200);
    assert_eq!(site.states(), [("scanner@example.com".to_string(), "confirmed".to_string())]);
}

#[tokio::test]
async fn a_tampered_or_expired_confirmation_link_is_refused_and_confirms_nothing() {
    let site = MailSite::start(None).await;
    site.subscribe("careful@example.com").await.assert_status(200);
    let confirm = outbox(&site)[0].link("/subscribe/confirm/");

    // Change one character of the signed part.
    let mut tampered: Vec<char> = confirm.chars().collect();
    let at = confirm.find(".1").expect("an id") + 1;
    tampered[at] = '2';
    let tampered: String = tampered.into_iter().collect();
    for page in [site.get(&tampered).await, site.post(&tampered, &[]).await] {
        page.assert_status(400);
        assert!(one(&page.html(), "h1").contains("not valid"));
    }

    // A genuine link, signed with the site's own secret, whose time is up.
    let secret = std::fs::read(site.path("subscribers.db.secret")).expect("the secret file");
    let secret = Secret::from_bytes(secret).expect("a secret");
    let expired = token::sign(&secret, Purpose::Confirm, 1, 1, b"old");
    for page in [
        site.get(&format!("/subscribe/confirm/{expired}")).await,
        site.post(&format!("/subscribe/confirm/{expired}"), &[]).await,
    ] {
        page.assert_status(410);
        assert!(one(&page.html(), "h1").contains("expired"));
    }
    assert_eq!(site.states(), [("careful@example.com".to_string(), "pending".to_string())]);
}

#[tokio::test]
async fn the_secret_file_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let site = MailSite::start(None).await;
    let mode = std::fs::metadata(site.path("subscribers.db.secret")).expect("secret file").permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[tokio::test]
async fn the_privacy_page_says_what_is_kept_and_every_page_links_to_it() {
    let site = MailSite::start(None).await;
    let page = site.get("/privacy").await;
    page.assert_status(200);
    let html = page.html();
    let headings = crate::helpers::texts(&html, "h2");
    for h in ["What we keep", "Why", "How long", "How to delete it"] {
        assert!(headings.iter().any(|x| x == h), "{h} in {headings:?}");
    }
    let home = site.get("/").await;
    assert_eq!(select(&home.html(), "footer a[href='/privacy']").len(), 1);
}
