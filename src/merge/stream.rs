//! `annals merge-stream`: the merging rule for a distributed engine. The engine shuffles the
//! events table by merge key and sorts each partition by key, first day and last day (Spark
//! SQL's `repartition` and `sortWithinPartitions`); this reads such a partition as JSON Lines and
//! tells each event which merged event it belongs to, with that merged event's days and whether
//! they overlap another's of its key. The engine then aggregates the merged rows itself.
//!
//! One key at a time is held in memory. Input that is not in that order is refused: a merge of
//! unsorted reports would silently differ from the store's.

use std::io::{BufRead, Write};

use anyhow::{bail, Context, Result};
use rustc_hash::FxHashSet;
use serde::Deserialize;
use serde_json::{json, Value};

use super::{self as rule, Group, Sweep};

/// One report as the engine sends it; `event` is its id, given back as it came.
#[derive(Deserialize)]
struct Report {
    event: Value,
    merge_key: String,
    #[serde(default)]
    earliest: Option<String>,
    #[serde(default)]
    latest: Option<String>,
}

/// The reports of the key being read.
struct Run {
    key: String,
    sweep: Sweep<Value>,
    done: Vec<Group<Value>>,
    /// First and last day of the last report, to check the order.
    last: (String, String),
}

/// What a stream held.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Streamed {
    pub events: usize,
    pub merged: usize,
    pub keys: usize,
}

/// Reads sorted reports from `input`, writes one line per report to `out`:
/// `{"event", "merged": "KEY#N", "earliest", "latest", "overlaps"}`.
pub fn merge_stream(input: impl BufRead, out: &mut impl Write) -> Result<Streamed> {
    let mut seen = Streamed::default();
    let mut run: Option<Run> = None;
    for (i, line) in input.lines().enumerate() {
        let line = line.context("reading standard input")?;
        if line.trim().is_empty() {
            continue;
        }
        let r: Report = serde_json::from_str(&line)
            .with_context(|| format!("line {}: not an event of the merge input", i + 1))?;
        let (earliest, latest) = (r.earliest.unwrap_or_default(), r.latest.unwrap_or_default());
        let same_key = run.as_ref().is_some_and(|k| k.key == r.merge_key);
        if !same_key {
            if let Some(done) = run.take() {
                if r.merge_key < done.key {
                    bail!(
                        "line {}: key {:?} after {:?}: {UNSORTED}",
                        i + 1,
                        r.merge_key,
                        done.key
                    );
                }
                seen.merged += write_key(done, out)?;
            }
            seen.keys += 1;
            run = Some(Run {
                key: r.merge_key,
                sweep: Sweep::default(),
                done: Vec::new(),
                last: Default::default(),
            });
        }
        let k = run.as_mut().expect("a key is open");
        if (earliest.as_str(), latest.as_str()) < (k.last.0.as_str(), k.last.1.as_str()) {
            bail!(
                "line {}: days {earliest}..{latest} after {}..{}: {UNSORTED}",
                i + 1,
                k.last.0,
                k.last.1
            );
        }
        k.sweep
            .add(r.event, rule::days(&earliest, &latest), &mut k.done);
        k.last = (earliest, latest);
        seen.events += 1;
    }
    if let Some(done) = run {
        seen.merged += write_key(done, out)?;
    }
    out.flush()?;
    Ok(seen)
}

const UNSORTED: &str = "the input must be sorted by merge_key, earliest, latest";

/// Writes every report of a finished key with its merged event; returns how many there are.
fn write_key(run: Run, out: &mut impl Write) -> Result<usize> {
    let Run {
        key,
        sweep,
        mut done,
        ..
    } = run;
    sweep.finish(&mut done);
    let mut dated: Vec<(usize, rule::Days)> = done
        .iter()
        .enumerate()
        .filter_map(|(n, g)| g.days.map(|d| (n, d)))
        .collect();
    let overlapping: FxHashSet<usize> = rule::overlapping(&mut dated).into_iter().collect();
    for (n, g) in done.iter().enumerate() {
        let (earliest, latest) = g
            .days
            .map_or_else(Default::default, |(a, b)| (a.to_string(), b.to_string()));
        let merged = format!("{key}#{n}");
        for event in &g.reports {
            let line = json!({
                "event": event,
                "merged": merged,
                "earliest": earliest,
                "latest": latest,
                "overlaps": overlapping.contains(&n),
            });
            writeln!(out, "{line}")?;
        }
    }
    Ok(done.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream(input: &str) -> Result<(Streamed, Vec<Value>)> {
        let mut out = Vec::new();
        let seen = merge_stream(input.as_bytes(), &mut out)?;
        let lines = String::from_utf8(out)?
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        Ok((seen, lines))
    }

    #[test]
    fn every_report_learns_its_merged_event() {
        let input = r#"
{"event":"a:0","merge_key":"JPN|RUS|04|000","earliest":"2022-03-04","latest":"2022-03-04"}
{"event":"b:1","merge_key":"JPN|RUS|04|000","earliest":"2022-03-05","latest":"2022-03-05"}
{"event":"c:0","merge_key":"JPN|RUS|04|000","earliest":"2022-04-01","latest":"2022-04-01"}
{"event":"d:0","merge_key":"RUS|JPN|19|000"}
"#;
        let (seen, lines) = stream(input).unwrap();
        assert_eq!(
            seen,
            Streamed {
                events: 4,
                merged: 3,
                keys: 2
            }
        );
        assert_eq!(lines[0]["merged"], lines[1]["merged"]);
        assert_eq!(lines[0]["earliest"], "2022-03-04");
        assert_ne!(lines[2]["merged"], lines[0]["merged"]);
        assert_eq!(lines[3]["event"], "d:0");
        assert_eq!(lines[3]["earliest"], "");
        assert_eq!(lines[3]["overlaps"], false);
    }

    #[test]
    fn unsorted_input_is_refused_with_its_line() {
        let keys = "{\"event\":1,\"merge_key\":\"B\"}\n{\"event\":2,\"merge_key\":\"A\"}\n";
        let e = stream(keys).unwrap_err().to_string();
        assert!(e.starts_with("line 2:") && e.contains("sorted"), "{e}");
        let days = r#"{"event":1,"merge_key":"A","earliest":"2022-03-05","latest":"2022-03-05"}
{"event":2,"merge_key":"A","earliest":"2022-03-04","latest":"2022-03-04"}"#;
        assert!(stream(days).unwrap_err().to_string().contains("sorted"));
        assert!(stream("{\"merge_key\":\"A\"}").is_err());
    }
}
