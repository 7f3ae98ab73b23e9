//! What one line is, judged from its own features: boilerplate by shape or phrase, a metadata
//! line (date, byline, outlet, source), an editorial credit, prose, or a short line (a title,
//! heading, caption or list item, decided later by position).

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashSet;

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
    /// See [`phrases::line_key`].
    pub key: String,
    pub words: usize,
    pub label: Label,
}

/// What decides a line beyond its own text.
pub struct LineContext<'a> {
    /// Whether the stopword ratio is a fair test of prose (the page is in English).
    pub english: bool,
    /// Keys of lines repeated across documents of the same site.
    pub repeated: Option<&'a FxHashSet<u64>>,
}

static STOPWORDS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| knowledge::words(include_str!("../../data/clean/stopwords_en.txt")).collect());

static UPDATE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| meta::meta_words("update"));

static SHORTCODES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*\[/?[A-Za-z_][\w-]*(?:\s[^\]]*)?\])+\s*$").expect("shortcode regex")
});

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|ru|vn|jp|uk|io|info)(?:/\S*)?")
        .expect("url regex")
});

/// A line's own features, before the page-wide decisions that classifying it needs.
pub fn features(no: usize, text: &str) -> (Line<'_>, f64) {
    let line = Line {
        no,
        text,
        key: phrases::line_key(text),
        words: count_words(text),
        label: Label::Empty,
    };
    let stops = if line.words >= 8 {
        stopword_ratio(text)
    } else {
        0.0
    };
    (line, stops)
}

/// Classifies a line from its features; `stops` is its stopword ratio.
pub fn classify(line: &mut Line, stops: f64, ctx: &LineContext) {
    if !line.text.is_empty() {
        line.label = label(line, stops, ctx);
    }
}

fn label(line: &Line, stops: f64, ctx: &LineContext) -> Label {
    let (text, key, words) = (line.text, line.key.as_str(), line.words);
    if SHORTCODES.is_match(text) {
        return Label::Boilerplate("shortcode");
    }
    if meta::source_line(text).is_some() {
        return Label::Source;
    }
    // Menus, icon runs and links do not end like sentences; skipping prose saves most of the work.
    let sentence = ends_sentence(text);
    if let Some(reason) = phrases::navigation(key).filter(|_| !sentence) {
        return Label::Boilerplate(reason);
    }
    if !sentence && is_link(text) {
        return Label::Boilerplate("link");
    }
    if let Some(family) = phrases::family(text, key) {
        return Label::Boilerplate(family);
    }
    if ctx.repeated.is_some_and(|r| r.contains(&key_hash(key))) {
        return Label::Boilerplate("repeated-on-site");
    }
    if EMBEDDED_POST.is_match(text) {
        return Label::Boilerplate("embedded-post");
    }
    if let Some(updated) = date_line(text, words) {
        return Label::Date { updated };
    }
    // A cheap test first: most short lines are menus and headings, without a digit.
    let digits = text.bytes().any(|b| b.is_ascii_digit());
    if words <= 8 && digits && meta::yearless_date_line(text).is_some() {
        return Label::Date {
            updated: is_update(text),
        };
    }
    if words <= 15 && meta::byline(text).is_some() {
        return Label::Byline;
    }
    if words <= 6 && super::outlets::by_name(text).is_some() {
        return Label::Outlet;
    }
    if meta::credit(text).is_some() {
        return Label::Credit;
    }
    if is_prose(text, words, stops, ctx.english) {
        Label::Prose
    } else {
        Label::Short
    }
}

/// Whether a lowercase word is an English function word (data/clean/stopwords_en.txt).
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(word)
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
    if !text.contains('.') {
        return false;
    }
    let linked: usize = URL.find_iter(text).map(|m| m.len()).sum();
    linked * 2 >= text.trim().len()
}

/// A short line that is mostly a date: `Published 03/09/2014, 14:20`, `Updated ...`, with
/// perhaps a byline before it (`Posted by Ann Lee on November 19, 2019, 6:21 AM EST`).
/// Returns whether it is an update stamp: an update word before the date, or anywhere in a line
/// that starts with its date (`By Ann Lee | Nov 18, 2019 - Updated Nov 19` is the publication).
fn date_line(text: &str, words: usize) -> Option<bool> {
    if words > 16 || !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let found = stated::find_dates(text);
    let first = found.first()?;
    let head = &text[..first.start];
    let byline = meta::byline_before_date(head).map_or(0, |_| count_words(head));
    let zone = TIME_ZONE.is_match(&text[first.end..]);
    let date_words = count_words(&text[first.start..first.end]) + usize::from(zone);
    if words - byline > 12 {
        return None;
    }
    let rest = words.saturating_sub(date_words + byline);
    // A site name glued before a date ends the line with the date: "Site NameSite Name12/10/2023".
    let ends_with_date = text[first.end..].trim().is_empty() && !ends_sentence(text);
    if (rest > 6 && !(ends_with_date && rest <= 10)) || (rest > 3 && ends_sentence(text)) {
        return None;
    }
    Some(is_update(head) || (count_words(head) == 0 && is_update(text)))
}

/// A time zone after a printed date and clock: "EST", "GMT", "(IST)".
static TIME_ZONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\(?[A-Z]{2,4}\)?(?:$|[\s,.;|])").expect("time zone regex"));

/// The signature of a post embedded in a page, its author's handle and its date
/// ("— Jane Doe (@janedoe) November 1, 2019"): not the page's own date.
static EMBEDDED_POST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[—–-]\s*[^()]{0,80}\(@\w{1,30}\)").expect("embedded post regex")
});

/// A date line that stamps an update ("Updated", "Last modified"), not the publication.
pub fn is_update(text: &str) -> bool {
    let lower = text.to_lowercase();
    UPDATE_WORDS.iter().any(|w| lower.contains(w))
}

/// Ends with sentence punctuation, possibly inside closing quotes or brackets.
pub fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
    });
    trimmed.ends_with(['.', '!', '?', '…'])
}

fn is_prose(text: &str, words: usize, stops: f64, english: bool) -> bool {
    if words < 8 || (words < 20 && !ends_sentence(text)) {
        return false;
    }
    !english || stops >= 0.15
}

fn stopword_ratio(text: &str) -> f64 {
    let mut total = 0usize;
    let mut stops = 0usize;
    for w in text.split(|c: char| !c.is_alphabetic() && c != '\'') {
        if w.is_empty() {
            continue;
        }
        total += 1;
        let hit = if w.chars().any(char::is_uppercase) {
            STOPWORDS.contains(w.to_lowercase().as_str())
        } else {
            STOPWORDS.contains(w)
        };
        if hit {
            stops += 1;
        }
    }
    if total == 0 {
        0.0
    } else {
        stops as f64 / total as f64
    }
}

/// Whether a page reads as English, from the stopword ratios of its first long lines (lines of
/// fewer than eight words have a ratio of 0 and are skipped), so that the stopword test of prose
/// can be trusted.
pub fn looks_english(stops: &[f64]) -> bool {
    let long: Vec<f64> = stops
        .iter()
        .copied()
        .filter(|&r| r > 0.0)
        .take(20)
        .collect();
    !long.is_empty() && long.iter().sum::<f64>() / long.len() as f64 >= 0.2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lab_with(text: &str, ctx: &LineContext) -> Label {
        let (mut line, stops) = features(1, text);
        classify(&mut line, stops, ctx);
        line.label
    }

    fn lab(text: &str) -> Label {
        let ctx = LineContext {
            english: true,
            repeated: None,
        };
        lab_with(text, &ctx)
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
            (
                "Tin Nhanh Quoc TeTin Nhanh Quoc Te12/10/2023",
                Date { updated: false },
            ),
            ("By Jane Doe and John Roe", Byline),
            ("Bloomberg", Outlet),
            ("Source: https://example.vn/some-story-123.htm", Source),
            ("(Reporting by Ann Lee; Editing by Bo Kim)", Credit),
            (
                "[sharebang profile=\"1\" src=\"2\"]",
                Boilerplate("shortcode"),
            ),
            (
                "icon bookmark-bicon cameraicon checkicon closeicon",
                Boilerplate("icons"),
            ),
            ("https://example.com/a/b/c", Boilerplate("link")),
            ("No data", Boilerplate("nodata")),
            ("Comment (0)", Boilerplate("comment")),
            (
                "Thanks for sharing this, you are awesome !",
                Boilerplate("share"),
            ),
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
        let mut set = FxHashSet::default();
        set.insert(key_hash(&phrases::line_key(line)));
        let ctx = LineContext {
            english: true,
            repeated: Some(&set),
        };
        assert_eq!(lab_with(line, &ctx), Label::Boilerplate("repeated-on-site"));
        assert_eq!(lab(line), Label::Short);
    }
}
