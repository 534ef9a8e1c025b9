//! The two databases the subscribers store runs on, behind one small interface: SQLite (the
//! embedded default, one file in WAL mode) and PostgreSQL (when several copies of the site
//! serve). Statements are written once, with `$1`-style parameters that both understand once
//! SQLite's are spelled `?1`; values cross as [`Param`] and come back as [`Row`].
//!
//! The `postgres` client runs its own small runtime, which must not be started or dropped on an
//! async worker: the store opens on a thread of its own, a client closes on one, and the store
//! is otherwise used only from blocking threads.

use anyhow::{Context, Result, bail};
use rusqlite::types::ValueRef;
use std::path::{Path, PathBuf};

/// Where subscriptions are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A SQLite file.
    Sqlite(PathBuf),
    /// A PostgreSQL connection string (`postgres://user:password@host:port/database`).
    Postgres(String),
}

impl Location {
    /// `postgres://...` or `postgresql://...` is a PostgreSQL server; anything else a file.
    pub fn parse(value: &str) -> Location {
        if value.starts_with("postgres://") || value.starts_with("postgresql://") {
            Location::Postgres(value.to_string())
        } else {
            Location::Sqlite(PathBuf::from(value))
        }
    }

    /// For logs: the file, or the server without its password.
    pub fn describe(&self) -> String {
        match self {
            Location::Sqlite(path) => path.display().to_string(),
            Location::Postgres(url) => match url.parse::<postgres::Config>() {
                Ok(c) => format!(
                    "PostgreSQL database {} on {}",
                    c.get_dbname().unwrap_or("(default)"),
                    c.get_hosts().first().map_or_else(String::new, host_name)
                ),
                Err(_) => "a PostgreSQL server".to_string(),
            },
        }
    }
}

fn host_name(host: &postgres::config::Host) -> String {
    match host {
        postgres::config::Host::Tcp(name) => name.clone(),
        postgres::config::Host::Unix(path) => path.display().to_string(),
    }
}

/// A statement parameter.
#[derive(Debug, Clone, Copy)]
pub enum Param<'a> {
    Int(i64),
    Real(f64),
    Text(&'a str),
    Blob(Option<&'a [u8]>),
}

/// One value of a result row.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

/// One result row.
#[derive(Debug)]
pub struct Row(Vec<Value>);

impl Row {
    fn at(&self, i: usize) -> Result<&Value> {
        self.0.get(i).with_context(|| format!("no column {i} in the result"))
    }

    pub fn int(&self, i: usize) -> Result<i64> {
        match self.at(i)? {
            Value::Int(v) => Ok(*v),
            other => bail!("column {i} holds {other:?}, not a whole number"),
        }
    }

    pub fn real(&self, i: usize) -> Result<f64> {
        match self.at(i)? {
            Value::Real(v) => Ok(*v),
            Value::Int(v) => Ok(*v as f64),
            other => bail!("column {i} holds {other:?}, not a number"),
        }
    }

    pub fn text(&self, i: usize) -> Result<String> {
        match self.at(i)? {
            Value::Text(v) => Ok(v.clone()),
            other => bail!("column {i} holds {other:?}, not text"),
        }
    }
}

/// An open connection to one of the two databases.
pub enum Db {
    Sqlite(rusqlite::Connection),
    Postgres(Pg),
}

impl Db {
    pub fn open(location: &Location) -> Result<Db> {
        match location {
            Location::Sqlite(path) => open_sqlite(path).map(Db::Sqlite),
            Location::Postgres(url) => Pg::connect(url).map(Db::Postgres),
        }
    }

    /// Runs a statement; returns how many rows it changed.
    pub fn execute(&mut self, sql: &str, params: &[Param<'_>]) -> Result<u64> {
        Ok(match self {
            Db::Sqlite(conn) => {
                conn.prepare_cached(&sqlite_sql(sql))?.execute(rusqlite::params_from_iter(params))? as u64
            }
            Db::Postgres(pg) => pg.client().execute(sql, &pg_params(params))?,
        })
    }

    /// Runs a query and reads every row.
    pub fn query(&mut self, sql: &str, params: &[Param<'_>]) -> Result<Vec<Row>> {
        match self {
            Db::Sqlite(conn) => {
                let mut stmt = conn.prepare_cached(&sqlite_sql(sql))?;
                let n = stmt.column_count();
                let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
                    (0..n).map(|i| r.get_ref(i).map(sqlite_value)).collect::<rusqlite::Result<Vec<_>>>().map(Row)
                })?;
                Ok(rows.collect::<rusqlite::Result<_>>()?)
            }
            Db::Postgres(pg) => pg.client().query(sql, &pg_params(params))?.iter().map(pg_row).collect(),
        }
    }

    /// The first row of a query, if any.
    pub fn query_opt(&mut self, sql: &str, params: &[Param<'_>]) -> Result<Option<Row>> {
        Ok(self.query(sql, params)?.into_iter().next())
    }

    /// Runs `work` in a transaction that holds the store's write lock from its start, so two
    /// processes doing the same work one after the other never both act on a stale read:
    /// SQLite's `BEGIN IMMEDIATE`, PostgreSQL's transaction-scoped advisory lock.
    pub fn write_transaction<T>(&mut self, work: impl FnOnce(&mut Db) -> Result<T>) -> Result<T> {
        self.batch(match self {
            Db::Sqlite(_) => "BEGIN IMMEDIATE",
            Db::Postgres(_) => "BEGIN; SELECT pg_advisory_xact_lock(7242031)",
        })?;
        match work(self) {
            Ok(value) => {
                self.batch("COMMIT")?;
                Ok(value)
            }
            Err(e) => {
                if let Err(rollback) = self.batch("ROLLBACK") {
                    tracing::warn!("rolling back failed: {rollback}");
                }
                Err(e)
            }
        }
    }

    /// Runs statements without parameters or results.
    pub fn batch(&mut self, sql: &str) -> Result<()> {
        match self {
            Db::Sqlite(conn) => conn.execute_batch(sql)?,
            Db::Postgres(pg) => pg.client().batch_execute(sql)?,
        }
        Ok(())
    }

    /// Brings the schema to the newest of `migrations` (one (SQLite, PostgreSQL) pair of
    /// scripts per version), recording the version in the database; refuses a newer database.
    pub fn migrate(&mut self, migrations: &[(&str, &str)]) -> Result<usize> {
        let postgres = matches!(self, Db::Postgres(_));
        if postgres {
            self.batch("CREATE TABLE IF NOT EXISTS jobzone_schema (version BIGINT NOT NULL)")?;
        }
        self.write_transaction(|db| {
            let version = db.schema_version()?;
            if version > migrations.len() {
                bail!("the database has schema version {version}, newer than this jobzone knows");
            }
            for (i, (sqlite, pg)) in migrations.iter().enumerate().skip(version) {
                db.batch(if postgres { pg } else { sqlite })?;
                let next = i as i64 + 1;
                match db {
                    Db::Sqlite(conn) => conn.pragma_update(None, "user_version", next)?,
                    Db::Postgres(_) => {
                        db.execute("DELETE FROM jobzone_schema", &[])?;
                        db.execute("INSERT INTO jobzone_schema (version) VALUES ($1)", &[Param::Int(next)])?;
                    }
                }
            }
            Ok(migrations.len())
        })
    }

    pub fn schema_version(&mut self) -> Result<usize> {
        let version = match self {
            Db::Sqlite(conn) => conn.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))?,
            Db::Postgres(_) => match self.query_opt("SELECT version FROM jobzone_schema", &[])? {
                Some(row) => row.int(0)?,
                None => 0,
            },
        };
        Ok(usize::try_from(version).unwrap_or(0))
    }

    /// Clears deleted rows out of the files: SQLite moves the write-ahead log into the zeroed
    /// main file (secure_delete), PostgreSQL vacuums the tables that hold addresses.
    pub fn purge_deleted(&mut self) -> Result<()> {
        match self {
            Db::Sqlite(conn) => conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?,
            Db::Postgres(pg) => pg.client().batch_execute("VACUUM subscriptions, outbox")?,
        }
        Ok(())
    }
}

fn open_sqlite(path: &Path) -> Result<rusqlite::Connection> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("while creating {}", dir.display()))?;
    }
    let conn = rusqlite::Connection::open(path)
        .with_context(|| format!("while opening the subscribers database {}", path.display()))?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")
        .with_context(|| format!("while opening {} for writing", path.display()))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Deleted addresses are overwritten with zeros, not left in free pages.
    conn.pragma_update(None, "secure_delete", "ON")?;
    Ok(conn)
}

/// `$1` parameters as SQLite spells them (`?1`); no statement here has a `$` of its own.
fn sqlite_sql(sql: &str) -> String {
    sql.replace('$', "?")
}

impl rusqlite::ToSql for Param<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, Value as Owned, ValueRef as Borrowed};
        Ok(match *self {
            Param::Int(v) => ToSqlOutput::Owned(Owned::Integer(v)),
            Param::Real(v) => ToSqlOutput::Owned(Owned::Real(v)),
            Param::Text(v) => ToSqlOutput::Borrowed(Borrowed::Text(v.as_bytes())),
            Param::Blob(Some(v)) => ToSqlOutput::Borrowed(Borrowed::Blob(v)),
            Param::Blob(None) => ToSqlOutput::Owned(Owned::Null),
        })
    }
}

fn sqlite_value(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Int(i),
        ValueRef::Real(r) => Value::Real(r),
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    }
}

/// A PostgreSQL client that closes on a thread of its own (see the module note).
pub struct Pg(Option<postgres::Client>);

impl Pg {
    fn connect(url: &str) -> Result<Pg> {
        let config: postgres::Config = url.parse().context("while reading the PostgreSQL connection string")?;
        let client = config.connect(postgres::NoTls).context("while connecting to PostgreSQL for subscribers")?;
        Ok(Pg(Some(client)))
    }

    fn client(&mut self) -> &mut postgres::Client {
        self.0.as_mut().expect("the client is present until dropped")
    }
}

impl Drop for Pg {
    fn drop(&mut self) {
        if let Some(client) = self.0.take() {
            let _ = std::thread::spawn(move || drop(client)).join();
        }
    }
}

fn pg_params<'a>(params: &'a [Param<'a>]) -> Vec<&'a (dyn postgres::types::ToSql + Sync)> {
    params
        .iter()
        .map(|p| -> &(dyn postgres::types::ToSql + Sync) {
            match p {
                Param::Int(v) => v,
                Param::Real(v) => v,
                Param::Text(v) => v,
                Param::Blob(v) => v,
            }
        })
        .collect()
}

fn pg_row(row: &postgres::Row) -> Result<Row> {
    use postgres::types::Type;
    let mut values = Vec::with_capacity(row.len());
    for (i, column) in row.columns().iter().enumerate() {
        let t = column.type_();
        let value = if *t == Type::INT8 {
            row.try_get::<_, Option<i64>>(i)?.map(Value::Int)
        } else if *t == Type::INT4 {
            row.try_get::<_, Option<i32>>(i)?.map(|v| Value::Int(v.into()))
        } else if *t == Type::FLOAT8 {
            row.try_get::<_, Option<f64>>(i)?.map(Value::Real)
        } else if *t == Type::BYTEA {
            row.try_get::<_, Option<Vec<u8>>>(i)?.map(Value::Blob)
        } else {
            row.try_get::<_, Option<String>>(i)?.map(Value::Text)
        };
        values.push(value.unwrap_or(Value::Null));
    }
    Ok(Row(values))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_postgres_url_is_a_server_and_anything_else_a_file() {
        assert_eq!(Location::parse("postgres://u@h/db"), Location::Postgres("postgres://u@h/db".into()));
        assert_eq!(Location::parse("postgresql://h/db"), Location::Postgres("postgresql://h/db".into()));
        assert_eq!(Location::parse("/var/lib/jobzone/s.db"), Location::Sqlite("/var/lib/jobzone/s.db".into()));
        let described = Location::parse("postgres://u:secret@db.example:5432/jobzone").describe();
        assert_eq!(described, "PostgreSQL database jobzone on db.example");
    }

    #[test]
    fn parameters_are_spelled_for_sqlite() {
        assert_eq!(sqlite_sql("SELECT a FROM t WHERE b = $1 AND c = $12"), "SELECT a FROM t WHERE b = ?1 AND c = ?12");
    }
}
