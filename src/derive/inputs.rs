//! The measures that fill the method's formerly missing inputs: licensing read from the
//! Occupational Outlook Handbook, hands-on and people work from O*NET 24.x work context and
//! activities, workers' own view of automation from WORKBank, and observed AI use from the newest
//! Anthropic Economic Index release. Each returns the raw value, the figure as shown, and any quote.

use super::dimensions::{Context, Found, round};
use crate::assessment::Quote;
use crate::methodology::data_method::{Licensing, Rule};

/// The licensing class (0-2) of the occupation's Handbook profile, quoting the sentence that
/// decided it; a profile without a licensing subsection is class 0. None without a profile.
pub fn ooh_licensing(ctx: &Context, rule: &Rule) -> Found {
    let profile = ctx.data.ooh.for_onet(ctx.code)?;
    let quote = |text: String| Quote {
        source: format!("BLS Occupational Outlook Handbook, {}", profile.title),
        text,
        url: Some(profile.url.clone()),
    };
    let Some(section) = &profile.licensing else {
        let shown = format!("class 0: the Handbook profile \"{}\" names no licence or certification", profile.title);
        return Some((0.0, shown, vec![quote("(no licensing subsection in this profile)".into())]));
    };
    let (class, sentence, phrase) = classify(&ctx.method.licensing, section);
    let shown = match phrase {
        Some(p) => format!("class {class} ({}: \"{p}\")", rule.unit),
        None => format!("class 0 ({}: no licensing phrase found)", rule.unit),
    };
    Some((class as f64, shown, vec![quote(sentence)]))
}

/// The class, the deciding sentence (the first sentence if none matched) and the phrase.
pub fn classify(rules: &Licensing, section: &str) -> (i64, String, Option<String>) {
    let sentences = sentences(section);
    let mut best: Option<(i64, &str, &str)> = None;
    for sentence in &sentences {
        let ws = words(sentence);
        let holds = |list: &[String]| list.iter().any(|p| matches(&words(p), &ws));
        if holds(&rules.ignored) && !holds(&rules.ignored_unless) {
            continue;
        }
        let Some(p) = rules.phrases.iter().find(|p| matches(&words(&p.phrase), &ws)) else { continue };
        if best.is_none_or(|(c, ..)| p.class > c) {
            best = Some((p.class, sentence, &p.phrase));
        }
    }
    match best {
        Some((class, sentence, phrase)) => (class, sentence.to_string(), Some(phrase.to_string())),
        None => (0, sentences.first().map_or_else(String::new, |s| s.to_string()), None),
    }
}

/// Lower-case words; typographic apostrophes read as plain ones, "*" is kept as a word.
fn words(text: &str) -> Vec<String> {
    text.replace('\u{2019}', "'")
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-' || c == '*'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether `pattern` occurs in `words` as a run: "*" is any one word, "licens*" any ending.
fn matches(pattern: &[String], words: &[String]) -> bool {
    let fits =
        |p: &String, w: &String| p == "*" || p.strip_suffix('*').map_or_else(|| p == w, |stem| w.starts_with(stem));
    !pattern.is_empty() && words.windows(pattern.len()).any(|run| pattern.iter().zip(run).all(|(p, w)| fits(p, w)))
}

/// Sentences: split after ". ", "? " or "! " before a capital, and at list bullets.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for item in text.split(" • ") {
        let mut start = 0;
        let b = item.as_bytes();
        for i in 1..b.len().saturating_sub(1) {
            let ends = matches!(b[i - 1], b'.' | b'?' | b'!') && b[i] == b' ' && b[i + 1].is_ascii_uppercase();
            // "U.S. Department": a one-letter word before the stop is an abbreviation.
            let abbreviation = i >= 3 && b[i - 3] == b'.';
            if ends && !abbreviation {
                out.push(item[start..i].trim());
                start = i + 1;
            }
        }
        out.push(item[start..].trim());
    }
    out.retain(|s| !s.is_empty());
    out
}

/// The mean O*NET 24.x rating (0-100) of the rule's elements; None unless all are rated.
pub fn onet_context(ctx: &Context, rule: &Rule) -> Found {
    let values: Option<Vec<f64>> = rule.elements.iter().map(|e| ctx.data.onet24.get(e, ctx.code)).collect();
    let values = values?;
    let mean = round(values.iter().sum::<f64>() / values.len() as f64, 1);
    let each: Vec<String> = values.iter().map(|v| format!("{v:.0}")).collect();
    Some((mean, format!("{mean:.1} {} (mean of {})", rule.unit, each.join(", ")), Vec::new()))
}

/// Workers' mean Human Agency Scale minus their mean Automation Desire (WORKBank).
pub fn worker_agency(ctx: &Context, rule: &Rule) -> Found {
    let w = ctx.data.workbank.by_occupation.get(ctx.code)?;
    let raw = round(w.human_agency - w.automation_desire, 2);
    let shown = format!(
        "{raw:+.2} {} (human agency {:.2} of 5, automation desire {:.2} of 5, {} worker ratings)",
        rule.unit, w.human_agency, w.automation_desire, w.ratings
    );
    Some((raw, shown.replace('-', "\u{2212}"), Vec::new()))
}

/// Percent of all conversations in the newest AEI release that automate the occupation's tasks.
pub fn aei_automated_use(ctx: &Context, rule: &Rule) -> Found {
    let (mut share, mut automated, mut augmented, mut matched) = (0.0, 0.0, 0.0, false);
    for task in ctx.tasks {
        if let Some(u) = ctx.data.aei.latest_for_task(&task.name) {
            matched = true;
            share += u.percent;
            automated += u.percent * u.automation;
            augmented += u.percent * u.augmentation;
        }
    }
    if !matched {
        return None;
    }
    let raw = round(automated, 4);
    let part = |x: f64| if share > 0.0 { round(x / share * 100.0, 0) } else { 0.0 };
    let shown = format!(
        "{raw:.4}% {} ({share:.4}% of conversations use its tasks: {:.0}% automation, {:.0}% augmentation)",
        rule.unit,
        part(automated),
        part(augmented)
    );
    Some((raw, shown, Vec::new()))
}
