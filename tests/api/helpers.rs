//! Starts the real application on port 0 over a catalogue built from the repository's
//! content, in a temporary folder, and speaks HTTP to it.

use jobzone::config::Config;
use jobzone::web::Application;
use scraper::{ElementRef, Html, Selector};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

pub struct TestApp {
    pub address: String,
    pub port: u16,
    pub client: reqwest::Client,
    /// The running site, to swap or rebuild its catalogue.
    pub site: std::sync::Arc<jobzone::web::Site>,
    pub config: Config,
    _dir: tempfile::TempDir,
    server: actix_web::dev::ServerHandle,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // Stop accepting and close workers; the runtime ends the task with the test.
        drop(self.server.stop(false));
    }
}

/// A temporary copy of the bundled content folder, at `content/` inside the returned directory.
pub fn copy_content() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&content_dir(), &dir.path().join("content"));
    dir
}

/// Copies the folder `from` to `to`, recursively: the one way tests copy content.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read folder").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// The bundled content folder.
pub fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

static TELEMETRY: LazyLock<()> = LazyLock::new(|| {
    if std::env::var_os("TEST_LOG").is_some() {
        jobzone::telemetry::init("info");
    }
});

/// The folder of what this test binary shares, removed when the binary exits: statics are
/// never dropped, so an `atexit` hook removes it (nothing is left in the temporary folder).
static SHARED: LazyLock<PathBuf> = LazyLock::new(|| {
    let dir = tempfile::Builder::new().prefix("jobzone-tests-").tempdir().expect("temporary directory").keep();
    extern "C" fn remove_shared() {
        let _ = std::fs::remove_dir_all(&*SHARED);
    }
    // SAFETY: registers a plain function without arguments, as atexit requires.
    unsafe { libc::atexit(remove_shared) };
    dir
});

/// The bundled content's catalogue, built once per test binary and shared read-only by every
/// app that serves the bundled content (copy it to change it).
pub fn bundled_catalogue() -> &'static Path {
    static BUILT: LazyLock<PathBuf> = LazyLock::new(|| {
        let path = SHARED.join("catalogue.db");
        jobzone::build::build(&content_dir(), &path).expect("the bundled content builds");
        path
    });
    &BUILT
}

pub async fn spawn_app() -> TestApp {
    let bundled = bundled_catalogue().to_path_buf();
    let dir = tempfile::tempdir().expect("temporary directory");
    spawn_app_over(&content_dir(), bundled, dir, false, None).await
}

/// An app over the bundled catalogue that warms each generation's page cache of `page_cache_mb`
/// MiB in the background, as `jobzone serve` does (the other test apps leave it off).
pub async fn spawn_warming_app(page_cache_mb: u64) -> TestApp {
    let bundled = bundled_catalogue().to_path_buf();
    let dir = tempfile::tempdir().expect("temporary directory");
    spawn_app_over(&content_dir(), bundled, dir, false, Some(page_cache_mb)).await
}

pub async fn spawn_app_with_content(content: &Path) -> TestApp {
    spawn(content, false).await
}

/// An app that rebuilds its catalogue when `content` changes, as `jobzone serve` does.
pub async fn spawn_watching_app(content: &Path) -> TestApp {
    spawn(content, true).await
}

async fn spawn(content: &Path, watch: bool) -> TestApp {
    let dir = tempfile::tempdir().expect("temporary directory");
    let catalogue = dir.path().join("catalogue.db");
    jobzone::build::build(content, &catalogue).expect("the content builds");
    spawn_app_over(content, catalogue, dir, watch, None).await
}

async fn spawn_app_over(
    content: &Path,
    catalogue: PathBuf,
    dir: tempfile::TempDir,
    watch: bool,
    warm_cache_mb: Option<u64>,
) -> TestApp {
    LazyLock::force(&TELEMETRY);
    let config = Config {
        addr: "127.0.0.1:0".into(),
        content: content.to_path_buf(),
        catalogue,
        base_url: Some("https://jobzone.example".into()),
        connections: 2,
        page_cache_mb: warm_cache_mb.unwrap_or(16),
        warm: warm_cache_mb.is_some(),
        contact_email: None,
        mail: Default::default(),
    };
    let app = Application::build(&config).expect("the application starts");
    if watch {
        app.watch_content().expect("the content watcher starts");
    }
    let site = app.site();
    let port = app.port();
    let server = app.into_server();
    let handle = server.handle();
    tokio::spawn(server);
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("http client");
    let address = format!("http://127.0.0.1:{port}");
    let app = TestApp { address, port, client, site, config, _dir: dir, server: handle };
    // The server starts its workers when its future is first polled: wait until it answers,
    // so tests that then use blocking sockets are not talking to a server that never started.
    for _ in 0..200 {
        if app.client.get(format!("{}/robots.txt", app.address)).send().await.is_ok() {
            return app;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("the server on port {port} never answered");
}

/// A response read whole, with a readable failure message.
pub struct Page {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Page {
    pub fn html(&self) -> Html {
        Html::parse_document(&self.body)
    }

    /// Panics with the status and body when the status is not `expected`.
    pub fn assert_status(&self, expected: u16) -> &Self {
        assert_eq!(self.status, expected, "unexpected status; body:\n{}", self.body);
        self
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }
}

impl TestApp {
    pub async fn get(&self, path: &str) -> Page {
        self.get_with(path, &[]).await
    }

    /// A GET with extra request headers, e.g. `If-None-Match` or `Accept-Encoding`.
    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Page {
        let mut request = self.client.get(format!("{}{}", self.address, path));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request.send().await.expect("request sent");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.text().await.expect("body read");
        Page { status, headers, body }
    }

    /// GETs `path` and parses the body as JSON, panicking with the body when it is not.
    pub async fn get_json(&self, path: &str) -> serde_json::Value {
        let page = self.get(path).await;
        serde_json::from_str(&page.body).unwrap_or_else(|e| panic!("{path} is not JSON ({e}): {}", page.body))
    }

    /// Sends `raw_target` exactly as written, for paths a URL library would normalise.
    pub fn raw(&self, method: &str, raw_target: &[u8]) -> (u16, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        let mut request = Vec::new();
        request.extend_from_slice(method.as_bytes());
        request.push(b' ');
        request.extend_from_slice(raw_target);
        request.extend_from_slice(b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        stream.write_all(&request).expect("write");
        let mut response = Vec::new();
        stream.read_to_end(&mut response).expect("read");
        let text = String::from_utf8_lossy(&response).into_owned();
        let status = text
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no status line in response: {text}"));
        (status, text)
    }
}

pub fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"));
    html.select(&selector).collect()
}

/// The whitespace-normalised text of an element.
pub fn text(el: &ElementRef<'_>) -> String {
    el.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Texts of all elements matching `css`.
pub fn texts(html: &Html, css: &str) -> Vec<String> {
    select(html, css).iter().map(text).collect()
}

/// The one element matching `css`, as text.
pub fn one(html: &Html, css: &str) -> String {
    let found = texts(html, css);
    assert_eq!(found.len(), 1, "expected one match for {css}, found {found:?}");
    found.into_iter().next().unwrap_or_default()
}
