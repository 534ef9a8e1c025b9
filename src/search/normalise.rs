//! How titles and queries become comparable words: case, punctuation, diacritics, plurals.

/// Folds the accented Latin letters job titles use to their plain forms.
fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

/// Reduces a plural to its singular, the same way for titles and queries:
/// "secretaries" -> "secretary", "economists" -> "economist", "boxes" -> "box".
pub fn stem(word: &str) -> String {
    let w = word;
    if w.len() > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..w.len() - 3]);
    }
    if w.len() > 4 && (w.ends_with("sses") || w.ends_with("ches") || w.ends_with("shes") || w.ends_with("xes")) {
        return w[..w.len() - 2].to_string();
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// The words of `text`: lower case, diacritics folded, split at anything not a letter or
/// digit (so "Backend/API" and "back-end" split), each reduced to its singular.
pub fn words(text: &str) -> Vec<String> {
    let lowered: String = text.chars().flat_map(char::to_lowercase).map(fold).collect();
    lowered.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(stem).collect()
}

/// Adjacent words run together, so "back end" also matches "backend".
pub fn joined_pairs(words: &[String]) -> Vec<String> {
    words.windows(2).map(|w| stem(&format!("{}{}", w[0], w[1]))).collect()
}

/// Levenshtein distance, or None as soon as it must exceed `max`. The typo scan calls this
/// thousands of times per query, so ASCII words (nearly all) are compared as bytes.
pub fn within(a: &str, b: &str, max: usize) -> Option<usize> {
    if a.is_ascii() && b.is_ascii() {
        bounded_distance(a.as_bytes(), b.as_bytes(), max)
    } else {
        bounded_distance(&a.chars().collect::<Vec<_>>(), &b.chars().collect::<Vec<_>>(), max)
    }
}

fn bounded_distance<T: PartialEq>(a: &[T], b: &[T], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[b.len()] <= max).then_some(prev[b.len()])
}

/// Typos allowed in a query word of this many characters, as Meilisearch does by default.
pub fn typos_allowed(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_case_punctuation_diacritics_and_plurals() {
        assert_eq!(words("Backend/API Developers"), ["backend", "api", "developer"]);
        assert_eq!(words("back-end"), ["back", "end"]);
        assert_eq!(
            words("Secretaries and Administrative Assistants"),
            ["secretary", "and", "administrative", "assistant"]
        );
        assert_eq!(words("Économistes"), ["economiste"]);
        assert_eq!(words("Analysis, Business"), ["analysis", "business"]);
    }

    #[test]
    fn adjacent_words_join() {
        assert_eq!(joined_pairs(&words("back end dev")), ["backend", "enddev"]);
    }

    #[test]
    fn edit_distance_is_bounded() {
        assert_eq!(within("practioner", "practitioner", 2), Some(2));
        assert_eq!(within("nurse", "nurze", 1), Some(1));
        assert_eq!(within("nurse", "purple", 1), None);
        assert_eq!(within("écon", "econ", 1), Some(1));
        assert_eq!(typos_allowed(4), 0);
        assert_eq!(typos_allowed(5), 1);
        assert_eq!(typos_allowed(9), 2);
    }
}
