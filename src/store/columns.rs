//! The columns of a report (one document's event), written once. The store's `events` table,
//! its insert and its reads, the CSV, JSON lines and Parquet exports, and the Spark job's
//! `events` table (through `annals event-rows`) are all made from [`EVENTS`]: adding a field
//! is adding a line here (and saying what it means in docs/export.md, which a test checks).

use std::io::{BufRead, Write};

use anyhow::{Context, Result};
use rusqlite::types::Value;

use super::export::{Cell, Cells};
use crate::document::{Document, Event, Place};
use crate::events::taxonomy::{self, Code};

/// What a column holds, and so how SQLite, Parquet, JSON and Spark type it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// Text that may be missing (SQL NULL, JSON null).
    MaybeText,
    Int,
    MaybeInt,
    Real,
    MaybeReal,
    /// Stored as 0 or 1 (SQLite has no booleans).
    Bool,
}

impl Kind {
    fn sql(self) -> &'static str {
        match self {
            Kind::Text => "TEXT NOT NULL",
            Kind::MaybeText => "TEXT",
            Kind::Int | Kind::Bool => "INTEGER NOT NULL",
            Kind::MaybeInt => "INTEGER",
            Kind::Real => "REAL NOT NULL",
            Kind::MaybeReal => "REAL",
        }
    }

    fn spark(self) -> &'static str {
        match self {
            Kind::Text | Kind::MaybeText => "STRING",
            Kind::Int | Kind::MaybeInt => "BIGINT",
            Kind::Real | Kind::MaybeReal => "DOUBLE",
            Kind::Bool => "BOOLEAN",
        }
    }

    /// The value of a row that has none (an export's empty Parquet file is typed by one).
    pub fn empty(self) -> Value {
        match self {
            Kind::Text => Value::Text(String::new()),
            Kind::MaybeText | Kind::MaybeInt | Kind::MaybeReal => Value::Null,
            Kind::Int | Kind::Bool => Value::Integer(0),
            Kind::Real => Value::Real(0.0),
        }
    }
}

/// Where a column's value comes from.
pub enum From {
    /// The event as the pipeline wrote it.
    Event(fn(&Event) -> Value),
    /// What the CAMEO code table says of the event's code: a merged event, which takes the code
    /// most of its reports give, gets these again from its own code.
    Code(fn(&Code) -> Value),
}

pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
    pub from: From,
}

const fn event(name: &'static str, kind: Kind, get: fn(&Event) -> Value) -> Column {
    Column {
        name,
        kind,
        from: From::Event(get),
    }
}

const fn code(name: &'static str, kind: Kind, get: fn(&Code) -> Value) -> Column {
    Column {
        name,
        kind,
        from: From::Code(get),
    }
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn maybe(s: Option<&str>) -> Value {
    s.map_or(Value::Null, text)
}

fn int(i: impl TryInto<i64>) -> Value {
    // Offsets and counts of a document are far below i64's range.
    Value::Integer(i.try_into().unwrap_or(i64::MAX))
}

fn flag(b: bool) -> Value {
    Value::Integer(i64::from(b))
}

/// Every column of a report, in the order the store and the exports give them. Side: the
/// state, else the organization.
pub const EVENTS: &[Column] = &[
    event("earliest", Kind::Text, |e| text(&e.date.earliest)),
    event("latest", Kind::Text, |e| text(&e.date.latest)),
    event("undated", Kind::Bool, |e| flag(e.date.earliest.is_empty())),
    event("source_side", Kind::MaybeText, |e| {
        maybe(e.source.actor.side())
    }),
    event("target_side", Kind::MaybeText, |e| {
        maybe(e.target.actor.side())
    }),
    event("source_code", Kind::Text, |e| text(&e.source.actor.code)),
    event("source_text", Kind::Text, |e| text(&e.source.text)),
    event("target_code", Kind::Text, |e| text(&e.target.actor.code)),
    event("target_text", Kind::Text, |e| text(&e.target.text)),
    event("cameo", Kind::Text, |e| text(&e.cameo)),
    code("root", Kind::Text, |c| text(&c.code[..2])),
    code("name", Kind::Text, |c| text(c.name)),
    code("goldstein", Kind::Real, |c| Value::Real(c.goldstein)),
    code("quad_class", Kind::Int, |c| int(c.quad)),
    code("plover_event", Kind::MaybeText, |c| plover(c, |p| p.0)),
    code("plover_mode", Kind::MaybeText, |c| plover(c, |p| p.1)),
    code("plover_context", Kind::MaybeText, |c| plover(c, |p| p.2)),
    event("historical", Kind::Bool, |e| flag(e.historical)),
    event("planned", Kind::Bool, |e| flag(e.planned)),
    event("hypothetical", Kind::Bool, |e| flag(e.hypothetical)),
    event("negated", Kind::Bool, |e| flag(e.negated)),
    event("date_value", Kind::Text, |e| text(&e.date.value)),
    event("date_granularity", Kind::Text, |e| {
        text(e.date.granularity.as_str())
    }),
    event("date_basis", Kind::Text, |e| text(e.date.basis.as_str())),
    event("date_text", Kind::MaybeText, |e| {
        maybe(e.date.text.as_deref())
    }),
    event("claimed_by", Kind::MaybeText, |e| {
        maybe(e.claimed_by.as_ref().map(|c| c.actor.code.as_str()))
    }),
    event("location", Kind::MaybeText, |e| {
        maybe(e.location.as_deref())
    }),
    event("place_name", Kind::MaybeText, |e| {
        maybe(place(e, |p| &p.name))
    }),
    event("place_type", Kind::MaybeText, |e| {
        maybe(place(e, |p| p.kind.as_str()))
    }),
    event("place_country", Kind::MaybeText, |e| {
        maybe(e.place.as_ref().and_then(|p| p.country.as_deref()))
    }),
    event("place_adm1", Kind::MaybeText, |e| {
        maybe(e.place.as_ref().and_then(|p| p.adm1.as_deref()))
    }),
    event("place_lat", Kind::MaybeReal, |e| {
        e.place.as_ref().map_or(Value::Null, |p| Value::Real(p.lat))
    }),
    event("place_lon", Kind::MaybeReal, |e| {
        e.place.as_ref().map_or(Value::Null, |p| Value::Real(p.lon))
    }),
    event("place_geonames_id", Kind::MaybeInt, |e| {
        e.place
            .as_ref()
            .and_then(|p| p.geonames_id)
            .map_or(Value::Null, int)
    }),
    event("place_basis", Kind::MaybeText, |e| {
        maybe(place(e, |p| p.basis.as_str()))
    }),
    event("sentence", Kind::Int, |e| int(e.evidence.sentence)),
    event("start", Kind::Int, |e| int(e.evidence.start)),
    event("end", Kind::Int, |e| int(e.evidence.end)),
    event("trigger", Kind::Text, |e| text(&e.evidence.trigger)),
    event("evidence", Kind::Text, |e| text(&e.evidence.text)),
    event("rule", Kind::Text, |e| text(&e.rule)),
    event("confidence", Kind::Real, |e| Value::Real(e.confidence)),
    event("merge_key", Kind::Text, |e| text(&crate::merge::key_of(e))),
];

/// A field of the event's place, when it has one.
fn place(e: &Event, field: fn(&Place) -> &str) -> Option<&str> {
    e.place.as_ref().map(field)
}

/// A part of the code's PLOVER category, event, mode or context; none when empty.
type Parts = (&'static str, &'static str, &'static str);

fn plover(c: &Code, part: fn(&Parts) -> &'static str) -> Value {
    maybe(c.plover.as_ref().map(part).filter(|s| !s.is_empty()))
}

/// The place of column `name` in [`EVENTS`].
pub fn index(name: &str) -> usize {
    EVENTS
        .iter()
        .position(|c| c.name == name)
        .unwrap_or_else(|| panic!("no event column {name:?} in src/store/columns.rs"))
}

/// The values of every column for `e`, in order; an error for a code the table does not know
/// (a document written by another release).
pub fn values(e: &Event) -> Result<Vec<Value>> {
    let code = taxonomy::codes()
        .get(e.cameo.as_str())
        .with_context(|| format!("event of unknown CAMEO code {:?}", e.cameo))?;
    Ok(EVENTS
        .iter()
        .map(|c| match c.from {
            From::Event(get) => get(e),
            From::Code(get) => get(code),
        })
        .collect())
}

/// Puts the values code `cameo` decides into `values` (a row of [`EVENTS`]).
pub fn set_code(values: &mut [Value], cameo: &str) {
    let Some(code) = taxonomy::codes().get(cameo) else {
        return;
    };
    values[index("cameo")] = text(cameo);
    for (c, v) in EVENTS.iter().zip(values) {
        if let From::Code(get) = c.from {
            *v = get(code);
        }
    }
}

/// The `events` table of the store: its row number, its document, then [`EVENTS`].
pub fn create_table() -> String {
    let columns: Vec<String> = EVENTS
        .iter()
        .map(|c| format!("    {} {}", c.name, c.kind.sql()))
        .collect();
    format!(
        "CREATE TABLE IF NOT EXISTS events (\n    n INTEGER PRIMARY KEY,\n    \
         doc INTEGER NOT NULL REFERENCES documents(n),\n{}\n);\n",
        columns.join(",\n")
    )
}

/// The statement that adds a report of document `?1`.
pub fn insert_sql() -> String {
    let names: Vec<&str> = EVENTS.iter().map(|c| c.name).collect();
    let slots: Vec<String> = (2..=EVENTS.len() + 1).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO events (doc, {}) VALUES (?1, {})",
        names.join(", "),
        slots.join(", ")
    )
}

/// Every column of table alias `alias`, for a SELECT: `e.earliest, e.latest, …`.
pub fn select(alias: &str) -> String {
    let names: Vec<String> = EVENTS
        .iter()
        .map(|c| format!("{alias}.{}", c.name))
        .collect();
    names.join(", ")
}

/// What the store's `events` table lacks of [`EVENTS`], and what it has that they do not.
pub fn differences(table: &[String]) -> (Vec<&'static str>, Vec<String>) {
    let ours = ["n", "doc"]
        .into_iter()
        .chain(EVENTS.iter().map(|c| c.name));
    let missing = ours
        .clone()
        .filter(|name| !table.iter().any(|t| t == name))
        .collect();
    let extra = table
        .iter()
        .filter(|t| !ours.clone().any(|name| name == t.as_str()))
        .cloned()
        .collect();
    (missing, extra)
}

/// The columns as a Spark SQL schema (`earliest STRING, …`), for the rows of [`rows`].
pub fn spark_schema() -> String {
    let columns: Vec<String> = EVENTS
        .iter()
        .map(|c| format!("`{}` {}", c.name, c.kind.spark()))
        .collect();
    format!("`doc_id` STRING, `nth` BIGINT, {}", columns.join(", "))
}

/// `annals event-rows`, for a distributed engine (the Spark job of deploy/spark): for each
/// document line of `extract --jsonl-in` on `input`, one JSON line per event with the
/// document's id, the event's place among the document's events (`nth`) and every column of
/// [`EVENTS`]. Returns how many rows were written.
pub fn rows(input: impl BufRead, out: &mut impl Write) -> Result<usize> {
    let mut written = 0;
    for (i, line) in input.lines().enumerate() {
        let line = line.context("reading standard input")?;
        let Some(doc) = crate::merge::stream::document(&line, i)? else {
            continue;
        };
        written += document_rows(&doc, out)?;
    }
    out.flush()?;
    Ok(written)
}

fn document_rows(doc: &Document, out: &mut impl Write) -> Result<usize> {
    for (nth, e) in doc.events.iter().enumerate() {
        let values = values(e).with_context(|| format!("document {}", doc.id))?;
        let mut row = vec![
            ("doc_id", Cell::Text(Some(&doc.id))),
            ("nth", Cell::Int(nth as i64)),
        ];
        row.extend(
            EVENTS
                .iter()
                .zip(&values)
                .map(|(c, v)| (c.name, Cell::of(c.kind, v))),
        );
        serde_json::to_writer(&mut *out, &Cells(&row))?;
        writeln!(out)?;
    }
    Ok(doc.events.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_plain() {
        for (i, c) in EVENTS.iter().enumerate() {
            assert!(
                c.name
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_'),
                "{}",
                c.name
            );
            assert_eq!(index(c.name), i, "{} twice", c.name);
        }
    }

    #[test]
    fn a_table_of_other_columns_is_told_apart() {
        let mut table: Vec<String> = ["n", "doc"].map(String::from).to_vec();
        table.extend(EVENTS.iter().map(|c| c.name.to_string()));
        assert_eq!(differences(&table), (vec![], vec![]));
        table.retain(|t| t != "undated");
        table.push("basis".into());
        assert_eq!(differences(&table), (vec!["undated"], vec!["basis".into()]));
    }

    #[test]
    fn a_merged_code_brings_its_own_root_name_and_scores() {
        let mut values: Vec<Value> = EVENTS.iter().map(|c| c.kind.empty()).collect();
        set_code(&mut values, "163");
        let at = |name| &values[index(name)];
        assert_eq!(at("cameo"), &text("163"));
        assert_eq!(at("root"), &text("16"));
        assert_eq!(at("quad_class"), &Value::Integer(4));
        assert!(matches!(at("goldstein"), Value::Real(g) if *g < 0.0));
    }
}
