//! Reading BLS table 1.12: which stated factors name AI (or automation software), and which way
//! each says the occupation's share moves.

use crate::assessment::Quote;
use crate::data::bls::Factor;

/// Whether `text` holds `term`: case ignored, starting at a word boundary, and ending at one
/// unless the term ends with `*` (then any ending matches: "automat*" finds "automated").
pub fn names(text: &str, term: &str) -> bool {
    let text = text.to_lowercase();
    let (term, prefix) = match term.strip_suffix('*') {
        Some(t) => (t.to_lowercase(), true),
        None => (term.to_lowercase(), false),
    };
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    text.match_indices(&term).any(|(i, m)| {
        boundary(text[..i].chars().next_back()) && (prefix || boundary(text[i + m.len()..].chars().next()))
    })
}

/// +1 when the factor says the occupation's share increases, -1 when it decreases (the first
/// stated direction wins), None when it states neither.
pub fn direction(text: &str) -> Option<i64> {
    let up = text.find("share increases");
    let down = text.find("share decreases");
    match (up, down) {
        (Some(u), Some(d)) => Some(if u < d { 1 } else { -1 }),
        (Some(_), None) => Some(1),
        (None, Some(_)) => Some(-1),
        (None, None) => None,
    }
}

/// The distinct factors naming any of `terms` that state a direction, and their net direction.
/// None when there are none: the dimension then has no data.
pub fn net(factors: &[Factor], terms: &[&str]) -> Option<(i64, Vec<Quote>)> {
    let mut quotes: Vec<Quote> = Vec::new();
    let mut sum = 0;
    for f in factors {
        if quotes.iter().any(|q| q.text == f.text) || !terms.iter().any(|t| names(&f.text, t)) {
            continue;
        }
        if let Some(d) = direction(&f.text) {
            sum += d;
            quotes.push(Quote { source: format!("BLS, {}", f.industry), text: f.text.clone(), url: None });
        }
    }
    (!quotes.is_empty()).then_some((sum, quotes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn factor(text: &str) -> Factor {
        Factor { industry: "Total, all industries".into(), text: text.into() }
    }

    #[test]
    fn terms_match_whole_words_case_ignored_and_a_star_matches_any_ending() {
        assert!(names("share decreases as artificial intelligence (AI) tools", "AI"));
        assert!(names("AI-generated voice technology", "ai"));
        assert!(!names("as the chain of retail outlets grows", "AI"));
        assert!(names("automated billing software", "automat*"));
        assert!(!names("automated billing", "automat"));
    }

    #[test]
    fn the_first_stated_direction_counts_and_repeated_sentences_count_once() {
        let up_then_down =
            "Demand change - share increases as demand grows, partially offset by AI tools; share decreases";
        assert_eq!(direction(up_then_down), Some(1));
        let ai_down = factor("Productivity change - share decreases as AI systems assist workers.");
        let factors = [
            ai_down.clone(),
            ai_down,
            factor("Demand change - share increases as AI grows."),
            factor("share decreases as robots"),
        ];
        let (sum, quotes) = net(&factors, &["AI"]).expect("two AI factors");
        assert_eq!((sum, quotes.len()), (0, 2));
        assert!(net(&factors[3..], &["AI"]).is_none());
    }
}
