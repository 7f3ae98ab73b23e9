//! Dates as pages print them: `03/09/2014, 14:20`, `26 Apr, 2008 10:20`, `March 22, 2022`,
//! `2024-09-04T10:18`, `Sept. 3, 2014`, a date glued to a site name (`…Tin04/09/2024`).
//! A numeric date whose day and month can be swapped yields both readings.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use rustc_hash::FxHashMap;

use crate::knowledge;

/// How a numeric date was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    Dmy,
    Mdy,
    Ymd,
    /// The month is a word: no ambiguity.
    Named,
}

impl Order {
    pub fn name(self) -> &'static str {
        match self {
            Order::Dmy => "dmy",
            Order::Mdy => "mdy",
            Order::Ymd => "ymd",
            Order::Named => "named",
        }
    }
}

/// One possible reading of a printed date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub date: NaiveDate,
    pub order: Order,
}

/// A date found in a line: where it stands (bytes), its readings (two when day and month can be
/// swapped), and the clock time printed with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    pub start: usize,
    pub end: usize,
    pub readings: Vec<Reading>,
    pub time: Option<(u32, u32)>,
}

pub(crate) static MONTHS: LazyLock<FxHashMap<&'static str, u32>> = LazyLock::new(|| {
    knowledge::rows(include_str!("../../data/time/months.tsv"))
        .map(|r| {
            (
                r[0],
                r[1].parse().expect("data/time/months.tsv: month number"),
            )
        })
        .collect()
});

/// Regex alternation of month names, longest first so "sept" wins over "sep".
pub(crate) fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTHS.keys().copied().collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.join("|")
}

const CLOCK: &str =
    r"(?:\s*[,/|]?\s*(?:at\s+)?(?P<h>\d{1,2}):(?P<min>\d{2})(?:\s*(?P<ampm>[ap])\.?m\.?)?)?";

/// The end of a four-digit year: a word boundary and a clock, or a clock glued to the year, as
/// a page's separate elements come out of a scraper ("Nov 15, 20195:45 AM").
fn year_end() -> String {
    format!(r"(?:\b{CLOCK}|(?P<gh>\d{{1,2}}):(?P<gmin>\d{{2}})(?:\s*(?P<gampm>[ap])\.?m\.?)?\b)")
}

static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let (m, y) = (month_alternation(), year_end());
    [
        r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<min>\d{2}))?".to_string(),
        r"(?P<y>\d{4})[/.](?P<mo>\d{1,2})[/.](?P<d>\d{1,2})\b".to_string() + CLOCK,
        r"(?:^|[^\d/.])(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<y>\d{4})\b".to_string() + CLOCK,
        format!(r"(?i)\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{m})\b\.?(?:,\s*|\s+)(?P<y>\d{{4}}){y}"),
        format!(r"(?i)\b(?P<mon>{m})\b\.?\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<y>\d{{4}}){y}"),
        // Two-digit years, on date lines only ("Sat - 14 June 22", "11/20/19 6:38 AM"): not
        // before a clock's colon, nor inside a longer run of numbers.
        format!(r"(?i)\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{m})\b\.?(?:,\s*|\s+)'?(?P<yy>\d{{2}})(?:$|[^\d:])"),
        format!(r"(?i)\b(?P<mon>{m})\b\.?\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)'(?P<yy>\d{{2}})(?:$|[^\d:])"),
        r"(?:^|[^\d/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<yy>\d{2})(?:$|[^\d/.:])".to_string(),
    ]
    .iter()
    .map(|p| Regex::new(p).expect("date pattern compiles"))
    .collect()
});

/// Every date in `text`, in order of position; overlapping matches keep the first pattern's.
pub fn find_dates(text: &str) -> Vec<DateMatch> {
    // Kept sorted and without overlaps, so that a new match is checked against its two
    // neighbours only (a text of many dates must not compare each with all the others).
    let mut found: Vec<DateMatch> = Vec::new();
    for re in PATTERNS.iter() {
        let mut new = Vec::new();
        for caps in re.captures_iter(text) {
            let Some(m) = read(&caps) else { continue };
            let at = found.partition_point(|f| f.start < m.start);
            let before = at.checked_sub(1).is_some_and(|i| found[i].end > m.start);
            let after = found.get(at).is_some_and(|f| f.start < m.end);
            if !before && !after {
                new.push(m);
            }
        }
        // One pattern's matches do not overlap one another.
        found.extend(new);
        found.sort_by_key(|m| m.start);
    }
    found
}

/// A month and a day without a year, as datelines print them: `July 15`, `Jul. 15`, `15 July`.
pub fn month_day(text: &str) -> Option<(u32, u32)> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        let m = month_alternation();
        Regex::new(&format!(
            r"(?i)^(?:(?P<mon>{m})\.?\s+(?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<mon2>{m})\.?)(?:st|nd|rd|th)?$"
        ))
        .expect("month-day pattern compiles")
    });
    let caps = RE.captures(text.trim())?;
    let mon = caps
        .name("mon")
        .or(caps.name("mon2"))?
        .as_str()
        .to_lowercase();
    let day: u32 = caps.name("d").or(caps.name("d2"))?.as_str().parse().ok()?;
    let month = *MONTHS.get(mon.as_str())?;
    // A day some year has (29 February included).
    NaiveDate::from_ymd_opt(2000, month, day).map(|_| (month, day))
}

fn read(caps: &regex::Captures) -> Option<DateMatch> {
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let year = match (num("y"), num("yy")) {
        (Some(y), _) => y as i32,
        // As POSIX reads `%y`: 69 to 99 are of the 1900s, 00 to 68 of the 2000s.
        (None, Some(yy)) if yy >= 69 => 1900 + yy as i32,
        (None, Some(yy)) => 2000 + yy as i32,
        (None, None) => return None,
    };
    let readings = if let (Some(a), Some(b)) = (num("a"), num("b")) {
        let mut r = Vec::new();
        push(&mut r, year, b, a, Order::Dmy);
        if a != b {
            push(&mut r, year, a, b, Order::Mdy);
        }
        r
    } else if let Some(mon) = caps.name("mon") {
        let month = *MONTHS.get(mon.as_str().to_lowercase().as_str())?;
        let mut r = Vec::new();
        push(&mut r, year, month, num("d")?, Order::Named);
        r
    } else {
        let mut r = Vec::new();
        push(&mut r, year, num("mo")?, num("d")?, Order::Ymd);
        r
    };
    if readings.is_empty() {
        return None;
    }
    // The numeric pattern may have consumed one character before the date, and the two-digit
    // year one after it.
    let whole = caps.get(0)?;
    let first = ["a", "d", "y", "mon"]
        .iter()
        .filter_map(|n| caps.name(n))
        .map(|m| m.start())
        .min()?;
    let end = caps.name("yy").map_or(whole.end(), |m| m.end());
    Some(DateMatch {
        start: first.max(whole.start()),
        end,
        readings,
        time: clock(caps),
    })
}

fn push(out: &mut Vec<Reading>, year: i32, month: u32, day: u32, order: Order) {
    if !(1800..=2200).contains(&year) {
        return;
    }
    if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
        out.push(Reading { date, order });
    }
}

fn clock(caps: &regex::Captures) -> Option<(u32, u32)> {
    let glued = caps.name("gh").is_some();
    let name = |n: &'static str, g: &'static str| caps.name(if glued { g } else { n });
    let mut h: u32 = name("h", "gh")?.as_str().parse().ok()?;
    let min: u32 = name("min", "gmin")?.as_str().parse().ok()?;
    match name("ampm", "gampm").map(|m| m.as_str().to_ascii_lowercase()) {
        Some(p) if p == "p" && h < 12 => h += 12,
        Some(p) if p == "a" && h == 12 => h = 0,
        _ => {}
    }
    (h < 24 && min < 60).then_some((h, min))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    type Clock = Option<(u32, u32)>;

    fn dates(text: &str) -> Vec<(Vec<NaiveDate>, Clock)> {
        find_dates(text)
            .into_iter()
            .map(|m| (m.readings.iter().map(|r| r.date).collect(), m.time))
            .collect()
    }

    #[test]
    fn printed_forms() {
        let cases: &[(&str, &[&str], Clock)] = &[
            (
                "Published 03/09/2014, 14:20",
                &["2014-09-03", "2014-03-09"],
                Some((14, 20)),
            ),
            ("26 Apr, 2008 10:20", &["2008-04-26"], Some((10, 20))),
            (
                "Site NameSite Name04/09/2024",
                &["2024-09-04", "2024-04-09"],
                None,
            ),
            ("March 22, 2022", &["2022-03-22"], None),
            ("Fri March 22, 2013", &["2013-03-22"], None),
            ("22 March 2013", &["2013-03-22"], None),
            ("Sept. 3, 2014 at 2:05 p.m.", &["2014-09-03"], Some((14, 5))),
            ("Fri Nov 2, 2018 / 3:14 PM", &["2018-11-02"], Some((15, 14))),
            ("2024-09-04T10:18:35+07:00", &["2024-09-04"], Some((10, 18))),
            ("25/12/2020", &["2020-12-25"], None),
            ("12.12.2012", &["2012-12-12"], None),
            ("Oct 5,2012", &["2012-10-05"], None),
            ("Mar. 3, 2015 (AFP)--", &["2015-03-03"], None),
            (
                "Wednesday, 7 May 2014, 10:12 GMT",
                &["2014-05-07"],
                Some((10, 12)),
            ),
            ("Sat - 14 June 22", &["2022-06-14"], None),
            ("Posted: 3rd March '98", &["1998-03-03"], None),
            ("Last Updated: Jan 9 '21 at 4:10 pm", &["2021-01-09"], None),
            ("Nov 15, 20195:45 AM", &["2019-11-15"], Some((5, 45))),
            (
                "Published Tue, Nov 19 20197:05 PM EST",
                &["2019-11-19"],
                Some((19, 5)),
            ),
            ("On 11/13/19 at 4:00 PM EST", &["2019-11-13"], None),
            ("20.11.19", &["2019-11-20"], None),
            ("03/09/14", &["2014-09-03", "2014-03-09"], None),
            ("by Example Office / 2016.12.01", &["2016-12-01"], None),
        ];
        for (text, want, time) in cases {
            let got = dates(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            let want: Vec<NaiveDate> = want.iter().map(|s| d(s)).collect();
            assert_eq!(got[0].0, want, "{text}");
            assert_eq!(got[0].1, *time, "{text}");
        }
    }

    #[test]
    fn not_dates() {
        assert!(find_dates("In 1945 the islands were seized.").is_empty());
        assert!(find_dates("Version 1.2.3 and 45/67/8901").is_empty());
        assert!(find_dates("May 32, 2020").is_empty());
        // A day and a month, then a clock: no two-digit year.
        assert!(find_dates("March 3 10:20").is_empty());
        // Nor numbers of other lengths.
        assert!(find_dates("a 1/2/3 split and 11/20/193").is_empty());
        assert!(find_dates("March 3, 201945").is_empty());
        assert!(find_dates("14 June 2022") == find_dates("14 June 2022 "));
    }

    #[test]
    fn a_month_and_a_day() {
        assert_eq!(month_day("July 15"), Some((7, 15)));
        assert_eq!(month_day("Jul. 15"), Some((7, 15)));
        assert_eq!(month_day("15 July"), Some((7, 15)));
        assert_eq!(month_day("Feb 29"), Some((2, 29)));
        assert_eq!(month_day("Feb 30"), None);
        assert_eq!(month_day("July 15, 2006"), None);
        assert_eq!(month_day("Sunday"), None);
    }

    #[test]
    fn span_starts_at_the_date() {
        let text = "Tin04/09/2024";
        let m = &find_dates(text)[0];
        assert_eq!(&text[m.start..m.end], "04/09/2024");
    }
}
