//! The embeddable score badge: a small SVG (title | score and zone in the zone's colour) that
//! other sites show with an `<img>`. Text is measured with the shipped font and pinned with
//! `textLength`, so it fits whatever font the reader's browser falls back to.

use super::card::{ShareCard, zone_colours};
use super::raster;
use anyhow::Result;
use askama::Template;

const FONT_SIZE: f32 = 12.0;
const PAD: f32 = 8.0;
/// Titles longer than this are cut with an ellipsis.
const MAX_TITLE: f32 = 280.0;

/// templates/share/badge.svg
#[derive(Template)]
#[template(path = "share/badge.svg")]
struct BadgeSvg {
    /// The accessible name: the whole statement in words.
    label: String,
    title: String,
    title_width: f32,
    value: String,
    value_width: f32,
    /// Width of the title part; the value part starts here.
    left: f32,
    width: f32,
    fill: &'static str,
    ink: &'static str,
}

/// The badge for a role or a scored occupation.
pub fn svg(card: &ShareCard) -> Result<String> {
    let full_title = raster::xml_text(&card.title);
    let title = raster::wrap(&full_title, FONT_SIZE, false, MAX_TITLE, 1).0.into_iter().next().unwrap_or_default();
    let value = format!("{:.1}/100 \u{b7} {}", card.score, card.zone_name);
    let title_width = raster::text_width(&title, FONT_SIZE, false);
    let value_width = raster::text_width(&value, FONT_SIZE, true);
    let left = (title_width + 2.0 * PAD).ceil();
    let width = left + (value_width + 2.0 * PAD).ceil();
    let (fill, ink) = zone_colours(&card.zone_key);
    let label = format!(
        "{}: {:.1} out of 100, {} zone, on the jobzone AI job-risk index",
        full_title, card.score, card.zone_name
    );
    Ok(BadgeSvg { label, title, title_width, value, value_width, left, width, fill, ink }.render()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(title: &str, zone: &str) -> ShareCard {
        ShareCard {
            title: title.into(),
            subtitle: String::new(),
            score: 51.25,
            zone_key: zone.into(),
            zone_name: "Green".into(),
        }
    }

    #[test]
    fn a_badge_shows_the_title_the_score_and_the_zone_colour() {
        let svg = svg(&card("DevSecOps Engineer", "green")).expect("renders");
        assert!(svg.contains(">DevSecOps Engineer<"), "{svg}");
        assert!(svg.contains("51.2/100 · Green") || svg.contains("51.3/100 · Green"), "{svg}");
        assert!(svg.contains("#1b7a4d"), "{svg}");
        assert!(svg.contains("<title>DevSecOps Engineer: 51."), "{svg}");
    }

    #[test]
    fn a_badge_escapes_hostile_titles_and_parses_as_svg() {
        let svg = svg(&card("<script>alert(1)</script> & co", "red")).expect("renders");
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(raster::png(&svg, 200, 24).is_ok(), "the badge is well-formed SVG");
    }

    #[test]
    fn control_characters_and_noncharacters_cannot_make_the_badge_invalid_xml() {
        let svg = svg(&card("Chief\u{1}\u{0}\u{b}\u{1b}[31m\u{fffe}Executives\r\nx", "red")).expect("renders");
        assert!(roxmltree::Document::parse(&svg).is_ok(), "the badge is well-formed XML: {svg}");
        assert!(svg.contains("Chief[31mExecutives  x"), "{svg}");
    }

    #[test]
    fn a_long_title_is_cut_so_the_badge_stays_small() {
        let long = "Chief Executive Officer of a Very Large Multinational Conglomerate with Many Divisions";
        let svg = svg(&card(long, "yellow")).expect("renders");
        assert!(svg.contains('\u{2026}'));
        let width: f32 =
            svg.split("width=\"").nth(1).and_then(|s| s.split('"').next()).and_then(|w| w.parse().ok()).expect("width");
        assert!(width < MAX_TITLE + 140.0, "{width}");
    }
}
