//! An event's confidence: 1, less an amount for each weaker piece of evidence it rests on (how
//! its sides were found, how it was dated, what kind of act it is), as data/events/confidence.tsv
//! lists them.

use std::sync::OnceLock;

use super::taxonomy;
use crate::document::Event;
use crate::knowledge;

const TABLE: &str = include_str!("../../data/events/confidence.tsv");

/// The least confidence an event keeps.
const FLOOR: f64 = 0.05;

/// (part, value, amount) rows of the table.
fn table() -> &'static [(&'static str, &'static str, f64)] {
    static T: OnceLock<Vec<(&str, &str, f64)>> = OnceLock::new();
    T.get_or_init(|| {
        knowledge::rows(TABLE)
            .map(|r| {
                let less = r[2].parse().unwrap_or_else(|_| {
                    panic!("data/events/confidence.tsv: {:?} is no amount", r[2])
                });
                (r[0], r[1], less)
            })
            .collect()
    })
}

fn less(part: &str, value: &str) -> f64 {
    table()
        .iter()
        .filter(|(p, v, _)| *p == part && *v == value)
        .map(|r| r.2)
        .sum()
}

/// The confidence of event `e`, whose source and target mentions were found by the rules
/// `sides` (`None`: not a mention, or no target), and whose source was `guessed` or not.
pub fn of(e: &Event, sides: [Option<&str>; 2], guessed: bool) -> f64 {
    let mut c = 1.0;
    for rule in sides.into_iter().flatten() {
        c -= less("side", rule);
    }
    if e.target.actor.code.is_empty() {
        c -= less("side", "none");
    }
    if guessed {
        c -= less("source", "guessed");
    }
    c -= less("date", e.date.basis.as_str());
    for (part, class, amount) in table() {
        let class = || {
            taxonomy::CodeClass::named(class)
                .unwrap_or_else(|| panic!("data/events/confidence.tsv: {class:?} is no class"))
        };
        if *part == "class" && taxonomy::in_class(&e.cameo, class()) {
            c -= amount;
        }
    }
    let c: f64 = c;
    (c.max(FLOOR) * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_an_amount_and_weaker_evidence_lowers_confidence() {
        assert!(table().iter().all(|r| r.2 > 0.0 && r.2 < 1.0));
        assert!(less("side", "pronoun") > 0.0);
        assert_eq!(less("side", "name"), 0.0);
        assert!(less("date", "unknown") > less("date", "published"));
    }
}
