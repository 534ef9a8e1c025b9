//! SVG to PNG with resvg over the fonts we ship in `static/fonts/` (DejaVu Sans, with its
//! licence), so a share card looks the same on every machine whatever fonts it has; the text
//! measuring that wraps card titles and sizes badges; and the ICO container for the favicon.

use anyhow::{Context, Result};
use resvg::{tiny_skia, usvg};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};
use std::sync::{Arc, LazyLock};

/// The family every SVG we rasterise names; the only one the renderer knows.
pub const FONT_FAMILY: &str = "DejaVu Sans";
const REGULAR: &[u8] = include_bytes!("../../../static/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../../static/fonts/DejaVuSans-Bold.ttf");

/// Only the shipped fonts: no system font is ever consulted, so output does not vary by host.
static FONTS: LazyLock<Arc<usvg::fontdb::Database>> = LazyLock::new(|| {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(REGULAR.to_vec());
    db.load_font_data(BOLD.to_vec());
    db.set_sans_serif_family(FONT_FAMILY);
    Arc::new(db)
});

/// `text` as one line that XML 1.0 accepts: the feed's rule (`feeds::xml_text`), and line
/// breaks and tabs as spaces. The data gate refuses such characters before a build, so this
/// only guarantees that no title can make a card or badge invalid.
pub fn xml_text(text: &str) -> String {
    crate::web::feeds::xml_text(text).replace(['\t', '\n', '\r'], " ")
}

/// Renders `svg` as a PNG of `width` x `height` pixels, scaling the drawing to fit.
pub fn png(svg: &str, width: u32, height: u32) -> Result<Vec<u8>> {
    let options = usvg::Options { fontdb: FONTS.clone(), font_family: FONT_FAMILY.into(), ..Default::default() };
    let tree = usvg::Tree::from_str(svg, &options).context("while parsing the SVG to rasterise")?;
    let mut pixmap = tiny_skia::Pixmap::new(width, height).context("an image needs a size")?;
    let size = tree.size();
    let scale = tiny_skia::Transform::from_scale(width as f32 / size.width(), height as f32 / size.height());
    resvg::render(&tree, scale, &mut pixmap.as_mut());
    pixmap.encode_png().context("while encoding the PNG")
}

/// The advance width of `text` set in DejaVu Sans at `size` pixels (kerning ignored, which
/// errs wide by a pixel or two on a line).
pub fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    let Ok(font) = skrifa::FontRef::new(if bold { BOLD } else { REGULAR }) else {
        return text.chars().count() as f32 * size * 0.62;
    };
    let charmap = font.charmap();
    let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
    text.chars().map(|c| charmap.map(c).and_then(|g| metrics.advance_width(g)).unwrap_or(size * 0.62)).sum()
}

/// Breaks `text` into at most `max_lines` lines no wider than `width`; the last line ends in an
/// ellipsis when the text does not fit. A word longer than a line is cut.
pub fn wrap(text: &str, size: f32, bold: bool, width: f32, max_lines: usize) -> (Vec<String>, bool) {
    let fits = |s: &str| text_width(s, size, bold) <= width;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if fits(&candidate) {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        line = word.to_string();
        while !fits(&line) {
            let cut = (1..line.len()).rev().find(|&i| line.is_char_boundary(i) && fits(&line[..i])).unwrap_or(1);
            let rest = line.split_off(cut);
            lines.push(std::mem::replace(&mut line, rest));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() <= max_lines {
        return (lines, false);
    }
    lines.truncate(max_lines);
    if let Some(last) = lines.last_mut() {
        while !last.is_empty() && !fits(&format!("{last}\u{2026}")) {
            last.pop();
        }
        *last = format!("{}\u{2026}", last.trim_end());
    }
    (lines, true)
}

/// An ICO file holding each PNG as is (the PNG-in-ICO form every current browser reads).
/// `images` are (side in pixels, PNG bytes), sides up to 256.
pub fn ico(images: &[(u32, Vec<u8>)]) -> Vec<u8> {
    const HEADER: usize = 6;
    const ENTRY: usize = 16;
    let mut out = Vec::new();
    out.extend_from_slice(&[0, 0, 1, 0]);
    out.extend_from_slice(&(images.len() as u16).to_le_bytes());
    let mut offset = HEADER + ENTRY * images.len();
    for (side, png) in images {
        let side = if *side >= 256 { 0 } else { *side as u8 };
        out.extend_from_slice(&[side, side, 0, 0]);
        out.extend_from_slice(&1u16.to_le_bytes());
        out.extend_from_slice(&32u16.to_le_bytes());
        out.extend_from_slice(&(png.len() as u32).to_le_bytes());
        out.extend_from_slice(&(offset as u32).to_le_bytes());
        offset += png.len();
    }
    for (_, png) in images {
        out.extend_from_slice(png);
    }
    out
}

/// Width and height from a PNG's IHDR chunk, for tests.
#[cfg(test)]
pub fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    if png.len() < 24 || &png[..8] != b"\x89PNG\r\n\x1a\n" || &png[12..16] != b"IHDR" {
        return None;
    }
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    Some((be(&png[16..20]), be(&png[20..24])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rendered_svg_is_a_png_of_the_asked_size() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 5"><rect width="10" height="5" fill="#123"/><text x="1" y="4" font-size="3">Hi</text></svg>"##;
        let png = png(svg, 200, 100).expect("renders");
        assert_eq!(png_size(&png), Some((200, 100)));
    }

    #[test]
    fn bold_text_is_wider_than_regular_and_width_grows_with_size() {
        let regular = text_width("Backend Developer", 40.0, false);
        assert!(text_width("Backend Developer", 40.0, true) > regular);
        assert!((text_width("Backend Developer", 80.0, false) - 2.0 * regular).abs() < 0.01);
        assert!(regular > 200.0 && regular < 600.0, "{regular}");
    }

    #[test]
    fn wrapping_keeps_every_line_within_the_width_and_marks_a_cut() {
        let (lines, cut) = wrap("Information Security Analyst and Incident Response Engineer", 40.0, true, 400.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(cut && lines[1].ends_with('\u{2026}'), "{lines:?}");
        assert!(lines.iter().all(|l| text_width(l, 40.0, true) <= 400.0), "{lines:?}");
        let (short, cut) = wrap("Nurse", 40.0, true, 400.0, 2);
        assert_eq!((short, cut), (vec!["Nurse".to_string()], false));
    }

    #[test]
    fn an_ico_points_each_entry_at_its_png() {
        let images = vec![(16, vec![1, 2, 3]), (256, vec![4, 5])];
        let ico = ico(&images);
        assert_eq!(&ico[..6], &[0, 0, 1, 0, 2, 0]);
        assert_eq!(ico[6], 16);
        assert_eq!(ico[6 + 16], 0, "256 is written as 0");
        let second_offset = u32::from_le_bytes([ico[34], ico[35], ico[36], ico[37]]) as usize;
        assert_eq!(&ico[second_offset..], &[4, 5]);
    }
}
