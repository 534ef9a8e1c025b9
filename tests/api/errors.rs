//! Bad URLs get a helpful 4xx HTML page; nothing answers 500.

use crate::helpers::{one, spawn_app};

#[tokio::test]
async fn an_unknown_role_is_a_404_page_with_a_way_forward() {
    let app = spawn_app().await;
    let page = app.get("/roles/no-such-role").await;
    page.assert_status(404);
    assert!(page.header("content-type").starts_with("text/html"));
    let html = page.html();
    assert_eq!(one(&html, "h1"), "We couldn't find that page");
    assert!(one(&html, ".next-steps").contains("home page"));
    assert!(page.body.contains("name=\"robots\" content=\"noindex\""));
}

#[tokio::test]
async fn hostile_and_malformed_paths_answer_4xx_html_never_500() {
    let app = spawn_app().await;
    let long = format!("/roles/{}", "a".repeat(5000));
    let targets: Vec<&[u8]> = vec![
        b"/roles/%ff",
        b"/roles/../../etc/passwd",
        b"/static/../../etc/passwd",
        b"/static/..%2f..%2fetc%2fpasswd",
        b"/roles/%00",
        b"/roles/a%00b",
        long.as_bytes(),
        b"/roles/UPPER",
        b"/roles/%3Cscript%3E",
        b"/nowhere",
        b"/roles/backend-api-developer-mid-level/extra/segments",
    ];
    for target in targets {
        let (status, response) = app.raw("GET", target);
        let shown = String::from_utf8_lossy(&target[..target.len().min(60)]).into_owned();
        assert!((400..500).contains(&status), "{shown} answered {status}");
        assert!(response.to_ascii_lowercase().contains("content-type: text/html"), "{shown}: {response}");
        assert!(!response.contains("<script>"), "{shown} reflected markup");
    }
}

#[tokio::test]
async fn head_requests_work_and_have_no_body() {
    let app = spawn_app().await;
    let (status, response) = app.raw("HEAD", b"/roles/backend-api-developer-mid-level");
    assert_eq!(status, 200, "{response}");
    let body = response.split("\r\n\r\n").nth(1).unwrap_or_default();
    assert!(body.is_empty(), "HEAD returned a body: {body}");
    let (status, _) = app.raw("HEAD", b"/roles/no-such-role");
    assert_eq!(status, 404);
}

#[tokio::test]
async fn other_methods_are_refused_with_4xx() {
    let app = spawn_app().await;
    let (status, _) = app.raw("POST", b"/roles/backend-api-developer-mid-level");
    assert!((400..500).contains(&status), "POST answered {status}");
    let (status, _) = app.raw("DELETE", b"/");
    assert!((400..500).contains(&status), "DELETE answered {status}");
}
