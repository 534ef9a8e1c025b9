//! The HTTP layer: routes, shared state, and the server itself.

mod assets;
mod browse;
mod charts;
mod compare;
mod error;
pub mod filters;
mod home;
mod methodology_page;
mod occupations;
mod personal;
mod privacy;
mod render;
mod role;
mod search;
mod sitemap;
pub mod subscriptions;

pub use error::WebError;

use crate::build::{self, BuildError};
use crate::catalogue::Catalogue;
use crate::config::Config;
use actix_web::dev::Server;
use actix_web::middleware::{Compress, DefaultHeaders, Logger};
use actix_web::{App, HttpServer, Route, guard, web};
use anyhow::{Context, Result};
use std::net::TcpListener;
use std::sync::Arc;

/// What every handler can reach.
pub struct Site {
    pub catalogue: Catalogue,
    /// Public origin for canonical and share links, without a trailing slash.
    pub base_url: String,
    /// Email updates: subscribers, signing secret, mailer.
    pub subscriptions: Arc<crate::subscriptions::Subscriptions>,
}

pub type State = web::Data<Site>;

/// Builds the catalogue first when it is missing or older than the content. A failed rebuild
/// keeps the existing catalogue and serves it; with no catalogue at all, it is an error.
pub fn prepare_catalogue(config: &Config) -> Result<()> {
    if !build::is_stale(&config.content, &config.catalogue) {
        return Ok(());
    }
    tracing::info!("building {} from {}", config.catalogue.display(), config.content.display());
    match build::build(&config.content, &config.catalogue) {
        Ok(w) => {
            tracing::info!("catalogue built: {} roles, version {}", w.roles, w.version);
            Ok(())
        }
        Err(BuildError::Invalid(problems)) if config.catalogue.exists() => {
            tracing::error!("content is invalid; serving the previous catalogue.\n{problems}");
            Ok(())
        }
        Err(BuildError::Invalid(problems)) => {
            anyhow::bail!("content is invalid, so there is no catalogue to serve:\n{problems}")
        }
        Err(BuildError::Io(e)) => Err(e),
    }
}

/// A bound, not yet running server; binding first lets tests ask for port 0.
pub struct Application {
    server: Server,
    address: std::net::SocketAddr,
    site: web::Data<Site>,
}

impl Application {
    pub fn build(config: &Config) -> Result<Application> {
        let listener = TcpListener::bind(&config.addr).with_context(|| format!("while binding {}", config.addr))?;
        let address = listener.local_addr()?;
        let base_url = match &config.base_url {
            Some(_) => config.base_url(),
            None => format!("http://{address}"),
        };
        let catalogue = Catalogue::open(&config.catalogue, config.connections)?;
        let subscriptions = Arc::new(crate::subscriptions::Subscriptions::open(config, base_url.clone())?);
        let site = web::Data::new(Site { catalogue, base_url, subscriptions });
        let app_site = site.clone();
        let server = HttpServer::new(move || {
            App::new()
                .app_data(app_site.clone())
                .app_data(web::PathConfig::default().error_handler(|_, _| WebError::NotFound.into()))
                .app_data(web::QueryConfig::default().error_handler(|e, _| WebError::BadRequest(e.to_string()).into()))
                .wrap(Compress::default())
                .wrap(security_headers())
                // Email links carry tokens: keep them out of the access log.
                .wrap(
                    Logger::new("%r %s %b %Dms")
                        .log_target("jobzone::access")
                        .exclude_regex("^/(subscribe/confirm|unsubscribe)/"),
                )
                .configure(routes)
        })
        .listen(listener)?
        .run();
        Ok(Application { server, address, site })
    }

    pub fn address(&self) -> std::net::SocketAddr {
        self.address
    }

    pub fn port(&self) -> u16 {
        self.address.port()
    }

    pub async fn run(self) -> std::io::Result<()> {
        self.server.await
    }

    /// For `jobzone serve`: a thread that every minute tells followers about changes in the
    /// served catalogue and retries queued update emails, so no cron job is needed.
    pub fn spawn_notifier(&self) {
        let site = self.site.clone().into_inner();
        std::thread::spawn(move || {
            loop {
                match crate::subscriptions::notify::after_catalogue_swap(&site.subscriptions, &site.catalogue) {
                    Ok(report) if report != Default::default() => tracing::info!("email updates: {report}"),
                    Ok(_) => {}
                    Err(e) => tracing::error!("email updates: {e:#}"),
                }
                std::thread::sleep(std::time::Duration::from_secs(60));
            }
        });
    }

    /// The server future, for tests that spawn it and need a handle to stop it.
    pub fn into_server(self) -> Server {
        self.server
    }
}

/// GET, and HEAD answered the same way without a body.
fn page_route() -> Route {
    web::route().guard(guard::Any(guard::Get()).or(guard::Head()))
}

fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", page_route().to(home::home))
        .route("/roles", page_route().to(browse::roles))
        .route("/roles/{slug}", page_route().to(role::role_page))
        .route("/roles/{slug}/personal", page_route().to(personal::personal))
        .route("/roles/{slug}/feed.xml", page_route().to(role::role_feed))
        .route("/methodology", page_route().to(methodology_page::methodology))
        .route("/occupations", page_route().to(occupations::occupations))
        .route("/occupations/{code}", page_route().to(occupations::occupation))
        .route("/compare", page_route().to(compare::compare_form))
        .route("/compare/{a}/{b}", page_route().to(compare::compare_page))
        .route("/search", page_route().to(search::search_page))
        .route("/api/v1/search", page_route().to(search::search_api))
        .route("/api/{rest:.*}", web::route().to(search::api_not_found))
        .route("/static/{file}", page_route().to(assets::asset))
        .route("/robots.txt", page_route().to(sitemap::robots))
        .route("/sitemap.xml", page_route().to(sitemap::sitemap))
        .route("/privacy", page_route().to(privacy::privacy))
        .configure(subscriptions::routes)
        .default_service(web::to(error::not_found));
}

fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("Referrer-Policy", "strict-origin-when-cross-origin"))
        .add((
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        ))
}

/// Runs catalogue work on the blocking pool, never on an async worker.
pub async fn with_catalogue<T, F>(site: &State, f: F) -> Result<T, WebError>
where
    T: Send + 'static,
    F: FnOnce(&Catalogue) -> rusqlite::Result<T> + Send + 'static,
{
    let site: Arc<Site> = site.clone().into_inner();
    web::block(move || f(&site.catalogue))
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?
        .map_err(|e| WebError::Internal(e.to_string()))
}

/// Percent-encodes a query-string value (RFC 3986 unreserved characters pass through).
pub(crate) fn encode_query_value(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
