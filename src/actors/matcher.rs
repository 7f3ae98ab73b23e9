//! Finds every name of the knowledge base in a text in one pass of an Aho-Corasick automaton.
//! Matching ignores ASCII case; the case each name asks for (see [`Case`]) and word edges are
//! checked on each match afterwards, which is cheaper than asking the automaton for them.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::kb::{kb, Case, Sense, Surface};
use crate::text::is_word_edge;

/// One name found in the text, in byte offsets.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub surface: &'static Surface,
    /// The surface's index in the base, for its spellings in other cases.
    id: usize,
    /// Followed by `'s` or `’s` ("Japan's military"); `end` stops before it.
    pub possessive: bool,
    /// Where the words after it start: past the possessive, if any.
    pub next: usize,
}

impl Hit {
    pub fn senses(&self) -> &'static [Sense] {
        &self.surface.senses
    }

    /// Whether the hit can only be someone's surname (which a title or an earlier full name
    /// must confirm).
    pub fn only_surnames(&self) -> bool {
        self.senses().iter().all(|s| matches!(s, Sense::Surname(_)))
    }

    /// The first sense that `pick` accepts.
    pub fn find<T>(&self, pick: impl Fn(&Sense) -> Option<T>) -> Option<T> {
        self.senses().iter().find_map(pick)
    }

    /// The first sense that `pick` accepts of the same letters as a common noun, where the base
    /// also has them in lowercase: "Congress" alone is the US Congress, but after "Brazilian" it
    /// is the word "congress".
    pub fn find_common<T>(&self, pick: impl Fn(&Sense) -> Option<T>) -> Option<T> {
        let surfaces = &kb().surfaces;
        let common = CASE_VARIANTS[self.id]
            .iter()
            .map(|&i| &surfaces[i])
            .filter(|s| s.case == Case::Any);
        common.flat_map(|s| &s.senses).find_map(pick)
    }
}

static MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        // A DFA: a few MB more, and the scan that every document pays is the fastest.
        .kind(Some(AhoCorasickKind::DFA))
        .build(kb().surfaces.iter().map(|s| s.text.as_str()))
        .expect("actor names build")
});

/// For each surface, the others that differ from it only in case ("NATO" and "Nato"): the
/// matcher ignores case and reports one of them, whose case may not fit where another's does.
static CASE_VARIANTS: LazyLock<Vec<Vec<usize>>> = LazyLock::new(|| {
    let surfaces = &kb().surfaces;
    let mut by_letters: std::collections::HashMap<String, Vec<usize>> = Default::default();
    for (i, s) in surfaces.iter().enumerate() {
        by_letters
            .entry(s.text.to_ascii_lowercase())
            .or_default()
            .push(i);
    }
    let mut out = vec![Vec::new(); surfaces.len()];
    for group in by_letters.into_values().filter(|g| g.len() > 1) {
        for &i in &group {
            out[i] = group.iter().copied().filter(|&j| j != i).collect();
        }
    }
    out
});

/// Every name in `text`, left to right, none overlapping.
pub fn hits(text: &str) -> Vec<Hit> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(m) = MATCHER.find(aho_corasick::Input::new(text).span(from..text.len())) {
        let (start, end) = (m.start(), m.end());
        match hit_at(text, start, end, m.pattern().as_usize()) {
            Some(hit) => {
                out.push(hit);
                from = end;
            }
            // "the Philippines": the longest name there ("The Philippines") does not fit, a
            // shorter one inside it may; the search goes on from the next character.
            None => from = start + text[start..].chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

/// The hit of the matcher's name `reported` over `start..end`, if the words' edges and case
/// fit a name of that spelling.
fn hit_at(text: &str, start: usize, end: usize, reported: usize) -> Option<Hit> {
    if !is_word_edge(text, start) || !ends_word(text, end) {
        return None;
    }
    let surfaces = &kb().surfaces;
    let found = &text[start..end];
    let fitting = std::iter::once(reported)
        .chain(CASE_VARIANTS[reported].iter().copied())
        .find(|&i| case_fits(&surfaces[i], found));
    let id = fitting?;
    let surface = &surfaces[id];
    let next = possessive_end(text, end, &surface.text);
    Some(Hit {
        start,
        end,
        surface,
        id,
        possessive: next.is_some(),
        next: next.unwrap_or(end),
    })
}

/// A name ends where a word ends, or before a hyphenated suffix that is not a word of its own
/// ("ex-" and "then-" end in a hyphen themselves).
fn ends_word(text: &str, end: usize) -> bool {
    text[..end].ends_with('-') || is_word_edge(text, end)
}

fn case_fits(surface: &Surface, found: &str) -> bool {
    match surface.case {
        Case::Any => true,
        Case::Exact => found == surface.text,
        Case::Capitalized => found.chars().next().is_some_and(char::is_uppercase),
    }
}

/// The end of a possessive `'s` (or a bare `'` after a name ending in s) right after `end`.
fn possessive_end(text: &str, end: usize, name: &str) -> Option<usize> {
    let rest = &text[end..];
    let quote = ['\'', '\u{2019}']
        .into_iter()
        .find(|q| rest.starts_with(*q))?;
    let at = end + quote.len_utf8();
    let word_ends = |i: usize| !text[i..].starts_with(char::is_alphanumeric);
    if text[at..].starts_with('s') && word_ends(at + 1) {
        Some(at + 1)
    } else if name.ends_with('s') && word_ends(at) {
        Some(at)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        hits(t).iter().map(|h| &t[h.start..h.end]).collect()
    }

    #[test]
    fn finds_names_at_word_edges_with_their_case() {
        assert_eq!(
            texts("Russian President Vladimir Putin met Japan's military."),
            vec![
                "Russian",
                "President",
                "Vladimir Putin",
                "Japan",
                "military"
            ]
        );
        assert_eq!(
            texts("tell us about Chad"),
            vec!["Chad"],
            "lowercase 'us' is no state"
        );
        assert_eq!(texts("the US and the U.S."), vec!["US", "U.S."]);
        assert!(texts("Aberdeen polish").is_empty());
    }

    #[test]
    fn marks_possessives() {
        let t = "Putin's aide and Japan’s army";
        let h = hits(t);
        assert!(h[0].possessive && h[1].possessive && !h[2].possessive);
        assert_eq!(&t[h[0].next..h[0].next + 5], " aide");
        assert_eq!(&t[h[1].next..h[2].start], " ");
    }

    #[test]
    fn a_shorter_name_fits_where_the_longest_does_not() {
        assert_eq!(
            texts("flights to the Philippines and the Netherlands"),
            vec!["Philippines", "Netherlands"]
        );
        assert_eq!(texts("The Philippines"), vec!["The Philippines"]);
    }

    #[test]
    fn the_longest_name_wins() {
        assert_eq!(texts("the South Africa talks"), vec!["South Africa"]);
        assert_eq!(texts("Latin America"), vec!["Latin America"]);
    }
}
