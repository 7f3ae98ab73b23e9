//! `annals fuzz`: hostile inputs for every reader and the whole pipeline, on the stable toolchain.
//!
//! The fuzzers guided by coverage (cargo-fuzz with libFuzzer, AFL) need a nightly compiler or an
//! instrumented build, and CI runs on stable. This is a mutation fuzzer without guidance instead:
//! seeds of every kind of input Annals reads (plain text, an HTML page, a WARC archive, a JSON
//! Lines feed, UTF-16 text, a Parquet table of documents, gzipped or not), each input made from
//! one seed by a few mutations chosen for what breaks readers (`inputs`). Input `i` of a run seed
//! is always the same bytes, so a finding is replayed with `--start i --inputs 1`.
//!
//! Inputs run in worker processes (this program, `fuzz --worker`; `worker`), so that a crash (a
//! stack overflow, an abort) or an input that never ends is a finding of its own and the run goes
//! on after it: the supervisor here reads what a worker says, kills it when an input runs over
//! the time it allows, runs each input the dead worker had not finished alone to find the one to
//! blame, and starts a new worker after them.

mod inputs;
pub mod worker;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _, Result};
use serde::Serialize;

pub use inputs::{seeds, Seed};

/// What a run is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    /// The run's seed: the same seed, the same inputs.
    pub run: u64,
    /// The first input's number.
    pub start: u64,
    pub inputs: u64,
    /// An input that takes longer is a finding.
    pub slow: Duration,
    /// Folders of more seed files (articles, pages, archives).
    pub seeds: Vec<PathBuf>,
    /// Where to write the inputs of findings.
    pub save: Option<PathBuf>,
}

impl Options {
    /// A worker still reading one input after this long is killed: the input never ends.
    fn kill_after(&self) -> Duration {
        (self.slow * 6).max(Duration::from_secs(60))
    }
}

/// Something wrong that an input made happen.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// The input, when one is to blame.
    pub input: Option<u64>,
    /// `panic`, `crash`, `hang` (killed: never ended), `slow` (over `--slow`), `store`.
    pub kind: &'static str,
    pub detail: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.input {
            Some(i) => write!(f, "{} at input {i}: {}", self.kind, self.detail),
            None => write!(f, "{} outside an input: {}", self.kind, self.detail),
        }
    }
}

/// What a run did and found.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    pub run: u64,
    pub start: u64,
    pub inputs: u64,
    /// Inputs by the kind of seed they were made from.
    pub seeds: BTreeMap<String, u64>,
    pub documents: u64,
    /// The inputs' errors by kind ("bad record", "too deeply nested").
    pub errors: BTreeMap<String, u64>,
    pub findings: Vec<Finding>,
    /// The slowest input and its seconds.
    pub slowest: Option<(u64, f64)>,
    /// The largest peak resident memory of a worker, in MB.
    pub peak_mb: Option<f64>,
    pub workers: usize,
    pub seconds: f64,
    pub slow_seconds: f64,
}

impl Report {
    fn count(&self, kind: &str) -> usize {
        self.findings.iter().filter(|f| f.kind == kind).count()
    }

    /// No panic, crash, hang, slow input or store failure.
    pub fn clean(&self) -> bool {
        self.findings.is_empty()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let end = self.start + self.inputs.max(1) - 1;
        writeln!(
            f,
            "fuzz: {} inputs (run seed {}, inputs {}..={end}) in {:.0} s, {:.0} inputs/s, {} worker process(es)",
            self.inputs,
            self.run,
            self.start,
            self.seconds,
            self.inputs as f64 / self.seconds.max(1e-9),
            self.workers
        )?;
        let seeds: Vec<String> = self.seeds.iter().map(|(k, n)| format!("{k} {n}")).collect();
        writeln!(f, "made from seeds of: {}", seeds.join(", "))?;
        let failed: u64 = self.errors.values().sum();
        writeln!(
            f,
            "gave {} documents and {failed} per-input errors:",
            self.documents
        )?;
        let mut errors: Vec<_> = self.errors.iter().collect();
        errors.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (kind, n) in errors {
            writeln!(f, "  {n:>9}  {kind}")?;
        }
        let slowest = self
            .slowest
            .map_or("none".to_string(), |(i, s)| format!("input {i}, {s:.2} s"));
        let peak = self
            .peak_mb
            .map_or("unknown".to_string(), |mb| format!("{mb:.0} MB"));
        writeln!(
            f,
            "found: {} panics, {} crashes, {} hangs (killed), {} inputs over {} s, {} store failures; slowest {slowest}; peak memory {peak}",
            self.count("panic"),
            self.count("crash"),
            self.count("hang"),
            self.count("slow"),
            self.slow_seconds,
            self.count("store"),
        )?;
        for finding in &self.findings {
            writeln!(f, "  {finding}")?;
        }
        if let Some(i) = self.findings.iter().find_map(|f| f.input) {
            writeln!(
                f,
                "replay one: annals fuzz --seed {} --start {i} --inputs 1 --save DIR",
                self.run
            )?;
        }
        Ok(())
    }
}

/// Runs the inputs in worker processes of this program and reports what they did.
pub fn fuzz(opts: &Options) -> Result<Report> {
    let started = Instant::now();
    let mut s = Supervisor {
        opts: opts.clone(),
        report: Report {
            run: opts.run,
            start: opts.start,
            slow_seconds: opts.slow.as_secs_f64(),
            ..Report::default()
        },
        seeds: None,
        started,
        said: started,
    };
    let end = opts.start + opts.inputs;
    let mut next = opts.start;
    while next < end {
        let pass = s.pass(next, end - next)?;
        if pass.clean() {
            break;
        }
        let Some(last) = pass.last_started() else {
            bail!(
                "a fuzz worker died before reading any input: {}",
                pass.stderr
            );
        };
        // One of the inputs it had not finished killed it: each alone tells which.
        for i in next..=last {
            if !pass.done.contains(&i) {
                let alone = s.pass(i, 1)?;
                if !alone.clean() {
                    s.blame(i, &alone);
                }
            }
        }
        next = last + 1;
    }
    s.report.seconds = s.started.elapsed().as_secs_f64();
    s.report.findings.sort_by_key(|f| f.input);
    Ok(s.report)
}

/// Writes inputs `range` of run seed `run` to `dir`, without running them.
pub fn write(extra: &[PathBuf], run: u64, range: std::ops::Range<u64>, dir: &Path) -> Result<()> {
    let seeds = seeds(extra)?;
    for i in range {
        save(dir, run, i, &inputs::input(&seeds, run, i).1)?;
    }
    Ok(())
}

/// Writes an input to `dir` as `RUN-INPUT.input`.
pub fn save(dir: &Path, run: u64, i: u64, bytes: &[u8]) -> Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(format!("{run}-{i}.input"));
    std::fs::write(&path, bytes)?;
    Ok(path)
}

/// How often the supervisor says how far it is.
const PROGRESS_EVERY: Duration = Duration::from_secs(60);

struct Supervisor {
    opts: Options,
    report: Report,
    started: Instant,
    /// When it last said how far it was.
    said: Instant,
    /// The seeds, once an input is to be saved.
    seeds: Option<Result<Vec<Seed>>>,
}

/// What one worker process did.
#[derive(Default)]
struct Pass {
    /// Inputs started and not done, with when they started.
    running: HashMap<u64, Instant>,
    started: BTreeSet<u64>,
    done: BTreeSet<u64>,
    /// The input it was killed for, never ending.
    killed: Option<u64>,
    exited: bool,
    stderr: String,
}

impl Pass {
    fn clean(&self) -> bool {
        self.exited && self.killed.is_none()
    }

    fn last_started(&self) -> Option<u64> {
        self.started.last().copied()
    }
}

impl Supervisor {
    /// Runs inputs `start..start + count` in one worker until it ends, dies or is killed.
    fn pass(&mut self, start: u64, count: u64) -> Result<Pass> {
        let mut child = self.spawn(start, count)?;
        self.report.workers += 1;
        let lines = lines_of(child.stdout.take().expect("piped"));
        let stderr = tail_of(child.stderr.take().expect("piped"));
        let mut pass = Pass::default();
        loop {
            if self.said.elapsed() > PROGRESS_EVERY {
                self.progress();
            }
            match lines.recv_timeout(Duration::from_millis(200)) {
                Ok(line) => self.read(&line, &mut pass),
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    let stuck = pass
                        .running
                        .iter()
                        .find(|(_, t)| t.elapsed() > self.opts.kill_after())
                        .map(|(i, _)| *i);
                    if let Some(i) = stuck {
                        pass.killed = Some(i);
                        let _ = child.kill();
                    }
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        }
        pass.exited = child.wait()?.success();
        pass.stderr = stderr.join().unwrap_or_default();
        // A worker that died could not remove its folder.
        let _ = std::fs::remove_dir_all(worker::dir_of(child.id()));
        Ok(pass)
    }

    /// A line on standard error of how far the run is.
    fn progress(&mut self) {
        let r = &self.report;
        let seconds = self.started.elapsed().as_secs_f64();
        eprintln!(
            "fuzz: {} of {} inputs in {seconds:.0} s ({:.0} inputs/s), {} findings",
            r.inputs,
            self.opts.inputs,
            r.inputs as f64 / seconds.max(1e-9),
            r.findings.len()
        );
        self.said = Instant::now();
    }

    fn spawn(&self, start: u64, count: u64) -> Result<Child> {
        let exe = std::env::current_exe().context("finding this program to run workers")?;
        let mut cmd = Command::new(exe);
        cmd.args(["fuzz", "--worker", "--seed", &self.opts.run.to_string()])
            .args([
                "--start",
                &start.to_string(),
                "--inputs",
                &count.to_string(),
            ]);
        for dir in &self.opts.seeds {
            cmd.arg("--seeds").arg(dir);
        }
        cmd.stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .context("starting a fuzz worker")
    }

    /// Takes in one line a worker said (see `worker`).
    fn read(&mut self, line: &str, pass: &mut Pass) {
        let mut words = line.splitn(2, ' ');
        let (what, rest) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
        let r = &mut self.report;
        match what {
            "start" => {
                if let Ok(i) = rest.parse() {
                    pass.running.insert(i, Instant::now());
                    pass.started.insert(i);
                }
            }
            "done" => {
                let f: Vec<&str> = rest.split(' ').collect();
                let n = |k: usize| f.get(k).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
                let (i, ms) = (n(0), n(1));
                pass.running.remove(&i);
                pass.done.insert(i);
                r.inputs += 1;
                r.documents += n(2);
                *r.seeds
                    .entry(f.get(4).unwrap_or(&"?").to_string())
                    .or_insert(0) += 1;
                let seconds = ms as f64 / 1000.0;
                if r.slowest.is_none_or(|(_, s)| seconds > s) {
                    r.slowest = Some((i, seconds));
                }
                if seconds > r.slow_seconds {
                    let detail = format!("{seconds:.1} s");
                    self.found(Some(i), "slow", detail);
                }
            }
            "panic" => {
                let (at, message) = rest.split_once(' ').unwrap_or((rest, ""));
                self.found(at.parse().ok(), "panic", message.to_string());
            }
            "errors" => {
                let kinds: BTreeMap<String, u64> = serde_json::from_str(rest).unwrap_or_default();
                for (kind, n) in kinds {
                    *r.errors.entry(kind).or_insert(0) += n;
                }
            }
            "store" => self.found(None, "store", rest.to_string()),
            "peak" => {
                if let Ok(kb) = rest.parse::<f64>() {
                    let mb = kb / 1024.0;
                    r.peak_mb = Some(r.peak_mb.map_or(mb, |p| p.max(mb)));
                }
            }
            _ => {}
        }
    }

    /// Records the death of a worker that ran input `i` alone.
    fn blame(&mut self, i: u64, alone: &Pass) {
        let (kind, detail) = match alone.killed {
            Some(_) => (
                "hang",
                format!("still running after {} s", self.opts.kill_after().as_secs()),
            ),
            None => ("crash", last_line(&alone.stderr)),
        };
        self.report.inputs += 1;
        self.found(Some(i), kind, detail);
    }

    /// Records a finding, and writes its input to `--save`'s folder. (An input a dead worker
    /// had started is run again alone: what it did the first time is not found twice.)
    fn found(&mut self, input: Option<u64>, kind: &'static str, detail: String) {
        let known = |f: &Finding| f.input.is_some() && f.input == input && f.kind == kind;
        if self.report.findings.iter().any(known) {
            return;
        }
        if let (Some(i), Some(dir)) = (input, &self.opts.save) {
            let seeds = self.seeds.get_or_insert_with(|| seeds(&self.opts.seeds));
            let saved = match seeds {
                Ok(seeds) => save(
                    dir,
                    self.opts.run,
                    i,
                    &inputs::input(seeds, self.opts.run, i).1,
                ),
                Err(e) => Err(anyhow::anyhow!("{e:#}")),
            };
            if let Err(e) = saved {
                eprintln!("annals: fuzz: cannot save input {i}: {e:#}");
            }
        }
        let finding = Finding {
            input,
            kind,
            detail,
        };
        // Said at once as well: a long run's findings are not kept for its end alone.
        eprintln!("fuzz: found: {finding}");
        self.report.findings.push(finding);
    }
}

/// The lines a worker writes, as they come.
fn lines_of(out: impl Read + Send + 'static) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// The last few kilobytes a worker wrote to standard error (a crash's message).
fn tail_of(err: impl Read + Send + 'static) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut reader = BufReader::new(err);
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            all.extend_from_slice(&buf[..n]);
            if all.len() > 16384 {
                all.drain(..all.len() - 8192);
            }
        }
        String::from_utf8_lossy(&all).into_owned()
    })
}

fn last_line(text: &str) -> String {
    text.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("died without a message")
        .to_string()
}
