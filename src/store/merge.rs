//! Merging across documents in the store: the reports of one real-world event become one
//! `merged` row that lists every report (`merged_events`), by the rule of [`crate::merge`] (the Soviet
//! Union's 1945 seizure is Russia's; two outlets may date one announcement a day apart).
//!
//! The shared part is the event's `merge_key`, written with it. An ingest merges again only the
//! keys it added reports to, one key at a time in order of days, so neither the time nor the
//! memory of merging grows with the reports of keys it did not touch.

use anyhow::Result;
use rusqlite::{params, Connection, Transaction};
use serde::Serialize;

use crate::events::taxonomy;
use crate::merge::{self as rule, Group, Sweep};

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

/// One report, as read back from `events`.
struct Report {
    n: i64,
    doc: i64,
    cameo: String,
    historical: bool,
    sides: (Option<String>, Option<String>),
}

/// The key being merged, and the flags it holds (planned, hypothetical, negated).
struct Key<'a> {
    name: &'a str,
    flags: [bool; 3],
}

/// Replaces the merged events of `key` with the groups the rule makes of its reports, read in
/// order of days from the `events_key` index; a group is written once the rule closes it.
fn rebuild(tx: &Transaction, name: &str) -> Result<()> {
    let key = &Key {
        name,
        flags: rule::flags(name),
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
    let mut sweep = Sweep::default();
    let mut done = Vec::new();
    let mut written = Vec::new();
    while let Some(r) = rows.next()? {
        let report = Report {
            n: r.get(0)?,
            doc: r.get(1)?,
            cameo: r.get(2)?,
            historical: r.get(3)?,
            sides: (r.get(6)?, r.get(7)?),
        };
        let days = rule::days(&r.get::<_, String>(4)?, &r.get::<_, String>(5)?);
        sweep.add(report, days, &mut done);
        write_all(tx, key, &mut done, &mut written)?;
    }
    sweep.finish(&mut done);
    write_all(tx, key, &mut done, &mut written)?;
    let mut flag = tx.prepare_cached("UPDATE merged SET overlaps = 1 WHERE n = ?1")?;
    for n in rule::overlapping(&mut written) {
        flag.execute([n])?;
    }
    tx.prepare_cached("DELETE FROM pending WHERE merge_key = ?1")?
        .execute([name])?;
    Ok(())
}

/// Writes the groups the rule closed, keeping the row id and days of each dated one to flag
/// overlaps once the key is done.
fn write_all(
    tx: &Transaction,
    key: &Key,
    done: &mut Vec<Group<Report>>,
    written: &mut Vec<(i64, rule::Days)>,
) -> Result<()> {
    for g in done.drain(..) {
        let id = write(tx, key, &g)?;
        written.extend(g.days.map(|d| (id, d)));
    }
    Ok(())
}

/// Writes one merged event and its reports; returns its row id.
fn write(tx: &Transaction, key: &Key, g: &Group<Report>) -> Result<i64> {
    let told: Vec<rule::Told<i64>> = g
        .reports
        .iter()
        .map(|r| rule::Told {
            cameo: &r.cameo,
            sides: (r.sides.0.as_deref(), r.sides.1.as_deref()),
            historical: r.historical,
            doc: r.doc,
        })
        .collect();
    let sum = rule::summary(&told);
    let code = taxonomy::code(sum.cameo);
    let (source_side, target_side) = sum.sides;
    let (earliest, latest) = g
        .days
        .map_or_else(Default::default, |(a, b)| (a.to_string(), b.to_string()));
    let [planned, hypothetical, negated] = key.flags;
    tx.prepare_cached(
        "INSERT INTO merged (merge_key, source_side, target_side, cameo, root, name, goldstein,
            quad_class, earliest, latest, historical, planned, hypothetical, negated, events,
            documents, overlaps)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, 0)",
    )?
    .execute(params![
        key.name,
        source_side,
        target_side,
        code.code,
        &code.code[..2],
        code.name,
        code.goldstein,
        code.quad,
        earliest,
        latest,
        sum.historical,
        planned,
        hypothetical,
        negated,
        sum.events,
        sum.documents,
    ])?;
    let id = tx.last_insert_rowid();
    let mut member =
        tx.prepare_cached("INSERT INTO merged_events (merged, event) VALUES (?1, ?2)")?;
    for r in &g.reports {
        member.execute(params![id, r.n])?;
    }
    Ok(id)
}
