//! Time: dates printed on the page and, from them and the text, when the document was
//! published. Later this stage also normalizes every time expression in the body.
//!
//! Invariant: this stage reads text and the date lines that `clean` found; it does not decide
//! what is body or boilerplate.

pub mod lexicon;
pub mod published;
pub mod resolve;
pub mod stated;
pub mod tagger;

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use chrono::{NaiveDate, Weekday};

use crate::document::Timex;
use crate::knowledge;

pub use published::published;

static WEEKDAYS: LazyLock<HashMap<&'static str, Weekday>> = LazyLock::new(|| {
    knowledge::rows(include_str!("../../data/time/weekdays.tsv"))
        .map(|r| {
            let n: u8 = r[1]
                .parse()
                .expect("data/time/weekdays.tsv: weekday number");
            (r[0], Weekday::try_from(n - 1).expect("weekday 1-7"))
        })
        .collect()
});

static TLD_ORDER: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    knowledge::rows(include_str!("../../data/time/date_order.tsv"))
        .map(|r| (r[0], r[1]))
        .collect()
});

/// Single words of `data/time/future_cues.txt` ("will", "scheduled").
static FUTURE_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    knowledge::words(include_str!("../../data/time/future_cues.txt"))
        .filter(|w| !w.contains(' '))
        .collect()
});

static PAST_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| knowledge::words(include_str!("../../data/time/past_cues.txt")).collect());

/// Whether a word puts what follows in the future ("will", "scheduled").
pub(crate) fn is_future_cue(word: &str) -> bool {
    word.len() <= 12 && FUTURE_WORDS.contains(word.to_ascii_lowercase().as_str())
}

/// Whether a word is a past verb form ("said", "announced").
pub(crate) fn is_past_form(word: &str) -> bool {
    if word.len() > 12 {
        return false;
    }
    let w = word.to_ascii_lowercase();
    PAST_WORDS.contains(w.as_str()) || w.len() > 4 && w.ends_with("ed")
}

/// Every time expression of `text`, normalized against `reference` (the publication date).
/// Offsets count characters.
pub fn timexes(text: &str, reference: Option<NaiveDate>) -> Vec<Timex> {
    let (toks, found) = tagger::tag(text);
    let mut chars = CharOffsets::new(text);
    found
        .iter()
        .map(|f| {
            let (from, to) = (toks[f.start].start, toks[f.end - 1].end);
            let r = resolve::resolve(f, reference);
            let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
            Timex {
                start: chars.at(from),
                end: chars.at(to),
                text: text[from..to].to_string(),
                kind: r.kind.to_string(),
                value: r.value,
                modifier: f.modifier.map(str::to_string),
                earliest: r.interval.map(|iv| day(iv.0)),
                latest: r.interval.map(|iv| day(iv.1)),
                granularity: r.granularity.map(str::to_string),
                anchored: r.anchored,
                rule: f.rule.to_string(),
            }
        })
        .collect()
}

/// Byte offsets to character offsets, for offsets asked in increasing order.
struct CharOffsets<'a> {
    text: &'a str,
    ascii: bool,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        CharOffsets {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            chars: 0,
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        if byte < self.byte {
            (self.byte, self.chars) = (0, 0);
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// The weekday a word names ("Wednesday", "wed", "Thurs."), if any.
pub fn weekday_of(word: &str) -> Option<Weekday> {
    let w = word.trim_end_matches('.').to_lowercase();
    WEEKDAYS.get(w.as_str()).copied()
}

/// How numeric dates are written on a host, from its country-code top-level domain.
pub fn date_order_of_host(host: &str) -> Option<String> {
    let tld = host.rsplit('.').next()?;
    TLD_ORDER.get(tld).map(|o| o.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_and_hosts() {
        assert_eq!(weekday_of("Wednesday"), Some(Weekday::Wed));
        assert_eq!(weekday_of("Thurs."), Some(Weekday::Thu));
        assert_eq!(weekday_of("Wed"), Some(Weekday::Wed));
        assert_eq!(weekday_of("Week"), None);
        assert_eq!(date_order_of_host("www.example.vn").as_deref(), Some("dmy"));
        assert_eq!(date_order_of_host("example.com"), None);
    }
}
