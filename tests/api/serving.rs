//! HTTP semantics of the serving layer: validators and 304s, codings, methods, canonical paths.

use crate::helpers::{TestApp, select, spawn_app};
use std::io::Read;

const ROLE: &str = "/roles/backend-api-developer-mid-level";

async fn bytes_with(app: &TestApp, path: &str, accept_encoding: &str) -> (reqwest::header::HeaderMap, Vec<u8>) {
    let response = app
        .client
        .get(format!("{}{path}", app.address))
        .header("Accept-Encoding", accept_encoding)
        .send()
        .await
        .expect("request sent");
    assert_eq!(response.status().as_u16(), 200, "{path} with {accept_encoding}");
    let headers = response.headers().clone();
    (headers, response.bytes().await.expect("body").to_vec())
}

#[tokio::test]
async fn a_matching_if_none_match_answers_304_with_etag_cache_control_and_vary() {
    let app = spawn_app().await;
    let first = app.get(ROLE).await;
    first.assert_status(200);
    let etag = first.header("etag").to_string();
    let again = app.get_with(ROLE, &[("If-None-Match", &etag)]).await;
    again.assert_status(304);
    assert_eq!(again.header("etag"), etag);
    assert!(again.header("cache-control").contains("max-age=300"), "{:?}", again.headers);
    assert_eq!(again.header("vary"), "accept-encoding");
    assert!(again.body.is_empty());
    let stale = app.get_with(ROLE, &[("If-None-Match", "\"not-this-one\"")]).await;
    stale.assert_status(200);
}

#[tokio::test]
async fn if_none_match_star_answers_304() {
    let app = spawn_app().await;
    app.get_with("/methodology", &[("If-None-Match", "*")]).await.assert_status(304);
}

#[tokio::test]
async fn the_etag_of_a_compressed_body_also_validates_the_page() {
    let app = spawn_app().await;
    let (headers, _) = bytes_with(&app, ROLE, "br").await;
    let br_tag = headers.get("etag").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    assert!(br_tag.ends_with("-br\""), "{br_tag}");
    let plain = app.get(ROLE).await;
    assert_ne!(plain.header("etag"), br_tag, "each representation has its own strong ETag");
    app.get_with(ROLE, &[("If-None-Match", &br_tag)]).await.assert_status(304);
}

#[tokio::test]
async fn brotli_and_gzip_bodies_decode_to_the_same_page() {
    let app = spawn_app().await;
    let plain = app.get(ROLE).await;
    plain.assert_status(200);
    let (br_headers, br) = bytes_with(&app, ROLE, "gzip, br").await;
    assert_eq!(br_headers.get("content-encoding").map(|v| v.as_bytes()), Some(&b"br"[..]));
    let mut unbrotli = String::new();
    brotli::Decompressor::new(&br[..], 4096).read_to_string(&mut unbrotli).expect("valid brotli");
    assert_eq!(unbrotli, plain.body);
    let (gz_headers, gz) = bytes_with(&app, ROLE, "gzip").await;
    assert_eq!(gz_headers.get("content-encoding").map(|v| v.as_bytes()), Some(&b"gzip"[..]));
    let mut gunzip = String::new();
    flate2::read::GzDecoder::new(&gz[..]).read_to_string(&mut gunzip).expect("valid gzip");
    assert_eq!(gunzip, plain.body);
    assert!(br.len() < gz.len() && gz.len() < plain.body.len(), "br {} gz {}", br.len(), gz.len());
}

#[tokio::test]
async fn an_error_page_is_compressed_on_the_fly_and_not_kept() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(format!("{}/roles/no-such-role", app.address))
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(response.headers().get("content-encoding").map(|v| v.as_bytes()), Some(&b"gzip"[..]));
    assert_eq!(response.headers().get("cache-control").map(|v| v.as_bytes()), Some(&b"no-cache"[..]));
    assert!(response.headers().get("etag").is_none());
}

#[tokio::test]
async fn wrong_methods_on_known_routes_answer_405_with_allow() {
    let app = spawn_app().await;
    for (method, path) in [("POST", ROLE), ("DELETE", "/"), ("PUT", "/roles"), ("POST", "/api/v1/search?q=dev")] {
        let (status, response) = app.raw(method, path.as_bytes());
        assert_eq!(status, 405, "{method} {path}: {response}");
        assert!(response.to_ascii_lowercase().contains("\r\nallow: get, head\r\n"), "{method} {path}: {response}");
    }
}

#[tokio::test]
async fn head_answers_like_get_without_a_body() {
    let app = spawn_app().await;
    let get = app.get(ROLE).await;
    let (status, response) = app.raw("HEAD", ROLE.as_bytes());
    assert_eq!(status, 200);
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or_default();
    assert!(body.is_empty(), "HEAD returned a body");
    let head = head.to_ascii_lowercase();
    assert!(head.contains(&format!("etag: {}", get.header("etag"))), "{head}");
    assert!(head.contains(&format!("content-length: {}", get.body.len())), "{head}");
}

#[tokio::test]
async fn a_trailing_slash_redirects_to_the_canonical_address() {
    let app = spawn_app().await;
    let page = app.get("/roles/?zone=red").await;
    page.assert_status(308);
    assert_eq!(page.header("location"), "/roles?zone=red");
    let (status, response) = app.raw("GET", b"//evil.example/");
    assert_eq!(status, 404, "a protocol-relative target is never a redirect: {response}");
}

#[tokio::test]
async fn a_page_past_the_last_is_404() {
    let app = spawn_app().await;
    app.get("/roles?page=999").await.assert_status(404);
    app.get("/roles?page=1").await.assert_status(200);
}

#[tokio::test]
async fn both_directions_of_a_comparison_name_one_canonical_address() {
    let app = spawn_app().await;
    let (a, b) = ("backend-api-developer-mid-level", "devsecops-engineer");
    for path in [format!("/compare/{a}/{b}"), format!("/compare/{b}/{a}")] {
        let html = app.get(&path).await.assert_status(200).html();
        let canonical = select(&html, "link[rel=canonical]")[0].value().attr("href").unwrap_or_default().to_string();
        assert_eq!(canonical, format!("https://jobzone.example/compare/{a}/{b}"), "{path}");
    }
}

#[tokio::test]
async fn feeds_sitemap_api_and_assets_carry_validators_and_cache_control() {
    let app = spawn_app().await;
    let css = select(&app.get("/").await.html(), "link[rel=stylesheet]")[0]
        .value()
        .attr("href")
        .unwrap_or_default()
        .to_string();
    for path in [&format!("{ROLE}/feed.xml"), "/sitemap.xml", "/api/v1/search?q=dev", "/robots.txt", &css] {
        let page = app.get(path).await;
        page.assert_status(200);
        let etag = page.header("etag").to_string();
        assert!(etag.starts_with('"'), "{path} has no strong ETag");
        assert!(page.header("cache-control").contains("max-age"), "{path}");
        app.get_with(path, &[("If-None-Match", &etag)]).await.assert_status(304);
    }
}

#[tokio::test]
async fn the_home_and_occupation_pages_list_a_bounded_number_of_roles_and_link_to_the_rest() {
    let content = crate::browse::content_with_extra_roles(40);
    let app = crate::helpers::spawn_app_with_content(&content.path().join("content")).await;
    let html = app.get("/").await.assert_status(200).html();
    let red = select(&html, ".zone-col--red .role-list li");
    assert_eq!(red.len(), 12, "the home page lists 12 roles a zone");
    let more = select(&html, ".zone-col--red .zone-col__more a");
    assert_eq!(more[0].value().attr("href"), Some("/roles?zone=red&provenance=editor"));
    let html = app.get("/occupations/15-1252.00").await.assert_status(200).html();
    assert_eq!(select(&html, "#editor-roles .role-list li").len(), 25, "an occupation page lists 25 roles");
    assert!(crate::helpers::one(&html, "#more-roles").contains("of 4"), "it says how many there are");
}
