//! Turns what an expression means into a TIMEX3 value and an interval of days, given the
//! reference date (the publication date). Without a reference, anything that needs one keeps
//! `X` digits and no interval.

use crate::document::Granularity;
use chrono::{Datelike, Months, NaiveDate, TimeDelta};

use super::lexicon::Unit;
use super::tagger::{duration_value, Found, Name, Sem};

/// A normalized expression: TIMEX3 type and value, the days it can cover, and whether the
/// value depends on the reference date.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub kind: &'static str,
    pub value: String,
    pub interval: Option<(NaiveDate, NaiveDate)>,
    pub granularity: Option<Granularity>,
    pub anchored: bool,
}

impl Resolved {
    fn date(value: String, interval: (NaiveDate, NaiveDate), granularity: Granularity) -> Self {
        Resolved {
            kind: "DATE",
            value,
            interval: Some(interval),
            granularity: Some(granularity),
            anchored: false,
        }
    }

    fn plain(kind: &'static str, value: String) -> Self {
        Resolved {
            kind,
            value,
            interval: None,
            granularity: None,
            anchored: false,
        }
    }

    fn anchored(mut self) -> Self {
        self.anchored = true;
        self
    }
}

/// Normalizes one expression against `reference`.
pub fn resolve(f: &Found, reference: Option<NaiveDate>) -> Resolved {
    let mut r = meaning(&f.sem, f.tense, reference);
    if let (Some(m), Some(iv)) = (f.modifier, r.interval) {
        r.interval = Some(part(iv, m));
    }
    r
}

/// Normalizes one expression against a reference known to lie between two days.
pub fn resolve_between(f: &Found, reference: Option<(NaiveDate, NaiveDate)>) -> Resolved {
    let Some((from, to)) = reference else {
        return resolve(f, None);
    };
    let a = resolve(f, Some(from));
    if from == to {
        return a;
    }
    let b = resolve(f, Some(to));
    if a.value == b.value {
        return a;
    }
    Resolved {
        value: blur(&a.value, &b.value),
        interval: a
            .interval
            .zip(b.interval)
            .map(|(x, y)| (x.0.min(y.0), x.1.max(y.1))),
        ..a
    }
}

/// The value two readings share: components after the first that differs become `X`s
/// ("2022-03-01" and "2022-03-29" give "2022-03-XX").
fn blur(a: &str, b: &str) -> String {
    let mut differ = false;
    a.split('-')
        .zip(b.split('-'))
        .map(|(x, y)| {
            differ |= x != y;
            if differ {
                x.chars()
                    .map(|c| if c.is_ascii_digit() { 'X' } else { c })
                    .collect()
            } else {
                x.to_string()
            }
        })
        .collect::<Vec<String>>()
        .join("-")
}

fn meaning(sem: &Sem, tense: i32, reference: Option<NaiveDate>) -> Resolved {
    match sem {
        Sem::Date { year, month, day } => calendar(*year, *month, *day, tense, reference),
        Sem::Decade(d) => {
            let from = ymd(d * 10, 1, 1);
            Resolved::date(
                d.to_string(),
                (from, year_end(d * 10 + 9)),
                Granularity::Decade,
            )
        }
        Sem::Century(c) => {
            let from = ymd(c * 100, 1, 1);
            Resolved::date(
                format!("{c:02}"),
                (from, year_end(c * 100 + 99)),
                Granularity::Century,
            )
        }
        Sem::Season { year, season } => match year.or(reference.map(|r| r.year())) {
            Some(y) => Resolved::date(
                format!("{y}-{season}"),
                season_days(y, season),
                Granularity::Season,
            ),
            None => Resolved::plain("DATE", format!("XXXX-{season}")),
        },
        Sem::Quarter {
            year,
            quarter,
            shift,
        } => quarter_of(*year, *quarter, *shift, tense, reference),
        Sem::Shifted { unit, shift } => match reference {
            Some(r) => shifted(*unit, *shift, r).anchored(),
            None => Resolved::plain("DATE", unknown(*unit)),
        },
        Sem::ShiftedName { name, shift } => match reference {
            Some(r) => shifted_name(*name, *shift, r).anchored(),
            None => Resolved::plain("DATE", unknown_name(*name)),
        },
        Sem::MonthOfYear { month, shift } => match reference {
            Some(r) => month_of_year(*month, *shift, r),
            None => Resolved::plain("DATE", format!("XXXX-{month:02}")),
        },
        Sem::Offset { unit, amount, sign } => match (reference, amount) {
            (_, None) => {
                let v = if *sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
                Resolved::plain("DATE", v.to_string())
            }
            (Some(r), Some(a)) => offset(*unit, *a * f64::from(*sign), r).anchored(),
            (None, Some(_)) => Resolved::plain("DATE", unknown(*unit)),
        },
        Sem::Deictic(days) => match reference {
            Some(r) => day_resolved(add_days(r, *days)).anchored(),
            None => Resolved::plain("DATE", "XXXX-XX-XX".to_string()),
        },
        Sem::Weekday(w) => match reference {
            Some(r) => day_resolved(weekday_near(r, *w, tense)).anchored(),
            None => Resolved::plain("DATE", format!("XXXX-WXX-{w}")),
        },
        Sem::Ref(v) => {
            let mut res = Resolved::plain("DATE", v.to_string());
            if let (Some(r), "PRESENT_REF") = (reference, *v) {
                res.interval = Some((r, r));
                res.anchored = true;
            }
            res
        }
        Sem::Duration { unit, amount } => {
            Resolved::plain("DURATION", duration_value(*unit, *amount))
        }
        Sem::Set(v) => Resolved::plain("SET", v.clone()),
        Sem::Part { day, part } => {
            let mut d = meaning(day, tense, reference);
            d.value = format!("{}T{part}", d.value);
            d.kind = "TIME";
            d
        }
        Sem::Clock { day, hour, minute } => {
            let mut d = match day {
                Some(day) => meaning(day, tense, reference),
                None => match reference {
                    Some(r) => day_resolved(r).anchored(),
                    None => Resolved::plain("DATE", "XXXX-XX-XX".to_string()),
                },
            };
            d.value = format!("{}T{hour:02}:{minute:02}", d.value);
            d.kind = "TIME";
            d.granularity = Some(Granularity::Time);
            d
        }
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn year_end(y: i32) -> NaiveDate {
    ymd(y, 12, 31)
}

pub(crate) fn month_end(y: i32, m: u32) -> NaiveDate {
    let first = ymd(y, m, 1);
    first
        .checked_add_months(Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(first)
}

fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    d.checked_add_signed(TimeDelta::days(n)).unwrap_or(d)
}

fn add_months(d: NaiveDate, n: i32) -> NaiveDate {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs()))
    }
    .unwrap_or(d)
}

fn day_resolved(d: NaiveDate) -> Resolved {
    Resolved::date(d.to_string(), (d, d), Granularity::Day)
}

fn month_resolved(y: i32, m: u32) -> Resolved {
    Resolved::date(
        format!("{y}-{m:02}"),
        (ymd(y, m, 1), month_end(y, m)),
        Granularity::Month,
    )
}

fn year_resolved(y: i32) -> Resolved {
    Resolved::date(
        y.to_string(),
        (ymd(y, 1, 1), year_end(y)),
        Granularity::Year,
    )
}

fn week_resolved(d: NaiveDate) -> Resolved {
    let w = d.iso_week();
    let monday = add_days(d, -i64::from(d.weekday().num_days_from_monday()));
    let value = format!("{}-W{:02}", w.year(), w.week());
    Resolved::date(value, (monday, add_days(monday, 6)), Granularity::Week)
}

/// A calendar date; a month or a day without a year takes the year nearest the reference.
fn calendar(
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    tense: i32,
    reference: Option<NaiveDate>,
) -> Resolved {
    let (y, anchored) = match (year, month, reference) {
        (Some(y), ..) => (y, false),
        (None, Some(m), Some(r)) => (year_for(m, day, tense, r), true),
        (None, Some(m), None) => {
            let value = match day {
                Some(d) => format!("XXXX-{m:02}-{d:02}"),
                None => format!("XXXX-{m:02}"),
            };
            return Resolved::plain("DATE", value);
        }
        (None, None, _) => return Resolved::plain("DATE", "XXXX".to_string()),
    };
    let mut r = match (month, day) {
        (Some(m), Some(d)) => match NaiveDate::from_ymd_opt(y, m, d) {
            Some(date) => day_resolved(date),
            None => month_resolved(y, m),
        },
        (Some(m), None) => month_resolved(y, m),
        _ => year_resolved(y),
    };
    r.anchored = anchored;
    r
}

/// The year of a month (and day) named without one: the one that puts it nearest the
/// reference, unless that is over four months away and the clause's tense points the other way ("in
/// August" in a past-tense sentence of March is last August). Measured on TBAQ, the tense
/// decides worse than distance when the nearest candidate is closer (best cut 120 days, flat
/// from 60 to 150).
fn year_for(month: u32, day: Option<u32>, tense: i32, r: NaiveDate) -> i32 {
    let distance = |y: i32| match day.and_then(|d| NaiveDate::from_ymd_opt(y, month, d)) {
        Some(date) => (date - r).num_days(),
        None => 31 * i64::from(y * 12 + month as i32 - (r.year() * 12 + r.month() as i32)),
    };
    let years = r.year() - 1..=r.year() + 1;
    let nearest = years
        .clone()
        .min_by_key(|y| distance(*y).abs())
        .unwrap_or(r.year());
    let d = distance(nearest);
    if d.abs() > 120 && tense != 0 && d.signum() != i64::from(tense) {
        return years
            .filter(|y| distance(*y).signum() == i64::from(tense))
            .min_by_key(|y| distance(*y).abs())
            .unwrap_or(nearest);
    }
    nearest
}

/// The weekday nearest the reference: on or before it for past and unknown tense, on or after it
/// for future (a story names its own day, "said Friday", by the weekday).
fn weekday_near(r: NaiveDate, w: u32, tense: i32) -> NaiveDate {
    let today = i64::from(r.weekday().number_from_monday());
    let target = i64::from(w);
    if tense > 0 {
        add_days(r, (target - today).rem_euclid(7))
    } else {
        add_days(r, -(today - target).rem_euclid(7))
    }
}

fn shifted(unit: Unit, shift: i32, r: NaiveDate) -> Resolved {
    match unit {
        Unit::Year => year_resolved(r.year() + shift),
        Unit::Month => {
            let d = add_months(r, shift);
            month_resolved(d.year(), d.month())
        }
        Unit::Week => week_resolved(add_days(r, 7 * i64::from(shift))),
        Unit::Weekend => {
            let week = week_resolved(add_days(r, 7 * i64::from(shift)));
            let (monday, _) = week.interval.unwrap_or((r, r));
            let sat = add_days(monday, 5);
            Resolved::date(
                format!("{}-WE", week.value),
                (sat, add_days(sat, 1)),
                Granularity::Weekend,
            )
        }
        Unit::Decade => {
            let d = r.year() / 10 + shift;
            meaning(&Sem::Decade(d), 0, None)
        }
        Unit::Century => {
            let c = r.year() / 100 + shift;
            meaning(&Sem::Century(c), 0, None)
        }
        _ => day_resolved(r),
    }
}

fn shifted_name(name: Name, shift: i32, r: NaiveDate) -> Resolved {
    match name {
        Name::Month(m) => {
            let y = match shift {
                0 => r.year(),
                // "last February" in March is a year back; "last April" in October is not.
                s if s < 0 && m + 1 >= r.month() => r.year() - 1,
                s if s > 0 && m <= r.month() => r.year() + 1,
                _ => r.year(),
            };
            month_resolved(y, m)
        }
        Name::Weekday(w) => {
            let today = i64::from(r.weekday().number_from_monday());
            let target = i64::from(w);
            let d = match shift {
                0 => add_days(r, target - today),
                s if s < 0 => add_days(r, -((today - target - 1).rem_euclid(7) + 1)),
                _ => add_days(r, (target - today - 1).rem_euclid(7) + 1),
            };
            day_resolved(d)
        }
        Name::Season(s) => {
            let y = season_year(s, shift, r);
            Resolved::date(format!("{y}-{s}"), season_days(y, s), Granularity::Season)
        }
    }
}

/// "March last year": the month of the year `shift` years from the reference's.
fn month_of_year(month: u32, shift: i32, r: NaiveDate) -> Resolved {
    month_resolved(r.year() + shift, month).anchored()
}

/// The year of "last summer", "this winter", "next spring".
fn season_year(s: &str, shift: i32, r: NaiveDate) -> i32 {
    let y = r.year();
    let (from, to) = season_days(y, s);
    match shift {
        0 => y,
        sh if sh < 0 => y - i32::from(to >= r),
        _ => y + i32::from(from <= r),
    }
}

/// The days of a season in the northern hemisphere; winter runs into the next year.
fn season_days(y: i32, s: &str) -> (NaiveDate, NaiveDate) {
    match s {
        "SP" => (ymd(y, 3, 1), ymd(y, 5, 31)),
        "SU" => (ymd(y, 6, 1), ymd(y, 8, 31)),
        "FA" => (ymd(y, 9, 1), ymd(y, 11, 30)),
        _ => (ymd(y, 12, 1), month_end(y + 1, 2)),
    }
}

fn quarter_of(
    year: Option<i32>,
    quarter: Option<u32>,
    shift: i32,
    tense: i32,
    reference: Option<NaiveDate>,
) -> Resolved {
    let (y, q, anchored) = match (year, quarter, reference) {
        (Some(y), Some(q), _) => (y, q, false),
        (None, Some(q), Some(r)) => {
            let current = (r.month() - 1) / 3 + 1;
            let y = if q > current && tense <= 0 {
                r.year() - 1
            } else {
                r.year()
            };
            (y, q, true)
        }
        (_, None, Some(r)) => {
            let index = r.year() * 4 + ((r.month() - 1) / 3) as i32 + shift;
            (index.div_euclid(4), index.rem_euclid(4) as u32 + 1, true)
        }
        (_, Some(q), None) => return Resolved::plain("DATE", format!("XXXX-Q{q}")),
        (_, None, None) => return Resolved::plain("DATE", "XXXX-QX".to_string()),
    };
    let from = ymd(y, (q - 1) * 3 + 1, 1);
    let to = month_end(y, q * 3);
    let mut r = Resolved::date(format!("{y}-Q{q}"), (from, to), Granularity::Quarter);
    r.anchored = anchored;
    r
}

/// The days `amount` units from `day` ("three days after the invasion"), when the unit is one
/// of the calendar's.
pub(crate) fn moved(unit: Unit, amount: f64, day: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    match unit {
        Unit::Hour | Unit::Minute | Unit::Second | Unit::Weekend => None,
        _ => offset(unit, amount, day).interval,
    }
}

/// "three years ago": the reference moved by an amount, at the amount's unit.
fn offset(unit: Unit, amount: f64, r: NaiveDate) -> Resolved {
    let whole = amount.round() as i64;
    match unit {
        Unit::Year if amount.fract() != 0.0 => {
            let d = add_months(r, (amount * 12.0).round() as i32);
            month_resolved(d.year(), d.month())
        }
        Unit::Year => year_resolved(r.year() + whole as i32),
        Unit::Decade => year_resolved(r.year() + 10 * whole as i32),
        Unit::Century => year_resolved(r.year() + 100 * whole as i32),
        Unit::Month => {
            let d = add_months(r, whole as i32);
            month_resolved(d.year(), d.month())
        }
        Unit::Quarter => {
            let d = add_months(r, 3 * whole as i32);
            quarter_of(None, None, 0, 0, Some(d))
        }
        Unit::Week | Unit::Weekend => week_resolved(add_days(r, 7 * whole)),
        Unit::Day => day_resolved(add_days(r, whole)),
        Unit::Hour | Unit::Minute | Unit::Second => day_resolved(r),
    }
}

fn unknown(unit: Unit) -> String {
    match unit {
        Unit::Month => "XXXX-XX",
        Unit::Week | Unit::Weekend => "XXXX-WXX",
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => "XXXX-XX-XX",
        Unit::Quarter => "XXXX-QX",
        _ => "XXXX",
    }
    .to_string()
}

fn unknown_name(name: Name) -> String {
    match name {
        Name::Month(m) => format!("XXXX-{m:02}"),
        Name::Weekday(w) => format!("XXXX-WXX-{w}"),
        Name::Season(s) => format!("XXXX-{s}"),
    }
}

/// The part of an interval a TIMEX3 `mod` names: a third of it for START, MID and END.
fn part(iv: (NaiveDate, NaiveDate), m: &str) -> (NaiveDate, NaiveDate) {
    let len = (iv.1 - iv.0).num_days() + 1;
    let third = (len / 3).max(1);
    match m {
        "START" => (iv.0, add_days(iv.0, third - 1)),
        "END" => (add_days(iv.1, -(third - 1)), iv.1),
        "MID" => (add_days(iv.0, third), add_days(iv.1, -third)),
        _ => iv,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tagger::tag;
    use super::*;

    fn values(text: &str, reference: &str) -> Vec<(String, String)> {
        let r = NaiveDate::parse_from_str(reference, "%Y-%m-%d").ok();
        let tagged = tag(text);
        tagged
            .found
            .iter()
            .map(|f| (tagged.words(f).to_string(), resolve(f, r).value))
            .collect()
    }

    #[test]
    fn normalizes_against_the_reference() {
        // 2013-03-22 is a Friday.
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("He said Friday", &[("Friday", "2013-03-22")]),
            ("It happened on Wednesday", &[("Wednesday", "2013-03-20")]),
            ("They will meet on Monday", &[("Monday", "2013-03-25")]),
            (
                "last year and next month",
                &[("last year", "2012"), ("next month", "2013-04")],
            ),
            ("this week", &[("this week", "2013-W12")]),
            ("early December", &[("early December", "2012-12")]),
            ("late last July", &[("late last July", "2012-07")]),
            ("four years ago", &[("four years ago", "2009")]),
            ("the past two years", &[("the past two years", "P2Y")]),
            ("a decade", &[("a decade", "P10Y")]),
            ("three-month", &[("three-month", "P3M")]),
            ("the 1990s", &[("the 1990s", "199")]),
            ("the 20th century", &[("the 20th century", "19")]),
            ("May 2010", &[("May 2010", "2010-05")]),
            ("Feb. 28", &[("Feb. 28", "2013-02-28")]),
            (
                "It will start at 15:00 GMT Saturday",
                &[("15:00 GMT Saturday", "2013-03-23T15:00")],
            ),
            ("last summer", &[("last summer", "2012-SU")]),
            ("every morning", &[("every morning", "XXXX-XX-XXTMO")]),
            ("now", &[("now", "PRESENT_REF")]),
            ("the third quarter", &[("the third quarter", "2012-Q3")]),
        ];
        for (text, want) in cases {
            let got = values(text, "2013-03-22");
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn without_a_reference_keeps_unknown_digits() {
        let got = values("last year, on Tuesday, in 1945", "");
        assert_eq!(got[0].1, "XXXX");
        assert_eq!(got[1].1, "XXXX-WXX-2");
        assert_eq!(got[2].1, "1945");
    }
}
