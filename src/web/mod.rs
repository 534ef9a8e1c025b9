//! The web layer: shared state, the server and its routes. `http/` is the plumbing every answer
//! goes through (cache layer, page cache, ETags, codings, cache policy, methods, the render
//! adapter, reload, assets); `api/` answers under `/api/`; `share/` draws cards and badges; each
//! other module is one area of pages.

mod about;
mod api;
mod assessment;
mod browse;
mod charts;
mod compare;
mod error;
mod feeds;
pub mod filters;
mod home;
pub mod http;
mod icons;
mod methodology_page;
mod occupations;
mod open_data;
mod personal;
mod privacy;
mod role;
mod search;
pub mod share;
mod sitemap;
pub mod subscriptions;

pub use api::api_paths;
pub use error::WebError;

use crate::build::{self, BuildError};
use crate::catalogue::Catalogue;
use crate::config::Config;
use actix_web::body::MessageBody;
use actix_web::dev::{Server, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::{DefaultHeaders, Logger, from_fn};
use actix_web::{App, HttpServer, web};
use anyhow::{Context, Result};
use arc_swap::ArcSwap;
use http::reload::{Generation, Reason, Trigger};
use http::{assets, cache_layer, methods, reload};
use std::net::TcpListener;
use std::sync::Arc;

/// What every handler can reach. The catalogue is swapped whole when a rebuild succeeds; a
/// handler never asks the site for it but reads the one generation its [`State`] holds.
pub struct Site {
    live: ArcSwap<Generation>,
    /// Public origin for canonical and share links, without a trailing slash.
    pub base_url: String,
    page_cache_bytes: u64,
    rebuilds: Trigger,
    /// Renders each new generation's sitemap pages into its cache (when `--warm` is on).
    warmer: http::warm::Warmer,
    /// Email updates: subscribers, signing secret, mailer. None when the subscribers store
    /// could not be opened (e.g. a read-only deployment): pages say updates are unavailable.
    pub subscriptions: Option<Arc<crate::subscriptions::Subscriptions>>,
    /// Where readers send corrections and accessibility reports.
    pub contact_email: String,
}

impl Site {
    pub fn new(
        catalogue: Catalogue,
        base_url: String,
        page_cache_bytes: u64,
        subscriptions: Option<Arc<crate::subscriptions::Subscriptions>>,
    ) -> Site {
        let generation = Generation::new(catalogue, page_cache_bytes);
        Site {
            live: ArcSwap::from_pointee(generation),
            page_cache_bytes,
            rebuilds: Trigger::default(),
            warmer: Default::default(),
            contact_email: about::contact_email(None, &base_url),
            subscriptions,
            base_url,
        }
    }

    /// The catalogue being served now, for work outside a request (the notifier thread).
    pub fn live_catalogue(&self) -> Arc<Catalogue> {
        Arc::clone(&self.live.load().catalogue)
    }

    /// The catalogue being served now, with its page cache.
    pub fn generation(&self) -> Arc<Generation> {
        self.live.load_full()
    }

    /// Serves `catalogue` from now on, with empty caches.
    pub fn install(&self, catalogue: Catalogue) {
        let generation = Arc::new(Generation::new(catalogue, self.page_cache_bytes));
        self.live.store(Arc::clone(&generation));
        self.warmer.warm(generation);
    }

    /// Asks the rebuild thread (if `serve` started one) for a rebuild.
    pub fn request_rebuild(&self, reason: Reason) {
        self.rebuilds.send(reason);
    }

    /// Reports `damaged` (the catalogue a query found damaged) and waits, on a blocking thread,
    /// for the rebuild thread's next attempt. Returns the catalogue served after a successful
    /// repair, or None when there is no rebuild thread or the repair failed.
    pub fn repair(&self, damaged: &Arc<Catalogue>) -> Option<Arc<Catalogue>> {
        self.rebuilds.repair(damaged, || self.live_catalogue())
    }
}

/// What a handler takes: the site, and the one catalogue generation the whole request reads
/// from. The cache layer picks the generation as the request arrives (and keeps the page in that
/// generation's cache); a swap in the middle of a request changes neither.
#[derive(Clone)]
pub struct State {
    site: web::Data<Site>,
    generation: Arc<Generation>,
}

impl State {
    /// The catalogue of this request's generation.
    pub fn catalogue(&self) -> Arc<Catalogue> {
        Arc::clone(&self.generation.catalogue)
    }

    /// This request's generation: its catalogue and the caches that live and die with it.
    pub fn generation(&self) -> &Arc<Generation> {
        &self.generation
    }
}

impl std::ops::Deref for State {
    type Target = Site;
    fn deref(&self) -> &Site {
        &self.site
    }
}

impl actix_web::FromRequest for State {
    type Error = WebError;
    type Future = std::future::Ready<Result<State, WebError>>;

    fn from_request(req: &actix_web::HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let site = req.app_data::<web::Data<Site>>().cloned();
        std::future::ready(match site {
            Some(site) => {
                let chosen = actix_web::HttpMessage::extensions(req).get::<Arc<Generation>>().cloned();
                Ok(State { generation: chosen.unwrap_or_else(|| site.generation()), site })
            }
            None => Err(WebError::internal("while finding the site", anyhow::anyhow!("no Site in the app data"))),
        })
    }
}

/// Builds the catalogue first when it is missing or older than the content. A failed rebuild
/// (invalid content, or a folder that cannot be written) keeps the existing catalogue and
/// serves it; with no catalogue at all, it is an error.
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
        // A read-only deployment cannot rebuild, and need not: its catalogue is what it serves.
        Err(BuildError::Io(e)) if config.catalogue.exists() => {
            tracing::warn!("the catalogue cannot be rebuilt ({e:#}); serving the existing one");
            Ok(())
        }
        Err(BuildError::Io(e)) => Err(e),
    }
}

/// A bound, not yet running server; binding first lets tests ask for port 0.
pub struct Application {
    server: Server,
    address: std::net::SocketAddr,
    site: Arc<Site>,
    config: Config,
}

impl Application {
    pub fn build(config: &Config) -> Result<Application> {
        let listener = TcpListener::bind(&config.addr).with_context(|| format!("while binding {}", config.addr))?;
        let address = listener.local_addr()?;
        let base_url = match &config.base_url {
            Some(_) => config.base_url(),
            None => {
                tracing::warn!(
                    "no --base-url (JOBZONE_BASE_URL) is set: canonical links, share cards and badge snippets will point at http://{address}"
                );
                format!("http://{address}")
            }
        };
        let catalogue = reload::open_or_rebuild(config)?;
        let subscriptions = match crate::subscriptions::Subscriptions::open(config, base_url.clone()) {
            Ok(subscriptions) => Some(Arc::new(subscriptions)),
            Err(e) => {
                tracing::warn!(
                    "email updates are unavailable: {e:#}. Every page is served; to offer updates, point --subscribers (JOBZONE_SUBSCRIBERS) at a writable file or a postgres:// database"
                );
                None
            }
        };
        let contact_email = about::contact_email(config.contact_email.as_deref(), &base_url);
        let site = web::Data::new(Site {
            contact_email,
            ..Site::new(catalogue, base_url, config.page_cache_mb.saturating_mul(1 << 20), subscriptions)
        });
        assets::prepare();
        let data = site.clone();
        let workers = std::thread::available_parallelism().map_or(2, usize::from);
        let server = HttpServer::new(move || {
            app(data.clone())
                .wrap(security_headers())
                // Email links carry tokens: keep them out of the access log.
                .wrap(
                    Logger::new("%r %s %b %Dms")
                        .log_target("jobzone::access")
                        .exclude_regex("^/(subscribe/confirm|unsubscribe)/"),
                )
        })
        .workers(workers)
        // Catalogue work waits for a pooled connection anyway: more threads than connections
        // would only hold memory.
        .worker_max_blocking_threads(config.connections.div_ceil(workers).max(1))
        .listen(listener)?
        .run();
        let site = site.into_inner();
        if config.warm {
            http::warm::start(&site).context("while starting the page warmer")?;
        }
        Ok(Application { server, address, site, config: config.clone() })
    }

    /// Rebuilds and swaps the catalogue when the content changes or on SIGHUP. Call from inside
    /// the server's runtime.
    pub fn watch_content(&self) -> Result<()> {
        reload::start(Arc::clone(&self.site), &self.config)
    }

    /// The shared state, for tests that swap or inspect the catalogue.
    pub fn site(&self) -> Arc<Site> {
        Arc::clone(&self.site)
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
        let Some(subscriptions) = self.site.subscriptions.clone() else { return };
        let site = Arc::clone(&self.site);
        std::thread::spawn(move || {
            loop {
                // The catalogue served now: a swap in between is seen on the next pass.
                match crate::subscriptions::notify::after_catalogue_swap(&subscriptions, &site.live_catalogue()) {
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

/// The routes and what every answer needs (state, extractor errors, the cache layer). The server
/// wraps access logs and security headers around it; the page warmer calls it in-process.
pub(crate) fn app(
    site: web::Data<Site>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new()
        .app_data(site)
        .app_data(web::PathConfig::default().error_handler(|_, _| WebError::NotFound.into()))
        .app_data(web::QueryConfig::default().error_handler(|e, _| WebError::BadRequest(e.to_string()).into()))
        .wrap(from_fn(cache_layer::serve))
        .configure(routes)
}

fn routes(cfg: &mut web::ServiceConfig) {
    use methods::page;
    cfg.service(page("/", home::home))
        .service(page("/roles", browse::roles))
        .service(page("/roles/{slug}", role::role_page))
        .service(page("/roles/{slug}/personal", personal::role_personal))
        .service(page("/methodology", methodology_page::methodology))
        .service(page("/about", about::about))
        .service(page("/accessibility", about::accessibility))
        .service(page("/occupations", occupations::occupations))
        .service(page("/occupations/{code}", occupations::occupation))
        .service(page("/occupations/{code}/personal", personal::occupation_personal))
        .service(page("/compare", compare::compare_form))
        .service(page("/compare/{a}/{b}", compare::compare_page))
        .service(page("/search", search::search_page))
        // Open data, the JSON API (every /api route lives in api_v1) and feeds.
        .service(page("/data", open_data::page))
        .service(page("/data/assessments.csv", open_data::csv))
        .service(page("/data/assessments.json", open_data::json))
        .service(page("/data/history.csv", open_data::history_csv))
        .service(api::scope())
        .service(page("/roles/{slug}/feed.xml", feeds::role_feed))
        .service(page("/occupations/{code}/feed.xml", feeds::occupation_feed))
        .service(page("/feed.xml", feeds::site_feed))
        .service(page("/static/{file}", assets::asset))
        .service(page("/robots.txt", sitemap::robots))
        .service(page("/sitemap.xml", sitemap::sitemap))
        .service(page("/privacy", privacy::privacy))
        .configure(subscriptions::routes)
        .configure(share::routes)
        .configure(icons::routes)
        .default_service(web::to(methods::not_found_or_redirect));
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

/// Runs catalogue work on the blocking pool, never on an async worker. When SQLite finds the
/// catalogue file damaged, the rebuild thread repairs it and the work runs once more on the
/// repaired catalogue, so the request that met the damage is answered from the repair.
pub async fn with_catalogue<T, F>(site: &State, f: F) -> Result<T, WebError>
where
    T: Send + 'static,
    F: Fn(&Catalogue) -> rusqlite::Result<T> + Send + 'static,
{
    let catalogue = site.catalogue();
    let site = site.clone();
    let result = web::block(move || match f(&catalogue) {
        Err(e) if is_damage(&e) => {
            tracing::error!("the catalogue file is damaged ({e}); repairing it");
            match site.repair(&catalogue) {
                Some(repaired) => f(&repaired),
                None => Err(e),
            }
        }
        other => other,
    })
    .await
    .map_err(|e| WebError::internal("while waiting for a blocking thread", e))?;
    result.map_err(|e| WebError::internal("while reading the catalogue", e))
}

/// True for the SQLite errors that mean the file itself is damaged, which a rebuild repairs:
/// corrupt pages, a file that is not a database, and any I/O error (a short read from a
/// truncated file among them).
fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(
            rusqlite::ErrorCode::DatabaseCorrupt
                | rusqlite::ErrorCode::NotADatabase
                | rusqlite::ErrorCode::SystemIoFailure
                | rusqlite::ErrorCode::CannotOpen
        )
    )
}

/// Everything but RFC 3986's unreserved characters (letters, digits, `-`, `_`, `.`, `~`).
const QUERY_VALUE: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

/// Percent-encodes a query-string value (RFC 3986 unreserved characters pass through).
pub(crate) fn encode_query_value(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, QUERY_VALUE).to_string()
}
