//! Faults met while serving: hostile titles in the spreadsheet download, and a catalogue file
//! damaged under the running server.

use crate::helpers::{copy_content, spawn_app_with_content, spawn_watching_app};
use std::path::Path;

const ROLE_FILE: &str = "roles/backend-api-developer-mid-level.md";
const OCCUPATIONS: &str = "data/onet-30.1/Occupation Data.txt";

/// Replaces the first `find` in `content/file` with `replace`.
fn edit(content: &Path, file: &str, find: &str, replace: &str) {
    let path = content.join(file);
    let text = std::fs::read_to_string(&path).expect("content file");
    assert!(text.contains(find), "{file} holds {find}");
    std::fs::write(&path, text.replacen(find, replace, 1)).expect("write");
}

#[tokio::test]
async fn csv_cells_that_a_spreadsheet_would_run_as_formulas_are_prefixed() {
    let dir = copy_content();
    let content = dir.path().join("content");
    let formula = r#"=HYPERLINK("https://evil.example","x")"#;
    edit(&content, ROLE_FILE, "title = \"Backend/API Developer\"", &format!("title = '{formula}'"));
    edit(&content, OCCUPATIONS, "\tChief Executives\t", "\t@SUM(1+1)*cmd|' /C calc'!A0\t");
    edit(&content, OCCUPATIONS, "\tSoftware Developers\t", "\t+Software Developers\t");
    let app = spawn_app_with_content(&content).await;
    let page = app.get("/data/assessments.csv").await;
    page.assert_status(200);
    let mut reader = csv::Reader::from_reader(page.body.as_bytes());
    let title = reader.headers().expect("header").iter().position(|h| h == "title").expect("a title column");
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("rows parse");
    let titles: Vec<&str> = rows.iter().map(|r| &r[title]).collect();
    for expected in [format!("'{formula}"), "'@SUM(1+1)*cmd|' /C calc'!A0".into(), "'+Software Developers".into()] {
        assert!(titles.contains(&expected.as_str()), "no title {expected:?} in {titles:?}");
    }
    let mut negative_numbers = 0;
    for cell in rows.iter().flat_map(|r| r.iter()) {
        let live =
            cell.starts_with(['=', '+', '@', '\t', '\r']) || (cell.starts_with('-') && cell.parse::<f64>().is_err());
        assert!(!live, "a spreadsheet would run {cell:?}");
        negative_numbers += usize::from(cell.starts_with('-'));
    }
    assert!(negative_numbers > 0, "negative figures stay numbers, unprefixed");
}

#[tokio::test]
async fn a_catalogue_truncated_while_serving_is_repaired_and_the_failed_route_answers_from_it() {
    let dir = copy_content();
    let app = spawn_watching_app(&dir.path().join("content")).await;
    let catalogue = app.config.catalogue.clone();
    let length = std::fs::metadata(&catalogue).expect("catalogue").len();
    // Damaged in place, as a full disk or a bad copy would leave it: reads past the end fail
    // with SQLite's short read.
    std::fs::OpenOptions::new()
        .write(true)
        .open(&catalogue)
        .expect("open catalogue")
        .set_len(length / 3)
        .expect("truncate");
    let feed = app.get("/roles/backend-api-developer-mid-level/feed.xml").await;
    feed.assert_status(200);
    assert!(feed.body.contains("<feed"), "{}", feed.body);
    app.get("/roles/senior-software-engineer").await.assert_status(200);
    let repaired = std::fs::metadata(&catalogue).expect("catalogue").len();
    assert!(repaired >= length * 9 / 10, "the catalogue file was rebuilt ({repaired} of {length} bytes)");
}
