//! Metadata lines: bylines, editorial credits, "Source:" lines, datelines and site names glued
//! to dates. Each parser takes one line and says what it holds, or `None`.

use std::sync::LazyLock;

use regex::Regex;

use super::outlets;
use crate::places;

/// Who a byline names: people, and an outlet when the byline ends with one.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Byline {
    pub authors: Vec<String>,
    pub outlet: Option<String>,
}

static BY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:by)\s+(.+?)\s*$").expect("byline regex"));

static NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}'’.\-]*(?:\s+(?:(?:de|van|von|der|da|bin|al|le|la)\s+)?\p{Lu}[\p{L}'’.\-]*){0,4}$")
        .expect("name regex")
});

static SPLIT_NAMES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:,|;|&|\||\band\b)\s*").expect("name split regex"));

/// The words of `data/clean/meta_words.tsv` of one kind.
pub fn meta_words(kind: &str) -> Vec<&'static str> {
    crate::knowledge::rows(include_str!("../../data/clean/meta_words.tsv"))
        .filter(|r| r[0] == kind)
        .map(|r| r[1])
        .collect()
}

static ROLE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| meta_words("role"));
static DATE_LABELS: LazyLock<Vec<&'static str>> = LazyLock::new(|| meta_words("date-label"));
static PREFIX_LABELS: LazyLock<Vec<&'static str>> = LazyLock::new(|| meta_words("prefix-label"));

/// "By Jane Doe", "By Jane Doe and John Roe, Reuters", "By JANE DOE | Outlet".
pub fn byline(text: &str) -> Option<Byline> {
    byline_parts(text).filter(|b| !b.authors.is_empty())
}

/// A byline's authors and outlet; no author when it names only a desk ("By HNN Staff").
fn byline_parts(text: &str) -> Option<Byline> {
    let rest = BY.captures(text)?.get(1)?.as_str();
    if rest.split_whitespace().count() > 14 {
        return None;
    }
    let mut out = Byline::default();
    for part in SPLIT_NAMES.split(rest).filter(|p| !p.is_empty()) {
        if let Some(o) = outlets::by_name(part) {
            out.outlet = Some(o.name.to_string());
        } else if is_role(part) {
            continue;
        } else if NAME.is_match(part) {
            out.authors.push(name_case(part));
        } else {
            return None;
        }
    }
    Some(out)
}

/// The byline of the words before a date on a date line ("Posted by Ann Lee on ", "By Ann
/// Lee | ", "By HNN Staff | ", which names no author): the date's labels and separators around
/// it are not part of the names.
pub fn byline_before_date(head: &str) -> Option<Byline> {
    let is_label = |w: &&str| date_label(w, false);
    let words: Vec<&str> = head.split_whitespace().collect();
    let start = words.iter().position(|w| !is_label(w))?;
    let end = words.iter().rposition(|w| !is_label(w))? + 1;
    let names = words[start..end].join(" ");
    byline_parts(names.trim_end_matches(|c: char| !c.is_alphanumeric()))
}

/// The month and day of a date line that prints no year: "Posted Nov 18, 8:19 PM", "Tue, Nov
/// 18", "Nov 18". Its labels, weekday, clock and time zone aside, nothing but the date.
pub fn yearless_date_line(text: &str) -> Option<(u32, u32)> {
    static CLOCK_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:,?\s*(?:at\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+\(?[A-Z]{2,4}\)?)?)?[\s;,.]*$")
            .expect("clock regex")
    });
    let words: Vec<&str> = text.split_whitespace().collect();
    let start = words.iter().position(|w| !date_label(w, true))?;
    let rest = words[start..].join(" ");
    let date = CLOCK_AFTER.replace(&rest, "");
    crate::time::stated::month_day(&date)
}

/// Whether a word around a printed date is one of its labels ("Published", "on"), punctuation,
/// or (with `weekdays`) a weekday.
fn date_label(word: &str, weekdays: bool) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    w.is_empty()
        || DATE_LABELS.contains(&w.as_str())
        || weekdays && crate::time::weekday_of(&w).is_some()
}

fn is_role(part: &str) -> bool {
    let lower = part.to_lowercase();
    ROLE_WORDS
        .iter()
        .any(|w| lower.split_whitespace().any(|t| t == *w))
}

/// "JANE DOE" becomes "Jane Doe"; names already in mixed case stay as written.
fn name_case(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    title_case(name)
}

/// "ULAN BATOR" → "Ulan Bator".
pub fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(\s*((?:additional\s+)?(?:reporting|writing|editing|compiled|written|produced)\s+by\b[^()]*)\)\.?$")
        .expect("credit regex")
});

static IN_PLACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+in\s+\p{Lu}[\p{L} .-]*$").expect("in-place regex"));

/// The people who wrote or reported a story, from an editorial credit such as
/// "(Reporting by A in Moscow; Writing by B; Editing by C)". Editors are not authors.
pub fn credit(text: &str) -> Option<Vec<String>> {
    let inner = CREDIT.captures(text.trim())?.get(1)?.as_str();
    let mut writers = Vec::new();
    for segment in inner.split(';') {
        let Some((role, names)) = segment.split_once(" by ") else {
            continue;
        };
        let role = role.trim().to_lowercase();
        if !(role.contains("reporting") || role.contains("writing") || role.contains("written")) {
            continue;
        }
        for name in SPLIT_NAMES.split(names.trim()) {
            let name = IN_PLACE.replace(name, "");
            if NAME.is_match(&name) && !writers.contains(&name.to_string()) {
                writers.push(name.to_string());
            }
        }
    }
    Some(writers)
}

/// What a "Source: …" line points at.
#[derive(Debug, PartialEq, Eq)]
pub enum SourceRef {
    Url(url::Url),
    Name(String),
}

static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:source|sources|nguồn|via)\s*:\s*(\S.{0,300})$").expect("source regex")
});

/// "Source: https://…" or "Source: Reuters".
pub fn source_line(text: &str) -> Option<SourceRef> {
    let rest = SOURCE.captures(text.trim())?.get(1)?.as_str().trim();
    if let Ok(u) = url::Url::parse(rest) {
        if u.host_str().is_some() {
            return Some(SourceRef::Url(u));
        }
    }
    (rest.split_whitespace().count() <= 6).then(|| SourceRef::Name(rest.to_string()))
}

/// Where a story was filed from, the agency that filed it, and the date it carries ("July 15").
#[derive(Debug, PartialEq, Eq)]
pub struct Dateline {
    pub place: String,
    pub agency: Option<String>,
    pub when: Option<String>,
    /// Characters of the paragraph before its story: the place, date, agency and dash.
    pub chars: usize,
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<place>\p{Lu}[\p{Lu} .'’-]{1,40}?)(?:,\s*(?P<when>[^()\-–—]{1,40}?))?\s*(?:\((?P<agency>[^)]{2,40})\)\s*)?[-–—_]+\s")
        .expect("dateline regex")
});

/// A dateline of capitals that a colon ends ("NEW DELHI: …", "LONDON, March 14 (PTI): …"), as
/// Asian and African papers print them; the place must be one the gazetteer knows, since a
/// colon also ends labels ("BREAKING: …", "WATCH: …").
static COLON_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<place>\p{Lu}[\p{Lu} .'’-]{1,30}?)(?:,\s*(?P<when>[^():]{1,30}?))?\s*(?:\((?P<agency>[^)]{2,40})\)\s*)?:\s+")
        .expect("colon dateline regex")
});

/// A dateline in title case, which only an agency in brackets and a dash make one: "Asmara,
/// Eritrea (PANA) - …", "Moscow (AFP) — …" (a sentence never opens so).
static TITLE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<place>\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,2})(?:,\s*\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2})?\s*\((?P<agency>\p{Lu}[^)]{1,39})\)\s*[-–—_]+\s")
        .expect("title-case dateline regex")
});

/// A scraper's placeholder glued before a paragraph: `[imText1]`.
static PLACEHOLDER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\[[^\]\s]{1,30}\]\s*").expect("placeholder regex"));

/// "ULAN BATOR (Reuters) - …", "MOSCOW, March 22 (AP) — …", "TOKYO — …", and the AP's
/// underscore for a dash: "MOSCOW (AP)_ …".
pub fn dateline(paragraph: &str) -> Option<Dateline> {
    let skipped = PLACEHOLDER.find(paragraph).map_or(0, |m| m.end());
    let whole = paragraph;
    let paragraph = &paragraph[skipped..];
    // A dateline opens with a capitalized place name: most paragraphs fail this at once.
    if !paragraph.starts_with(char::is_uppercase) {
        return None;
    }
    let capitals = paragraph.chars().take(2).all(char::is_uppercase);
    let caps = if capitals {
        match DATELINE.captures(paragraph) {
            Some(caps) => caps,
            None => COLON_DATELINE.captures(paragraph).filter(|c| {
                c.name("place")
                    .is_some_and(|p| places::is_place(p.as_str()))
            })?,
        }
    } else {
        TITLE_DATELINE.captures(paragraph)?
    };
    let place = caps.name("place")?.as_str().trim();
    if place.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    let agency = caps
        .name("agency")
        .map(|a| outlets::canonical(a.as_str().trim()));
    Some(Dateline {
        place: title_case(place),
        agency,
        when: caps.name("when").map(|w| w.as_str().trim().to_string()),
        chars: whole[..skipped + caps.get(0)?.end()].chars().count(),
    })
}

/// After a date that opens a line: an agency in brackets and a dash ("(AFP) --"), or a dash.
static AFTER_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\((?P<agency>[^)]{2,30})\)\s*)?(?:[-–—|]+\s*)?").expect("after-date regex")
});

/// A date that opens a text line before its first sentence: a scraper's token
/// (` date 2020-06-17 The phone call took place…`), a label (`Published: March 3, 2015 The…`),
/// a wire's date and agency (`Mar. 3, 2015 (AFP) -- The…`). The date, and the byte offset where
/// the line's text starts after it. An ISO date needs no label; another date does, or an agency;
/// and what follows is a paragraph (a short rest makes the whole line a date line).
pub fn date_prefix(line: &str) -> Option<(crate::time::stated::DateMatch, usize)> {
    let found = crate::time::stated::find_dates(line).into_iter().next()?;
    let head: Vec<String> = line[..found.start]
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if head.len() > 3 || !head.iter().all(|w| PREFIX_LABELS.contains(&w.as_str())) {
        return None;
    }
    let after = AFTER_DATE.captures(&line[found.end..])?;
    let start = found.end + after.get(0)?.end();
    let iso = line[found.start..]
        .get(..5)
        .is_some_and(|y| y[..4].bytes().all(|b| b.is_ascii_digit()) && y.ends_with('-'));
    if head.is_empty() && !iso && after.name("agency").is_none() {
        return None;
    }
    let rest = &line[start..];
    let opens = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c));
    (opens && rest.split_whitespace().count() >= 8).then_some((found, start))
}

/// The site name printed before a date, as in "Người Đưa TinNgười Đưa Tin04/09/2024", where the
/// page repeats the name and glues the date to it. `date_start` is the date's byte offset.
pub fn site_before_date(line: &str, date_start: usize) -> Option<String> {
    let is_label = |t: &&str| date_label(t, true);
    let tokens: Vec<&str> = line[..date_start].split_whitespace().collect();
    let first = tokens.iter().position(|t| !is_label(t))?;
    let last = tokens.iter().rposition(|t| !is_label(t))?;
    if last - first >= 8 {
        return None;
    }
    let prefix = tokens[first..=last].join(" ");
    let half = prefix.len() / 2;
    if prefix.len().is_multiple_of(2)
        && prefix.is_char_boundary(half)
        && prefix[..half] == prefix[half..]
    {
        return Some(prefix[..half].trim().to_string());
    }
    Some(prefix)
}

/// A closing byline: a bare name after the body, "Minh Anh" or "Minh Anh (According to AFP)".
pub fn closing_byline(text: &str) -> Option<String> {
    let (name, rest) = match text.split_once('(') {
        Some((n, r)) if r.trim_end().ends_with(')') => (n.trim(), Some(r)),
        Some(_) => return None,
        None => (text.trim(), None),
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    // "The E" (a line cut short) is no name: a name neither opens with an article nor ends in
    // a bare letter.
    let article = words
        .first()
        .is_some_and(|w| ["The", "A", "An"].contains(w));
    let surname = words
        .last()
        .is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2);
    let ok = (2..=4).contains(&words.len())
        && !article
        && surname
        && NAME.is_match(name)
        && rest.is_none_or(|r| r.len() < 200);
    ok.then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_that_opens_a_line_is_cut_off_it() {
        fn cut(line: &str) -> Option<&str> {
            date_prefix(line).map(|(_, start)| &line[start..])
        }
        let text = "The phone call took place two days after the clash.";
        for line in [
            " date 2020-06-17 The phone call took place two days after the clash.",
            "2020-06-17 The phone call took place two days after the clash.",
            "Published: March 3, 2015 The phone call took place two days after the clash.",
            "Mar. 3, 2015 (AFP)-- The phone call took place two days after the clash.",
            "Updated 03/09/2014, 14:20 | The phone call took place two days after the clash.",
        ] {
            assert_eq!(cut(line.trim()), Some(text), "{line}");
        }
        for line in [
            "March 3, 2015 was the day the phone call took place after the clash.",
            "On March 3, 2015 The ministers spoke by phone after the clash.",
            "2020-06-17 Tokyo",
            "The call on 2020-06-17 took place two days after the clash.",
        ] {
            assert_eq!(cut(line), None, "{line}");
        }
    }

    #[test]
    fn a_dateline_keeps_its_date() {
        let d =
            dateline("[imText1]WASHINGTON, July 15 (Yonhap) — The U.N. Security Council voted.")
                .unwrap();
        assert_eq!(d.place, "Washington");
        assert_eq!(d.agency.as_deref(), Some("Yonhap"));
        assert_eq!(d.when.as_deref(), Some("July 15"));
        assert_eq!(dateline("TOKYO — Japan protested.").unwrap().when, None);
    }

    #[test]
    fn bylines() {
        let b = byline("By Vladimir Soldatkin").unwrap();
        assert_eq!(b.authors, vec!["Vladimir Soldatkin"]);
        let b = byline("By JANE DOE and John Roe, Reuters").unwrap();
        assert_eq!(b.authors, vec!["Jane Doe", "John Roe"]);
        assert_eq!(b.outlet.as_deref(), Some("Reuters"));
        let b = byline("By Ann Lee, Staff Writer").unwrap();
        assert_eq!(b.authors, vec!["Ann Lee"]);
        assert!(byline("By the end of the war, the islands were seized.").is_none());
        assert!(byline("Bystanders were hurt").is_none());
    }

    #[test]
    fn credits_name_writers_not_editors() {
        let c = credit(
            "(Reporting by Ann Lee in Moscow and Bo Kim; Writing by Cy Dee; editing by Ed Fox)",
        );
        assert_eq!(c.unwrap(), vec!["Ann Lee", "Bo Kim", "Cy Dee"]);
        assert!(credit("(The ministry did not reply by Friday.)").is_none());
    }

    #[test]
    fn datelines() {
        let d = dateline("ULAN BATOR (Reuters) - Russian President ...").unwrap();
        assert_eq!(d.place, "Ulan Bator");
        assert_eq!(d.agency.as_deref(), Some("Reuters"));
        let d = dateline("MOSCOW, March 22 (AP) — The Kremlin said ...").unwrap();
        assert_eq!(d.place, "Moscow");
        assert_eq!(d.agency.as_deref(), Some("Associated Press"));
        let d = dateline("Asmara, Eritrea (PANA) - Visiting Ethiopian Prime Minister ...").unwrap();
        assert_eq!(
            (d.place.as_str(), d.agency.as_deref()),
            ("Asmara", Some("PANA"))
        );
        assert_eq!(d.chars, "Asmara, Eritrea (PANA) - ".chars().count());
        assert!(dateline("Moscow (AFP) — The Kremlin said ...").is_some());
        let d = dateline("MOSCOW (AP)_ Presidents Leonid Kuchma ...").unwrap();
        assert_eq!((d.place.as_str(), d.chars), ("Moscow", 13));
        // Title case without an agency is a sentence.
        assert!(dateline("Moscow - the capital - said ...").is_none());
        assert!(dateline("Japan (the country) - and ...").is_none());
        let d = dateline("TOKYO — Japan protested ...").unwrap();
        assert_eq!((d.place.as_str(), d.agency), ("Tokyo", None));
        assert!(dateline("Russia has urged Japan - again - to ...").is_none());
        assert!(dateline("A - B").is_none());
        // A colon ends a dateline of a place the gazetteer knows, and nothing else.
        let d = dateline("NEW DELHI: India and China agreed ...").unwrap();
        assert_eq!((d.place.as_str(), d.chars), ("New Delhi", 11));
        let d = dateline("LONDON, March 14 (PTI): Britain expelled ...").unwrap();
        assert_eq!(
            (d.place.as_str(), d.agency.as_deref()),
            ("London", Some("PTI"))
        );
        assert!(dateline("BREAKING: Russia expels ...").is_none());
        assert!(dateline("WATCH: The minister said ...").is_none());
    }

    #[test]
    fn site_names_glued_to_dates() {
        let line = "Người Đưa TinNgười Đưa Tin04/09/2024";
        let at = line.find("04/").unwrap();
        assert_eq!(site_before_date(line, at).as_deref(), Some("Người Đưa Tin"));
        let line = "Published 03/09/2014, 14:20";
        assert_eq!(site_before_date(line, line.find("03").unwrap()), None);
        let line = "Fri March 22, 2013";
        assert_eq!(site_before_date(line, 4), None);
    }

    #[test]
    fn source_lines() {
        let s = source_line("Source: https://www.example.vn/a-b-1.htm").unwrap();
        assert!(matches!(s, SourceRef::Url(u) if u.host_str() == Some("www.example.vn")));
        assert_eq!(
            source_line("Source: Reuters"),
            Some(SourceRef::Name("Reuters".into()))
        );
        assert_eq!(source_line("Source link"), None);
    }

    #[test]
    fn closing_bylines() {
        assert_eq!(
            closing_byline("Minh Anh (According to AFP, TASS)").as_deref(),
            Some("Minh Anh")
        );
        assert_eq!(closing_byline("Minh Anh").as_deref(), Some("Minh Anh"));
        assert_eq!(closing_byline("The talks went nowhere."), None);
        assert_eq!(closing_byline("Moscow"), None);
        assert_eq!(closing_byline("The E"), None);
    }
}
