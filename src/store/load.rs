//! `annals ingest`: inputs read and extracted in parallel, chunk by chunk, written by the one
//! writer in transactions of `--batch` inputs; then the keys with new reports merged again.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Instant;

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;

use super::{Item, MergeStats, Store, Written};
use crate::clean::Context;
use crate::ingest::{self, IngestError, Source};
use crate::pipeline;

/// What an ingest did.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub inputs: usize,
    /// Documents added by this run.
    pub documents: usize,
    /// Inputs whose bytes were already stored: skipped.
    pub known: usize,
    /// Events of the documents added.
    pub events: usize,
    /// Inputs that could not be read (recorded in the store's `errors`).
    pub errors: usize,
    pub merge: MergeStats,
    pub seconds: f64,
    /// Of which merging.
    pub merge_seconds: f64,
}

impl Summary {
    fn add(&mut self, w: Written) {
        self.documents += w.documents;
        self.known += w.known;
        self.events += w.events;
        self.errors += w.errors;
    }

    pub fn table(&self) -> String {
        let m = &self.merge;
        format!(
            "inputs {}: {} documents added, {} already stored, {} errors, in {:.1} s ({:.0} documents/s)\n\
             events added {}; in the store {} events -> {} merged events ({} told by two documents or more)\n\
             duplicate rate: {:.1}% of events before merging repeat another report; {:.1}% of merged events after\n",
            self.inputs,
            self.documents,
            self.known,
            self.errors,
            self.seconds,
            self.inputs as f64 / self.seconds.max(1e-9),
            self.events,
            m.events,
            m.merged,
            m.multi_source,
            m.duplicate_rate_before() * 100.0,
            m.duplicate_rate_after() * 100.0,
        )
    }
}

/// Inputs per transaction unless told otherwise: a larger transaction rewrites the pages every
/// document touches (index leaves, the full-text index) fewer times.
pub const DEFAULT_BATCH: usize = 1024;

/// How an ingest runs.
pub struct Options {
    pub max_bytes: u64,
    /// Inputs per transaction.
    pub batch: usize,
    pub progress: bool,
}

enum Done {
    Item(Item),
    Known,
}

/// Reads, extracts and stores every input under `paths`, then merges the keys it added
/// reports to (and any a killed ingest left pending).
pub fn ingest(store: &mut Store, paths: &[PathBuf], opts: &Options) -> Result<Summary> {
    let started = Instant::now();
    let sources = ingest::expand(paths);
    let known = store.ids()?;
    let bar = progress_bar(sources.len() as u64, opts.progress);
    let mut summary = Summary {
        inputs: sources.len(),
        ..Summary::default()
    };
    // At least 1,000 inputs, and at least as many as the store holds: building the merge index
    // once at the end is cheaper than updating it for every event.
    let bulk = sources.len() >= known.len().max(1000);
    if bulk {
        store.begin_bulk()?;
    }
    let (tx, rx) = mpsc::sync_channel::<Vec<Done>>(2);
    std::thread::scope(|scope| -> Result<()> {
        let sources = &sources;
        let known = &known;
        let max_bytes = opts.max_bytes;
        // Extraction runs on every core while the writer stores what came before. Chunks stay
        // small whatever the transaction's size, so that the documents in flight stay few.
        scope.spawn(move || {
            for chunk in sources.chunks(CHUNK) {
                let done = chunk
                    .par_iter()
                    .map(|(source, walk)| process(source, walk.as_deref(), known, max_bytes))
                    .collect();
                if tx.send(done).is_err() {
                    return;
                }
            }
        });
        write(store, rx, opts.batch.max(1), &mut summary, &bar)
    })?;
    bar.finish_and_clear();
    let merging = Instant::now();
    if bulk {
        store.end_bulk()?;
    }
    summary.merge = store.merge()?;
    summary.merge_seconds = merging.elapsed().as_secs_f64();
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Inputs extracted in parallel before they go to the writer.
const CHUNK: usize = 256;

/// The writer: adds what the extractors send, committing every `batch` inputs.
fn write(
    store: &mut Store,
    rx: mpsc::Receiver<Vec<Done>>,
    batch: usize,
    summary: &mut Summary,
    bar: &ProgressBar,
) -> Result<()> {
    let mut open = store.batch()?;
    for done in rx {
        for d in &done {
            match d {
                Done::Item(item) => open.add(item)?,
                Done::Known => summary.known += 1,
            }
            bar.inc(1);
            if open.len() >= batch {
                summary.add(open.commit()?);
                open = store.batch()?;
            }
        }
        // Freeing a chunk's documents takes the writer a twentieth of its time: an extractor
        // does it.
        rayon::spawn(move || drop(done));
    }
    summary.add(open.commit()?);
    Ok(())
}

fn process(source: &Source, walk: Option<&str>, known: &HashSet<String>, max: u64) -> Done {
    let failed = |e: IngestError| {
        Done::Item(Item::Failed {
            path: source.display(),
            message: e.to_string(),
        })
    };
    if let Some(e) = walk {
        return failed(IngestError::Walk(e.to_string()));
    }
    match ingest::read(source, max) {
        Err(e) => failed(e),
        Ok(raw) if known.contains(&raw.id) => Done::Known,
        Ok(raw) => {
            let doc = pipeline::extract(&raw, &Context::default());
            Done::Item(Item::doc(doc).unwrap_or_else(|e| Item::Failed {
                path: source.display(),
                message: format!("cannot serialize: {e}"),
            }))
        }
    }
}

fn progress_bar(len: u64, shown: bool) -> ProgressBar {
    if !shown {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    let style =
        ProgressStyle::with_template("{bar:40} {pos}/{len} documents, {per_sec}, {eta} left")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}
