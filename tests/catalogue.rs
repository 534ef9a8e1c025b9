//! The catalogue a build writes holds figures the engine reproduces from the stored inputs alone:
//! for every assessment, roles and occupations alike, the stored scorecard and the card row agree
//! with a fresh computation.

use jobzone::catalogue::{Catalogue, read};
use jobzone::methodology::score;
use std::path::Path;

#[test]
fn every_stored_score_is_recomputed_from_its_stored_inputs() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("catalogue.db");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    jobzone::build::build(&content, &path).expect("the bundled content builds");
    let catalogue = Catalogue::open(&path, 1).expect("the catalogue opens");
    let m = &catalogue.methodology;
    let conn = catalogue.conn();
    let keys = read::all_keys(&conn).expect("keys");
    assert!(keys.len() >= 5, "{} assessments", keys.len());
    for key in keys {
        let a = read::assessment(&conn, &key).expect("read").expect("stored detail");
        let card = read::card_of(&conn, &key).expect("read").expect("stored card");
        let fresh = score(m, &a.inputs());
        assert_eq!(a.card, fresh, "{}: the stored scorecard is the engine's", key.url());
        assert_eq!((card.score, card.task_resistance), (fresh.score, fresh.task_resistance), "{}", key.url());
        assert_eq!(card.split, fresh.split, "{}", key.url());
        let overridden = a.editorial.as_ref().and_then(|e| e.assessor_override.as_ref()).map(|o| o.zone);
        assert_eq!(card.zone, overridden.unwrap_or(fresh.zone), "{}", key.url());
        // The composite arithmetic a page shows holds with the stored figures.
        let raw = fresh.task_resistance * fresh.evidence_modifier * fresh.barrier_modifier * fresh.growth_modifier;
        assert!((raw - a.card.raw).abs() < 1e-12, "{}", key.url());
        let shares: f64 = fresh.tasks.iter().map(|t| t.share).sum();
        assert!((shares - 100.0).abs() < 1e-9, "{}: rated shares add to 100, not {shares}", key.url());
    }
}

/// "What to do next": every Red assessment that can leave Red within reach offers a move out of
/// Red, nearly every page offers a move that scores higher (the rest are at or near the top), and
/// no data-derived move that cuts pay by more than the rule allows comes before one that keeps it.
#[test]
fn red_jobs_are_offered_a_move_out_of_red_and_every_page_below_the_top_score_a_higher_scoring_move() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("catalogue.db");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    jobzone::build::build(&content, &path).expect("the bundled content builds");
    let catalogue = Catalogue::open(&path, 1).expect("the catalogue opens");
    let conn = catalogue.conn();
    let (mut red, mut out_of_red, mut scored, mut with_higher) = (0, 0, 0, 0);
    let keys = read::all_keys(&conn).expect("keys");
    let top =
        keys.iter().map(|k| read::card_of(&conn, k).expect("read").expect("scored").score).fold(f64::MIN, f64::max);
    let (mut without, mut pay_first, mut first_cuts) = (Vec::new(), Vec::new(), 0);
    let wage = |a: &jobzone::assessment::Assessment| a.data.as_ref().and_then(|d| d.median_wage_2025);
    for key in keys {
        let a = read::assessment(&conn, &key).expect("read").expect("stored detail");
        let targets: Vec<_> = a
            .transitions
            .iter()
            .map(|t| read::card_of(&conn, &t.to).expect("read").expect("a move's target is scored"))
            .collect();
        let cuts: Vec<bool> = a
            .transitions
            .iter()
            .filter(|t| t.why.is_empty())
            .map(|t| {
                let to = read::assessment(&conn, &t.to).expect("read").expect("a move's target is stored");
                catalogue.methodology.moves.cuts_pay(wage(&a), wage(&to))
            })
            .collect();
        if cuts.windows(2).any(|w| w[0] && !w[1]) {
            pay_first.push(key.url());
        }
        first_cuts += usize::from(cuts.first() == Some(&true));
        scored += 1;
        let higher = targets.iter().any(|t| t.score > a.card.score);
        with_higher += usize::from(higher);
        if !higher && a.card.score < top {
            without.push(key.url());
        }
        if a.zone == jobzone::methodology::ZoneKey::Red {
            red += 1;
            out_of_red += usize::from(targets.iter().any(|t| t.zone != jobzone::methodology::ZoneKey::Red));
        }
    }
    assert!(red > 0);
    assert!(out_of_red * 10 >= red * 9, "{out_of_red} of {red} Red assessments offer a move out of Red");
    // Legislators: O*NET 30.1 rates no skills or knowledge for it, and every occupation O*NET
    // relates it to scores lower, so nothing connects it to higher-scoring work.
    assert_eq!(without, ["/occupations/11-1031.00"], "pages below the top score ({top}) without a higher-scoring move");
    assert!(pay_first.is_empty(), "a move that cuts pay ranks before one that keeps it on {pay_first:?}");
    println!(
        "{out_of_red} of {red} Red offer a move out of Red; {with_higher} of {scored} a higher-scoring move; \
         {first_cuts} lead with a move that cuts pay"
    );
}
