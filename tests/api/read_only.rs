//! A read-only deployment: `jobzone serve` run as an unprivileged user over a folder it cannot
//! write (the catalogue, the content and no writable place for subscribers) starts, warns, and
//! answers every page type; the "get updates" form says it is unavailable.

use crate::helpers::{copy_content, select};
use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// Every page type, each by one address.
const PAGES: &[&str] = &[
    "/",
    "/roles",
    "/roles/backend-api-developer-mid-level",
    "/roles/backend-api-developer-mid-level/personal",
    "/roles/backend-api-developer-mid-level/feed.xml",
    "/occupations",
    "/occupations/15-1252.00",
    "/occupations/15-1252.00/personal",
    "/compare/backend-api-developer-mid-level/senior-software-engineer",
    "/search?q=nurse",
    "/methodology",
    "/data",
    "/data/assessments.csv",
    "/data/assessments.json",
    "/api/v1/roles",
    "/api/v1/occupations/15-1252.00",
    "/api/v1/search?q=nurse",
    "/api/v1/openapi.json",
    "/feed.xml",
    "/sitemap.xml",
    "/robots.txt",
    "/about",
    "/accessibility",
    "/privacy",
    "/cards/roles/backend-api-developer-mid-level.png",
    "/badge/occupations/15-1252.00.svg",
    "/favicon.ico",
];

/// The server process; killed when the test ends, pass or fail.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// Makes `path` and everything under it readable by all and writable by none.
fn make_read_only(path: &Path) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).expect("read folder").flatten() {
            make_read_only(&entry.path());
        }
        set_mode(path, 0o555);
    } else {
        set_mode(path, 0o444);
    }
}

/// `jobzone serve` over `dir`, as the unprivileged user `nobody` when the tests run as root
/// (root writes anywhere), else as the current user; returns it and its address.
fn serve_read_only(dir: &Path) -> (Server, String) {
    let running_as_root = Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let mut command = if running_as_root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]).arg(env!("CARGO_BIN_EXE_jobzone"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_jobzone"))
    };
    let child = command
        .arg("serve")
        .args(["--addr", "127.0.0.1:0", "--base-url", "https://jobzone.example"])
        .arg("--content")
        .arg(dir.join("content"))
        .arg("--catalogue")
        .arg(dir.join("catalogue.db"))
        .env("RUST_LOG", "info")
        .env_remove("JOBZONE_SUBSCRIBERS")
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("jobzone serve starts");
    let mut server = Server(child);
    let stdout = server.0.stdout.take().expect("stdout");
    let mut log = String::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("log line");
        log.push_str(&line);
        log.push('\n');
        if let Some(address) = line.split("serving at ").nth(1) {
            let address = address.split_whitespace().next().unwrap_or_default().to_string();
            assert!(log.contains("unavailable"), "no start-up warning that updates are unavailable:\n{log}");
            return (server, address);
        }
    }
    panic!("jobzone serve exited before serving:\n{log}");
}

#[tokio::test]
async fn serve_runs_unprivileged_over_a_read_only_folder_and_every_page_type_answers() {
    let dir = copy_content();
    jobzone::build::build(&dir.path().join("content"), &dir.path().join("catalogue.db")).expect("the content builds");
    make_read_only(dir.path());
    let (_server, address) = serve_read_only(dir.path());
    let client = reqwest::Client::new();
    for path in PAGES {
        let response = client.get(format!("{address}{path}")).send().await.expect("request");
        let status = response.status().as_u16();
        let body = response.text().await.unwrap_or_default();
        assert_eq!(status, 200, "{path} answered {status}:\n{body}");
    }
    let page = client.get(format!("{address}/roles/backend-api-developer-mid-level")).send().await.expect("request");
    let html = scraper::Html::parse_document(&page.text().await.expect("body"));
    assert!(
        select(&html, "form[action='/subscribe'] input[type=email]").is_empty(),
        "the form still asks for an address"
    );
    let updates = select(&html, "#updates");
    let said: String = updates.iter().flat_map(|e| e.text()).collect();
    assert!(said.contains("unavailable"), "the get-updates section does not say updates are unavailable: {said}");
    let form = [("email", "reader@example.com"), ("kind", "role"), ("id", "backend-api-developer-mid-level")];
    let posted = client.post(format!("{address}/subscribe")).form(&form).send().await.expect("post");
    assert_eq!(posted.status().as_u16(), 503, "a subscription without a store is unavailable, not an error");
    make_writable(dir.path());
}

/// Undoes [`make_read_only`] so the temporary folder can be removed.
fn make_writable(path: &Path) {
    if path.is_dir() {
        set_mode(path, 0o755);
        for entry in std::fs::read_dir(path).expect("read folder").flatten() {
            make_writable(&entry.path());
        }
    } else {
        set_mode(path, 0o644);
    }
}
