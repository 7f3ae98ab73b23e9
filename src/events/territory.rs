//! Territories that events happen to (data/events/territories.tsv), and the nouns that refer
//! back to them ("the disputed islands", data/events/cues.tsv).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::clause::Sentence;
use super::cues::{self, Class};
use crate::knowledge;

const TERRITORIES: &str = include_str!("../../data/events/territories.tsv");

/// A territory of territories.tsv: the state it is taken from or claimed by, and its name as
/// the text names it, which places the events that happen to it ("seized the islands" after
/// "the Kuril Islands").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Territory {
    pub state: &'static str,
    pub name: &'static str,
}

/// Each name as lowercase words with its territory, by its first word, longest first (so
/// "Kurile island chain" wins over "Kurile").
type Names = FxHashMap<String, Vec<(Vec<String>, Territory)>>;

fn names() -> &'static Names {
    static T: OnceLock<Names> = OnceLock::new();
    T.get_or_init(|| {
        let mut names: Names = FxHashMap::default();
        for r in knowledge::rows(TERRITORIES) {
            for name in r[0].split('|') {
                let territory = Territory { state: r[1], name };
                let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
                names
                    .entry(words[0].clone())
                    .or_default()
                    .push((words, territory));
            }
        }
        for list in names.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        names
    })
}

/// A territory named or referred to at token `i`, and how many tokens it takes. `last` is the
/// last territory named before, for referring nouns.
pub fn at(s: &Sentence, i: usize, last: Option<Territory>) -> Option<(Territory, usize)> {
    let word = |k: usize| s.tokens.get(i + k).map(|t| t.lower.as_str());
    let named = names().get(word(0)?).and_then(|list| {
        list.iter().find(|(w, _)| {
            w.iter()
                .enumerate()
                .all(|(k, x)| word(k) == Some(x.as_str()))
        })
    });
    if let Some((w, territory)) = named {
        return Some((*territory, w.len()));
    }
    let territory = last?;
    let refers = i > 0 && s.is(i - 1, Class::Refers);
    if !refers {
        return None;
    }
    cues::starts(Class::TerritoryNoun, word).map(|len| (territory, len))
}

/// The last territory named in tokens `from..to`, or `last`.
pub fn last_named(
    s: &Sentence,
    from: usize,
    to: usize,
    mut last: Option<Territory>,
) -> Option<Territory> {
    let mut i = from;
    while i < to {
        match at(s, i, None) {
            Some((territory, len)) => {
                last = Some(territory);
                i += len;
            }
            None => i += 1,
        }
    }
    last
}
