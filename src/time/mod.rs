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
pub(crate) use crate::text::{after, before, is_word_edge, CharOffsets};
use resolve::Resolved;
pub use tagger::{tag, Tagged};

pub use published::published;

static TLD_ORDER: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    knowledge::rows(include_str!("../../data/time/date_order.tsv"))
        .map(|r| (r[0], r[1]))
        .collect()
});

/// One expression before it becomes a `Timex`: byte span, normalized value, provenance.
struct Spot {
    from: usize,
    to: usize,
    r: Resolved,
    modifier: Option<&'static str>,
    rule: String,
}

/// Every time expression of a tagged text, normalized against the reference: the publication
/// day, or the first and last day it can be when it is inferred (a value both ends agree on is
/// kept; digits they disagree on become `X`, and the interval covers both). Offsets count
/// characters.
pub fn timexes(tagged: &Tagged, reference: Option<(NaiveDate, NaiveDate)>) -> Vec<Timex> {
    let text = tagged.text;
    let mut spots: Vec<Spot> = tagged
        .found
        .iter()
        .map(|f| {
            let (from, to) = tagged.span(f);
            let r = resolve::resolve_between(f, reference);
            let rule = f.rule.to_string();
            Spot {
                from,
                to,
                r,
                modifier: f.modifier,
                rule,
            }
        })
        .collect();
    let anniversary_ref = reference.filter(|(a, b)| a.year() == b.year()).map(|r| r.0);
    let mut extras: Vec<periods::Extra> = periods::periods(text);
    extras.extend(periods::anniversaries(text, anniversary_ref));
    extras.sort_by_key(|e| e.start);
    // A named period or an anniversary replaces the tagged expressions it overlaps; both lists
    // are in text order, so one sweep finds the overlaps.
    let mut k = 0;
    spots.retain(|s| {
        while k < extras.len() && extras[k].end <= s.from {
            k += 1;
        }
        k == extras.len() || extras[k].start >= s.to
    });
    for e in extras {
        let (from, to, r, rule) = (e.start, e.end, e.resolved, e.rule);
        spots.push(Spot {
            from,
            to,
            r,
            modifier: None,
            rule,
        });
    }
    spots.sort_by_key(|s| s.from);
    add_ranges(text, &mut spots);
    let mut chars = CharOffsets::new(text);
    let day = |d: NaiveDate| d.to_string();
    spots
        .into_iter()
        .map(|s| Timex {
            start: chars.at(s.from),
            end: chars.at(s.to),
            text: text[s.from..s.to].to_string(),
            kind: s.r.kind.to_string(),
            value: s.r.value,
            modifier: s.modifier.map(str::to_string),
            earliest: s.r.interval.map(|iv| day(iv.0)),
            latest: s.r.interval.map(|iv| day(iv.1)),
            granularity: s.r.granularity,
            anchored: s.r.anchored,
            rule: s.rule,
        })
        .collect()
}

/// Adds a RANGE over each pair of neighbouring dates joined as "between A and B", "from A to
/// B" or "A-B"; the two dates stay as they are (TimeML tags them one by one).
fn add_ranges(text: &str, spots: &mut Vec<Spot>) {
    let mut ranges = Vec::new();
    for pair in spots.windows(2) {
        let [a, b] = pair else { continue };
        if a.r.kind != "DATE" || b.r.kind != "DATE" {
            continue;
        }
        let Some(from) = periods::range(text, (a.from, a.to), (b.from, b.to)) else {
            continue;
        };
        let r = Resolved {
            kind: "RANGE",
            value: format!("{}/{}", a.r.value, b.r.value),
            interval: a.r.interval.zip(b.r.interval).map(|(x, y)| (x.0, y.1)),
            granularity: a.r.granularity,
            anchored: a.r.anchored || b.r.anchored,
        };
        let rule = "range".to_string();
        ranges.push(Spot {
            from,
            to: b.to,
            r,
            modifier: None,
            rule,
        });
    }
    spots.extend(ranges);
    spots.sort_by_key(|s| (s.from, std::cmp::Reverse(s.to)));
}

/// The weekday a word names ("Wednesday", "wed", "Thurs."), if any.
pub fn weekday_of(word: &str) -> Option<Weekday> {
    let n = lexicon::meanings(word.trim_end_matches('.'))
        .iter()
        .find_map(lexicon::weekday)?;
    Weekday::try_from(u8::try_from(n).ok()? - 1).ok()
}

/// Whether a word names a month or a weekday ("March", "Fri."): a place of that name ("March",
/// a town in England) is read as the time.
pub fn names_month_or_weekday(word: &str) -> bool {
    lexicon::meanings(word.trim_end_matches('.'))
        .iter()
        .any(|l| lexicon::month(l).is_some() || lexicon::weekday(l).is_some())
}

/// How numeric dates are written on a host, from its country-code top-level domain.
pub fn date_order_of_host(host: &str) -> Option<String> {
    let tld = host.rsplit('.').next()?;
    TLD_ORDER.get(tld).map(|o| o.to_string())
}

/// A span of days, first and last (both included).
pub type Days = (NaiveDate, NaiveDate);

/// A `YYYY-MM-DD` day, read without chrono's general parser (the actors stage reads one per
/// time expression, and that parser was a tenth of its time).
pub fn iso_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_sit_beside_tagged_dates() {
        let text = "In the final days of World War II, in August 1945, and on Friday.";
        let day = NaiveDate::from_ymd_opt(2014, 9, 5).unwrap();
        let got: Vec<(String, String)> = timexes(&tag(text), Some((day, day)))
            .into_iter()
            .map(|t| (t.text, t.value))
            .collect();
        let want = [
            ("the final days of World War II", "1945-08/1945-09"),
            ("August 1945", "1945-08"),
            ("Friday", "2014-09-05"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want);
    }

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
