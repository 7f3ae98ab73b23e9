//! When a document was published, from the date lines of the page. When day and month can be
//! swapped (`03/09/2014`), the reading is chosen by, in order:
//! 1. weekday words in the text: the story's "on Wednesday" should be the publication day or
//!    just before it (just after it for "will … on Monday");
//! 2. the outlet's or site's date order (`data/clean/outlets.tsv`, `data/time/date_order.tsv`);
//! 3. other dates in the text ("September 3"): the publication follows them closely;
//! 4. the text's dating clues (`infer`): offices held by the people named, known events.

use std::cell::OnceCell;

use chrono::{Datelike, NaiveDate};

use super::infer::{self, Clue};
use super::stated::{Order, Reading};
use super::tagger::{Sem, Tagged};
use crate::clean::DateLine;
use crate::document::{Evidence, Published, PublishedBasis};

/// The publication date stated on the page, or `None` when no date line holds one.
pub fn published(
    date_lines: &[DateLine],
    body: &Tagged,
    date_order: Option<&str>,
) -> Option<Published> {
    let line = pick_line(date_lines)?;
    let found = &line.found;
    let mut evidence = vec![Evidence {
        rule: line.rule.to_string(),
        text: line.text.clone(),
        line: Some(line.line),
    }];
    let readings = bounded_by_update(&found.readings, date_lines, line, &mut evidence);
    let reading = choose(&readings, body, date_order, &mut evidence);
    let day = reading.date.to_string();
    let value = match found.time {
        Some((h, m)) => format!("{day}T{h:02}:{m:02}"),
        None => day.clone(),
    };
    Some(Published {
        value,
        earliest: day.clone(),
        latest: day,
        basis: PublishedBasis::Stated,
        evidence,
    })
}

/// The first publication line with a date; an update line only when there is no other.
fn pick_line(lines: &[DateLine]) -> Option<&DateLine> {
    lines.iter().find(|l| !l.updated).or_else(|| lines.first())
}

/// A page is published before it is updated: the readings of the publication line that an
/// update line of the page allows (all of them when it allows none).
fn bounded_by_update(
    readings: &[Reading],
    lines: &[DateLine],
    picked: &DateLine,
    evidence: &mut Vec<Evidence>,
) -> Vec<Reading> {
    let update = lines
        .iter()
        .filter(|l| l.updated && !std::ptr::eq(*l, picked))
        .filter_map(|l| Some((l, l.found.readings.iter().map(|r| r.date).max()?)))
        .max_by_key(|(_, day)| *day);
    let Some((line, last)) = update else {
        return readings.to_vec();
    };
    let kept: Vec<Reading> = readings
        .iter()
        .copied()
        .filter(|r| r.date <= last)
        .collect();
    if kept.is_empty() {
        return readings.to_vec();
    }
    evidence.push(Evidence {
        rule: "update-bounds".to_string(),
        text: line.text.clone(),
        line: Some(line.line),
    });
    kept
}

fn choose(
    readings: &[Reading],
    body: &Tagged,
    order: Option<&str>,
    evidence: &mut Vec<Evidence>,
) -> Reading {
    if readings.len() == 1 {
        return readings[0];
    }
    // The content's clues are gathered once, and only if the cheaper rules do not decide.
    let clues: OnceCell<Vec<Clue>> = OnceCell::new();
    for rule in ["weekday", "date-order", "other-dates", "content"] {
        let fit = |r: &Reading| match rule {
            "weekday" => weekday_fit(r.date, body),
            "date-order" => order_fit(r, order),
            "other-dates" => other_dates_fit(r.date, body),
            _ => content_fit(r.date, clues.get_or_init(|| infer::clues(body))),
        };
        let scored: Vec<(Reading, i64, String)> = readings
            .iter()
            .filter_map(|r| fit(r).map(|(s, why)| (*r, s, why)))
            .collect();
        let Some(best) = scored.iter().min_by_key(|(_, s, _)| *s) else {
            continue;
        };
        let unique = scored.iter().filter(|(_, s, _)| *s == best.1).count() == 1;
        if scored.len() == readings.len() && unique {
            let why: Vec<String> = scored.iter().map(|(_, _, w)| w.clone()).collect();
            evidence.push(Evidence {
                rule: rule.to_string(),
                text: why.join("; "),
                line: None,
            });
            return best.0;
        }
    }
    evidence.push(Evidence {
        rule: "ambiguous".to_string(),
        text: "day and month can be swapped and nothing decides: read as day/month".to_string(),
        line: None,
    });
    readings
        .iter()
        .copied()
        .find(|r| r.order == Order::Dmy)
        .unwrap_or(readings[0])
}

/// How well a reading fits one rule: a cost (lower fits better) and a sentence saying why;
/// `None` when the rule has nothing to go on.
type Fit = Option<(i64, String)>;

/// Days between the reading and the weekdays the text names (before it for past mentions, after
/// it for future ones); the smallest over all mentions. `None` when the text names no weekday.
fn weekday_fit(date: NaiveDate, body: &Tagged) -> Fit {
    let mut best: Option<(i64, &str)> = None;
    for f in &body.found {
        let Some(wd) = f.sem.weekday() else { continue };
        let (a, b) = (
            i64::from(date.weekday().number_from_monday()),
            i64::from(wd),
        );
        let gap = if f.tense > 0 {
            (b - a).rem_euclid(7)
        } else {
            (a - b).rem_euclid(7)
        };
        if best.is_none_or(|(g, _)| gap < g) {
            best = Some((gap, body.words(f)));
        }
    }
    let (gap, name) = best?;
    Some((
        gap,
        format!(
            "{date} is a {}: '{name}' is {gap} day(s) away",
            weekday_name(date)
        ),
    ))
}

fn weekday_name(date: NaiveDate) -> &'static str {
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ][date.weekday().num_days_from_monday() as usize]
}

/// How many of the text's dating clues (offices held, known events, reported dates; see
/// `infer`) the reading breaks.
fn content_fit(date: NaiveDate, clues: &[Clue]) -> Fit {
    let (broken, total) = infer::conflicts(clues, date)?;
    Some((
        broken as i64,
        format!("{date} breaks {broken} of the text's {total} dating clues"),
    ))
}

fn order_fit(r: &Reading, order: Option<&str>) -> Fit {
    let order = order?;
    let fits = r.order.name() == order;
    Some((
        i64::from(!fits),
        format!(
            "{} read as {} {} the site's {order} order",
            r.date,
            r.order.name(),
            if fits { "fits" } else { "does not fit" }
        ),
    ))
}

/// Days from the closest earlier "Month Day" the text names to the reading; a reading that
/// precedes every such date fits badly.
fn other_dates_fit(date: NaiveDate, body: &Tagged) -> Fit {
    let mentions = body.found.iter().filter_map(|f| match f.sem {
        Sem::Date {
            month: Some(m),
            day: Some(d),
            ..
        } => NaiveDate::from_ymd_opt(date.year(), m, d),
        _ => None,
    });
    let cost = mentions
        .map(|mention| {
            let gap = (date - mention).num_days();
            if gap >= 0 {
                gap
            } else {
                1000 - gap
            }
        })
        .min()?;
    Some((
        cost,
        format!("{date} is {cost} day(s) after the closest date the text names"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::tag;

    /// The rules on a body given as text.
    fn published(lines: &[DateLine], body: &str, order: Option<&str>) -> Option<Published> {
        super::published(lines, &tag(body), order)
    }

    fn line(text: &str) -> Vec<DateLine> {
        vec![DateLine {
            line: 1,
            text: text.to_string(),
            updated: false,
            rule: "date-line",
            found: crate::time::stated::find_dates(text)
                .into_iter()
                .next()
                .expect("a date in the test line"),
        }]
    }

    #[test]
    fn weekday_decides_day_and_month() {
        // 3 Sep 2014 was a Wednesday; 9 Mar 2014 a Sunday.
        let p = published(
            &line("Published 03/09/2014, 14:20"),
            "He arrived on Wednesday.",
            Some("mdy"),
        )
        .unwrap();
        assert_eq!(p.value, "2014-09-03T14:20");
        assert_eq!(p.evidence[1].rule, "weekday");
    }

    #[test]
    fn future_weekdays_look_forward() {
        // 5 Jun 2021 is a Saturday, 6 May 2021 a Thursday: "will meet on Monday" fits both
        // 2 and 4 days ahead; the nearer wins.
        let p = published(&line("05/06/2021"), "They will meet on Monday.", None).unwrap();
        assert_eq!(p.earliest, "2021-06-05");
    }

    #[test]
    fn site_order_then_other_dates() {
        let p = published(&line("04/09/2024"), "No weekday here.", Some("dmy")).unwrap();
        assert_eq!(p.earliest, "2024-09-04");
        let p = published(
            &line("04/09/2024"),
            "The visit on September 3 went well.",
            None,
        )
        .unwrap();
        assert_eq!(p.earliest, "2024-09-04");
        assert_eq!(p.evidence[1].rule, "other-dates");
        let p = published(
            &line("09/04/2024"),
            "The visit on September 3 went well.",
            None,
        )
        .unwrap();
        assert_eq!(p.earliest, "2024-09-04");
    }

    #[test]
    fn content_decides_when_nothing_else_does() {
        // 10 Feb 2022 is before Russia's invasion of Ukraine, which the story reports as past.
        let body = "Japan joined sanctions after Russia's invasion of Ukraine, officials said.";
        let p = published(&line("10/02/2022"), body, None).unwrap();
        assert_eq!(p.earliest, "2022-10-02");
        assert_eq!(p.evidence[1].rule, "content");
    }

    #[test]
    fn undecided_reads_day_first_and_says_so() {
        let p = published(&line("04/09/2024"), "Nothing to go on.", None).unwrap();
        assert_eq!(p.earliest, "2024-09-04");
        assert_eq!(p.evidence.last().unwrap().rule, "ambiguous");
    }

    #[test]
    fn named_months_need_no_rule() {
        let p = published(&line("26 Apr, 2008 10:20"), "", None).unwrap();
        assert_eq!(
            (p.value.as_str(), p.evidence.len()),
            ("2008-04-26T10:20", 1)
        );
        assert!(published(&[], "", None).is_none());
    }
}
