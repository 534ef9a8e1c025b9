//! Sharing an assessment: the card behind `og:image` (`/cards/...png`), the embeddable badge
//! (`/badge/...svg`) with its "Embed this score" snippet, and the page's JSON-LD.

pub mod badge;
pub mod card;
pub mod jsonld;
pub mod raster;

pub use card::{CardCache, ShareCard};

use super::http::ids::{RoleSlug, SocCode};
use super::http::methods::page;
use super::http::render;
use super::{State, WebError, with_catalogue};
use crate::assessment::{Assessment, Key, Kind};
use crate::catalogue::models::Card;
use crate::catalogue::read;
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

/// What an assessment page adds for sharing; the partials `jsonld.html` and `embed.html` read it.
pub struct PageShare {
    /// JSON-LD, already safe to place inside `<script>`.
    pub jsonld: String,
    /// `/badge/roles/{slug}.svg` or `/badge/occupations/{code}.svg`, for the preview on our page.
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

/// "roles/backend-api-developer-mid-level" or "occupations/29-1141.00": where a card or badge lives.
fn path_of(key: &Key) -> String {
    match key.kind() {
        Kind::Role => format!("roles/{}", key.id()),
        Kind::Occupation => format!("occupations/{}", key.id()),
    }
}

/// A card's words: title, a subtitle, score and zone.
pub fn share_card(m: &Methodology, c: &Card) -> ShareCard {
    let subtitle = match (&c.seniority, &c.experience) {
        (Some(level), Some(years)) => format!("{level} ({years}) \u{b7} {}", c.category),
        _ => format!("O*NET-SOC {} \u{b7} estimate from published data", c.occupation),
    };
    ShareCard {
        title: c.title.clone(),
        subtitle,
        score: c.score,
        zone_key: c.zone.as_str().to_string(),
        zone_name: m.zone(c.zone).name.clone(),
    }
}

/// The words of a card or badge, for `alt` text.
fn describe(card: &ShareCard, name: &str) -> String {
    format!("{name}: {:.1} out of 100 on the jobzone AI job-risk index, {} zone", card.score, card.zone_name)
}

/// The `og:image` of an assessment page. The catalogue version in the query makes previews that
/// caches keep by URL refresh when an assessment changes.
pub fn image(site: &State, c: &Card) -> ShareImage {
    let card = share_card(&site.catalogue().methodology, c);
    ShareImage {
        url: format!("{}/cards/{}.png?v={}", site.base_url, path_of(&c.key), site.catalogue().version),
        width: card::WIDTH,
        height: card::HEIGHT,
        alt: describe(&card, &c.display_name()),
    }
}

impl PageShare {
    /// `description` says what the work is: the editor's primary function, or O*NET's description.
    pub fn new(site: &State, a: &Assessment, c: &Card, description: &str) -> PageShare {
        let page_url = format!("{}{}", site.base_url, c.url());
        let home = format!("{}/", site.base_url);
        let (section, section_url) = match c.key.kind() {
            Kind::Role => ("Roles", format!("{}/roles", site.base_url)),
            Kind::Occupation => ("Occupations", format!("{}/occupations", site.base_url)),
        };
        let ld = jsonld::OccupationLd {
            name: c.title.clone(),
            description: description.to_string(),
            code: c.occupation.clone(),
            alternate_names: a.aliases.clone(),
            experience: a.seniority.as_ref().map(|s| format!("{} ({})", s.level, s.experience)),
            url: page_url.clone(),
            salary: a
                .data
                .as_ref()
                .and_then(|f| f.median_wage_2025)
                .map(|median| jsonld::Salary { median, ..jsonld::Salary::default() }),
            crumbs: vec![("Home".into(), home), (section.into(), section_url), (c.display_name(), page_url.clone())],
        };
        let badge_path = format!("/badge/{}.svg", path_of(&c.key));
        let badge_alt = describe(&share_card(&site.catalogue().methodology, c), &c.display_name());
        let badge_url = format!("{}{badge_path}", site.base_url);
        let embed_html = EmbedSnippet { page_url: &page_url, badge_url: &badge_url, alt: &badge_alt }
            .render()
            .map(|html| html.trim().to_string())
            .unwrap_or_default();
        PageShare { jsonld: jsonld::script_body(&ld), badge_path, badge_alt, embed_html }
    }
}

/// How long a reader's browser or a CDN may keep a card or badge before revalidating.
const CARD_MAX_AGE: u32 = 86_400;
const BADGE_MAX_AGE: u32 = 3_600;

/// An assessment's card by key; a role's old slug answers with the new one, so embedded badges
/// survive a rename.
enum Lookup {
    Found(Box<Card>),
    Renamed(String),
}

async fn lookup(site: &State, key: Key) -> Result<Lookup, WebError> {
    let (card, renamed) = with_catalogue(site, move |c| {
        let conn = c.conn();
        let card = read::card_of(&conn, &key)?;
        let renamed = match (&card, &key) {
            (None, Key::Role(slug)) => read::renamed_to(&conn, slug)?,
            _ => None,
        };
        Ok((card, renamed))
    })
    .await?;
    match (card, renamed) {
        (Some(c), _) => Ok(Lookup::Found(Box::new(c))),
        (None, Some(to)) => Ok(Lookup::Renamed(to)),
        (None, None) => Err(WebError::NotFound),
    }
}

/// The PNG for `key`, from the cache or drawn on the blocking pool.
async fn card_png(req: &HttpRequest, site: &State, key: String, card: ShareCard) -> Result<HttpResponse, WebError> {
    if let Some(unchanged) = render::not_modified(req, site) {
        return Ok(unchanged);
    }
    let shared = site.clone();
    let png = web::block(move || {
        let generation = shared.generation();
        let zones = &generation.catalogue.methodology.zones;
        generation.cards.get_or_draw(&generation.catalogue.version, &key, || card::png(&card, zones))
    })
    .await
    .map_err(|e| WebError::internal("while waiting for a blocking thread", e))?
    .map_err(|e| WebError::internal("while drawing a share card", e))?;
    Ok(render::generated(site, "image/png", CARD_MAX_AGE, png))
}

fn badge_svg(req: &HttpRequest, site: &State, card: &ShareCard) -> Result<HttpResponse, WebError> {
    if let Some(unchanged) = render::not_modified(req, site) {
        return Ok(unchanged);
    }
    let svg = badge::svg(card).map_err(|e| WebError::internal("while drawing a badge", e))?;
    Ok(render::generated(site, "image/svg+xml", BADGE_MAX_AGE, svg))
}

pub async fn role_card_png(req: HttpRequest, site: State, slug: RoleSlug) -> Result<HttpResponse, WebError> {
    match lookup(&site, slug.key()).await? {
        Lookup::Found(c) => {
            let card = share_card(&site.catalogue().methodology, &c);
            card_png(&req, &site, path_of(&c.key), card).await
        }
        Lookup::Renamed(to) => Ok(render::moved_permanently(&format!("/cards/roles/{to}.png"))),
    }
}

pub async fn role_badge(req: HttpRequest, site: State, slug: RoleSlug) -> Result<HttpResponse, WebError> {
    match lookup(&site, slug.key()).await? {
        Lookup::Found(c) => badge_svg(&req, &site, &share_card(&site.catalogue().methodology, &c)),
        Lookup::Renamed(to) => Ok(render::moved_permanently(&format!("/badge/roles/{to}.svg"))),
    }
}

pub async fn occupation_card_png(req: HttpRequest, site: State, code: SocCode) -> Result<HttpResponse, WebError> {
    match lookup(&site, code.key()).await? {
        Lookup::Found(c) => {
            let card = share_card(&site.catalogue().methodology, &c);
            card_png(&req, &site, path_of(&c.key), card).await
        }
        Lookup::Renamed(_) => Err(WebError::NotFound),
    }
}

pub async fn occupation_badge(req: HttpRequest, site: State, code: SocCode) -> Result<HttpResponse, WebError> {
    match lookup(&site, code.key()).await? {
        Lookup::Found(c) => badge_svg(&req, &site, &share_card(&site.catalogue().methodology, &c)),
        Lookup::Renamed(_) => Err(WebError::NotFound),
    }
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(page("/cards/roles/{slug}.png", role_card_png))
        .service(page("/cards/occupations/{code}.png", occupation_card_png))
        .service(page("/badge/roles/{slug}.svg", role_badge))
        .service(page("/badge/occupations/{code}.svg", occupation_badge));
}
