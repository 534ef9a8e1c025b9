//! Times loading every research data set under content/data/ (the build does this once).
//! Usage: cargo run --release --example data_load [content-dir]

use jobzone::data::DataSets;
use std::time::Instant;

fn main() {
    let content = std::env::args().nth(1).unwrap_or_else(|| "content".into());
    let start = Instant::now();
    let mut problems = Vec::new();
    let data = DataSets::load(std::path::Path::new(&content), &mut problems);
    let elapsed = start.elapsed();
    for p in &problems {
        eprintln!("{p}");
    }
    println!(
        "loaded {} occupations, {} with tasks, {} task labels, {} problems",
        data.onet.occupations.len(),
        data.onet.tasks.len(),
        data.gpts.labels.len(),
        problems.len()
    );
    println!("data load time: {:.3} s", elapsed.as_secs_f64());
}
