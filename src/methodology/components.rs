//! The five parts of the score as readers see them named: `[components.<key>]` in
//! methodology.toml. Every page, the compare page, the methodology page and the sub-label
//! conditions take their names from here, so a name is written once, in one casing.

use super::sanity::Insane;
use serde::{Deserialize, Serialize};

/// One part of the score: its full name and a shorter one for tight places.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Component {
    /// In headings, tables and the formula.
    pub name: String,
    /// In the composition legend, the waterfall and the compare page.
    pub short: String,
}

/// Every part of the score, keyed as methodology.toml keys them. A key the file adds or leaves
/// out is refused when the file loads, at its line.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Components {
    pub task_resistance: Component,
    pub evidence: Component,
    pub barriers: Component,
    pub protective: Component,
    pub growth: Component,
}

impl Components {
    /// (key, component) in the order the formula and the composition list them.
    pub fn in_order(&self) -> [(&'static str, &Component); 5] {
        [
            ("task_resistance", &self.task_resistance),
            ("evidence", &self.evidence),
            ("barriers", &self.barriers),
            ("protective", &self.protective),
            ("growth", &self.growth),
        ]
    }

    /// Each short name, in formula order.
    pub fn shorts(&self) -> [String; 5] {
        self.in_order().map(|(_, c)| c.short.clone())
    }

    /// A name or short name with no letter in it would leave a heading or a chart label blank.
    pub fn blank(&self) -> Vec<Insane> {
        let mut out = Vec::new();
        for ((key, c), table) in self.in_order().into_iter().zip(TABLES) {
            for (field, value) in [("name", &c.name), ("short", &c.short)] {
                if !value.chars().any(char::is_alphabetic) {
                    out.push(Insane {
                        table,
                        index: 0,
                        key: field,
                        message: format!("is {value:?}; name the {} in words", key.replace('_', " ")),
                    });
                }
            }
        }
        out
    }
}

/// The table of each component as written in the file, in formula order, for error lines.
const TABLES: [&str; 5] = [
    "components.task_resistance",
    "components.evidence",
    "components.barriers",
    "components.protective",
    "components.growth",
];

#[cfg(test)]
mod tests {
    use crate::methodology::Methodology;

    const BUNDLED: &str = include_str!("../../content/methodology.toml");

    fn parse(text: &str) -> Result<Methodology, toml::de::Error> {
        toml::from_str(text)
    }

    fn line_of_error(text: &str, e: &toml::de::Error) -> usize {
        let start = e.span().expect("the error has a place in the file").start;
        text[..start].matches('\n').count() + 1
    }

    fn line_of(text: &str, needle: &str) -> usize {
        text.lines().position(|l| l.trim() == needle).expect(needle) + 1
    }

    #[test]
    fn the_bundled_components_have_names() {
        let m = parse(BUNDLED).expect("bundled methodology");
        assert!(m.components.blank().is_empty());
        assert_eq!(m.components.in_order().map(|(k, _)| k).len(), 5);
    }

    #[test]
    fn an_unknown_component_is_refused_at_its_line() {
        let text = BUNDLED.replacen("[components.growth]", "[components.growht]", 1);
        let e = parse(&text).expect_err("a misspelt component");
        assert!(e.message().contains("growht"), "{}", e.message());
        assert_eq!(line_of_error(&text, &e), line_of(&text, "[components.growht]"));
    }

    #[test]
    fn a_missing_component_is_refused_at_the_components_table() {
        let at = BUNDLED.find("[components.growth]").expect("growth");
        let end = at + BUNDLED[at..].find("\n\n").expect("a blank line after the table");
        let text = format!("{}{}", &BUNDLED[..at], &BUNDLED[end + 2..]);
        let e = parse(&text).expect_err("no growth component");
        assert!(e.message().contains("growth"), "{}", e.message());
        assert!(line_of_error(&text, &e) > 1, "the error names a line inside the file");
    }

    #[test]
    fn a_blank_name_is_refused_at_its_line() {
        let table = line_of(BUNDLED, "[components.barriers]");
        let mut lines: Vec<String> = BUNDLED.lines().map(String::from).collect();
        let name = table + lines[table..].iter().position(|l| l.starts_with("name = ")).expect("a name");
        lines[name] = "name = \" \"".into();
        let text = lines.join("\n");
        let m = parse(&text).expect("parses");
        let blank = m.components.blank();
        assert_eq!(blank.len(), 1);
        assert_eq!(blank[0].line_in(&text), name + 1);
    }
}
