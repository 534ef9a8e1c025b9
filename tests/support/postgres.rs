//! A throwaway PostgreSQL server for tests: the Debian package's own binaries
//! (`/usr/lib/postgresql/*/bin`), a temporary data folder, a free loopback port, trust
//! authentication, stopped and removed when dropped. PostgreSQL refuses to run as root, so as
//! root every server command runs as the `postgres` user.
//!
//! Without the binaries a test is skipped with a printed reason, unless `CI` is set: CI installs
//! PostgreSQL, so there a missing server fails the test.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Command, Output};

pub struct TempPostgres {
    dir: tempfile::TempDir,
    bin: PathBuf,
    port: u16,
    as_postgres: bool,
    databases: std::sync::atomic::AtomicUsize,
}

/// The newest installed server's binaries.
fn server_binaries() -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .map(|e| e.path().join("bin"))
        .filter(|bin| bin.join("initdb").exists() && bin.join("pg_ctl").exists())
        .collect();
    found.sort_by_key(|p| {
        p.parent().and_then(|v| v.file_name()).and_then(|v| v.to_str()).and_then(|v| v.parse::<u32>().ok())
    });
    found.pop()
}

fn running_as_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

impl TempPostgres {
    /// Starts a server, or returns None (printing why) when PostgreSQL is not installed and
    /// `CI` is not set.
    pub fn start() -> Option<TempPostgres> {
        let Some(bin) = server_binaries() else {
            let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false");
            assert!(!ci, "CI is set but no PostgreSQL server binaries are in /usr/lib/postgresql/*/bin");
            eprintln!(
                "skipped: no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)"
            );
            return None;
        };
        let dir = tempfile::tempdir().expect("a temporary folder");
        let as_postgres = running_as_root();
        let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
        let server = TempPostgres { dir, bin, port, as_postgres, databases: Default::default() };
        if as_postgres {
            let owned = Command::new("chown").arg("postgres:").arg(server.dir.path()).status().expect("chown");
            assert!(owned.success(), "cannot hand the data folder to the postgres user");
        }
        let data = server.data();
        server.run("initdb", &["-D", &data, "-A", "trust", "-U", "jobzone", "-E", "UTF8", "--no-sync"]);
        let options =
            format!("-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off", server.port, server.dir.path().display());
        let log = server.dir.path().join("server.log").display().to_string();
        server.run("pg_ctl", &["-D", &data, "-o", &options, "-l", &log, "-w", "start"]);
        Some(server)
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    /// The server program `program`, as the `postgres` user when we are root.
    fn command(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(path);
            c
        } else {
            Command::new(path)
        }
    }

    fn run(&self, program: &str, args: &[&str]) -> Output {
        let out =
            self.command(program).args(args).current_dir(self.dir.path()).output().expect("a PostgreSQL program runs");
        let log = std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default();
        assert!(
            out.status.success(),
            "{program} failed: {}{}\n{log}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// A new, empty database on this server, as a connection string.
    pub fn database(&self) -> String {
        let n = self.databases.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let name = format!("jobzone_test_{n}");
        self.run("createdb", &["-h", "127.0.0.1", "-p", &self.port.to_string(), "-U", "jobzone", &name]);
        format!("postgres://jobzone@127.0.0.1:{}/{name}", self.port)
    }
}

impl Drop for TempPostgres {
    fn drop(&mut self) {
        let data = self.data();
        let _ = self.command("pg_ctl").args(["-D", &data, "-m", "immediate", "-w", "stop"]).output();
    }
}
