//! Time: dates printed on the page and, from them and the text, when the document was
//! published. Later this stage also normalizes every time expression in the body.
//!
//! Invariant: this stage reads text and the date lines that `clean` found; it does not decide
//! what is body or boilerplate.

pub mod infer;
pub mod lexicon;
pub mod periods;
pub mod published;
pub mod resolve;
pub mod stated;
pub mod tagger;

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, Weekday};

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

/// Every time expression of `text`, normalized against the reference: the publication day, or
/// the first and last day it can be when it is inferred (a value both ends agree on is kept;
/// digits they disagree on become `X`, and the interval covers both). Offsets count characters.
pub fn timexes(text: &str, reference: Option<(NaiveDate, NaiveDate)>) -> Vec<Timex> {
    let (toks, found) = tagger::tag(text);
    let mut out: Vec<(usize, usize, Timex)> = found
        .iter()
        .map(|f| {
            let (from, to) = (toks[f.start].start, toks[f.end - 1].end);
            let r = resolve::resolve_between(f, reference);
            let modifier = f.modifier.map(str::to_string);
            (
                from,
                to,
                timex(text, from, to, r, modifier, f.rule.to_string()),
            )
        })
        .collect();
    let anniversary_ref = reference.filter(|(a, b)| a.year() == b.year()).map(|r| r.0);
    let extras = periods::periods(text)
        .into_iter()
        .chain(periods::anniversaries(text, anniversary_ref));
    for e in extras {
        out.retain(|(a, b, _)| *b <= e.start || *a >= e.end);
        let r = resolve::Resolved {
            kind: e.kind,
            value: e.value,
            interval: e.interval,
            granularity: Some(e.granularity),
            anchored: e.anchored,
        };
        out.push((e.start, e.end, timex(text, e.start, e.end, r, None, e.rule)));
    }
    out.sort_by_key(|(a, _, _)| *a);
    add_ranges(text, &mut out);
    let mut chars = CharOffsets::new(text);
    out.into_iter()
        .map(|(from, to, mut t)| {
            t.start = chars.at(from);
            t.end = chars.at(to);
            t
        })
        .collect()
}

fn timex(
    text: &str,
    from: usize,
    to: usize,
    r: resolve::Resolved,
    modifier: Option<String>,
    rule: String,
) -> Timex {
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    Timex {
        start: from,
        end: to,
        text: text[from..to].to_string(),
        kind: r.kind.to_string(),
        value: r.value,
        modifier,
        earliest: r.interval.map(|iv| day(iv.0)),
        latest: r.interval.map(|iv| day(iv.1)),
        granularity: r.granularity.map(str::to_string),
        anchored: r.anchored,
        rule,
    }
}

/// Adds a RANGE over each pair of neighbouring dates joined as "between A and B", "from A to
/// B" or "A-B"; the two dates stay as they are (TimeML tags them one by one).
fn add_ranges(text: &str, out: &mut Vec<(usize, usize, Timex)>) {
    let mut ranges = Vec::new();
    for pair in out.windows(2) {
        let [(a0, a1, a), (b0, b1, b)] = pair else {
            continue;
        };
        if a.kind != "DATE" || b.kind != "DATE" {
            continue;
        }
        let Some(start) = periods::range(text, (*a0, *a1), (*b0, *b1)) else {
            continue;
        };
        let r = resolve::Resolved {
            kind: "RANGE",
            value: format!("{}/{}", a.value, b.value),
            interval: a
                .earliest
                .as_ref()
                .zip(b.latest.as_ref())
                .and_then(|(x, y)| {
                    let p = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
                    p(x).zip(p(y))
                }),
            granularity: a.granularity.as_deref().and_then(granularity_name),
            anchored: a.anchored || b.anchored,
        };
        ranges.push((start, *b1, timex(text, start, *b1, r, None, "range".into())));
    }
    out.extend(ranges);
    out.sort_by_key(|(a, b, _)| (*a, std::cmp::Reverse(*b)));
}

fn granularity_name(g: &str) -> Option<&'static str> {
    [
        "day", "week", "month", "quarter", "season", "year", "decade", "century", "time",
    ]
    .into_iter()
    .find(|n| *n == g)
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
