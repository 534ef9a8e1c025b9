//! Assesses every occupation from content/data/ with content/methodology.toml, scores
//! them, and prints what calibrating the method needs: load and derive time, zone counts, the
//! Spearman correlation with Eloundou et al.'s human exposure rating, the face-validity
//! occupations, the editor roles' occupations, and how points spread per dimension.
//! Usage: cargo run --release --example derive_report [content-dir] [code ...]
//! (each code given is also printed whole, as JSON). With DERIVE_TSV=FILE it also writes every
//! occupation's code, title, score, zone and points per dimension as TSV, to compare two versions.

use jobzone::assessment::{Assessment, Rated};
use jobzone::data::DataSets;
use jobzone::derive::derive;
use jobzone::derive::stats::spearman;
use jobzone::methodology::Methodology;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let content = args.next().unwrap_or_else(|| "content".into());
    let extra: Vec<String> = args.collect();
    let text = std::fs::read_to_string(Path::new(&content).join("methodology.toml")).map_err(|e| e.to_string())?;
    let m = Methodology::from_toml(&text)?;
    let problems = m.data_method.problems(&m);
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }
    let start = Instant::now();
    let mut load_problems = Vec::new();
    let data = DataSets::load(Path::new(&content), &mut load_problems);
    let loaded = start.elapsed();
    if !load_problems.is_empty() {
        return Err(format!("{load_problems:?}"));
    }
    let derived = derive(&m, &data, |group| group.to_string());
    let scored: Vec<_> = derived.iter().map(|o| (o, &o.card)).collect();
    let total = start.elapsed();
    if let Ok(path) = std::env::var("DERIVE_TSV") {
        let pts = |d: &[Rated]| d.iter().map(|d| d.score.to_string()).collect::<Vec<_>>().join(",");
        let rows: Vec<String> = derived
            .iter()
            .map(|o| {
                let (e, b, p) = (pts(&o.evidence), pts(&o.barriers), pts(&o.protective));
                let c = &o.card;
                format!("{}\t{}\t{:.1}\t{}\t{e}\t{b}\t{p}\t{}\n", o.key.id(), o.title, c.score, c.zone, o.growth.score)
            })
            .collect();
        std::fs::write(&path, rows.concat()).map_err(|e| format!("{path}: {e}"))?;
    }
    println!("load {:.3} s, load + derive + score {:.3} s", loaded.as_secs_f64(), total.as_secs_f64());
    println!("scored {}", scored.len());
    let rated_share = |o: &Assessment| o.data.as_ref().map_or(100.0, |f| f.rated_share);
    let partly = derived.iter().filter(|o| rated_share(o) < 100.0).count();
    let lowest = derived.iter().map(rated_share).fold(100.0, f64::min);
    println!("{partly} occupations have unrated tasks; lowest rated share of task weight {lowest}%");
    let mut zones: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, s) in &scored {
        *zones.entry(s.zone.as_str()).or_default() += 1;
    }
    println!("zones {zones:?}");
    let pairs: Vec<(f64, f64)> = scored
        .iter()
        .filter_map(|(o, s)| data.gpts.occupations.get(o.key.id()).map(|e| (s.score, e.human_rating_beta)))
        .collect();
    println!("spearman vs human_rating_beta {:.3} (n = {})", spearman(&pairs), pairs.len());
    let dv: Vec<(f64, f64)> = scored
        .iter()
        .filter_map(|(o, s)| data.gpts.occupations.get(o.key.id()).map(|e| (s.score, e.dv_rating_beta)))
        .collect();
    println!("spearman vs dv_rating_beta {:.3}", spearman(&dv));
    let applicability: Vec<(f64, f64)> =
        scored.iter().filter_map(|(o, s)| data.working_with_ai.for_onet(o.key.id()).map(|a| (s.score, a))).collect();
    println!(
        "spearman vs AI applicability {:.3} (n = {}; also an input, via tool maturity)",
        spearman(&applicability),
        applicability.len()
    );
    let mut codes = vec![
        "41-9041.00",
        "43-9081.00",
        "43-4051.00",
        "47-2181.00",
        "35-9021.00",
        "31-1131.00",
        "15-1252.00",
        "15-1299.05",
    ];
    codes.extend(extra.iter().map(String::as_str));
    for code in codes {
        if let Some((o, s)) = scored.iter().find(|(o, _)| o.key.id() == code) {
            let pts = |d: &[Rated]| d.iter().map(|d| d.score).collect::<Vec<_>>();
            println!(
                "{code} {:<40} {:>5.1} {:<6} TRS {:.2} E{:?} B{:?} P{:?} G{} rated {}%",
                o.title,
                s.score,
                s.zone,
                s.task_resistance,
                pts(&o.evidence),
                pts(&o.barriers),
                pts(&o.protective),
                o.growth.score,
                rated_share(o)
            );
        }
    }
    for group in ["evidence", "barriers", "protective"] {
        let n = derived.first().map_or(0, |o| dims(o, group).len());
        for i in 0..n {
            let mut counts: BTreeMap<i64, usize> = BTreeMap::new();
            let mut no_data = 0;
            for o in &derived {
                let d = &dims(o, group)[i];
                *counts.entry(d.score).or_default() += 1;
                no_data += usize::from(d.basis.as_ref().is_some_and(|b| b.no_data));
            }
            println!("{group}.{:<26} points {counts:?} no data {no_data}", dims(&derived[0], group)[i].key);
        }
    }
    for code in &extra {
        if let Some(o) = derived.iter().find(|o| o.key.id() == code) {
            println!("{}", serde_json::to_string_pretty(o).map_err(|e| e.to_string())?);
        }
    }
    let mut growth: BTreeMap<i64, usize> = BTreeMap::new();
    derived.iter().for_each(|o| *growth.entry(o.growth.score).or_default() += 1);
    println!("growth points {growth:?}");
    let mut hist = [0usize; 10];
    scored.iter().for_each(|(_, s)| hist[((s.score / 10.0) as usize).min(9)] += 1);
    println!("score histogram by tens {hist:?}");
    Ok(())
}

fn dims<'a>(o: &'a Assessment, group: &str) -> &'a [Rated] {
    match group {
        "evidence" => &o.evidence,
        "barriers" => &o.barriers,
        _ => &o.protective,
    }
}
