//! Share card and badge drawing time over a built catalogue: what the first request for each
//! card costs (later requests are served from the per-catalogue cache), and the PNG sizes that
//! cache holds.
//!
//!     cargo run --release --example cards_bench -- CATALOGUE.db [ROUNDS]

use jobzone::catalogue::{Catalogue, read};
use jobzone::web::share::{self, badge, card};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let path = PathBuf::from(args.get(1).ok_or("usage: cards_bench CATALOGUE.db [ROUNDS]")?);
    let rounds: usize = args.get(2).map(|s| s.parse()).transpose()?.unwrap_or(5);
    let catalogue = Catalogue::open(&path, 1)?;
    let roles = read::all_roles(&catalogue.conn())?;
    let m = &catalogue.methodology;
    let cards: Vec<_> = roles.iter().map(|s| share::share_card(m, s)).collect();

    let started = Instant::now();
    let first = card::png(&cards[0], &m.zones)?;
    println!("first card (loads the fonts): {:.1} ms", started.elapsed().as_secs_f64() * 1e3);

    let (mut draws, mut badges, mut bytes) = (Vec::new(), Vec::new(), vec![first.len()]);
    for _ in 0..rounds {
        for c in &cards {
            let t = Instant::now();
            bytes.push(card::png(c, &m.zones)?.len());
            draws.push(t.elapsed());
            let t = Instant::now();
            badge::svg(c)?;
            badges.push(t.elapsed());
        }
    }
    draws.sort();
    badges.sort();
    bytes.sort_unstable();
    println!(
        "card PNG, {} draws of {} roles: p50 {:.1} ms, p99 {:.1} ms; size p50 {} KiB, max {} KiB",
        draws.len(),
        cards.len(),
        percentile(&draws, 0.5).as_secs_f64() * 1e3,
        percentile(&draws, 0.99).as_secs_f64() * 1e3,
        bytes[bytes.len() / 2] / 1024,
        bytes[bytes.len() - 1] / 1024,
    );
    println!(
        "badge SVG: p50 {:.1} µs, p99 {:.1} µs",
        percentile(&badges, 0.5).as_secs_f64() * 1e6,
        percentile(&badges, 0.99).as_secs_f64() * 1e6
    );
    Ok(())
}
