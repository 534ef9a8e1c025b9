//! One reader for every research data table we ship (tab- or comma-separated text with a header
//! row): columns are found by their published names, and every problem names the file and line.

use crate::problem::Problem;
use std::path::{Path, PathBuf};

/// How the fields of a table are separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tab-separated, no quoting (O*NET's text files, BLS tables converted to TSV).
    Tsv,
    /// Comma-separated with double-quoted fields (OEWS, the research CSVs).
    Csv,
}

/// A data table read whole: its header and its rows, each with the file line it came from.
#[derive(Debug)]
pub struct Table {
    pub path: PathBuf,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

#[derive(Debug)]
pub struct Row {
    /// 1-based line of the file on which the row starts.
    pub line: usize,
    pub fields: Vec<String>,
}

impl Table {
    /// Reads `dir/relative`; a missing or unreadable file is a problem that says where to get it.
    /// Every field passes the text gate (`data::gate`) or the table is refused. The file's bytes
    /// go to the build's read log (`data::read_log`), so its fingerprint need not read them again.
    pub fn read(dir: &Path, relative: &str, format: Format, problems: &mut Vec<Problem>) -> Option<Table> {
        let path = dir.join(relative);
        let parsed = std::fs::read(&path)
            .map_err(|e| {
                Problem::new(
                    &path,
                    1,
                    format!("cannot read this data file ({e}); put the published file there unmodified (content/data/*/SOURCE.md says where it comes from)"),
                )
            })
            .and_then(|bytes| {
                let table = Self::parse(&path, &bytes, format);
                super::read_log::keep(&path, bytes);
                table
            });
        match parsed {
            Ok(table) => super::gate::check(&table, problems).then_some(table),
            Err(problem) => {
                problems.push(problem);
                None
            }
        }
    }

    fn parse(path: &Path, bytes: &[u8], format: Format) -> Result<Table, Problem> {
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf".as_slice()).unwrap_or(bytes);
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let before = &bytes[..e.valid_up_to()];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let column = before.len() - before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
            Problem::new(
                path,
                line,
                format!("byte {column} of this line is not UTF-8 text; restore the published file unmodified (its source is in the SOURCE.md beside it)"),
            )
        })?;
        let (headers, records) = match format {
            Format::Tsv => split_tsv(text),
            Format::Csv => split_csv(path, text)?,
        };
        let mut rows = Vec::with_capacity(records.len());
        for (line, fields) in records {
            if fields.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            if fields.len() != headers.len() {
                return Err(Problem::new(
                    path,
                    line,
                    format!(
                        "expected {} fields as in the header row, found {}; restore the published file unmodified (its source is in the SOURCE.md beside it)",
                        headers.len(),
                        fields.len()
                    ),
                ));
            }
            rows.push(Row { line, fields });
        }
        Ok(Table { path: path.to_path_buf(), headers, rows })
    }

    /// The position of the column named `name`, or a problem saying the file is not the
    /// published table.
    pub fn column(&self, name: &str) -> Result<usize, Problem> {
        self.headers.iter().position(|h| h == name).ok_or_else(|| {
            Problem::new(
                &self.path,
                1,
                format!("no column \"{name}\" in the header row; this is not the published table, restore the published file unmodified (its source is in the SOURCE.md beside it)"),
            )
        })
    }

    /// Positions of several columns at once; the first missing one is the problem.
    pub fn columns<const N: usize>(&self, names: [&str; N]) -> Result<[usize; N], Problem> {
        let mut out = [0; N];
        for (slot, name) in out.iter_mut().zip(names) {
            *slot = self.column(name)?;
        }
        Ok(out)
    }

    /// A problem at `row`'s line.
    pub fn problem(&self, row: &Row, message: impl Into<String>) -> Problem {
        Problem::new(&self.path, row.line, message)
    }
}

type Records = Vec<(usize, Vec<String>)>;

/// Tab-separated lines, no quoting: every line is a row, so line numbers are exact.
fn split_tsv(text: &str) -> (Vec<String>, Records) {
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let headers = lines.next().unwrap_or_default().split('\t').map(|h| h.trim().to_string()).collect();
    let records = lines.enumerate().map(|(i, l)| (i + 2, l.split('\t').map(str::to_string).collect())).collect();
    (headers, records)
}

/// Comma-separated with quoted fields (a quoted field may hold commas).
fn split_csv(path: &Path, text: &str) -> Result<(Vec<String>, Records), Problem> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).has_headers(true).from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| Problem::new(path, 1, format!("cannot read the header row ({e})")))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let mut records = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(1, |p| p.line() as usize);
            Problem::new(path, line, format!("malformed row ({e}); restore the published file unmodified (its source is in the SOURCE.md beside it)"))
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        records.push((line, record.iter().map(str::to_string).collect()));
    }
    Ok((headers, records))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) {
        std::fs::write(dir.join(name), text).expect("write test table");
    }

    #[test]
    fn reads_tsv_and_csv_with_lines_and_named_columns() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(
            dir.path(),
            "a.tsv",
            "Code\tTitle\n11-1011.00\tChief \"Executives\"\n\n15-1252.00\tSoftware Developers\r\n",
        );
        write(dir.path(), "b.csv", "\u{feff}OCC_CODE,Employment\n00-0000,\"155,495,730\"\n");
        let mut problems = Vec::new();
        let a = Table::read(dir.path(), "a.tsv", Format::Tsv, &mut problems).expect("tsv reads");
        let b = Table::read(dir.path(), "b.csv", Format::Csv, &mut problems).expect("csv reads");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(a.columns(["Title", "Code"]).expect("columns"), [1, 0]);
        assert_eq!(a.rows[0].fields[1], "Chief \"Executives\"");
        assert_eq!((a.rows[1].line, a.rows[1].fields[1].as_str()), (4, "Software Developers"));
        assert_eq!(b.rows[0].fields[b.column("Employment").expect("column")], "155,495,730");
    }

    #[test]
    fn a_missing_file_a_short_row_and_a_missing_column_name_their_place() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "short.tsv", "A\tB\n1\t2\n3\n");
        let mut problems = Vec::new();
        assert!(Table::read(dir.path(), "nope.tsv", Format::Tsv, &mut problems).is_none());
        assert!(Table::read(dir.path(), "short.tsv", Format::Tsv, &mut problems).is_none());
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(shown[0].contains("nope.tsv:1: cannot read this data file"), "{shown:?}");
        assert!(shown[1].contains("short.tsv:3: expected 2 fields"), "{shown:?}");
        write(dir.path(), "ok.tsv", "A\tB\n1\t2\n");
        let ok = Table::read(dir.path(), "ok.tsv", Format::Tsv, &mut problems).expect("reads");
        assert!(ok.column("C").unwrap_err().to_string().contains("ok.tsv:1: no column \"C\""));
    }
}
