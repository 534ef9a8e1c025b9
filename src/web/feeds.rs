//! Atom feeds (RFC 4287) of editor revisions: one per role at `/roles/{slug}/feed.xml`, and the
//! whole site's at `/feed.xml`. Entry ids are name-based UUIDs of the role, the revision's date
//! and its note, so adding a revision never changes an existing id and readers never see an old
//! revision again as new.

use super::http::etag::{Etagged, urn_uuid};
use super::http::ids::RoleSlug;
use super::{State, WebError, with_catalogue};
use crate::assessment::{Assessment, Kind};
use crate::catalogue::read;
use actix_web::{HttpRequest, HttpResponse};
use askama::Template;

/// Entries in the site-wide feed; older revisions stay on the role pages.
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

/// One entry per revision of `a`, newest first.
fn entries(base_url: &str, a: &Assessment) -> Vec<Entry> {
    let name = xml_text(&a.display_name());
    let revisions = a.editorial.as_ref().map_or(&[][..], |e| e.revisions.as_slice());
    revisions
        .iter()
        .map(|v| Entry {
            id: urn_uuid(&[a.key.id().as_bytes(), v.date.as_bytes(), v.note.as_bytes()]),
            title: format!("{name}: assessment revised on {}", xml_text(&v.date)),
            updated: timestamp(&xml_text(&v.date)),
            url: format!("{base_url}{}#revisions", a.key.url()),
            summary: xml_text(&v.note),
        })
        .collect()
}

fn newest_first(entries: &mut [Entry]) {
    entries.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.title.cmp(&b.title)));
}

pub async fn role_feed(req: HttpRequest, site: State, slug: RoleSlug) -> Result<HttpResponse, WebError> {
    let (a, renamed) = with_catalogue(&site, move |c| {
        let conn = c.conn();
        let a = read::assessment(&conn, &slug.key())?;
        let renamed = if a.is_none() { read::renamed_to(&conn, &slug)? } else { None };
        Ok((a, renamed))
    })
    .await?;
    let a = match (a, renamed) {
        (Some(a), _) => a,
        // A renamed role's feed follows it, as its page, badge and card do.
        (None, Some(to)) => return Ok(super::http::render::moved_permanently(&format!("/roles/{to}/feed.xml"))),
        (None, None) => return Err(WebError::NotFound),
    };
    let base = &site.base_url;
    let page = format!("{base}{}", a.key.url());
    let mut entries = entries(base, &a);
    newest_first(&mut entries);
    let name = xml_text(&a.display_name());
    let feed = Feed {
        id: urn_uuid(&[b"jobzone role feed", a.key.id().as_bytes()]),
        title: format!("jobzone: {name}"),
        subtitle: format!("Revisions of the AI job-risk assessment of {name}; it now scores {:.1}/100.", a.card.score),
        updated: entries.first().map_or_else(|| timestamp(&xml_text(&a.updated)), |e| e.updated.clone()),
        author: AUTHOR,
        author_uri: format!("{base}/"),
        self_url: format!("{page}/feed.xml"),
        alternate_url: page,
        rights: RIGHTS.into(),
        entries,
    };
    let body = FeedTemplate { feed }.render().map_err(|e| WebError::internal("while rendering a feed", e))?;
    Ok(Etagged::new(body).respond(&req, CONTENT_TYPE, MAX_AGE))
}

/// Generated once per catalogue: it reads every role.
pub async fn site_feed(req: HttpRequest, site: State) -> Result<HttpResponse, WebError> {
    if let Some(feed) = site.generation().generated.site_feed.get() {
        return Ok(feed.respond(&req, CONTENT_TYPE, MAX_AGE));
    }
    let base = site.base_url.clone();
    let mut all = with_catalogue(&site, move |c| {
        let conn = c.conn();
        let mut all = Vec::new();
        for key in read::all_keys(&conn)?.into_iter().filter(|k| k.kind() == Kind::Role) {
            if let Some(a) = read::assessment(&conn, &key)? {
                all.extend(entries(&base, &a));
            }
        }
        Ok(all)
    })
    .await?;
    newest_first(&mut all);
    all.truncate(SITE_FEED_ENTRIES);
    let base = &site.base_url;
    let feed = Feed {
        id: urn_uuid(&[b"jobzone site feed"]),
        title: "jobzone: every assessment revision".into(),
        subtitle: "Each revision of an editor-reviewed AI job-risk assessment, newest first.".into(),
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
