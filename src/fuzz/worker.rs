//! A worker process of `annals fuzz`: runs a range of inputs through the readers and every stage,
//! as `annals extract` reads a file, and stores what they give as `annals ingest` does, then asks
//! the store. It says what happened on standard output, a line an event, for the supervisor:
//!
//! - `start I`: input I is being read;
//! - `done I MILLISECONDS DOCUMENTS ERRORS SEED-KIND`: and how it went;
//! - `panic I MESSAGE` (`-` for I outside an input): a panic, caught or not;
//! - `errors {"KIND": N, ...}`: the inputs' errors of a chunk, by kind;
//! - `store MESSAGE`: the store failed on the documents of a chunk;
//! - `peak KB`: the worker's peak resident memory, at its end.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use anyhow::{Context as _, Result};
use rayon::prelude::*;

use super::inputs::{input, Seed};
use crate::document::Document;
use crate::ingest::{self, IngestError};
use crate::pipeline;
use crate::store::query::Filter;
use crate::store::{Item, Store};

/// Inputs whose documents are stored in one transaction.
const CHUNK: u64 = 64;

/// Inputs stored in one store before the next is started, so that it does not grow with the run.
const PER_STORE: u64 = 512;

thread_local! {
    /// The input this thread is reading, for the panic hook to name.
    static CURRENT: Cell<Option<u64>> = const { Cell::new(None) };
}

/// What a worker runs.
pub struct Job {
    pub run: u64,
    pub start: u64,
    pub count: u64,
    pub seeds: Vec<Seed>,
}

/// Runs the job's inputs in chunks, saying what happened.
pub fn work(job: &Job) -> Result<()> {
    let dir = dir_of(std::process::id());
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    std::panic::set_hook(Box::new(|info| {
        let at = CURRENT.with(Cell::get);
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = ingest::panic_message(info.payload());
        say(&format!(
            "panic {} {}{place}",
            at.map_or("-".to_string(), |i| i.to_string()),
            message.replace('\n', " ")
        ));
    }));
    let end = job.start + job.count;
    let (tx, rx) = mpsc::sync_channel(2 * CHUNK as usize);
    let stored = std::thread::scope(|scope| {
        let keeper = scope.spawn(|| keep(rx, &dir));
        // Inputs are taken in order as threads come free (no chunk waits for its slowest input),
        // so that those running are always the next ones: what a dead worker had not finished
        // is a handful of inputs, each run again alone.
        (job.start..end).par_bridge().for_each_with(tx, |tx, i| {
            let _ = tx.send(run_one(job, &dir, i));
        });
        keeper
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("the store's thread panicked")))
    });
    let _ = std::fs::remove_dir_all(&dir);
    stored?;
    if let Some(mb) = crate::bench::peak_memory_mb() {
        say(&format!("peak {}", (mb * 1024.0) as u64));
    }
    Ok(())
}

/// What reading one input gave: its number, documents, and errors by kind.
type Outcome = (u64, Vec<Document>, BTreeMap<String, u64>);

/// Stores the documents of every `CHUNK` inputs and asks the store, as they come, in a new store
/// every `PER_STORE` inputs; says the inputs' errors by kind.
fn keep(outcomes: mpsc::Receiver<Outcome>, dir: &Path) -> Result<()> {
    let path = dir.join("store.db");
    let mut store = None;
    let mut stored = 0;
    let mut chunk = Vec::new();
    let mut outcomes = outcomes.into_iter().peekable();
    while let Some(outcome) = outcomes.next() {
        chunk.push(outcome);
        if chunk.len() < CHUNK as usize && outcomes.peek().is_some() {
            continue;
        }
        if stored % PER_STORE == 0 {
            drop(store.take());
            for end in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{end}", path.display()));
            }
            store = Some(Store::open(&path)?);
        }
        stored += chunk.len() as u64;
        let (first, last) = chunk
            .iter()
            .fold((u64::MAX, 0), |(a, b), o| (a.min(o.0), b.max(o.0)));
        let mut errors = BTreeMap::new();
        let mut docs = Vec::new();
        for (_, d, e) in chunk.drain(..) {
            docs.extend(d);
            for (kind, n) in e {
                *errors.entry(kind).or_insert(0) += n;
            }
        }
        say(&format!("errors {}", serde_json::to_string(&errors)?));
        let Some(s) = store.as_mut() else { continue };
        let failed = match ingest::catch(|| store_and_ask(s, docs)) {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(format!("{e:#}").replace('\n', " ")),
            Err(bug) => Some(bug.to_string()),
        };
        if let Some(e) = failed {
            say(&format!(
                "store the documents of inputs {first}..={last}: {e}"
            ));
        }
    }
    Ok(())
}

/// The folder where the worker of process `pid` writes its inputs and its store.
pub fn dir_of(pid: u32) -> PathBuf {
    std::env::temp_dir().join(format!("annals-fuzz-{pid}"))
}

/// Reads input `i` as `annals extract` reads a file: its documents, and its errors by kind.
fn run_one(job: &Job, dir: &Path, i: u64) -> Outcome {
    let (from, bytes) = input(&job.seeds, job.run, i);
    // No extension: a reader is chosen by content.
    let path = dir.join(i.to_string());
    let mut docs = Vec::new();
    let mut errors = BTreeMap::new();
    if let Err(e) = std::fs::write(&path, &bytes) {
        *errors
            .entry(format!("fuzz: cannot write: {e}"))
            .or_insert(0) += 1;
        return (i, docs, errors);
    }
    say(&format!("start {i}"));
    CURRENT.with(|c| c.set(Some(i)));
    let started = Instant::now();
    fault(i);
    pipeline::run_batch(
        std::slice::from_ref(&path),
        &pipeline::Options::default(),
        |_, outcome| match outcome {
            Ok(doc) => docs.push(doc),
            Err(e) if e.is_skip() => {}
            Err(e) => *errors.entry(kind(&e)).or_insert(0) += 1,
        },
    );
    let ms = started.elapsed().as_millis();
    CURRENT.with(|c| c.set(None));
    let _ = std::fs::remove_file(&path);
    let failed: u64 = errors.values().sum();
    let seed_kind = &job.seeds[from].kind;
    say(&format!(
        "done {i} {ms} {} {failed} {seed_kind}",
        docs.len()
    ));
    (i, docs, errors)
}

/// An error's kind: its message up to the first colon or digit ("bad record", "not text").
fn kind(e: &IngestError) -> String {
    let text = e.to_string();
    let end = text
        .find(|c: char| c == ':' || c == '(' || c.is_ascii_digit())
        .unwrap_or(text.len());
    text[..end].trim().to_string()
}

/// Stores a chunk's documents, merges them, and asks the store what the commands ask.
fn store_and_ask(store: &mut Store, docs: Vec<Document>) -> Result<()> {
    let word = docs
        .iter()
        .flat_map(|d| d.body.split_whitespace())
        .find(|w| w.len() > 3 && !w.contains(char::is_control))
        // A word as a user types one: the store refuses a search over its length limit, rightly.
        .map(|w| w.chars().take(40).collect::<String>())
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")));
    let first = docs.first().map(|d| d.id.clone());
    let items = docs
        .into_iter()
        .map(Item::doc)
        .collect::<Result<Vec<_>>>()?;
    store.write(&items)?;
    store.merge()?;
    let some = Filter {
        limit: Some(100),
        all: true,
        reports: Some(3),
        ..Filter::default()
    };
    store.timeline(&some)?;
    store.events(&some)?;
    store.relations(&some, true)?;
    if let Some(w) = word {
        store
            .search(&w, 5)
            .with_context(|| format!("searching for {w}"))?;
    }
    if let Some(id) = first {
        store.document(&id)?;
    }
    Ok(())
}

/// A fault made on purpose at input `i`, to test the supervisor: `ANNALS_FUZZ_FAULTS` holds
/// `panic@I` (a panic, caught as a bug of the input would be) or `abort@I` (the process dies).
fn fault(i: u64) {
    let Ok(faults) = std::env::var("ANNALS_FUZZ_FAULTS") else {
        return;
    };
    for f in faults.split_whitespace() {
        match f.split_once('@') {
            Some(("panic", at)) if at == i.to_string() => {
                let _ = ingest::catch(|| panic!("a fault made on purpose"));
            }
            Some(("abort", at)) if at == i.to_string() => std::process::abort(),
            _ => {}
        }
    }
}

/// Says one line to the supervisor.
fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}
