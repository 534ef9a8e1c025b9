//! `/roles/{slug}`: an editor-reviewed role's assessment page (its revision feed is in `feeds`).

use super::assessment;
use super::http::ids::RoleSlug;
use super::http::render::{self, PageMeta};
use super::{State, WebError, with_catalogue};
use crate::assessment::Assessment;
use crate::catalogue::read;
use actix_web::HttpResponse;

/// How many roles the "compare with" form offers.
const COMPARE_CHOICES: usize = 300;

pub async fn role_page(site: State, slug: RoleSlug) -> Result<HttpResponse, WebError> {
    let (page, renamed, others) = with_catalogue(&site, move |c| {
        let conn = c.conn();
        let page = read::assessment_page(&conn, &slug.key())?;
        let renamed = if page.is_none() { read::renamed_to(&conn, &slug)? } else { None };
        let others =
            if page.is_some() { read::compare_candidates(&conn, slug.as_str(), COMPARE_CHOICES)? } else { Vec::new() };
        Ok((page, renamed, others))
    })
    .await?;
    match (page, renamed) {
        (Some(page), _) => {
            let meta = meta(&site, &page.a);
            render::page(&assessment::build(&site, meta, page, others, None))
        }
        (None, Some(to)) => Ok(render::moved_permanently(&format!("/roles/{to}"))),
        (None, None) => Err(WebError::NotFound),
    }
}

/// Title and description of an assessment page, for its head and share previews.
pub(super) fn meta(site: &State, a: &Assessment) -> PageMeta {
    let m = &site.catalogue().methodology;
    let name = a.display_name();
    let zone = &m.zone(a.zone).name;
    let subject = match a.key.kind() {
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
