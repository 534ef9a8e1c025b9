//! The JSON API: the roles endpoints, problem details on every error, and an OpenAPI document
//! that matches what the endpoints answer.

use crate::helpers::{TestApp, spawn_app};
use serde_json::Value;
use std::collections::BTreeSet;

async fn json(app: &TestApp, path: &str) -> Value {
    let page = app.get(path).await;
    page.assert_status(200);
    serde_json::from_str(&page.body).unwrap_or_else(|e| panic!("{path} is not JSON: {e}\n{}", page.body))
}

#[tokio::test]
async fn the_roles_api_lists_every_editor_role_with_its_score_zone_and_page() {
    let app = spawn_app().await;
    let files = std::fs::read_dir(crate::helpers::content_dir().join("roles")).expect("roles folder").count();
    let list = json(&app, "/api/v1/roles").await;
    let roles = list["roles"].as_array().expect("roles");
    assert_eq!(roles.len(), files);
    assert_eq!(list["count"], files);
    let backend = roles.iter().find(|r| r["slug"] == "backend-api-developer-mid-level").expect("backend role");
    assert_eq!(backend["title"], "Backend/API Developer");
    assert_eq!(backend["seniority"], "Mid-Level");
    assert_eq!(backend["score"], 24.5);
    assert_eq!(backend["zone"], "red");
    assert_eq!(backend["provenance"], "editor");
    assert_eq!(backend["url"], "https://jobzone.example/roles/backend-api-developer-mid-level");
}

#[tokio::test]
async fn a_role_answers_every_figure_on_its_page() {
    let app = spawn_app().await;
    let role = json(&app, "/api/v1/roles/backend-api-developer-mid-level").await;
    let card = &role["assessment"]["card"];
    assert_eq!(card["task_resistance"], 3.05);
    assert_eq!(card["evidence_total"], -4);
    assert_eq!(card["barriers_total"], 1);
    assert_eq!(card["protective_total"], 2);
    assert_eq!(card["growth"], -1);
    assert_eq!(card["score"], 24.5);
    assert_eq!(role["card"]["zone"], "red");
    assert!(role["assessment"]["tasks"].as_array().is_some_and(|t| !t.is_empty()));
    assert!(role["assessment"]["editorial"]["revisions"].as_array().is_some_and(|r| !r.is_empty()));
    let page = app.get("/roles/backend-api-developer-mid-level").await;
    assert!(page.body.contains("24.5"), "the page shows the score the API gives");
}

/// (method, path, status) of requests that must fail.
const FAILURES: [(&str, &str, u16); 13] = [
    ("GET", "/api/v1/nothing", 404),
    ("GET", "/api", 404),
    ("GET", "/api/v2/roles", 404),
    ("GET", "/api/v1/roles/no-such-role", 404),
    ("GET", "/api/v1/roles/UPPER", 404),
    ("GET", "/api/v1/occupations/99-9999.99", 404),
    ("GET", "/api/v1/occupations/not-a-code", 404),
    ("GET", "/api/v1/search", 400),
    ("GET", "/api/v1/search?q=nurse&limit=0", 400),
    ("POST", "/api/v1/roles", 405),
    ("DELETE", "/api/v1/search?q=nurse", 405),
    ("PUT", "/api/v1/openapi.json", 405),
    ("GET", "/api/v1/roles/%ff", 404),
];

#[tokio::test]
async fn every_api_error_is_rfc_9457_problem_details() {
    let app = spawn_app().await;
    for (method, path, status) in FAILURES {
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
        let response =
            app.client.request(method.clone(), format!("{}{path}", app.address)).send().await.expect("request");
        let headers = response.headers().clone();
        assert_eq!(response.status().as_u16(), status, "{method} {path}");
        assert_eq!(headers["content-type"], "application/problem+json", "{method} {path}");
        let body: Value = response.json().await.expect("problem JSON");
        assert_eq!(body["status"], status, "{method} {path}");
        for member in ["type", "title", "detail", "instance"] {
            assert!(body[member].as_str().is_some_and(|v| !v.is_empty()), "{method} {path}: no {member}: {body}");
        }
        assert!(path.starts_with(body["instance"].as_str().unwrap_or("-")), "{path}: {body}");
        assert!(body["type"].as_str().unwrap_or_default().starts_with("https://jobzone.example/data#problem-"));
        if status == 405 {
            assert_eq!(headers["allow"], "GET, HEAD", "{method} {path}");
        }
    }
}

/// The schema `schema` names, following one `$ref`.
fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str().and_then(|r| r.strip_prefix("#/components/schemas/")) {
        Some(name) => &doc["components"]["schemas"][name],
        None => schema,
    }
}

/// Where `value` departs from `schema`: a wrong type, a value outside its enum, a missing
/// required field, or a field the schema does not describe (an object schema that lists its
/// properties lists them all). Enough of JSON Schema for this document: $ref, anyOf, type, enum,
/// required, properties, items.
fn departures(doc: &Value, schema: &Value, value: &Value, at: &str) -> Vec<String> {
    let schema = resolve(doc, schema);
    if let Some(options) = schema["anyOf"].as_array() {
        let fits = options.iter().any(|s| departures(doc, s, value, at).is_empty());
        return if fits { Vec::new() } else { vec![format!("{at}: {value} fits none of anyOf")] };
    }
    let kind = match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let fits_type = |t: &&str| *t == kind || (*t == "number" && kind == "integer");
    if !types.is_empty() && !types.iter().any(fits_type) {
        return vec![format!("{at}: a {kind}, documented as {types:?}")];
    }
    if let Some(allowed) = schema["enum"].as_array()
        && !allowed.contains(value)
    {
        return vec![format!("{at}: {value} is not one of {allowed:?}")];
    }
    let mut out = Vec::new();
    match value {
        Value::Object(fields) => {
            for field in schema["required"].as_array().into_iter().flatten().filter_map(Value::as_str) {
                if !fields.contains_key(field) {
                    out.push(format!("{at}: lacks the required field {field}"));
                }
            }
            if let Some(properties) = schema["properties"].as_object().filter(|p| !p.is_empty()) {
                for (name, v) in fields {
                    match properties.get(name) {
                        Some(s) => out.extend(departures(doc, s, v, &format!("{at}.{name}"))),
                        None => out.push(format!("{at}.{name}: not described in the OpenAPI document")),
                    }
                }
            }
        }
        Value::Array(items) if schema["items"].is_object() => {
            for (i, v) in items.iter().enumerate() {
                out.extend(departures(doc, &schema["items"], v, &format!("{at}[{i}]")));
            }
        }
        _ => {}
    }
    out
}

/// A request path for `template` with each path parameter set to its example, or `unknown`.
fn fill(template: &str, op: &Value, unknown: bool) -> (String, bool) {
    let mut path = template.to_string();
    let mut query = Vec::new();
    let mut has_path_params = false;
    for p in op["parameters"].as_array().into_iter().flatten() {
        let name = p["name"].as_str().expect("parameter name");
        let example = match &p["example"] {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        match p["in"].as_str() {
            Some("path") => {
                has_path_params = true;
                let value = match (unknown, example.contains('.')) {
                    (false, _) => example,
                    (true, true) => "99-9999.99".to_string(),
                    (true, false) => "no-such-entry-zz".to_string(),
                };
                path = path.replace(&format!("{{{name}}}"), &value);
            }
            _ => query.push(format!("{name}={}", example.replace(' ', "%20"))),
        }
    }
    if !query.is_empty() {
        path = format!("{path}?{}", query.join("&"));
    }
    (path, has_path_params)
}

#[tokio::test]
async fn every_documented_path_answers_as_documented() {
    let app = spawn_app().await;
    let doc = json(&app, "/api/v1/openapi.json").await;
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.1")));
    let paths = doc["paths"].as_object().expect("paths");
    assert!(!paths.is_empty());
    for (template, item) in paths {
        let op = &item["get"];
        assert!(op.is_object(), "{template} documents GET");
        let (path, has_path_params) = fill(template, op, false);
        let page = app.get(&path).await;
        let ok = &op["responses"]["200"]["content"];
        let (content_type, media) = ok.as_object().and_then(|m| m.iter().next()).expect("a documented 200 body");
        assert_eq!(page.status, 200, "{path}: {}", page.body);
        assert!(
            page.header("content-type").starts_with(content_type.as_str()),
            "{path}: {}",
            page.header("content-type")
        );
        let body: Value = serde_json::from_str(&page.body).expect("JSON body");
        let schema = resolve(&doc, &media["schema"]);
        assert!(schema["required"].as_array().is_some_and(|r| !r.is_empty()), "{template}: no required fields");
        let departs = departures(&doc, &media["schema"], &body, &path);
        assert!(departs.is_empty(), "the answer departs from the OpenAPI document:\n{}", departs.join("\n"));
        for (status, response) in op["responses"].as_object().expect("responses") {
            if status.starts_with('4') || status.starts_with('5') {
                let response = match response["$ref"].as_str() {
                    Some(r) => &doc["components"]["responses"][r.rsplit('/').next().unwrap_or_default()],
                    None => response,
                };
                let problem = &response["content"]["application/problem+json"]["schema"]["$ref"];
                assert_eq!(problem, "#/components/schemas/Problem", "{template} {status}");
            }
        }
        if has_path_params {
            assert!(op["responses"]["404"].is_object(), "{template} documents its 404");
            let (missing, _) = fill(template, op, true);
            let page = app.get(&missing).await;
            assert_eq!((page.status, page.header("content-type")), (404, "application/problem+json"), "{missing}");
        }
    }
}

#[test]
fn the_schema_check_finds_a_wrong_type_a_missing_field_and_an_undescribed_one() {
    let doc = serde_json::json!({"components": {"schemas": {"K": {"type": "object", "required": ["id"],
        "properties": {"id": {"type": "string"}, "n": {"type": ["integer", "null"]}}}}}});
    let k = serde_json::json!({"$ref": "#/components/schemas/K"});
    assert!(departures(&doc, &k, &serde_json::json!({"id": "a", "n": null}), "$").is_empty());
    let bad = departures(&doc, &k, &serde_json::json!({"n": 1.5, "extra": true}), "$");
    assert_eq!(bad.len(), 3, "{bad:?}");
}

#[tokio::test]
async fn every_api_route_is_documented_and_every_documented_path_is_a_route() {
    let app = spawn_app().await;
    let doc = json(&app, "/api/v1/openapi.json").await;
    let documented: BTreeSet<String> = doc["paths"].as_object().expect("paths").keys().cloned().collect();
    let routes: BTreeSet<String> = jobzone::web::api_paths().into_iter().map(String::from).collect();
    assert_eq!(documented, routes);
    let schemas = doc["components"]["schemas"].as_object().expect("schemas");
    for text in doc.to_string().split("\"#/components/schemas/").skip(1) {
        let name = text.split('"').next().unwrap_or_default();
        assert!(schemas.contains_key(name), "a $ref names the missing schema {name}");
    }
}
