//! Share cards: the 1200x630 PNG a link preview shows (title, score, zone in its colour, the
//! site's name), drawn as SVG by `templates/share/card.svg` and rasterised once per catalogue.

use super::raster;
use crate::methodology::Zone;
use actix_web::web::Bytes;
use anyhow::Result;
use askama::Template;
use std::collections::HashMap;
use std::sync::Mutex;

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// What a card shows. Roles fill it in today; scored occupations can be fed in the same way.
#[derive(Debug, Clone)]
pub struct ShareCard {
    /// "Backend/API Developer".
    pub title: String,
    /// "Mid-Level (3-5 years) · Software Development".
    pub subtitle: String,
    /// 0-100, shown to one decimal.
    pub score: f64,
    /// The zone key ("red"), which picks the colour.
    pub zone_key: String,
    /// The zone's name ("Red").
    pub zone_name: String,
}

/// The fill and the text colour on it for a zone, matching `static/style.css`.
pub fn zone_colours(key: &str) -> (&'static str, &'static str) {
    match key {
        "red" => ("#d7373f", "#ffffff"),
        "yellow" => ("#e9a400", "#1d1600"),
        "green" => ("#1b7a4d", "#ffffff"),
        _ => ("#5a6078", "#ffffff"),
    }
}

/// One zone's stretch of the 0-100 scale, in card pixels.
pub struct Band {
    pub x: f64,
    pub width: f64,
    pub fill: &'static str,
}

/// templates/share/card.svg
#[derive(Template)]
#[template(path = "share/card.svg")]
struct CardSvg {
    font: &'static str,
    title_lines: Vec<String>,
    title_size: f32,
    /// Baseline of the first title line; the others follow at `line_height`.
    title_top: f32,
    line_height: f32,
    subtitle: String,
    subtitle_y: f32,
    score: String,
    /// Where "/100" starts, after the score.
    out_of_x: f32,
    pill_x: f32,
    pill_width: f32,
    pill_text: String,
    fill: &'static str,
    ink: &'static str,
    bands: Vec<Band>,
    marker_x: f64,
}

const MARGIN: f32 = 72.0;
const TEXT_WIDTH: f32 = WIDTH as f32 - 2.0 * MARGIN;
const SCALE_X: f64 = 72.0;
const SCALE_WIDTH: f64 = 1056.0;

/// The card as SVG: the title takes one line at full size, else shrinks to fit two lines,
/// and only then is cut with an ellipsis.
pub fn svg(card: &ShareCard, zones: &[Zone]) -> Result<String> {
    let title = raster::xml_text(&card.title);
    let mut fitted = (66.0, raster::wrap(&title, 66.0, true, TEXT_WIDTH, 1));
    for size in [54.0, 46.0] {
        if !fitted.1.1 {
            break;
        }
        fitted = (size, raster::wrap(&title, size, true, TEXT_WIDTH, 2));
    }
    let (title_size, (title_lines, _)) = fitted;
    let line_height = title_size * 1.2;
    // Two lines start higher, keeping the subtitle clear of the score.
    let title_top = if title_lines.len() > 1 { 204.0 } else { 228.0 };
    let subtitle_y = title_top + line_height * (title_lines.len() as f32 - 1.0) + 58.0;
    let subtitle = raster::wrap(&raster::xml_text(&card.subtitle), 30.0, false, TEXT_WIDTH, 1)
        .0
        .into_iter()
        .next()
        .unwrap_or_default();
    let score = format!("{:.1}", card.score);
    let out_of_x = MARGIN + raster::text_width(&score, 150.0, true) + 10.0;
    let pill_text = format!("{} zone", card.zone_name).to_uppercase();
    let pill_x = out_of_x + raster::text_width("/100", 48.0, false) + 44.0;
    let pill_width = raster::text_width(&pill_text, 34.0, true) + 64.0;
    let (fill, ink) = zone_colours(&card.zone_key);
    let x = |score: f64| SCALE_X + score.clamp(0.0, 100.0) / 100.0 * SCALE_WIDTH;
    let mut edges: Vec<(f64, &str)> = zones.iter().map(|z| (z.min_score, z.key.as_str())).collect();
    edges.sort_by(|a, b| a.0.total_cmp(&b.0));
    let bands = edges
        .iter()
        .enumerate()
        .map(|(i, (from, key))| {
            let to = edges.get(i + 1).map_or(100.0, |e| e.0);
            Band { x: x(*from), width: x(to) - x(*from), fill: zone_colours(key).0 }
        })
        .collect();
    let template = CardSvg {
        font: raster::FONT_FAMILY,
        title_lines,
        title_size,
        title_top,
        line_height,
        subtitle,
        subtitle_y,
        score,
        out_of_x,
        pill_x,
        pill_width,
        pill_text,
        fill,
        ink,
        bands,
        marker_x: x(card.score),
    };
    Ok(template.render()?)
}

/// The card as a 1200x630 PNG.
pub fn png(card: &ShareCard, zones: &[Zone]) -> Result<Vec<u8>> {
    raster::png(&svg(card, zones)?, WIDTH, HEIGHT)
}

/// Rendered cards of one catalogue, by key ("roles/backend-api-developer-mid-level"). A card
/// takes tens of milliseconds to draw, so each is drawn on its first request and kept until
/// the catalogue changes: the first request for another catalogue version empties it.
#[derive(Default)]
pub struct CardCache {
    inner: Mutex<(String, HashMap<String, Bytes>)>,
}

impl CardCache {
    /// The cached PNG for `key` in catalogue `version`, drawing it with `draw` when missing.
    /// Two first requests at once may both draw; the lock is never held while drawing.
    pub fn get_or_draw(&self, version: &str, key: &str, draw: impl FnOnce() -> Result<Vec<u8>>) -> Result<Bytes> {
        if let Some(png) = self.lookup(version, key) {
            return Ok(png);
        }
        let png = Bytes::from(draw()?);
        let mut guard = self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if guard.0 != version {
            *guard = (version.to_string(), HashMap::new());
        }
        guard.1.insert(key.to_string(), png.clone());
        Ok(png)
    }

    fn lookup(&self, version: &str, key: &str) -> Option<Bytes> {
        let guard = self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if guard.0 == version { guard.1.get(key).cloned() } else { None }
    }

    /// How many cards are kept.
    pub fn len(&self) -> usize {
        self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner).1.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zones() -> Vec<Zone> {
        [("green", "Green", 48.0), ("yellow", "Yellow", 25.0), ("red", "Red", 0.0)]
            .map(|(key, name, min_score)| Zone {
                key: crate::methodology::ZoneKey::parse(key).expect("a zone key"),
                name: name.into(),
                min_score,
                headline: String::new(),
                verdict: String::new(),
            })
            .to_vec()
    }

    fn card(title: &str) -> ShareCard {
        ShareCard {
            title: title.into(),
            subtitle: "Mid-Level (3-5 years) · Software <Development>".into(),
            score: 24.5,
            zone_key: "red".into(),
            zone_name: "Red".into(),
        }
    }

    #[test]
    fn a_card_shows_the_title_score_and_zone_in_its_colour() {
        let svg = svg(&card("Backend/API Developer"), &zones()).expect("renders");
        assert!(svg.contains(">Backend/API Developer<"), "{svg}");
        assert!(svg.contains(">24.5<") && svg.contains("RED ZONE"), "{svg}");
        assert!(svg.contains("#d7373f"));
        assert!(
            svg.contains("Software &#60;Development&#62;") || svg.contains("Software &lt;Development&gt;"),
            "{svg}"
        );
    }

    #[test]
    fn a_card_is_a_1200_by_630_png() {
        let png = png(&card("Registered Nurse"), &zones()).expect("renders");
        assert_eq!(raster::png_size(&png), Some((1200, 630)));
    }

    #[test]
    fn control_characters_noncharacters_and_the_longest_allowed_title_still_draw_a_card() {
        for title in ["Chief\u{1}\u{0}\u{b}\u{1b}\u{fffe}Executives", &"Wide W ".repeat(43)] {
            let png = png(&card(title), &zones()).unwrap_or_else(|e| panic!("{title:?} does not draw: {e:#}"));
            assert_eq!(raster::png_size(&png), Some((1200, 630)));
        }
    }

    #[test]
    fn a_long_title_wraps_to_two_lines_that_fit_the_card() {
        let long = "First-Line Supervisors of Landscaping, Lawn Service, and Groundskeeping Workers and Others";
        let svg = svg(&card(long), &zones()).expect("renders");
        assert_eq!(svg.matches("class=\"title\"").count(), 2, "{svg}");
        assert!(svg.contains('\u{2026}'));
    }

    #[test]
    fn the_cache_draws_once_per_catalogue_version() {
        let cache = CardCache::default();
        let mut draws = 0;
        for _ in 0..3 {
            cache
                .get_or_draw("v1", "roles/a", || {
                    draws += 1;
                    Ok(vec![1])
                })
                .expect("drawn");
        }
        assert_eq!(draws, 1);
        cache.get_or_draw("v2", "roles/b", || Ok(vec![2])).expect("drawn");
        assert_eq!(cache.len(), 1, "a new catalogue version starts afresh");
    }
}
