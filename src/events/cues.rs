//! The closed word classes the event rules read (data/events/cues.tsv, and the future cues of
//! data/time/future_cues.txt as `planned`).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::knowledge;

const CUES: &str = include_str!("../../data/events/cues.tsv");
const FUTURE: &str = include_str!("../../data/time/future_cues.txt");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Preposition,
    TargetPreposition,
    Clause,
    Speech,
    Mark,
    Be,
    Auxiliary,
    Determiner,
    Article,
    Indefinite,
    NotTheEvent,
    Negation,
    Hypothetical,
    Planned,
    Refers,
    TerritoryNoun,
    Coordinator,
    Realizing,
    Background,
    Joint,
    Reciprocal,
    Circumstance,
    Harmed,
    Request,
    Addressed,
    Including,
    Topic,
    Quantity,
    Reporting,
    Condition,
    Member,
    Refusal,
    Promise,
    Expressive,
    Intransitive,
    Wish,
    Sport,
    Device,
    Authored,
    Transitive,
    Belief,
    Legal,
    Contest,
    Awaited,
    Reacting,
    Guest,
    Host,
    Claiming,
    ArmedOnly,
    OnLand,
    Publishing,
    Attributing,
}

const NAMES: [(&str, Class); 52] = [
    ("preposition", Class::Preposition),
    ("target-preposition", Class::TargetPreposition),
    ("clause", Class::Clause),
    ("speech", Class::Speech),
    ("mark", Class::Mark),
    ("be", Class::Be),
    ("auxiliary", Class::Auxiliary),
    ("determiner", Class::Determiner),
    ("article", Class::Article),
    ("indefinite", Class::Indefinite),
    ("not-the-event", Class::NotTheEvent),
    ("negation", Class::Negation),
    ("hypothetical", Class::Hypothetical),
    ("planned", Class::Planned),
    ("refers", Class::Refers),
    ("territory-noun", Class::TerritoryNoun),
    ("coordinator", Class::Coordinator),
    ("realizing", Class::Realizing),
    ("background", Class::Background),
    ("joint", Class::Joint),
    ("reciprocal", Class::Reciprocal),
    ("circumstance", Class::Circumstance),
    ("harmed", Class::Harmed),
    ("request", Class::Request),
    ("addressed", Class::Addressed),
    ("including", Class::Including),
    ("topic", Class::Topic),
    ("quantity", Class::Quantity),
    ("reporting", Class::Reporting),
    ("condition", Class::Condition),
    ("member", Class::Member),
    ("refusal", Class::Refusal),
    ("promise", Class::Promise),
    ("expressive", Class::Expressive),
    ("intransitive", Class::Intransitive),
    ("wish", Class::Wish),
    ("sport", Class::Sport),
    ("legal", Class::Legal),
    ("contest", Class::Contest),
    ("device", Class::Device),
    ("authored", Class::Authored),
    ("transitive", Class::Transitive),
    ("belief", Class::Belief),
    ("awaited", Class::Awaited),
    ("reacting", Class::Reacting),
    ("guest", Class::Guest),
    ("host", Class::Host),
    ("claiming", Class::Claiming),
    ("armed-only", Class::ArmedOnly),
    ("on-land", Class::OnLand),
    ("publishing", Class::Publishing),
    ("attributing", Class::Attributing),
];

struct Cues {
    /// Each entry, as lowercase words, with its classes.
    entries: Vec<(Vec<&'static str>, Vec<Class>)>,
    /// The classes of each one-word entry, one bit a class (`bit`): the rules ask of every
    /// word, so the answer is one lookup and a mask.
    words: FxHashMap<&'static str, u64>,
}

// Every class has a bit of a `u64`.
const _: () = assert!(NAMES.len() <= 64);

/// A class's bit in `Cues::words`.
fn bit(class: Class) -> u64 {
    1 << class as u32
}

fn cues() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(|| {
        let class = |name: &str| {
            NAMES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, c)| *c)
                .unwrap_or_else(|| panic!("data/events/cues.tsv: unknown class {name:?}"))
        };
        let mut entries: Vec<(Vec<&str>, Vec<Class>)> = knowledge::rows(CUES)
            .map(|r| {
                (
                    r[0].split(' ').collect(),
                    r[1].split('|').map(class).collect(),
                )
            })
            .chain(knowledge::words(FUTURE).map(|w| (w.split(' ').collect(), vec![Class::Planned])))
            .collect();
        // Longest first, so that "island chain" is found before "island".
        entries.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let mut words: FxHashMap<&str, u64> = FxHashMap::default();
        for (w, classes) in entries.iter().filter(|(w, _)| w.len() == 1) {
            *words.entry(w[0]).or_default() |=
                classes.iter().map(|&c| bit(c)).fold(0, |a, b| a | b);
        }
        Cues { entries, words }
    })
}

/// Whether a (lowercase) word is in a class.
pub fn is(word: &str, class: Class) -> bool {
    classes(word).has(class)
}

/// The classes a (lowercase) word is in: looked up once for a sentence's token, asked of
/// many times by the rules.
pub fn classes(word: &str) -> Classes {
    Classes(cues().words.get(word).copied().unwrap_or(0))
}

/// A word's classes, one bit each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Classes(u64);

impl Classes {
    pub fn has(self, class: Class) -> bool {
        self.0 & bit(class) != 0
    }
}

/// The entries of a class, words and phrases, longest first.
pub fn entries(class: Class) -> impl Iterator<Item = &'static [&'static str]> {
    cues()
        .entries
        .iter()
        .filter(move |(_, c)| c.contains(&class))
        .map(|(w, _)| w.as_slice())
}

/// How many words an entry of the class takes at the start of `words`, if one starts there.
pub fn starts<'a>(class: Class, words: impl Fn(usize) -> Option<&'a str>) -> Option<usize> {
    entries(class)
        .find(|e| e.iter().enumerate().all(|(k, w)| words(k) == Some(*w)))
        .map(<[&str]>::len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_read_both_files() {
        assert!(is("said", Class::Clause) && is("said", Class::Speech));
        assert!(is("according", Class::Speech) && !is("according", Class::Clause));
        assert!(is("will", Class::Planned), "from data/time/future_cues.txt");
        assert!(is("would", Class::Hypothetical) && is("would", Class::Auxiliary));
        let chain = ["island", "chain"];
        assert_eq!(
            starts(Class::TerritoryNoun, |k| chain.get(k).copied()),
            Some(2)
        );
    }
}
