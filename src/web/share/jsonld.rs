//! Structured data for search engines and link previews: a schema.org `Occupation` and a
//! `BreadcrumbList` as JSON-LD. Built with serde_json, never by string pasting, and made safe
//! to place inside `<script>`: every `<`, `>` and `&` is written as a JSON escape, so no text
//! can close the script element or open a comment.

use serde_json::{Map, Value, json};

/// Annual wages in US dollars (OEWS); every figure but the median is optional.
#[derive(Debug, Clone, Default)]
pub struct Salary {
    pub median: f64,
    pub percentile10: Option<f64>,
    pub percentile25: Option<f64>,
    pub percentile75: Option<f64>,
    pub percentile90: Option<f64>,
}

/// What the `Occupation` says; a role fills it today, a scored occupation can tomorrow.
#[derive(Debug, Clone, Default)]
pub struct OccupationLd {
    pub name: String,
    pub description: String,
    /// The O*NET-SOC code, e.g. "15-1252.00".
    pub code: String,
    /// Aliases and lay titles.
    pub alternate_names: Vec<String>,
    /// "Mid-Level (3-5 years)".
    pub experience: Option<String>,
    /// Absolute URL of the page.
    pub url: String,
    /// From OEWS, where the occupation has it (the occupations branch fills this in).
    pub salary: Option<Salary>,
    /// (name, absolute URL) from the home page down to this page.
    pub crumbs: Vec<(String, String)>,
}

/// The schema.org graph as a value.
pub fn graph(o: &OccupationLd) -> Value {
    let mut occupation = Map::new();
    occupation.insert("@type".into(), json!("Occupation"));
    occupation.insert("name".into(), json!(o.name));
    occupation.insert("description".into(), json!(o.description));
    occupation.insert("occupationalCategory".into(), json!(o.code));
    occupation.insert("url".into(), json!(o.url));
    occupation.insert("mainEntityOfPage".into(), json!(o.url));
    if !o.alternate_names.is_empty() {
        occupation.insert("alternateName".into(), json!(o.alternate_names));
    }
    if let Some(experience) = &o.experience {
        occupation.insert("experienceRequirements".into(), json!(experience));
    }
    if let Some(s) = &o.salary {
        let mut amount = Map::new();
        amount.insert("@type".into(), json!("MonetaryAmountDistribution"));
        amount.insert("name".into(), json!("base"));
        amount.insert("currency".into(), json!("USD"));
        amount.insert("duration".into(), json!("P1Y"));
        amount.insert("median".into(), json!(s.median));
        for (key, value) in [
            ("percentile10", s.percentile10),
            ("percentile25", s.percentile25),
            ("percentile75", s.percentile75),
            ("percentile90", s.percentile90),
        ] {
            if let Some(v) = value {
                amount.insert(key.into(), json!(v));
            }
        }
        occupation.insert("estimatedSalary".into(), Value::Object(amount));
        // OEWS figures are national: say where they hold.
        occupation.insert("occupationLocation".into(), json!({"@type": "Country", "name": "United States"}));
    }
    let crumbs: Vec<Value> = o
        .crumbs
        .iter()
        .enumerate()
        .map(|(i, (name, url))| json!({"@type": "ListItem", "position": i + 1, "name": name, "item": url}))
        .collect();
    json!({
        "@context": "https://schema.org",
        "@graph": [Value::Object(occupation), {"@type": "BreadcrumbList", "itemListElement": crumbs}],
    })
}

/// The text to put between `<script type="application/ld+json">` and `</script>`.
pub fn script_body(o: &OccupationLd) -> String {
    escape_for_script(&graph(o).to_string())
}

/// `<`, `>` and `&` only ever occur inside JSON strings, where `\u003c` and friends mean the
/// same thing; so the result is the same JSON and cannot end the script element.
fn escape_for_script(json: &str) -> String {
    json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> OccupationLd {
        OccupationLd {
            name: "Backend/API Developer".into(),
            description: "Builds </script><script>alert(1)</script> & <!-- services".into(),
            code: "15-1252.00".into(),
            alternate_names: vec!["Backend Engineer".into()],
            experience: Some("Mid-Level (3-5 years)".into()),
            url: "https://jobzone.example/roles/x".into(),
            salary: None,
            crumbs: vec![("Home".into(), "https://jobzone.example/".into())],
        }
    }

    #[test]
    fn the_script_body_cannot_close_the_script_and_still_parses_to_the_same_text() {
        let body = script_body(&sample());
        assert!(!body.contains('<') && !body.contains('>'), "{body}");
        let parsed: Value = serde_json::from_str(&body).expect("valid JSON");
        assert_eq!(parsed["@graph"][0]["description"], sample().description);
    }

    #[test]
    fn the_graph_holds_an_occupation_with_its_code_and_a_breadcrumb_list() {
        let g = graph(&sample());
        assert_eq!(g["@graph"][0]["@type"], "Occupation");
        assert_eq!(g["@graph"][0]["occupationalCategory"], "15-1252.00");
        assert_eq!(g["@graph"][0]["alternateName"][0], "Backend Engineer");
        assert!(g["@graph"][0].get("estimatedSalary").is_none(), "no salary is claimed without data");
        assert_eq!(g["@graph"][1]["itemListElement"][0]["position"], 1);
    }

    #[test]
    fn a_salary_becomes_an_annual_dollar_distribution_in_the_united_states() {
        let o = OccupationLd {
            salary: Some(Salary { median: 100_000.0, percentile10: Some(60_000.0), ..Salary::default() }),
            ..sample()
        };
        let g = graph(&o);
        let salary = &g["@graph"][0]["estimatedSalary"];
        assert_eq!(salary["median"], 100_000.0);
        assert_eq!(salary["percentile10"], 60_000.0);
        assert_eq!(salary["duration"], "P1Y");
        assert!(salary.get("percentile90").is_none());
        assert_eq!(g["@graph"][0]["occupationLocation"]["name"], "United States");
    }
}
