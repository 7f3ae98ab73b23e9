//! Merging across documents: the reports of one real-world event become one `merged` row that
//! lists every report (`merged_events`). Reports are of one event when they share the dyad (the
//! states, an earlier state counting as the one that continues it: the Soviet Union's 1945
//! seizure is Russia's), the CAMEO root, the flags, and days: their intervals overlap, give or
//! take a day (two outlets may date one announcement a day apart). A span of several years ("25
//! meetings between 2012 and 2020") sums many events and merges only with another such span.

use std::collections::HashMap;

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::Serialize;

use crate::actors::continuing;
use crate::events::taxonomy;
use crate::time::iso_day;

/// What merging did.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct MergeStats {
    /// Events as the documents report them.
    pub events: usize,
    /// Real-world events after merging.
    pub merged: usize,
    /// Merged events told by two documents or more.
    pub multi_source: usize,
    /// Merged events that still share key and overlapping days with another merged event (a
    /// span of years beside an event inside it): what merging left apart on purpose.
    pub overlapping: usize,
}

impl MergeStats {
    /// Share of the reported events that repeat another report of the same event.
    pub fn duplicate_rate_before(&self) -> f64 {
        ratio(self.events - self.merged, self.events)
    }

    /// Share of merged events that still overlap another of the same key.
    pub fn duplicate_rate_after(&self) -> f64 {
        ratio(self.overlapping, self.merged)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// One report, as read back from `events`.
struct Report {
    n: i64,
    doc: i64,
    sides: (Option<String>, Option<String>),
    cameo: String,
    days: Option<(NaiveDate, NaiveDate)>,
    historical: bool,
    /// Planned, hypothetical, negated.
    flags: [bool; 3],
}

/// Reports of one event so far, and the days all of them allow (none for an undated report).
struct Group {
    reports: Vec<usize>,
    days: Option<(NaiveDate, NaiveDate)>,
}

type Key = (Option<String>, Option<String>, String, [bool; 3]);

/// Rebuilds `merged` and `merged_events` from `events`, in one transaction.
pub fn merge(conn: &mut Connection) -> Result<MergeStats> {
    let reports = read_reports(conn)?;
    let mut by_key: HashMap<Key, Vec<usize>> = HashMap::new();
    let mut undated = Vec::new();
    for (i, r) in reports.iter().enumerate() {
        match r.days {
            Some(_) => by_key.entry(key(r)).or_default().push(i),
            None => undated.push(i),
        }
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut overlapping = 0;
    let mut keys: Vec<&Key> = by_key.keys().collect();
    keys.sort();
    for k in keys {
        let found = group(&reports, &by_key[k]);
        overlapping += count_overlapping(&found);
        groups.extend(found);
    }
    // An event of unknown date stands alone: nothing says it is another.
    groups.extend(undated.into_iter().map(|i| Group {
        reports: vec![i],
        days: None,
    }));
    let documents: Vec<usize> = groups.iter().map(|g| documents(&reports, g)).collect();
    let stats = MergeStats {
        events: reports.len(),
        merged: groups.len(),
        multi_source: documents.iter().filter(|&&n| n > 1).count(),
        overlapping,
    };
    write(conn, &reports, &groups, &documents)?;
    Ok(stats)
}

fn read_reports(conn: &Connection) -> Result<Vec<Report>> {
    let mut st = conn.prepare(
        "SELECT n, doc, source_side, target_side, cameo, earliest, latest,
                historical, planned, hypothetical, negated
         FROM events ORDER BY n",
    )?;
    let rows = st.query_map([], |r| {
        let (a, b): (String, String) = (r.get(5)?, r.get(6)?);
        Ok(Report {
            n: r.get(0)?,
            doc: r.get(1)?,
            sides: (r.get(2)?, r.get(3)?),
            cameo: r.get(4)?,
            days: iso_day(&a).zip(iso_day(&b)),
            historical: r.get(7)?,
            flags: [r.get(8)?, r.get(9)?, r.get(10)?],
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// What reports of one event share. The historical flag is left out: two articles years apart
/// recall one event, one as news, the other as history.
fn key(r: &Report) -> Key {
    let side = |s: &Option<String>| s.as_deref().map(|s| continuing(s).to_string());
    let (mut a, mut b) = (side(&r.sides.0), side(&r.sides.1));
    if taxonomy::in_class(&r.cameo, "either-way") && b < a {
        std::mem::swap(&mut a, &mut b);
    }
    (a, b, r.cameo[..2].to_string(), r.flags)
}

fn spans_years(days: (NaiveDate, NaiveDate)) -> bool {
    (days.1 - days.0).num_days() > 366
}

/// Groups the reports of one key: each joins a group whose days it overlaps (a day apart
/// counts), and the group keeps the days both allow. Reports come in order of their first day,
/// so a group that ended before the report's first day is done.
fn group(reports: &[Report], members: &[usize]) -> Vec<Group> {
    let mut sorted: Vec<(usize, (NaiveDate, NaiveDate))> = members
        .iter()
        .filter_map(|&i| Some((i, reports[i].days?)))
        .collect();
    sorted.sort_by_key(|&(_, d)| d);
    let (mut done, mut open): (Vec<Open>, Vec<Open>) = (Vec::new(), Vec::new());
    for (i, d) in sorted {
        done.extend(open.extract_if(.., |g| !near(g.days, (d.0, d.0))));
        let years = spans_years(d);
        match open
            .iter_mut()
            .find(|g| g.years == years && near(g.days, d))
        {
            Some(g) => {
                g.reports.push(i);
                let both = (g.days.0.max(d.0), g.days.1.min(d.1));
                if both.0 <= both.1 {
                    g.days = both;
                }
            }
            None => open.push(Open {
                reports: vec![i],
                days: d,
                years,
            }),
        }
    }
    done.extend(open);
    done.into_iter()
        .map(|g| Group {
            reports: g.reports,
            days: Some(g.days),
        })
        .collect()
}

/// A group being filled.
struct Open {
    reports: Vec<usize>,
    days: (NaiveDate, NaiveDate),
    /// Its reports span years: it sums many events.
    years: bool,
}

fn near(a: (NaiveDate, NaiveDate), b: (NaiveDate, NaiveDate)) -> bool {
    let slack = chrono::Days::new(1);
    let after = |x: NaiveDate| x.checked_add_days(slack).unwrap_or(x);
    a.0 <= after(b.1) && b.0 <= after(a.1)
}

/// How many groups overlap another of the same key: in order of first day, a group overlaps
/// an earlier one when some earlier group ends near its start, a later one when the next
/// starts near its end.
fn count_overlapping(groups: &[Group]) -> usize {
    let mut days: Vec<(NaiveDate, NaiveDate)> = groups.iter().filter_map(|g| g.days).collect();
    days.sort();
    let mut furthest: Option<NaiveDate> = None;
    let mut count = 0;
    for (i, d) in days.iter().enumerate() {
        let earlier = furthest.is_some_and(|end| near((d.0, end), (d.0, d.0)));
        let later = days.get(i + 1).is_some_and(|n| near(*d, (n.0, n.0)));
        count += usize::from(earlier || later);
        furthest = Some(furthest.map_or(d.1, |f| f.max(d.1)));
    }
    count
}

fn documents(reports: &[Report], g: &Group) -> usize {
    let mut docs: Vec<i64> = g.reports.iter().map(|&i| reports[i].doc).collect();
    docs.sort_unstable();
    docs.dedup();
    docs.len()
}

fn write(
    conn: &mut Connection,
    reports: &[Report],
    groups: &[Group],
    documents: &[usize],
) -> Result<()> {
    let tx = conn.transaction()?;
    tx.execute("DELETE FROM merged_events", [])?;
    tx.execute("DELETE FROM merged", [])?;
    {
        let mut merged = tx.prepare(
            "INSERT INTO merged (source_side, target_side, cameo, root, name, goldstein,
                quad_class, earliest, latest, historical, planned, hypothetical, negated,
                events, documents)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        )?;
        let mut member = tx.prepare("INSERT INTO merged_events (merged, event) VALUES (?1, ?2)")?;
        for (g, docs) in groups.iter().zip(documents) {
            let first = &reports[g.reports[0]];
            let cameo = most_common(g.reports.iter().map(|&i| reports[i].cameo.as_str()));
            let code = taxonomy::code(cameo);
            let (earliest, latest) = g
                .days
                .map_or_else(Default::default, |(a, b)| (a.to_string(), b.to_string()));
            let historical = g.reports.iter().any(|&i| reports[i].historical);
            let [planned, hypothetical, negated] = first.flags;
            merged.execute(params![
                first.sides.0,
                first.sides.1,
                code.code,
                &code.code[..2],
                code.name,
                code.goldstein,
                code.quad,
                earliest,
                latest,
                historical,
                planned,
                hypothetical,
                negated,
                g.reports.len(),
                docs,
            ])?;
            let id = tx.last_insert_rowid();
            for &i in &g.reports {
                member.execute(params![id, reports[i].n])?;
            }
        }
    }
    tx.commit()?;
    Ok(())
}

/// The most frequent of the codes, the first of them on a tie.
fn most_common<'a>(codes: impl Iterator<Item = &'a str>) -> &'a str {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for c in codes {
        match counts.iter_mut().find(|(x, _)| *x == c) {
            Some((_, n)) => *n += 1,
            None => counts.push((c, 1)),
        }
    }
    // max_by_key keeps the last of equal keys: reversed, the first one seen wins.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map_or("", |(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_common_code_wins_and_the_first_on_a_tie() {
        let codes = ["190", "192", "192", "190", "193"];
        assert_eq!(most_common(codes.into_iter()), "190");
        assert_eq!(most_common(["193", "192", "192"].into_iter()), "192");
    }
}
