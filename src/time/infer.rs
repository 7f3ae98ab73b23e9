//! Dating an article that states no date, from what it says. Each clue limits the days the
//! article can have been written on:
//! - a date it reports in the past ("between 2012 and 2020"): not older than that;
//! - a well-known dated event (`data/time/events.tsv`): not older when reported as past, not
//!   newer when announced;
//! - a person named with a role ("Prime Minister Fumio Kishida", "President Clinton"): within a
//!   term of that office (`data/actors/terms.tsv`, read through the actors' knowledge base);
//!   after one, for a "former" holder; a "counterpart" of someone so named holds the same office
//!   ("his Indian counterpart S Jaishankar");
//! - a dateline's day without its year, the dates of photo captions and of embedded posts
//!   (`Hints`);
//! - a relative expression next to a known event ("in Buenos Aires early last month"): the
//!   expression, read from that day, must cover the event;
//! - a month without a year ("Earlier in March", "later in January"): close to it; with its day
//!   and weekday ("Monday, Oct. 26"), in a year where they agree;
//! - bare weekdays ("said Friday", "will meet on Monday"): all within one week of the day.
//!
//! Days between the latest lower bound and the earliest upper bound (today, when nothing else
//! bounds it: a page is not from the future, and a term still running ends today at the latest)
//! are scored by the clues they satisfy, and the interval covers the best (see `best_days`). A
//! text with no lower bound gets no date.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use chrono::{Datelike, Days, Months, NaiveDate};
use rustc_hash::FxHashMap;

use super::lexicon::{Lex, Unit};
use super::resolve::resolve;
use super::tagger::{Found, Sem, Tagged};
use crate::actors::kb::{kb, Person, Term};
use crate::document::{Evidence, Published, PublishedBasis};
use crate::knowledge;

/// At most this many clues (and weekdays in the weekday clue) are weighed, in text order, so
/// that a huge text costs no more than a long article: every clue is tested on every day.
const MAX_CLUES: usize = 200;
const MAX_WEEKDAYS: usize = 20;

/// The widest interval the inference picks days in; clues that leave more give their bounds.
const HORIZON_DAYS: u64 = 10 * 366;

#[derive(Debug, Clone)]
enum Test {
    NotBefore(NaiveDate),
    NotAfter(NaiveDate),
    /// Inside one of these terms; or, for a former holder, after the first has ended and inside
    /// none of them.
    Terms {
        terms: Vec<(NaiveDate, Option<NaiveDate>)>,
        former: bool,
    },
    /// The expression, resolved from the day, overlaps the event's days.
    Covers {
        found: Found,
        event: (NaiveDate, NaiveDate),
    },
    /// The day is within `before` days before the month starts and `after` days after it ends.
    Month {
        month: u32,
        before: i64,
        after: i64,
    },
    /// The day falls on one of these weekdays (Monday first): what weekdays named alone say,
    /// resolved from a day, depends on its weekday only, so it is worked out once for each
    /// (`weekdays_in_one_week`, `recent_weekdays`) and not for every day scored.
    OnWeekdays([bool; 7]),
    /// A month and day printed with their weekday and no year ("Friday, Oct. 23") fall on that
    /// weekday in a year within a year of the day.
    DayOnWeekday {
        month: u32,
        day: u32,
        weekday: chrono::Weekday,
    },
    /// The first weekday the text names in the past (1 Monday .. 7 Sunday) is the day or the
    /// day before; a Friday, up to the Monday after.
    LeadWeekday(u32),
    /// The day is inside one of these intervals.
    Within(Vec<(NaiveDate, NaiveDate)>),
    /// The day is this month and day, or the day after (a dateline's day, in the filer's time
    /// zone, without its year).
    DayOfYear {
        month: u32,
        day: u32,
    },
}

/// What the page gives the inference beside its text: the day of the year its dateline prints,
/// the dates of its photo captions and of the posts it embeds.
#[derive(Debug, Default, Clone, Copy)]
pub struct Hints<'a> {
    pub day_of_year: Option<&'a crate::clean::DayOfYear>,
    pub captions: &'a [(NaiveDate, String)],
    pub posts: &'a [(NaiveDate, String)],
}

impl Hints<'_> {
    /// The clues of the hints.
    fn clues(&self) -> Vec<Clue> {
        let mut out = Vec::new();
        if let Some(d) = self.day_of_year {
            out.push(Clue {
                test: Test::DayOfYear {
                    month: d.month,
                    day: d.day,
                },
                rule: "dateline-day",
                text: format!("'{}' printed without its year", d.text),
            });
        }
        // A post is dated in its author's time zone, the page perhaps in another.
        for (day, line) in self.posts {
            out.push(Clue {
                test: Test::NotBefore(*day - Days::new(1)),
                rule: "embedded-post",
                text: format!("{day} in an embedded post, the day before allowed: '{line}'"),
            });
        }
        for (day, line) in self.captions {
            out.push(Clue {
                test: Test::NotBefore(*day),
                rule: "photo-caption",
                text: format!("{day} in a caption: '{line}'"),
            });
            // An older picture says so ("file photo"); another was taken for the story.
            if !line.to_lowercase().contains("file") {
                out.push(Clue {
                    test: Test::NotAfter(*day + Days::new(CAPTION_DAYS)),
                    rule: "photo-caption",
                    text: format!(
                        "within {CAPTION_DAYS} days of {day}, taken for the story: '{line}'"
                    ),
                });
            }
        }
        out
    }
}

/// A month and day printed without a year are this many days at most from the publication date:
/// in TempEval-3's news (TimeBank and AQUAINT), all 130 such dates are within 361 days of the
/// document's.
const YEARLESS_DAYS: i64 = 366;

/// A weekday a story names in the past is at most this many days old: in TempEval-3's news,
/// 269 of the 295 bare weekdays whose gold day is not after the document's creation are
/// (0 days: 140, 1: 65, 2: 27, 3: 37; 4 to 28: 26). Of two stories that name "Sunday" and
/// "Monday" in the past, the one that came out on Monday says so.
const RECENT_WEEKDAY: i64 = 3;

/// A picture taken for a story is published within this many days.
const CAPTION_DAYS: u64 = 30;

/// One thing the text says about its date.
#[derive(Debug, Clone)]
pub struct Clue {
    test: Test,
    rule: &'static str,
    text: String,
}

impl Clue {
    fn holds(&self, day: NaiveDate) -> bool {
        match &self.test {
            Test::NotBefore(d) => day >= *d,
            Test::NotAfter(d) => day <= *d,
            Test::Terms { terms, former } => {
                let inside = terms
                    .iter()
                    .any(|(a, b)| day >= *a && b.is_none_or(|b| day <= b));
                if *former {
                    !inside && terms.iter().any(|(_, b)| b.is_some_and(|b| day > b))
                } else {
                    inside
                }
            }
            Test::Covers { found, event } => resolve(found, Some(day))
                .interval
                .is_some_and(|(a, b)| a <= event.1 && event.0 <= b),
            Test::Month {
                month,
                before,
                after,
            } => [day.year() - 1, day.year(), day.year() + 1]
                .iter()
                .any(|y| {
                    let Some(first) = NaiveDate::from_ymd_opt(*y, *month, 1) else {
                        return false;
                    };
                    let last = super::resolve::month_end(*y, *month);
                    (first - day).num_days() <= *before && (day - last).num_days() <= *after
                }),
            Test::DayOnWeekday {
                month,
                day: d,
                weekday,
            } => [day.year() - 1, day.year(), day.year() + 1]
                .iter()
                .any(|y| {
                    NaiveDate::from_ymd_opt(*y, *month, *d).is_some_and(|x| {
                        x.weekday() == *weekday && (x - day).num_days().abs() <= YEARLESS_DAYS
                    })
                }),
            Test::LeadWeekday(w) => {
                let after = (day.weekday().number_from_monday() + 7 - w) % 7;
                after <= 1 || *w == 5 && after <= 3
            }
            Test::Within(spans) => spans.iter().any(|(a, b)| day >= *a && day <= *b),
            Test::DayOfYear { month, day: d } => [Some(day), day.pred_opt()]
                .into_iter()
                .flatten()
                .any(|x| (x.month(), x.day()) == (*month, *d)),
            Test::OnWeekdays(days) => days[day.weekday().num_days_from_monday() as usize],
        }
    }

    fn lower_bound(&self) -> Option<NaiveDate> {
        match &self.test {
            Test::NotBefore(d) => Some(*d),
            Test::Terms { terms, former } => terms
                .iter()
                .map(|(a, b)| if *former { b.unwrap_or(*a) } else { *a })
                .min(),
            Test::Within(spans) => spans.iter().map(|s| s.0).min(),
            _ => None,
        }
    }

    fn upper_bound(&self) -> Option<NaiveDate> {
        match &self.test {
            Test::NotAfter(d) => Some(*d),
            Test::Terms {
                terms,
                former: false,
            } => terms.iter().map(|(_, b)| b.unwrap_or_else(today)).max(),
            Test::Within(spans) => spans.iter().map(|s| s.1).max(),
            _ => None,
        }
    }

    fn evidence(&self, held: bool) -> Evidence {
        let rule = if held {
            self.rule.to_string()
        } else {
            format!("{} (overruled)", self.rule)
        };
        Evidence {
            rule,
            text: self.text.clone(),
            line: None,
        }
    }
}

/// The publication date of an undated text, inferred from its content; `None` when the text
/// does not bound it from both sides.
pub fn infer(tagged: &Tagged, hints: Hints) -> Option<Published> {
    let mut clues = clues(tagged);
    clues.extend(hints.clues());
    let (days, score) = best_days(&clues)?;
    let (first, last) = (days[0], days[days.len() - 1]);
    let mut evidence: Vec<Evidence> = clues
        .iter()
        .map(|c| c.evidence(days.iter().all(|d| c.holds(*d))))
        .collect();
    evidence.push(Evidence {
        rule: "best-days".to_string(),
        text: format!(
            "{} of {} clues hold on {} day(s) from {first} to {last}",
            score,
            clues.len(),
            days.len()
        ),
        line: None,
    });
    Some(Published {
        value: shared_value(first, last),
        earliest: first.to_string(),
        latest: last.to_string(),
        basis: PublishedBasis::Inferred,
        evidence,
    })
}

/// How many of a text's clues a day breaks, of how many: used to check a stated date that can
/// be read two ways. `None` when the text has no clue.
pub fn conflicts(clues: &[Clue], day: NaiveDate) -> Option<(usize, usize)> {
    if clues.is_empty() {
        return None;
    }
    Some((clues.iter().filter(|c| !c.holds(day)).count(), clues.len()))
}

/// The days that satisfy the most clues between the latest lower bound and the earliest upper
/// bound. When they fall in several runs (the same month of different years), the first run
/// wins if a known event reported as past lies within a year before it (news is written soon
/// after the events it reports); otherwise the interval covers every run.
fn best_days(clues: &[Clue]) -> Option<(Vec<NaiveDate>, usize)> {
    let start = clues.iter().filter_map(Clue::lower_bound).max()?;
    let end = clues
        .iter()
        .filter_map(Clue::upper_bound)
        .chain([today()])
        .min()?;
    let (start, end) = narrowed(clues, start, end);
    // Bounds further apart than the horizon are given as they are where an officeholder sets
    // them: picking days inside would be a guess ("Chancellor Helmut Kohl" alone spans sixteen
    // years), but an article that names an officeholder was written in their term.
    if (end - start).num_days() >= HORIZON_DAYS as i64 {
        let officeholder = clues.iter().any(|c| matches!(c.test, Test::Terms { .. }));
        let both = clues
            .iter()
            .filter(|c| c.holds(start) && c.holds(end))
            .count();
        return (officeholder && start <= end).then(|| (vec![start, end], both));
    }
    let days: Vec<NaiveDate> = (0..HORIZON_DAYS)
        .filter_map(|i| start.checked_add_days(Days::new(i)))
        .take_while(|d| *d <= end)
        .collect();
    let scores: Vec<usize> = days
        .iter()
        .map(|d| clues.iter().filter(|c| c.holds(*d)).count())
        .collect();
    let best = *scores.iter().max()?;
    let mut runs: Vec<Vec<NaiveDate>> = Vec::new();
    for (d, s) in days.iter().zip(&scores) {
        if *s != best {
            continue;
        }
        match runs.last_mut() {
            Some(run) if run.last().is_some_and(|l| (*d - *l).num_days() <= 7) => run.push(*d),
            _ => runs.push(vec![*d]),
        }
    }
    let first = runs.first()?.clone();
    let recent_event = clues.iter().any(|c| match c.test {
        Test::NotBefore(e) if c.rule == "reported-event" => (first[0] - e).num_days() <= 366,
        _ => false,
    });
    if runs.len() == 1 || recent_event {
        return Some((first, best));
    }
    Some((runs.concat(), best))
}

/// The bounds narrowed to the days every officeholder named was in office together, where
/// they were: Lula (2003 to 2010, and since 2023) beside Xi Jinping (since 2013) leaves the
/// years since 2023, though each term alone reaches further back. A clue that would leave no
/// day is skipped here (the scoring overrules it).
fn narrowed(clues: &[Clue], start: NaiveDate, end: NaiveDate) -> (NaiveDate, NaiveDate) {
    let mut spans = vec![(start, end)];
    for c in clues {
        let Test::Terms {
            terms,
            former: false,
        } = &c.test
        else {
            continue;
        };
        let inside: Vec<(NaiveDate, NaiveDate)> = spans
            .iter()
            .flat_map(|&(a, b)| {
                terms.iter().filter_map(move |&(x, y)| {
                    let (lo, hi) = (a.max(x), b.min(y.unwrap_or(b)));
                    (lo <= hi).then_some((lo, hi))
                })
            })
            .collect();
        if !inside.is_empty() {
            spans = inside;
        }
    }
    let first = spans.iter().map(|s| s.0).min().unwrap_or(start);
    let last = spans.iter().map(|s| s.1).max().unwrap_or(end);
    (first, last)
}

/// The day the text is read: no page is published later.
pub(crate) fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The TIMEX3 value both ends share: a day, a month, a year, or the two days.
pub fn shared_value(a: NaiveDate, b: NaiveDate) -> String {
    if a == b {
        a.to_string()
    } else if (a.year(), a.month()) == (b.year(), b.month()) {
        a.format("%Y-%m").to_string()
    } else if a.year() == b.year() {
        a.year().to_string()
    } else {
        format!("{a}/{b}")
    }
}

/// Every clue of a tagged text.
pub fn clues(tagged: &Tagged) -> Vec<Clue> {
    let text = tagged.text;
    let mut out = Vec::new();
    let mut weekdays = Vec::new();
    for f in &tagged.found {
        let (a, _) = tagged.span(f);
        let words = tagged.words(f);
        match &f.sem {
            Sem::Date { year: Some(_), .. } if names_a_thing(text, tagged.span(f), &f.sem) => {
                out.extend(thing_clue(f, words))
            }
            Sem::Date { year: Some(_), .. } => date_clue(f, words, &mut out),
            Sem::Date {
                year: None,
                month: Some(m),
                day,
            } => {
                out.push(month_clue(text, a, *m, f, words));
                out.extend(day.and_then(|d| weekday_clue(*m, d, f, words)));
            }
            Sem::Weekday(_) if weekdays.len() < MAX_WEEKDAYS => weekdays.push(f.clone()),
            _ => {}
        }
    }
    out.extend(lead_weekday(tagged));
    out.extend(recent_weekdays(tagged));
    if !weekdays.is_empty() {
        let names: Vec<&str> = weekdays.iter().map(|f| tagged.words(f)).collect();
        out.push(Clue {
            test: weekdays_in_one_week(&weekdays),
            rule: "weekdays",
            text: format!(
                "weekdays named alone fall in one week: {}",
                names.join(", ")
            ),
        });
    }
    event_clues(tagged, &mut out);
    let dated: Vec<(usize, usize)> = tagged
        .found
        .iter()
        .filter(|f| matches!(f.sem, Sem::Date { year: Some(_), .. }))
        .map(|f| tagged.span(f))
        .collect();
    let named = named_holders(text);
    out.extend(tenure_clues(tagged, &named));
    out.extend(term_clues(text, &dated, named));
    out.truncate(MAX_CLUES);
    out
}

/// News reports what happened on the day it is published or the day before: in TempEval-3's
/// news (TimeBank, AQUAINT and the platinum set), the first weekday a document names is its
/// creation day or the day before in 56 of 88 documents, and a Friday the Monday after in 17
/// more (83%). A weekday in a future clause names a day to come and says nothing.
fn lead_weekday(tagged: &Tagged) -> Option<Clue> {
    let f = tagged.found.iter().find(|f| f.sem.weekday().is_some())?;
    let weekday = f.sem.weekday().filter(|_| f.tense <= 0)?;
    Some(Clue {
        test: Test::LeadWeekday(weekday),
        rule: "lead-weekday",
        text: format!(
            "'{}', the first weekday named: the day of publication or the one before",
            tagged.words(f)
        ),
    })
}

/// The weekdays named alone (or with a part of the day) in clauses not in the future: each at
/// most `RECENT_WEEKDAY` days old.
fn recent_weekdays(tagged: &Tagged) -> Option<Clue> {
    let past: Vec<Found> = tagged
        .found
        .iter()
        .filter(|f| f.sem.weekday().is_some() && f.tense <= 0)
        .take(MAX_WEEKDAYS)
        .cloned()
        .collect();
    if past.is_empty() {
        return None;
    }
    let names: Vec<&str> = past.iter().map(|f| tagged.words(f)).collect();
    Some(Clue {
        test: on_weekdays(|day| {
            past.iter().all(|f| {
                resolve(f, Some(day))
                    .interval
                    .is_some_and(|iv| (day - iv.0).num_days() <= RECENT_WEEKDAY)
            })
        }),
        rule: "recent-weekdays",
        text: format!(
            "weekdays named in the past are at most {RECENT_WEEKDAY} days old: {}",
            names.join(", ")
        ),
    })
}

/// Weekdays named alone, resolved from the day, fall within one week with it.
fn weekdays_in_one_week(found: &[Found]) -> Test {
    on_weekdays(|day| {
        let days: Vec<NaiveDate> = found
            .iter()
            .filter_map(|f| resolve(f, Some(day)).interval.map(|iv| iv.0))
            .chain([day])
            .collect();
        let (lo, hi) = (days.iter().min(), days.iter().max());
        lo.zip(hi).is_some_and(|(a, b)| (*b - *a).num_days() <= 6)
    })
}

/// The weekdays on which `holds` is true, tried on the days of one week.
fn on_weekdays(holds: impl Fn(NaiveDate) -> bool) -> Test {
    // 2001-01-01 was a Monday.
    let monday = NaiveDate::from_ymd_opt(2001, 1, 1).expect("a day");
    Test::OnWeekdays(std::array::from_fn(|i| holds(monday + Days::new(i as u64))))
}

/// Whether the recent-weekdays rule holds for a text published on `day`; `None` when the text
/// names no weekday in the past. For `annals timeml`, which measures the rule.
pub fn recent_weekdays_hold(tagged: &Tagged, day: NaiveDate) -> Option<bool> {
    recent_weekdays(tagged).map(|c| c.holds(day))
}

/// Whether the lead-weekday rule holds for a text published on `day`; `None` when the text
/// names no weekday in the past. For `annals timeml`, which measures the rule.
pub fn lead_weekday_holds(tagged: &Tagged, day: NaiveDate) -> Option<bool> {
    lead_weekday(tagged).map(|c| c.holds(day))
}

/// An absolute date in a past clause is a lower bound; in a future one, an upper bound.
fn date_clue(f: &Found, words: &str, out: &mut Vec<Clue>) {
    let Some((first, last)) = resolve(f, None).interval else {
        return;
    };
    // A year in a clause of unknown tense may be a forecast ("growth by the end of 1990").
    let (test, rule) = match f.tense {
        t if t > 0 => (Test::NotAfter(last), "future-date"),
        t if t < 0 => (Test::NotBefore(first), "reported-date"),
        _ => return,
    };
    out.push(Clue {
        test,
        rule,
        text: format!("'{words}' ({first} to {last})"),
    });
}

/// A thing named by its year is past, or to come within `THING_AHEAD_YEARS`: "the 2020
/// election" in a page of November 2019 (in a clause in the past tense), "the 1987 level".
fn thing_clue(f: &Found, words: &str) -> Option<Clue> {
    let (first, _) = resolve(f, None).interval?;
    let bound = first.checked_sub_months(Months::new(12 * THING_AHEAD_YEARS))?;
    Some(Clue {
        test: Test::NotBefore(bound),
        rule: "named-year",
        text: format!(
            "'{words}' names a thing of that year, past or up to {THING_AHEAD_YEARS} years ahead"
        ),
    })
}

/// How far ahead a thing named by its year may be ("the 2020 election" in 2018).
const THING_AHEAD_YEARS: u32 = 2;

/// Whether a year alone names a thing rather than a time: "the 2020 election", "a 2020 North
/// American tour", "2020 Mini John Cooper Works GP", whose thing may be to come whatever the
/// clause's tense (a page of November 2019 names them in the past tense). A word that is no
/// function word follows it, and no preposition stands before it ("in 1998 Kenya held", "between
/// 2012 and 2020 prices rose" name times).
fn names_a_thing(text: &str, (start, end): (usize, usize), sem: &Sem) -> bool {
    // The words that introduce a time expression (data/time/lexicon.tsv, class `intro`).
    let previous = text[..start]
        .split_whitespace()
        .next_back()
        .map(str::to_lowercase);
    if previous.is_some_and(|p| super::lexicon::meanings(&p).contains(&Lex::Intro)) {
        return false;
    }
    let year_only = matches!(
        sem,
        Sem::Date {
            year: Some(_),
            month: None,
            day: None
        }
    );
    let after = text[end..].strip_prefix(' ').unwrap_or("");
    let next: String = after
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    year_only && !next.is_empty() && !crate::clean::is_stopword(&next)
}

/// A month without a year: "Earlier in March" is said within March, "later in January" within
/// January or the month before; a month alone puts the day within the year after it (past) or
/// before it (future).
fn month_clue(text: &str, at: usize, month: u32, f: &Found, words: &str) -> Clue {
    let before = super::before(text, at, 12).to_lowercase();
    let before = before.trim_end();
    let strict = ["earlier in", "later in"]
        .iter()
        .any(|w| before.ends_with(w));
    let (lo, hi, rule) = match (strict, f.tense) {
        (true, t) if t > 0 || before.ends_with("later in") => (31, 0, "month-this"),
        (true, _) => (0, 0, "month-this"),
        (false, t) if t > 0 => (330, 0, "month-ahead"),
        (false, _) => (0, 330, "month-past"),
    };
    Clue {
        test: Test::Month {
            month,
            before: lo,
            after: hi,
        },
        rule,
        text: format!("'{words}'"),
    }
}

/// The clue of a weekday printed with a month and day ("Friday, Oct. 23"): the years where they
/// agree.
fn weekday_clue(month: u32, day: u32, f: &Found, words: &str) -> Option<Clue> {
    if f.rule != "weekday-date" {
        return None;
    }
    let weekday = super::weekday_of(words.split([',', ' ']).next()?)?;
    Some(Clue {
        test: Test::DayOnWeekday {
            month,
            day,
            weekday,
        },
        rule: "weekday-date",
        text: format!("'{words}': a {weekday} within a year"),
    })
}

struct KnownEvent {
    id: &'static str,
    days: (NaiveDate, NaiveDate),
    /// Each group: alternatives, one of which must appear in the sentence.
    cues: Vec<Vec<&'static str>>,
}

static EVENTS: LazyLock<Vec<KnownEvent>> = LazyLock::new(|| {
    let day = |s| knowledge::date("data/time/events.tsv", s);
    knowledge::rows(include_str!("../../data/time/events.tsv"))
        .map(|r| KnownEvent {
            id: r[0],
            days: (day(r[1]), day(r[2])),
            cues: r[3].split(';').map(knowledge::list).collect(),
        })
        .collect()
});

/// Every cue word of every event, to find them in one pass, and the events each is a cue of.
struct EventCues {
    ac: AhoCorasick,
    /// The words, in the automaton's pattern order.
    words: Vec<&'static str>,
    /// For each word, the events (numbers in `EVENTS`, ascending) it is a cue of: a sentence
    /// need be tried only for those of the words it names.
    events: Vec<Vec<usize>>,
}

static EVENT_CUES: LazyLock<EventCues> = LazyLock::new(|| {
    let mut words: Vec<&'static str> = EVENTS
        .iter()
        .flat_map(|e| e.cues.iter().flatten().copied())
        .collect();
    words.sort_unstable();
    words.dedup();
    let mut events = vec![Vec::new(); words.len()];
    for (k, ev) in EVENTS.iter().enumerate() {
        for w in ev.cues.iter().flatten() {
            let list: &mut Vec<usize> = &mut events[words.binary_search(w).expect("a cue word")];
            if list.last() != Some(&k) {
                list.push(k);
            }
        }
    }
    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&words)
        .expect("event cues build");
    EventCues { ac, words, events }
});

/// The sentences of `text` (from `segment`) as byte ranges.
fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    let byte = crate::text::ByteOffsets::new(text);
    crate::segment::sentences(text)
        .iter()
        .map(|s| (byte.at(s.start), byte.at(s.end)))
        .collect()
}

fn event_clues(tagged: &Tagged, out: &mut Vec<Clue>) {
    let (text, toks, found) = (tagged.text, &tagged.toks, &tagged.found);
    let cues = &*EVENT_CUES;
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for (s, e) in sentence_spans(text) {
        if out.len() >= MAX_CLUES {
            return;
        }
        let sentence = &text[s..e];
        let mut present: FxHashMap<&str, usize> = FxHashMap::default();
        let mut candidates: Vec<usize> = Vec::new();
        for m in cues.ac.find_iter(sentence) {
            let edge = |i: usize| super::is_word_edge(sentence, i);
            if edge(m.start()) && edge(m.end()) {
                let k = m.pattern().as_usize();
                present.entry(cues.words[k]).or_insert(m.start());
                candidates.extend(&cues.events[k]);
            }
        }
        // Most sentences name no cue of any event.
        candidates.sort_unstable();
        candidates.dedup();
        for ev in candidates.iter().map(|&k| &EVENTS[k]) {
            // Where the sentence first names a cue of the event, when it names one of every
            // group.
            let first_cue = ev.cues.iter().try_fold(usize::MAX, |first, g| {
                let hit = g.iter().filter_map(|w| present.get(w).copied()).min()?;
                Some(first.min(hit))
            });
            let Some(first_cue) = first_cue else { continue };
            // (Every row has a group: the split of its cues' field gives one at least.)
            let at = s + first_cue;
            let first = found.partition_point(|f| toks[f.start].start < s);
            let here = found[first..]
                .iter()
                .take_while(|f| toks[f.end - 1].end <= e);
            let tense = super::tagger::tense_at(toks, at);
            let quote: String = sentence.trim().chars().take(120).collect();
            let here: Vec<&Found> = here.collect();
            // "three days after <the event>": the sentence speaks of days moved from the event's.
            let moved = here
                .iter()
                .rev()
                .find_map(|f| moved_from(tagged, f, at, ev.days));
            if let (Some((days, words)), true) = (moved, tense <= 0) {
                out.push(Clue {
                    test: Test::NotBefore(days.0),
                    rule: "after-event",
                    text: format!(
                        "'{words}' {} ({} to {}): {} to {}",
                        ev.id, ev.days.0, ev.days.1, days.0, days.1
                    ),
                });
            }
            let (test, rule) = if tense > 0 {
                (Test::NotAfter(ev.days.1), "announced-event")
            } else {
                (Test::NotBefore(ev.days.0), "reported-event")
            };
            if !seen.contains(&(ev.id, rule)) {
                seen.push((ev.id, rule));
                out.push(Clue {
                    test,
                    rule,
                    text: format!("{} ({} to {}): \"{quote}\"", ev.id, ev.days.0, ev.days.1),
                });
            }
            // The sentence's relative expressions speak of the event's days, or of the days
            // moved from them; so does a weekday named in the past beside the event ("on
            // Sunday ... the Ryanair jet", "three days after" it): the article is from the
            // week that follows; and a day without its year ("the forced landing ... on 23
            // May"): the article is from the months that follow.
            let target = moved.map_or(ev.days, |(days, _)| days);
            let speaks_of = |f: &&&Found| {
                let beside = moved.is_some() || f.tense.max(tense) <= 0 && !reports(tagged, f, at);
                let yearless = matches!(
                    f.sem,
                    Sem::Date {
                        year: None,
                        day: Some(_),
                        ..
                    }
                );
                is_relative(&f.sem) || (f.sem.weekday().is_some() || yearless) && beside
            };
            for f in here.iter().filter(speaks_of) {
                let words = tagged.words(f);
                out.push(Clue {
                    test: Test::Covers {
                        found: (*f).clone(),
                        event: target,
                    },
                    rule: "relative-to-event",
                    text: format!(
                        "'{words}' must cover {} to {} ({})",
                        target.0, target.1, ev.id
                    ),
                });
            }
        }
    }
}

/// Whether a reporting word stands between `f` and the event's words at byte `cue`, or just
/// before `f`: the weekday of "said Friday that Abe and Putin met at the G20" dates the saying.
fn reports(tagged: &Tagged, f: &Found, cue: usize) -> bool {
    let toks = &tagged.toks;
    let at = toks.partition_point(|t| t.start < cue);
    let between = if at >= f.end { f.end..at } else { at..f.start };
    let before = f.start.saturating_sub(REPORT_REACH)..f.start;
    toks[between]
        .iter()
        .chain(&toks[before])
        .any(|t| t.has(Lex::Report))
}

/// How many words before a weekday a reporting verb makes it the day of the saying ("said in a
/// statement Friday").
const REPORT_REACH: usize = 4;

/// The days of "<f> after|before <cue>", `f` an amount of days, weeks, months or years and the
/// cue at `cue` at most a few words after it ("two days after 20 soldiers were killed in
/// Galwan"), moved from `event`'s days; with the words that say so.
fn moved_from<'a>(
    tagged: &Tagged<'a>,
    f: &Found,
    cue: usize,
    event: (NaiveDate, NaiveDate),
) -> Option<((NaiveDate, NaiveDate), &'a str)> {
    let Sem::Duration {
        unit,
        amount: Some(n),
    } = f.sem
    else {
        return None;
    };
    let (start, end) = tagged.span(f);
    let between = tagged.text.get(end..cue)?.to_lowercase();
    let (sign, rest) = if let Some(rest) = between.trim_start().strip_prefix("after ") {
        (1.0, rest.to_string())
    } else {
        let rest = between.trim_start().strip_prefix("before ")?;
        (-1.0, rest.to_string())
    };
    if rest.split_whitespace().count() > MOVED_GAP_WORDS || rest.contains([',', ';', '.']) {
        return None;
    }
    let from = if sign > 0.0 { event.1 } else { event.0 };
    let days = super::resolve::moved(unit, n * sign, from)?;
    Some((days, tagged.text[start..cue].trim_end()))
}

/// At most this many words between "three days after" and the words that name the event.
const MOVED_GAP_WORDS: usize = 8;

/// Expressions whose days depend on the reference.
fn is_relative(sem: &Sem) -> bool {
    matches!(
        sem,
        Sem::Shifted { .. }
            | Sem::ShiftedName { .. }
            | Sem::MonthOfYear { .. }
            | Sem::Offset {
                amount: Some(_),
                ..
            }
            | Sem::Deictic(_)
    )
}

/// How near (in characters, the same paragraph) a date with its year makes a title say nothing
/// of the article's date: about a sentence.
const DATED_TITLE_REACH: usize = 120;

/// The names of officeholders in the base, and for each the people it names ("Bush": both
/// presidents). A bare surname is left out unless people.tsv lists it as naming the person alone:
/// "Deputy Prime Minister Tariq Aziz" must not date a text by Shaukat Aziz's terms.
static HOLDERS: LazyLock<(AhoCorasick, Vec<Vec<usize>>)> = LazyLock::new(|| {
    let mut by_name: FxHashMap<&'static str, Vec<usize>> = FxHashMap::default();
    for (k, p) in kb().people.iter().enumerate() {
        if p.terms.is_empty() {
            continue;
        }
        for name in std::iter::once(p.name).chain(p.also.iter().copied()) {
            let people = by_name.entry(name).or_default();
            if !people.contains(&k) {
                people.push(k);
            }
        }
    }
    let (names, people): (Vec<&str>, Vec<Vec<usize>>) = by_name.into_iter().unzip();
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&names)
        .expect("officeholder names build");
    (ac, people)
});

/// The titles of the offices of the base ("president", "prime minister"), found in any case,
/// and the officeholders by surname: a surname names them only right after such a title
/// ("President Clinton"). Looked for after the titles, which are few, rather than in the whole
/// text: common surnames ("Lee", "May") are everywhere.
struct Titled {
    titles: AhoCorasick,
    /// The titles, in the automaton's pattern order.
    names: Vec<&'static str>,
    by_surname: FxHashMap<&'static str, Vec<usize>>,
}

static TITLED: LazyLock<Titled> = LazyLock::new(|| {
    let kb = kb();
    let mut titles: Vec<&str> = kb
        .offices
        .iter()
        .flat_map(|o| o.titles.iter().copied())
        .collect();
    titles.sort_unstable();
    titles.dedup();
    let mut by_surname: FxHashMap<&'static str, Vec<usize>> = FxHashMap::default();
    for (k, p) in kb.people.iter().enumerate() {
        if !p.terms.is_empty() {
            by_surname.entry(p.surname).or_default().push(k);
        }
    }
    let automaton = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&titles)
        .expect("office titles build");
    Titled {
        titles: automaton,
        names: titles,
        by_surname,
    }
});

/// A name of an officeholder in a text, and the people it may be.
struct Named<'a> {
    start: usize,
    end: usize,
    people: &'a [usize],
    /// For a surname, the title before it, and whether "former" stands before that: the title
    /// must be one of the people's offices'.
    title: Option<(&'static str, bool)>,
}

/// The names of officeholders in `text`: full names and the names people.tsv lets stand alone,
/// and surnames right after a title; in text order.
fn named_holders(text: &str) -> Vec<Named<'static>> {
    let (ac, people) = &*HOLDERS;
    let edge = |i| super::is_word_edge(text, i);
    let mut out: Vec<Named> = ac
        .find_iter(text)
        .filter(|m| edge(m.start()) && edge(m.end()))
        .map(|m| Named {
            start: m.start(),
            end: m.end(),
            people: &people[m.pattern().as_usize()],
            title: None,
        })
        .collect();
    let titled = &*TITLED;
    for t in titled.titles.find_iter(text) {
        if !edge(t.start()) || !text[t.end()..].starts_with(' ') {
            continue;
        }
        let start = t.end() + 1;
        let word = text[start..]
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .next()
            .unwrap_or("");
        let Some(who) = titled.by_surname.get(word) else {
            continue;
        };
        let end = start + word.len();
        let title = titled.names[t.pattern().as_usize()];
        let lead = super::before(text, t.start(), 12)
            .split_whitespace()
            .next_back();
        let former = lead.is_some_and(|w| w.eq_ignore_ascii_case("former"));
        if !out.iter().any(|n| n.start < end && start < n.end) {
            out.push(Named {
                start,
                end,
                people: who,
                title: Some((title, former)),
            });
        }
    }
    out.sort_by_key(|n| n.start);
    out
}

/// People named with a role: the article falls within a term of that office, or after one for
/// a "former" holder. A "counterpart" holds the office of the person it is the counterpart of.
/// The clues of the officeholders `text` names with their office. A holder named beside a date
/// with its year (spans `dated`: "Rwandan President Juvenal Habyarimana's plane, shot down on
/// April 6, 1994") holds the office on that date, which says nothing of when the article was
/// written.
fn term_clues(text: &str, dated: &[(usize, usize)], mut matches: Vec<Named>) -> Vec<Clue> {
    let kb = kb();
    let beside_a_date = |m: &Named| {
        dated.iter().any(|&(a, b)| {
            // The text between the name and the date, before or after it.
            let gap = if b <= m.start {
                b..m.start
            } else {
                m.end..a.max(m.end)
            };
            a < m.start + DATED_TITLE_REACH
                && m.end < b + DATED_TITLE_REACH
                && !text[gap].contains('\n')
        })
    };
    matches.retain(|m| !beside_a_date(m));
    // Every term of everyone a name can be.
    let terms_of = |m: &Named| -> Vec<(&'static Person, &'static Term)> {
        m.people
            .iter()
            .flat_map(|&k| kb.people[k].terms.iter().map(move |t| (&kb.people[k], t)))
            .collect()
    };
    let mut seen: Vec<(&str, &str, bool)> = Vec::new();
    let mut out = Vec::new();
    // The offices each name was said to hold, by its role.
    let mut offices: Vec<Vec<usize>> = vec![Vec::new(); matches.len()];
    let mut counterparts = Vec::new();
    for (i, m) in matches.iter().enumerate() {
        let terms = terms_of(m);
        let mut roles: Vec<&str> = Vec::new();
        for (_, t) in &terms {
            for title in &kb.offices[t.office].titles {
                if !roles.contains(title) {
                    roles.push(title);
                }
            }
        }
        for role in roles {
            let said = match m.title {
                Some((title, former)) => (title == role).then_some(former),
                None => role_near(text, m.start, m.end, role),
            };
            let Some(former) = said else {
                continue;
            };
            let held: Vec<&(&Person, &Term)> = terms
                .iter()
                .filter(|(_, t)| kb.offices[t.office].titles.contains(&role))
                .collect();
            offices[i].extend(held.iter().map(|(_, t)| t.office));
            let Some((first, _)) = held.first() else {
                continue;
            };
            if seen.contains(&(first.name, role, former)) {
                continue;
            }
            seen.push((first.name, role, former));
            out.push(term_clue(&held, role, former));
        }
        if offices[i].is_empty() && counterpart_before(text, m.start) {
            counterparts.push(i);
        }
    }
    for i in counterparts {
        // The person it is the counterpart of: the holder named last before it, nearby.
        let Some(a) = (0..i)
            .rev()
            .find(|&a| matches[i].start - matches[a].end < 200)
        else {
            continue;
        };
        let (b_terms, a_terms) = (terms_of(&matches[i]), terms_of(&matches[a]));
        // Their office: the one that person was named with, else one both held.
        let of_a: Vec<usize> = if offices[a].is_empty() {
            a_terms.iter().map(|(_, t)| t.office).collect()
        } else {
            offices[a].clone()
        };
        let shared = |t: &&(&Person, &Term)| {
            of_a.contains(&t.1.office) && b_terms.iter().any(|(_, u)| u.office == t.1.office)
        };
        let people = if offices[a].is_empty() {
            vec![&b_terms, &a_terms]
        } else {
            vec![&b_terms]
        };
        for terms in people {
            let held: Vec<&(&Person, &Term)> = terms.iter().filter(shared).collect();
            let Some((first, t)) = held.first() else {
                continue;
            };
            let title = kb.offices[t.office].titles[0];
            if !seen.contains(&(first.name, title, false)) {
                seen.push((first.name, title, false));
                out.push(Clue {
                    rule: "counterpart",
                    ..term_clue(&held, title, false)
                });
            }
        }
    }
    out
}

/// The words of `data/time/tenure.tsv`.
struct TenureWords {
    /// Phrases of holding power, longest first, and whether each says the person still holds it.
    power: Vec<(&'static str, bool)>,
    /// Words before such a phrase that make it power held once.
    once: Vec<&'static str>,
    /// Words after "for" that make the amount a lower bound.
    at_least: Vec<&'static str>,
}

static TENURE: LazyLock<TenureWords> = LazyLock::new(|| {
    let mut words = TenureWords {
        power: Vec::new(),
        once: Vec::new(),
        at_least: Vec::new(),
    };
    for r in knowledge::rows(include_str!("../../data/time/tenure.tsv")) {
        match r[0] {
            "power" => words.power.push((r[1], r.get(2) == Some(&"yes"))),
            "once" => words.once.push(r[1]),
            "at-least" => words.at_least.push(r[1]),
            other => panic!("data/time/tenure.tsv: unknown kind {other:?}"),
        }
    }
    words.power.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    words
});

/// At most this many bytes between an officeholder's name and "for <amount>": a relative clause
/// ("Lukashenko, who has led Belarus for").
const TENURE_REACH: usize = 60;

/// How long a named officeholder has held power ("Lukashenko, who has led Belarus for 26
/// years", "Erdogan, in power for nearly two decades"): the article is from about that long
/// after the person's run of terms began. Power held once ("who ruled for 26 years", "had been
/// in office for") says only that it is not earlier.
fn tenure_clues(tagged: &Tagged, named: &[Named]) -> Vec<Clue> {
    let text = tagged.text;
    let mut out = Vec::new();
    for f in &tagged.found {
        let Sem::Duration {
            unit,
            amount: Some(n),
        } = f.sem
        else {
            continue;
        };
        let (at, _) = tagged.span(f);
        let Some(length) = Tenure::read(unit, n, f.modifier, super::before(text, at, 24)) else {
            continue;
        };
        // The last name before the length (names are in text order and do not overlap).
        let before = named.partition_point(|m| m.start < at);
        let Some(m) = named[..before].iter().rev().find(|m| m.end <= at) else {
            continue;
        };
        let between = &text[m.end..at];
        if between.len() > TENURE_REACH || between.contains(['.', ';', '\n', '?', '!']) {
            continue;
        }
        let Some((phrase, still)) = tenure_phrase(&between.to_lowercase()) else {
            continue;
        };
        let runs: Vec<(NaiveDate, Option<NaiveDate>)> = m
            .people
            .iter()
            .flat_map(|&k| runs_of(&kb().people[k]))
            .collect();
        let who = &text[m.start..m.end];
        let words = tagged.words(f);
        if !still {
            let Some(first) = runs
                .iter()
                .filter_map(|r| length.days(r).map(|d| d.0))
                .min()
            else {
                continue;
            };
            out.push(Clue {
                test: Test::NotBefore(first),
                rule: "tenure",
                text: format!("{who} {phrase} for {words}: not before {first}"),
            });
            continue;
        }
        let spans: Vec<(NaiveDate, NaiveDate)> =
            runs.iter().filter_map(|r| length.days(r)).collect();
        if spans.is_empty() {
            continue;
        }
        let shown: Vec<String> = spans.iter().map(|(a, b)| format!("{a} to {b}")).collect();
        out.push(Clue {
            test: Test::Within(spans),
            rule: "tenure",
            text: format!("{who} {phrase} for {words}: {}", shown.join(", ")),
        });
    }
    out
}

/// The phrase of holding power in the words between a name and "for <amount>", and whether it
/// says the power is still held ("was in power" is not).
fn tenure_phrase(between: &str) -> Option<(&'static str, bool)> {
    TENURE.power.iter().find_map(|&(phrase, still)| {
        let i = between.match_indices(phrase).map(|(i, _)| i).find(|&i| {
            super::is_word_edge(between, i) && super::is_word_edge(between, i + phrase.len())
        })?;
        let lead = between[..i].split_whitespace().next_back();
        let once = lead.is_some_and(|w| TENURE.once.contains(&w));
        Some((phrase, still && !once))
    })
}

/// How long power was held, in months, with how far the true length may be from the words:
/// "26 years" is said from 26 years on (or half a year before, rounded) until 27; "nearly 20
/// years" a year before; "more than two decades" any time after.
struct Tenure {
    from: u32,
    /// Months after `from` the length may reach; `None`: no limit.
    upto: Option<u32>,
}

impl Tenure {
    /// The length a duration says, when "for" (or "for more than", "for over") stands before it.
    fn read(unit: Unit, n: f64, modifier: Option<&str>, lead: &str) -> Option<Tenure> {
        let per = match unit {
            Unit::Month => 1,
            Unit::Year => 12,
            Unit::Decade => 120,
            _ => return None,
        };
        let lead = lead.trim_end().to_lowercase();
        let (lead, at_least) = match TENURE.at_least.iter().find_map(|w| lead.strip_suffix(w)) {
            Some(rest) => (rest.trim_end().to_string(), true),
            None => (lead, false),
        };
        if !(lead == "for" || lead.ends_with(" for")) || n <= 0.0 {
            return None;
        }
        let months = (n * f64::from(per)).round() as u32;
        // A year's length is rounded either way by half a year; a decade's only down.
        let (slack, extra) = match unit {
            Unit::Month => (1, 1),
            Unit::Year => (6, 12),
            _ => (12, 120),
        };
        Some(match modifier {
            _ if at_least => Tenure {
                from: months,
                upto: None,
            },
            Some("LESS_THAN") => Tenure {
                from: months.saturating_sub(per),
                upto: Some(per + 1),
            },
            Some("APPROX") => Tenure {
                from: months.saturating_sub(per),
                upto: Some(2 * per),
            },
            _ => Tenure {
                from: months.saturating_sub(slack),
                upto: Some(slack + extra),
            },
        })
    }

    /// The days the length puts an article at, for a run of terms from `start` to `end` (`None`:
    /// still running); `None` when the run is too short.
    fn days(
        &self,
        &(start, end): &(NaiveDate, Option<NaiveDate>),
    ) -> Option<(NaiveDate, NaiveDate)> {
        let first = start.checked_add_months(Months::new(self.from))?;
        let last = end.unwrap_or_else(today);
        let last = match self.upto {
            Some(m) => last.min(first.checked_add_months(Months::new(m))?),
            None => last,
        };
        (first <= last).then_some((first, last))
    }
}

/// A person's terms of office as runs without a gap of more than a month between them: a
/// prime minister become president has held power since the first.
fn runs_of(person: &Person) -> Vec<(NaiveDate, Option<NaiveDate>)> {
    let mut terms: Vec<(NaiveDate, Option<NaiveDate>)> =
        person.terms.iter().map(|t| (t.start, t.end)).collect();
    terms.sort_by_key(|t| t.0);
    let mut runs: Vec<(NaiveDate, Option<NaiveDate>)> = Vec::new();
    for (start, end) in terms {
        if let Some(run) = runs.last_mut() {
            match run.1 {
                // A run still going holds every later term.
                None => continue,
                Some(last) if (start - last).num_days() <= 31 => {
                    run.1 = end.map(|e| e.max(last));
                    continue;
                }
                Some(_) => {}
            }
        }
        runs.push((start, end));
    }
    runs
}

/// Whether "counterpart" stands before the name at `start`, at most a first name between them:
/// "his Indian counterpart S Jaishankar", "counterpart, Wang Yi".
fn counterpart_before(text: &str, start: usize) -> bool {
    let before = super::before(text, start, 40).to_lowercase();
    let Some(i) = before.rfind("counterpart") else {
        return false;
    };
    let between = before[i + "counterpart".len()..].trim_start_matches([',', 's']);
    between.split_whitespace().count() <= 2 && !between.contains(['.', ';', '('])
}

/// The clue of the terms `held` of an office named `role`.
fn term_clue(held: &[&(&Person, &Term)], role: &str, former: bool) -> Clue {
    // Where a term's days are known only to the month or year, a holder may be named a little
    // outside them and a former holder only surely after them: the clue must not exclude the
    // true day.
    let days: Vec<(NaiveDate, Option<NaiveDate>)> =
        held.iter().map(|(_, t)| t.span(!former)).collect();
    let mut people: Vec<&str> = held.iter().map(|(p, _)| p.name).collect();
    people.dedup();
    let spans: Vec<String> = days
        .iter()
        .map(|(a, b)| format!("{a} to {}", b.map_or("now".to_string(), |b| b.to_string())))
        .collect();
    Clue {
        test: Test::Terms {
            terms: days,
            former,
        },
        rule: if former {
            "former-officeholder"
        } else {
            "officeholder"
        },
        text: format!(
            "{}{}, {role}: {}",
            if former { "former " } else { "" },
            people.join(" or "),
            spans.join(", ")
        ),
    }
}

/// Whether `role` is said of the name at `start..end` ("Prime Minister Fumio Kishida",
/// "Medvedev, a former Russian president"), and if so whether as a former holder.
/// Every title of an office, lowercase.
static TITLES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let titles = kb().offices.iter().flat_map(|o| o.titles.iter());
    titles.map(|t| t.to_lowercase()).collect()
});

fn role_near(text: &str, start: usize, end: usize, role: &str) -> Option<bool> {
    let before = super::before(text, start, 45).to_lowercase();
    let after = super::after(text, end, 50).to_lowercase();
    let role = role.to_lowercase();
    if let Some(i) = before.rfind(&role) {
        // Only the name's own words (a first name) may stand between role and name, after a
        // comma at most ("the prime minister, Abiy Ahmed").
        let between = before[i + role.len()..]
            .trim_start()
            .trim_start_matches(',');
        let lead = &before[..i];
        // "Vice President Joe Biden" holds another office than "President Joe Biden": a title
        // of data/actors/offices.tsv that ends with this one stands there.
        let named = &before[..i + role.len()];
        let other_office = TITLES
            .iter()
            .any(|t| t.len() > role.len() && t.ends_with(&role) && named.ends_with(t.as_str()));
        if between.split_whitespace().count() <= 2
            && !between.contains([',', '.', ';'])
            && !other_office
        {
            let lead_words: Vec<&str> = lead.split_whitespace().rev().take(3).collect();
            return Some(lead_words.iter().any(|w| *w == "former" || *w == "ex-"));
        }
    }
    let apposition = after.strip_prefix(',')?;
    let clause = &apposition[..clause_end(apposition)];
    let i = clause.find(&role)?;
    Some(clause[..i].contains("former"))
}

/// Where the clause at the start of `text` ends: at a comma or semicolon, or at a full stop that
/// does not end an abbreviation ("Bolton, U.S. envoy to the U.N., said": the clause is "U.S.
/// envoy to the U.N.").
fn clause_end(text: &str) -> usize {
    let mut word_start = 0;
    for (i, c) in text.char_indices() {
        match c {
            ',' | ';' => return i,
            '.' => {
                let word = &text[word_start..i];
                let short = word.chars().count() <= 3 && word.chars().all(char::is_alphabetic);
                let abbreviation = word.contains('.') || short;
                if !abbreviation {
                    return i;
                }
            }
            c if c.is_whitespace() => word_start = i + c.len_utf8(),
            _ => {}
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::tag;

    /// The inference and the clue count on text.
    fn infer(text: &str) -> Option<Published> {
        super::infer(&tag(text), Hints::default())
    }

    fn conflicts(text: &str, day: NaiveDate) -> Option<(usize, usize)> {
        super::conflicts(&clues(&tag(text)), day)
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn roles_and_former_holders() {
        let t = "Japanese Prime Minister Fumio Kishida spoke.";
        assert_eq!(role_near(t, 24, 37, "prime minister"), Some(false));
        // Another office whose name ends with this one's.
        for t in [
            "Former Vice President Joe Biden spoke.",
            "Former Vice-President Joe Biden spoke.",
        ] {
            let at = t.find("Joe").unwrap();
            assert_eq!(role_near(t, at, at + 10, "president"), None, "{t}");
        }
        let t = "Former Vice President Joe Biden spoke.";
        assert_eq!(role_near(t, 22, 32, "vice president"), Some(true));
        let t = "Former Japanese Prime Minister Shinzo Abe sought ties.";
        assert_eq!(role_near(t, 31, 41, "prime minister"), Some(true));
        let t = "Dmitry Medvedev, a former Russian president who is now deputy head";
        assert_eq!(role_near(t, 0, 15, "president"), Some(true));
        let t = "Kishida met the president of France.";
        assert_eq!(role_near(t, 0, 7, "president"), None);
        let t = "Visiting Japanese Prime Minister, Fumio Kishida, and his host";
        assert_eq!(role_near(t, 34, 47, "prime minister"), Some(false));
        let t = "The prime minister, the minister and Fumio Kishida";
        assert_eq!(role_near(t, 37, 50, "prime minister"), None);
        let t = "Amb. Jane Roe, U.S. envoy to the U.N., said";
        assert_eq!(role_near(t, 5, 13, "envoy"), Some(false));
        let t = "Jane Roe, aged 57. The envoy said";
        assert_eq!(role_near(t, 0, 8, "envoy"), None);
    }

    #[test]
    fn a_title_beside_a_dated_event_says_nothing_of_the_article() {
        // Bill Clinton: president 1993-01-20 to 2001-01-20.
        let officeholder = |t: &str| clues(&tag(t)).iter().any(|c| c.rule == "officeholder");
        assert!(officeholder(
            "President Bill Clinton welcomed the figures on Monday."
        ));
        assert!(!officeholder(
            "The bill was signed by President Bill Clinton on August 5, 1997, in Washington."
        ));
        assert!(!officeholder(
            "In 1998 President Bill Clinton visited the region."
        ));
        // A date in another paragraph does not count.
        assert!(officeholder(
            "The fund was set up in 1998.\nPresident Bill Clinton welcomed the figures."
        ));
    }

    #[test]
    fn a_year_that_names_a_thing_is_no_time_of_the_clause() {
        // A page of November 2019: the 2020 election is to come, though the clause is past.
        let found = clues(&tag(
            "Biden campaigned for the 2020 election in Iowa on Tuesday.",
        ));
        let bound = |rule: &str| {
            found
                .iter()
                .find(|c| c.rule == rule)
                .and_then(Clue::lower_bound)
        };
        assert_eq!(bound("reported-date"), None);
        assert_eq!(bound("named-year"), NaiveDate::from_ymd_opt(2018, 1, 1));
        // A year as a time is one.
        for text in [
            "Biden campaigned in Iowa in 2020.",
            "Kenyans voted in 1998 elections for parliament.",
        ] {
            let found = clues(&tag(text));
            assert!(found.iter().any(|c| c.rule == "reported-date"), "{found:?}");
        }
    }

    #[test]
    fn a_surname_names_an_officeholder_only_after_the_title() {
        // Bill Clinton: president of the United States 1993-01-20 to 2001-01-20.
        let held = clues(&tag("President Clinton welcomed the figures."));
        let holds = |day| held.iter().all(|c| c.holds(d(day)));
        assert!(holds("1998-02-06"));
        assert!(!holds("2005-06-01"));
        let former = clues(&tag("Former President Clinton welcomed the figures."));
        assert!(former.iter().all(|c| c.holds(d("2005-06-01"))));
        assert!(!former.iter().all(|c| c.holds(d("1998-02-06"))));
        // A surname alone, or after another title or another first name, says nothing.
        for t in [
            "Clinton welcomed the figures at a news conference.",
            "Senator Clinton welcomed the figures.",
            "President Dave Clinton of the union welcomed the figures.",
        ] {
            assert!(clues(&tag(t)).is_empty(), "{t}");
        }
    }

    #[test]
    fn a_weekday_printed_with_a_yearless_day_picks_the_year() {
        // October 26 was a Monday in 1992 and 1998, in no year between.
        let held = clues(&tag(
            "The ministers spoke on Monday, Oct. 26, officials said.",
        ));
        let holds = |day| held.iter().all(|c| c.holds(d(day)));
        assert!(holds("1998-11-02") && holds("1993-03-01"));
        assert!(!holds("1996-11-04") && !holds("1995-06-01"));
        let held = clues(&tag("The ministers spoke on Oct. 26, officials said."));
        assert!(
            held.iter().all(|c| c.holds(d("1996-11-04"))),
            "without the weekday"
        );
    }

    #[test]
    fn a_term_known_to_the_month_dates_with_a_month_to_spare() {
        // Eva-Maria Liimets: foreign minister of Estonia 2021-01-26 to 2022-06-03, the end
        // known to the month only.
        let held = clues(&tag("Foreign Minister Eva-Maria Liimets spoke."));
        let holds = |day| held.iter().all(|c| c.holds(d(day)));
        assert!(holds("2022-06-20"), "within a month of the end written");
        assert!(!holds("2022-08-01"));
        let former = clues(&tag("Former foreign minister Eva-Maria Liimets spoke."));
        let holds = |day| former.iter().all(|c| c.holds(d(day)));
        assert!(holds("2022-05-20"), "perhaps out of office already");
        assert!(!holds("2022-04-01"), "surely in office");
    }

    #[test]
    fn weekdays_and_a_month_narrow_the_day() {
        // A statement "Friday", a meeting "on Monday", "later in January", a known summit
        // "early last month" and a foreign minister in office.
        let text = "Foreign Minister Taro Kono will meet Lavrov on Monday. The ministry said in \
                    a statement Friday that Abe and Putin met at the G20 summit in Buenos Aires \
                    early last month. A summit is expected later in January.";
        let p = infer(text).expect("a date");
        assert_eq!(p.basis, PublishedBasis::Inferred);
        assert!(p.earliest.as_str() >= "2019-01-01", "{p:?}");
        assert!(p.latest.as_str() <= "2019-01-31", "{p:?}");
        let friday_to_monday = |s: &str| {
            let w = d(s).weekday().number_from_monday();
            w >= 5 || w == 1
        };
        assert!(friday_to_monday(&p.earliest) && friday_to_monday(&p.latest));
    }

    #[test]
    fn a_counterpart_holds_the_office_of_the_person_named_with_it() {
        // Jaishankar: external affairs minister since 2019-05-30; Wang Yi: foreign minister of
        // China 2013-03-16 to 2022-12-30 and again since 2023-07-25.
        for text in [
            "Foreign Minister Wang Yi told his Indian counterpart S Jaishankar on Wednesday.",
            "Wang Yi and Indian counterpart Subrahmanyam Jaishankar held talks.",
        ] {
            let c = clues(&tag(text));
            let rules: Vec<&str> = c.iter().map(|c| c.rule).collect();
            assert!(rules.contains(&"counterpart"), "{text}: {rules:?}");
            let holds = |day| c.iter().all(|c| c.holds(d(day)));
            assert!(holds("2020-06-17"), "{text}");
            assert!(!holds("2019-01-01"), "{text}: before Jaishankar");
            assert!(!holds("2023-03-01"), "{text}: between Wang Yi's terms");
        }
        // A counterpart of nobody named: no office to give.
        assert!(clues(&tag("His counterpart Wang Yi spoke.")).is_empty());
    }

    #[test]
    fn a_term_still_running_ends_today() {
        // Anthony Albanese: prime minister of Australia since 2022-05-23.
        let p = infer("Prime Minister Anthony Albanese visited Beijing.").unwrap();
        assert_eq!(p.earliest, "2022-05-23");
        assert_eq!(p.latest, today().to_string());
        // Lula, president 2003 to 2010 and again since 2023: too many years to pick days in,
        // but the page is from his first term on.
        let p = infer("President Luiz Inácio Lula da Silva visited Beijing.").unwrap();
        assert_eq!(p.earliest, "2003-01-01");
        assert_eq!(p.latest, today().to_string());
    }

    #[test]
    fn days_after_a_known_event_and_a_weekday_pick_the_week() {
        // 2022-02-24 + 3 days is Sunday 2022-02-27: the article is from the week that follows.
        let text = "The ministers spoke by phone on Sunday, three days after Russia invaded \
                    Ukraine.";
        let p = infer(text).expect("a date");
        assert_eq!(
            (p.earliest.as_str(), p.latest.as_str()),
            ("2022-02-27", "2022-02-28")
        );
        // Without the weekday: not before the day it names.
        let p = infer("Talks began two weeks after Russia invaded Ukraine.").expect("a date");
        assert!(p.earliest.as_str() >= "2022-03-07", "{p:?}");
        // Too far from the event's words, or past a comma, the amount is not moved from it.
        let c = clues(&tag(
            "Three days after the vote, the minister said Russia invaded Ukraine.",
        ));
        assert!(!c.iter().any(|c| c.rule == "after-event"), "{c:?}");
    }

    #[test]
    fn a_summit_dates_an_article_that_reports_it() {
        // The G7 summit in Hiroshima: 2023-05-19 to 21; "last month" must cover it.
        let text = "Prime Minister Fumio Kishida said the G7 summit in Hiroshima last month had \
                    been a success.";
        let p = infer(text).expect("a date");
        assert!(p.earliest.as_str() >= "2023-06-01", "{p:?}");
        assert!(p.latest.as_str() <= "2023-06-30", "{p:?}");
        // A place that hosted twice needs its year: Elmau alone dates nothing.
        let c = clues(&tag("The G7 leaders met at Elmau."));
        assert!(!c.iter().any(|c| c.rule == "reported-event"), "{c:?}");
    }

    #[test]
    fn a_general_assembly_session_by_its_number_bounds_an_article() {
        // Session 78 met in September 2023: announced, the article is not newer.
        let c = clues(&tag(
            "The minister will address the 78th session of the UN General Assembly.",
        ));
        let announced = c.iter().find(|c| c.rule == "announced-event");
        assert!(
            announced.is_some_and(|c| c.upper_bound() == Some(d("2023-10-02"))),
            "{c:?}"
        );
        // A number that is no session's ("the 5th") is nothing.
        let c = clues(&tag("It was the 5th meeting of the General Assembly."));
        assert!(!c.iter().any(|c| c.rule.ends_with("-event")), "{c:?}");
    }

    #[test]
    fn an_election_result_dates_an_article_and_a_campaign_does_not() {
        let c = clues(&tag(
            "Macron beat Le Pen in the 2022 election, his second victory over her.",
        ));
        let reported = c.iter().find(|c| c.rule == "reported-event");
        assert!(
            reported.is_some_and(|c| c.lower_bound() == Some(d("2022-04-10"))),
            "{c:?}"
        );
        // Named in the campaign, before polling day: no result word, no clue from the row.
        let c = clues(&tag(
            "Macron led Le Pen in the polls ahead of the 2022 election.",
        ));
        assert!(!c.iter().any(|c| c.rule == "reported-event"), "{c:?}");
    }

    #[test]
    fn how_long_a_leader_has_held_power_dates_an_article() {
        // Alexander Lukashenko: president since 1994-07-20.
        let tenure = |t: &str| {
            clues(&tag(t))
                .into_iter()
                .find(|c| c.rule == "tenure")
                .map(|c| (c.lower_bound(), c.upper_bound()))
        };
        let led = "Lukashenko, who has led Belarus for 26 years, ordered the jet to fly.";
        assert_eq!(
            tenure(led),
            Some((Some(d("2020-01-20")), Some(d("2021-07-20"))))
        );
        let p = infer(led).expect("a date");
        assert_eq!(
            (p.earliest.as_str(), p.latest.as_str()),
            ("2020-01-20", "2021-07-20")
        );
        // "more than": from then on; "nearly": the year before.
        let more = "Lukashenko, in power for more than two decades, spoke.";
        assert_eq!(tenure(more), Some((Some(d("2014-07-20")), Some(today()))));
        let nearly = "Lukashenko has been in office for nearly 20 years.";
        assert_eq!(
            tenure(nearly),
            Some((Some(d("2013-07-20")), Some(d("2014-08-20"))))
        );
        // Power held once bounds only from below; "for" must stand before the length.
        let once = "Lukashenko, who had been in power for 26 years, was gone.";
        assert_eq!(tenure(once), Some((Some(d("2020-01-20")), None)));
        assert_eq!(
            tenure("Lukashenko has led Belarus since 1994 and 26 years on."),
            None
        );
        // A sentence between the name and the length: someone else's.
        assert_eq!(
            tenure("Lukashenko spoke. The party has led for 26 years."),
            None
        );
    }

    #[test]
    fn the_first_weekday_named_is_the_day_of_publication_or_the_day_before() {
        let clue = |t: &str| {
            clues(&tag(t))
                .into_iter()
                .find(|c| c.rule == "lead-weekday")
        };
        let said = clue("The minister said on Friday that talks had failed.").expect("a clue");
        // 2024-03-08 was a Friday: the article is from Friday to Monday.
        for (day, held) in [
            ("2024-03-08", true),
            ("2024-03-09", true),
            ("2024-03-11", true),
            ("2024-03-12", false),
            ("2024-03-07", false),
        ] {
            assert_eq!(said.holds(d(day)), held, "{day}");
        }
        let wed = clue("The minister spoke on Wednesday.").expect("a clue");
        assert!(wed.holds(d("2024-03-14")) && !wed.holds(d("2024-03-15")));
        // A day to come says nothing of the day the article was written.
        assert!(clue("The ministers will meet on Friday.").is_none());
    }

    #[test]
    fn weekdays_named_in_the_past_are_a_few_days_old() {
        let clue = |t: &str| {
            clues(&tag(t))
                .into_iter()
                .find(|c| c.rule == "recent-weekdays")
        };
        // 2024-03-10 was a Sunday: "Sunday" and "on Monday" are both at most three days old
        // only from Monday 11 to Wednesday 13; on Sunday, "Monday" would be six days back.
        let both = clue(
            "The plane was forced down on Sunday. The leaders on Monday also agreed on sanctions.",
        )
        .expect("a clue");
        for (day, held) in [
            ("2024-03-10", false),
            ("2024-03-11", true),
            ("2024-03-13", true),
            ("2024-03-14", false),
        ] {
            assert_eq!(both.holds(d(day)), held, "{day}");
        }
        assert!(clue("The ministers will meet on Friday.").is_none());
        // A Sunday story and a Monday story of the flight: only Monday's names both days.
        let p = infer(
            "Ryanair's flight was diverted to Minsk on Sunday, EU leaders said. The leaders \
             on Monday also decided to ban Belarusian airlines.",
        )
        .expect("a date");
        assert_eq!(
            (p.earliest.as_str(), p.latest.as_str()),
            ("2021-05-24", "2021-05-24")
        );
    }
    #[test]
    fn a_weekday_beside_a_known_event_puts_the_article_in_the_week_after() {
        // The Galwan clash: Monday 2020-06-15. The call "on Wednesday" was reported that day or
        // the next.
        let text = "S Jaishankar spoke to Wang Yi on Wednesday. On Monday, 20 soldiers were \
                    killed in clashes in the Galwan Valley.";
        let p = infer(text).expect("a date");
        assert_eq!(
            (p.earliest.as_str(), p.latest.as_str()),
            ("2020-06-17", "2020-06-18")
        );
        // A day without its year beside the clash: the article is from the months after it (a
        // yearless day is read as the nearest one).
        let p = infer("On 15 June, 20 Indian soldiers were killed in the Galwan Valley.")
            .expect("a date");
        assert_eq!(p.earliest, "2020-06-15");
        assert!(p.latest.as_str() < "2021-06-15", "{}", p.latest);
        // Recalled with its year, the clash says only that the article is later.
        let p = infer("Ties have been cold since the Galwan clash of 2020, Modi said.")
            .expect("a date");
        assert_eq!(p.earliest, "2020-06-15");
    }

    #[test]
    fn officeholders_named_together_leave_the_years_they_shared() {
        // Lula: 2003 to 2010 and since 2023; Xi Jinping: since 2013.
        let p = infer("President Luiz Inácio Lula da Silva met President Xi Jinping in Beijing.")
            .expect("a date");
        assert_eq!(p.earliest, "2023-01-01");
    }

    #[test]
    fn no_lower_bound_no_date() {
        assert!(infer("Officials met on Tuesday to discuss the islands.").is_none());
    }

    #[test]
    fn conflicts_count_the_clues_a_day_breaks() {
        let text = "Prime Minister Fumio Kishida said the invasion of Ukraine by Russia was wrong.";
        // Kishida in office and the invasion past: both clues hold.
        assert_eq!(conflicts(text, d("2022-03-09")), Some((0, 2)));
        // Before the invasion and before Kishida took office: both broken.
        assert_eq!(conflicts(text, d("2020-03-09")), Some((2, 2)));
        assert_eq!(conflicts("Nothing dated here.", d("2020-03-09")), None);
    }
}
