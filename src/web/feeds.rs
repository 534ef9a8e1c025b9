//! Atom feeds (RFC 4287) of the score history: one per role at `/roles/{slug}/feed.xml`, one
//! per scored occupation at `/occupations/{code}/feed.xml`, and the site's at `/feed.xml` (every
//! editor role's history). One entry per history row, read from the catalogue's history, the
//! same rows the page's "Score history" and the update emails show. Entry ids are name-based
//! UUIDs of the assessment and the row's date, methodology version and score, so appending a
//! row never changes an existing id and readers never see an old change again as new.

use super::http::etag::{Etagged, urn_uuid};
use super::http::ids::{RoleSlug, SocCode};
use super::{State, WebError, with_catalogue};
use crate::assessment::{Assessment, Key};
use crate::catalogue::{history, read};
use crate::history::Point;
use crate::methodology::Methodology;
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

/// Entries in the site-wide feed; older changes stay on the role pages.
pub const SITE_FEED_ENTRIES: usize = 100;
const CONTENT_TYPE: &str = "application/atom+xml; charset=utf-8";
const MAX_AGE: u32 = 900;
const AUTHOR: &str = "jobzone editors";
const RIGHTS: &str = "jobzone figures are published under CC BY 4.0; see /data";

/// templates/feed.xml
#[derive(Template)]
#[template(path = "feed.xml")]
pub struct FeedTemplate {
    pub feed: Feed,
}

pub struct Feed {
    pub id: String,
    pub title: String,
    pub subtitle: String,
    /// RFC 3339.
    pub updated: String,
    pub author: &'static str,
    pub author_uri: String,
    pub self_url: String,
    pub alternate_url: String,
    pub rights: String,
    /// Newest first.
    pub entries: Vec<Entry>,
}

pub struct Entry {
    pub id: String,
    pub title: String,
    pub updated: String,
    pub url: String,
    pub summary: String,
}

/// Text without the characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF); askama
/// escapes the rest.
pub fn xml_text(s: &str) -> String {
    s.chars()
        .filter(|&c| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..))
        .collect()
}

/// An ISO date as an RFC 3339 timestamp at midnight UTC.
fn timestamp(date: &str) -> String {
    format!("{date}T00:00:00Z")
}

/// One entry per history row of the assessment named `name` at `page`, oldest first.
fn entries(m: &Methodology, page: &str, name: &str, rows: &[Point]) -> Vec<Entry> {
    let name = xml_text(name);
    rows.iter()
        .map(|p| {
            let score = crate::history::score_text(p.score, m.scale.decimals);
            let zone = &m.zone(p.zone).name;
            Entry {
                id: urn_uuid(&[
                    p.key.kind().as_str().as_bytes(),
                    p.key.id().as_bytes(),
                    p.date.as_bytes(),
                    p.methodology.as_bytes(),
                    score.as_bytes(),
                ]),
                title: format!(
                    "{name}: {score}/100, {} zone, under methodology {}",
                    xml_text(zone),
                    xml_text(&p.methodology)
                ),
                updated: timestamp(&xml_text(&p.date)),
                url: format!("{page}#history"),
                summary: xml_text(&p.reason),
            }
        })
        .collect()
}

fn newest_first(entries: &mut [Entry]) {
    entries.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.title.cmp(&b.title)));
}

/// The feed of one assessment's history.
fn assessment_feed(site: &State, m: &Methodology, a: &Assessment, rows: &[Point], kind: &str) -> Feed {
    let base = &site.base_url;
    let page = format!("{base}{}", a.key.url());
    let name = xml_text(&a.display_name());
    let mut entries = entries(m, &page, &name, rows);
    newest_first(&mut entries);
    Feed {
        id: urn_uuid(&[format!("jobzone {kind} feed").as_bytes(), a.key.id().as_bytes()]),
        title: format!("jobzone: {name}"),
        subtitle: format!(
            "Score history of the AI job-risk assessment of {name}: every change of score, zone or methodology, and why; it now scores {}/100.",
            crate::history::score_text(a.card.score, m.scale.decimals)
        ),
        updated: entries.first().map_or_else(|| timestamp(&xml_text(&a.updated)), |e| e.updated.clone()),
        author: AUTHOR,
        author_uri: format!("{base}/"),
        self_url: format!("{page}/feed.xml"),
        alternate_url: page,
        rights: RIGHTS.into(),
        entries,
    }
}

fn respond(req: &HttpRequest, feed: Feed) -> Result<HttpResponse, WebError> {
    let body = FeedTemplate { feed }.render().map_err(|e| WebError::internal("while rendering a feed", e))?;
    Ok(Etagged::new(body).respond(req, CONTENT_TYPE, MAX_AGE))
}

/// An assessment and its history, if `key` names one.
async fn with_history(site: &State, key: Key) -> Result<Option<(Assessment, Vec<Point>)>, WebError> {
    with_catalogue(site, move |c| {
        let conn = c.conn();
        let Some(a) = read::assessment(&conn, &key)? else { return Ok(None) };
        Ok(Some((a, history::of(&conn, &key)?)))
    })
    .await
}

pub async fn role_feed(req: HttpRequest, site: State, slug: RoleSlug) -> Result<HttpResponse, WebError> {
    let Some((a, rows)) = with_history(&site, slug.key()).await? else {
        // A renamed role's feed follows it, as its page, badge and card do.
        let to = with_catalogue(&site, move |c| read::renamed_to(&c.conn(), &slug)).await?;
        return match to {
            Some(to) => Ok(super::http::render::moved_permanently(&format!("/roles/{to}/feed.xml"))),
            None => Err(WebError::NotFound),
        };
    };
    let m = site.catalogue().methodology.clone();
    respond(&req, assessment_feed(&site, &m, &a, &rows, "role"))
}

pub async fn occupation_feed(req: HttpRequest, site: State, code: SocCode) -> Result<HttpResponse, WebError> {
    let Some((a, rows)) = with_history(&site, code.key()).await? else { return Err(WebError::NotFound) };
    let m = site.catalogue().methodology.clone();
    respond(&req, assessment_feed(&site, &m, &a, &rows, "occupation"))
}

/// Generated once per catalogue: it reads every role's history.
pub async fn site_feed(req: HttpRequest, site: State) -> Result<HttpResponse, WebError> {
    if let Some(feed) = site.generation().generated.site_feed.get() {
        return Ok(feed.respond(&req, CONTENT_TYPE, MAX_AGE));
    }
    let base = site.base_url.clone();
    let m = site.catalogue().methodology.clone();
    let mut all = with_catalogue(&site, move |c| {
        let conn = c.conn();
        let rows = history::of_roles(&conn)?;
        let mut all = Vec::new();
        for card in read::all_roles(&conn)? {
            let own: Vec<Point> = rows.iter().filter(|p| p.key == card.key).cloned().collect();
            all.extend(entries(&m, &format!("{base}{}", card.key.url()), &card.display_name(), &own));
        }
        Ok(all)
    })
    .await?;
    newest_first(&mut all);
    all.truncate(SITE_FEED_ENTRIES);
    let base = &site.base_url;
    let feed = Feed {
        id: urn_uuid(&[b"jobzone site feed"]),
        title: "jobzone: every editor assessment's score history".into(),
        subtitle: "Each change of score, zone or methodology of an editor-reviewed AI job-risk assessment, and why, newest first.".into(),
        updated: all.first().map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |e| e.updated.clone()),
        author: AUTHOR,
        author_uri: format!("{base}/"),
        self_url: format!("{base}/feed.xml"),
        alternate_url: format!("{base}/"),
        rights: RIGHTS.into(),
        entries: all,
    };
    let body = FeedTemplate { feed }.render().map_err(|e| WebError::internal("while rendering a feed", e))?;
    Ok(site.generation().generated.site_feed.get_or_init(|| Etagged::new(body)).respond(&req, CONTENT_TYPE, MAX_AGE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_drops_only_what_xml_forbids() {
        assert_eq!(xml_text("a\u{0}b\u{1b}c\u{FFFE}\td\ne"), "abc\td\ne");
        assert_eq!(xml_text("caf\u{e9} <&> \u{1F600}"), "caf\u{e9} <&> \u{1F600}");
    }
}
