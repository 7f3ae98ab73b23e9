//! Words in Universal Dependencies conventions, as the English treebanks split them: clitics
//! apart (`Russia's` → `Russia` `'s`, `don't` → `do` `n't`, `can't` → `ca` `n't`), punctuation
//! apart except inside numbers, abbreviations, URLs and e-mail addresses, and hyphenated
//! compounds split around the hyphen (`Al-Zaman` → `Al` `-` `Zaman`) unless the first part is a
//! prefix that the treebanks keep (`e-mail`, `non-profit`, `co-founder`) or the whole is a
//! number written with hyphens (`555-0199`, `ninety-nine`).

use std::sync::LazyLock;

/// The words of `text` as byte spans.
pub fn tokenize(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                chunk(text, s, i, &mut out);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        chunk(text, s, text.len(), &mut out);
    }
    out
}

/// Characters split off the start of a chunk.
const OPENING: &[char] = &[
    '(', '[', '{', '"', '\'', '`', '“', '‘', '«', '<', '*', '$', '£', '€',
];
/// Characters split off its end. (An underscore too: wire stories of the AP write their
/// dateline's dash as one, "MOSCOW (AP)_ Presidents ...".)
const CLOSING: &[char] = &[
    ')', ']', '}', '"', '\'', '”', '’', '»', '>', '.', ',', ';', ':', '!', '?', '…', '*', '_',
];

/// Marks whose runs are one word.
const RUNS: &[char] = &['!', '?', '.', '*', '_'];

/// Words the treebanks split in two, and where.
const SPLIT_WORDS: &[(&str, usize)] = &[("cannot", 3), ("gonna", 3), ("wanna", 3), ("gotta", 3)];

/// Clitics split off the end of a word, longest first.
const CLITICS: &[&str] = &[
    "n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m",
];

/// First parts of hyphenated words that the treebanks keep whole (data/kept_prefixes.txt).
static KEPT_PREFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(include_str!("../data/kept_prefixes.txt")));

/// Abbreviations whose period belongs to the word (data/abbreviations.txt).
static ABBREVIATIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(include_str!("../data/abbreviations.txt")));

/// The words of a list file: one a line, `#` comments and blank lines left out.
pub(crate) fn words(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

fn chunk(text: &str, mut a: usize, mut b: usize, out: &mut Vec<(usize, usize)>) {
    let s = &text[a..b];
    if is_whole(s) {
        out.push((a, b));
        return;
    }
    let mut tail = Vec::new();
    // Opening punctuation, one character a word.
    while let Some(c) = text[a..b].chars().next().filter(|c| OPENING.contains(c)) {
        if a + c.len_utf8() >= b {
            break;
        }
        out.push((a, a + c.len_utf8()));
        a += c.len_utf8();
    }
    // Closing punctuation (a run of periods, "...", stays one word).
    loop {
        let w = &text[a..b];
        let Some(c) = w.chars().next_back() else {
            break;
        };
        if !CLOSING.contains(&c) || w.len() == c.len_utf8() {
            break;
        }
        if c == '.' && is_abbreviation(w) {
            break;
        }
        // A run of end marks is one word: "!!!", "?!", "...", "**".
        let run = w.len() - w.trim_end_matches(RUNS).len();
        if RUNS.contains(&c) && run > 1 && run < w.len() {
            tail.push((b - run, b));
            b -= run;
            continue;
        }
        tail.push((b - c.len_utf8(), b));
        b -= c.len_utf8();
    }
    // Clitics.
    let lower = text[a..b].to_lowercase();
    if let Some(cl) = CLITICS
        .iter()
        .find(|cl| lower.ends_with(**cl) && lower.len() > cl.len())
    {
        let at = b - cl.len();
        if text.is_char_boundary(at) {
            tail.push((at, b));
            b = at;
        }
    } else if (lower.ends_with("s'") || lower.ends_with("s’")) && lower.len() > 2 {
        // A plural's possessive: "students'".
        let q = text[a..b].chars().next_back().map_or(1, char::len_utf8);
        tail.push((b - q, b));
        b -= q;
    }
    let lower = text[a..b].to_lowercase();
    match SPLIT_WORDS.iter().find(|(w, _)| *w == lower) {
        Some((_, at)) => out.extend([(a, a + at), (a + at, b)]),
        None => slashes(text, a, b, out),
    }
    out.extend(tail.into_iter().rev());
}

/// "and/or" → `and` `/` `or`: a slash between letters is a word; in numbers and addresses not.
fn slashes(text: &str, a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let w = &text[a..b];
    let letters = |s: &str| !s.is_empty() && s.chars().all(char::is_alphabetic);
    match w.split_once('/') {
        Some((x, y)) if letters(x) && letters(y) => {
            let at = a + x.len();
            out.extend([(a, at), (at, at + 1), (at + 1, b)]);
        }
        _ => hyphens(text, a, b, out),
    }
}

/// Splits `text[a..b]` around its hyphens unless it is kept whole.
fn hyphens(text: &str, a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let w = &text[a..b];
    let keep = !w.contains('-')
        || w.starts_with('-')
        || w.ends_with('-')
        || w.contains("--")
        || is_number(w)
        || is_address(&w.to_lowercase())
        || KEPT_PREFIXES.iter().any(|p| {
            // (`get`: the prefix's length may fall inside a character of the word.)
            let head = w.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
            head && w.get(p.len()..).is_some_and(|r| r.starts_with('-'))
        })
        || is_number_words(w);
    if keep {
        if a < b {
            out.push((a, b));
        }
        return;
    }
    let mut start = a;
    for (i, c) in w.char_indices() {
        if c == '-' {
            if a + i > start {
                out.push((start, a + i));
            }
            out.push((a + i, a + i + 1));
            start = a + i + 1;
        }
    }
    if start < b {
        out.push((start, b));
    }
}

/// URLs, e-mail addresses, and words with no letter or digit (`...`, `--`, `:)`) stay whole.
fn is_whole(s: &str) -> bool {
    let lower = s.to_lowercase();
    // (With punctuation after it, the punctuation is split off first.)
    let ends_clean = !s.ends_with(CLOSING);
    let url = is_address(&lower) && ends_clean;
    let email = s.contains('@') && s.contains('.') && ends_clean;
    let symbols = !s.chars().any(char::is_alphanumeric)
        && s.chars().count() > 1
        && !s.ends_with([',', '.', ';', ':', '?', '!']);
    url || email || symbols
}

fn is_address(lower: &str) -> bool {
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
        || lower.contains('@')
}

/// "U.S.", "Mr.", "e.g.", "a.m.", "Jan.": a period that belongs to its word.
fn is_abbreviation(w: &str) -> bool {
    let body = &w[..w.len() - 1];
    if body.contains('.') && body.chars().all(|c| c.is_alphabetic() || c == '.') {
        return true;
    }
    ABBREVIATIONS.contains(&body.to_lowercase().as_str())
        || (body.chars().count() == 1 && body.chars().all(char::is_uppercase))
}

/// Digits with hyphens, slashes, periods or commas: phone numbers, dates, scores kept whole.
fn is_number(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | ',' | ':'))
        && w.matches('-').count() >= 2
        || (w.len() == 8
            && w.as_bytes()[3] == b'-'
            && w.chars().filter(|c| c.is_ascii_digit()).count() == 7)
}

/// "ninety-nine", "twenty-one".
fn is_number_words(w: &str) -> bool {
    const TENS: &[&str] = &[
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let lower = w.to_lowercase();
    lower
        .split_once('-')
        .is_some_and(|(a, _)| TENS.contains(&a))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect()
    }

    #[test]
    fn clitics_and_punctuation_as_the_treebanks_split_them() {
        assert_eq!(
            words("Russia's envoy didn't come (today)."),
            ["Russia", "'s", "envoy", "did", "n't", "come", "(", "today", ")", "."]
        );
        assert_eq!(
            words("We can't, they won't."),
            ["We", "ca", "n't", ",", "they", "wo", "n't", "."]
        );
        assert_eq!(
            words("the students' union"),
            ["the", "students", "'", "union"]
        );
        assert_eq!(
            words("“Yes,” he said…"),
            ["“", "Yes", ",", "”", "he", "said", "…"]
        );
        // An AP dateline's dash; a rule of underscores and a file name stay whole.
        assert_eq!(
            words("MOSCOW (AP)_ Presidents met. _____ Lisa_resume.doc"),
            [
                "MOSCOW",
                "(",
                "AP",
                ")",
                "_",
                "Presidents",
                "met",
                ".",
                "_____",
                "Lisa_resume.doc"
            ]
        );
    }

    #[test]
    fn abbreviations_numbers_and_addresses_stay_whole() {
        assert_eq!(
            words("The U.S. and Mr. Lee met at 3.5 p.m."),
            ["The", "U.S.", "and", "Mr.", "Lee", "met", "at", "3.5", "p.m."]
        );
        assert_eq!(words("It cost $1,200."), ["It", "cost", "$", "1,200", "."]);
        assert_eq!(
            words("Mail a@b.com or see https://x.org/a-b."),
            ["Mail", "a@b.com", "or", "see", "https://x.org/a-b", "."]
        );
    }

    #[test]
    fn any_text_gives_words_on_character_boundaries() {
        // Characters of several widths around every kind of mark the rules look at.
        let alphabet: Vec<char> = "aZé Á-'’.,!?/$\"(“)n't9@: \u{1F600}\u{0130}"
            .chars()
            .collect();
        let mut rng = crate::perceptron::Rng::new(3);
        for _ in 0..5_000 {
            let n = rng.below(24);
            let text: String = (0..n)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect();
            let mut last = 0;
            for (a, b) in tokenize(&text) {
                assert!(a >= last && a < b, "{text:?}");
                assert!(
                    text.is_char_boundary(a) && text.is_char_boundary(b),
                    "{text:?}"
                );
                assert!(!text[a..b].contains(char::is_whitespace), "{text:?}");
                last = b;
            }
        }
        assert_eq!(words("Mof-Ávvi"), ["Mof", "-", "Ávvi"]);
    }

    #[test]
    fn hyphens_split_unless_a_kept_prefix_or_a_number() {
        assert_eq!(words("Al-Zaman"), ["Al", "-", "Zaman"]);
        assert_eq!(
            words("a well-known e-mail"),
            ["a", "well", "-", "known", "e-mail"]
        );
        assert_eq!(
            words("call 555-0199 or 1-800-555-0199"),
            ["call", "555-0199", "or", "1-800-555-0199"]
        );
        assert_eq!(
            words("ninety-nine non-profit groups"),
            ["ninety-nine", "non-profit", "groups"]
        );
    }
}
