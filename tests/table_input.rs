//! Documents extracted elsewhere come back to the desk: a Parquet table with a `document`
//! column (what the Spark job of deploy/spark writes) is ingested as it is, and gives the store
//! the record that ingesting the articles themselves gives. Also `annals merge-stream`, the
//! merging rule as the Spark job runs it.

mod common;

use std::fs::{self, File};
use std::path::Path;
use std::sync::Arc;

use arrow_array::{RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use common::{annals, annals_fed};
use parquet::arrow::ArrowWriter;
use serde_json::Value;

fn ok(args: &[&str]) -> String {
    let out = annals(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The merged record of a store, without its row ids.
fn timeline(db: &Path) -> Vec<Value> {
    let out = ok(&["timeline", "--db", db.to_str().unwrap(), "--format", "json"]);
    let mut rows: Vec<Value> = serde_json::from_str(&out).unwrap();
    for row in &mut rows {
        row.as_object_mut().unwrap().remove("id");
    }
    rows
}

fn write_table(path: &Path, documents: Vec<Option<String>>) {
    let schema = Arc::new(Schema::new(vec![Field::new(
        "document",
        DataType::Utf8,
        true,
    )]));
    let column = StringArray::from(documents);
    let batch = RecordBatch::try_new(schema.clone(), vec![Arc::new(column)]).unwrap();
    let mut w = ArrowWriter::try_new(File::create(path).unwrap(), schema, None).unwrap();
    w.write(&batch).unwrap();
    w.close().unwrap();
}

#[test]
fn a_documents_table_ingests_as_the_articles_do() {
    let dir = tempfile::tempdir().unwrap();
    let extracted = ok(&["extract", "examples/articles"]);
    let mut rows: Vec<Option<String>> = extracted.lines().map(|l| Some(l.to_string())).collect();
    let n = rows.len();
    rows.push(None);
    let table = dir.path().join("documents");
    fs::create_dir(&table).unwrap();
    write_table(&table.join("part-00000.parquet"), rows);
    fs::write(table.join("_SUCCESS"), "").unwrap();

    let direct = dir.path().join("direct.db");
    let from_table = dir.path().join("table.db");
    ok(&[
        "ingest",
        "--quiet",
        "examples/articles",
        "--db",
        direct.to_str().unwrap(),
    ]);
    let args = [
        "ingest",
        "--quiet",
        "--format",
        "json",
        "--db",
        from_table.to_str().unwrap(),
    ];
    let summary: Value =
        serde_json::from_str(&ok(&[&args[..], &[table.to_str().unwrap()]].concat())).unwrap();
    assert_eq!(summary["documents"], n as u64, "{summary}");
    assert_eq!(
        summary["errors"], 1,
        "the empty row, not the _SUCCESS marker: {summary}"
    );
    assert_eq!(timeline(&from_table), timeline(&direct));
    assert!(!timeline(&direct).is_empty());

    let again: Value =
        serde_json::from_str(&ok(&[&args[..], &[table.to_str().unwrap()]].concat())).unwrap();
    assert_eq!(
        (again["documents"].as_u64(), again["known"].as_u64()),
        (Some(0), Some(n as u64))
    );
}

#[test]
fn merge_stream_tells_each_sorted_report_its_merged_event() {
    let input = [
        r#"{"event": {"doc": "a", "nth": 0}, "merge_key": "JPN|RUS|19|000", "earliest": "1945-08-01", "latest": "1945-09-02"}"#,
        r#"{"event": {"doc": "b", "nth": 3}, "merge_key": "JPN|RUS|19|000", "earliest": "1945-08-18", "latest": "1945-08-18"}"#,
        r#"{"event": {"doc": "c", "nth": 1}, "merge_key": "JPN|RUS|19|000", "earliest": "2022-03-01", "latest": "2022-03-01"}"#,
    ]
    .join("\n");
    let out = annals_fed(&["merge-stream"], input.as_bytes());
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(
        lines[0]["event"]["doc"], "a",
        "the event comes back as it was sent"
    );
    assert_eq!(lines[0]["merged"], lines[1]["merged"]);
    assert_eq!(
        (lines[1]["earliest"].as_str(), lines[1]["latest"].as_str()),
        (Some("1945-08-18"), Some("1945-08-18"))
    );
    assert_ne!(lines[2]["merged"], lines[0]["merged"]);

    let reversed: Vec<&str> = input.lines().rev().collect();
    let unsorted = annals_fed(&["merge-stream"], reversed.join("\n").as_bytes());
    assert!(!unsorted.status.success());
    assert!(String::from_utf8_lossy(&unsorted.stderr).contains("sorted"));
}
