//! Finds time expressions in text and says what each means, before any reference date is known.
//! The grammar is written here (it is the product); the words it reads are in
//! `data/time/lexicon.tsv`. Extents follow TimeML: a leading "the", "early"/"late" and "about"
//! belong to the expression; "in", "on", "since" and "more than" do not.

use std::sync::LazyLock;

use super::lexicon::{self as lex, tokenize, Lex, Shape, Token, Unit};
use crate::knowledge;

/// What an expression means, relative to a reference date still unknown.
#[derive(Debug, Clone, PartialEq)]
pub enum Sem {
    /// A calendar date, possibly partial: "March 22, 2013", "May 2010", "September 3", "1945".
    Date {
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
    },
    Weekday(u32),
    /// "the 1990s": the first three digits of the years.
    Decade(i32),
    /// "the 20th century": the first two digits of the years.
    Century(i32),
    Season {
        year: Option<i32>,
        season: &'static str,
    },
    Quarter {
        year: Option<i32>,
        quarter: Option<u32>,
        shift: i32,
    },
    /// "last year", "this week", "next month", "this century".
    Shifted {
        unit: Unit,
        shift: i32,
    },
    /// "last October", "this summer", "next Monday".
    ShiftedName {
        name: Name,
        shift: i32,
    },
    /// "March last year": a month of the year `shift` years from the reference's.
    MonthOfYear {
        month: u32,
        shift: i32,
    },
    /// "a year ago", "three days later", "year-earlier".
    Offset {
        unit: Unit,
        amount: Option<f64>,
        sign: i32,
    },
    /// "today", "yesterday", "tomorrow".
    Deictic(i64),
    /// PRESENT_REF, PAST_REF, FUTURE_REF.
    Ref(&'static str),
    Duration {
        unit: Unit,
        amount: Option<f64>,
    },
    /// A recurrence, already a TIMEX3 value or a unit to count ("every two years").
    Set(String),
    /// A part of a day: "Friday night", "this morning", "tonight".
    Part {
        day: Box<Sem>,
        part: &'static str,
    },
    /// A clock time, on a day when one is named ("15:00 GMT Saturday").
    Clock {
        day: Option<Box<Sem>>,
        hour: u32,
        minute: u32,
    },
}

impl Sem {
    /// The weekday named alone, also with a part of day or a clock time ("Friday night").
    pub fn weekday(&self) -> Option<u32> {
        match self {
            Sem::Weekday(w) => Some(*w),
            Sem::Part { day, .. } => day.weekday(),
            Sem::Clock { day: Some(day), .. } => day.weekday(),
            _ => None,
        }
    }
}

/// A month, weekday or season named without a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Name {
    Month(u32),
    Weekday(u32),
    Season(&'static str),
}

/// A time expression found in the text: token range, meaning, TIMEX3 `mod`, and the grammar
/// rule that matched (kept as provenance).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
    pub modifier: Option<&'static str>,
    pub rule: &'static str,
    /// The tense of the clause before the expression: -1 past, 1 future, 0 unknown.
    pub tense: i32,
}

/// A text tagged once: its tokens and time expressions (as token ranges). The publication-date
/// rules, the inference of undated texts and the normalizer all read the same tagging.
pub struct Tagged<'a> {
    pub text: &'a str,
    pub toks: Vec<Token<'a>>,
    pub found: Vec<Found>,
}

impl<'a> Tagged<'a> {
    /// The byte range of an expression.
    pub fn span(&self, f: &Found) -> (usize, usize) {
        (self.toks[f.start].start, self.toks[f.end - 1].end)
    }

    /// The words of an expression.
    pub fn words(&self, f: &Found) -> &'a str {
        let (a, b) = self.span(f);
        &self.text[a..b]
    }
}

/// Tags every time expression of `text`.
pub fn tag(text: &str) -> Tagged<'_> {
    let toks = tokenize(text);
    let mut found = Vec::new();
    let grammar = Grammar { t: &toks };
    let mut i = 0;
    while i < toks.len() {
        match grammar.at(i) {
            Some(mut f) => {
                f.tense = tense(&toks, f.start);
                i = f.end;
                if !quoted_title(&toks, &f) {
                    found.push(f);
                }
            }
            None => i += 1,
        }
    }
    Tagged { text, toks, found }
}

/// Whether an expression of several words is the capitalized start of a quoted title inside a
/// sentence: Baker said on ABC-TV's "This Week With David Brinkley", a show, not a week.
fn quoted_title(toks: &[Token], f: &Found) -> bool {
    let words = &toks[f.start..f.end];
    let words_of = || words.iter().filter(|t| t.shape == Shape::Word);
    let capitalized = words_of().all(|t| t.text.starts_with(char::is_uppercase));
    // Months and weekdays are capitalized anywhere: "the "October 1998 accord"" is a date.
    let named = |t: &&Token| {
        t.find(|l| matches!(l, Lex::Month(_) | Lex::Weekday(_)).then_some(()))
            .is_some()
    };
    let capitalized = capitalized && !words_of().any(|t| named(&t));
    let quote = f.start.checked_sub(1).map(|k| toks[k].text);
    let inside = f
        .start
        .checked_sub(2)
        .is_some_and(|k| !matches!(toks[k].text, "." | "!" | "?" | ":"));
    words.len() > 1 && capitalized && matches!(quote, Some("\"" | "“")) && inside
}

/// Words outside the lexicon that can open an expression ("the past", "at the time").
const OPENERS: [&str; 5] = ["the", "at", "fiscal", "noon", "midnight"];

/// A partial match: the token just past it, its meaning, and the rule's name.
type Part = (usize, Sem, &'static str);

struct Grammar<'t, 'a> {
    t: &'t [Token<'a>],
}

impl Grammar<'_, '_> {
    fn tok(&self, i: usize) -> Option<&Token<'_>> {
        self.t.get(i)
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.tok(i).is_some_and(|t| t.is(word))
    }

    fn lex<T>(&self, i: usize, f: impl Fn(&Lex) -> Option<T>) -> Option<T> {
        self.tok(i).and_then(|t| t.find(f))
    }

    /// The longest expression starting at token `i`.
    fn at(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        // Most tokens start nothing: skip them before trying the rules.
        let inert =
            t.shape == Shape::Punct && t.text != "'" || t.lex.is_empty() && t.shape == Shape::Word;
        if inert && !OPENERS.iter().any(|w| t.is(w)) {
            return None;
        }
        let found = |(end, sem, rule): Part, modifier| Found {
            start: i,
            end,
            sem,
            modifier,
            rule,
            tense: 0,
        };
        if let Some((m, j)) = self.approx(i) {
            if let Some(p) = self.amount(j).or_else(|| self.offset(j)) {
                let p = self.offset_after(&p).unwrap_or(p);
                return Some(found(p, Some(m)));
            }
        }
        if let Some((m, j)) = self.part_of(i) {
            if let Some(p) = self.core(j) {
                if is_period(&p.1) {
                    return Some(found(p, Some(m)));
                }
            }
        }
        self.core(i).map(|p| found(p, None))
    }

    /// "about", "nearly", "almost" before an amount.
    fn approx(&self, i: usize) -> Option<(&'static str, usize)> {
        let m = self.lex(i, lex::approx)?;
        Some((m, i + 1))
    }

    /// "early", "late", "mid-", "earlier", "the end of", "the beginning of", "the middle of".
    fn part_of(&self, i: usize) -> Option<(&'static str, usize)> {
        let the = usize::from(self.is(i, "the"));
        let j = i + the;
        let m = self.lex(j, lex::modifier)?;
        let word = self.tok(j)?;
        let noun = ["end", "beginning", "start", "middle"]
            .iter()
            .any(|w| word.is(w));
        if noun {
            return self.is(j + 1, "of").then_some((m, j + 2));
        }
        if the == 1 {
            return None;
        }
        let k = if self.is(j + 1, "-") { j + 2 } else { j + 1 };
        Some((m, k))
    }

    fn core(&self, i: usize) -> Option<Part> {
        let rules: [fn(&Self, usize) -> Option<Part>; 15] = [
            Self::season,
            Self::month_date,
            Self::day_month,
            Self::weekday,
            Self::year,
            Self::decade,
            Self::century,
            Self::quarter,
            Self::shifted,
            Self::span,
            Self::amount_or_offset,
            Self::deictic,
            Self::reference,
            Self::set,
            Self::clock,
        ];
        rules.iter().filter_map(|r| r(self, i)).max_by_key(|p| p.0)
    }

    fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        let m = t.find(lex::month)?;
        let dot = self.is(i + 1, ".");
        // Short forms count only with their period or before a number ("Jan. 14", "Sept 3").
        let short = t.text.len() <= 4 && !["june", "july", "may"].iter().any(|w| t.is(w));
        let next_number = self.tok(i + 1 + usize::from(dot)).is_some_and(|n| {
            n.shape == Shape::Digits || n.shape == Shape::Mixed && day_of(n.text).is_some()
        });
        if short && !dot && !next_number {
            return None;
        }
        Some((m, i + 1 + usize::from(dot && short)))
    }

    /// "March 22, 2013", "Jan. 14", "May 2010", "March last year", and a month alone.
    fn month_date(&self, i: usize) -> Option<Part> {
        let (month, j) = self.month_at(i)?;
        if let Some(day) = self.tok(j).and_then(|t| day_of(t.text)) {
            let mut k = j + 1;
            k += usize::from(self.is(k, ","));
            if let Some(year) = self.tok(k).and_then(|t| year_of(t.text)) {
                return Some((
                    k + 1,
                    date(Some(year), Some(month), Some(day)),
                    "month-day-year",
                ));
            }
            return Some((j + 1, date(None, Some(month), Some(day)), "month-day"));
        }
        let k = j + usize::from(self.is(j, ",") || self.is(j, "of"));
        if let Some(year) = self.tok(k).and_then(|t| year_of(t.text)) {
            return Some((k + 1, date(Some(year), Some(month), None), "month-year"));
        }
        if let Some((end, shift)) = self.year_shift(j) {
            return Some((end, Sem::MonthOfYear { month, shift }, "month-shifted-year"));
        }
        self.month_alone(i, month)
            .then(|| (j, date(None, Some(month), None), "month"))
    }

    /// "last year", "this year", "next year" right after a month or season.
    fn year_shift(&self, j: usize) -> Option<(usize, i32)> {
        let shift = self.lex(j, lex::shift)?;
        self.is(j + 1, "year").then_some((j + 2, shift))
    }

    /// A month named alone is a date only when it looks like one: capitalized, and for "May"
    /// and "March" (also a verb and a noun) after a word that introduces a time ("in May",
    /// "early March", "last May").
    fn month_alone(&self, i: usize, month: u32) -> bool {
        let t = &self.t[i];
        if !t.capitalized() {
            return false;
        }
        if month != 5 && month != 3 {
            return true;
        }
        let before = i.checked_sub(1).and_then(|p| self.tok(p));
        before.is_some_and(|b| {
            b.text == "-"
                || b.has(Lex::Intro)
                || b.find(lex::modifier).is_some()
                || b.find(lex::shift).is_some()
        })
    }

    /// "22 March 2013", "3 September".
    fn day_month(&self, i: usize) -> Option<Part> {
        let day = day_of(self.tok(i)?.text)?;
        let j = i + 1 + usize::from(self.is(i + 1, "of"));
        let (month, k) = self.month_at(j)?;
        let l = k + usize::from(self.is(k, ","));
        if let Some(year) = self.tok(l).and_then(|t| year_of(t.text)) {
            return Some((
                l + 1,
                date(Some(year), Some(month), Some(day)),
                "day-month-year",
            ));
        }
        Some((k, date(None, Some(month), Some(day)), "day-month"))
    }

    /// "Friday", "Friday night", "Friday, March 22", "Friday's".
    fn weekday(&self, i: usize) -> Option<Part> {
        let t = self.tok(i)?;
        let wd = t.find(lex::weekday)?;
        // Abbreviations ("Fri.", "Thurs.") only with their period: "Sun" is also a newspaper.
        let short = t.text.len() < "monday".len();
        if !t.capitalized() || short && !self.is(i + 1, ".") {
            return None;
        }
        let j = i + 1 + usize::from(self.is(i + 1, ","));
        if let Some(p) = self.month_date(j).or_else(|| self.day_month(j)) {
            if matches!(p.1, Sem::Date { day: Some(_), .. }) {
                return Some((p.0, p.1, "weekday-date"));
            }
        }
        let day = Sem::Weekday(wd);
        if let Some(part) = self.lex(i + 1, lex::daypart) {
            let sem = Sem::Part {
                day: Box::new(day),
                part,
            };
            return Some((i + 2, sem, "weekday-part"));
        }
        Some((i + 1, day, "weekday"))
    }

    /// A year standing alone: "1945", "in 2010", "fiscal 1998".
    fn year(&self, i: usize) -> Option<Part> {
        let fiscal = self.is(i, "fiscal");
        let j = i + usize::from(fiscal) + usize::from(fiscal && self.is(i + 1, "year"));
        let t = self.tok(j)?;
        let year = year_of(t.text)?;
        let before = j.checked_sub(1).and_then(|p| self.tok(p));
        if before.is_some_and(|b| !t.spaced && matches!(b.text, "$" | "." | "," | "/" | ":")) {
            return None;
        }
        let after = self.tok(j + 1);
        if after.is_some_and(|a| {
            !a.spaced && matches!(a.text, "%" | "," | "/" | ":" | ".") && {
                self.tok(j + 2)
                    .is_some_and(|n| n.shape == Shape::Digits && !n.spaced)
            }
        }) {
            return None;
        }
        let introduced = before.is_some_and(|b| b.has(Lex::Intro));
        if !(1900..=2099).contains(&year) && !introduced && !fiscal {
            return None;
        }
        Some((j + 1, date(Some(year), None, None), "year"))
    }

    /// "the summer", "summer 2012", "the spring of 1945".
    fn season(&self, i: usize) -> Option<Part> {
        let the = self.is(i, "the");
        let j = i + usize::from(the);
        let season = self.lex(j, lex::season)?;
        let k = j + 1 + usize::from(self.is(j + 1, "of"));
        let year = self.tok(k).and_then(|t| year_of(t.text));
        let end = if year.is_some() { k + 1 } else { j + 1 };
        if !the && year.is_none() {
            return None;
        }
        Some((end, Sem::Season { year, season }, "season"))
    }

    /// "the 1990s", "1990s", "the '90s".
    fn decade(&self, i: usize) -> Option<Part> {
        let j = i + usize::from(self.is(i, "the"));
        let (k, digits) = if self.is(j, "'") {
            (j + 1, self.tok(j + 1)?.text)
        } else {
            (j, self.tok(j)?.text)
        };
        let num = digits.strip_suffix('s')?;
        let value: i32 = num.parse().ok()?;
        let decade = match num.len() {
            4 if value % 10 == 0 && (1000..2100).contains(&value) => value / 10,
            2 if value % 10 == 0 => 190 + value / 10,
            _ => return None,
        };
        Some((k + 1, Sem::Decade(decade), "decade"))
    }

    /// "the 20th century", "the nineteenth century", "this century".
    fn century(&self, i: usize) -> Option<Part> {
        let j = i + usize::from(self.is(i, "the"));
        let t = self.tok(j)?;
        let n = t.find(lex::ordinal).or_else(|| ordinal_digits(t.text))?;
        if !self.is(j + 1, "century") || n == 0 {
            return None;
        }
        Some((j + 2, Sem::Century(n as i32 - 1), "century"))
    }

    /// "the third quarter", "third-quarter", "the latest quarter", "the first quarter of 2012".
    fn quarter(&self, i: usize) -> Option<Part> {
        let mut j = i + usize::from(self.is(i, "the"));
        j += usize::from(self.is(j, "fiscal"));
        let t = self.tok(j)?;
        // "the latest quarter"; "the quarter" in a report is the one just ended.
        if t.is("latest") && self.is(j + 1, "quarter") {
            return Some((j + 2, last_quarter(), "quarter"));
        }
        if t.is("quarter") && j > i {
            return Some((j + 1, last_quarter(), "quarter"));
        }
        let (quarter, shift) = match (t.find(lex::ordinal), t.find(lex::shift)) {
            (Some(n), _) => (Some(n), 0),
            (None, Some(s)) => (None, s),
            (None, None) => return None,
        };
        let k = j + 1 + usize::from(self.is(j + 1, "-"));
        if !self.is(k, "quarter") || quarter.is_some_and(|q| !(1..=4).contains(&q)) {
            return None;
        }
        let of_year = self.is(k + 1, "of");
        let year = self
            .tok(k + 2)
            .filter(|_| of_year)
            .and_then(|t| year_of(t.text));
        let end = if year.is_some() { k + 3 } else { k + 1 };
        let sem = Sem::Quarter {
            year,
            quarter,
            shift,
        };
        Some((end, sem, "quarter"))
    }

    /// "last year", "this week", "next month", "last October", "this summer", "this morning".
    fn shifted(&self, i: usize) -> Option<Part> {
        let the = usize::from(self.is(i, "the"));
        let j = i + the;
        let shift = self.lex(j, lex::shift)?;
        let next = self.tok(j + 1)?;
        let end = j + 2;
        if let Some(unit) = next.find(lex::unit) {
            let plural = next.text.ends_with('s');
            if plural || unit.is_clock() {
                return None;
            }
            // "the next day" counts from another event, "next quarter" is read by `quarter`,
            // and "the past decade" is a duration (read by `span`).
            let long = matches!(unit, Unit::Decade | Unit::Century);
            if unit == Unit::Day && shift != 0 || unit == Unit::Quarter || long && the == 1 {
                return None;
            }
            return Some((end, Sem::Shifted { unit, shift }, "shifted-unit"));
        }
        if the == 1 {
            return None;
        }
        if let Some(part) = next.find(lex::daypart).filter(|_| shift == 0) {
            let sem = Sem::Part {
                day: Box::new(Sem::Deictic(0)),
                part,
            };
            return Some((end, sem, "this-daypart"));
        }
        let name = next.find(|l| match l {
            Lex::Month(m) => Some(Name::Month(*m)),
            Lex::Weekday(w) => Some(Name::Weekday(*w)),
            Lex::Season(s) => Some(Name::Season(s)),
            _ => None,
        })?;
        Some((end, Sem::ShiftedName { name, shift }, "shifted-name"))
    }

    /// "the past two years", "the next few months", "recent weeks", "the past year": durations
    /// reaching back or forward from the reference.
    fn span(&self, i: usize) -> Option<Part> {
        let j = i + usize::from(self.is(i, "the"));
        let t = self.tok(j)?;
        let opens = t.has(Lex::Span).then_some(());
        let shifts = t.find(lex::shift).filter(|s| *s != 0);
        if opens.is_none() && shifts.is_none() {
            return None;
        }
        let (k, amount) = match self.quantity(j + 1) {
            Some((k, amount)) => (k, amount),
            None => (j + 1, None),
        };
        let unit_tok = self.tok(k)?;
        let unit = unit_tok.find(lex::unit)?;
        let plural = unit_tok.text.ends_with('s');
        let amount = match (amount, plural) {
            (Some(a), _) => Some(a),
            (None, false) if opens.is_some() || matches!(unit, Unit::Decade | Unit::Century) => {
                Some(1.0)
            }
            (None, true) => None,
            (None, false) => return None,
        };
        Some((k + 1, Sem::Duration { unit, amount }, "span"))
    }

    /// A number, "a", "a few", "several", "a couple of": `None` inside for unknown amounts.
    fn quantity(&self, i: usize) -> Option<(usize, Option<f64>)> {
        let t = self.tok(i)?;
        if t.has(Lex::Fuzzy) {
            return Some((i + 1, None));
        }
        if t.is("a") && self.is(i + 1, "few") {
            return Some((i + 2, None));
        }
        if t.is("a") && self.is(i + 1, "couple") && self.is(i + 2, "of") {
            return Some((i + 3, Some(2.0)));
        }
        let n = t.number()?;
        let j = i + 1;
        // "5 1/2"
        if self.is(j, "1") && self.is(j + 1, "/") && self.is(j + 2, "2") {
            return Some((j + 3, Some(n + 0.5)));
        }
        // "twenty-five", "one hundred"
        if let Some(m) = self.tok(j).and_then(|t| t.number()).filter(|m| *m < 10.0) {
            if n >= 20.0 && self.t[j].shape == Shape::Word {
                return Some((j + 1, Some(n + m)));
            }
        }
        if self.is(j, "-") && n >= 20.0 {
            if let Some(m) = self
                .tok(j + 1)
                .and_then(|t| t.number())
                .filter(|m| *m < 10.0)
            {
                return Some((j + 2, Some(n + m)));
            }
        }
        Some((j, Some(n)))
    }

    /// "two years", "a decade", "90 days", "three-month", "several days", bare "years".
    fn amount(&self, i: usize) -> Option<Part> {
        let j = i + usize::from(self.is(i, "the"));
        let (k, amount) = match self.quantity(j) {
            Some((k, a)) => (k, a),
            None if j == i => (j, None),
            None => return None,
        };
        let k = k + usize::from(self.is(k, "-") && k > j);
        let k = k + usize::from(self.is(k, "more") || self.is(k, "full"));
        let t = self.tok(k)?;
        let unit = t.find(lex::unit)?;
        let plural = t.text.ends_with('s');
        if amount.is_none() && !plural || unit == Unit::Weekend {
            return None;
        }
        let mut end = k + 1;
        // An age ("a 6-year-old") and a share ("three-quarters of") are not times.
        let age = self.is(end, "-") && self.is(end + 1, "old");
        if age || unit == Unit::Quarter && (self.is(end, "of") || self.is(k - 1, "-")) {
            return None;
        }
        if self.is(end, "'") && plural {
            end += 1;
        }
        let rule = if amount.is_some() {
            "amount"
        } else {
            "amount-vague"
        };
        Some((end, Sem::Duration { unit, amount }, rule))
    }

    /// "year-earlier", "year-ago": one unit back, written as one word.
    fn offset(&self, i: usize) -> Option<Part> {
        let unit = self.lex(i, lex::unit)?;
        let back = self.is(i + 2, "ago") || self.is(i + 2, "earlier");
        if !self.is(i + 1, "-") || !back {
            return None;
        }
        let sem = Sem::Offset {
            unit,
            amount: Some(1.0),
            sign: -1,
        };
        Some((i + 3, sem, "unit-ago"))
    }

    /// A duration followed by "ago", "earlier" or "later": "a year ago", "three days later".
    fn offset_after(&self, p: &Part) -> Option<Part> {
        let (end, sem, _) = p;
        let Sem::Duration { unit, amount } = sem else {
            return None;
        };
        let sign = self.lex(*end, lex::ago)?;
        let sem = Sem::Offset {
            unit: *unit,
            amount: *amount,
            sign,
        };
        Some((end + 1, sem, "ago"))
    }

    fn amount_or_offset(&self, i: usize) -> Option<Part> {
        if let Some(p) = self.offset(i) {
            return Some(p);
        }
        let p = self.amount(i)?;
        Some(self.offset_after(&p).unwrap_or(p))
    }

    /// "today", "yesterday morning", "tonight", "Friday's".
    fn deictic(&self, i: usize) -> Option<Part> {
        let t = self.tok(i)?;
        let days = t.find(lex::deictic)?;
        let day = Sem::Deictic(days);
        if t.is("tonight") {
            let sem = Sem::Part {
                day: Box::new(day),
                part: "NI",
            };
            return Some((i + 1, sem, "tonight"));
        }
        if let Some(part) = self.lex(i + 1, lex::daypart) {
            let sem = Sem::Part {
                day: Box::new(day),
                part,
            };
            return Some((i + 2, sem, "deictic-part"));
        }
        Some((i + 1, day, "deictic"))
    }

    /// "now", "recently", "the past", "the future", "at the time".
    fn reference(&self, i: usize) -> Option<Part> {
        let t = self.tok(i)?;
        if t.is("at") {
            let the_time = self.is(i + 1, "the") && self.is(i + 2, "time");
            return the_time.then_some((i + 3, Sem::Ref("PAST_REF"), "at-the-time"));
        }
        if t.is("the") {
            let n = self.tok(i + 1)?;
            if n.is("past") && self.tok(i + 2).is_none_or(|u| u.find(lex::unit).is_none()) {
                return Some((i + 2, Sem::Ref("PAST_REF"), "the-past"));
            }
            if n.is("future") {
                return Some((i + 2, Sem::Ref("FUTURE_REF"), "the-future"));
            }
            return None;
        }
        let r = t.find(lex::reference)?;
        if t.is("future") {
            return None;
        }
        Some((i + 1, Sem::Ref(r), "reference"))
    }

    /// "daily", "annually", "every day", "each Monday", "every two years".
    fn set(&self, i: usize) -> Option<Part> {
        let t = self.tok(i)?;
        if let Some(v) = t.find(lex::set) {
            return Some((i + 1, Sem::Set(v.to_string()), "set-word"));
        }
        t.has(Lex::Each).then_some(())?;
        let (j, amount) = self
            .quantity(i + 1)
            .filter(|(_, a)| a.is_some())
            .unwrap_or((i + 1, Some(1.0)));
        let n = self.tok(j)?;
        let value = if let Some(unit) = n.find(lex::unit) {
            duration_value(unit, amount)
        } else if let Some(part) = n.find(lex::daypart) {
            format!("XXXX-XX-XXT{part}")
        } else if let Some(wd) = n.find(lex::weekday) {
            format!("XXXX-WXX-{wd}")
        } else if let Some(s) = n.find(lex::season) {
            format!("XXXX-{s}")
        } else if let Some(m) = n.find(lex::month) {
            format!("XXXX-{m:02}")
        } else {
            return None;
        };
        Some((j + 1, Sem::Set(value), "set-each"))
    }

    /// "8 PM", "3 p.m.", "15:00 GMT Saturday", "noon".
    fn clock(&self, i: usize) -> Option<Part> {
        let t = self.tok(i)?;
        let (mut hour, mut minute, mut j) = (None, 0, i + 1);
        if t.is("noon") {
            hour = Some(12);
        } else if t.is("midnight") {
            hour = Some(0);
        } else if t.shape == Shape::Digits && t.text.len() <= 2 {
            if i > 0 && self.is(i - 1, ":") && !t.spaced {
                return None; // the end of a running time such as 3:07:35
            }
            let h: u32 = t.text.parse().ok()?;
            if self.is(j, ":") || self.is(j, ".") && self.meridiem(j + 2).is_some() {
                let m = self.tok(j + 1).filter(|m| m.text.len() == 2 && !m.spaced)?;
                minute = m.text.parse().ok()?;
                j += 2;
                if self.is(j, ":") && !self.tok(j).is_some_and(|t| t.spaced) {
                    return None; // h:m:s is a running time, not a clock time
                }
            }
            let (pm, k) = match self.meridiem(j) {
                Some((pm, k)) => (Some(pm), k),
                None if j > i + 1 && h < 24 => (None, j),
                None => return None,
            };
            hour = match pm {
                Some(true) if h < 12 => Some(h + 12),
                Some(false) if h == 12 => Some(0),
                _ => Some(h),
            };
            j = k;
            j += usize::from(self.tok(j).is_some_and(|z| z.has(Lex::Zone)));
        }
        let hour = hour.filter(|h| *h < 24 && minute < 60)?;
        let day = self.clock_day(j);
        let end = day.as_ref().map_or(j, |(e, _)| *e);
        let sem = Sem::Clock {
            day: day.map(|(_, d)| Box::new(d)),
            hour,
            minute,
        };
        Some((end, sem, "clock"))
    }

    /// "a.m.", "pm", "PM".
    fn meridiem(&self, i: usize) -> Option<(bool, usize)> {
        let t = self.tok(i)?;
        let lower = t.text.to_ascii_lowercase();
        match lower.as_str() {
            "am" | "pm" => Some((lower == "pm", i + 1)),
            "a" | "p" if self.is(i + 1, ".") && self.is(i + 2, "m") => {
                let end = i + 3 + usize::from(self.is(i + 3, "."));
                Some((lower == "p", end))
            }
            _ => None,
        }
    }

    /// The day a clock time names right after it: "15:00 GMT Saturday", "3 p.m. today".
    fn clock_day(&self, i: usize) -> Option<(usize, Sem)> {
        let t = self.tok(i)?;
        if let Some(wd) = t.find(lex::weekday).filter(|_| t.capitalized()) {
            return Some((i + 1, Sem::Weekday(wd)));
        }
        let d = t.find(lex::deictic)?;
        Some((i + 1, Sem::Deictic(d)))
    }
}

fn last_quarter() -> Sem {
    Sem::Quarter {
        year: None,
        quarter: None,
        shift: -1,
    }
}

fn date(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> Sem {
    Sem::Date { year, month, day }
}

/// Whether a meaning is a stretch of time a "mod" can take a part of.
fn is_period(sem: &Sem) -> bool {
    !matches!(
        sem,
        Sem::Ref(_) | Sem::Duration { .. } | Sem::Set(_) | Sem::Clock { .. }
    )
}

/// "75th", "3rd", "21st" as a number.
pub(crate) fn ordinal_digits(text: &str) -> Option<u32> {
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = text[digits.len()..].to_ascii_lowercase();
    if !["st", "nd", "rd", "th"].contains(&suffix.as_str()) {
        return None;
    }
    digits.parse().ok()
}

/// A day of the month: "22", "3rd".
fn day_of(text: &str) -> Option<u32> {
    let n = if text.bytes().all(|b| b.is_ascii_digit()) && text.len() <= 2 {
        text.parse().ok()?
    } else {
        ordinal_digits(text)?
    };
    (1..=31).contains(&n).then_some(n)
}

fn year_of(text: &str) -> Option<i32> {
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|y| (1000..=2199).contains(y))
}

/// A TIMEX3 duration value: P3M, PXY, PT2H, P10Y for a decade.
pub fn duration_value(unit: Unit, amount: Option<f64>) -> String {
    if let Some(a) = amount.filter(|a| a.fract() != 0.0) {
        let (whole, part) = (a.trunc() as i64, a.fract());
        match unit {
            Unit::Year => return format!("P{whole}Y{}M", (part * 12.0).round()),
            Unit::Day => return format!("P{whole}DT{}H", (part * 24.0).round()),
            Unit::Hour => return format!("PT{whole}H{}M", (part * 60.0).round()),
            _ => {}
        }
    }
    let n = |scale: f64| match amount {
        Some(a) if (a * scale).fract() == 0.0 => format!("{}", (a * scale) as i64),
        Some(a) => format!("{}", a * scale),
        None => "X".to_string(),
    };
    match unit {
        Unit::Day => format!("P{}D", n(1.0)),
        Unit::Week => format!("P{}W", n(1.0)),
        Unit::Month => format!("P{}M", n(1.0)),
        Unit::Year => format!("P{}Y", n(1.0)),
        Unit::Decade if amount.is_some() => format!("P{}Y", n(10.0)),
        Unit::Decade => "PXDE".to_string(),
        Unit::Century if amount.is_some() => format!("P{}Y", n(100.0)),
        Unit::Century => "PXCE".to_string(),
        Unit::Quarter => format!("P{}Q", n(1.0)),
        Unit::Hour => format!("PT{}H", n(1.0)),
        Unit::Minute => format!("PT{}M", n(1.0)),
        Unit::Second => format!("PT{}S", n(1.0)),
        Unit::Weekend => format!("P{}WE", n(1.0)),
    }
}

/// The tense of the clause before the token at byte `at`.
pub(crate) fn tense_at(toks: &[Token], at: usize) -> i32 {
    tense(toks, toks.partition_point(|t| t.start < at))
}

/// Future cues of several words ("plans to", "to be held"), from `data/time/future_cues.txt`;
/// single words are in the lexicon.
static FUTURE_PHRASES: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    knowledge::words(include_str!("../../data/time/future_cues.txt"))
        .filter(|w| w.contains(' '))
        .map(|w| w.split(' ').collect())
        .collect()
});

/// The tense of the clause before token `i`: the nearest tense cue since the sentence began
/// decides ("will meet on Monday" is future, "who will attend said Friday" past). Cues are in
/// `data/time/future_cues.txt` and `past_cues.txt`; a regular past form ("announced") counts too.
fn tense(toks: &[Token], i: usize) -> i32 {
    for k in (i.saturating_sub(40)..i).rev() {
        let t = &toks[k];
        if matches!(t.text, "." | "!" | "?") {
            break;
        }
        if phrase_ends(toks, k) {
            return 1;
        }
        if let Some(cue) = t.find(lex::tense) {
            return cue;
        }
        if t.shape == Shape::Word && regular_past(t.text) {
            return -1;
        }
    }
    0
}

/// Whether a future phrase ends at token `k`.
fn phrase_ends(toks: &[Token], k: usize) -> bool {
    FUTURE_PHRASES.iter().any(|p| {
        k + 1 >= p.len()
            && toks[k + 1 - p.len()..=k]
                .iter()
                .zip(p)
                .all(|(t, w)| t.is(w))
    })
}

/// Whether `word` has the regular ending of a past form or participle ("announced").
pub(crate) fn regular_past(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() > 4 && b[b.len() - 2..].eq_ignore_ascii_case(b"ed")
}
