//! What the email tests need: a real SMTP server on a loopback port (mailin-embedded, not a
//! mock of our transport), a site over a private copy of the content with its own subscribers
//! database, the `jobzone` binary for `build` and `notify`, and a reader for received messages.

use crate::helpers::{Page, bundled_catalogue, content_dir, copy_dir};
use base64::Engine;
use jobzone::config::{Config, MailConfig};
use jobzone::web::Application;
use mailin_embedded::{Handler, Response, Server, SslConfig, response};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

pub const ROLE: &str = "backend-api-developer-mid-level";

/// Messages an SMTP server accepted, whole, in arrival order.
#[derive(Clone, Default)]
pub struct Inbox(Arc<Mutex<Vec<Mail>>>);

impl Inbox {
    pub fn all(&self) -> Vec<Mail> {
        self.0.lock().expect("inbox lock").clone()
    }

    pub fn len(&self) -> usize {
        self.0.lock().expect("inbox lock").len()
    }

    /// The messages to `to`.
    pub fn to(&self, to: &str) -> Vec<Mail> {
        self.all().into_iter().filter(|m| m.header("To") == to).collect()
    }
}

#[derive(Clone)]
struct Collector {
    inbox: Inbox,
    current: Vec<u8>,
}

impl Handler for Collector {
    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, _to: &[String]) -> Response {
        self.current.clear();
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.current.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let raw = String::from_utf8_lossy(&std::mem::take(&mut self.current)).into_owned();
        self.inbox.0.lock().expect("inbox lock").push(Mail { raw });
        response::OK
    }
}

/// A loopback port nothing listens on yet (an SMTP server that is down), for [`start_smtp_on`].
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port()
}

/// Starts a real SMTP server on `port`; it runs until the test process ends.
pub fn start_smtp_on(port: u16) -> Inbox {
    let inbox = Inbox::default();
    let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind the SMTP port");
    let mut server = Server::new(Collector { inbox: inbox.clone(), current: Vec::new() });
    server.with_name("mail.test").with_ssl(SslConfig::None).expect("no TLS").with_tcp_listener(listener);
    std::thread::spawn(move || {
        if let Err(e) = server.serve() {
            eprintln!("the test SMTP server stopped: {e}");
        }
    });
    inbox
}

pub fn smtp_url(port: u16) -> String {
    format!("smtp://127.0.0.1:{port}")
}

/// One received message.
#[derive(Clone, Debug)]
pub struct Mail {
    pub raw: String,
}

impl Mail {
    fn head(&self) -> &str {
        self.raw.split("\r\n\r\n").next().unwrap_or("")
    }

    /// A top-level header, unfolded; empty when absent.
    pub fn header(&self, name: &str) -> String {
        let unfolded = self.head().replace("\r\n ", " ").replace("\r\n\t", " ");
        let prefix = format!("{}:", name.to_ascii_lowercase());
        unfolded
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with(&prefix))
            .map(|l| l[prefix.len()..].trim().to_string())
            .unwrap_or_default()
    }

    /// The decoded body of the part with this content type (text/plain or text/html).
    pub fn part(&self, content_type: &str) -> String {
        let boundary =
            self.header("Content-Type").split("boundary=").nth(1).unwrap_or("").trim_matches('"').to_string();
        assert!(!boundary.is_empty(), "not a multipart message:\n{}", self.raw);
        for part in self.raw.split(&format!("--{boundary}")) {
            let (head, body) = part.trim_start_matches("\r\n").split_once("\r\n\r\n").unwrap_or(("", ""));
            let head = head.to_ascii_lowercase();
            if !head.contains(&format!("content-type: {content_type}")) {
                continue;
            }
            return if head.contains("quoted-printable") {
                decode_quoted_printable(body)
            } else if head.contains("base64") {
                let compact: String = body.split_whitespace().collect();
                String::from_utf8_lossy(
                    &base64::engine::general_purpose::STANDARD.decode(compact).expect("base64 body"),
                )
                .into_owned()
            } else {
                body.to_string()
            };
        }
        panic!("no {content_type} part in:\n{}", self.raw)
    }

    pub fn text(&self) -> String {
        self.part("text/plain")
    }

    /// The site path of the first link in the text part that starts with `prefix`.
    pub fn link(&self, prefix: &str) -> String {
        let text = self.text();
        let at = text.find(prefix).unwrap_or_else(|| panic!("no {prefix} link in:\n{text}"));
        text[at..].chars().take_while(|c| c.is_ascii_alphanumeric() || "/.-_".contains(*c)).collect()
    }

    /// The path of the List-Unsubscribe URL.
    pub fn list_unsubscribe_path(&self) -> String {
        let value = self.header("List-Unsubscribe");
        let url = value.trim_start_matches('<').trim_end_matches('>');
        let at = url.find("/unsubscribe/").unwrap_or_else(|| panic!("no unsubscribe URL in {value:?}"));
        url[at..].to_string()
    }
}

fn decode_quoted_printable(body: &str) -> String {
    let joined = body.replace("=\r\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        if bytes[i] == b'='
            && let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The site over a private copy of content/, with its own catalogue, subscribers database and
/// outbox folder in one temporary directory.
pub struct MailSite {
    pub dir: tempfile::TempDir,
    pub address: String,
    pub client: reqwest::Client,
    pub smtp_url: Option<String>,
    /// `--subscribers`: None for the default SQLite file, or a postgres:// URL.
    pub subscribers: Option<String>,
    server: actix_web::dev::ServerHandle,
}

impl Drop for MailSite {
    fn drop(&mut self) {
        drop(self.server.stop(false));
    }
}

impl MailSite {
    /// Starts the site, sending through `smtp_url`, or into the outbox folder when None.
    pub async fn start(smtp_url: Option<String>) -> MailSite {
        Self::start_with(smtp_url, None).await
    }

    /// A site whose subscribers live at `subscribers` (a postgres:// URL), or the default file.
    pub async fn start_with(smtp_url: Option<String>, subscribers: Option<String>) -> MailSite {
        let dir = tempfile::tempdir().expect("tempdir");
        copy_dir(&content_dir(), &dir.path().join("content"));
        let config = Config {
            addr: "127.0.0.1:0".into(),
            content: dir.path().join("content"),
            catalogue: dir.path().join("catalogue.db"),
            base_url: None,
            connections: 2,
            page_cache_mb: 16,
            warm: false,
            contact_email: None,
            mail: MailConfig { smtp_url: smtp_url.clone(), subscribers: subscribers.clone(), ..MailConfig::default() },
        };
        // The copy is the bundled content, so the catalogue it builds is the shared one.
        std::fs::copy(bundled_catalogue(), &config.catalogue).expect("copy the catalogue");
        let app = Application::build(&config).expect("the application starts");
        let address = format!("http://{}", app.address());
        let server = app.into_server();
        let handle = server.handle();
        tokio::spawn(server);
        // A fresh connection per request: these tests pause (SMTP, rebuilds) longer than the
        // server keeps an idle connection, and a reused one it has just closed fails the request.
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .pool_max_idle_per_host(0)
            .build()
            .expect("client");
        let site = MailSite { dir, address, client, smtp_url, subscribers, server: handle };
        for _ in 0..200 {
            if site.client.get(format!("{}/robots.txt", site.address)).send().await.is_ok() {
                return site;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        panic!("the site never answered");
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn subscribers(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.path("subscribers.db")).expect("open the subscribers database")
    }

    /// Each subscription's (email, state).
    /// (email, state) of every subscription, oldest first, from whichever store the site uses.
    pub fn states(&self) -> Vec<(String, String)> {
        const SQL: &str = "SELECT email, state FROM subscriptions ORDER BY id";
        if let Some(url) = self.subscribers.clone() {
            // The postgres client runs its own runtime: not on this test's async thread.
            return std::thread::spawn(move || {
                let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
                client.query(SQL, &[]).expect("query").iter().map(|r| (r.get(0), r.get(1))).collect()
            })
            .join()
            .expect("the query thread");
        }
        let conn = self.subscribers();
        let mut stmt = conn.prepare(SQL).expect("query");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("rows").map(|r| r.expect("row")).collect()
    }

    async fn read(response: reqwest::Response) -> Page {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        Page { status, headers, body: response.text().await.expect("body") }
    }

    pub async fn get(&self, path: &str) -> Page {
        Self::read(self.client.get(format!("{}{path}", self.address)).send().await.expect("request")).await
    }

    /// A form POST with the headers a browser on our own page would send.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        self.post_with(path, fields, &[("Origin", &self.address), ("Sec-Fetch-Site", "same-origin")]).await
    }

    pub async fn post_with(&self, path: &str, fields: &[(&str, &str)], headers: &[(&str, &str)]) -> Page {
        let mut request = self.client.post(format!("{}{path}", self.address)).form(fields);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        Self::read(request.send().await.expect("request")).await
    }

    /// The follow form's hidden token, as the role page serves it.
    pub async fn form_token(&self) -> String {
        let page = self.get(&format!("/roles/{ROLE}")).await;
        page.assert_status(200);
        let html = page.html();
        let input = crate::helpers::select(&html, "#updates form input[name=token]");
        input.first().and_then(|i| i.value().attr("value")).expect("a token field").to_string()
    }

    /// Submits the role page's follow form for `email`.
    pub async fn subscribe(&self, email: &str) -> Page {
        let token = self.form_token().await;
        self.post("/subscribe", &[("kind", "role"), ("id", ROLE), ("token", &token), ("email", email)]).await
    }

    /// Edits the role's content (growth score and a new revision) and rebuilds the catalogue.
    pub fn change_role(&self, growth: i64, note: &str) {
        let path = self.path("content").join(format!("roles/{ROLE}.md"));
        let text = std::fs::read_to_string(&path).expect("read role");
        let at = text.find("[growth]\nscore = ").expect("a growth score");
        let line_end = text[at + 17..].find('\n').expect("end of line") + at + 17;
        let mut text = format!("{}{growth}{}", &text[..at + 17], &text[line_end..]);
        let close = text[3..].find("\n+++").expect("closing +++") + 3;
        text.insert_str(close, &format!("\n\n[[revisions]]\ndate = 2026-12-{:02}\nnote = \"{note}\"", 20 + growth));
        std::fs::write(&path, text).expect("write role");
        // As an editor would: the score history gets its row, then the catalogue is built.
        let out = self.jobzone(&["history", "record"], &[]);
        assert!(out.status.success(), "the change is recorded: {}", String::from_utf8_lossy(&out.stderr));
        let out = self.jobzone(&["build"], &[]);
        assert!(out.status.success(), "the edited content builds: {}", String::from_utf8_lossy(&out.stderr));
    }

    /// Runs the jobzone binary over this site's files, with `--smtp-url` as configured.
    pub fn jobzone(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        self.jobzone_smtp(args, env, self.smtp_url.as_deref())
    }

    pub fn jobzone_smtp(&self, args: &[&str], env: &[(&str, &str)], smtp_url: Option<&str>) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_jobzone"));
        command
            .args(args)
            .arg("--content")
            .arg(self.path("content"))
            .arg("--catalogue")
            .arg(self.path("catalogue.db"))
            .arg("--base-url")
            .arg(&self.address)
            .env("RUST_LOG", "warn")
            .env_remove("JOBZONE_SECRET")
            .env_remove("JOBZONE_SMTP_URL");
        if let Some(url) = smtp_url {
            command.arg("--smtp-url").arg(url);
        }
        if let Some(subscribers) = &self.subscribers {
            command.arg("--subscribers").arg(subscribers);
        }
        for (k, v) in env {
            command.env(k, v);
        }
        command.output().expect("jobzone runs")
    }

    /// `jobzone notify` (retrying at once) through `smtp_url`, or else the site's own mail
    /// setting, with its exit code and printed report.
    pub fn notify(&self, smtp_url: Option<&str>, env: &[(&str, &str)]) -> (Option<i32>, String) {
        let smtp_url = smtp_url.or(self.smtp_url.as_deref());
        let out = self.jobzone_smtp(&["notify", "--retry-after", "0"], env, smtp_url);
        let report = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        (out.status.code(), report)
    }
}
