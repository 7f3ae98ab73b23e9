//! What one line is, judged from its own features: boilerplate by shape or phrase, a metadata
//! line (date, byline, outlet, source), an editorial credit, prose, or a short line (a title,
//! heading, caption or list item, decided later by position).

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::{meta, phrases};
use crate::knowledge;
use crate::time::stated;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Empty,
    Boilerplate(&'static str),
    Title,
    TitleRepeat,
    Date { updated: bool },
    Byline,
    Outlet,
    Source,
    Credit,
    Prose,
    Short,
}

impl Label {
    /// Lines that may stand in the body.
    pub fn is_text(self) -> bool {
        matches!(self, Label::Prose | Label::Short | Label::Credit)
    }
}

#[derive(Debug)]
pub struct Line<'a> {
    /// 1-based line number in the input.
    pub no: usize,
    pub text: &'a str,
    pub words: usize,
    pub label: Label,
}

/// What decides a line beyond its own text.
pub struct LineContext<'a> {
    /// Whether the stopword ratio is a fair test of prose (the page is in English).
    pub english: bool,
    /// Keys of lines repeated across documents of the same site.
    pub repeated: Option<&'a HashSet<u64>>,
}

static STOPWORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    knowledge::words(include_str!("../../data/clean/stopwords_en.txt")).collect()
});

static SHORTCODES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*\[/?[A-Za-z_][\w-]*(?:\s[^\]]*)?\])+\s*$").expect("shortcode regex")
});

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|ru|vn|jp|uk|io|info)(?:/\S*)?")
        .expect("url regex")
});

/// Classifies one trimmed, non-empty line.
pub fn classify(text: &str, ctx: &LineContext) -> (Label, usize) {
    let words = count_words(text);
    let key = phrases::line_key(text);
    (label(text, &key, words, ctx), words)
}

fn label(text: &str, key: &str, words: usize, ctx: &LineContext) -> Label {
    if SHORTCODES.is_match(text) {
        return Label::Boilerplate("shortcode");
    }
    if meta::source_line(text).is_some() {
        return Label::Source;
    }
    if let Some(reason) = phrases::navigation(key) {
        return Label::Boilerplate(reason);
    }
    if is_link(text) {
        return Label::Boilerplate("link");
    }
    if let Some(family) = phrases::family(text, key) {
        return Label::Boilerplate(family);
    }
    if ctx.repeated.is_some_and(|r| r.contains(&key_hash(key))) {
        return Label::Boilerplate("repeated-on-site");
    }
    if let Some(updated) = date_line(text, words) {
        return Label::Date { updated };
    }
    if meta::byline(text).is_some() {
        return Label::Byline;
    }
    if super::outlets::by_name(text).is_some() {
        return Label::Outlet;
    }
    if meta::credit(text).is_some() {
        return Label::Credit;
    }
    if is_prose(text, words, ctx.english) {
        Label::Prose
    } else {
        Label::Short
    }
}

/// Hash of a line's key, for counting lines repeated across documents.
pub fn key_hash(key: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    key.hash(&mut h);
    h.finish()
}

/// Words that carry a letter: "60%" and "-" are not words.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
}

fn is_link(text: &str) -> bool {
    let linked: usize = URL.find_iter(text).map(|m| m.len()).sum();
    linked * 2 >= text.trim().len()
}

/// A short line that is mostly a date: `Published 03/09/2014, 14:20`, `Updated ...`.
/// Returns whether it is an update stamp.
fn date_line(text: &str, words: usize) -> Option<bool> {
    let found = stated::find_dates(text);
    let first = found.first()?;
    let date_words = count_words(&text[first.start..first.end]);
    let rest = words.saturating_sub(date_words);
    if rest > 6 || (rest > 3 && ends_sentence(text)) {
        return None;
    }
    let lower = text.to_lowercase();
    Some(["updated", "modified", "last update", "cập nhật"].iter().any(|w| lower.contains(w)))
}

/// Ends with sentence punctuation, possibly inside closing quotes or brackets.
pub fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
    });
    trimmed.ends_with(['.', '!', '?', '…'])
}

fn is_prose(text: &str, words: usize, english: bool) -> bool {
    if words < 8 || (words < 20 && !ends_sentence(text)) {
        return false;
    }
    !english || stopword_ratio(text) >= 0.15
}

fn stopword_ratio(text: &str) -> f64 {
    let mut total = 0usize;
    let mut stops = 0usize;
    for w in text.split(|c: char| !c.is_alphabetic() && c != '\'') {
        if w.is_empty() {
            continue;
        }
        total += 1;
        if STOPWORDS.contains(w.to_lowercase().as_str()) {
            stops += 1;
        }
    }
    if total == 0 {
        0.0
    } else {
        stops as f64 / total as f64
    }
}

/// Whether a page's long lines read as English (their stopword ratio), so the stopword test of
/// prose can be trusted.
pub fn looks_english<'a>(lines: impl Iterator<Item = &'a str>) -> bool {
    let long: Vec<&str> = lines.filter(|l| count_words(l) >= 8).take(20).collect();
    if long.is_empty() {
        return false;
    }
    let mean = long.iter().map(|l| stopword_ratio(l)).sum::<f64>() / long.len() as f64;
    mean >= 0.2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lab(text: &str) -> Label {
        let ctx = LineContext {
            english: true,
            repeated: None,
        };
        classify(text, &ctx).0
    }

    /// Each row: a line as pages print it, and what it must be classified as.
    #[test]
    fn line_table() {
        use Label::*;
        let rows: &[(&str, Label)] = &[
            ("Published 03/09/2014, 14:20", Date { updated: false }),
            ("Updated 03/09/2014, 14:30", Date { updated: true }),
            ("26 Apr, 2008 10:20", Date { updated: false }),
            ("Nhà Báo TâyNhà Báo Tây12/10/2023", Date { updated: false }),
            ("By Jane Doe and John Roe", Byline),
            ("Bloomberg", Outlet),
            ("Source: https://example.vn/some-story-123.htm", Source),
            ("(Reporting by Ann Lee; Editing by Bo Kim)", Credit),
            ("[sharebang profile=\"1\" src=\"2\"]", Boilerplate("shortcode")),
            ("icon bookmark-bicon cameraicon checkicon closeicon", Boilerplate("icons")),
            ("https://example.com/a/b/c", Boilerplate("link")),
            ("No data", Boilerplate("nodata")),
            ("Comment (0)", Boilerplate("comment")),
            ("Thanks for sharing this, you are awesome !", Boilerplate("share")),
            (
                "The two ministers met in Tokyo on Monday and agreed to resume the stalled talks.",
                Prose,
            ),
            ("Issues affecting relations between the two states", Short),
            ("Ministers meet as talks stall", Short),
        ];
        for (text, want) in rows {
            assert_eq!(lab(text), *want, "{text}");
        }
    }

    #[test]
    fn a_sentence_with_a_date_is_prose_not_a_date_line() {
        let text = "The treaty was signed in Moscow on March 3, 2019, after long talks.";
        assert_eq!(lab(text), Label::Prose);
    }

    #[test]
    fn repeated_lines_are_boilerplate_only_when_asked() {
        let line = "Our newsroom brings you the stories that matter most to readers";
        let mut set = HashSet::new();
        set.insert(key_hash(&phrases::line_key(line)));
        let ctx = LineContext {
            english: true,
            repeated: Some(&set),
        };
        assert_eq!(classify(line, &ctx).0, Label::Boilerplate("repeated-on-site"));
        assert_eq!(lab(line), Label::Short);
    }
}
