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

/// Optimal string alignment distance (a swap of two neighbouring letters is one edit), or None
/// as soon as it must exceed `max`. A letter moved two or three places ("nuser" for "nurse") also
/// counts as one edit: it is the same slip of the fingers. The typo scan calls this thousands of
/// times per query, so ASCII words (nearly all) are compared as bytes, without allocating.
pub fn within(a: &str, b: &str, max: usize) -> Option<usize> {
    let d = if a.is_ascii() && b.is_ascii() {
        bounded_osa(a.as_bytes(), b.as_bytes(), max)
    } else {
        bounded_osa(&a.chars().collect::<Vec<_>>(), &b.chars().collect::<Vec<_>>(), max)
    };
    match d {
        Some(d) if d <= 1 => Some(d),
        _ if max >= 1 && a.is_ascii() && b.is_ascii() && one_letter_moved(a.as_bytes(), b.as_bytes()) => Some(1),
        d => d,
    }
}

/// Longest word compared on the stack; longer ones fall back to the heap.
const STACK_WORD: usize = 48;

fn bounded_osa<T: PartialEq>(a: &[T], b: &[T], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let n = b.len();
    let (mut s0, mut s1, mut s2) = ([0usize; STACK_WORD + 1], [0usize; STACK_WORD + 1], [0usize; STACK_WORD + 1]);
    let mut heap;
    let (mut before, mut prev, mut cur): (&mut [usize], &mut [usize], &mut [usize]) = if n <= STACK_WORD {
        (&mut s0[..=n], &mut s1[..=n], &mut s2[..=n])
    } else {
        heap = vec![0usize; 3 * (n + 1)];
        let (x, rest) = heap.split_at_mut(n + 1);
        let (y, z) = rest.split_at_mut(n + 1);
        (x, y, z)
    };
    for (j, v) in prev.iter_mut().enumerate() {
        *v = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(before[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        // A swap reaches back two rows, but never below the previous row's minimum.
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[n] <= max).then_some(prev[n])
}

/// True when `b` is `a` with one letter moved two or three places ("nurse" -> "nuser").
fn one_letter_moved(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() || a == b {
        return false;
    }
    let Some(first) = a.iter().zip(b).position(|(x, y)| x != y) else { return false };
    let Some(from_end) = a.iter().rev().zip(b.iter().rev()).position(|(x, y)| x != y) else { return false };
    let last = a.len() - 1 - from_end;
    if last - first > 3 {
        return false;
    }
    let (x, y) = (&a[first..=last], &b[first..=last]);
    let k = x.len() - 1;
    (x[1..] == y[..k] && x[0] == y[k]) || (x[..k] == y[1..] && x[k] == y[0])
}

/// A bit per letter or digit present in `word` (other characters share one bit): one edit
/// changes at most two bits, so most tokens are ruled out before any distance is computed.
pub fn letter_mask(word: &str) -> u64 {
    word.chars().fold(0, |m, c| {
        m | 1u64
            << match c {
                'a'..='z' => c as u32 - 'a' as u32,
                '0'..='9' => 26 + c as u32 - '0' as u32,
                _ => 36,
            }
    })
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
    fn a_swap_of_neighbouring_letters_or_a_moved_letter_is_one_edit() {
        assert_eq!(within("nrse", "nurse", 1), Some(1));
        assert_eq!(within("nusre", "nurse", 1), Some(1), "a swap is one edit, not two");
        assert_eq!(within("nuser", "nurse", 1), Some(1), "a letter moved two places is one edit");
        assert_eq!(within("electrcian", "electrician", 2), Some(1));
        assert_eq!(within("abcdef", "fbcdea", 1), None);
        assert_eq!(within("nuser", "user", 1), Some(1));
    }

    #[test]
    fn the_distance_agrees_with_strsim_osa_within_the_bound() {
        let words = ["nurse", "nusre", "nuser", "purse", "nurses", "electrician", "electrcian", "cashier", "cahsier"];
        for a in words {
            for b in words {
                let osa = strsim::osa_distance(a, b);
                let ours = within(a, b, 2);
                if osa <= 2 {
                    assert!(ours.is_some_and(|d| d <= osa), "{a} {b}: strsim {osa}, ours {ours:?}");
                } else {
                    assert!(ours.is_none() || ours == Some(1), "{a} {b}: strsim {osa}, ours {ours:?}");
                }
            }
        }
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
