//! The 1.1 inputs against what a reader of the sources expects: licensing classes read by hand
//! from the Handbook, hands-on work, and agreement with independent research.

use super::inputs::classify;
use super::tests::{derived, shipped};
use crate::assessment::{Assessment, Rated};

fn find(code: &str) -> &'static Assessment {
    derived().iter().find(|o| o.key.id() == code).expect("occupation is assessed")
}

fn regulatory(code: &str) -> &'static Rated {
    &find(code).barriers[0]
}

/// Classes read by hand from each profile's "Licenses, Certifications, and Registrations" text.
#[test]
fn licensing_classes_of_profiles_read_by_hand() {
    let (m, data) = shipped();
    let expected = [
        ("29-1141.00", 2, "must have a nursing license"), // Registered Nurses
        ("47-2111.00", 2, "Most states require electricians"), // Electricians
        ("53-2011.00", 2, "FAA"),                         // Airline pilots
        ("53-3032.00", 2, "commercial driver"),           // Heavy truck drivers
        ("13-2011.00", 2, "All states require CPA candidates"), // Accountants
        ("23-1011.00", 2, "admitted to the bar"),         // Lawyers
        ("39-5012.00", 2, "must obtain a license"),       // Cosmetologists
        ("47-2152.00", 2, "Most states and some localities require plumbers"), // Plumbers
        ("29-1292.00", 2, "licensed"),                    // Dental hygienists
        ("31-1131.00", 2, "state registry"),              // Nursing assistants
        ("33-2011.00", 1, "vary by state"),               // Firefighters
        ("15-1252.00", 0, ""),                            // Software developers
        ("41-2011.00", 0, ""),                            // Cashiers
    ];
    for (code, class, words) in expected {
        let profile = data.ooh.for_onet(code).unwrap_or_else(|| panic!("{code} has a Handbook profile"));
        let (got, sentence, _) =
            profile.licensing.as_deref().map_or((0, String::new(), None), |t| classify(&m.data_method.licensing, t));
        assert_eq!(got, class, "{code} {}: {sentence}", profile.title);
        assert!(sentence.contains(words), "{code}: the deciding sentence \"{sentence}\" should hold \"{words}\"");
    }
}

#[test]
fn licensed_occupations_get_a_regulatory_barrier_with_the_handbook_quote() {
    for code in [
        "29-1141.00",
        "47-2111.00",
        "53-2011.00",
        "53-3032.00",
        "13-2011.00",
        "23-1011.00",
        "39-5012.00",
        "47-2152.00",
        "29-1292.00",
    ] {
        let r = regulatory(code);
        assert!(r.score >= 1, "{code}: regulatory {}", r.score);
        let quote =
            r.basis.as_ref().and_then(|b| b.quotes.first()).unwrap_or_else(|| panic!("{code} quotes the Handbook"));
        assert!(quote.source.starts_with("BLS Occupational Outlook Handbook, "), "{code}: {}", quote.source);
        assert!(
            quote.url.as_deref().is_some_and(|u| u.starts_with("https://www.bls.gov/ooh/")),
            "{code}: {:?}",
            quote.url
        );
        assert!(!quote.text.is_empty());
    }
}

#[test]
fn hands_on_work_counts_as_embodied_and_desk_work_does_not() {
    for code in ["29-1141.00", "31-1131.00", "47-2111.00", "33-2011.00"] {
        let p = &find(code).protective[0];
        assert!(p.score >= 2, "{code}: embodied physicality {} ({:?})", p.score, p.basis);
    }
    for code in ["41-9041.00", "43-9021.00", "15-1252.00"] {
        let p = &find(code).protective[0];
        assert!(p.score <= 1, "{code}: embodied physicality {} ({:?})", p.score, p.basis);
    }
}

#[test]
fn scores_agree_with_microsoft_applicability_and_human_rated_exposure() {
    let (_, data) = shipped();
    let pairs = |f: &dyn Fn(&Assessment) -> Option<f64>| -> Vec<(f64, f64)> {
        derived().iter().filter_map(|o| f(o).map(|v| (o.card.score, v))).collect()
    };
    let microsoft = pairs(&|o| data.working_with_ai.for_onet(o.key.id()));
    let human = pairs(&|o| data.gpts.occupations.get(o.key.id()).map(|e| e.human_rating_beta));
    assert!(microsoft.len() > 850 && human.len() > 900);
    let (rm, rh) = (super::stats::spearman(&microsoft), super::stats::spearman(&human));
    assert!(rm <= -0.6, "Spearman with Microsoft's applicability {rm}");
    assert!(rh <= -0.6, "Spearman with human-rated exposure {rh}");
}
