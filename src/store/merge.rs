//! Merging across documents: the reports of one real-world event become one `merged` row that
//! lists every report (`merged_events`). Reports are of one event when they share the dyad (the
//! states, an earlier state counting as the one that continues it: the Soviet Union's 1945
//! seizure is Russia's), the CAMEO root, the flags, and days: their intervals overlap, give or
//! take a day (two outlets may date one announcement a day apart). A span of several years ("25
//! meetings between 2012 and 2020") sums many events and merges only with another such span.
//!
//! The shared part is the event's `merge_key`, written with it. An ingest merges again only the
//! keys it added reports to, one key at a time in order of days, so neither the time nor the
//! memory of merging grows with the reports of keys it did not touch.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{params, Connection, Transaction};
use serde::Serialize;

use crate::actors::continuing;
use crate::document::Event;
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

/// Merges again every key with reports added since it was last merged (the `pending` table),
/// a few keys per transaction, and counts what the store then holds.
pub fn merge(conn: &mut Connection) -> Result<MergeStats> {
    let keys: Vec<String> = conn
        .prepare("SELECT merge_key FROM pending ORDER BY merge_key")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for chunk in keys.chunks(64) {
        let tx = conn.transaction()?;
        for key in chunk {
            rebuild(&tx, key)?;
        }
        tx.commit()?;
    }
    stats(conn)
}

fn stats(conn: &Connection) -> Result<MergeStats> {
    let count = |sql: &str| -> Result<usize> {
        Ok(conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as usize)
    };
    Ok(MergeStats {
        events: count("SELECT count(*) FROM events")?,
        merged: count("SELECT count(*) FROM merged")?,
        multi_source: count("SELECT count(*) FROM merged WHERE documents > 1")?,
        overlapping: count("SELECT count(*) FROM merged WHERE overlaps")?,
    })
}

/// What reports of one event share: the states (an earlier state as the one that continues it;
/// either way round for meetings and talks), the root and the flags. The historical flag is
/// left out: two articles years apart recall one event, one as news, the other as history.
pub fn key(e: &Event) -> String {
    fn side(a: &crate::document::Actor) -> &str {
        a.side().map(continuing).unwrap_or_default()
    }
    let (mut a, mut b) = (side(&e.source.actor), side(&e.target.actor));
    if taxonomy::in_class(&e.cameo, "either-way") && b < a {
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
fn flags(key: &str) -> [bool; 3] {
    let mut f = [false; 3];
    for (flag, c) in f
        .iter_mut()
        .zip(key.rsplit('|').next().unwrap_or("").chars())
    {
        *flag = c == '1';
    }
    f
}

/// One report, as read back from `events`.
struct Report {
    n: i64,
    doc: i64,
    cameo: String,
    historical: bool,
}

/// Reports of one event so far, and the days all of them allow (none for an undated report).
struct Group {
    reports: Vec<Report>,
    days: Option<(NaiveDate, NaiveDate)>,
    /// Its reports span years: it sums many events.
    years: bool,
    /// The sides of its first report.
    sides: (Option<String>, Option<String>),
}

/// The key being merged, and the flags it holds (planned, hypothetical, negated).
struct Key<'a> {
    name: &'a str,
    flags: [bool; 3],
}

/// Replaces the merged events of `key` with the groups of its reports. Reports stream in order
/// of their first day (ISO days sort as text); each joins an open group whose days it overlaps
/// (a day apart counts), and the group keeps the days both allow. A group that ended before a
/// report's first day is done and written, so only open groups are held in memory.
fn rebuild(tx: &Transaction, name: &str) -> Result<()> {
    let key = &Key {
        name,
        flags: flags(name),
    };
    tx.prepare_cached(
        "DELETE FROM merged_events WHERE merged IN (SELECT n FROM merged WHERE merge_key = ?1)",
    )?
    .execute([name])?;
    tx.prepare_cached("DELETE FROM merged WHERE merge_key = ?1")?
        .execute([name])?;
    let mut st = tx.prepare_cached(
        "SELECT n, doc, cameo, historical, earliest, latest, source_side, target_side
         FROM events WHERE merge_key = ?1 ORDER BY earliest, latest",
    )?;
    let mut rows = st.query([name])?;
    let mut open: Vec<Group> = Vec::new();
    let mut written: Vec<(i64, (NaiveDate, NaiveDate))> = Vec::new();
    while let Some(r) = rows.next()? {
        let report = Report {
            n: r.get(0)?,
            doc: r.get(1)?,
            cameo: r.get(2)?,
            historical: r.get(3)?,
        };
        let (a, b): (String, String) = (r.get(4)?, r.get(5)?);
        let sides = || -> rusqlite::Result<_> { Ok((r.get(6)?, r.get(7)?)) };
        let Some(d) = iso_day(&a).zip(iso_day(&b)) else {
            // An event of unknown date stands alone: nothing says it is another.
            let alone = Group {
                reports: vec![report],
                days: None,
                years: false,
                sides: sides()?,
            };
            write(tx, key, &alone)?;
            continue;
        };
        for g in open.extract_if(.., |g| g.days.is_some_and(|days| !near(days, (d.0, d.0)))) {
            close(tx, key, g, &mut written)?;
        }
        let years = spans_years(d);
        let joined = open
            .iter_mut()
            .find(|g| g.years == years && g.days.is_some_and(|days| near(days, d)));
        match joined {
            Some(g) => g.add(report, d),
            None => open.push(Group {
                reports: vec![report],
                days: Some(d),
                years,
                sides: sides()?,
            }),
        }
    }
    for g in open {
        close(tx, key, g, &mut written)?;
    }
    mark_overlapping(tx, &mut written)?;
    tx.prepare_cached("DELETE FROM pending WHERE merge_key = ?1")?
        .execute([name])?;
    Ok(())
}

/// Writes a dated group, keeping its row id and days to flag overlaps once the key is done.
fn close(
    tx: &Transaction,
    key: &Key,
    g: Group,
    written: &mut Vec<(i64, (NaiveDate, NaiveDate))>,
) -> Result<()> {
    let id = write(tx, key, &g)?;
    written.extend(g.days.map(|d| (id, d)));
    Ok(())
}

impl Group {
    fn add(&mut self, report: Report, d: (NaiveDate, NaiveDate)) {
        self.reports.push(report);
        if let Some(days) = &mut self.days {
            let both = (days.0.max(d.0), days.1.min(d.1));
            if both.0 <= both.1 {
                *days = both;
            }
        }
    }
}

fn spans_years(days: (NaiveDate, NaiveDate)) -> bool {
    (days.1 - days.0).num_days() > 366
}

fn near(a: (NaiveDate, NaiveDate), b: (NaiveDate, NaiveDate)) -> bool {
    let slack = chrono::Days::new(1);
    let after = |x: NaiveDate| x.checked_add_days(slack).unwrap_or(x);
    a.0 <= after(b.1) && b.0 <= after(a.1)
}

/// Flags the merged events of one key whose days overlap another's (a span of years beside an
/// event inside it): in order of first day, a group overlaps an earlier one when some earlier
/// group ends near its start, a later one when the next starts near its end.
fn mark_overlapping(tx: &Transaction, groups: &mut [(i64, (NaiveDate, NaiveDate))]) -> Result<()> {
    groups.sort_by_key(|&(_, d)| d);
    let mut st = tx.prepare_cached("UPDATE merged SET overlaps = 1 WHERE n = ?1")?;
    let mut furthest: Option<NaiveDate> = None;
    for (i, &(n, d)) in groups.iter().enumerate() {
        let earlier = furthest.is_some_and(|end| near((d.0, end), (d.0, d.0)));
        let later = groups
            .get(i + 1)
            .is_some_and(|(_, next)| near(d, (next.0, next.0)));
        if earlier || later {
            st.execute([n])?;
        }
        furthest = Some(furthest.map_or(d.1, |f| f.max(d.1)));
    }
    Ok(())
}

/// Writes one merged event and its reports; returns its row id.
fn write(tx: &Transaction, key: &Key, g: &Group) -> Result<i64> {
    let cameo = most_common(g.reports.iter().map(|r| r.cameo.as_str()));
    let code = taxonomy::code(cameo);
    let (earliest, latest) = g
        .days
        .map_or_else(Default::default, |(a, b)| (a.to_string(), b.to_string()));
    let mut docs: Vec<i64> = g.reports.iter().map(|r| r.doc).collect();
    docs.sort_unstable();
    docs.dedup();
    let [planned, hypothetical, negated] = key.flags;
    tx.prepare_cached(
        "INSERT INTO merged (merge_key, source_side, target_side, cameo, root, name, goldstein,
            quad_class, earliest, latest, historical, planned, hypothetical, negated, events,
            documents, overlaps)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, 0)",
    )?
    .execute(params![
        key.name,
        g.sides.0,
        g.sides.1,
        code.code,
        &code.code[..2],
        code.name,
        code.goldstein,
        code.quad,
        earliest,
        latest,
        g.reports.iter().any(|r| r.historical),
        planned,
        hypothetical,
        negated,
        g.reports.len(),
        docs.len(),
    ])?;
    let id = tx.last_insert_rowid();
    let mut member =
        tx.prepare_cached("INSERT INTO merged_events (merged, event) VALUES (?1, ?2)")?;
    for r in &g.reports {
        member.execute(params![id, r.n])?;
    }
    Ok(id)
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
