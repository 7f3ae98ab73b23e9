//! When an event happened: the time expression of its clause or sentence, else the
//! publication date (a report of current news). A date in the event's own sentence always wins
//! over the publication date.

use chrono::{Days, Months};

use super::clause::Sentence;
use super::cues::{self, Class};
use crate::document::{DateBasis, Document, EventDate, Granularity, PublishedBasis, Timex};
use crate::time::iso_day;

/// The date of the event whose trigger is token `trigger` in `clause`; `others` are the starts
/// of time expressions that the parse gives another word to date.
pub fn event_date(
    doc: &Document,
    s: &Sentence,
    clause: (usize, usize),
    trigger: usize,
    others: &[usize],
) -> EventDate {
    let (lo, hi) = (
        s.tokens.get(clause.0).map_or(usize::MAX, |t| t.start),
        s.tokens
            .get(clause.1.saturating_sub(1))
            .map_or(0, |t| t.end),
    );
    let at = s.tokens[trigger].start;
    // A date that opens the sentence ("In 1956, ...", "Earlier in March, ...") governs it all.
    let comma = s.tokens.iter().take(8).position(|t| t.lower == ",");
    let opening = comma.map_or(0, |i| s.tokens[i].start).min(at);
    if let Some(t) = when_clause(doc, s, clause.0) {
        return t;
    }
    if let Some(t) = moved_clause(doc, s, trigger) {
        return t;
    }
    let candidates = s.timexes.iter().filter(|t| {
        let governs = (t.start >= lo && t.end <= hi) || t.end <= opening;
        let own = !others.contains(&t.start) && !modifies_other(s, t, trigger);
        governs && usable(s, t) && own
    });
    if let Some(t) = candidates.min_by_key(|t| t.start.abs_diff(at)) {
        if let Some(d) = from_timex(doc, t) {
            return d;
        }
    }
    published(doc)
}

/// "since the end of World War Two, when Soviet forces occupied ...": a "when" clause happens
/// at the date just before it.
fn when_clause(doc: &Document, s: &Sentence, clause_start: usize) -> Option<EventDate> {
    if clause_start < 2 || s.tokens[clause_start - 1].lower != "when" {
        return None;
    }
    let comma = &s.tokens[clause_start - 2];
    if comma.lower != "," {
        return None;
    }
    let t = s
        .timexes
        .iter()
        .find(|t| t.end == comma.start && t.earliest.is_some())?;
    from_timex(doc, t)
}

/// "The call took place two days after 20 soldiers were killed": an event after "N days
/// after" was N days before the day of the sentence's other date, else of the publication;
/// after "N days before", N days after it. Months and years are counted whole, as people
/// count them: "18 years after Washington invaded the country", said in November 2019, is
/// between 19 and 18 years before (the invasion was in October 2001).
fn moved_clause(doc: &Document, s: &Sentence, trigger: usize) -> Option<EventDate> {
    let (t, word) = s.timexes.iter().find_map(|t| {
        let next = s.tokens.iter().position(|k| k.start >= t.end)?;
        let word = s.tokens[next].lower.as_str();
        if !matches!(word, "after" | "before") || next >= trigger {
            return None;
        }
        // "Two days after the clash, India protested": the clause after the comma is the
        // sentence's own, not the one "after" opens.
        let closed = s.tokens[next..trigger].iter().any(|k| k.lower == ",");
        (!closed).then_some((t, word))
    })?;
    let elapsed = duration(&t.value)?;
    let base = s
        .timexes
        .iter()
        // Not one inside the clause "after" opens ("18 years after Washington invaded the
        // country in the wake of the September 11, 2001 attacks").
        .filter(|o| o.start < t.start && usable(s, o))
        .find_map(|o| from_timex(doc, o))
        .unwrap_or_else(|| published(doc));
    let (first, last) = (iso_day(&base.earliest)?, iso_day(&base.latest)?);
    let (first, last) = match (elapsed, word == "after") {
        // Checked: a text may name any number of days.
        (Elapsed::Days(n), true) => (
            first.checked_sub_days(Days::new(n))?,
            last.checked_sub_days(Days::new(n))?,
        ),
        (Elapsed::Days(n), false) => (
            first.checked_add_days(Days::new(n))?,
            last.checked_add_days(Days::new(n))?,
        ),
        (Elapsed::Months { n, unit }, true) => (
            first
                .checked_sub_months(Months::new(n.checked_add(unit)?))?
                .checked_add_days(Days::new(1))?,
            last.checked_sub_months(Months::new(n))?,
        ),
        (Elapsed::Months { n, unit }, false) => (
            first.checked_add_months(Months::new(n))?,
            last.checked_add_months(Months::new(n.checked_add(unit)?))?
                .checked_sub_days(Days::new(1))?,
        ),
    };
    let (earliest, latest) = (first.to_string(), last.to_string());
    Some(EventDate {
        value: crate::time::infer::shared_value(first, last),
        granularity: granularity(&earliest, &latest),
        earliest,
        latest,
        basis: DateBasis::Sentence,
        text: Some(format!("{} {word}", t.text)),
    })
}

/// A time that has passed, counted in days (exactly), or in whole months or years: `n` months,
/// and up to one `unit` (1 or 12 months) more.
#[derive(Debug, Clone, Copy)]
enum Elapsed {
    Days(u64),
    Months { n: u32, unit: u32 },
}

/// A TIMEX3 duration of days, weeks, months or years ("P2D", "P1W", "P3M", "P18Y").
fn duration(value: &str) -> Option<Elapsed> {
    // "P99999999D" and the like are read, and refused where no date is that far.
    let rest = value.strip_prefix('P')?;
    let (n, unit) = rest.split_at(rest.len().checked_sub(1)?);
    let n: u32 = n.parse().ok()?;
    match unit {
        "D" => Some(Elapsed::Days(u64::from(n))),
        "W" => Some(Elapsed::Days(u64::from(n) * 7)),
        "M" => Some(Elapsed::Months { n, unit: 1 }),
        "Y" => Some(Elapsed::Months {
            n: n.checked_mul(12)?,
            unit: 12,
        }),
        _ => None,
    }
}

/// "a 1939 Soviet victory": a date inside a noun phrase dates that phrase only, not a trigger
/// beyond the next few words.
fn modifies_other(s: &Sentence, t: &Timex, trigger: usize) -> bool {
    let Some(i) = s.tokens.iter().position(|k| k.start == t.start) else {
        return false;
    };
    let article = i > 0 && s.is(i - 1, Class::Indefinite);
    article && !(trigger > i && trigger <= i + 5)
}

/// A time expression that names days the event can be on.
fn usable(s: &Sentence, t: &Timex) -> bool {
    let before = s
        .tokens
        .iter()
        .rev()
        .find(|k| k.end <= t.start)
        .map_or("", |k| k.lower.as_str());
    let recent = t.text.to_lowercase().contains("recent");
    let days = t.earliest.is_some() && t.latest.is_some() && t.kind != "DURATION";
    // "a conflict dating back to World War II", "since 2014": the date is of something else.
    (days || recent) && t.kind != "SET" && !cues::is(before, Class::NotTheEvent)
}

fn from_timex(doc: &Document, t: &Timex) -> Option<EventDate> {
    let (earliest, latest) = match (&t.earliest, &t.latest) {
        (Some(a), Some(b)) if t.kind != "DURATION" => (a.clone(), b.clone()),
        // "in recent months": the half year before publication.
        _ => {
            let p = doc.published.as_ref()?;
            let end = iso_day(&p.latest)?;
            let back = if t.value.ends_with('Y') { 36 } else { 6 };
            let start = end.checked_sub_months(Months::new(back))?;
            (start.to_string(), p.latest.clone())
        }
    };
    Some(EventDate {
        value: t.value.clone(),
        granularity: t
            .granularity
            .unwrap_or_else(|| granularity(&earliest, &latest)),
        earliest,
        latest,
        basis: DateBasis::Sentence,
        text: Some(t.text.clone()),
    })
}

/// The publication's days as an event's date: what the text says happened with no day of its
/// own, or was said by the time it was published.
pub fn published(doc: &Document) -> EventDate {
    match &doc.published {
        Some(p) => EventDate {
            value: p.value.clone(),
            granularity: granularity(&p.earliest, &p.latest),
            earliest: p.earliest.clone(),
            latest: p.latest.clone(),
            basis: if p.basis == PublishedBasis::Inferred {
                DateBasis::InferredPublished
            } else {
                DateBasis::Published
            },
            text: None,
        },
        None => EventDate {
            value: String::new(),
            earliest: String::new(),
            latest: String::new(),
            granularity: Granularity::Unknown,
            basis: DateBasis::Unknown,
            text: None,
        },
    }
}

/// The granularity of the days from `earliest` to `latest`: by how many they are.
pub fn granularity(earliest: &str, latest: &str) -> Granularity {
    let days = days(earliest, latest).unwrap_or(i64::MAX);
    match days {
        0 => Granularity::Day,
        1..=6 => Granularity::Week,
        7..=30 => Granularity::Month,
        31..=366 => Granularity::Year,
        _ => Granularity::Years,
    }
}

fn days(earliest: &str, latest: &str) -> Option<i64> {
    let (a, b) = (iso_day(earliest)?, iso_day(latest)?);
    Some((b - a).num_days())
}

/// Days an event's date spans (unknown dates are the widest).
pub fn width(d: &EventDate) -> i64 {
    days(&d.earliest, &d.latest).unwrap_or(i64::MAX)
}

/// Whether `latest` is over a year before `published`: the event is recalled, not reported.
pub fn years_before(latest: &str, published: &str) -> bool {
    days(latest, published).is_some_and(|d| d > 365)
}
