//! In-process search latency over a built catalogue.
//!
//!     cargo run --release --example search_bench -- CATALOGUE.db [ROUNDS]
//!
//! Runs a fixed mix of queries (exact titles, aliases, typos, prefixes, abbreviations,
//! misses) ROUNDS times and prints p50 and p99 per query.

use jobzone::catalogue::Catalogue;
use std::path::PathBuf;
use std::time::Instant;

const QUERIES: &[&str] = &[
    "backend engineer",
    "nurse practioner",
    "hr manager",
    "ux designer",
    "secretary",
    "economist",
    "node backend eng",
    "sen",
    "software dev",
    "registered nurses",
    "analyst 15",
    "specialist",
    "truck driver",
    "zzqxjv",
    "chief executive",
    "accountant",
    "electrican",
    "web developers",
    "coordinator 29-1141",
    "data scientist",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let path = PathBuf::from(args.get(1).ok_or("usage: search_bench CATALOGUE.db [ROUNDS]")?);
    let rounds: usize = args.get(2).map(|s| s.parse()).transpose()?.unwrap_or(200);
    // An optional third argument runs just that query, for profiling.
    let only: Vec<&str> = args.get(3).map(|q| vec![q.as_str()]).unwrap_or_default();
    let queries: &[&str] = if only.is_empty() { QUERIES } else { &only };
    if args.get(4).is_some_and(|a| a == "--show") {
        let catalogue = Catalogue::open(&path, 1)?;
        for h in catalogue.search.search(queries[0], 8) {
            println!("{} | {:?} {} | {}", h.target.title, h.matched_kind, h.matched_title, h.target.url);
        }
        return Ok(());
    }
    let started = Instant::now();
    let catalogue = Catalogue::open(&path, 1)?;
    println!("index: {} entries, opened in {:.0} ms", catalogue.search.len(), started.elapsed().as_secs_f64() * 1000.0);
    let mut micros = Vec::with_capacity(rounds * queries.len());
    let mut per_query = vec![0.0f64; queries.len()];
    for _ in 0..rounds {
        for (i, q) in queries.iter().enumerate() {
            let t = Instant::now();
            let hits = catalogue.search.search(q, 8);
            let us = t.elapsed().as_secs_f64() * 1e6;
            micros.push(us);
            per_query[i] = per_query[i].max(us);
            std::hint::black_box(hits);
        }
    }
    let mut slowest: Vec<(f64, &str)> = per_query.iter().copied().zip(queries.iter().copied()).collect();
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    let shown: Vec<String> = slowest.iter().take(3).map(|(us, q)| format!("{q:?} {us:.0} µs")).collect();
    println!("slowest queries (max): {}", shown.join(", "));
    micros.sort_by(f64::total_cmp);
    let pct = |p: f64| micros[((micros.len() as f64 - 1.0) * p) as usize];
    println!(
        "in-process: {} searches, p50 {:.0} µs, p99 {:.0} µs, max {:.0} µs",
        micros.len(),
        pct(0.5),
        pct(0.99),
        pct(1.0)
    );
    Ok(())
}
