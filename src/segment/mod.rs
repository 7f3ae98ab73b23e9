//! Sentences of the body, as character spans. Paragraph breaks always end a sentence; inside a
//! paragraph a sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after
//! it) followed by a space and a word that can start a sentence, unless the period closes an
//! abbreviation (`data/segment/abbreviations.tsv`) or an initial.
//!
//! Invariant: works on any text; knows nothing about news.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::document::Span;
use crate::knowledge;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbrev {
    Title,
    Number,
    Other,
}

static ABBREVIATIONS: LazyLock<HashMap<&'static str, Abbrev>> = LazyLock::new(|| {
    knowledge::rows(include_str!("../../data/segment/abbreviations.tsv"))
        .map(|r| {
            let kind = match r[1] {
                "title" => Abbrev::Title,
                "number" => Abbrev::Number,
                "other" => Abbrev::Other,
                k => panic!("data/segment/abbreviations.tsv: unknown kind {k:?}"),
            };
            (r[0], kind)
        })
        .collect()
});

static STARTERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    knowledge::words(include_str!("../../data/segment/sentence_starters.txt")).collect()
});

/// Splits `body` into sentences; spans count characters and exclude surrounding white space.
pub fn sentences(body: &str) -> Vec<Span> {
    let chars: Vec<char> = body.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let end = paragraph_end(&chars, start);
        split_paragraph(&chars, start, end, &mut out);
        start = end;
    }
    out
}

/// The index just past the paragraph that starts at `from` (a blank line ends it).
fn paragraph_end(chars: &[char], from: usize) -> usize {
    (from..chars.len().saturating_sub(1))
        .find(|&i| chars[i] == '\n' && chars[i + 1] == '\n')
        .map_or(chars.len(), |i| i + 2)
}

fn split_paragraph(chars: &[char], from: usize, to: usize, out: &mut Vec<Span>) {
    let mut start = from;
    let mut i = from;
    while i < to {
        if !matches!(chars[i], '.' | '!' | '?' | '…') {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < to && is_closing(chars[j]) {
            j += 1;
        }
        if j < to && chars[j].is_whitespace() && breaks(chars, start, i, j, to) {
            push(chars, start, j, out);
            start = j;
        }
        i = j;
    }
    push(chars, start, to, out);
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | ')' | ']' | '»'
    )
}

/// Whether the terminator at `at` (closing run up to `after`) ends a sentence.
fn breaks(chars: &[char], start: usize, at: usize, after: usize, to: usize) -> bool {
    let mut k = after;
    while k < to && chars[k].is_whitespace() {
        k += 1;
    }
    if k >= to {
        return true;
    }
    let next_word = word_at(chars, k, to);
    let next = chars[k];
    if next.is_lowercase() {
        return false;
    }
    let single_period =
        chars[at] == '.' && (at == 0 || chars[at - 1] != '.') && chars.get(at + 1) != Some(&'.');
    if !single_period {
        return true;
    }
    let before = word_before(chars, start, at);
    match ABBREVIATIONS.get(before.as_str()).copied() {
        Some(Abbrev::Title) => false,
        Some(Abbrev::Number) => !next.is_ascii_digit(),
        Some(Abbrev::Other) => STARTERS.contains(next_word.as_str()),
        None => !is_initial(&before) || STARTERS.contains(next_word.as_str()),
    }
}

/// "J" in "J. K. Rowling", "U.S" without its final period.
fn is_initial(word: &str) -> bool {
    let mut c = word.chars();
    matches!((c.next(), c.next()), (Some(f), None) if f.is_uppercase())
}

/// The token before the period at `at`, without opening quotes or brackets.
fn word_before(chars: &[char], start: usize, at: usize) -> String {
    let mut b = at;
    while b > start && !chars[b - 1].is_whitespace() {
        b -= 1;
    }
    chars[b..at]
        .iter()
        .skip_while(|c| matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«'))
        .collect()
}

fn word_at(chars: &[char], from: usize, to: usize) -> String {
    chars[from..to]
        .iter()
        .skip_while(|c| matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«'))
        .take_while(|c| c.is_alphanumeric())
        .collect()
}

/// The longest sentence kept whole, in characters. The longest of some 4,700 sentences of real
/// news (the seeds, the news pages, TempEval-3) has 606; a stretch without a sentence end ten
/// times as long is a list, a table or text without punctuation, and the stages after this one
/// read each sentence in time that grows faster than its length (a 43,000-character one took 16 s).
pub const MAX_SENTENCE: usize = 2_000;

fn push(chars: &[char], mut start: usize, mut end: usize, out: &mut Vec<Span>) {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if end - start > MAX_SENTENCE {
        // Cut at the last space of the second half of the longest stretch allowed.
        let limit = start + MAX_SENTENCE;
        let cut = (start + MAX_SENTENCE / 2..limit)
            .rev()
            .find(|&i| chars[i].is_whitespace())
            .unwrap_or(limit);
        push(chars, start, cut, out);
        push(chars, cut, end, out);
    } else if start < end {
        out.push(Span { start, end });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<String> {
        sentences(text)
            .iter()
            .map(|s| text.chars().skip(s.start).take(s.end - s.start).collect())
            .collect()
    }

    /// Each row: a text and the sentences it must split into.
    #[test]
    fn a_stretch_without_sentence_ends_is_cut_at_spaces() {
        let text = "word ".repeat(1_000) + "end.";
        let spans = sentences(&text);
        assert_eq!(spans.len(), 3, "{spans:?}");
        assert!(spans.iter().all(|s| s.end - s.start <= MAX_SENTENCE));
        assert!(spans.windows(2).all(|w| w[0].end < w[1].start));
        assert_eq!(split(&text)[0], "word ".repeat(400).trim_end());
        let unbroken = "x".repeat(4_500);
        let lengths: Vec<usize> = sentences(&unbroken)
            .iter()
            .map(|s| s.end - s.start)
            .collect();
        assert_eq!(lengths, vec![2_000, 2_000, 500]);
    }

    #[test]
    fn sentence_table() {
        let rows: &[(&str, &[&str])] = &[
            (
                "Mr. Putin arrived. He spoke.",
                &["Mr. Putin arrived.", "He spoke."],
            ),
            (
                "The U.S. plan was dropped.",
                &["The U.S. plan was dropped."],
            ),
            (
                "It was sent to the U.S. The plan failed.",
                &["It was sent to the U.S.", "The plan failed."],
            ),
            (
                "Talks began on Jan. 14 in Tokyo.",
                &["Talks began on Jan. 14 in Tokyo."],
            ),
            (
                "J. K. Smith wrote it. Then he left.",
                &["J. K. Smith wrote it.", "Then he left."],
            ),
            (
                "\"We will not yield.\" The minister left.",
                &["\"We will not yield.\"", "The minister left."],
            ),
            (
                "\"Why now?\" he asked. Nobody knew.",
                &["\"Why now?\" he asked.", "Nobody knew."],
            ),
            (
                "It went on... and on. Then it stopped.",
                &["It went on... and on.", "Then it stopped."],
            ),
            ("He waited… Nothing came.", &["He waited…", "Nothing came."]),
            (
                "Growth was 3.5 percent. Prices rose.",
                &["Growth was 3.5 percent.", "Prices rose."],
            ),
            (
                "See Kremlin.ru for more. Done.",
                &["See Kremlin.ru for more.", "Done."],
            ),
            (
                "First paragraph\n\nSecond one.",
                &["First paragraph", "Second one."],
            ),
            (
                "A “quoted claim.” Next one.",
                &["A “quoted claim.”", "Next one."],
            ),
            (
                "Gen. Smith and Dr. Jones met.",
                &["Gen. Smith and Dr. Jones met."],
            ),
        ];
        for (text, want) in rows {
            assert_eq!(split(text), *want, "{text}");
        }
    }

    #[test]
    fn spans_are_characters_not_bytes() {
        let text = "Điện Kremlin nói. Mông Cổ đồng ý.";
        let s = sentences(text);
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].end, text.chars().count());
    }
}
