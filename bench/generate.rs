//! Writes N synthetic but valid role files, for benchmarks at catalogue scale.
//!
//!     cargo run --release --example generate -- N OUT_DIR [ALIASES_PER_ROLE]
//!
//! OUT_DIR/content gets the bundled methodology, data sets and major groups, and N generated roles
//! (never the real content/ folder). The output is deterministic for a given N.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// A small deterministic PRNG (SplitMix64): same N, same files.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
}

const SENIORITY: [&str; 5] = ["Entry-Level", "Junior", "Mid-Level", "Senior", "Lead"];
const WORDS: [&str; 24] = [
    "Analyst",
    "Coordinator",
    "Specialist",
    "Technician",
    "Planner",
    "Advisor",
    "Operator",
    "Designer",
    "Inspector",
    "Assistant",
    "Consultant",
    "Strategist",
    "Auditor",
    "Producer",
    "Officer",
    "Associate",
    "Administrator",
    "Agent",
    "Examiner",
    "Scheduler",
    "Estimator",
    "Controller",
    "Editor",
    "Trainer",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: generate N OUT_DIR [ALIASES_PER_ROLE]";
    let n: usize = args.get(1).ok_or(usage)?.parse()?;
    let out = PathBuf::from(args.get(2).ok_or(usage)?);
    let aliases_per_role: usize = args.get(3).map(|s| s.parse()).transpose()?.unwrap_or(10);
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let content = out.join("content");
    if content.canonicalize().ok() == source.canonicalize().ok() {
        return Err("refusing to write into the real content/ folder".into());
    }
    let roles = content.join("roles");
    fs::create_dir_all(&roles)?;
    fs::create_dir_all(content.join("occupations"))?;
    fs::copy(source.join("methodology.toml"), content.join("methodology.toml"))?;
    fs::create_dir_all(content.join("search"))?;
    copy_dir(&source.join("search"), &content.join("search"))?;
    fs::copy(source.join("occupations/major-groups.toml"), content.join("occupations/major-groups.toml"))?;
    // The research data sets (O*NET 30.1, BLS, ...) as shipped: occupations, lay titles, employment.
    copy_dir(&source.join("data"), &content.join("data"))?;
    let table = fs::read_to_string(source.join("data/onet-30.1/Occupation Data.txt"))?;
    let occupations: Vec<(&str, &str)> =
        table.lines().skip(1).filter_map(|l| l.split('\t').next().zip(l.split('\t').nth(1))).collect();

    let mut rng = Rng(n as u64);
    for i in 0..n {
        let (code, occupation) = occupations[rng.below(occupations.len() as u64) as usize];
        let seniority = SENIORITY[rng.below(SENIORITY.len() as u64) as usize];
        let slug = format!("synthetic-role-{i:06}");
        let title = format!("{} {} {i}", occupation.trim_end_matches('s'), WORDS[i % WORDS.len()]);
        let aliases: Vec<String> = (0..aliases_per_role)
            .map(|a| format!("\"{} {} {i}-{a}\"", WORDS[(i + a + 1) % WORDS.len()], code))
            .collect();
        fs::write(
            roles.join(format!("{slug}.md")),
            role_file(&mut rng, &slug, &title, seniority, code, &aliases, i, n),
        )?;
    }
    println!("wrote {n} roles with {} aliases to {}", n * aliases_per_role, content.display());
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn role_file(
    rng: &mut Rng,
    slug: &str,
    title: &str,
    seniority: &str,
    code: &str,
    aliases: &[String],
    i: usize,
    n: usize,
) -> String {
    let mut s = String::with_capacity(4096);
    let _ = writeln!(
        s,
        "+++\nslug = \"{slug}\"\ntitle = \"{title}\"\nseniority = \"{seniority}\"\nexperience = \"2-5 years\""
    );
    let _ = writeln!(
        s,
        "category = \"Synthetic {}\"\noccupation = \"{code}\"\naliases = [{}]",
        &code[..2],
        aliases.join(", ")
    );
    let _ = writeln!(s, "live_tracked = {}\nverdict = \"A synthetic role for benchmarks.\"", i.is_multiple_of(2));
    let _ = writeln!(s, "reinstatement = \"Synthetic reinstatement check.\"\n");
    let _ = writeln!(
        s,
        "[definition]\nprimary_function = \"Synthetic work.\"\nnot_this_role = \"A real role.\"\ntypical_experience = \"Some.\"\n"
    );
    for key in ["embodied_physicality", "interpersonal_connection", "moral_judgment"] {
        let _ = writeln!(s, "[protective.{key}]\nscore = {}\nrationale = \"Synthetic.\"\n", rng.range(0, 3));
    }
    let _ = writeln!(s, "[growth]\nscore = {}\nrationale = \"Synthetic.\"\ncheck = \"Synthetic.\"\n", rng.range(-2, 2));
    // Shares: 4-8 tasks whose shares add to 100.
    let tasks = rng.range(4, 8) as usize;
    let mut left = 100i64;
    for t in 0..tasks {
        let share = if t + 1 == tasks { left } else { rng.range(5, left - 5 * (tasks - t - 1) as i64).min(40) };
        left -= share;
        let _ = writeln!(
            s,
            "[[tasks]]\nname = \"Task {t}\"\nshare = {share}\nscore = {}\nrationale = \"Synthetic.\"\n",
            rng.range(1, 5)
        );
    }
    for key in ["job_postings", "company_actions", "wage_trends", "tool_maturity", "expert_consensus"] {
        let _ = writeln!(s, "[evidence.{key}]\nscore = {}\nrationale = \"Synthetic.\"\n", rng.range(-2, 2));
    }
    for key in ["regulatory", "physical", "union", "liability", "cultural"] {
        let _ = writeln!(s, "[barriers.{key}]\nscore = {}\nrationale = \"Synthetic.\"\n", rng.range(0, 2));
    }
    let _ = writeln!(
        s,
        "[outlook]\nhorizon = 2028\nfuture = \"Synthetic.\"\nstrategy = [\"Synthetic.\"]\ntimeline = \"Synthetic.\"\n"
    );
    if n > 1 {
        let _ = writeln!(s, "[[transitions]]\nto = \"synthetic-role-{:06}\"\nwhy = \"Synthetic.\"\n", (i + 1) % n);
    }
    let _ = writeln!(s, "[[revisions]]\ndate = 2026-{:02}-{:02}\nnote = \"Synthetic.\"\n+++", 1 + i % 11, 1 + i % 28);
    let _ = writeln!(s, "## Commentary\n\nSynthetic commentary for role {i}.");
    s
}
