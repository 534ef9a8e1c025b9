//! The one place Markdown becomes HTML: pulldown-cmark with the options we use turned on one
//! by one, then ammonia, so whatever an editor writes, only safe markup is ever stored.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use std::ops::Range;

fn options() -> Options {
    let mut o = Options::empty();
    o.insert(Options::ENABLE_TABLES);
    o.insert(Options::ENABLE_STRIKETHROUGH);
    o.insert(Options::ENABLE_SMART_PUNCTUATION);
    o
}

/// Link schemes an editor may use; anything else (javascript:, data:, vbscript:) is refused.
const SAFE_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Renders Markdown to sanitised HTML.
pub fn to_html(markdown: &str) -> String {
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, options()));
    sanitise(&raw)
}

/// Renders one paragraph of Markdown without its `<p>` wrapper, for use inside a sentence.
pub fn inline_to_html(markdown: &str) -> String {
    let html = to_html(markdown);
    let trimmed = html.trim();
    match trimmed.strip_prefix("<p>").and_then(|s| s.strip_suffix("</p>")) {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => trimmed.to_string(),
    }
}

fn sanitise(html: &str) -> String {
    ammonia::Builder::default()
        .url_schemes(SAFE_SCHEMES.into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .clean(html)
        .to_string()
}

/// One `##` section of a Markdown body.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Section {
    pub title: String,
    /// A URL fragment made from the title.
    pub anchor: String,
    pub html: String,
}

/// Cuts a body at its `##` headings and renders each part. Text before the first heading
/// becomes a section with an empty title.
pub fn sections(markdown: &str) -> Vec<Section> {
    let mut headings: Vec<(Range<usize>, String)> = Vec::new();
    let mut current: Option<(Range<usize>, String)> = None;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level: HeadingLevel::H2, .. }) => {
                current = Some((range, String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, title)) = current.as_mut() {
                    title.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => headings.extend(current.take()),
            _ => {}
        }
    }
    let mut out = Vec::new();
    let first = headings.first().map_or(markdown.len(), |(r, _)| r.start);
    if !markdown[..first].trim().is_empty() {
        out.push(section(String::new(), &markdown[..first]));
    }
    for (i, (range, title)) in headings.iter().enumerate() {
        let end = headings.get(i + 1).map_or(markdown.len(), |(r, _)| r.start);
        out.push(section(title.clone(), &markdown[range.end..end]));
    }
    out
}

fn section(title: String, markdown: &str) -> Section {
    Section { anchor: anchor(&title), html: to_html(markdown), title }
}

/// "Who Should Worry (and Who Shouldn't)" -> "who-should-worry-and-who-shouldnt".
pub fn anchor(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if (c == ' ' || c == '-' || c == '/') && !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// What an editor wrote that the site will not publish: raw HTML and unsafe link schemes.
/// Each item is the byte offset in `markdown` and how to fix it.
pub fn unsafe_constructs(markdown: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => out.push((
                range.start,
                format!(
                    "raw HTML `{}` is not allowed in content; write it in Markdown instead",
                    h.trim().chars().take(40).collect::<String>()
                ),
            )),
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(scheme) = unsafe_scheme(&dest_url) {
                    out.push((
                        range.start,
                        format!(
                            "link to `{scheme}:` is not allowed; use an https:// address or a site path such as /roles/<slug>"
                        ),
                    ));
                } else if is_protocol_relative(&dest_url) {
                    out.push((
                        range.start,
                        "a link starting with `//` is not allowed; write the full https:// address, or a site path such as /roles/<slug>".into(),
                    ));
                }
            }
            Event::Start(Tag::Image { dest_url, .. })
                if !dest_url.trim_start().starts_with('/') || is_protocol_relative(&dest_url) =>
            {
                out.push((
                    range.start,
                    "images must come from this site (our Content-Security-Policy blocks others); put the file under static/ and use its /static/ path".into(),
                ));
            }
            _ => {}
        }
    }
    out
}

/// True for `//host/...` (and the backslash spellings browsers treat the same): a link to
/// another site that hides it by borrowing the page's scheme.
fn is_protocol_relative(url: &str) -> bool {
    let cleaned: String = url.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_control()).take(2).collect();
    cleaned.len() == 2 && cleaned.chars().all(|c| c == '/' || c == '\\')
}

/// The scheme of `url` if it has one we do not allow. Browsers ignore ASCII whitespace and
/// control characters inside a scheme, so they are dropped before comparing.
fn unsafe_scheme(url: &str) -> Option<String> {
    let cleaned: String = url.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_control()).collect();
    let (scheme, _) = cleaned.split_once(':')?;
    if scheme.contains('/') || scheme.contains('?') || scheme.contains('#') {
        return None; // a relative path whose later part has a colon
    }
    let lower = scheme.to_ascii_lowercase();
    (!SAFE_SCHEMES.contains(&lower.as_str())).then_some(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_emphasis_lists_and_smart_quotes() {
        let html = to_html("**Bold** and \"quoted\"\n\n- one\n- two\n");
        assert!(html.contains("<strong>Bold</strong>"));
        assert!(html.contains("\u{201c}quoted\u{201d}"));
        assert!(html.contains("<li>one</li>"));
    }

    #[test]
    fn strips_script_and_javascript_links_even_if_they_slip_past_validation() {
        let html = to_html("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
    }

    #[test]
    fn finds_raw_html_and_unsafe_schemes_with_their_offsets() {
        let md = "fine\n\n<script>x</script>\n\n[a](JaVaScript:alert(1)) [b](/roles/x) [c](https://a.b/c:d)";
        let found = unsafe_constructs(md);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, 6);
        assert!(found[1].1.contains("`javascript:`"));
    }

    #[test]
    fn inline_markdown_loses_its_paragraph_wrapper() {
        assert_eq!(inline_to_html("a *b*"), "a <em>b</em>");
    }

    #[test]
    fn sections_are_cut_at_level_two_headings() {
        let s = sections("## First\nOne.\n\n## Who Should Worry (and Who Shouldn't)\nTwo.\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].title, "First");
        assert_eq!(s[0].html.trim(), "<p>One.</p>");
        assert_eq!(s[1].anchor, "who-should-worry-and-who-shouldnt");
    }
}
