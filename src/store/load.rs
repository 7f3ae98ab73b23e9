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
use crate::document::Document;
use crate::ingest::{self, IngestError, RawDoc, Source};
use crate::pipeline;

/// What an ingest did.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// Documents read: files, and the records of archives and feeds.
    pub inputs: usize,
    /// Documents added by this run.
    pub documents: usize,
    /// Inputs whose bytes were already stored: skipped.
    pub known: usize,
    /// Events of the documents added.
    pub events: usize,
    /// Inputs that could not be read (recorded in the store's `errors`).
    pub errors: usize,
    /// Records of archives that are not articles (WARC requests, images, redirects).
    pub skipped: usize,
    /// Loosely dated documents dated again by other outlets' dated reports of their events.
    pub redated: usize,
    pub merge: MergeStats,
    pub seconds: f64,
    /// Of which dating pages again by other outlets' reports, and merging.
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
        // Said only when it happened: most ingests date every page from the page.
        let redated = match self.redated {
            0 => String::new(),
            n => format!("{n} undated or loosely dated documents dated by other outlets' reports of their events\n"),
        };
        format!(
            "inputs {}: {} documents added, {} already stored, {} errors, {} records skipped (not articles), in {:.1} s ({:.0} documents/s)\n\
             {redated}\
             events added {}; in the store {} events -> {} merged events ({} told by two documents or more)\n\
             duplicate rate: {:.1}% of events before merging repeat another report; {:.1}% of merged events after\n",
            self.inputs,
            self.documents,
            self.known,
            self.errors,
            self.skipped,
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
    /// A record that is not an article (a WARC request, an image).
    Skipped,
}

/// A source after its first bytes are read: done, or records to read one by one.
enum Opened {
    Done(Done),
    Many(Many),
}

/// An archive or feed to read record by record, or a table of documents extracted elsewhere.
enum Many {
    Records(ingest::Records),
    Table(ingest::Table),
}

/// Reads, extracts and stores every input under `paths`, then merges the keys it added
/// reports to (and any a killed ingest left pending).
pub fn ingest(store: &mut Store, paths: &[PathBuf], opts: &Options) -> Result<Summary> {
    let started = Instant::now();
    // The store may sit in a folder it ingests: its own files are not inputs.
    let sources = ingest::expand(paths, store.path());
    let known = store.ids()?;
    let bar = progress_bar(sources.len() as u64, opts.progress);
    let mut summary = Summary {
        inputs: sources.len(),
        ..Summary::default()
    };
    // Into an empty store (whatever the inputs: one archive may hold a million pages), or at
    // least 1,000 inputs and as many as the store holds: building the merge index once at the
    // end is cheaper than updating it for every event.
    let bulk = known.is_empty() || sources.len() >= known.len().max(1000);
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
                let opened: Vec<Opened> = chunk
                    .par_iter()
                    .map(|(source, walk)| open(source, walk.as_deref(), known, max_bytes))
                    .collect();
                let mut ready = Vec::with_capacity(opened.len());
                let mut many = Vec::new();
                for o in opened {
                    match o {
                        Opened::Done(d) => ready.push(d),
                        Opened::Many(m) => many.push(m),
                    }
                }
                if tx.send(ready).is_err() {
                    return;
                }
                for o in many {
                    let sent = match o {
                        Many::Records(records) => {
                            stream(records, |path, raw| done(&path, raw, known), &tx)
                        }
                        Many::Table(rows) => {
                            stream(rows, |path, doc| stored(&path, doc, known), &tx)
                        }
                    };
                    if sent.is_err() {
                        return;
                    }
                }
            }
        });
        write(store, rx, opts.batch.max(1), &mut summary, &bar)
    })?;
    bar.finish_and_clear();
    summary.inputs = summary.documents + summary.known + summary.errors + summary.skipped;
    let merging = Instant::now();
    if bulk {
        store.end_bulk()?;
    }
    summary.redated = store.redate()?;
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
                Done::Skipped => summary.skipped += 1,
            }
            if bar.position() >= bar.length().unwrap_or(0) {
                // An archive or feed holds more documents than the files counted.
                bar.inc_length(1);
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

fn open(source: &Source, walk: Option<&str>, known: &HashSet<String>, max: u64) -> Opened {
    let path = source.display();
    if let Some(e) = walk {
        return Opened::Done(done(&path, Err(IngestError::Walk(e.to_string())), known));
    }
    match ingest::catch(|| ingest::open(source, max)).and_then(|o| o) {
        Err(e) => Opened::Done(done(&path, Err(e), known)),
        Ok(ingest::Opened::One(raw)) => Opened::Done(done(&path, *raw, known)),
        Ok(ingest::Opened::Many(records)) => Opened::Many(Many::Records(records)),
        Ok(ingest::Opened::Table(rows)) => Opened::Many(Many::Table(rows)),
    }
}

/// Reads an archive, feed or table in order, handling its records chunk by chunk on every
/// core.
fn stream<T: Send>(
    records: impl Iterator<Item = (String, T)>,
    each: impl Fn(String, T) -> Done + Sync,
    tx: &mpsc::SyncSender<Vec<Done>>,
) -> Result<(), mpsc::SendError<Vec<Done>>> {
    let mut records = records.peekable();
    while records.peek().is_some() {
        let chunk: Vec<_> = records.by_ref().take(CHUNK).collect();
        let done = chunk
            .into_par_iter()
            .map(|(path, record)| each(path, record))
            .collect();
        tx.send(done)?;
    }
    Ok(())
}

/// A document extracted elsewhere, stored as it is unless the store has it.
fn stored(path: &str, doc: Result<Document, IngestError>, known: &HashSet<String>) -> Done {
    match doc {
        Ok(doc) if known.contains(&doc.id) => Done::Known,
        Ok(doc) => kept(path, doc),
        Err(e) => failed(path, e.to_string()),
    }
}

/// Extracts a document read, unless the store has it; a failure is an error item.
fn done(path: &str, raw: Result<RawDoc, IngestError>, known: &HashSet<String>) -> Done {
    match raw {
        Err(e) if e.is_skip() => Done::Skipped,
        Err(e) => failed(path, e.to_string()),
        Ok(raw) if known.contains(&raw.id) => Done::Known,
        Ok(raw) => match pipeline::guarded(&raw, &Context::default()) {
            Ok(doc) => kept(path, doc),
            Err(e) => failed(path, e.to_string()),
        },
    }
}

/// A document ready for the writer.
fn kept(path: &str, doc: Document) -> Done {
    Item::doc(doc).map_or_else(
        |e| failed(path, format!("cannot serialize: {e}")),
        Done::Item,
    )
}

fn failed(path: &str, message: String) -> Done {
    Done::Item(Item::Failed {
        path: path.to_string(),
        message,
    })
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
