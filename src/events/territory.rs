//! Territories that events happen to (data/events/territories.tsv), and the nouns that refer
//! back to them ("the disputed islands").

use std::sync::OnceLock;

use super::clause::Sentence;
use crate::knowledge;

const TERRITORIES: &str = include_str!("../../data/events/territories.tsv");
const WORDS: &str = include_str!("../../data/events/territory_words.txt");

struct Territories {
    /// Each name as lowercase words, with its state.
    names: Vec<(Vec<String>, &'static str)>,
    /// Referring nouns as lowercase words.
    words: Vec<Vec<String>>,
}

fn territories() -> &'static Territories {
    static T: OnceLock<Territories> = OnceLock::new();
    T.get_or_init(|| {
        let split =
            |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_lowercase).collect() };
        let mut names: Vec<(Vec<String>, &'static str)> = knowledge::rows(TERRITORIES)
            .flat_map(|r| {
                let state = r[1];
                r[0].split('|').map(move |n| (split(n), state))
            })
            .collect();
        // Longest first, so "Kurile island chain" wins over "Kurile".
        names.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let mut words: Vec<Vec<String>> = knowledge::words(WORDS).map(split).collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        Territories { names, words }
    })
}

/// A territory named or referred to at token `i`: its state and how many tokens it takes.
/// `last` is the state of the last territory named before, for referring nouns.
pub fn at(s: &Sentence, i: usize, last: Option<&'static str>) -> Option<(&'static str, usize)> {
    let t = territories();
    let fits = |words: &[String]| {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| s.tokens.get(i + k).is_some_and(|t| t.lower == *w))
    };
    if let Some((w, state)) = t.names.iter().find(|(w, _)| fits(w)) {
        return Some((state, w.len()));
    }
    let state = last?;
    let refers = i > 0 && {
        let before = s.tokens[i - 1].lower.as_str();
        [
            "the",
            "disputed",
            "four",
            "two",
            "these",
            "those",
            "contested",
            "occupied",
        ]
        .contains(&before)
    };
    t.words
        .iter()
        .find(|w| refers && fits(w))
        .map(|w| (state, w.len()))
}

/// The state of the last territory named in tokens `from..to`, or `last`.
pub fn last_named(
    s: &Sentence,
    from: usize,
    to: usize,
    mut last: Option<&'static str>,
) -> Option<&'static str> {
    let mut i = from;
    while i < to {
        match at(s, i, None) {
            Some((state, len)) => {
                last = Some(state);
                i += len;
            }
            None => i += 1,
        }
    }
    last
}
