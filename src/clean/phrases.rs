//! Phrase families of boilerplate (`data/clean/boilerplate.tsv`) and navigation words
//! (`data/clean/menu_words.txt`), matched against one line.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::knowledge;

struct Phrase {
    family: &'static str,
    strong: bool,
}

struct Families {
    /// Whole-line phrases, keyed by their normalized form (see [`line_key`]).
    whole: FxHashMap<String, Phrase>,
    /// Phrases found anywhere in a lowercased line, at word boundaries.
    contains: AhoCorasick,
    contained: Vec<Phrase>,
    patterns: Vec<&'static str>,
}

static FAMILIES: LazyLock<Families> = LazyLock::new(|| {
    let mut whole = FxHashMap::default();
    let mut contained = Vec::new();
    let mut patterns = Vec::new();
    for row in knowledge::rows(include_str!("../../data/clean/boilerplate.tsv")) {
        let [family, kind, strength, phrase] = row[..] else {
            panic!("data/clean/boilerplate.tsv: a row needs 4 fields: {row:?}");
        };
        let entry = Phrase {
            family,
            strong: strength == "strong",
        };
        match kind {
            "line" => {
                whole.insert(line_key(phrase), entry);
            }
            "contains" => {
                contained.push(entry);
                patterns.push(phrase);
            }
            other => panic!("data/clean/boilerplate.tsv: unknown match kind {other:?}"),
        }
    }
    let contains = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(&patterns)
        .expect("boilerplate phrases compile");
    Families {
        whole,
        contains,
        contained,
        patterns,
    }
});

static MENU_WORDS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| knowledge::words(include_str!("../../data/clean/menu_words.txt")).collect());

/// A line reduced to lowercase letters and single spaces: digits, punctuation and symbols
/// dropped. "Comment (0)" and "comment" share a key.
pub fn line_key(line: &str) -> String {
    let mut key = String::with_capacity(line.len());
    for word in line.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        if word.is_ascii() {
            key.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
        } else {
            key.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    key
}

/// The boilerplate family a line belongs to by its phrases, if any.
/// `key` is [`line_key`] of `line`.
pub fn family(line: &str, key: &str) -> Option<&'static str> {
    let f = &*FAMILIES;
    if let Some(p) = f.whole.get(key) {
        return Some(p.family);
    }
    let mut weak: Option<&'static str> = None;
    let mut weak_hits = 0;
    // The automaton ignores ASCII case; only other scripts need lowercasing first.
    let lower = if line.is_ascii() {
        Cow::Borrowed(line)
    } else {
        Cow::Owned(line.to_lowercase())
    };
    for m in f.contains.find_overlapping_iter(lower.as_ref()) {
        if !at_word_boundaries(&lower, m.start(), m.end(), f.patterns[m.pattern()]) {
            continue;
        }
        let p = &f.contained[m.pattern().as_usize()];
        if p.strong {
            return Some(p.family);
        }
        weak_hits += 1;
        weak.get_or_insert(p.family);
    }
    (weak_hits >= 2).then_some(weak).flatten()
}

/// A phrase that starts or ends with a letter must not be glued to another letter:
/// "sale" is not in "wholesale".
fn at_word_boundaries(text: &str, start: usize, end: usize, phrase: &str) -> bool {
    let glued_before = phrase.starts_with(char::is_alphanumeric)
        && text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
    let glued_after = phrase.ends_with(char::is_alphanumeric)
        && text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
    !glued_before && !glued_after
}

/// Whether a line is a run of navigation or icon words ("Home | World | Politics",
/// "icon bookmark-bicon cameraicon ..."). Returns the reason.
pub fn navigation(key: &str) -> Option<&'static str> {
    let (mut words, mut icons, mut menu) = (0, 0, 0);
    for w in key.split(' ').filter(|w| !w.is_empty()) {
        words += 1;
        icons += usize::from(w.contains("icon"));
        menu += usize::from(MENU_WORDS.contains(w));
    }
    if words < 3 {
        None
    } else if icons * 2 >= words {
        Some("icons")
    } else {
        (menu * 10 >= words * 7).then_some("navigation")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fam(line: &str) -> Option<&'static str> {
        family(line, &line_key(line))
    }

    #[test]
    fn keys_drop_digits_and_punctuation() {
        assert_eq!(line_key("Comment (0)"), "comment");
        assert_eq!(line_key("  Thanks !"), "thanks");
        assert_eq!(line_key("Same-tag: 12"), "same tag");
    }

    #[test]
    fn families_by_line_and_by_phrase() {
        let cases = [
            ("No data", Some("nodata")),
            ("Leave a Reply", Some("comment")),
            ("Send this to a friend", Some("share")),
            ("Risk Disclosure: Trading is risky.", Some("disclaimer")),
            ("Big Deal: Up to 40% off all plans SALE", Some("ad")),
            ("Talks on the arms sale stalled in May.", None),
            ("The wholesale market opened on Monday.", None),
            (
                "The ceremony in the capital. Photo: Kremlin.ru",
                Some("caption"),
            ),
        ];
        for (line, want) in cases {
            assert_eq!(fam(line), want, "{line}");
        }
    }

    #[test]
    fn navigation_runs() {
        assert_eq!(
            navigation(&line_key("icon bookmark-bicon cameraicon checkicon")),
            Some("icons")
        );
        assert_eq!(
            navigation(&line_key("Home | World | Politics | Business")),
            Some("navigation")
        );
        assert_eq!(
            navigation(&line_key("Russia and Japan hold talks on islands")),
            None
        );
    }
}
