//! The icons browsers and phones ask for by convention: `/favicon.ico`, `/apple-touch-icon.png`,
//! `/icon-192.png`, `/icon-512.png`, and `/site.webmanifest` naming them. All are drawn once from
//! the SVG marks in `static/` with resvg, the first time any is asked for.

use super::WebError;
use super::http::methods::page;
use super::share::raster;
use actix_web::HttpResponse;
use actix_web::http::header::{self, CacheControl, CacheDirective};
use actix_web::web::{self, Bytes};
use std::sync::LazyLock;

/// The browser-tab mark (rounded, transparent corners).
const MARK: &str = include_str!("../../static/favicon.svg");
/// The same mark on a full square, for home screens that round or mask the corners themselves.
const SQUARE: &str = include_str!("../../static/touch-icon.svg");

/// The colour of the site header, which browsers paint around the page.
pub const THEME_COLOR: &str = "#14213d";
const BACKGROUND_COLOR: &str = "#f4f5f8";

struct Icons {
    favicon: Bytes,
    touch: Bytes,
    icon_192: Bytes,
    icon_512: Bytes,
}

static ICONS: LazyLock<Result<Icons, String>> = LazyLock::new(|| {
    let draw = |svg: &str, side: u32| raster::png(svg, side, side).map_err(|e| format!("{e:#}"));
    let sizes = [16, 32, 48].map(|side| draw(MARK, side).map(|png| (side, png)));
    let favicon = raster::ico(&sizes.into_iter().collect::<Result<Vec<_>, _>>()?);
    Ok(Icons {
        favicon: favicon.into(),
        touch: draw(SQUARE, 180)?.into(),
        icon_192: draw(SQUARE, 192)?.into(),
        icon_512: draw(SQUARE, 512)?.into(),
    })
});

fn respond(content_type: &'static str, body: Bytes) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type))
        .insert_header(CacheControl(vec![CacheDirective::Public, CacheDirective::MaxAge(86_400)]))
        .body(body)
}

fn icon(pick: fn(&Icons) -> &Bytes, content_type: &'static str) -> Result<HttpResponse, WebError> {
    match &*ICONS {
        Ok(icons) => Ok(respond(content_type, pick(icons).clone())),
        Err(e) => Err(WebError::Internal(anyhow::anyhow!("while drawing the icons: {e}"))),
    }
}

async fn favicon() -> Result<HttpResponse, WebError> {
    icon(|i| &i.favicon, "image/x-icon")
}

async fn touch_icon() -> Result<HttpResponse, WebError> {
    icon(|i| &i.touch, "image/png")
}

async fn icon_192() -> Result<HttpResponse, WebError> {
    icon(|i| &i.icon_192, "image/png")
}

async fn icon_512() -> Result<HttpResponse, WebError> {
    icon(|i| &i.icon_512, "image/png")
}

async fn web_manifest() -> HttpResponse {
    respond("application/manifest+json", Bytes::from(manifest()))
}

/// The web app manifest: names, colours and icons, so a saved link looks like the site.
fn manifest() -> String {
    serde_json::json!({
        "name": "jobzone: AI job-risk assessments",
        "short_name": "jobzone",
        "description": "Independent assessments of how exposed job roles are to AI, each worked through with one published formula.",
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [
            {"src": "/icon-192.png", "sizes": "192x192", "type": "image/png"},
            {"src": "/icon-512.png", "sizes": "512x512", "type": "image/png"},
            {"src": "/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
            {"src": "/static/favicon.svg", "sizes": "any", "type": "image/svg+xml"},
        ],
    })
    .to_string()
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(page("/favicon.ico", favicon))
        .service(page("/apple-touch-icon.png", touch_icon))
        .service(page("/icon-192.png", icon_192))
        .service(page("/icon-512.png", icon_512))
        .service(page("/site.webmanifest", web_manifest));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_icon_is_drawn_at_its_size() {
        let icons = ICONS.as_ref().expect("icons draw");
        assert_eq!(raster::png_size(&icons.touch), Some((180, 180)));
        assert_eq!(raster::png_size(&icons.icon_192), Some((192, 192)));
        assert_eq!(raster::png_size(&icons.icon_512), Some((512, 512)));
        assert_eq!(&icons.favicon[..6], &[0, 0, 1, 0, 3, 0], "an ICO with three images");
    }

    #[test]
    fn the_manifest_names_the_site_its_theme_colour_and_existing_icons() {
        let m: serde_json::Value = serde_json::from_str(&manifest()).expect("valid JSON");
        assert_eq!(m["theme_color"], THEME_COLOR);
        assert_eq!(m["short_name"], "jobzone");
        let sources: Vec<&str> =
            m["icons"].as_array().expect("icons").iter().filter_map(|i| i["src"].as_str()).collect();
        assert!(sources.contains(&"/icon-512.png") && sources.contains(&"/icon-192.png"), "{sources:?}");
    }
}
