//! The merge stage: the rule that makes the reports of one event one merged event, apart from
//! where the reports are kept. The embedded store runs it over the rows of its `events` table
//! (`store::merge`), the Spark job over sorted partitions of its events table ([`stream`],
//! through `annals merge-stream`). One rule, one copy of it.
//!
//! Reports are of one event when they share the key (the states, an earlier state counting as
//! the one that continues it, the CAMEO root and the flags) and their days overlap, give or
//! take a day (two outlets may date one announcement a day apart). A span of several years ("25
//! meetings between 2012 and 2020") sums many events and merges only with another such span.

use chrono::NaiveDate;

pub mod corroborate;
pub mod redate_stream;
pub mod stream;

use crate::actors::continuing;
use crate::document::Event;
use crate::events::taxonomy;

/// The key the pipeline wrote on `e`, or, for a document of an older release written without
/// it, the key made now.
pub fn key_of(e: &Event) -> std::borrow::Cow<'_, str> {
    if e.merge_key.is_empty() {
        key(e).into()
    } else {
        e.merge_key.as_str().into()
    }
}

/// What reports of one event share: the states (an earlier state as the one that continues it;
/// either way round for meetings and talks), the root and the flags. The historical flag is
/// left out: two articles years apart recall one event, one as news, the other as history.
pub fn key(e: &Event) -> String {
    fn side(a: &crate::document::Actor) -> &str {
        a.side().map(continuing).unwrap_or_default()
    }
    let (mut a, mut b) = (side(&e.source.actor), side(&e.target.actor));
    if taxonomy::in_class(&e.cameo, taxonomy::CodeClass::EitherWay) && b < a {
        std::mem::swap(&mut a, &mut b);
    }
    let flag = |f: bool| if f { '1' } else { '0' };
    format!(
        "{a}|{b}|{}|{}{}{}",
        e.root,
        flag(e.planned),
        flag(e.hypothetical),
        flag(e.negated)
    )
}

/// The planned, hypothetical and negated flags written at the end of a key.
pub fn flags(key: &str) -> [bool; 3] {
    let mut f = [false; 3];
    for (flag, c) in f
        .iter_mut()
        .zip(key.rsplit('|').next().unwrap_or("").chars())
    {
        *flag = c == '1';
    }
    f
}

/// First and last day an event can be.
pub use crate::time::Days;

/// Reports of one event, and the days all of them allow (none for an undated report).
pub struct Group<R> {
    pub reports: Vec<R>,
    pub days: Option<Days>,
    /// Its reports span years: it sums many events.
    years: bool,
}

impl<R> Group<R> {
    fn add(&mut self, report: R, d: Days) {
        self.reports.push(report);
        if let Some(days) = &mut self.days {
            let both = (days.0.max(d.0), days.1.min(d.1));
            if both.0 <= both.1 {
                *days = both;
            }
        }
    }
}

/// The rule run over the reports of one key, given in order of their first day, then last
/// (ISO days sort as text). Each report joins an open group whose days it overlaps (a day apart
/// counts) and the group keeps the days both allow. A group that ended before a report's first
/// day can take no more reports and is handed back, so only open groups are held in memory.
pub struct Sweep<R> {
    open: Vec<Group<R>>,
}

impl<R> Default for Sweep<R> {
    fn default() -> Self {
        Sweep { open: Vec::new() }
    }
}

impl<R> Sweep<R> {
    /// Adds one report; the groups it closes go to `done`.
    pub fn add(&mut self, report: R, days: Option<Days>, done: &mut Vec<Group<R>>) {
        let Some(d) = days else {
            // An event of unknown date stands alone: nothing says it is another.
            done.push(Group {
                reports: vec![report],
                days: None,
                years: false,
            });
            return;
        };
        done.extend(
            self.open
                .extract_if(.., |g| g.days.is_some_and(|days| !near(days, (d.0, d.0)))),
        );
        let years = spans_years(d);
        let joined = self
            .open
            .iter_mut()
            .find(|g| g.years == years && g.days.is_some_and(|days| near(days, d)));
        match joined {
            Some(g) => g.add(report, d),
            None => self.open.push(Group {
                reports: vec![report],
                days: Some(d),
                years,
            }),
        }
    }

    /// The groups still open, once the key has no more reports.
    pub fn finish(self, done: &mut Vec<Group<R>>) {
        done.extend(self.open);
    }
}

/// A report's days from its first and last ISO day; none when either is missing.
pub fn days(earliest: &str, latest: &str) -> Option<Days> {
    crate::time::iso_day(earliest).zip(crate::time::iso_day(latest))
}

fn spans_years(days: Days) -> bool {
    (days.1 - days.0).num_days() > 366
}

fn near(a: Days, b: Days) -> bool {
    let slack = chrono::Days::new(1);
    let after = |x: NaiveDate| x.checked_add_days(slack).unwrap_or(x);
    a.0 <= after(b.1) && b.0 <= after(a.1)
}

/// Which of the dated groups of one key overlap another's days (a span of years beside an event
/// inside it): in order of first day, a group overlaps an earlier one when some earlier group
/// ends near its start, a later one when the next starts near its end. Returns their ids.
pub fn overlapping<I: Copy>(groups: &mut [(I, Days)]) -> Vec<I> {
    groups.sort_by_key(|&(_, d)| d);
    let mut found = Vec::new();
    let mut furthest: Option<NaiveDate> = None;
    for (i, &(id, d)) in groups.iter().enumerate() {
        let earlier = furthest.is_some_and(|end| near((d.0, end), (d.0, d.0)));
        let later = groups
            .get(i + 1)
            .is_some_and(|(_, next)| near(d, (next.0, next.0)));
        if earlier || later {
            found.push(id);
        }
        furthest = Some(furthest.map_or(d.1, |f| f.max(d.1)));
    }
    found
}

/// One report of a merged event, as [`summary`] reads it.
pub struct Told<'a, D> {
    pub cameo: &'a str,
    pub sides: (Option<&'a str>, Option<&'a str>),
    pub historical: bool,
    /// Its document (reports of one document count it once).
    pub doc: D,
}

/// What a merged event says, from its reports: the code and the sides most of them give (the
/// smallest on a tie), recalled when any report recalls it, and how many reports and documents
/// tell it. The store writes it, and `merge-stream` hands it to the Spark job, which writes it
/// as it comes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary<'a> {
    pub cameo: &'a str,
    pub sides: (Option<&'a str>, Option<&'a str>),
    pub historical: bool,
    pub events: usize,
    pub documents: usize,
}

pub fn summary<'a, D: Ord>(reports: &[Told<'a, D>]) -> Summary<'a> {
    let mut docs: Vec<&D> = reports.iter().map(|r| &r.doc).collect();
    docs.sort_unstable();
    docs.dedup();
    Summary {
        cameo: most_common(reports.iter().map(|r| r.cameo)).unwrap_or(""),
        sides: most_common(reports.iter().map(|r| r.sides)).unwrap_or_default(),
        historical: reports.iter().any(|r| r.historical),
        events: reports.len(),
        documents: docs.len(),
    }
}

/// The most frequent of the values, the smallest of them on a tie: a merged event's code and
/// sides do not depend on the order its reports were stored or shuffled in.
pub fn most_common<T: Ord + Clone>(values: impl Iterator<Item = T>) -> Option<T> {
    let mut all: Vec<T> = values.collect();
    all.sort_unstable();
    let mut best: Option<(T, usize)> = None;
    for run in all.chunk_by(|a, b| a == b) {
        if best.as_ref().is_none_or(|(_, n)| run.len() > *n) {
            best = Some((run[0].clone(), run.len()));
        }
    }
    best.map(|(v, _)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        crate::time::iso_day(s).unwrap()
    }

    fn run(reports: &[(u32, &str, &str)]) -> Vec<(Vec<u32>, Option<Days>)> {
        let mut sweep = Sweep::default();
        let mut done = Vec::new();
        for &(id, a, b) in reports {
            sweep.add(id, days(a, b), &mut done);
        }
        sweep.finish(&mut done);
        done.into_iter().map(|g| (g.reports, g.days)).collect()
    }

    #[test]
    fn the_most_common_value_wins_and_the_smallest_on_a_tie() {
        let codes = ["192", "190", "192", "190", "193"];
        assert_eq!(most_common(codes.into_iter()), Some("190"));
        assert_eq!(most_common(["193", "192", "192"].into_iter()), Some("192"));
        assert_eq!(most_common(std::iter::empty::<&str>()), None);
    }

    #[test]
    fn reports_a_day_apart_merge_and_keep_the_days_both_allow() {
        let groups = run(&[
            (1, "2022-03-01", "2022-03-31"),
            (2, "2022-03-04", "2022-03-04"),
            (3, "2022-03-05", "2022-03-05"),
            (4, "2022-03-09", "2022-03-09"),
        ]);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].0, vec![1, 2, 3]);
        assert_eq!(groups[0].1, Some((day("2022-03-04"), day("2022-03-04"))));
        assert_eq!(groups[1].0, vec![4]);
    }

    #[test]
    fn undated_reports_stand_alone_and_spans_of_years_merge_only_with_spans() {
        let groups = run(&[
            (1, "", ""),
            (2, "2012-01-01", "2020-12-31"),
            (4, "2012-06-01", "2019-12-31"),
            (3, "2015-05-01", "2015-05-01"),
        ]);
        let members: Vec<_> = groups.iter().map(|g| g.0.clone()).collect();
        assert!(members.contains(&vec![1]));
        assert!(members.contains(&vec![2, 4]));
        assert!(members.contains(&vec![3]));
    }

    #[test]
    fn a_span_beside_an_event_inside_it_overlaps() {
        let mut groups = vec![
            (1, (day("2012-01-01"), day("2020-12-31"))),
            (2, (day("2015-05-01"), day("2015-05-01"))),
            (3, (day("2023-01-01"), day("2023-01-01"))),
        ];
        assert_eq!(overlapping(&mut groups), vec![1, 2]);
    }
}
