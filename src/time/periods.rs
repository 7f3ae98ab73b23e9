//! Expressions TimeML leaves out but a record of events needs: named periods ("the final days of
//! World War II", from `data/time/periods.tsv`), anniversaries ("the 75th anniversary of …"
//! recalls a year), and ranges ("between 2012 and 2020").

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::resolve::Resolved;
use super::{before, is_word_edge};
use crate::knowledge;

/// An extra expression, with byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct Extra {
    pub start: usize,
    pub end: usize,
    pub resolved: Resolved,
    pub rule: String,
}

struct Period {
    name: &'static str,
    days: (NaiveDate, NaiveDate),
    ending: (NaiveDate, NaiveDate),
    /// For a war or battle, the states on each side.
    sides: Option<[Vec<&'static str>; 2]>,
}

/// A named war or battle: its name, its days and the states fighting on each side.
pub struct War {
    pub name: &'static str,
    pub days: (NaiveDate, NaiveDate),
    pub sides: &'static [Vec<&'static str>; 2],
}

/// The war or battle a period expression's rule (`period:Battle of Khalkhin Gol`) names.
pub fn war(rule: &str) -> Option<War> {
    let (_, name) = rule.split_once(':')?;
    let p = PERIODS.periods.iter().find(|p| p.name == name)?;
    Some(War {
        name: p.name,
        days: p.days,
        sides: p.sides.as_ref()?,
    })
}

struct Periods {
    names: AhoCorasick,
    /// For each name of the automaton, its period.
    of_name: Vec<usize>,
    periods: Vec<Period>,
}

static PERIODS: LazyLock<Periods> = LazyLock::new(|| {
    let day = |s| knowledge::date("data/time/periods.tsv", s);
    let (mut names, mut of_name, mut periods) = (Vec::new(), Vec::new(), Vec::new());
    for r in knowledge::rows(include_str!("../../data/time/periods.tsv")) {
        let all = knowledge::list(r[0]);
        for n in &all {
            names.push(*n);
            of_name.push(periods.len());
        }
        periods.push(Period {
            name: all[0],
            days: (day(r[1]), day(r[2])),
            ending: (day(r[3]), day(r[4])),
            sides: r
                .get(5)
                .copied()
                .filter(|f| !f.is_empty())
                .map(|f| sides(all[0], f)),
        });
    }
    let names = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(names)
        .expect("period names build");
    Periods {
        names,
        of_name,
        periods,
    }
});

/// `SUN|RUS|MNG;JPN`: the states of each side.
fn sides(name: &str, field: &'static str) -> [Vec<&'static str>; 2] {
    match field.split_once(';') {
        Some((a, b)) if !b.contains(';') => [knowledge::list(a), knowledge::list(b)],
        _ => panic!(
            "data/time/periods.tsv: {name}: sides are two groups split by ';', not {field:?}"
        ),
    }
}

/// "the end of", "the final days of", "the outbreak of" right before a period's name.
static PHASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:the\s+)?(end|final|last|closing|beginning|start|outbreak)\s+(?:(?:days|weeks|months|stages)\s+)?of\s+(?:the\s+)?$",
    )
    .expect("phase regex")
});

static ANNIVERSARY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:the\s+)?(\d{1,3})(?:st|nd|rd|th)\s+anniversary\b").expect("anniversary")
});

/// Named periods in `text`, and "the war" where one war was named before it.
pub fn periods(text: &str) -> Vec<Extra> {
    let p = &*PERIODS;
    let mut out = Vec::new();
    for m in p.names.find_iter(text) {
        if is_word_edge(text, m.start()) && is_word_edge(text, m.end()) {
            let period = &p.periods[p.of_name[m.pattern().as_usize()]];
            out.push(extra(text, m.start(), m.end(), period));
        }
    }
    let the_war = the_war(text, &out);
    out.extend(the_war);
    out
}

/// The expression of `period` named at `start..end`, with the phase the words before it give
/// ("the end of", "the outbreak of").
fn extra(text: &str, start: usize, end: usize, period: &Period) -> Extra {
    let lead = before(text, start, 40);
    let lookback = start - lead.len();
    let (start, phase) = match PHASE.captures(lead) {
        Some(c) => (
            lookback + c.get(0).map_or(0, |g| g.start()),
            c[1].to_lowercase(),
        ),
        None => {
            let the = lead.to_ascii_lowercase().ends_with("the ");
            (start - if the { 4 } else { 0 }, String::new())
        }
    };
    let (first, last) = period.days;
    let (value, interval, rule) = match phase.as_str() {
        "" => (format!("{first}/{last}"), period.days, "period"),
        // "at the end of World War II" speaks of its last phase, as "its final days" do.
        "end" | "final" | "last" | "closing" => {
            let (a, b) = period.ending;
            (months_value(a, b), period.ending, "period-final")
        }
        _ => (
            first.year().to_string(),
            (first, year_last(first)),
            "period-start",
        ),
    };
    Extra {
        start,
        end,
        resolved: Resolved {
            kind: "PERIOD",
            value,
            interval: Some(interval),
            granularity: Some(crate::document::Granularity::Day),
            anchored: false,
        },
        rule: format!("{rule}:{}", period.name),
    }
}

/// "the war" (not "the war in Ukraine", not "the war's") after the text has named exactly one
/// war: that war. An article that recalls World War II and then "the end of the war" means
/// its end, not the day the article ran.
fn the_war(text: &str, named: &[Extra]) -> Vec<Extra> {
    let p = &*PERIODS;
    let is_war = |e: &&Extra| {
        let name = e.rule.split_once(':').map_or("", |(_, n)| n);
        name.to_lowercase().contains("war")
    };
    let mut out = Vec::new();
    for m in THE_WAR.find_iter(text) {
        if names_another(text, m.end()) {
            continue;
        }
        let before: Vec<&str> = named
            .iter()
            .filter(|e| e.end <= m.start())
            .filter(is_war)
            .map(|e| e.rule.split_once(':').map_or("", |(_, n)| n))
            .collect();
        let Some(&name) = before.first() else {
            continue;
        };
        if before.iter().any(|n| *n != name) {
            continue;
        }
        let Some(period) = p.periods.iter().find(|q| q.name == name) else {
            continue;
        };
        // The match is "war"; `extra` takes "the" and a phase before it.
        let war = m.end() - 3;
        out.push(extra(text, war, m.end(), period));
    }
    out
}

static THE_WAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bthe\s+war\b").expect("the war regex"));

/// Whether "the war" at `end` goes on to name which war (data/time/which_war.txt).
fn names_another(text: &str, end: usize) -> bool {
    static WORDS: LazyLock<Vec<&'static str>> =
        LazyLock::new(|| knowledge::words(include_str!("../../data/time/which_war.txt")).collect());
    let rest = text[end..].to_lowercase();
    WORDS.iter().any(|w| {
        let after = if w.starts_with(['\'', '\u{2019}']) {
            rest.as_str()
        } else {
            rest.trim_start()
        };
        after
            .strip_prefix(w)
            .is_some_and(|tail| tail.is_empty() || !tail.starts_with(char::is_alphanumeric))
    })
}

fn year_last(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), 12, 31).unwrap_or(d)
}

/// "1945-08/1945-09", or one month when both ends share it.
fn months_value(a: NaiveDate, b: NaiveDate) -> String {
    let (x, y) = (a.format("%Y-%m").to_string(), b.format("%Y-%m").to_string());
    if x == y {
        x
    } else {
        format!("{x}/{y}")
    }
}

/// "the 75th anniversary": the year it recalls, counted back from the reference year.
pub fn anniversaries(text: &str, reference: Option<NaiveDate>) -> Vec<Extra> {
    ANNIVERSARY
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let years: i32 = c[1].parse().ok()?;
            let (value, interval) = match reference {
                Some(r) => {
                    let y = r.year() - years;
                    let first = NaiveDate::from_ymd_opt(y, 1, 1)?;
                    (y.to_string(), Some((first, year_last(first))))
                }
                None => ("XXXX".to_string(), None),
            };
            Some(Extra {
                start: whole.start(),
                end: whole.end(),
                resolved: Resolved {
                    kind: "ANNIVERSARY",
                    value,
                    interval,
                    granularity: Some(crate::document::Granularity::Year),
                    anchored: reference.is_some(),
                },
                rule: "anniversary".to_string(),
            })
        })
        .collect()
}

/// A range between two dates found in `text` at byte spans `a` and `b` (in order), when the
/// words around them make one: "between A and B", "from A to B", "A-B".
pub fn range(text: &str, a: (usize, usize), b: (usize, usize)) -> Option<usize> {
    let gap = text.get(a.1..b.0)?;
    if gap.len() > 12 {
        return None;
    }
    let gap = gap.trim().to_ascii_lowercase();
    // Only the few words before the first date matter ("between", "from").
    let lead = before(text, a.0, 16);
    let from = a.0 - lead.len();
    let before = lead.trim_end().to_ascii_lowercase();
    let opener = |w: &str| before.ends_with(w) && is_word_edge(&before, before.len() - w.len());
    let start = match gap.as_str() {
        "and" if opener("between") => from + before.len() - "between".len(),
        "to" | "until" | "through" if opener("from") => from + before.len() - "from".len(),
        "-" | "–" | "—" => a.0,
        _ => return None,
    };
    Some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_and_their_phases() {
        let text = "The Soviet Union seized them in the final days of World War II. \
                    The end of World War Two came in 1945; the Cold War followed.";
        let got: Vec<(&str, String)> = periods(text)
            .into_iter()
            .map(|e| (&text[e.start..e.end], e.resolved.value))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "the final days of World War II",
                    "1945-08/1945-09".to_string()
                ),
                ("The end of World War Two", "1945-08/1945-09".to_string()),
                ("the Cold War", "1947-03-12/1991-12-26".to_string()),
            ]
        );
    }

    #[test]
    fn the_war_is_the_one_war_named_before() {
        let value = |text: &str| -> Vec<String> {
            periods(text)
                .into_iter()
                .filter(|e| text[e.start..e.end].to_lowercase().contains("the war"))
                .map(|e| e.resolved.value)
                .collect()
        };
        let text = "Japan must accept the results of World War II. The islands were seized at \
                    the end of the war.";
        assert_eq!(value(text), ["1945-08/1945-09"]);
        // Another war named after it, or no war named before: nothing.
        assert!(value("The islands were seized at the end of the war.").is_empty());
        assert!(value("After World War II came the war in Korea.").is_empty());
        let two = "World War I and World War II shaped it; the war ended in 1945.";
        assert!(value(two).is_empty());
    }

    #[test]
    fn anniversaries_recall_a_year() {
        let r = NaiveDate::from_ymd_opt(2014, 9, 3);
        let a = anniversaries("marking the 75th anniversary of the battle", r);
        assert_eq!(a[0].resolved.value, "1939");
    }

    #[test]
    fn ranges() {
        let t = "meetings between 2012 and 2020, war from 1939 to 1945, 2009-2010";
        assert_eq!(range(t, (17, 21), (26, 30)), Some(9));
        assert_eq!(range(t, (41, 45), (49, 53)), Some(36));
        assert_eq!(range(t, (55, 59), (60, 64)), Some(55));
        assert_eq!(range(t, (17, 21), (41, 45)), None);
        // Letters of several bytes before the first date cut no character in two.
        let t = "Đại hội từ năm 2012 đến 2020, between 2012 and 2020";
        let a = t.rfind("2012").unwrap();
        let b = t.rfind("2020").unwrap();
        assert_eq!(range(t, (a, a + 4), (b, b + 4)), t.find("between"));
    }
}
