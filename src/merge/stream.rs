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
use crate::document::Document;

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
    for record in records::<Report>(input, "an event of the merge input") {
        let (i, r) = record?;
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

/// The JSON lines of `input` read as `T`, each with its index (blank lines skipped); a line
/// that is not one is an error that names it and says what was expected (`what`).
pub(super) fn records<T: serde::de::DeserializeOwned>(
    input: impl BufRead,
    what: &'static str,
) -> impl Iterator<Item = Result<(usize, T)>> {
    input.lines().enumerate().filter_map(move |(i, line)| {
        let line = match line.context("reading standard input") {
            Ok(line) if line.trim().is_empty() => return None,
            Ok(line) => line,
            Err(e) => return Some(Err(e)),
        };
        let parsed =
            serde_json::from_str(&line).with_context(|| format!("line {}: not {what}", i + 1));
        Some(parsed.map(|t| (i, t)))
    })
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
        let summary = summary(&g.reports);
        for event in &g.reports {
            let line = json!({
                "event": event,
                "merged": merged,
                "earliest": earliest,
                "latest": latest,
                "overlaps": overlapping.contains(&n),
                "summary": summary,
            });
            writeln!(out, "{line}")?;
        }
    }
    Ok(done.len())
}

/// The merged event's [`rule::summary`] of its reports (the fields of the Spark job's report:
/// `cameo`, `source_side`, `target_side`, `historical`, `doc_id`), with its code's name and
/// scores, as the store writes them.
fn summary(reports: &[Value]) -> Value {
    fn text<'v>(v: &'v Value, k: &str) -> Option<&'v str> {
        v.get(k).and_then(Value::as_str)
    }
    let told: Vec<rule::Told<Option<&str>>> = reports
        .iter()
        .map(|r| rule::Told {
            cameo: text(r, "cameo").unwrap_or(""),
            sides: (text(r, "source_side"), text(r, "target_side")),
            historical: r
                .get("historical")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            doc: text(r, "doc_id"),
        })
        .collect();
    let sum = rule::summary(&told);
    // An engine may send bare ids (as the tests do): no code, no code's fields.
    let code = crate::events::taxonomy::codes().get(sum.cameo);
    json!({
        "cameo": code.map(|c| c.code),
        "root": code.and_then(|c| c.code.get(..2)),
        "name": code.map(|c| c.name),
        "goldstein": code.map(|c| c.goldstein),
        "quad_class": code.map(|c| c.quad),
        "source_side": sum.sides.0,
        "target_side": sum.sides.1,
        "historical": sum.historical,
        "events": sum.events,
        "documents": sum.documents,
    })
}

/// A document line of `extract --jsonl-in`; `None` for a blank line or a failed record's.
pub(crate) fn document(line: &str, i: usize) -> Result<Option<Document>> {
    if line.trim().is_empty() {
        return Ok(None);
    }
    let value: Value =
        serde_json::from_str(line).with_context(|| format!("line {}: not JSON", i + 1))?;
    if value.get("error").is_some() {
        return Ok(None);
    }
    let doc = serde_json::from_value(value)
        .with_context(|| format!("line {}: not a document of annals extract", i + 1))?;
    Ok(Some(doc))
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
    fn each_report_carries_its_merged_event_by_the_stores_rule() {
        // Two reports say 192 and one 190 with other sides: the majority wins; on a tie of
        // sides, the smaller.
        let input = r#"
{"event":{"doc_id":"a","cameo":"192","source_side":"SUN","target_side":"JPN","historical":true},"merge_key":"RUS|JPN|19|000","earliest":"1945-08-01","latest":"1945-09-02"}
{"event":{"doc_id":"b","cameo":"190","source_side":"RUS","target_side":"JPN","historical":false},"merge_key":"RUS|JPN|19|000","earliest":"1945-08-01","latest":"1945-09-02"}
{"event":{"doc_id":"b","cameo":"192","source_side":"RUS","target_side":"JPN","historical":false},"merge_key":"RUS|JPN|19|000","earliest":"1945-08-01","latest":"1945-09-02"}
"#;
        let (_, lines) = stream(input).unwrap();
        let s = &lines[0]["summary"];
        assert_eq!(lines[2]["summary"], *s);
        assert_eq!(
            (s["cameo"].as_str(), s["root"].as_str()),
            (Some("192"), Some("19"))
        );
        assert_eq!(s["source_side"], "RUS");
        assert_eq!(
            (
                s["historical"].as_bool(),
                s["events"].as_u64(),
                s["documents"].as_u64()
            ),
            (Some(true), Some(3), Some(2))
        );
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
