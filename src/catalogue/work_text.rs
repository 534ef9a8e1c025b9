//! Search by what the work is, in the catalogue's full-text index (see `occupation_text`,
//! `work_text` and `work_text_spans` in schema.sql, and `crate::search::describe`).
//!
//! Occupations are ranked on their whole documents first; then only the texts of the leading
//! ones are ranked one by one. `work_text` rows are stored occupation by occupation, so the
//! leading occupations' rows are a few runs of rowids, passed to SQLite as a bit set: FTS5 then
//! computes bm25 only for texts that can be shown, not for every text holding a common word.

use crate::search::{DescribeQuery, WorkIndex, WorkKind, WorkMatches, WorkRow, describe};
use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, Result, params};
use rustc_hash::FxHashMap as HashMap;

/// The kinds of text, in the order each occupation's rows are written.
pub(super) const KINDS: [WorkKind; 4] = [WorkKind::Title, WorkKind::Task, WorkKind::Activity, WorkKind::Description];

/// One occupation's place in the full-text tables.
struct Place {
    code: String,
    /// The first row of each kind of its texts in `work_text`, in [`KINDS`] order (a kind it has
    /// none of starts where the next does).
    starts: [i64; KINDS.len()],
    /// One past its last row.
    end: i64,
}

/// Which occupation each document of `occupation_text` and each row of `work_text` is, read
/// from `work_occupations` when the catalogue opens.
#[derive(Default)]
pub struct WorkSpans {
    /// By first row, ascending.
    places: Vec<Place>,
    /// Occupation id (the rowid of its document) -> into `places`.
    by_id: HashMap<i64, usize>,
}

impl WorkSpans {
    pub fn read(conn: &Connection) -> Result<WorkSpans> {
        let mut spans = WorkSpans::default();
        let mut stmt = conn.prepare(
            "SELECT id, code, titles, tasks, activities, description, end_row FROM work_occupations ORDER BY titles, end_row",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let starts = [r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?];
            spans.by_id.insert(r.get(0)?, spans.places.len());
            spans.places.push(Place { code: r.get(1)?, starts, end: r.get(6)? });
        }
        Ok(spans)
    }

    /// The occupation code and kind of text of `row`.
    fn of(&self, row: i64) -> Option<(&str, WorkKind)> {
        let place = &self.places[self.places.partition_point(|p| p.starts[0] <= row).checked_sub(1)?];
        let kind = place.starts.iter().rposition(|&s| s <= row).filter(|_| row < place.end)?;
        Some((place.code.as_str(), KINDS[kind]))
    }

    /// One bit per row of `work_text`, set for the rows of the occupations `ids`.
    fn bits(&self, ids: impl Iterator<Item = i64>) -> Vec<u8> {
        let end = self.places.iter().map(|p| p.end).max().unwrap_or(0);
        let mut bits = vec![0u8; end.max(0) as usize / 8 + 1];
        for place in ids.filter_map(|id| Some(&self.places[*self.by_id.get(&id)?])) {
            for row in place.starts[0].max(0) as usize..place.end.clamp(0, end) as usize {
                bits[row / 8] |= 1 << (row % 8);
            }
        }
        bits
    }

    /// The code of the occupation whose document is `id`.
    fn code(&self, id: i64) -> Option<&str> {
        Some(self.places[*self.by_id.get(&id)?].code.as_str())
    }
}

/// `bit_set(bits, n)`: whether bit `n` of the blob `bits` is set, for [`WorkText::matches`].
pub fn add_bit_set_function(conn: &Connection) -> Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC | FunctionFlags::SQLITE_INNOCUOUS;
    conn.create_scalar_function("bit_set", 2, flags, |ctx| {
        let bits = ctx.get_raw(0).as_blob().unwrap_or_default();
        let n: i64 = ctx.get(1)?;
        let byte = usize::try_from(n / 8).ok().and_then(|i| bits.get(i)).copied().unwrap_or(0);
        Ok(n >= 0 && byte & (1 << (n % 8)) != 0)
    })
}

/// The full-text index on one connection.
pub struct WorkText<'a> {
    pub conn: &'a Connection,
    pub spans: &'a WorkSpans,
}

impl WorkIndex for WorkText<'_> {
    type Error = rusqlite::Error;

    fn together(&self, query: &DescribeQuery) -> Result<bool> {
        self.conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM work_text WHERE work_text MATCH ?1)")?
            .query_row([&query.together], |r| r.get(0))
    }

    /// The occupations whose documents match any of the terms (best first), then the best texts
    /// of those occupations, ties in row order.
    fn matches(&self, query: &DescribeQuery) -> Result<WorkMatches> {
        let fts = &query.any;
        let [t, d, k, a] = describe::COLUMN_WEIGHTS;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT rowid, bm25(occupation_text, {t}, {d}, {k}, {a}) AS r FROM occupation_text
             WHERE occupation_text MATCH ?1 ORDER BY r LIMIT ?2"
        ))?;
        let leading = stmt
            .query_map(params![fts, describe::OCCUPATIONS as i64], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)?)))?
            .collect::<Result<Vec<_>>>()?;
        let wanted = self.spans.bits(leading.iter().map(|(id, _)| *id));
        let mut stmt = self
            .conn
            .prepare_cached("SELECT rowid, rank FROM work_text WHERE work_text MATCH ?1 AND bit_set(?2, rowid)")?;
        let mut rows = stmt
            .query_map(params![fts, wanted], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)?)))?
            .filter_map(|row| match row {
                Ok((row, rank)) => self.spans.of(row).map(|(code, kind)| Ok((rank, kind, row, code))),
                Err(e) => Some(Err(e)),
            })
            .collect::<Result<Vec<_>>>()?;
        // Equal ranks (an activity many occupations share) go in row order.
        rows.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.2.cmp(&b.2)));
        rows.truncate(describe::TEXTS);
        let texts = rows
            .into_iter()
            .map(|(rank, kind, row, code)| WorkRow { code: code.to_string(), kind, row, rank })
            .collect();
        let occupations =
            leading.into_iter().filter_map(|(id, rank)| Some((self.spans.code(id)?.to_string(), rank))).collect();
        Ok(WorkMatches { occupations, texts })
    }

    fn texts(&self, rows: &[i64]) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached("SELECT text FROM work_text WHERE rowid = ?1")?;
        rows.iter().map(|row| stmt.query_row([row], |r| r.get(0))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two occupations: "a" with a title, a task and a description (no activity), "b" with a
    /// title, a task and an activity (no description); no occupations table behind them.
    fn catalogue() -> Connection {
        let conn = Connection::open_in_memory().expect("in memory");
        conn.execute_batch(include_str!("schema.sql")).expect("schema");
        conn.execute_batch(
            "PRAGMA foreign_keys = OFF;
             INSERT INTO work_occupations VALUES (1, 'a', 1, 2, 3, 3, 4), (2, 'b', 4, 5, 6, 7, 7);
             INSERT INTO work_text (rowid, text) VALUES (1, 'Automotive Mechanics'), (2, 'Repair cars'),
               (3, 'Repair and cook for vehicles'), (4, 'Cooks'), (5, 'Cook food'), (6, 'Clean kitchens');
             INSERT INTO occupation_text (rowid, titles, description, tasks, activities)
               VALUES (1, 'Automotive Mechanics', 'Repair and cook for vehicles', 'Repair cars', ''),
                      (2, 'Cooks', '', 'Cook food', 'Clean kitchens');",
        )
        .expect("rows");
        add_bit_set_function(&conn).expect("function");
        conn
    }

    #[test]
    fn a_row_says_whose_text_it_is_and_of_which_kind() {
        let spans = WorkSpans::read(&catalogue()).expect("spans");
        assert_eq!(spans.of(2), Some(("a", WorkKind::Task)));
        assert_eq!(spans.of(3), Some(("a", WorkKind::Description)), "a has no activity");
        assert_eq!(spans.of(4), Some(("b", WorkKind::Title)));
        assert_eq!(spans.of(6), Some(("b", WorkKind::Activity)));
        assert_eq!(spans.of(7), None);
        assert_eq!(spans.of(0), None);
    }

    #[test]
    fn only_the_texts_of_the_chosen_occupations_are_ranked() {
        let conn = catalogue();
        let spans = WorkSpans::read(&conn).expect("spans");
        let bits = spans.bits([2].into_iter());
        let rows: Vec<i64> = conn
            .prepare("SELECT rowid FROM work_text WHERE work_text MATCH 'cook OR repair' AND bit_set(?1, rowid)")
            .expect("query")
            .query_map([bits], |r| r.get(0))
            .expect("rows")
            .collect::<Result<_>>()
            .expect("rows");
        assert_eq!(rows, [4, 5], "row 3 matches too, but is a's");
        let matches = WorkText { conn: &conn, spans: &spans }
            .matches(&DescribeQuery { any: "cook".into(), together: "cook".into(), sentence: false })
            .expect("matches");
        let codes: Vec<&str> = matches.texts.iter().map(|t| t.code.as_str()).collect();
        assert_eq!(matches.occupations.len(), 2);
        assert_eq!(codes.iter().filter(|c| **c == "b").count(), 2, "{codes:?}");
        assert!(codes.contains(&"a"), "{codes:?}");
    }
}
