use super::*;
use std::path::PathBuf;

fn content() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content")
}

#[test]
fn the_shipped_data_loads_without_problems_and_holds_what_the_method_reads() {
    let mut problems = Vec::new();
    let data = DataSets::load(&content(), &mut problems);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(data.onet.occupations.len(), 1016);
    assert_eq!(data.onet.tasks.len(), 923);
    assert_eq!(data.gpts.labels.len(), 19_265);
    assert_eq!(data.onet.job_zones.get("15-1252.00"), Some(&4));
    let related = &data.onet.related["15-1252.00"];
    assert!(related.windows(2).all(|w| w[0].index < w[1].index));
    assert_eq!(data.onet.measures.get("11-1011.00", "1.B.1.a", "OI"), Some(1.3));
    assert_eq!(data.working_with_ai.for_onet("15-1252.00").map(|v| v > 0.0), Some(true));
    let software = &data.bls.projections["15-1252"];
    assert_eq!(software.change_percent, Some(15.8));
    assert_eq!(data.bls.education(software), Some("Bachelor's degree"));
    assert_eq!(data.bls.oews_2025["00-0000"].median_annual, Some(50_980.0));
    assert_eq!(data.bls.oews_2021["00-0000"].median_annual, Some(45_760.0));
    // "*" in OEWS means no estimate, not an error.
    assert_eq!(data.bls.oews_2021["27-2011"].median_annual, None);
    assert_eq!(data.bls.crosswalk["15-1252.00"].nem, "15-1252");
    assert!(data.aei.share.len() > 3000);
    // 1.1's inputs: 342 Handbook profiles, 269 with a licensing subsection; O*NET 24.x ratings
    // mapped to 2019 codes; WORKBank's 104 occupations; the newest AEI release.
    assert_eq!(data.ooh.profiles.len(), 342);
    assert_eq!(data.ooh.profiles.iter().filter(|p| p.licensing.is_some()).count(), 269);
    assert_eq!(data.ooh.for_onet("29-1141.01").map(|p| p.title.as_str()), Some("Registered Nurses"));
    // Physical_Proximity.csv: Registered Nurses (29-1141.00 in 2010 and 2019) 94.
    assert_eq!(data.onet24.get("4.C.2.a.3", "29-1141.00"), Some(94.0));
    assert_eq!(data.workbank.by_occupation.len(), 104);
    assert!(data.aei.latest.len() > 3500);
    // The four releases of observed use, Claude.ai only: every task share in percent, adding up
    // to the whole release; the first release's split is its own whole-release figure.
    let releases = &data.aei_releases.0;
    assert_eq!(releases.iter().map(|r| r.files.key).collect::<Vec<_>>(), ["2025-02", "2025-03", "2025-08", "2025-11"]);
    for r in releases {
        let total: f64 = r.tasks.values().map(|t| t.percent).sum();
        assert!((total - 100.0).abs() < 0.01, "{}: {total}", r.files.key);
        assert_eq!(r.tasks.values().any(|t| t.modes.is_some()), r.files.modes.is_some(), "{}", r.files.key);
    }
    assert!(releases[0].overall.is_some_and(|m| m.automation > 0.3 && m.augmentation > 0.4));
}

#[test]
fn a_release_that_lists_a_task_twice_or_does_not_add_up_is_refused_at_its_file_and_line() {
    let dir = copy_of_data();
    let data = dir.path().join("data");
    let shares = data.join(aei_releases::RELEASES[1].dir).join("task_pct_v2.csv");
    let text = std::fs::read_to_string(&shares).expect("read");
    let second = text.lines().nth(1).expect("line 2").to_string();
    replace_line(&shares, 3, &second);
    replace_line(&data.join("anthropic-economic-index/automation_vs_augmentation.csv"), 2, "delegation,22.5");
    let mut problems = Vec::new();
    DataSets::load(dir.path(), &mut problems);
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let has = |needle: &str| shown.iter().any(|s| s.contains(needle));
    assert!(has("task_pct_v2.csv:3: this task is listed twice"), "{shown:#?}");
    assert!(has("task_pct_v2.csv:1: the shares in column \"pct\" add up to"), "{shown:#?}");
    assert!(
        has("automation_vs_augmentation.csv:2: \"delegation\" is not one of the index's interaction patterns"),
        "{shown:#?}"
    );
    // The task that line 3 held is gone, so its interaction patterns have no share to belong to.
    assert!(has("has interaction patterns but no share in the release's share table"), "{shown:#?}");
    assert_eq!(shown.len(), 4, "{shown:#?}");
}

#[test]
fn a_2019_code_with_several_2010_parents_gets_the_mean_of_their_ratings() {
    let mut problems = Vec::new();
    let data = DataSets::load(&content(), &mut problems);
    // Crosswalk: 15-1252.00 Software Developers has the 2010 parents 15-1132.00 (Applications)
    // and 15-1133.00 (Systems Software); Physical_Proximity.csv rates them 50 and 45.
    assert_eq!(data.onet24.get("4.C.2.a.3", "15-1252.00"), Some(47.5));
}

/// Copies content/data to a temporary folder so a test can break one file.
fn copy_of_data() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let sources = [
        onet::DIR,
        gpts::DIR,
        working_with_ai::DIR,
        aei::DIR,
        aei::LATEST_DIR,
        aei_releases::RELEASES[1].dir,
        aei_releases::RELEASES[2].dir,
        bls::DIR,
        ooh::DIR,
        onet24::DIR,
        workbank::DIR,
    ];
    for source in sources {
        let from = content().join("data").join(source);
        let to = dir.path().join("data").join(source);
        std::fs::create_dir_all(&to).expect("mkdir");
        for entry in std::fs::read_dir(&from).expect("read dir") {
            let entry = entry.expect("entry");
            std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
        }
    }
    dir
}

fn replace_line(path: &std::path::Path, line: usize, with: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    let mut lines: Vec<&str> = text.split('\n').collect();
    lines[line - 1] = with;
    std::fs::write(path, lines.join("\n")).expect("write");
}

#[test]
fn a_broken_row_a_bad_value_and_a_missing_file_are_problems_at_their_file_and_line() {
    let dir = copy_of_data();
    let data = dir.path().join("data");
    replace_line(
        &data.join("onet-30.1/Job Zones.txt"),
        3,
        "11-1011.03\tChief Sustainability Officers\tseven\t08/2021\tAnalyst",
    );
    replace_line(&data.join("working-with-ai/soc_ai_applicability_scores.csv"), 2, "11-1011,Chief Executives,lots");
    std::fs::remove_file(data.join("anthropic-economic-index/onet_task_mappings.csv")).expect("remove");
    replace_line(&data.join("bls/ep-2024-34-table-1.2.tsv"), 2, "Total, all occupations\t00-0000\tSummary");
    let labels = data.join("gpts-are-gpts/full_labelset.tsv");
    let second =
        std::fs::read_to_string(&labels).expect("read").lines().nth(1).expect("line 2").replace("\tT2\t", "\tT9\t");
    replace_line(&labels, 2, &second);
    replace_line(&data.join("onet-24/Physical_Proximity.csv"), 2, "close,29-2021.00,Dental Hygienists");
    let mut problems = Vec::new();
    DataSets::load(dir.path(), &mut problems);
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let has = |needle: &str| shown.iter().any(|s| s.contains(needle));
    assert!(has("Job Zones.txt:3: Job Zone \"seven\" is not 1-5"), "{shown:#?}");
    assert!(has("soc_ai_applicability_scores.csv:2: column \"ai_applicability_score\" holds \"lots\""), "{shown:#?}");
    assert!(has("onet_task_mappings.csv:1: cannot read this data file"), "{shown:#?}");
    assert!(has("ep-2024-34-table-1.2.tsv:2: expected 16 fields"), "{shown:#?}");
    assert!(has("full_labelset.tsv:2: column \"gpt4_automation\" holds \"T9\", not a label T0-T4"), "{shown:#?}");
    assert!(has("Physical_Proximity.csv:2: column \"Context\" holds \"close\""), "{shown:#?}");
    assert_eq!(shown.len(), 6, "{shown:#?}");
}
