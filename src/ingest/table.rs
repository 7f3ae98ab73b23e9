//! Documents extracted elsewhere and kept as a table: the `documents` Parquet files the Spark
//! job writes (deploy/spark), one row per document with the document's JSON, as `annals
//! extract` prints it, in the `document` column. They are read back as they are, not extracted
//! again, a batch of rows at a time; a row that cannot be read is an error of its own, and a
//! row without a document gives the table's `error` for it when there is one.

use std::fs::File;
use std::path::Path;

use arrow_array::cast::AsArray;
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};
use parquet::arrow::ProjectionMask;

use super::IngestError;
use crate::document::Document;

/// The column that holds each document's JSON.
const COLUMN: &str = "document";
/// The column that says why a record has no document (optional).
const ERROR: &str = "error";

/// Rows decoded at a time.
const BATCH: usize = 256;

/// Whether a file is Parquet (its first four bytes).
pub fn is_parquet(head: &[u8]) -> bool {
    head.starts_with(b"PAR1")
}

/// The rows of a documents table, each with its path (`part-0.parquet#12`, the row's number).
pub struct Table {
    path: String,
    batches: ParquetRecordBatchReader,
    batch: Option<RecordBatch>,
    row: usize,
    n: usize,
    max_bytes: u64,
    done: bool,
}

impl Table {
    pub fn open(path: &Path, max_bytes: u64) -> Result<Table, IngestError> {
        let bad = |e: parquet::errors::ParquetError| IngestError::Record(e.to_string());
        let file = File::open(path).map_err(IngestError::Io)?;
        let builder = ParquetRecordBatchReaderBuilder::try_new(file).map_err(bad)?;
        if builder.schema().field_with_name(COLUMN).is_err() {
            return Err(IngestError::Record(format!(
                "a Parquet file without a `{COLUMN}` column: not a documents table of annals"
            )));
        }
        let with_errors = builder.schema().field_with_name(ERROR).is_ok();
        let columns: &[&str] = if with_errors {
            &[COLUMN, ERROR]
        } else {
            &[COLUMN]
        };
        let mask = ProjectionMask::columns(builder.parquet_schema(), columns.iter().copied());
        let batches = builder
            .with_projection(mask)
            .with_batch_size(BATCH)
            .build()
            .map_err(bad)?;
        Ok(Table {
            path: path.display().to_string(),
            batches,
            batch: None,
            row: 0,
            n: 0,
            max_bytes,
            done: false,
        })
    }

    /// The next row's JSON, or why it has none; `None` at the end of the file.
    fn next_json(&mut self) -> Option<Result<String, IngestError>> {
        loop {
            if let Some(batch) = &self.batch {
                if self.row < batch.num_rows() {
                    self.row += 1;
                    return Some(row(batch, self.row - 1));
                }
            }
            match self.batches.next()? {
                Ok(batch) => {
                    self.batch = Some(batch);
                    self.row = 0;
                }
                Err(e) => {
                    // A damaged row group: the rows after it cannot be trusted to line up.
                    self.done = true;
                    return Some(Err(IngestError::Record(e.to_string())));
                }
            }
        }
    }

    fn document(&self, json: String) -> Result<Document, IngestError> {
        if json.len() as u64 > self.max_bytes {
            return Err(IngestError::TooLarge {
                bytes: json.len() as u64,
                max: self.max_bytes,
            });
        }
        serde_json::from_str(&json)
            .map_err(|e| IngestError::Record(format!("not a document of annals: {e}")))
    }
}

/// Row `i`'s document JSON; for a row without one, its error when the table has that column.
fn row(batch: &RecordBatch, i: usize) -> Result<String, IngestError> {
    let documents = batch
        .column_by_name(COLUMN)
        .ok_or_else(|| IngestError::Record(format!("no `{COLUMN}` column")))?;
    if let Some(json) = text_at(documents, i)? {
        return Ok(json);
    }
    let error = match batch.column_by_name(ERROR) {
        Some(errors) => text_at(errors, i)?,
        None => None,
    };
    Err(IngestError::Record(
        error.unwrap_or_else(|| format!("`{COLUMN}` is empty")),
    ))
}

fn text_at(column: &dyn Array, i: usize) -> Result<Option<String>, IngestError> {
    if column.is_null(i) {
        return Ok(None);
    }
    let text = match column.data_type() {
        DataType::Utf8 => column.as_string::<i32>().value(i),
        DataType::LargeUtf8 => column.as_string::<i64>().value(i),
        DataType::Utf8View => column.as_string_view().value(i),
        other => {
            return Err(IngestError::Record(format!(
                "`{COLUMN}` or `{ERROR}` is {other}, not text"
            )))
        }
    };
    Ok(Some(text.to_string()))
}

impl Iterator for Table {
    type Item = (String, Result<Document, IngestError>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let json = match super::catch(|| self.next_json()) {
            Ok(json) => json?,
            Err(bug) => {
                // What a panic left half-read cannot be trusted: the table ends here.
                self.done = true;
                return Some((self.path.clone(), Err(bug)));
            }
        };
        self.n += 1;
        let path = format!("{}#{}", self.path, self.n);
        Some((path, json.and_then(|j| self.document(j))))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::{Int64Array, StringArray};
    use arrow_schema::{Field, Schema};
    use parquet::arrow::ArrowWriter;

    use super::*;

    fn write(path: &Path, name: &str, rows: Vec<Option<&str>>) {
        let schema = Arc::new(Schema::new(vec![
            Field::new("id", DataType::Int64, false),
            Field::new(name, DataType::Utf8, true),
        ]));
        let ids = Int64Array::from_iter_values(0..rows.len() as i64);
        let batch = RecordBatch::try_new(
            schema.clone(),
            vec![Arc::new(ids), Arc::new(StringArray::from(rows))],
        )
        .unwrap();
        let mut w = ArrowWriter::try_new(File::create(path).unwrap(), schema, None).unwrap();
        w.write(&batch).unwrap();
        w.close().unwrap();
    }

    #[test]
    fn rows_are_documents_or_errors_of_their_own() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("part-0.parquet");
        let doc = crate::pipeline::extract_clean("d1", "Japan protested to Russia.", None);
        let json = serde_json::to_string(&doc).unwrap();
        write(&path, COLUMN, vec![Some(&json), None, Some("{\"id\": 3}")]);
        assert!(is_parquet(&std::fs::read(&path).unwrap()));
        let rows: Vec<_> = Table::open(&path, 1 << 20).unwrap().collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].1.as_ref().unwrap(), &doc);
        assert!(rows[1].0.ends_with("part-0.parquet#2"));
        assert!(rows[1]
            .1
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("empty"));
        assert!(rows[2].1.is_err());
        let small: Vec<_> = Table::open(&path, 10).unwrap().collect();
        assert!(matches!(small[0].1, Err(IngestError::TooLarge { .. })));
    }

    #[test]
    fn a_parquet_file_of_something_else_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events.parquet");
        write(&path, "cameo", vec![Some("190")]);
        let e = Table::open(&path, 1 << 20).err().unwrap().to_string();
        assert!(e.contains("not a documents table"), "{e}");
    }
}
