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

/// A row of the table: (part, value, amount), with the class a `class` row names.
type Row = (&'static str, &'static str, f64, Option<taxonomy::CodeClass>);

fn table() -> &'static [Row] {
    static T: OnceLock<Vec<Row>> = OnceLock::new();
    T.get_or_init(|| {
        knowledge::rows(TABLE)
            .map(|r| {
                let less = r[2].parse().unwrap_or_else(|_| {
                    panic!("data/events/confidence.tsv: {:?} is no amount", r[2])
                });
                let class = (r[0] == "class").then(|| {
                    taxonomy::CodeClass::named(r[1]).unwrap_or_else(|| {
                        panic!("data/events/confidence.tsv: {:?} is no class", r[1])
                    })
                });
                (r[0], r[1], less, class)
            })
            .collect()
    })
}

fn less(part: &str, value: &str) -> f64 {
    table()
        .iter()
        .filter(|(p, v, ..)| *p == part && *v == value)
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
    for (_, _, amount, class) in table() {
        if class.is_some_and(|class| taxonomy::in_class(&e.cameo, class)) {
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
