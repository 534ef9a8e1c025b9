//! Flags, each with a `JOBZONE_*` environment fallback. With none set, the site runs from
//! ./content at http://127.0.0.1:8080.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Clone, Parser)]
#[command(name = "jobzone", version, about = "AI job-risk assessments: build the catalogue and serve the site")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub config: Config,
}

#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Build the catalogue if it is missing or older than the content, then serve (the default).
    Serve,
    /// Validate the content and write the catalogue atomically.
    Build,
    /// Validate the content only; exit 1 listing every problem.
    Check,
    /// Email followers of every role whose score, zone or revision changed since the last
    /// notice, and deliver queued update emails (run after `build`, e.g. from cron).
    Notify(NotifyArgs),
    /// The score history in content/history.tsv.
    #[command(subcommand)]
    History(HistoryCommand),
}

#[derive(Debug, Clone, Subcommand)]
pub enum HistoryCommand {
    /// Append a row for each assessment whose score, zone or methodology version changed since
    /// its last row, with the reason from the methodology changelog or the editor's revision
    /// note; running it again adds nothing.
    Record {
        /// The date of rows for data changes, which have no date of their own (YYYY-MM-DD);
        /// defaults to today in UTC.
        #[arg(long)]
        date: Option<String>,
    },
}

#[derive(Debug, Clone, clap::Args)]
pub struct NotifyArgs {
    /// Seconds to wait before retrying a message the SMTP server did not take; doubles with
    /// each further failure.
    #[arg(long, default_value_t = 60)]
    pub retry_after: i64,
}

#[derive(Debug, Clone, clap::Args)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "JOBZONE_ADDR", default_value = "127.0.0.1:8080", global = true)]
    pub addr: String,
    /// The content folder: methodology.toml and roles/.
    #[arg(long, env = "JOBZONE_CONTENT", default_value = "content", global = true)]
    pub content: PathBuf,
    /// The SQLite catalogue the build writes and the server reads.
    #[arg(long, env = "JOBZONE_CATALOGUE", default_value = "catalogue.db", global = true)]
    pub catalogue: PathBuf,
    /// The public origin used in canonical and share links; defaults to http://ADDR.
    #[arg(long, env = "JOBZONE_BASE_URL", global = true)]
    pub base_url: Option<String>,
    /// Read-only catalogue connections in the pool.
    #[arg(long, env = "JOBZONE_CONNECTIONS", default_value_t = 8, global = true)]
    pub connections: usize,
    /// Where readers send corrections and accessibility reports (About and accessibility pages);
    /// defaults to corrections@ the public host.
    #[arg(long, env = "JOBZONE_CONTACT_EMAIL", global = true)]
    pub contact_email: Option<String>,
    /// Memory for rendered pages kept per catalogue, in MiB; 0 turns the page cache off.
    #[arg(long, env = "JOBZONE_PAGE_CACHE_MB", default_value_t = 64, global = true)]
    pub page_cache_mb: u64,
    /// Render every sitemap page into the page cache in the background whenever a catalogue is
    /// swapped in (at start and after each rebuild), up to the cache's budget; `--warm false`
    /// leaves each page to its first request.
    #[arg(long, env = "JOBZONE_WARM", default_value_t = true, action = clap::ArgAction::Set, global = true)]
    pub warm: bool,
    #[command(flatten)]
    pub mail: MailConfig,
}

/// Email updates: where subscribers are kept and how mail is sent. With none of it set,
/// subscribers go to subscribers.db beside the catalogue and mail to an outbox folder beside it.
/// SMTP credentials come from `JOBZONE_SMTP_USERNAME` / `JOBZONE_SMTP_PASSWORD`, the signing
/// secret from `JOBZONE_SECRET` (else generated once into SUBSCRIBERS.secret, mode 0600).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct MailConfig {
    /// The subscribers database: a SQLite file (never the catalogue), or a PostgreSQL server
    /// as postgres://user:password@host:port/database when several copies of the site serve.
    #[arg(long, env = "JOBZONE_SUBSCRIBERS", global = true)]
    pub subscribers: Option<String>,
    /// SMTP server: smtp://host:port, smtp://host:587?tls=required (STARTTLS) or smtps://host:465.
    #[arg(long, env = "JOBZONE_SMTP_URL", global = true)]
    pub smtp_url: Option<String>,
    /// The From address of our emails; defaults to updates@ the public host.
    #[arg(long, env = "JOBZONE_MAIL_FROM", global = true)]
    pub mail_from: Option<String>,
    /// The address of a reverse proxy in front of this server (e.g. 127.0.0.1): requests from it
    /// count toward the per-client limits under the last address of their X-Forwarded-For.
    #[arg(long, env = "JOBZONE_PROXY_IP", global = true)]
    pub proxy_ip: Option<std::net::IpAddr>,
    /// Where emails are written as .eml files when no SMTP server is set.
    #[arg(long, env = "JOBZONE_MAIL_OUTBOX", global = true)]
    pub mail_outbox: Option<PathBuf>,
}

impl Config {
    pub fn base_url(&self) -> String {
        match &self.base_url {
            Some(url) => url.trim_end_matches('/').to_string(),
            None => format!("http://{}", self.addr),
        }
    }
}
