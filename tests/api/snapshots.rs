//! Reviewed snapshots of what clients and readers receive whole: the JSON API answers and the
//! email bodies (`tests/api/snapshots/`). A change to any of them fails here until it is looked
//! at: rerun with `INSTA_UPDATE=always` and review the diff of the `.snap` files before committing.

use crate::helpers::spawn_app;

/// The JSON answers, one per endpoint and for the problem shapes, over the bundled content.
#[tokio::test]
async fn json_api_answers() {
    let app = spawn_app().await;
    let answers = [
        ("api_roles", "/api/v1/roles"),
        ("api_role", "/api/v1/roles/backend-api-developer-mid-level"),
        ("api_occupation", "/api/v1/occupations/41-9041.00"),
        ("api_occupation_unscored", "/api/v1/occupations/11-9199.00"),
        ("api_search", "/api/v1/search?q=nurse&limit=3"),
        ("api_problem_not_found", "/api/v1/roles/no-such-role"),
        ("api_problem_bad_query", "/api/v1/search?q=nurse&limit=0"),
    ];
    for (name, path) in answers {
        insta::assert_json_snapshot!(name, app.get_json(path).await);
    }
}

/// An email part with what changes from run to run (the site's port, signed tokens) replaced.
pub fn redacted(body: &str, site: &str) -> String {
    let mut out = body.replace(site, "http://[site]");
    for prefix in ["/subscribe/confirm/", "/unsubscribe/"] {
        let mut from = 0;
        while let Some(at) = out[from..].find(prefix).map(|i| from + i + prefix.len()) {
            let end = out[at..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
                .map_or(out.len(), |i| at + i);
            out.replace_range(at..end, "[token]");
            from = at + "[token]".len();
        }
    }
    out
}

#[test]
fn redaction_replaces_the_site_and_every_token() {
    let body = "Confirm: http://127.0.0.1:4242/subscribe/confirm/c.1.2.abc-_x\nStop: http://127.0.0.1:4242/unsubscribe/u.9 now";
    assert_eq!(
        redacted(body, "http://127.0.0.1:4242"),
        "Confirm: http://[site]/subscribe/confirm/[token]\nStop: http://[site]/unsubscribe/[token] now"
    );
}
