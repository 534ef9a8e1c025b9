//! Atom feeds by RFC 4287: per role, per occupation and site-wide, one entry per row of the score
//! history, with the required elements, unique ids, RFC 3339 dates, and entry ids that do not
//! change when a row is appended.

use crate::helpers::{TestApp, select, spawn_app, spawn_app_with_content};
use std::collections::{BTreeMap, BTreeSet};

const ATOM: &str = "http://www.w3.org/2005/Atom";
const BACKEND_FEED: &str = "/roles/backend-api-developer-mid-level/feed.xml";

/// An Atom child element's text.
fn child_text<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Option<&'a str> {
    node.children().find(|c| c.has_tag_name((ATOM, name))).and_then(|c| c.text())
}

/// RFC 3339 date-time as we write it: 2026-10-27T00:00:00Z.
fn is_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    s.len() == 20 && b[4] == b'-' && b[7] == b'-' && b[10] == b'T' && b[13] == b':' && b[16] == b':' && b[19] == b'Z'
}

/// An entry as a test compares it.
struct Entry {
    id: String,
    updated: String,
    /// What identifies the revision itself: its title (with the role and date) and its summary.
    revision: String,
}

/// Checks the RFC 4287 requirements on the feed at `path` and returns its entries in document
/// order.
async fn checked_feed(app: &TestApp, path: &str) -> Vec<Entry> {
    let page = app.get(path).await;
    page.assert_status(200);
    assert!(page.header("content-type").starts_with("application/atom+xml"), "{path}");
    assert!(!page.header("etag").is_empty() && page.header("cache-control").contains("max-age"), "{path}");
    let doc = roxmltree::Document::parse(&page.body).unwrap_or_else(|e| panic!("{path} is not XML: {e}"));
    let feed = doc.root_element();
    assert!(feed.has_tag_name((ATOM, "feed")), "{path}: root is not an Atom feed");
    for name in ["id", "title", "updated"] {
        assert!(child_text(feed, name).is_some_and(|t| !t.trim().is_empty()), "{path}: feed has no {name}");
    }
    assert!(is_rfc3339(child_text(feed, "updated").unwrap_or_default()), "{path}: feed updated");
    let author = |n: roxmltree::Node<'_, '_>| {
        n.children().find(|c| c.has_tag_name((ATOM, "author"))).and_then(|a| child_text(a, "name")).is_some()
    };
    assert!(author(feed), "{path}: feed has no author name");
    let self_link = feed
        .children()
        .find(|c| c.has_tag_name((ATOM, "link")) && c.attribute("rel") == Some("self"))
        .unwrap_or_else(|| panic!("{path}: no rel=self link"));
    assert_eq!(self_link.attribute("type"), Some("application/atom+xml"));
    assert_eq!(self_link.attribute("href"), Some(format!("https://jobzone.example{path}").as_str()));
    let mut out = Vec::new();
    for entry in feed.children().filter(|c| c.has_tag_name((ATOM, "entry"))) {
        let id = child_text(entry, "id").unwrap_or_else(|| panic!("{path}: entry without id")).to_string();
        let title = child_text(entry, "title").unwrap_or_else(|| panic!("{path}: {id} has no title")).to_string();
        let updated = child_text(entry, "updated").unwrap_or_default().to_string();
        assert!(is_rfc3339(&updated), "{path}: {id} updated {updated:?}");
        assert!(author(entry), "{path}: {id} has no author");
        let linked = entry.children().any(|c| c.has_tag_name((ATOM, "link")) && c.attribute("href").is_some());
        let summary = entry.children().any(|c| c.has_tag_name((ATOM, "summary")) || c.has_tag_name((ATOM, "content")));
        assert!(linked || summary, "{path}: {id} has neither link nor content");
        assert!(id.starts_with("urn:uuid:"), "{path}: {id}");
        let revision = format!("{title}\n{}", child_text(entry, "summary").unwrap_or_default());
        out.push(Entry { id, updated, revision });
    }
    out
}

#[tokio::test]
async fn the_role_feed_is_atom_with_every_required_element_and_one_entry_per_history_row() {
    let app = spawn_app().await;
    let entries = checked_feed(&app, BACKEND_FEED).await;
    let role: serde_json::Value =
        serde_json::from_str(&app.get("/api/v1/roles/backend-api-developer-mid-level").await.body).expect("json");
    let history = role["history"].as_array().expect("history");
    assert_eq!(entries.len(), history.len());
    let newest = history.last().expect("a row");
    assert_eq!(entries[0].updated, format!("{}T00:00:00Z", newest["date"].as_str().unwrap_or_default()));
    assert!(entries[0].revision.ends_with(newest["reason"].as_str().unwrap_or_default()), "{}", entries[0].revision);
    let ids: BTreeSet<&String> = entries.iter().map(|e| &e.id).collect();
    assert_eq!(ids.len(), entries.len(), "entry ids are unique");
    let dates: Vec<&String> = entries.iter().map(|e| &e.updated).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first: {dates:?}");
}

#[tokio::test]
async fn the_site_feed_holds_every_role_history_row_newest_first() {
    let app = spawn_app().await;
    let site = checked_feed(&app, "/feed.xml").await;
    let roles: serde_json::Value = serde_json::from_str(&app.get("/api/v1/roles").await.body).expect("json");
    let mut role_ids = BTreeSet::new();
    for slug in roles["roles"].as_array().expect("roles").iter().filter_map(|r| r["slug"].as_str()) {
        role_ids.extend(checked_feed(&app, &format!("/roles/{slug}/feed.xml")).await.into_iter().map(|e| e.id));
    }
    let site_ids: BTreeSet<String> = site.iter().map(|e| e.id.clone()).collect();
    assert!(site.len() <= 100);
    assert_eq!(site_ids, role_ids, "the same revisions carry the same ids in both feeds");
    let dates: Vec<&String> = site.iter().map(|e| &e.updated).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first: {dates:?}");
}

#[tokio::test]
async fn feeds_answer_304_when_the_etag_matches() {
    let app = spawn_app().await;
    for path in [BACKEND_FEED, "/feed.xml"] {
        let tag = app.get(path).await.header("etag").to_string();
        app.get_with(path, &[("If-None-Match", &tag)]).await.assert_status(304);
    }
}

#[tokio::test]
async fn the_home_page_links_the_site_feed_from_its_head() {
    let app = spawn_app().await;
    let html = app.get("/").await.html();
    let links = select(&html, "head link[rel=alternate][type='application/atom+xml']");
    assert_eq!(links.iter().filter_map(|l| l.value().attr("href")).collect::<Vec<_>>(), ["/feed.xml"]);
}

/// Every occupation's feed validates, carries one entry per history row with the same dates, and
/// the occupation page links it from its head.
#[tokio::test]
async fn every_occupation_feed_is_atom_with_one_entry_per_history_row() {
    let app = spawn_app().await;
    let list: serde_json::Value = serde_json::from_str(&app.get("/api/v1/occupations").await.body).expect("json");
    let codes: Vec<&str> = list["occupations"]
        .as_array()
        .expect("occupations")
        .iter()
        .filter(|o| o["score"].is_number())
        .filter_map(|o| o["code"].as_str())
        .collect();
    assert!(codes.len() > 900, "{} scored occupations", codes.len());
    let mut all_ids = BTreeSet::new();
    for code in &codes {
        let entries = checked_feed(&app, &format!("/occupations/{code}/feed.xml")).await;
        let detail: serde_json::Value =
            serde_json::from_str(&app.get(&format!("/api/v1/occupations/{code}")).await.body).expect("json");
        let mut dates: Vec<String> = detail["history"]
            .as_array()
            .expect("history")
            .iter()
            .map(|p| format!("{}T00:00:00Z", p["date"].as_str().unwrap_or_default()))
            .collect();
        dates.reverse();
        assert!(!dates.is_empty(), "{code}: no history");
        assert_eq!(entries.iter().map(|e| e.updated.clone()).collect::<Vec<_>>(), dates, "{code}: newest first");
        for e in entries {
            assert!(all_ids.insert(e.id), "{code}: an entry id repeats another feed's");
        }
    }
    let html = app.get(&format!("/occupations/{}", codes[0])).await.html();
    let links = select(&html, "head link[rel=alternate][type='application/atom+xml']");
    assert_eq!(
        links.iter().filter_map(|l| l.value().attr("href")).collect::<Vec<_>>(),
        [format!("/occupations/{}/feed.xml", codes[0])]
    );
    app.get("/occupations/99-9999.99/feed.xml").await.assert_status(404);
}

/// The content folder with one more history row for the backend role, its reason full of
/// markup and quotes. (A control character is refused by `jobzone check`, so it never reaches
/// a feed.)
fn content_with_a_new_history_row() -> tempfile::TempDir {
    let dir = crate::helpers::copy_content();
    let file = dir.path().join("content/history.tsv");
    let mut text = std::fs::read_to_string(&file).expect("history");
    text.push_str("2026-12-02\tbackend-api-developer-mid-level\t24.5\tred\t1.1\teditor review 2026-12-02\tChecked <b>tags</b> & \"quotes\" again.\n");
    std::fs::write(&file, text).expect("write history");
    dir
}

#[tokio::test]
async fn appending_a_history_row_adds_one_escaped_entry_and_changes_no_existing_entry_id() {
    let before = spawn_app().await;
    let old_role = checked_feed(&before, BACKEND_FEED).await;
    let old_site = checked_feed(&before, "/feed.xml").await;
    let dir = content_with_a_new_history_row();
    let after = spawn_app_with_content(&dir.path().join("content")).await;
    let new_role = checked_feed(&after, BACKEND_FEED).await;
    let new_site = checked_feed(&after, "/feed.xml").await;
    for (old, new, which) in [(&old_role, &new_role, "role"), (&old_site, &new_site, "site")] {
        let new_ids: BTreeMap<&String, &String> = new.iter().map(|e| (&e.revision, &e.id)).collect();
        for e in old {
            assert_eq!(new_ids.get(&e.revision), Some(&&e.id), "{which} feed: the id of {:?} changed", e.revision);
        }
        assert_eq!(new.len(), (old.len() + 1).min(100), "{which} feed: one new entry");
        let distinct: BTreeSet<&String> = new.iter().map(|e| &e.id).collect();
        assert_eq!(distinct.len(), new.len(), "{which} feed: the new entry has an id of its own");
        assert_eq!(new[0].updated, "2026-12-02T00:00:00Z", "{which} feed: the new row comes first");
    }
    let body = after.get(BACKEND_FEED).await.body;
    let doc = roxmltree::Document::parse(&body).expect("XML");
    let summary = doc.descendants().find(|n| n.has_tag_name((ATOM, "summary"))).and_then(|n| n.text());
    assert_eq!(summary, Some("Checked <b>tags</b> & \"quotes\" again."));
}
