//! O*NET 24.x work context and work activity ratings (`content/data/onet-24/`), exported from
//! O*NET OnLine and keyed by O*NET-SOC 2010 codes, mapped to the 2019 codes of O*NET 30.1 with
//! O*NET's own crosswalk. A 2019 code with several 2010 parents gets the mean of their ratings.

use super::onet::read;
use super::value::{code, columns, optional_number, text};
use crate::problem::Problem;
use rustc_hash::FxHashMap;
use std::path::Path;

pub const DIR: &str = "onet-24";

/// The element files we ship: (O*NET element ID, file, the 0-100 column read). Work context
/// gives one figure ("Context"); for work activities we read "Importance".
pub const ELEMENTS: [(&str, &str, &str); 9] = [
    ("4.C.2.a.3", "Physical_Proximity.csv", "Context"),
    ("4.C.2.d.1.g", "Spend_Time_Using_Your_Hands_to_Handle_Control_or_Feel_Objects_Tools_or_Controls.csv", "Context"),
    ("4.C.2.c.1.b", "Exposed_to_Disease_or_Infections.csv", "Context"),
    ("4.C.1.a.2.l", "Face-to-Face_Discussions.csv", "Context"),
    ("4.A.3.a.2", "Handling_and_Moving_Objects.csv", "Importance"),
    ("4.A.3.a.4", "Operating_Vehicles_Mechanized_Devices_or_Equipment.csv", "Importance"),
    ("4.A.4.a.5", "Assisting_and_Caring_for_Others.csv", "Importance"),
    ("4.A.4.a.4", "Establishing_and_Maintaining_Interpersonal_Relationships.csv", "Importance"),
    ("4.A.4.a.8", "Performing_for_or_Working_Directly_with_the_Public.csv", "Importance"),
];

pub const CROSSWALK: &str = "onet-soc-2010-to-2019-crosswalk.csv";

#[derive(Debug, Default)]
pub struct Onet24 {
    /// Rating 0-100 by (element ID, 2019 code).
    values: FxHashMap<(&'static str, String), f64>,
}

impl Onet24 {
    pub fn load(content: &Path, problems: &mut Vec<Problem>) -> Onet24 {
        let dir = content.join(DIR);
        let mut parents: FxHashMap<String, Vec<String>> = FxHashMap::default();
        read(&dir, CROSSWALK, problems, |t, p| {
            let [old, new] = columns(t, ["O*NET-SOC 2010 Code", "O*NET-SOC 2019 Code"], p)?;
            for row in &t.rows {
                if let (Some(old), Some(new)) = (code(t, row, old, p), code(t, row, new, p)) {
                    parents.entry(new.to_string()).or_default().push(old.to_string());
                }
            }
            Some(())
        });
        let mut out = Onet24::default();
        for (element, file, column) in ELEMENTS {
            let mut by_2010: FxHashMap<String, f64> = FxHashMap::default();
            read(&dir, file, problems, |t, p| {
                let [value, c] = columns(t, [column, "Code"], p)?;
                for row in &t.rows {
                    // O*NET OnLine prints "Not available" where it has no rating.
                    if text(row, value) == "Not available" {
                        continue;
                    }
                    if let (Some(v), Some(c)) = (optional_number(t, row, value, p), code(t, row, c, p)) {
                        by_2010.insert(c.to_string(), v);
                    }
                }
                Some(())
            });
            for (new, olds) in &parents {
                let known: Vec<f64> = olds.iter().filter_map(|o| by_2010.get(o).copied()).collect();
                if !known.is_empty() {
                    out.values.insert((element, new.clone()), known.iter().sum::<f64>() / known.len() as f64);
                }
            }
        }
        out
    }

    /// The rating (0-100) of O*NET element `element` for a 2019 O*NET-SOC code.
    pub fn get(&self, element: &str, code: &str) -> Option<f64> {
        let (e, ..) = ELEMENTS.iter().find(|(e, ..)| *e == element)?;
        self.values.get(&(*e, code.to_string())).copied()
    }

    /// Whether we ship this element (for checking methodology.toml).
    pub fn knows(element: &str) -> bool {
        ELEMENTS.iter().any(|(e, ..)| *e == element)
    }
}
