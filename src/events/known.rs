//! Events whose days are known: the well-known events of `data/time/events.tsv` and the wars and
//! battles of `data/time/periods.tsv`. An article that recalls one without dating it ("the
//! sanctions over Putin's attack on Ukraine") or dating it only to a year ("a 1939 Soviet victory
//! over the Japanese army", beside "the battles of Khalkhin Gol") speaks of days the knowledge
//! base holds: the event takes them.

use std::sync::LazyLock;

use chrono::NaiveDate;

use super::taxonomy::{self, CodeClass};
use crate::document::{DateBasis, Document, EventDate};
use crate::knowledge;
use crate::text::is_word_edge;
use crate::time::{iso_day, periods};

const FILE: &str = "data/time/events.tsv";

struct Known {
    id: &'static str,
    days: (NaiveDate, NaiveDate),
    sources: Vec<&'static str>,
    targets: Vec<&'static str>,
    root: &'static str,
    /// Lowercased, to be found in a lowercased sentence.
    names: Vec<String>,
    /// The name alone does not say which event it is: the sentence must date it around it.
    needs_date: bool,
}

static KNOWN: LazyLock<Vec<Known>> = LazyLock::new(|| {
    knowledge::rows(include_str!("../../data/time/events.tsv"))
        .filter(|r| r.len() >= 7 && !r[4].is_empty())
        .map(|r| {
            let bad = || panic!("{FILE}: bad event {:?} for {}", r[4], r[0]);
            let (sides, root) = r[4].split_once(' ').unwrap_or_else(bad);
            let (sources, targets) = sides.split_once('>').unwrap_or_else(bad);
            Known {
                id: r[0],
                days: (knowledge::date(FILE, r[1]), knowledge::date(FILE, r[2])),
                sources: knowledge::list(sources),
                targets: knowledge::list(targets),
                root: root.trim(),
                names: knowledge::list(r[5])
                    .iter()
                    .map(|n| n.to_ascii_lowercase())
                    .collect(),
                needs_date: match r[6] {
                    "name" => false,
                    "name+date" => true,
                    other => panic!(
                        "{FILE}: `by` is name or name+date, not {other:?} for {}",
                        r[0]
                    ),
                },
            }
        })
        .collect()
});

/// What the dating stage knows of one coded event.
pub struct Coded<'a> {
    pub cameo: &'a str,
    pub source: Option<&'a str>,
    pub target: Option<&'a str>,
    /// The sentence's text and the character offset where it starts in the body.
    pub sentence: (&'a str, usize),
    /// The trigger's span in the body, in characters.
    pub trigger: (usize, usize),
}

/// The known days of the event `e`, dated so far by `date`, or `date` itself.
pub fn redate(doc: &Document, e: &Coded, date: EventDate) -> EventDate {
    if let Some(d) = known_event(e, &date) {
        return d;
    }
    if let Some(d) = named_war(doc, e, &date) {
        return d;
    }
    date
}

fn known_event(e: &Coded, date: &EventDate) -> Option<EventDate> {
    let mut candidates = KNOWN
        .iter()
        .filter(|k| e.cameo.starts_with(k.root) && sides_match(e, &k.sources, &k.targets))
        .peekable();
    // Most events match no known event: the sentence is lowercased only for those that may.
    candidates.peek()?;
    // ASCII case folding keeps byte offsets.
    let lower = e.sentence.0.to_ascii_lowercase();
    let k = candidates.find(|k| {
        k.names.iter().any(|n| names_trigger(e, &lower, n)) && fits(date, k.days, k.needs_date)
    })?;
    Some(dated(k.days, DateBasis::KnownEvent, k.id))
}

/// A war or battle named anywhere in the article, between the event's sides, within the year
/// (or wider span) its sentence gives.
fn named_war(doc: &Document, e: &Coded, date: &EventDate) -> Option<EventDate> {
    if !taxonomy::in_class(e.cameo, CodeClass::Fighting) || date.basis != DateBasis::Sentence {
        return None;
    }
    doc.timexes
        .iter()
        .filter(|t| t.kind == "PERIOD")
        .find_map(|t| {
            let war = periods::war(&t.rule)?;
            let [a, b] = war.sides;
            let between = sides_match(e, a, b) || sides_match(e, b, a);
            (between && within(date, war.days))
                .then(|| dated(war.days, DateBasis::Period, war.name))
        })
}

fn sides_match(e: &Coded, sources: &[&str], targets: &[&str]) -> bool {
    let is = |side: Option<&str>, list: &[&str]| {
        side.is_some_and(|s| list.iter().any(|x| *x == "*" || *x == s))
    };
    let forward = is(e.source, sources) && is(e.target, targets);
    let back = is(e.target, sources) && is(e.source, targets);
    forward || (back && taxonomy::in_class(e.cameo, CodeClass::Mutual))
}

/// Whether `name` stands in the (lowercased) sentence as whole words overlapping the trigger,
/// and not as the owner of something else ("an attack on Ukraine's power grid" is another
/// attack).
fn names_trigger(e: &Coded, lower: &str, name: &str) -> bool {
    let chars = |byte: usize| e.sentence.1 + lower[..byte].chars().count();
    lower.match_indices(name).any(|(i, _)| {
        let end = i + name.len();
        let whole = is_word_edge(lower, i) && is_word_edge(lower, end);
        let rest = &lower[end..];
        let owner = rest.starts_with("'s") || rest.starts_with("’s");
        whole && !owner && chars(i) < e.trigger.1 && e.trigger.0 < chars(end)
    })
}

/// Whether the known days may replace `date`: when the sentence dated the event itself, only if
/// its days hold them; otherwise (the publication date, for a name that says which event it is)
/// only if the event had happened by then.
fn fits(date: &EventDate, days: (NaiveDate, NaiveDate), needs_date: bool) -> bool {
    if date.basis == DateBasis::Sentence {
        return within(date, days);
    }
    !needs_date && iso_day(&date.latest).is_none_or(|latest| days.1 <= latest)
}

/// `days` fall within the date's days and are fewer.
fn within(date: &EventDate, days: (NaiveDate, NaiveDate)) -> bool {
    let (Some(a), Some(b)) = (iso_day(&date.earliest), iso_day(&date.latest)) else {
        return false;
    };
    a <= days.0 && days.1 <= b && (days.1 - days.0) < (b - a)
}

fn dated(days: (NaiveDate, NaiveDate), basis: DateBasis, what: &str) -> EventDate {
    let (a, b) = days;
    let value = if a == b {
        a.to_string()
    } else {
        format!("{a}/{b}")
    };
    EventDate {
        value,
        earliest: a.to_string(),
        latest: b.to_string(),
        granularity: super::date::granularity(&a.to_string(), &b.to_string()),
        basis,
        text: Some(what.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_event_has_a_code_and_names() {
        for k in KNOWN.iter() {
            assert!(
                taxonomy::codes().keys().any(|c| c.starts_with(k.root)),
                "{}",
                k.id
            );
            assert!(!k.names.is_empty() && !k.sources.is_empty(), "{}", k.id);
            assert!(k.days.0 <= k.days.1, "{}", k.id);
        }
    }

    fn coded<'a>(
        cameo: &'a str,
        sides: (&'a str, &'a str),
        text: &'a str,
        trigger: &str,
    ) -> Coded<'a> {
        // Spans count characters, as in a document.
        let at = text[..text.find(trigger).unwrap()].chars().count();
        Coded {
            cameo,
            source: Some(sides.0),
            target: Some(sides.1),
            sentence: (text, 0),
            trigger: (at, at + trigger.chars().count()),
        }
    }

    fn published(day: &str) -> EventDate {
        EventDate {
            value: day.to_string(),
            earliest: day.to_string(),
            latest: day.to_string(),
            granularity: crate::document::Granularity::Day,
            basis: DateBasis::Published,
            text: None,
        }
    }

    #[test]
    fn a_named_invasion_takes_its_day_but_not_another_attack() {
        let s = "Japan imposed sanctions over Putin's attack on Ukraine.";
        let e = coded("190", ("RUS", "UKR"), s, "attack on");
        let d = known_event(&e, &published("2022-03-22")).unwrap();
        assert_eq!(
            (d.earliest.as_str(), d.basis.as_str()),
            ("2022-02-24", "known-event")
        );
        let other = "Russia's attack on Ukraine's power grid left millions in the dark.";
        let e = coded("190", ("RUS", "UKR"), other, "attack on");
        assert!(known_event(&e, &published("2024-01-10")).is_none());
        // Characters of several bytes before the name do not move it off the trigger.
        let quoted = "«Война» («war»), Russia’s invasion of Ukraine shook the order.";
        let e = coded("190", ("RUS", "UKR"), quoted, "invasion of");
        assert!(known_event(&e, &published("2022-03-22")).is_some());
        // Reported before it happened: not that event.
        let e = coded("190", ("RUS", "UKR"), s, "attack on");
        assert!(known_event(&e, &published("2021-12-01")).is_none());
    }

    #[test]
    fn a_shared_name_needs_the_sentence_date() {
        let s = "In 1956, the sides issued a joint declaration.";
        let e = coded("057", ("JPN", "SUN"), s, "issued a joint declaration");
        let mut year = published("1956");
        (year.earliest, year.latest, year.basis) = (
            "1956-01-01".into(),
            "1956-12-31".into(),
            DateBasis::Sentence,
        );
        assert_eq!(known_event(&e, &year).unwrap().earliest, "1956-10-19");
        assert!(known_event(&e, &published("2023-05-01")).is_none());
    }
}
