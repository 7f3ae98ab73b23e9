//! The query results as people read them: aligned tables, a text sparkline, CSV.

use std::fmt::Write;

use anyhow::Result;
use serde::Serialize;

use crate::text::cut;

use super::query::{EventRow, Hit, MergedRow, Period};

/// Days as one short text: `2014-09-03`, or `2012-01-01..2020-12-31`.
fn days(earliest: &str, latest: &str) -> String {
    if earliest.is_empty() {
        "undated".to_string()
    } else if earliest == latest {
        earliest.to_string()
    } else {
        format!("{earliest}..{latest}")
    }
}

fn flags(historical: bool, planned: bool) -> &'static str {
    match (historical, planned) {
        (true, _) => "historical",
        (_, true) => "planned",
        _ => "",
    }
}

pub fn events(rows: &[EventRow]) -> String {
    let mut s = String::new();
    if !rows.is_empty() {
        let _ = writeln!(
            s,
            "{:<23} {:<9} {:<5} {:<9} {:<40} published by [document]",
            "days", "source", "code", "target", "event"
        );
    }
    for e in rows {
        // The start of the id is enough for `annals show`.
        let short = e.doc.get(..8).unwrap_or(&e.doc);
        let _ = writeln!(
            s,
            "{:<23} {:<9} {:<5} {:<9} {:<40} {} [{short}] {}",
            days(&e.earliest, &e.latest),
            e.source,
            e.cameo,
            e.target,
            cut(&e.name, 40),
            e.publisher,
            flags(e.historical, e.planned)
        );
        let _ = writeln!(s, "    \"{}\": {}", e.trigger, cut(&e.sentence, 100));
    }
    let _ = writeln!(s, "{} events", rows.len());
    s
}

pub fn timeline(rows: &[MergedRow]) -> String {
    let mut s = String::new();
    if !rows.is_empty() {
        let _ = writeln!(
            s,
            "{:<23} {:<40} source -> target  documents (published by)",
            "days", "event"
        );
    }
    for (i, m) in rows.iter().enumerate() {
        if m.earliest.is_empty() && rows[..i].iter().all(|r| !r.earliest.is_empty()) {
            let _ = writeln!(
                s,
                "-- undated: no date is printed for them or can be inferred"
            );
        }
        let outlets: Vec<String> = m.reports.iter().map(|r| r.publisher.clone()).collect();
        let _ = writeln!(
            s,
            "{:<23} {:<40} {} -> {}  {} source{} ({})",
            days(&m.earliest, &m.latest),
            cut(&m.name, 40),
            named(m.source.as_deref()),
            named(m.target.as_deref()),
            m.documents,
            if m.documents == 1 { "" } else { "s" },
            dedup(outlets).join(", ")
        );
    }
    let _ = writeln!(s, "{} merged events", rows.len());
    s
}

/// A side as its code and name, "JPN Japan"; "?" when the event names none.
fn named(side: Option<&str>) -> String {
    match side {
        None | Some("") => "?".to_string(),
        Some(code) => match crate::actors::side_name(code) {
            Some(name) => format!("{code} {name}"),
            None => code.to_string(),
        },
    }
}

/// The items in their order, each once.
pub(super) fn dedup(mut v: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    v.retain(|x| seen.insert(x.clone()));
    v
}

pub fn relations(rows: &[Period]) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{:<8} {:>6} {:>6} {:>6} {:>9} {:>7}",
        "period", "events", "coop", "confl", "goldstein", "mean"
    );
    for p in rows {
        let _ = writeln!(
            s,
            "{:<8} {:>6} {:>6} {:>6} {:>9.1} {:>7.2}",
            p.period, p.events, p.cooperation, p.conflict, p.goldstein_sum, p.goldstein_mean
        );
    }
    let counts: Vec<f64> = rows.iter().map(|p| p.events as f64).collect();
    let means: Vec<f64> = rows.iter().map(|p| p.goldstein_mean).collect();
    let _ = writeln!(s, "events    {}", sparkline(&counts));
    let _ = writeln!(s, "goldstein {}", sparkline(&means));
    s
}

/// One block character per value, from the lowest to the highest value.
pub fn sparkline(values: &[f64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    values
        .iter()
        .map(|v| {
            let at = if hi > lo { (v - lo) / (hi - lo) } else { 0.5 };
            BARS[((at * 7.0).round() as usize).min(7)]
        })
        .collect()
}

pub fn hits(rows: &[Hit]) -> String {
    let mut s = String::new();
    for h in rows {
        let _ = writeln!(
            s,
            "{}  {}  {}",
            h.doc,
            h.published.as_deref().unwrap_or("undated"),
            h.title.as_deref().unwrap_or("(no title)")
        );
        let _ = writeln!(s, "    {}", h.snippet.replace('\n', " "));
    }
    let _ = writeln!(s, "{} documents", rows.len());
    s
}

/// Rows as CSV with a header line.
pub fn csv<T: Serialize>(rows: &[T]) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.serialize(r)?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

/// The timeline as flat rows for CSV: the reports' documents joined by `;`.
#[derive(Serialize)]
pub struct FlatMerged<'a> {
    earliest: &'a str,
    latest: &'a str,
    source: Option<&'a str>,
    target: Option<&'a str>,
    cameo: &'a str,
    name: &'a str,
    goldstein: f64,
    historical: bool,
    planned: bool,
    documents: usize,
    docs: String,
}

pub fn flat(rows: &[MergedRow]) -> Vec<FlatMerged<'_>> {
    rows.iter()
        .map(|m| FlatMerged {
            earliest: &m.earliest,
            latest: &m.latest,
            source: m.source.as_deref(),
            target: m.target.as_deref(),
            cameo: &m.cameo,
            name: &m.name,
            goldstein: m.goldstein,
            historical: m.historical,
            planned: m.planned,
            documents: m.documents,
            docs: dedup(m.reports.iter().map(|r| r.doc.clone()).collect()).join(";"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparkline_spans_lowest_to_highest() {
        assert_eq!(sparkline(&[0.0, 7.0, 3.5]), "▁█▅");
        assert_eq!(sparkline(&[2.0, 2.0]), "▅▅");
    }
}
