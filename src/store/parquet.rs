//! The Parquet sink of `annals export`: rows gathered into Arrow record batches of a few
//! thousand and written as row groups, one column per field of `export::Row`.

use std::io::Write;
use std::sync::Arc;

use anyhow::Result;
use arrow_array::{ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use super::export::{Cell, Row, Sink};

/// Rows per record batch (and row group).
const ROWS: usize = 8192;

pub struct Parquet {
    writer: Option<ArrowWriter<Box<dyn Write + Send>>>,
    out: Option<Box<dyn Write + Send>>,
    rows: Vec<Row>,
}

impl Parquet {
    pub fn new(out: Box<dyn Write + Send>) -> Result<Parquet> {
        Ok(Parquet {
            writer: None,
            out: Some(out),
            rows: Vec::with_capacity(ROWS),
        })
    }

    /// Writes the rows gathered so far as one batch; the schema comes from the first row.
    fn flush(&mut self) -> Result<()> {
        let Some(first) = self.rows.first() else {
            return Ok(());
        };
        let schema = Arc::new(schema(first));
        if self.writer.is_none() {
            let props = WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .build();
            let out = self.out.take().expect("the output is taken once");
            self.writer = Some(ArrowWriter::try_new(out, schema.clone(), Some(props))?);
        }
        let cells: Vec<_> = self.rows.iter().map(Row::columns).collect();
        let columns = (0..schema.fields().len())
            .map(|i| column(&cells, i))
            .collect();
        let batch = RecordBatch::try_new(schema, columns)?;
        if let Some(w) = &mut self.writer {
            w.write(&batch)?;
        }
        self.rows.clear();
        Ok(())
    }
}

impl Sink for Parquet {
    fn write(&mut self, row: &Row) -> Result<()> {
        self.rows.push(row.clone());
        if self.rows.len() == ROWS {
            self.flush()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<()> {
        self.flush()?;
        match self.writer.take() {
            Some(w) => {
                w.close()?;
            }
            // No rows: still a valid file, with the columns and no row group.
            None => {
                let out = self.out.take().expect("the output is taken once");
                let schema = Arc::new(schema(&Row::default()));
                ArrowWriter::try_new(out, schema, None)?.close()?;
            }
        }
        Ok(())
    }
}

fn schema(row: &Row) -> Schema {
    let fields: Vec<Field> = row
        .columns()
        .iter()
        .map(|(name, cell)| {
            let (kind, nullable) = match cell {
                Cell::Text(_) => (DataType::Utf8, true),
                Cell::List(_) => (DataType::Utf8, false),
                Cell::Int(_) => (DataType::Int64, false),
                Cell::MaybeInt(_) => (DataType::Int64, true),
                Cell::Real(_) => (DataType::Float64, false),
                Cell::MaybeReal(_) => (DataType::Float64, true),
                Cell::Bool(_) => (DataType::Boolean, false),
            };
            Field::new(*name, kind, nullable)
        })
        .collect();
    Schema::new(fields)
}

/// Column `i` of the rows' cells as an Arrow array (every row has the same kinds of cells, so
/// the first row's kind is the column's).
fn column(cells: &[Vec<(&str, Cell)>], i: usize) -> ArrayRef {
    let all = |value: &dyn Fn(&Cell) -> Option<String>| -> Vec<Option<String>> {
        cells.iter().map(|row| value(&row[i].1)).collect()
    };
    let each = cells.iter().map(|row| &row[i].1);
    match &cells[0][i].1 {
        Cell::Text(_) | Cell::List(_) => Arc::new(StringArray::from(all(&|c| match c {
            Cell::Text(t) => t.map(str::to_string),
            Cell::List(l) => Some(l.join(" ")),
            _ => None,
        }))),
        Cell::Int(_) => Arc::new(Int64Array::from_iter_values(each.map(|c| match c {
            Cell::Int(v) => *v,
            _ => 0,
        }))),
        Cell::Real(_) => Arc::new(Float64Array::from_iter_values(each.map(|c| match c {
            Cell::Real(v) => *v,
            _ => 0.0,
        }))),
        Cell::MaybeInt(_) => Arc::new(Int64Array::from_iter(each.map(|c| match c {
            Cell::MaybeInt(v) => *v,
            _ => None,
        }))),
        Cell::MaybeReal(_) => Arc::new(Float64Array::from_iter(each.map(|c| match c {
            Cell::MaybeReal(v) => *v,
            _ => None,
        }))),
        Cell::Bool(_) => Arc::new(BooleanArray::from_iter(
            each.map(|c| Some(matches!(c, Cell::Bool(true)))),
        )),
    }
}
