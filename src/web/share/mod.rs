//! Sharing an assessment: the card behind `og:image` (`/cards/...png`), the embeddable badge
//! (`/badge/...svg`) with its "Embed this score" snippet, and the page's JSON-LD.

pub mod badge;
pub mod card;
pub mod jsonld;

pub use card::{CardCache, ShareCard};

use super::render;
use super::{Site, State, WebError, page_route, with_catalogue};
use crate::catalogue::models::{RolePage, RoleSummary};
use crate::catalogue::read;
use crate::content::{is_soc_code, validate_slug};
use crate::methodology::Methodology;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

/// A page's `og:image`: where it is, its size and what it shows in words.
pub struct ShareImage {
    pub url: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

/// What a role page adds for sharing; the partials `jsonld.html` and `embed.html` read it.
pub struct RoleShare {
    /// JSON-LD, already safe to place inside `<script>`.
    pub jsonld: String,
    /// `/badge/roles/{slug}.svg`, for the preview on our own page.
    pub badge_path: String,
    pub badge_alt: String,
    /// The HTML a reader copies to show the badge on their site.
    pub embed_html: String,
}

/// templates/share/embed_snippet.html: the snippet itself, shown escaped in a text box.
#[derive(Template)]
#[template(path = "share/embed_snippet.html")]
struct EmbedSnippet<'a> {
    page_url: &'a str,
    badge_url: &'a str,
    alt: &'a str,
}

/// A role's card: title, seniority, experience and category, score and zone.
pub fn role_card(m: &Methodology, s: &RoleSummary) -> ShareCard {
    ShareCard {
        title: s.title.clone(),
        subtitle: format!("{} ({}) \u{b7} {}", s.seniority, s.experience, s.category),
        score: s.score,
        zone_key: s.zone.clone(),
        zone_name: m.zone(&s.zone).map_or_else(|| s.zone.clone(), |z| z.name.clone()),
    }
}

/// The words of a card or badge, for `alt` text.
fn describe(card: &ShareCard, name: &str) -> String {
    format!("{name}: {:.1} out of 100 on the jobzone AI job-risk index, {} zone", card.score, card.zone_name)
}

/// The `og:image` of a role page. The catalogue version in the query makes previews that
/// caches keep by URL refresh when an assessment changes.
pub fn role_image(site: &Site, s: &RoleSummary) -> ShareImage {
    let card = role_card(&site.catalogue.methodology, s);
    ShareImage {
        url: format!("{}/cards/roles/{}.png?v={}", site.base_url, s.slug, site.catalogue.version),
        width: card::WIDTH,
        height: card::HEIGHT,
        alt: describe(&card, &s.display_name()),
    }
}

impl RoleShare {
    pub fn new(site: &Site, r: &RolePage) -> RoleShare {
        let s = &r.summary;
        let page_url = format!("{}{}", site.base_url, s.url());
        let home = format!("{}/", site.base_url);
        let ld = jsonld::OccupationLd {
            name: s.title.clone(),
            description: r.primary_function.clone(),
            code: s.occupation.clone(),
            alternate_names: r.aliases.clone(),
            experience: Some(format!("{} ({})", s.seniority, s.experience)),
            url: page_url.clone(),
            // Roles carry no OEWS wages yet; the occupations branch supplies them.
            salary: None,
            crumbs: vec![
                ("Home".into(), home),
                ("Roles".into(), format!("{}/roles", site.base_url)),
                (s.display_name(), page_url.clone()),
            ],
        };
        let badge_path = format!("/badge/roles/{}.svg", s.slug);
        let badge_alt = describe(&role_card(&site.catalogue.methodology, s), &s.display_name());
        let badge_url = format!("{}{badge_path}", site.base_url);
        let embed_html = EmbedSnippet { page_url: &page_url, badge_url: &badge_url, alt: &badge_alt }
            .render()
            .map(|html| html.trim().to_string())
            .unwrap_or_default();
        RoleShare { jsonld: jsonld::script_body(&ld), badge_path, badge_alt, embed_html }
    }
}

/// An occupation's card, once occupations carry a score. Today's catalogue scores roles only,
/// so every code answers 404; the data-derived scores branch reads the occupation's assessment
/// here (through `with_catalogue`) and returns its card, e.g. the occupation's title, a subtitle
/// such as "O*NET-SOC 29-1141.00 · estimate from data", its score and zone.
async fn occupation_card(_site: &State, code: &str) -> Result<ShareCard, WebError> {
    if !is_soc_code(code) {
        return Err(WebError::NotFound);
    }
    Err(WebError::NotFound)
}

/// How long a reader's browser or a CDN may keep a card or badge before revalidating.
const CARD_MAX_AGE: u32 = 86_400;
const BADGE_MAX_AGE: u32 = 3_600;

/// A role by slug; an old slug answers with the new one, so embedded badges survive a rename.
enum Lookup {
    Found(Box<RoleSummary>),
    Renamed(String),
}

async fn lookup_role(site: &State, slug: String) -> Result<Lookup, WebError> {
    if !validate_slug(&slug) {
        return Err(WebError::NotFound);
    }
    let (summary, renamed) = with_catalogue(site, move |c| {
        let conn = c.conn();
        let summary = read::role_summary(&conn, &slug)?;
        let renamed = if summary.is_none() { read::renamed_to(&conn, &slug)? } else { None };
        Ok((summary, renamed))
    })
    .await?;
    match (summary, renamed) {
        (Some(s), _) => Ok(Lookup::Found(Box::new(s))),
        (None, Some(to)) => Ok(Lookup::Renamed(to)),
        (None, None) => Err(WebError::NotFound),
    }
}

/// The PNG for `key`, from the cache or drawn on the blocking pool.
async fn card_png(req: &HttpRequest, site: &State, key: String, card: ShareCard) -> Result<HttpResponse, WebError> {
    if let Some(unchanged) = render::not_modified(req, site) {
        return Ok(unchanged);
    }
    let shared = site.clone().into_inner();
    let png = web::block(move || {
        let zones = &shared.catalogue.methodology.zones;
        shared.cards.get_or_draw(&shared.catalogue.version, &key, || card::png(&card, zones))
    })
    .await
    .map_err(|e| WebError::Internal(e.to_string()))?
    .map_err(|e| WebError::Internal(format!("share card: {e:#}")))?;
    Ok(render::generated(site, "image/png", CARD_MAX_AGE, png))
}

fn badge_svg(req: &HttpRequest, site: &Site, card: &ShareCard) -> Result<HttpResponse, WebError> {
    if let Some(unchanged) = render::not_modified(req, site) {
        return Ok(unchanged);
    }
    let svg = badge::svg(card).map_err(|e| WebError::Internal(format!("badge: {e}")))?;
    Ok(render::generated(site, "image/svg+xml", BADGE_MAX_AGE, svg))
}

pub async fn role_card_png(req: HttpRequest, site: State, slug: web::Path<String>) -> Result<HttpResponse, WebError> {
    match lookup_role(&site, slug.into_inner()).await? {
        Lookup::Found(s) => {
            let card = role_card(&site.catalogue.methodology, &s);
            card_png(&req, &site, format!("roles/{}", s.slug), card).await
        }
        Lookup::Renamed(to) => Ok(render::moved_permanently(&format!("/cards/roles/{to}.png"))),
    }
}

pub async fn role_badge(req: HttpRequest, site: State, slug: web::Path<String>) -> Result<HttpResponse, WebError> {
    match lookup_role(&site, slug.into_inner()).await? {
        Lookup::Found(s) => badge_svg(&req, &site, &role_card(&site.catalogue.methodology, &s)),
        Lookup::Renamed(to) => Ok(render::moved_permanently(&format!("/badge/roles/{to}.svg"))),
    }
}

pub async fn occupation_card_png(
    req: HttpRequest,
    site: State,
    code: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let code = code.into_inner();
    let card = occupation_card(&site, &code).await?;
    card_png(&req, &site, format!("occupations/{code}"), card).await
}

pub async fn occupation_badge(
    req: HttpRequest,
    site: State,
    code: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let card = occupation_card(&site, &code.into_inner()).await?;
    badge_svg(&req, &site, &card)
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/cards/roles/{slug}.png", page_route().to(role_card_png))
        .route("/cards/occupations/{code}.png", page_route().to(occupation_card_png))
        .route("/badge/roles/{slug}.svg", page_route().to(role_badge))
        .route("/badge/occupations/{code}.svg", page_route().to(occupation_badge));
}
