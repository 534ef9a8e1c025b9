//! Logging: tracing with an EnvFilter (`RUST_LOG`), info by default, and when long jobs log progress.

use tracing_subscriber::EnvFilter;

/// actix-http reports a client's malformed request or dropped connection as an ERROR from its
/// connection dispatcher; those are the client's problem, not ours, so they are hidden unless
/// `RUST_LOG` asks for them (e.g. `RUST_LOG=info,actix_http=debug`).
const CLIENT_PROTOCOL_ERRORS: &str = "actix_http::h1::dispatcher=off,actix_http::h2::dispatcher=off";

pub fn init(default_filter: &str) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new(format!("{default_filter},{CLIENT_PROTOCOL_ERRORS}")));
    // A second call (as in tests) keeps the first subscriber.
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_target(false).try_init();
}

/// Large builds log progress every this many files or assessments...
pub const PROGRESS_EVERY: usize = 1000;
/// ...once there are at least this many.
pub const PROGRESS_FROM: usize = 2000;
