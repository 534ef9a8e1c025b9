//! Sharing: every role page's `og:image` is a 1200x630 PNG, its JSON-LD is a schema.org
//! Occupation with the page's title and code, the badge is an SVG with the score, and the icons,
//! manifest, About and accessibility pages answer with the right types.

use crate::helpers::{TestApp, content_dir, select, spawn_app};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// Every role slug in the bundled content.
fn role_slugs() -> Vec<String> {
    let mut slugs: Vec<String> = std::fs::read_dir(content_dir().join("roles"))
        .expect("roles folder")
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".md").map(String::from))
        .collect();
    slugs.sort();
    assert!(slugs.len() >= 5, "{slugs:?}");
    slugs
}

/// Status, content type and body bytes of `url` (absolute, or a path on the app).
async fn get_bytes(app: &TestApp, url: &str) -> (u16, String, Vec<u8>) {
    let url = if url.starts_with('/') { format!("{}{url}", app.address) } else { url.to_string() };
    let response = app.client.get(url).send().await.expect("request sent");
    let status = response.status().as_u16();
    let content_type = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    (status, content_type, response.bytes().await.expect("body").to_vec())
}

/// Width and height from the PNG signature and IHDR chunk.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.len() > 24 && png.starts_with(b"\x89PNG\r\n\x1a\n") && &png[12..16] == b"IHDR", "not a PNG");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&png[16..20]), be(&png[20..24]))
}

fn meta(html: &scraper::Html, attr: &str, name: &str) -> String {
    let found = select(html, &format!("meta[{attr}=\"{name}\"]"));
    assert_eq!(found.len(), 1, "expected one meta {attr}={name}");
    found[0].value().attr("content").unwrap_or("").to_string()
}

#[tokio::test]
async fn every_role_page_has_an_og_image_that_is_a_1200_by_630_png() {
    let app = spawn_app().await;
    for slug in role_slugs() {
        let page = app.get(&format!("/roles/{slug}")).await;
        page.assert_status(200);
        let html = page.html();
        assert_eq!(meta(&html, "name", "twitter:card"), "summary_large_image");
        assert_eq!(meta(&html, "property", "og:image:width"), "1200");
        assert_eq!(meta(&html, "property", "og:image:height"), "630");
        assert!(meta(&html, "property", "og:image:alt").contains("out of 100"));
        let image = meta(&html, "property", "og:image");
        let path = image.strip_prefix("https://jobzone.example").expect("the image URL uses the base URL");
        assert!(path.starts_with(&format!("/cards/roles/{slug}.png?v=")), "{image}");
        let (status, content_type, png) = get_bytes(&app, path).await;
        assert_eq!((status, content_type.as_str()), (200, "image/png"), "{slug}");
        assert_eq!(png_size(&png), (1200, 630), "{slug}");
    }
}

#[tokio::test]
async fn every_role_page_has_json_ld_naming_an_occupation_with_its_title_and_code() {
    let app = spawn_app().await;
    for slug in role_slugs() {
        let page = app.get(&format!("/roles/{slug}")).await;
        let html = page.html();
        let scripts = select(&html, "script[type=\"application/ld+json\"]");
        assert_eq!(scripts.len(), 1, "{slug}");
        let text: String = scripts[0].text().collect();
        let ld: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{slug}: {e}\n{text}"));
        let graph = ld["@graph"].as_array().expect("a graph");
        let occupation = graph.iter().find(|n| n["@type"] == "Occupation").expect("an Occupation");
        let h1 = crate::helpers::one(&html, "h1");
        let title = occupation["name"].as_str().expect("a name");
        assert_eq!(h1, format!("Will AI replace {title} jobs?"), "{slug}");
        let code = occupation["occupationalCategory"].as_str().expect("a code");
        let role_file = std::fs::read_to_string(content_dir().join("roles").join(format!("{slug}.md"))).expect("role");
        assert!(role_file.contains(&format!("occupation = \"{code}\"")), "{slug}: {code}");
        assert_eq!(occupation["url"], format!("https://jobzone.example/roles/{slug}"));
        let crumbs = graph.iter().find(|n| n["@type"] == "BreadcrumbList").expect("a BreadcrumbList");
        assert_eq!(crumbs["itemListElement"].as_array().map(Vec::len), Some(3));
    }
}

#[tokio::test]
async fn the_json_ld_names_aliases_and_claims_no_salary_without_data() {
    let app = spawn_app().await;
    let page = app.get("/roles/backend-api-developer-mid-level").await;
    let html = page.html();
    let text: String = select(&html, "script[type=\"application/ld+json\"]")[0].text().collect();
    let ld: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let occupation = &ld["@graph"][0];
    let aliases: Vec<&str> =
        occupation["alternateName"].as_array().expect("aliases").iter().filter_map(|v| v.as_str()).collect();
    assert!(aliases.contains(&"Backend Engineer"), "{aliases:?}");
    assert!(occupation.get("estimatedSalary").is_none());
}

#[tokio::test]
async fn the_badge_is_a_cacheable_svg_with_the_score_and_the_page_offers_its_snippet() {
    let app = spawn_app().await;
    let page = app.get("/roles/backend-api-developer-mid-level").await;
    let html = page.html();
    let score = crate::helpers::one(&html, ".scorecard__number");
    let badge = app.get("/badge/roles/backend-api-developer-mid-level.svg").await;
    badge.assert_status(200);
    assert_eq!(badge.header("content-type"), "image/svg+xml");
    assert!(badge.header("cache-control").contains("max-age"), "{}", badge.header("cache-control"));
    assert!(badge.body.starts_with("<svg") && badge.body.contains(&format!("{score}/100")), "{}", badge.body);
    let snippet = select(&html, "#embed textarea");
    assert_eq!(snippet.len(), 1);
    let code: String = snippet[0].text().collect();
    assert!(
        code.starts_with("<a href=\"https://jobzone.example/roles/backend-api-developer-mid-level\"><img src=\"https://jobzone.example/badge/roles/backend-api-developer-mid-level.svg\""),
        "{code}"
    );
    assert!(!select(&html, "label[for=embed-code]").is_empty(), "the snippet box is labelled");
}

#[tokio::test]
async fn cards_and_badges_answer_304_to_a_matching_etag() {
    let app = spawn_app().await;
    for path in ["/cards/roles/devsecops-engineer.png", "/badge/roles/devsecops-engineer.svg"] {
        let first = app.client.get(format!("{}{path}", app.address)).send().await.expect("sent");
        let etag = first.headers().get("etag").expect("an etag").clone();
        let again =
            app.client.get(format!("{}{path}", app.address)).header("if-none-match", etag).send().await.expect("sent");
        assert_eq!(again.status().as_u16(), 304, "{path}");
    }
}

#[tokio::test]
async fn unknown_or_hostile_card_and_badge_paths_are_404_never_500() {
    let app = spawn_app().await;
    for path in [
        "/cards/roles/no-such-role.png",
        "/badge/roles/no-such-role.svg",
        "/cards/roles/..%2F..%2Fetc%2Fpasswd.png",
        "/badge/roles/%3Cscript%3E.svg",
        "/badge/occupations/not-a-code.svg",
        "/cards/occupations/99-9999.00.png",
        "/badge/occupations/11-9199.00.svg",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, 404, "{path}");
    }
}

#[tokio::test]
async fn icons_and_the_manifest_answer_with_their_types() {
    let app = spawn_app().await;
    let (status, content_type, ico) = get_bytes(&app, "/favicon.ico").await;
    assert_eq!((status, content_type.as_str()), (200, "image/x-icon"));
    assert_eq!(&ico[..4], &[0, 0, 1, 0], "an ICO header");
    let (status, content_type, touch) = get_bytes(&app, "/apple-touch-icon.png").await;
    assert_eq!((status, content_type.as_str()), (200, "image/png"));
    assert_eq!(png_size(&touch), (180, 180));
    let manifest = app.get("/site.webmanifest").await;
    manifest.assert_status(200);
    assert_eq!(manifest.header("content-type"), "application/manifest+json");
    let m: serde_json::Value = serde_json::from_str(&manifest.body).expect("manifest JSON");
    assert_eq!(m["theme_color"], "#14213d");
    for icon in m["icons"].as_array().expect("icons") {
        let src = icon["src"].as_str().expect("src");
        let (status, content_type, _) = get_bytes(&app, src).await;
        assert_eq!(status, 200, "{src}");
        assert_eq!(Some(content_type.as_str()), icon["type"].as_str(), "{src}");
    }
    let html = app.get("/").await.html();
    assert_eq!(meta(&html, "name", "theme-color"), "#14213d");
    assert_eq!(select(&html, "link[rel=manifest][href=\"/site.webmanifest\"]").len(), 1);
    assert_eq!(select(&html, "link[rel=apple-touch-icon]").len(), 1);
}

#[tokio::test]
async fn about_and_accessibility_pages_answer_and_are_linked_from_every_footer() {
    let app = spawn_app().await;
    let about = app.get("/about").await;
    about.assert_status(200);
    let html = about.html();
    assert_eq!(crate::helpers::one(&html, "h1"), "About jobzone");
    assert_eq!(select(&html, "main a[href=\"/privacy\"]").len(), 1, "About links the privacy page");
    assert!(!select(&html, "main a[href^=\"mailto:\"]").is_empty(), "About says where to report an error");
    let accessibility = app.get("/accessibility").await;
    accessibility.assert_status(200);
    assert_eq!(crate::helpers::one(&accessibility.html(), "h1"), "Accessibility statement");
    for path in ["/", "/roles/devsecops-engineer", "/methodology"] {
        let html = app.get(path).await.html();
        assert_eq!(select(&html, "footer a[href=\"/about\"]").len(), 1, "{path}");
        assert_eq!(select(&html, "footer a[href=\"/accessibility\"]").len(), 1, "{path}");
    }
}

#[tokio::test]
async fn pages_without_a_card_keep_the_small_twitter_card() {
    let app = spawn_app().await;
    let html = app.get("/methodology").await.html();
    assert_eq!(meta(&html, "name", "twitter:card"), "summary");
    assert!(select(&html, "meta[property=\"og:image\"]").is_empty());
}

/// The first log lines of `jobzone serve`, up to "serving at".
fn serve_log(extra: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_jobzone"))
        .args(["serve", "--addr", "127.0.0.1:0", "--content"])
        .arg(content_dir())
        .arg("--catalogue")
        .arg(dir.path().join("catalogue.db"))
        .args(extra)
        .env_remove("JOBZONE_BASE_URL")
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("jobzone starts");
    let mut log = String::new();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            log.push_str(&line);
            log.push('\n');
            if line.contains("serving at") {
                break;
            }
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    log
}

#[test]
fn serve_warns_at_start_up_when_no_base_url_is_set_and_not_otherwise() {
    let without = serve_log(&[]);
    assert!(without.contains("serving at"), "{without}");
    assert!(without.contains("WARN") && without.contains("no --base-url"), "{without}");
    let with = serve_log(&["--base-url", "https://jobzone.example"]);
    assert!(with.contains("serving at"), "{with}");
    assert!(!with.contains("no --base-url"), "{with}");
}
