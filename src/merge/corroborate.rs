//! Dates one outlet's report lends another's. A page that prints no date reports an event that
//! a dated page of another outlet also reports (the same key: sides, root, flags); that page
//! says which day the event was, and what the undated page says of the event's day ("on
//! Wednesday", "yesterday", or nothing: news of the day) then says when it was published.
//!
//! Two premises, both of the other stages: a relative expression is resolved against the
//! publication day (the time stage), so the publication days are those on which it names the
//! event's day; and an event the page dates by nothing but its publication is news of the day
//! (the events stage dates it so), so the page came out that day or the next.

use chrono::{Days as Step, NaiveDate};
use rustc_hash::FxHashMap;

use super::Days;
use crate::document::{DateBasis, Document, Event, Evidence, Published, PublishedBasis, Timex};
use crate::time::iso_day;

/// How long after an event of the day a report of it comes out: the same day or the next.
const NEWS_LAG: u64 = 1;
/// How far from the event's day the publication days are searched for a relative expression
/// ("last month" reaches a month back); a day found at the edge leaves that side open.
const REACH_BEFORE: u64 = 1;
const REACH_AFTER: u64 = 40;

/// The days dated pages give the events they report, by merge key.
#[derive(Debug, Default)]
pub struct Anchors {
    days: FxHashMap<String, Vec<Days>>,
}

impl Anchors {
    /// The events of a page that prints its date (or whose date the input gives), each dated to
    /// a day or two, and reported as news, not recalled.
    pub fn add_document(&mut self, doc: &Document) {
        for (key, days) in anchors_of(doc) {
            self.add(key, days);
        }
    }

    /// One anchor's key and days ([`Role::Anchor`]).
    pub fn add(&mut self, key: &str, days: Days) {
        self.days.entry(key.to_string()).or_default().push(days);
    }

    /// Whether some dated report has the key.
    pub fn has(&self, key: &str) -> bool {
        self.days.contains_key(key)
    }

    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }

    /// The days of the one event of `key` inside `within`: none when there is none, or when
    /// reports of the key name days too far apart to be one event.
    fn one(&self, key: &str, within: Option<Days>) -> Option<Days> {
        let mut inside = self
            .days
            .get(key)?
            .iter()
            .filter(|d| within.is_none_or(|w| d.0 <= w.1 && w.0 <= d.1));
        let first = *inside.next()?;
        let hull = inside.fold(first, |h, d| (h.0.min(d.0), h.1.max(d.1)));
        ((hull.1 - hull.0).num_days() <= 2).then_some(hull)
    }
}

/// What one report is to the other pages: an anchor (its days), a report of a loose page that
/// anchors of its key could date, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Anchor(Days),
    Loose,
    Neither,
}

/// The role of a report on `event` days (its [`anchor_days`], recalled or not) of a page
/// published as `page` says (its basis and days): an anchor is a report, not recalled, of a
/// dated page, dated to a day or two; a loose page's reports, not recalled, may be dated by
/// anchors.
pub fn role(
    page: (Option<PublishedBasis>, Option<Days>),
    event: Option<Days>,
    recalled: bool,
) -> Role {
    let (basis, days) = page;
    match (basis, event) {
        _ if recalled => Role::Neither,
        (Some(b), Some(e)) if dated(b, days) && narrow(e) => Role::Anchor(e),
        _ if loose(basis, days) => Role::Loose,
        _ => Role::Neither,
    }
}

/// The days an event stands for as an anchor: its own, but for one dated by nothing but the
/// time of a page stamped before noon (`value`, as "2006-07-16T08:57"), which is news of that
/// morning or of the day before: an update filed in Beijing on Sunday morning reports the
/// vote held in New York on Saturday.
pub fn anchor_days(days: Days, dated_by: DateBasis, value: &str) -> Days {
    let hour = value
        .split_once('T')
        .and_then(|(_, t)| t.get(..2)?.parse::<u32>().ok());
    match (dated_by, hour) {
        (DateBasis::Published, Some(h)) if h < 12 => (days.0 - Step::new(NEWS_LAG), days.1),
        _ => days,
    }
}

/// The roles of a page's events, with their keys.
fn roles(doc: &Document) -> impl Iterator<Item = (&str, Role)> {
    let page = page(doc);
    doc.events.iter().map(move |e| {
        let days = super::days(&e.date.earliest, &e.date.latest)
            .map(|d| anchor_days(d, e.date.basis, &e.date.value));
        (e.merge_key.as_str(), role(page, days, e.historical))
    })
}

/// The reports of a page that anchor others: their keys and days.
pub fn anchors_of(doc: &Document) -> Vec<(&str, Days)> {
    roles(doc)
        .filter_map(|(key, r)| match r {
            Role::Anchor(days) => Some((key, days)),
            _ => None,
        })
        .collect()
}

/// The keys of a loose page's events that anchors could date it by.
pub fn loose_keys(doc: &Document) -> Vec<&str> {
    let mut keys: Vec<&str> = roles(doc)
        .filter(|(_, r)| *r == Role::Loose)
        .map(|(key, _)| key)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Whether a page's date is printed on it or given, to the day or two: its events date others'.
fn dated(basis: PublishedBasis, days: Option<Days>) -> bool {
    basis != PublishedBasis::Inferred && days.is_some_and(narrow)
}

/// Whether a page's date is unknown, or inferred wider than two days: what anchors can narrow.
pub fn loose(basis: Option<PublishedBasis>, days: Option<Days>) -> bool {
    match basis {
        None => true,
        Some(b) => b == PublishedBasis::Inferred && !days.is_some_and(narrow),
    }
}

/// A page's publication basis and days.
pub fn page(doc: &Document) -> (Option<PublishedBasis>, Option<Days>) {
    let p = doc.published.as_ref();
    (
        p.map(|p| p.basis),
        p.and_then(|p| super::days(&p.earliest, &p.latest)),
    )
}

fn narrow(d: Days) -> bool {
    (d.1 - d.0).num_days() <= 1
}

/// The publication date the anchors give a loose page, narrower than the one it has; `None`
/// when no event of it is anchored, or what its events say of the day disagrees.
/// `resolve(day)` gives the page's time expressions resolved as if it came out that day.
pub fn publication(
    doc: &Document,
    anchors: &Anchors,
    mut resolve: impl FnMut(NaiveDate) -> Vec<Timex>,
) -> Option<Published> {
    let current = page(doc).1;
    let mut bound: (Option<NaiveDate>, Option<NaiveDate>) =
        (current.map(|c| c.0), current.map(|c| c.1));
    let mut evidence = Vec::new();
    let mut keys: Vec<&str> = Vec::new();
    let mut resolved: FxHashMap<NaiveDate, Vec<Timex>> = FxHashMap::default();
    for e in doc.events.iter().filter(|e| !e.historical) {
        let own = super::days(&e.date.earliest, &e.date.latest);
        let Some(anchor) = anchors.one(&e.merge_key, own.or(current)) else {
            continue;
        };
        let relative = match e.date.basis {
            DateBasis::Sentence | DateBasis::Unknown => timex_of(doc, e),
            _ => None,
        };
        let allowed = match (relative, e.date.basis) {
            (Some(at), _) => {
                let mut names_anchor = |p: NaiveDate| {
                    let all = resolved.entry(p).or_insert_with(|| resolve(p));
                    let t = all.iter().find(|t| (t.start, t.end) == (at.start, at.end));
                    t.is_some_and(|t| t.anchored && overlaps(t, anchor))
                };
                relative_days(anchor, &mut names_anchor)
            }
            (None, DateBasis::InferredPublished | DateBasis::Unknown) => Some((
                Some(anchor.0),
                anchor.1.checked_add_days(Step::new(NEWS_LAG)),
            )),
            _ => None,
        };
        let Some((from, to)) = allowed else { continue };
        keys.push(&e.merge_key);
        bound.0 = later(bound.0, from);
        bound.1 = earlier(bound.1, to);
        evidence.push(Evidence {
            rule: "corroborated".to_string(),
            text: format!(
                "{} \"{}\" ({}) is {} in a dated report of it",
                e.name,
                e.evidence.trigger,
                relative.map_or("news of the day", |t| t.text.as_str()),
                span(anchor)
            ),
            line: None,
        });
    }
    let (Some(first), Some(last)) = bound else {
        return None;
    };
    keys.sort_unstable();
    keys.dedup();
    // A page with no date at all has nothing to check an anchor against: one event of a key
    // that a dated page also reports may be another of its kind (a second recall of an
    // ambassador), so two events of different keys must agree.
    let checked = current.is_some() || keys.len() >= 2;
    if !checked || first > last || current == Some((first, last)) {
        return None;
    }
    Some(Published {
        value: crate::time::infer::shared_value(first, last),
        earliest: first.to_string(),
        latest: last.to_string(),
        basis: PublishedBasis::Inferred,
        evidence,
    })
}

/// The time expression that dates the event: the one of its text inside its sentence; on a
/// page of unknown date, where no expression could date it, the relative one of its sentence
/// nearest its words ("on Wednesday", "yesterday"), as the events stage would have taken it.
fn timex_of<'a>(doc: &'a Document, e: &Event) -> Option<&'a Timex> {
    let s = doc.sentences.get(e.evidence.sentence)?;
    let mut inside = doc
        .timexes
        .iter()
        .filter(|t| t.start >= s.start && t.end <= s.end);
    match e.date.text.as_deref() {
        Some(text) => inside.find(|t| t.text == text),
        None if e.date.basis == DateBasis::Unknown => inside
            .filter(|t| t.kind == "DATE" && t.earliest.is_none())
            .min_by_key(|t| t.start.abs_diff(e.evidence.start)),
        None => None,
    }
}

/// The publication days on which a relative expression names the anchor's days: the first and
/// last of those searched, each `None` when the search reached its edge (the side stays open).
fn relative_days(
    anchor: Days,
    names_anchor: &mut impl FnMut(NaiveDate) -> bool,
) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
    let lo = anchor.0.checked_sub_days(Step::new(REACH_BEFORE))?;
    let hi = anchor.1.checked_add_days(Step::new(REACH_AFTER))?;
    let hits: Vec<NaiveDate> = lo
        .iter_days()
        .take_while(|d| *d <= hi)
        .filter(|&d| names_anchor(d))
        .collect();
    let (first, last) = (*hits.first()?, *hits.last()?);
    Some(((first > lo).then_some(first), (last < hi).then_some(last)))
}

fn overlaps(t: &Timex, d: Days) -> bool {
    let day = |s: &Option<String>| s.as_deref().and_then(iso_day);
    match (day(&t.earliest), day(&t.latest)) {
        (Some(a), Some(b)) => a <= d.1 && d.0 <= b,
        _ => false,
    }
}

fn later(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

fn earlier(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn span(d: Days) -> String {
    if d.0 == d.1 {
        d.0.to_string()
    } else {
        format!("{}..{}", d.0, d.1)
    }
}

#[cfg(test)]
mod tests {
    use crate::clean::Context;
    use crate::document::Document;
    use crate::{ingest, pipeline};

    fn page(text: &str) -> Document {
        let raw = ingest::decode("t.txt", text.as_bytes()).expect("decodes");
        pipeline::extract(&raw, &Context::default())
    }

    /// A dated page of `day` ("Wednesday, 14 June 2023") telling a call on that day.
    fn dated(day: &str) -> Document {
        page(&format!("Talks\n\n{day}\n\nJapanese Prime Minister Fumio Kishida spoke by telephone with South Korean President Yoon Suk Yeol on Wednesday.\n"))
    }

    fn published(docs: &[Document], i: usize) -> Option<(String, String)> {
        let p = docs[i].published.as_ref()?;
        Some((p.earliest.clone(), p.latest.clone()))
    }

    fn days(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.to_string(), b.to_string()))
    }

    /// A page the two leaders' terms date to years, telling the call "on Wednesday".
    const WEEKDAY: &str = "Call\n\nJapanese Prime Minister Fumio Kishida on Wednesday spoke by telephone with South Korean President Yoon Suk Yeol.\n";

    #[test]
    fn a_weekday_allows_the_week_after_the_day_it_names() {
        let mut docs = vec![dated("Wednesday, 14 June 2023"), page(WEEKDAY)];
        let (first, last) = published(&docs, 1).expect("dated by the terms");
        assert!(first.as_str() < "2023-01-01" && last.as_str() > "2024-01-01");
        pipeline::corroborate_all(&mut docs);
        assert_eq!(published(&docs, 1), days("2023-06-14", "2023-06-20"));
        assert_eq!(published(&docs, 0), days("2023-06-14", "2023-06-14"));
        let call = &docs[1].events[0].date;
        let day = (call.earliest.as_str(), call.latest.as_str());
        assert_eq!(day, ("2023-06-14", "2023-06-14"));
    }

    #[test]
    fn news_of_a_morning_page_may_be_of_the_day_before() {
        let call = "Japanese Prime Minister Fumio Kishida spoke by telephone with South Korean President Yoon Suk Yeol.";
        let stamped =
            |time: &str| page(&format!("Talks\n\nUpdated: 2023-06-15 {time}\n\n{call}\n"));
        let loose = page(&format!("Call\n\n{call}\n"));
        let mut docs = vec![stamped("08:57"), loose.clone()];
        pipeline::corroborate_all(&mut docs);
        assert_eq!(published(&docs, 1), days("2023-06-14", "2023-06-16"));
        let mut docs = vec![stamped("15:30"), loose];
        pipeline::corroborate_all(&mut docs);
        assert_eq!(published(&docs, 1), days("2023-06-15", "2023-06-16"));
    }

    #[test]
    fn reports_of_the_key_on_days_apart_date_nothing() {
        let mut docs = vec![
            dated("Wednesday, 14 June 2023"),
            dated("Wednesday, 21 June 2023"),
            page(WEEKDAY),
        ];
        let before = published(&docs, 2);
        pipeline::corroborate_all(&mut docs);
        assert_eq!(published(&docs, 2), before);
    }

    #[test]
    fn a_recalled_event_dates_nothing() {
        let mut docs = vec![
            page("Old row\n\nWednesday, 14 June 2023\n\nIn 2019, Japan recalled its ambassador to South Korea.\n"),
            page("Envoy\n\nJapanese Prime Minister Fumio Kishida said Japan recalled its ambassador to South Korea.\n"),
        ];
        let before = published(&docs, 1);
        pipeline::corroborate_all(&mut docs);
        assert_eq!(published(&docs, 1), before);
    }

    #[test]
    fn a_page_with_no_date_needs_two_events_that_agree() {
        let call = "spoke by telephone with her Tanzanian counterpart";
        let recall = "Kenya recalled its ambassador to Tanzania";
        let dated = page(&format!("Talks\n\nWednesday, 17 June 2020\n\nKenya's foreign minister {call} on Wednesday. {recall}.\n"));
        let one = page(&format!(
            "Call\n\nKenya's foreign minister yesterday {call}.\n"
        ));
        let two = page(&format!(
            "Call\n\nKenya's foreign minister yesterday {call}. {recall} yesterday.\n"
        ));
        let mut docs = vec![dated, one, two];
        pipeline::corroborate_all(&mut docs);
        assert_eq!(published(&docs, 1), None);
        assert_eq!(published(&docs, 2), days("2020-06-18", "2020-06-18"));
    }

    #[test]
    fn events_that_disagree_on_the_day_date_nothing() {
        let mut docs = vec![
            page("Talks\n\nWednesday, 17 June 2020\n\nKenya's foreign minister spoke by telephone with her Tanzanian counterpart on Wednesday. Kenya recalled its ambassador to Tanzania on June 10.\n"),
            page("Call\n\nKenya's foreign minister on Wednesday spoke by telephone with her Tanzanian counterpart. Kenya yesterday recalled its ambassador to Tanzania.\n"),
        ];
        pipeline::corroborate_all(&mut docs);
        assert_eq!(published(&docs, 1), None);
    }
}
