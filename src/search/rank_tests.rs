//! Ranking rules on a small hand-built index, each rule shown by a pair that would swap
//! without it.

use crate::search::{Index, IndexBuilder, MatchKind, Target, TargetKind};

fn occupation(b: &mut IndexBuilder, title: &str, employment: u64, lay: &[(&str, u8)]) -> u32 {
    let target = Target {
        kind: TargetKind::Occupation,
        title: title.into(),
        url: format!("/occupations/{title}"),
        zone: None,
        score: None,
    };
    let id = b.target(target, None, employment);
    b.entry(id, title, MatchKind::Title, 0);
    for (t, sources) in lay {
        b.entry(id, t, MatchKind::AlternateTitle, *sources);
    }
    id
}

fn index() -> Index {
    let mut b = IndexBuilder::new(&[("rn".into(), "registered nurse".into())]);
    occupation(&mut b, "Registered Nurses", 3_000_000, &[("Nurse", 5), ("RN", 2)]);
    occupation(&mut b, "Nurse Midwives", 8_000, &[]);
    occupation(&mut b, "Acute Care Nurses", 600_000, &[("Nurse", 1)]);
    occupation(&mut b, "Heavy and Tractor-Trailer Truck Drivers", 2_000_000, &[("Trucker", 3)]);
    occupation(&mut b, "Laborers and Freight Movers", 2_900_000, &[("Trucker", 2)]);
    occupation(&mut b, "Web Developers", 90_000, &[]);
    occupation(&mut b, "Software Developers", 1_600_000, &[("Web Developer", 1)]);
    let role = Target {
        kind: TargetKind::Role,
        title: "Backend/API Developer (Mid-Level)".into(),
        url: "/roles/backend".into(),
        zone: Some("red".into()),
        score: Some(24.5),
    };
    let id = b.target(role, Some("Mid-Level"), 0);
    b.entry(id, "Backend/API Developer", MatchKind::Title, 0);
    b.entry(id, "Backend Engineer", MatchKind::Alias, 0);
    occupation(&mut b, "Backend Engineers", 1_000_000, &[]);
    b.finish()
}

fn first(index: &Index, q: &str) -> String {
    index.search(q, 5).first().map(|h| h.target.title.clone()).unwrap_or_default()
}

#[test]
fn a_whole_title_beats_a_longer_title_it_begins_whatever_the_employment() {
    let i = index();
    assert_eq!(first(&i, "nurses"), "Registered Nurses");
    assert_eq!(first(&i, "nurse midwife"), "Nurse Midwives");
}

#[test]
fn employment_breaks_ties_between_equal_matches() {
    assert_eq!(first(&index(), "nurse"), "Registered Nurses", "3 million before 600,000");
}

#[test]
fn an_occupation_whose_title_shares_the_word_beats_a_bigger_one_that_does_not() {
    assert_eq!(first(&index(), "trucker"), "Heavy and Tractor-Trailer Truck Drivers");
}

#[test]
fn an_own_title_beats_another_occupations_lay_title() {
    assert_eq!(first(&index(), "web developer"), "Web Developers");
}

#[test]
fn an_editor_role_beats_an_occupation_that_matches_as_well() {
    assert_eq!(first(&index(), "backend engineer"), "Backend/API Developer (Mid-Level)");
}

#[test]
fn a_swap_and_a_moved_letter_are_one_typo() {
    let i = index();
    assert_eq!(first(&i, "nusre"), "Registered Nurses");
    assert_eq!(first(&i, "nuser"), "Registered Nurses");
}

#[test]
fn hits_name_the_title_that_matched_as_typed() {
    let i = index();
    let hit = &i.search("rn", 1)[0];
    assert_eq!((hit.target.title.as_str(), hit.matched_title.as_str()), ("Registered Nurses", "RN"));
    assert_eq!(hit.matched_kind, MatchKind::AlternateTitle);
    assert_eq!(hit.also_called(), Some("RN"));
    let hit = &i.search("registered nurses", 1)[0];
    assert_eq!((hit.matched_kind, hit.also_called()), (MatchKind::Title, None));
    let json = serde_json::to_value(hit).expect("serialises");
    assert_eq!((json["kind"].as_str(), json["matched_kind"].as_str()), (Some("occupation"), Some("title")));
}
