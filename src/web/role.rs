//! `/roles/{slug}`: an editor-reviewed role's assessment page, and `/roles/{slug}/feed.xml`, its
//! revision feed.

use super::assessment;
use super::render::{self, PageMeta};
use super::{State, WebError, with_catalogue};
use crate::assessment::{Assessment, Key};
use crate::catalogue::read;
use crate::content::validate_slug;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

/// How many roles the "compare with" form offers.
const COMPARE_CHOICES: usize = 300;

pub async fn role_page(req: HttpRequest, site: State, slug: web::Path<String>) -> Result<HttpResponse, WebError> {
    let slug = slug.into_inner();
    if !validate_slug(&slug) {
        return Err(WebError::NotFound);
    }
    let (page, renamed, others) = with_catalogue(&site, move |c| {
        let conn = c.conn();
        let page = read::assessment_page(&conn, &Key::role(slug.as_str()))?;
        let renamed = if page.is_none() { read::renamed_to(&conn, &slug)? } else { None };
        let others = if page.is_some() { read::compare_candidates(&conn, &slug, COMPARE_CHOICES)? } else { Vec::new() };
        Ok((page, renamed, others))
    })
    .await?;
    match (page, renamed) {
        (Some(page), _) => {
            let meta = meta(&site, &page.a);
            render::page(&req, &site, &assessment::build(&site, meta, page, others, None))
        }
        (None, Some(to)) => Ok(render::moved_permanently(&format!("/roles/{to}"))),
        (None, None) => Err(WebError::NotFound),
    }
}

/// Title and description of an assessment page, for its head and share previews.
pub(super) fn meta(site: &super::Site, a: &Assessment) -> PageMeta {
    let m = &site.catalogue.methodology;
    let name = a.display_name();
    let zone = &m.zone(a.zone).name;
    let subject = match a.key.kind {
        crate::assessment::Kind::Role => format!("{name} jobs"),
        crate::assessment::Kind::Occupation => name.clone(),
    };
    PageMeta {
        og_type: "article",
        ..PageMeta::new(
            site,
            &a.key.url(),
            format!("Will AI replace {subject}? {:.1}/100, {zone} zone", a.card.score),
            format!(
                "{name} scores {:.1}/100 on the jobzone AI job-risk index: {zone} zone. Task breakdown, evidence, barriers, the full calculation and safer work to move to.",
                a.card.score
            ),
        )
    }
}

/// templates/role_feed.xml
#[derive(Template)]
#[template(path = "role_feed.xml")]
pub struct RoleFeed {
    pub base_url: String,
    pub a: Assessment,
}

impl RoleFeed {
    fn revisions(&self) -> &[crate::assessment::Revision] {
        self.a.editorial.as_ref().map_or(&[], |e| e.revisions.as_slice())
    }
}

pub async fn role_feed(site: State, slug: web::Path<String>) -> Result<HttpResponse, WebError> {
    let slug = slug.into_inner();
    if !validate_slug(&slug) {
        return Err(WebError::NotFound);
    }
    let a = with_catalogue(&site, move |c| read::assessment(&c.conn(), &Key::role(slug)))
        .await?
        .ok_or(WebError::NotFound)?;
    let feed = RoleFeed { base_url: site.base_url.clone(), a };
    let body = feed.render().map_err(|e| WebError::Internal(format!("feed template: {e}")))?;
    Ok(HttpResponse::Ok().insert_header((header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")).body(body))
}
