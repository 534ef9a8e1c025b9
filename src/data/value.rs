//! Reading one cell of a data table as a typed value, with a problem naming file:line when the
//! cell is not what the published table holds.

use super::table::{Row, Table};
use crate::problem::Problem;

/// Markers the BLS tables use in place of a figure: "#" (wage above the top of the range),
/// "*" and "**" (no estimate), "-" and "—" (not available). They mean "no value", not an error.
const NO_VALUE: [&str; 6] = ["", "#", "*", "**", "-", "—"];

/// The trimmed text of a cell.
pub fn text(row: &Row, col: usize) -> &str {
    row.fields.get(col).map_or("", |f| f.trim())
}

/// A number that may be absent (a BLS marker); "1,234" reads as 1234. Anything else that is not
/// a number is a problem.
pub fn optional_number(table: &Table, row: &Row, col: usize, problems: &mut Vec<Problem>) -> Option<f64> {
    let raw = text(row, col);
    if NO_VALUE.contains(&raw) {
        return None;
    }
    match raw.replace(',', "").parse::<f64>() {
        Ok(v) if v.is_finite() => Some(v),
        _ => {
            problems.push(table.problem(
                row,
                format!(
                    "column \"{}\" holds \"{raw}\", not a number; restore the published file unmodified (its source is in the SOURCE.md beside it)",
                    table.headers[col]
                ),
            ));
            None
        }
    }
}

/// A number the row must have.
pub fn number(table: &Table, row: &Row, col: usize, problems: &mut Vec<Problem>) -> Option<f64> {
    let v = optional_number(table, row, col, problems);
    if v.is_none() && NO_VALUE.contains(&text(row, col)) {
        problems.push(table.problem(
            row,
            format!("column \"{}\" is empty; restore the published file unmodified (its source is in the SOURCE.md beside it)", table.headers[col]),
        ));
    }
    v
}

/// A whole-number identifier such as a Task ID; "8823.0" (as GPTs are GPTs writes it) reads as 8823.
pub fn id(table: &Table, row: &Row, col: usize, problems: &mut Vec<Problem>) -> Option<u32> {
    let raw = text(row, col);
    let parsed = raw.parse::<u32>().ok().or_else(|| raw.strip_suffix(".0").and_then(|r| r.parse::<u32>().ok()));
    if parsed.is_none() {
        problems.push(table.problem(
            row,
            format!(
                "column \"{}\" holds \"{raw}\", not a whole-number id; restore the published file unmodified (its source is in the SOURCE.md beside it)",
                table.headers[col]
            ),
        ));
    }
    parsed
}

/// An O*NET-SOC code "15-1252.00" or a SOC code "15-1252": checked for shape so a shifted
/// column is caught.
pub fn code<'a>(table: &Table, row: &'a Row, col: usize, problems: &mut Vec<Problem>) -> Option<&'a str> {
    let raw = text(row, col);
    let b = raw.as_bytes();
    let soc = b.len() >= 7 && b[2] == b'-' && b[..2].iter().chain(&b[3..7]).all(u8::is_ascii_digit);
    let ok = soc && (b.len() == 7 || (b.len() == 10 && b[7] == b'.' && b[8..].iter().all(u8::is_ascii_digit)));
    if ok {
        Some(raw)
    } else {
        problems.push(table.problem(
            row,
            format!("column \"{}\" holds \"{raw}\", not an occupation code like 15-1252 or 15-1252.00; restore the published file unmodified (its source is in the SOURCE.md beside it)", table.headers[col]),
        ));
        None
    }
}

/// Looks up several columns, or records the problem and gives up on the table.
pub fn columns<const N: usize>(table: &Table, names: [&str; N], problems: &mut Vec<Problem>) -> Option<[usize; N]> {
    table.columns(names).map_err(|p| problems.push(p)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::table::Format;

    #[test]
    fn bls_markers_read_as_no_value_and_garbage_is_a_problem_with_its_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("t.tsv"), "Code\tWage\n15-1252\t1,234\n15-1253\t#\n1x-0000\tabc\n")
            .expect("write");
        let mut problems = Vec::new();
        let t = Table::read(dir.path(), "t.tsv", Format::Tsv, &mut problems).expect("reads");
        let rows = &t.rows;
        assert_eq!(optional_number(&t, &rows[0], 1, &mut problems), Some(1234.0));
        assert_eq!(optional_number(&t, &rows[1], 1, &mut problems), None);
        assert!(problems.is_empty());
        assert_eq!(optional_number(&t, &rows[2], 1, &mut problems), None);
        assert_eq!(code(&t, &rows[2], 0, &mut problems), None);
        assert_eq!(code(&t, &rows[0], 0, &mut problems), Some("15-1252"));
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(shown[0].contains("t.tsv:4: column \"Wage\" holds \"abc\""), "{shown:?}");
        assert!(shown[1].contains("t.tsv:4: column \"Code\" holds \"1x-0000\""), "{shown:?}");
    }
}
