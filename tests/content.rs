//! Loads every file in content/ (once for the whole binary) and pins each bundled role's
//! published figures.

use jobzone::catalogue::Input;
use jobzone::methodology::{ZoneKey, score};
use std::path::Path;
use std::sync::LazyLock;

static BUNDLED: LazyLock<Input> = LazyLock::new(|| {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    jobzone::build::check(&dir).unwrap_or_else(|problems| panic!("bundled content is invalid:\n{problems}"))
});

fn bundled() -> &'static Input {
    &BUNDLED
}

#[test]
fn every_content_file_loads_and_validates() {
    let c = bundled();
    assert_eq!(c.roles.len(), 5);
    assert_eq!(c.occupations.len(), 1016);
    assert_eq!(c.major_groups.len(), 23);
    assert!(c.synonyms.iter().any(|(from, to)| from == "swe" && to == "software engineer"));
}

#[test]
fn each_bundled_role_scores_as_published() {
    let c = bundled();
    let expected = [
        ("backend-api-developer-mid-level", 3.05, 24.5, ZoneKey::Red, None),
        ("senior-software-engineer", 3.75, 55.4, ZoneKey::Green, Some("Transforming")),
        ("devsecops-engineer", 3.55, 58.2, ZoneKey::Green, None),
        ("security-software-developer", 3.65, 51.5, ZoneKey::Green, None),
        ("junior-software-developer", 2.10, 11.3, ZoneKey::Red, Some("Imminent")),
    ];
    for (slug, trs, points, zone, sub_label) in expected {
        let role = c.roles.iter().find(|r| r.key.id() == slug).unwrap_or_else(|| panic!("{slug} missing"));
        let card = score(&c.methodology, &role.inputs());
        assert_eq!(card.task_resistance, trs, "{slug} task resistance");
        assert_eq!(card.score, points, "{slug} score");
        assert_eq!(card.zone, zone, "{slug} zone");
        assert_eq!(card.sub_label.as_deref(), sub_label, "{slug} sub-label");
        assert_eq!(role.card, card, "{slug}: the stored scorecard is the engine's");
        assert_eq!(role.zone, zone, "{slug} has no override");
    }
}

#[test]
fn the_senior_role_has_the_seeds_task_profile() {
    let c = bundled();
    let senior = c.roles.iter().find(|r| r.key.id() == "senior-software-engineer").expect("senior role");
    let card = score(&c.methodology, &senior.inputs());
    assert_eq!((card.split.displaced, card.split.augmented, card.split.not_involved), (0.0, 70.0, 30.0));
    let shares: Vec<(&str, u32)> = senior.tasks.iter().map(|t| (t.name.as_str(), t.weight)).collect();
    assert_eq!(
        shares,
        [
            ("System design & architecture decisions", 20),
            ("Code review & quality governance", 15),
            ("Complex implementation & critical systems", 20),
            ("Technical strategy & roadmap", 10),
            ("Incident response & production issues", 5),
            ("Mentoring & team development", 15),
            ("Cross-functional collaboration", 10),
            ("Hiring & technical interviews", 5),
        ]
    );
}
