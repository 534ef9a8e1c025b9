//! In-process search figures over a built catalogue: index build time and memory, latency of two
//! fixed query mixes, and the typo distance against `strsim`'s.
//!
//!     cargo run --release --example search_bench -- CATALOGUE.db [ROUNDS] [QUERY [--show]]
//!
//! Runs each mix ROUNDS times through the whole search (`Catalogue::search`, as the site does),
//! after one round that is not timed (it warms SQLite's page cache and prepared statements, as
//! a running server's are), and prints p50 and p99 of every search timed: titles (exact titles,
//! lay titles, aliases, abbreviations, plurals, typos, prefixes, level words, generic titles,
//! partial matches and misses, some of which reach the description search), and plain
//! descriptions of the work, which reach the FTS5 index. Each round runs every query of the mix
//! once, in turn, so no query is timed only while its own data is hot. Both by the wall clock
//! and by the searching thread's CPU time, which leaves out waiting for a core on a shared
//! machine. With QUERY, runs only that query; with `--show` too, prints its
//! results instead (`RUST_LOG=trace` adds why each ranks).

use jobzone::catalogue::{Catalogue, build_search_index};
use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Counts live heap bytes, so the index's memory is measured rather than estimated.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

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
    "nurse",
    "rn",
    "cna",
    "trucker",
    "bookkeeper",
    "car mechanic",
    "help desk",
    "uber driver",
    "nuser",
    "custmer servise representative",
    "manager",
    "m",
    "te",
    "operator",
    "maintainance technician",
    "elementary school teacher",
    "senior accountant",
    "junior web developer",
    "lead electrician",
    "head cook",
    "doctor",
    "surgeon",
    "lien cook",
];

/// Descriptions of the work: no title matches them in full, so each reaches the FTS5 index.
const DESCRIPTIONS: &[&str] = &[
    "I fix cars",
    "I cut hair",
    "I write code",
    "I teach high school",
    "I look after elderly people in their homes",
    "wash dishes",
    "I answer phones at a front desk",
    "I keep the books for a small business",
    "I operate a forklift in a warehouse",
    "I analyze data",
    "I help people find jobs",
    "I repair roofs and gutters on houses",
    "wash dirty dishes",
    "teach math to children",
    "senior I fix cars",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let path = PathBuf::from(args.get(1).ok_or("usage: search_bench CATALOGUE.db [ROUNDS] [QUERY [--show]]")?);
    let rounds: usize = args.get(2).map(|s| s.parse()).transpose()?.unwrap_or(200);
    let only: Vec<&str> = args.get(3).map(|q| vec![q.as_str()]).unwrap_or_default();
    if args.get(4).is_some_and(|a| a == "--show") {
        jobzone::telemetry::init("warn");
        let catalogue = Catalogue::open(&path, 1)?;
        for h in catalogue.search(only[0], 8)? {
            let level = h.level.map(|l| format!(" [{}]", l.note)).unwrap_or_default();
            println!("{} | {:?} {}{level} | {}", h.target.title, h.matched_kind, h.matched_title, h.target.url);
        }
        return Ok(());
    }
    index_figures(&path)?;
    let catalogue = Catalogue::open(&path, 1)?;
    if !only.is_empty() {
        return latency(&catalogue, "query", rounds, &only);
    }
    latency(&catalogue, "titles", rounds, QUERIES)?;
    latency(&catalogue, "descriptions", rounds, DESCRIPTIONS)?;
    distance_figures();
    Ok(())
}

/// Build time (best of three: the machine is shared) and the index's live heap bytes.
fn index_figures(path: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let mut times = Vec::new();
    let mut bytes = 0;
    let mut size = (0, 0);
    for _ in 0..3 {
        let before = LIVE.load(Ordering::Relaxed);
        let started = Instant::now();
        let index = build_search_index(path)?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        bytes = LIVE.load(Ordering::Relaxed) - before;
        size = (index.len(), index.tokens());
        drop(index);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "index: {} names, {} distinct words; built in {:.0} ms (best of 3, from the catalogue); {:.1} MiB of heap",
        size.0,
        size.1,
        times[0],
        bytes as f64 / (1024.0 * 1024.0)
    );
    Ok(())
}

/// CPU time the calling thread has used: unlike the wall clock, it does not count the time the
/// thread waits for a core, so it shows what a search costs on a machine other work shares.
fn thread_cpu() -> std::time::Duration {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `t` is a valid timespec for the call to write into.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    std::time::Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// p50, p99 and the slowest of `queries`, each run `rounds` times through the whole search after
/// one untimed round, by the wall clock and by the thread's CPU time.
fn latency(
    catalogue: &Catalogue,
    mix: &str,
    rounds: usize,
    queries: &[&str],
) -> Result<(), Box<dyn std::error::Error>> {
    for q in queries {
        std::hint::black_box(catalogue.search(q, 8)?);
    }
    let mut micros = Vec::with_capacity(rounds * queries.len());
    let mut cpu_micros = Vec::with_capacity(rounds * queries.len());
    let mut per_query = vec![0.0f64; queries.len()];
    for _ in 0..rounds {
        for (i, q) in queries.iter().enumerate() {
            let (t, cpu) = (Instant::now(), thread_cpu());
            let hits = catalogue.search(q, 8)?;
            let us = t.elapsed().as_secs_f64() * 1e6;
            cpu_micros.push((thread_cpu() - cpu).as_secs_f64() * 1e6);
            micros.push(us);
            per_query[i] = per_query[i].max(us);
            std::hint::black_box(hits);
        }
    }
    let mut slowest: Vec<(f64, &str)> = per_query.iter().copied().zip(queries.iter().copied()).collect();
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    let shown: Vec<String> = slowest.iter().take(3).map(|(us, q)| format!("{q:?} {us:.0} µs")).collect();
    println!("{mix}: slowest queries (max): {}", shown.join(", "));
    let pct = |v: &mut Vec<f64>, p: f64| {
        v.sort_by(f64::total_cmp);
        v[((v.len() as f64 - 1.0) * p) as usize]
    };
    println!(
        "{mix} in process: {} searches, p50 {:.0} µs, p99 {:.0} µs, max {:.0} µs",
        micros.len(),
        pct(&mut micros, 0.5),
        pct(&mut micros, 0.99),
        pct(&mut micros, 1.0)
    );
    println!(
        "{mix} in process, CPU time of the searching thread: p50 {:.0} µs, p99 {:.0} µs, max {:.0} µs",
        pct(&mut cpu_micros, 0.5),
        pct(&mut cpu_micros, 0.99),
        pct(&mut cpu_micros, 1.0)
    );
    Ok(())
}

/// The typo scan's distance, ours (bounded, stops early) against `strsim::osa_distance`, over
/// every pair of 500 title words: whichever is faster for the same answers is the one to use.
fn distance_figures() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/content/data/onet-30.1/Alternate Titles.txt"))
            .unwrap_or_default();
    let mut words: Vec<String> = jobzone::search::words(&text).into_iter().filter(|w| w.len() >= 5).collect();
    words.sort();
    words.dedup();
    let step = (words.len() / 500).max(1);
    let sample: Vec<&str> = words.iter().step_by(step).take(500).map(String::as_str).collect();
    let time = |f: &dyn Fn(&str, &str) -> bool| {
        let t = Instant::now();
        let mut n = 0usize;
        for a in &sample {
            for b in &sample {
                n += usize::from(f(a, b));
            }
        }
        (t.elapsed().as_secs_f64() * 1e9 / (sample.len() * sample.len()) as f64, n)
    };
    let (ours, n_ours) = time(&|a, b| jobzone::search::within(a, b, 1).is_some());
    let (theirs, n_theirs) = time(&|a, b| strsim::osa_distance(a, b) <= 1);
    println!(
        "typo distance (within 1 edit), {} word pairs: ours {ours:.0} ns a pair ({n_ours} within), strsim::osa_distance {theirs:.0} ns ({n_theirs} within)",
        sample.len() * sample.len()
    );
}
